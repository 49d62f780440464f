package text

import (
	"github.com/kgraph/kg/graph"
	"github.com/neurosnap/sentences"
)

// span is a run of lines that makes one item, before sidebars are told apart.
type span struct {
	from, to int // lines [from, to)
	dateLine int // the item's own date line, or -1
	headline int // the headline line before the date line, or -1
}

// piece is a line, or the text part of a date line, that belongs to an item's body; after
// joinWrapped, a run of such lines that the tokenizer splits into sentences.
type piece struct {
	start, end int  // span in Document.Text
	para       bool // a blank line comes before it within its item
}

// splitItems splits a page into items at its date lines. A headline just before a date
// line, or repeated on the date line ("Headline 05.09.2025"), opens the next item; the text
// before the first date line is an item of its own.
func splitItems(text string, published graph.Date, tok *sentences.DefaultSentenceTokenizer) []Item {
	ls := splitLines(text)
	var items []Item
	for _, sp := range spans(text, ls) {
		items = append(items, buildItems(text, ls, sp, published, tok)...)
	}
	return items
}

// spans cuts the lines into items at date lines.
func spans(text string, ls []line) []span {
	var out []span
	cur := span{from: 0, dateLine: -1, headline: -1}
	for i, l := range ls {
		if !l.isDate() {
			continue
		}
		h := headlineBefore(text, ls, cur, i)
		cut := i
		if h >= 0 {
			cut = h
		}
		if cur.to = cut; cur.to > cur.from {
			out = append(out, cur)
		}
		cur = span{from: cut, dateLine: i, headline: h}
	}
	cur.to = len(ls)
	return append(out, cur)
}

// headlineBefore returns the line just before date line i that is the headline of the item
// it opens, or -1. It never takes the only line of the item before.
func headlineBefore(text string, ls []line, cur span, i int) int {
	j := i - 1
	for j > cur.dateLine && j >= cur.from && ls[j].kind == lineBlank {
		j--
	}
	if j < cur.from || j <= cur.dateLine || ls[j].kind != lineText {
		return -1
	}
	s := text[ls[j].start:ls[j].end]
	if ls[i].kind == lineTitled && sameWords(s, text[ls[i].start:ls[i].split]) {
		return j
	}
	if !headlineLike(s) {
		return -1
	}
	if cur.dateLine >= 0 {
		has := ls[cur.dateLine].kind != lineDate || cur.headline >= 0
		for k := cur.dateLine + 1; k < j && !has; k++ {
			has = ls[k].kind != lineBlank
		}
		if !has {
			return -1
		}
	}
	return j
}

// body returns the pieces of a span: its lines without date lines, blank lines and a
// headline repeated on the date line.
func body(text string, ls []line, sp span) []piece {
	var ps []piece
	para := false
	for k := sp.from; k < sp.to; k++ {
		l := ls[k]
		p := piece{start: l.start, end: l.end}
		switch {
		case l.kind == lineBlank:
			para = len(ps) > 0
			continue
		case k != sp.dateLine:
		case l.kind == lineLead:
			p.start = l.split
		case l.kind == lineTitled && (sp.headline < 0 || !sameWords(text[l.start:l.split], text[ls[sp.headline].start:ls[sp.headline].end])):
			p.end = l.split
		default:
			para = len(ps) > 0
			continue
		}
		p.para = para
		para = false
		ps = append(ps, p)
	}
	return ps
}

// title returns the index of the piece that is the item's headline, or -1: the headline
// before the date line, the one on it, or a headline-like first line with more text after.
func title(text string, ls []line, sp span, ps []piece) int {
	if len(ps) == 0 {
		return -1
	}
	if sp.headline >= 0 || sp.dateLine >= 0 && ls[sp.dateLine].kind == lineTitled {
		return 0
	}
	if len(ps) > 1 && headlineLike(text[ps[0].start:ps[0].end]) {
		return 0
	}
	return -1
}

// buildItems turns a span into items: one, or several when the span is a run of sidebar
// teasers.
func buildItems(text string, ls []line, sp span, published graph.Date, tok *sentences.DefaultSentenceTokenizer) []Item {
	ps := body(text, ls, sp)
	last := sp.to - 1
	for last > sp.from && ls[last].kind == lineBlank {
		last--
	}
	it := Item{Start: ls[sp.from].start, End: ls[last].end}
	ps, dl := findDateline(text, ps, published)
	it.Dateline = dl.city
	switch {
	case sp.dateLine >= 0:
		it.Date, it.Dated = ls[sp.dateLine].date, true
	case dl.date != "":
		it.Date, it.Dated = dl.date, true
	}
	if t := title(text, ls, sp, ps); t >= 0 {
		it.Title = text[ps[t].start:ps[t].end]
	}
	us := joinWrapped(text, ps)
	sents := make([][]Sentence, len(us))
	for i, u := range us {
		sents[i] = split(tok, text, u)
	}
	if it.Dated {
		return nonEmpty([]Item{withSentences(it, sents)})
	}
	return undated(it, us, sents, published)
}

// findDateline looks for a dateline at the start of the first three pieces and cuts it
// off the piece, so that sentences start after it.
func findDateline(text string, ps []piece, published graph.Date) ([]piece, dateline) {
	for i := 0; i < len(ps) && i < 3; i++ {
		dl, ok := parseDateline(text[ps[i].start:ps[i].end], published)
		if !ok {
			continue
		}
		ps[i].start += dl.n
		if ps[i].start >= ps[i].end {
			ps = append(ps[:i], ps[i+1:]...)
		}
		return ps, dl
	}
	return ps, dateline{}
}

// withSentences gives an item the sentences of its pieces.
func withSentences(it Item, sents [][]Sentence) Item {
	for _, s := range sents {
		it.Sentences = append(it.Sentences, s...)
	}
	return it
}

// nonEmpty drops items without sentences: a date line with nothing under it.
func nonEmpty(items []Item) []Item {
	out := items[:0]
	for _, it := range items {
		if len(it.Sentences) > 0 {
			out = append(out, it)
		}
	}
	return out
}
