package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/loader/dates"
)

// lineKind says what a line of Document.Text is to the item splitter.
type lineKind uint8

const (
	lineText   lineKind = iota
	lineBlank           // separates paragraphs
	lineDate            // only a date: "05.09.2025", "Saturday, 16 September 2023 17:51", "October 7, 2020, Moscow"
	lineLead            // a figure date, then text: "24.11.2022On November 23…", "date 2025-11-27 Headline"
	lineTitled          // a headline, then a figure date: "Results of the meeting 05.09.2025"
)

// line is one line of Document.Text.
type line struct {
	start, end int // span in Document.Text
	kind       lineKind
	date       graph.Date // date lines
	split      int        // lineLead: where the text after the date starts; lineTitled: where the headline ends
}

func (l line) isDate() bool { return l.kind >= lineDate }

// splitLines cuts text into classified lines.
func splitLines(text string) []line {
	var ls []line
	for start := 0; start <= len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		ls = append(ls, classify(text[start:end], start))
		start = end + 1
	}
	return ls
}

// classify reads one trimmed line starting at offset start of the text.
func classify(s string, start int) line {
	l := line{start: start, end: start + len(s)}
	if s == "" {
		l.kind = lineBlank
		return l
	}
	if lead, ok := dates.ParseLead(s); ok {
		l.date = lead.Date
		rest := s[lead.Length:]
		switch {
		case !hasWord(rest), placeOnly(rest):
			l.kind = lineDate
			return l
		case lead.Numeric:
			// Text glued to a figure date is the item's first words ("24.11.2022On…"),
			// unless it is a widget ("10.06.2022 Download document x.docx").
			l.kind, l.split = lineLead, start+lead.Length
			if isResidue(trimSpace(rest)) {
				l.kind, l.split = lineDate, 0
			}
			return l
		}
		l.date = ""
	}
	if c := s[len(s)-1]; c >= '0' && c <= '9' {
		if k := strings.LastIndexAny(s, " \t"); k > 0 && !strings.ContainsFunc(s[k+1:], unicode.IsLetter) {
			head := strings.TrimRight(s[:k], " \t")
			if d, ok := dates.ParseLine(s[k+1:]); ok && len(strings.Fields(head)) >= 2 && !endsSentence(head) {
				return line{start: start, end: l.end, kind: lineTitled, date: d, split: start + len(head)}
			}
		}
	}
	return l
}

// placeOnly reports whether the rest of a date line names only a place: ", Moscow".
func placeOnly(rest string) bool {
	rest = strings.TrimSpace(rest)
	if !strings.HasPrefix(rest, ",") {
		return false
	}
	words := strings.Fields(strings.TrimSuffix(rest[1:], "."))
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
			return false
		}
	}
	return true
}

// headlineLike reports whether a line reads as a headline: it starts with a capital, digit
// or quotation mark, has no terminal punctuation, and three to sixty words besides any date
// in it — a site's "Tuesday, 23 April 2024" widget is no headline.
func headlineLike(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if unicode.IsLower(r) || endsSentence(s) {
		return false
	}
	n := len(strings.Fields(s))
	for _, m := range dates.Find(s, "") {
		n -= len(strings.Fields(m.Text))
	}
	return n >= 3 && n <= 60
}

// sameWords compares two lines word by word, so a headline repeated with other spacing
// still matches.
func sameWords(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) != len(fb) {
		return false
	}
	for i := range fa {
		if fa[i] != fb[i] {
			return false
		}
	}
	return true
}
