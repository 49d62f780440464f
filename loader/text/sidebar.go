package text

import (
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/loader/dates"
)

// leadWindow is how far into a paragraph a date may stand and still open it: "On 16
// February 2024, …", "In the period from 27 to 30 March 2023, …".
const leadWindow = 40

// block is a paragraph of an undated item, as a run of pieces [from, to). When the item has
// no blank lines, each line is a paragraph.
type block struct{ from, to int }

// undated dates an item that has no date line or dateline of its own. Many pages open with
// a sidebar of teasers for other news before the article; when the text shows such a run —
// a teaser plainly newer than the page, or, with no published date, at least two paragraphs
// that open with a full date — each teaser becomes an item dated by the first full date it
// states, else left undated. Otherwise the item takes the published date, or, failing that,
// the first full date of its lead paragraph.
func undated(it Item, us []piece, sents [][]Sentence, published graph.Date) []Item {
	bs := blocks(us)
	full := make([][]fullDates, len(sents))
	for i, ss := range sents {
		full[i] = make([]fullDates, len(ss))
		for j, s := range ss {
			full[i][j] = findFullDates(s.Text)
		}
	}
	if !sidebar(bs, full, published) {
		switch {
		case published != "":
			it.Date = published
		default:
			lead := 0
			if it.Title != "" && len(bs) > 1 && bs[0].to-bs[0].from == 1 {
				lead = 1
			}
			if len(bs) > 0 {
				it.Date = firstFullDate(bs[lead], full)
			}
		}
		return nonEmpty([]Item{withSentences(it, sents)})
	}
	var items []Item
	headline := false
	for i, b := range bs {
		isHeadline := b.to-b.from == 1 && len(sents[b.from]) == 1 && headlineLike(sents[b.from][0].Text) && i+1 < len(bs)
		if i == 0 || !headline && (isHeadline || opensWithDate(sents, b, published)) {
			sub := Item{Start: us[b.from].start, Dateline: it.Dateline}
			if isHeadline {
				sub.Title = sents[b.from][0].Text
			}
			items = append(items, sub)
		}
		sub := &items[len(items)-1]
		sub.End = us[b.to-1].end
		for u := b.from; u < b.to; u++ {
			sub.Sentences = append(sub.Sentences, sents[u]...)
		}
		if sub.Date == "" {
			sub.Date = firstFullDate(b, full)
		}
		headline = isHeadline
	}
	return nonEmpty(items)
}

// fullDates are the days with their year that a sentence states, and whether it speaks of
// the future: a teaser reports what happened, an announcement is no sign of a sidebar.
type fullDates struct {
	days   []dates.Mention
	future bool
}

func findFullDates(s string) fullDates {
	var fd fullDates
	for _, m := range dates.Find(s, "") {
		if !m.Relative && len(m.Start) == len("2006-01-02") {
			fd.days = append(fd.days, m)
		}
	}
	if len(fd.days) > 0 {
		fd.future = dates.Future(s)
	}
	return fd
}

// blocks groups pieces into paragraphs.
func blocks(us []piece) []block {
	paras := false
	for _, u := range us[min(1, len(us)):] {
		paras = paras || u.para
	}
	var bs []block
	for i, u := range us {
		if i == 0 || !paras || u.para {
			bs = append(bs, block{i, i})
		}
		bs[len(bs)-1].to = i + 1
	}
	return bs
}

// sidebar reports whether the blocks are a run of teasers: one names a full date later
// than the page in a sentence not about the future, or, with no published date, two open
// with a full date.
func sidebar(bs []block, full [][]fullDates, published graph.Date) bool {
	opening := 0
	for _, b := range bs {
		for u := b.from; u < b.to; u++ {
			for j, fd := range full[u] {
				for _, m := range fd.days {
					if published != "" && later(m.Start, published) && !fd.future {
						return true
					}
					if u == b.from && j == 0 && m.Offset <= leadWindow {
						opening++
					}
				}
			}
		}
	}
	return published == "" && opening >= 2
}

// opensWithDate reports whether a block's first sentence opens with a date expression of
// any kind — "On 7 February, …" and "Today, …" open teasers too.
func opensWithDate(sents [][]Sentence, b block, published graph.Date) bool {
	if len(sents[b.from]) == 0 {
		return false
	}
	ref := published
	if ref == "" {
		ref = "2000-01-01" // any day will do: only whether a date stands there matters
	}
	ms := dates.Find(sents[b.from][0].Text, ref)
	return len(ms) > 0 && ms[0].Offset <= leadWindow
}

// firstFullDate returns the first full date of a block stated in a sentence not about the
// future, or "".
func firstFullDate(b block, full [][]fullDates) graph.Date {
	for u := b.from; u < b.to; u++ {
		for _, fd := range full[u] {
			if len(fd.days) > 0 && !fd.future {
				return fd.days[0].Start
			}
		}
	}
	return ""
}

// later reports whether day d falls after the published date p, at p's precision.
func later(d, p graph.Date) bool {
	if len(p) < len(d) {
		d = d[:len(p)]
	}
	return d > p
}
