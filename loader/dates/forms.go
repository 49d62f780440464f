package dates

import (
	"strings"

	"github.com/kgraph/kg/graph"
)

// absolute reads a date at i in any of its forms but the relative ones: numeric, day-first
// or month-first. The third result reports a numeric form.
func (p *parser) absolute(i int) (Mention, int, bool, bool) {
	if m, j, ok := p.numeric(i); ok {
		return m, j, true, true
	}
	if p.toks[i].kind == tWord {
		m, j, ok := p.monthFirst(i)
		return m, j, false, ok
	}
	m, j, ok := p.dayFirst(i)
	return m, j, false, ok
}

// numeric reads "05.09.2025" (day first), "2025-09-05" and an unambiguous "01/15/2015".
func (p *parser) numeric(i int) (Mention, int, bool) {
	if i+4 >= len(p.toks) || p.inNumber(i) {
		return Mention{}, i, false
	}
	for k := i + 1; k <= i+4; k++ {
		if !p.glued(k) {
			return Mention{}, i, false
		}
	}
	a, b, c := p.toks[i], p.toks[i+2], p.toks[i+4]
	if a.kind != tNum || b.kind != tNum || c.kind != tNum || a.ordinal || b.ordinal || c.ordinal || p.numberGoesOn(i+5) {
		return Mention{}, i, false
	}
	var pt point
	switch {
	case p.punct(i+1, '.') && p.punct(i+3, '.') && a.digits <= 2 && b.digits <= 2 && c.digits == 4:
		pt = point{c.num, b.num, a.num}
	case p.punct(i+1, '-') && p.punct(i+3, '-') && a.digits == 4 && b.digits == 2 && c.digits == 2:
		pt = point{a.num, b.num, c.num}
	case p.punct(i+1, '/') && p.punct(i+3, '/') && a.digits <= 2 && b.digits <= 2 && c.digits == 4:
		switch {
		case a.num == b.num || a.num > 12 && b.num <= 12:
			pt = point{c.num, b.num, a.num}
		case b.num > 12 && a.num <= 12:
			pt = point{c.num, a.num, b.num}
		default:
			return Mention{}, i, false // "03/04/2015" could be either
		}
	default:
		return Mention{}, i, false
	}
	if pt.y < minYear || pt.y > maxYear || pt.m < 1 || pt.m > 12 || pt.d < 1 {
		return Mention{}, i, false
	}
	d, ok := pt.date()
	if !ok {
		return Mention{}, i, false
	}
	return p.mention(i, i+5, d, "", false), i + 5, true
}

// dayMonth reads "5 September", "3-6 September", "10 and 11 December", "12th of May".
func (p *parser) dayMonth(i int) (d1, d2, m, j int, ok bool) {
	d1, ok = p.day(i)
	if !ok || p.inNumber(i) || p.nameGlued(i) {
		return 0, 0, 0, i, false
	}
	j = i + 1
	if k, ok := p.rangeSep(j, true); ok {
		if d, ok := p.day(k); ok {
			d2, j = d, k+1
		}
	}
	if p.wordIs(j, "of") {
		j++
	}
	m, j, ok = p.month(j)
	if !ok {
		return 0, 0, 0, i, false
	}
	return d1, d2, m, j, true
}

// monthDay reads "September 5", "June 24-26", "July 6 to 10", "December 10 and 11".
func (p *parser) monthDay(i int) (m, d1, d2, j int, ok bool) {
	m, j, ok = p.month(i)
	if !ok {
		return 0, 0, 0, i, false
	}
	d1, ok = p.day(j)
	if !ok {
		return 0, 0, 0, i, false
	}
	j++
	if k, ok := p.rangeSep(j, true); ok {
		if d, ok := p.day(k); ok {
			if _, _, isMonth := p.month(k + 1); !isMonth { // "June 30 and 1 July" is two dates
				d2, j = d, k+1
			}
		}
	}
	return m, d1, d2, j, true
}

// dayFirst reads the day-first forms: "5 September 2025", "From 3 to 6 September",
// "30 September – 2 October 2025", "from 30 to 2 November 2018", "15 May this year".
func (p *parser) dayFirst(i int) (Mention, int, bool) {
	d1, d2, m, j, ok := p.dayMonth(i)
	if !ok {
		return Mention{}, i, false
	}
	a, b := point{d: d1, m: m}, point{}
	if d2 > 0 {
		b = point{d: d2, m: m}
		if d2 < d1 { // "from 30 to 2 November": the range starts in the month before
			a.m = (m+10)%12 + 1
		}
	}
	if y, k, ok := p.optYear(j); ok {
		a.y, j = y, k
	}
	if b.m == 0 {
		b, j = p.rangeEnd(j, p.dayMonth)
	}
	return p.finish(i, j, a, b)
}

// rangeEnd reads the second date of a range after its first, full one, from token j: a
// separator, then a day and month that read reads ("– October 2"), then perhaps a year. It
// returns the end point and the token after it, or an empty point and j.
func (p *parser) rangeEnd(j int, read func(int) (d1, d2, m, next int, ok bool)) (point, int) {
	k, ok := p.rangeSep(j, false)
	if !ok {
		return point{}, j
	}
	d1, d2, m, k, ok := read(k)
	if !ok || d2 != 0 {
		return point{}, j
	}
	b := point{d: d1, m: m}
	if y, k2, ok := p.optYear(k); ok {
		b.y, k = y, k2
	}
	return b, k
}

