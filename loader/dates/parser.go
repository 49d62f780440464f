package dates

import (
	"strings"

	"github.com/kgraph/kg/graph"
)

// Bounds of a four-digit number read as a year.
const (
	minYear = 1800
	maxYear = 2199
)

// parser reads the tokens of one sentence.
type parser struct {
	s       string
	toks    []token
	ref     reference
	fut     int8 // future tense: 0 not yet known, 1 yes, -1 no
	yearEnd int  // token index just after the last bare-year mention, for "in 2018 and 2019"
}

func newParser(s string, ref graph.Date) *parser {
	return &parser{s: s, toks: tokenize(s, make([]token, 0, len(s)/4+4)), ref: newReference(ref), yearEnd: -1}
}

func (p *parser) text(i int) string { return p.s[p.toks[i].start:p.toks[i].end] }

// punct reports whether token i is the punctuation mark c.
func (p *parser) punct(i int, c byte) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].kind == tPunct && p.s[p.toks[i].start] == c
}

// dash reports whether token i is a hyphen or a dash.
func (p *parser) dash(i int) bool {
	if i < 0 || i >= len(p.toks) || p.toks[i].kind != tPunct {
		return false
	}
	switch p.text(i) {
	case "-", "–", "—", "‒":
		return true
	}
	return false
}

// word returns token i when it is a word, else "".
func (p *parser) word(i int) string {
	if i < 0 || i >= len(p.toks) || p.toks[i].kind != tWord {
		return ""
	}
	return p.text(i)
}

func (p *parser) wordIs(i int, w string) bool { return strings.EqualFold(p.word(i), w) }

// glued reports whether token i touches the token before it.
func (p *parser) glued(i int) bool { return i > 0 && i < len(p.toks) && !p.toks[i].space }

// inNumber reports whether the number at i continues a number before it ("1267/1989",
// "61.5", "+7495-621"), so it cannot start a date.
func (p *parser) inNumber(i int) bool {
	return p.glued(i) && p.toks[i-1].kind == tPunct && strings.ContainsAny(p.text(i-1), ".,/:-–") &&
		p.glued(i-1) && p.toks[i-2].kind == tNum
}

// numberGoesOn reports whether a number ending before token j runs on ("2.5", "10:30",
// "2,000"), so it is not a date's part. A dash goes on to a range, which callers judge.
func (p *parser) numberGoesOn(j int) bool {
	return p.glued(j) && p.toks[j].kind == tPunct && strings.ContainsAny(p.text(j), ".,/:") &&
		p.glued(j+1) && j+1 < len(p.toks) && p.toks[j+1].kind == tNum
}

// nameGlued reports whether the number at i is glued by a hyphen or dash to a word before
// it: "Interaction-2025", "Search–2025" are names, not dates.
func (p *parser) nameGlued(i int) bool {
	return p.glued(i) && p.dash(i-1) && p.glued(i-1) && i >= 2 && p.toks[i-2].kind == tWord
}

// day returns the day of month at token i.
func (p *parser) day(i int) (int, bool) {
	if i >= len(p.toks) || p.toks[i].kind != tNum {
		return 0, false
	}
	t := p.toks[i]
	if t.digits > 2 || t.num < 1 || t.num > 31 || p.numberGoesOn(i+1) {
		return 0, false
	}
	return t.num, true
}

// yearAt returns the year at token i: four digits, no ordinal, not inside a longer number.
func (p *parser) yearAt(i int) (int, bool) {
	if i >= len(p.toks) || p.toks[i].kind != tNum {
		return 0, false
	}
	t := p.toks[i]
	if t.digits != 4 || t.ordinal || t.num < minYear || t.num > maxYear || p.numberGoesOn(i+1) {
		return 0, false
	}
	if p.dash(i+1) && p.glued(i+1) && p.glued(i+2) && p.toks[i+2].kind == tNum && p.toks[i+2].digits != 4 {
		return 0, false // "2025-09", "7495-621"
	}
	return t.num, true
}

// month returns the month named at token i and the index after it (and after the full stop
// of an abbreviation such as "Sept.").
func (p *parser) month(i int) (int, int, bool) {
	w := p.word(i)
	info := lookup(w)
	if info.flags&fMonth == 0 || !isCapitalised(w) {
		return 0, i, false
	}
	j := i + 1
	if info.flags&fAbbr != 0 && p.punct(j, '.') && p.glued(j) {
		j++
	}
	return info.val, j, true
}

// rangeSep returns the index after a separator between the two ends of a range at i: a
// dash, "to", "through", "till", "until", or "and" when and is true.
func (p *parser) rangeSep(i int, and bool) (int, bool) {
	if p.dash(i) {
		return i + 1, true
	}
	w := p.word(i)
	if lookup(w).flags&fRangeSep != 0 || and && strings.EqualFold(w, "and") {
		return i + 1, true
	}
	return i, false
}

// match reads a date expression starting at token i.
func (p *parser) match(i int) (Mention, int, bool) {
	switch p.toks[i].kind {
	case tNum:
		if m, j, _, ok := p.absolute(i); ok {
			return m, j, true
		}
		return p.year(i)
	case tWord:
		w := p.text(i)
		info := lookup(w)
		switch {
		case info.flags&fMonth != 0 && isCapitalised(w):
			return p.monthFirst(i)
		case info.flags&fWeekday != 0 && info.flags&fAbbr == 0 && isCapitalised(w):
			return p.weekday(i)
		case info.flags&fRelDay != 0 && p.ref.prec == precDay:
			return p.mention(i, i+1, p.ref.addDays(info.val), "", true), i + 1, true
		case info.flags&fRelShift != 0:
			return p.relative(i, info.val)
		case strings.EqualFold(w, "the"):
			return p.theDay(i)
		}
	}
	return Mention{}, i, false
}

// mention builds the mention over tokens [i, j).
func (p *parser) mention(i, j int, start, end graph.Date, rel bool) Mention {
	off := p.toks[i].start
	return Mention{Start: start, End: end, Offset: off, Length: p.toks[j-1].end - off, Text: p.s[off:p.toks[j-1].end], Relative: rel}
}

// clock reads a time of day after a date line's date: "17:51", ", 14:23", "- 10:34",
// "at 11:07:00 AM". It returns the index after it.
func (p *parser) clock(i int) (int, bool) {
	j := i
	if p.punct(j, ',') || p.dash(j) || p.punct(j, '|') || p.wordIs(j, "at") {
		j++
	}
	h, ok := p.numAt(j, 2)
	if !ok || h > 24 || !p.punct(j+1, ':') {
		return i, false
	}
	j++
	for p.punct(j, ':') && p.glued(j) && p.glued(j+1) {
		if _, ok := p.numAt(j+1, 2); !ok {
			return i, false
		}
		j += 2
	}
	if w := p.word(j); strings.EqualFold(w, "am") || strings.EqualFold(w, "pm") {
		j++
	}
	return j, true
}

// numAt returns the number at token i if it has at most maxDigits digits.
func (p *parser) numAt(i, maxDigits int) (int, bool) {
	if i >= len(p.toks) || p.toks[i].kind != tNum || p.toks[i].ordinal || p.toks[i].digits > maxDigits {
		return 0, false
	}
	return p.toks[i].num, true
}
