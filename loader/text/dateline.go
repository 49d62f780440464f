package text

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/loader/dates"
)

// datelineRe matches the dateline that opens a wire story: a city in capitals, then a date
// and the agency ("MOSCOW, October 16. /TASS/.", "MINSK, 3 March (BelTA) –"), the agency in
// brackets ("MOSCOW (Sputnik) -"), or the agency after a full stop ("PSKOV. KAZINFORM -").
// Groups: 1 city, 2 date after a comma, 3 agency after that date, 4 bracketed agency.
var datelineRe = regexp.MustCompile(`^(\p{Lu}[\p{Lu}'’.-]*\p{Lu}\.?(?: \p{Lu}[\p{Lu}'’.-]*\p{Lu}\.?){0,2})` +
	`(?:, ([^()/\n]{3,40}?)\.?\s?(?:/[^/\n]{2,30}/\.?|\(([^()\n]{2,60})\)\s?[-–—]?|[-–—])` +
	`|\s?\(([^()\n]{2,80})\)\s?([-–—])?` +
	`|\.\s\p{Lu}[\p{Lu} ]{2,30}\s?[-–—])\s*`)

// dateline is what the opening of an item says about where and when it was filed.
type dateline struct {
	city string
	date graph.Date // empty when the dateline gives none or it cannot be resolved
	n    int        // bytes of s the dateline takes, with the spaces after it
}

// parseDateline reads a dateline at the start of s; a year-less date in it takes its year
// from ref, the published date.
func parseDateline(s string, ref graph.Date) (dateline, bool) {
	if s == "" || !unicode.IsUpper(rune(s[0])) {
		return dateline{}, false
	}
	m := datelineRe.FindStringSubmatchIndex(s)
	if m == nil {
		return dateline{}, false
	}
	d := dateline{city: s[m[2]:m[3]], n: m[1]}
	var when string
	switch {
	case m[4] >= 0: // "CITY, <date> …": the date must be there, or this is a list ("SCO, CSTO – …")
		when = s[m[4]:m[5]]
		if len(dates.Find(when, "2000-01-01")) == 0 {
			return dateline{}, false
		}
	case m[8] >= 0: // "CITY (agency) -": not an acronym spelled out ("CSTO (Collective Security …)")
		inner := s[m[8]:m[9]]
		if initials(inner) == strings.ReplaceAll(d.city, ".", "") {
			return dateline{}, false
		}
		if m[10] < 0 && len(dates.Find(inner, "")) == 0 {
			return dateline{}, false // no dash and no date: a bracket after a capitalised word
		}
		when = inner
	}
	if ms := dates.Find(when, ref); len(ms) > 0 {
		d.date = ms[0].Start
	}
	return d, true
}

// initials returns the first letters of the capitalised words of s: "Collective Security
// Treaty Organization" → "CSTO".
func initials(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		if r := []rune(w)[0]; unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
