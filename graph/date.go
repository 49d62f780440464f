package graph

import (
	"cmp"
	"fmt"
	"time"
)

// Date is an ISO 8601 calendar date at the precision the text gives: "2025-09-05",
// "2025-09" or "2025". The empty Date means unknown. Dates of one precision order as strings.
type Date string

// DayDate returns the Date of t's calendar day.
func DayDate(t time.Time) Date { return Date(t.Format("2006-01-02")) }

// ParseDate checks that s is a Date at one of the three precisions.
func ParseDate(s string) (Date, error) {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(s) == len(layout) {
			if _, err := time.Parse(layout, s); err == nil {
				return Date(s), nil
			}
		}
	}
	return "", fmt.Errorf("%w: date %q is not YYYY-MM-DD, YYYY-MM or YYYY", ErrInvalid, s)
}

// Time returns the first instant of the date, and false for the empty Date or one that is not a
// Date. It reads the digits itself: ordering and filtering events and terms call it for every
// date they compare, and time.Parse was most of their cost.
func (d Date) Time() (time.Time, bool) {
	if len(d) != len("2006") && len(d) != len("2006-01") && len(d) != len("2006-01-02") {
		return time.Time{}, false
	}
	year, ok := digits(string(d[:4]))
	month, day := 1, 1
	if len(d) >= len("2006-01") {
		var okMonth bool
		month, okMonth = digits(string(d[5:7]))
		ok = ok && okMonth && d[4] == '-' && month >= 1 && month <= 12
	}
	if len(d) == len("2006-01-02") {
		var okDay bool
		day, okDay = digits(string(d[8:10]))
		// time.Date normalises an overflowing day into the next month; a Date has no such day.
		ok = ok && okDay && d[7] == '-' && day >= 1 && time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC).Day() == day
	}
	if !ok {
		return time.Time{}, false
	}
	return time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC), true
}

// FirstDay returns the first day of d, a checked Date, as "2006-01-02": "2024" gives
// "2024-01-01". Such strings sort as the days they name, so comparing them compares the
// Times of the Dates without building them.
func (d Date) FirstDay() string {
	switch len(d) {
	case len("2006"):
		return string(d) + "-01-01"
	case len("2006-01"):
		return string(d) + "-01"
	}
	return string(d)
}

// digits returns the number that s, all ASCII digits, writes.
func digits(s string) (int, bool) {
	n := 0
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// Year returns the year of the date, or 0 when it is unknown.
func (d Date) Year() int {
	t, ok := d.Time()
	if !ok {
		return 0
	}
	return t.Year()
}

// Contains reports whether o lies within d, d being the coarser or equal date
// ("2025-09" contains "2025-09-04").
func (d Date) Contains(o Date) bool {
	return d != "" && len(o) >= len(d) && o[:len(d)] == d
}

// Overlaps reports whether the two dates can be the same day: one contains the other.
func (d Date) Overlaps(o Date) bool { return d.Contains(o) || o.Contains(d) }

// Last returns the last day of the date ("2025-09" → 30 September 2025), and false for the
// empty Date.
func (d Date) Last() (time.Time, bool) {
	t, ok := d.Time()
	if !ok {
		return t, false
	}
	switch len(d) {
	case len("2006"):
		return t.AddDate(1, 0, -1), true
	case len("2006-01"):
		return t.AddDate(0, 1, -1), true
	}
	return t, true
}

// CompareDates orders dates by their first day, then coarser first ("2025" before
// "2025-01-01"), so that the order is total; the empty Date comes first.
func CompareDates(a, b Date) int {
	ta, _ := a.Time()
	tb, _ := b.Time()
	return cmp.Or(ta.Compare(tb), cmp.Compare(a, b))
}
