package dates

import (
	"strings"
	"time"
)

// relYear reads an optional ", this year" / "last year" / "next year" at i and returns the
// shift from the reference year.
func (p *parser) relYear(i int) (int, int, bool) {
	j := i
	if p.punct(j, ',') {
		j++
	}
	info := lookup(p.word(j))
	if info.flags&fRelShift != 0 && lookup(p.word(j+1)).flags&fUnitYear != 0 {
		return info.val, j + 2, true
	}
	return 0, i, false
}

// weekday reads "on Thursday", "last Friday", and absorbs a weekday before a date
// ("Saturday, 16 September 2023").
func (p *parser) weekday(i int) (Mention, int, bool) {
	j := i + 1
	if p.punct(j, ',') {
		j++
	}
	if j < len(p.toks) && (p.toks[j].kind == tNum || p.toks[j].kind == tWord) {
		if m, k, _, ok := p.absolute(j); ok {
			return m, k, true
		}
	}
	if p.ref.prec != precDay {
		return Mention{}, i, false
	}
	target := time.Weekday(lookup(p.text(i)).val)
	refDay := p.ref.t.Weekday()
	start, strict := i, false
	shift := lookup(p.word(i - 1))
	forward := p.future()
	if shift.flags&fRelShift != 0 && shift.val != 0 {
		start, strict, forward = i-1, true, shift.val > 0
	}
	var n int
	if forward {
		n = (int(target) - int(refDay) + 7) % 7
		if n == 0 && strict {
			n = 7
		}
	} else {
		n = -((int(refDay) - int(target) + 7) % 7)
		if n == 0 && strict {
			n = -7
		}
	}
	return p.mention(start, i+1, p.ref.addDays(n), "", true), i + 1, true
}

// relative reads "this year", "last year", "next month" at i; shift is the word's value.
func (p *parser) relative(i, shift int) (Mention, int, bool) {
	unit := lookup(p.word(i + 1))
	switch {
	case unit.flags&fUnitYear != 0 && p.ref.prec != precNone:
		d, _ := point{y: p.ref.t.Year() + shift}.date()
		return p.mention(i, i+2, d, "", true), i + 2, true
	case unit.flags&fUnitMonth != 0 && p.ref.prec >= precMonth:
		return p.mention(i, i+2, p.ref.monthShift(shift), "", true), i + 2, true
	}
	return Mention{}, i, false
}

// theDay reads "the eve" (not "the eve of the meeting", which points elsewhere), "the day
// before", "the day before yesterday", "the day after tomorrow".
func (p *parser) theDay(i int) (Mention, int, bool) {
	if p.ref.prec != precDay {
		return Mention{}, i, false
	}
	switch {
	case p.wordIs(i+1, "eve") && !p.wordIs(i+2, "of"):
		return p.mention(i, i+2, p.ref.addDays(-1), "", true), i + 2, true
	case p.wordIs(i+1, "day") && p.wordIs(i+2, "before") && p.wordIs(i+3, "yesterday"):
		return p.mention(i, i+4, p.ref.addDays(-2), "", true), i + 4, true
	case p.wordIs(i+1, "day") && p.wordIs(i+2, "after") && p.wordIs(i+3, "tomorrow"):
		return p.mention(i, i+4, p.ref.addDays(2), "", true), i + 4, true
	case p.wordIs(i+1, "day") && p.wordIs(i+2, "before") && p.word(i+3) == "":
		return p.mention(i, i+3, p.ref.addDays(-1), "", true), i + 3, true
	}
	return Mention{}, i, false
}

// future reports whether the sentence is in the future tense; see Future.
func (p *parser) future() bool {
	if p.fut != 0 {
		return p.fut > 0
	}
	p.fut = -1
	for i := range p.toks {
		w := p.word(i)
		if w == "" {
			continue
		}
		switch {
		case lookup(w).flags&fFuture != 0,
			(strings.EqualFold(w, "is") || strings.EqualFold(w, "are")) && p.wordIs(i+1, "to"),
			strings.EqualFold(w, "ll") && p.punct(i-1, '\'') && p.glued(i):
			p.fut = 1
			return true
		}
	}
	return false
}