// monthFirst reads the forms that open with a month: "September 5, 2025", "June 24-26",
// "September 30 – October 2", "June 2026", "November last year", "in June", "from June to
// August 2025".
func (p *parser) monthFirst(i int) (Mention, int, bool) {
	if m, d1, d2, j, ok := p.monthDay(i); ok {
		a, b := point{m: m, d: d1}, point{}
		if d2 > 0 {
			b = point{m: m, d: d2}
		}
		if y, k, ok := p.optYear(j); ok {
			a.y, j = y, k
		}
		if b.m == 0 {
			b, j = p.rangeEnd(j, func(k int) (d1, d2, m, next int, ok bool) {
				m, d1, d2, next, ok = p.monthDay(k)
				return d1, d2, m, next, ok
			})
		}
		return p.finish(i, j, a, b)
	}
	m, j, _ := p.month(i)
	a, b := point{m: m}, point{}
	y, k, hasYear := p.optYear(j)
	if hasYear {
		a.y, j = y, k
	} else if lookup(p.word(i)).flags&fAbbr != 0 {
		return Mention{}, i, false // "Mar", "Dec" alone may be anything
	}
	if k, ok := p.rangeSep(j, p.wordIs(i-1, "between")); ok {
		if m2, k2, ok := p.month(k); ok {
			b, j = point{m: m2}, k2
			if y, k3, ok := p.optYear(j); ok {
				b.y, j = y, k3
			}
		}
	}
	if a.y == 0 && b.y == 0 && !p.monthContext(i) {
		if _, _, ok := p.relYear(j); !ok {
			return Mention{}, i, false
		}
	}
	return p.finish(i, j, a, b)
}

// monthContext reports whether a word before token i lets a bare month stand: "in June",
// "early March", "mid-May", "last May".
func (p *parser) monthContext(i int) bool {
	if p.dash(i-1) && p.glued(i) && p.wordIs(i-2, "mid") {
		return true
	}
	return lookup(p.word(i-1)).flags&(fMonthCtx|fRelShift) != 0
}

// finish gives a date or range its years — from the other end of the range, from "this
// year" after it, or from the reference — and builds the mention over tokens [i, j).
func (p *parser) finish(i, j int, a, b point) (Mention, int, bool) {
	rel := false
	switch {
	case a.y == 0 && b.y == 0:
		if shift, k, ok := p.relYear(j); ok {
			if p.ref.prec == precNone {
				return Mention{}, i, false
			}
			j = k
			a.y = p.ref.t.Year() + shift
		} else {
			if p.ref.prec == precNone {
				return Mention{}, i, false
			}
			shift := lookup(p.word(i - 1))
			switch {
			case shift.flags&fRelShift != 0 && a.d == 0 && b.m == 0: // "last May", "next June"
				a.y = p.ref.t.Year()
				refM := int(p.ref.t.Month())
				if shift.val < 0 && a.m >= refM {
					a.y--
				} else if shift.val > 0 && a.m <= refM {
					a.y++
				}
				i--
			default:
				a.y = p.ref.nearestYear(a)
			}
		}
		rel = true
		if b.m != 0 {
			b.y = a.y
			if a.after(b) {
				b.y++
			}
		}
	case a.y == 0:
		a.y = b.y
		if a.after(b) {
			a.y--
		}
	case b.m != 0 && b.y == 0:
		b.y = a.y
		if a.after(b) {
			b.y++
		}
	}
	start, ok := a.date()
	if !ok {
		return Mention{}, i, false
	}
	var end graph.Date
	if b.m != 0 {
		if end, ok = b.date(); !ok || end <= start {
			return Mention{}, i, false
		}
	}
	return p.mention(i, j, start, end, rel), j, true
}

// year reads a bare year or a year range: "in 2026", "of 2023", "the 2019 session",
// "(2018)", "2024-2025", "from 2018 to 2020".
func (p *parser) year(i int) (Mention, int, bool) {
	y, ok := p.yearAt(i)
	if !ok || p.inNumber(i) || p.nameGlued(i) {
		return Mention{}, i, false
	}
	// "2024-2025" and "1941–1945" stand alone; "from 2018 to 2020" needs its "from".
	if k, ok := p.rangeSep(i+1, p.wordIs(i-1, "between")); ok && (p.dash(i+1) || p.yearContext(i)) {
		if y2, ok := p.yearAt(k); ok && y2 > y && y2-y <= 100 && p.glued(i+1) == p.glued(k) {
			start, end := point{y: y}, point{y: y2}
			p.yearEnd = k + 1
			d1, _ := start.date()
			d2, _ := end.date()
			return p.mention(i, k+1, d1, d2, false), k + 1, true
		}
	}
	if !p.yearContext(i) {
		return Mention{}, i, false
	}
	p.yearEnd = i + 1
	d, _ := point{y: y}.date()
	return p.mention(i, i+1, d, "", false), i + 1, true
}

// yearContext reports whether the words around a bare year at i make it a year.
func (p *parser) yearContext(i int) bool {
	prev := p.word(i - 1)
	switch {
	case lookup(prev).flags&fYearCtx != 0:
		return true
	case p.dash(i-1) && p.glued(i) && p.wordIs(i-2, "mid"):
		return true
	case p.punct(i-1, '(') && p.punct(i+1, ')'):
		return true
	case strings.EqualFold(prev, "the") && p.word(i+1) != "":
		return true // "the 2019 session"
	case p.yearEnd >= 0 && (p.yearEnd == i-1 && (p.punct(i-1, ',') || p.wordIs(i-1, "and") || p.wordIs(i-1, "or")) ||
		p.yearEnd == i-2 && p.punct(i-2, ',') && p.wordIs(i-1, "and")):
		return true // "in 2018 and 2019"
	}
	return false
}

// optYear reads an optional ", 2025" or " 2025" at i.
func (p *parser) optYear(i int) (int, int, bool) {
	j := i
	if p.punct(j, ',') {
		j++
	}
	if y, ok := p.yearAt(j); ok && !p.nameGlued(j) {
		return y, j + 1, true
	}
	return 0, i, false
}
