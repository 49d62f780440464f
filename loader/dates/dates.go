// Package dates is the project's one date parser: it finds the date expressions of an English
// news sentence — absolute ("05.09.2025", "5 September 2025", "September 5, 2025"), year-less
// ("on 20 December"), relative ("yesterday", "on the eve", "November last year", "on
// Thursday"), ranges ("From 3 to 6 September", "June 24-26, 2025", "2024-2025"), months and
// years ("in June 2026", "in 2026") — and resolves them against the date of the item they
// stand in. It reads the forms news text uses and nothing more, because general date
// libraries misread news text: exercise names such as "Interaction-2025", counts, times and
// the verb "may" are not dates here.
package dates

import (
	"strings"

	"github.com/kgraph/kg/graph"
)

// Mention is a date expression found in a sentence.
type Mention struct {
	Start, End     graph.Date // End is empty unless the expression is a range; precision as the text gives
	Offset, Length int        // byte span of the expression in the sentence
	Text           string
	Relative       bool // resolved from the reference date: year-less dates, today, on the eve, this year, on Thursday…
}

// Find returns the date expressions of a sentence in order of appearance. ref is the date of
// the item the sentence belongs to, "" when unknown; expressions that need it are then left
// out.
//
// Conventions: numeric dates are day first ("05.09.2025"); slashed dates count only when they
// cannot be misread ("01/15/2015"). Month names count only capitalised, so "may be" and "we
// may" are not dates while "May 9" is; a month standing alone needs a word such as "in" or
// "early" before it, which keeps a sentence-opening "May we…" out. Abbreviated months count
// next to a number ("Dec 3"); abbreviated weekdays ("Thu") only on date lines, since "Sun" and
// "Sat" in running text may be anything. A bare year needs a word such as "in", "of" or "the"
// before it ("in 2026", "the 2019 session"), while a year range ("2024-2025") stands alone. A
// year glued to a word by a hyphen is a name ("Interaction-2025"). A year-less date takes the
// reference's year unless that lands more than half a year away, then the nearer year. A date
// that needs the reference — a year-less date, "today", "this year", a weekday — is skipped
// when the reference is unknown, never returned half-resolved. Weeks ("last week") are not
// read: a Date has no week precision.
func Find(sentence string, ref graph.Date) []Mention {
	p := newParser(sentence, ref)
	var out []Mention
	for i := 0; i < len(p.toks); {
		if m, j, ok := p.match(i); ok {
			out = append(out, m)
			i = j
			continue
		}
		i++
	}
	return out
}

// Lead is a date that opens a line: the date line of a news item, possibly followed on the
// same line by a headline or the first sentence.
type Lead struct {
	Date    graph.Date // day precision
	Length  int        // bytes taken by the label, weekday, date, time and the spaces after them
	Numeric bool       // written in figures ("05.09.2025", "2025-09-05"), not words
}

// leadBytes bounds the part of a line that ParseLead reads; the longest lead, a label,
// weekday, written date and time, is about sixty bytes.
const leadBytes = 96

// ParseLead reads a full date at the start of a line, after an optional label ("Posted:",
// "date") and weekday ("Saturday,", "Thu,"), with an optional time after it ("17:51",
// ", 14:23", "- 10:34"). Only a day-precision date with its year counts.
func ParseLead(line string) (Lead, bool) {
	if !mayLead(line) {
		return Lead{}, false
	}
	// A lead is short: read only the opening words of a long line.
	if len(line) > leadBytes {
		if k := strings.IndexAny(line[leadBytes:], " \t"); k >= 0 {
			line = line[:leadBytes+k]
		}
	}
	p := newParser(line, "")
	i := 0
	if i < len(p.toks) && p.toks[i].kind == tWord && lookup(p.text(i)).flags&fLabel != 0 {
		i++
		if p.punct(i, ':') {
			i++
		}
	}
	if i < len(p.toks) && p.toks[i].kind == tWord && isCapitalised(p.text(i)) && lookup(p.text(i)).flags&fWeekday != 0 {
		i++
		if p.punct(i, ',') || p.punct(i, '.') {
			i++
		}
	}
	if i >= len(p.toks) || (i > 0 && !p.toks[i].space) {
		return Lead{}, false
	}
	m, j, numeric, ok := p.absolute(i)
	if !ok || len(m.Start) != len("2006-01-02") || m.End != "" || m.Relative {
		return Lead{}, false
	}
	end := p.toks[j-1].end
	if k, ok := p.clock(j); ok {
		end = p.toks[k-1].end
	}
	for end < len(line) && (line[end] == ' ' || line[end] == '\t') {
		end++
	}
	return Lead{Date: m.Start, Length: end, Numeric: numeric}, true
}

// mayLead is a quick test, run on every line of a document, that rules out most lines
// before ParseLead tokenizes them: a lead opens with a figure, a label, a weekday or a month.
func mayLead(line string) bool {
	line = trimSpace(line)
	if line == "" {
		return false
	}
	if c := line[0]; c >= '0' && c <= '9' {
		return true
	}
	end := 0
	for end < len(line) && isASCIILetter(line[end]) {
		end++
	}
	return lookup(line[:end]).flags&(fLabel|fWeekday|fMonth) != 0
}

// ParseLine returns the date of a line that is only a date — "05.09.2025", "5 September 2025",
// "September 5, 2025", "2025-09-05", with the label, weekday and time ParseLead allows.
func ParseLine(line string) (graph.Date, bool) {
	l, ok := ParseLead(line)
	if !ok || trimSpace(line[l.Length:]) != "" {
		return "", false
	}
	return l.Date, true
}

// Future reports whether a sentence speaks of what is to come: "will", "is to", "is
// scheduled", "plans", "upcoming"… It decides which way a weekday points ("on Thursday").
func Future(sentence string) bool {
	return newParser(sentence, "").future()
}

func trimSpace(s string) string {
	i, j := 0, len(s)
	for i < j && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n') {
		i++
	}
	for j > i && (s[j-1] == ' ' || s[j-1] == '\t' || s[j-1] == '\r' || s[j-1] == '\n') {
		j--
	}
	return s[i:j]
}
