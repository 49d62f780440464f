package dates

import (
	"fmt"
	"time"

	"github.com/kgraph/kg/graph"
)

// Precisions of a reference date.
const (
	precNone = iota
	precYear
	precMonth
	precDay
)

// reference is the date the text is read against: the item's date.
type reference struct {
	t    time.Time
	prec int
}

func newReference(d graph.Date) reference {
	t, ok := d.Time()
	if !ok || t.Year() < minYear || t.Year() > maxYear {
		return reference{} // dates far from the news era are typing errors, not references
	}
	switch len(d) {
	case len("2006"):
		return reference{t, precYear}
	case len("2006-01"):
		return reference{t, precMonth}
	}
	return reference{t, precDay}
}

// point is a calendar date as the text gives it: y is 0 when the text names no year, d is 0
// for a month and m is 0 for a year.
type point struct{ y, m, d int }

// after reports whether a comes after b within one year (years ignored).
func (a point) after(b point) bool {
	return a.m > b.m || a.m == b.m && a.d > b.d
}

// date returns the ISO date of a point whose year is known, and false if it is not a real
// day ("30 February").
func (a point) date() (graph.Date, bool) {
	switch {
	case a.m == 0:
		return graph.Date(fmt.Sprintf("%04d", a.y)), true
	case a.d == 0:
		return graph.Date(fmt.Sprintf("%04d-%02d", a.y, a.m)), true
	}
	t := time.Date(a.y, time.Month(a.m), a.d, 0, 0, 0, 0, time.UTC)
	if t.Day() != a.d || int(t.Month()) != a.m {
		return "", false
	}
	return graph.DayDate(t), true
}

// nearestYear gives a year-less point the year that puts it nearest the reference: the
// reference's own year unless that lands more than half a year away, as when news of early
// January speaks of "December 28".
func (r reference) nearestYear(a point) int {
	y := r.t.Year()
	if r.prec == precYear {
		return y
	}
	if a.d == 0 {
		switch diff := a.m - int(r.t.Month()); {
		case diff > 6:
			return y - 1
		case diff < -6:
			return y + 1
		}
		return y
	}
	cand := time.Date(y, time.Month(a.m), a.d, 0, 0, 0, 0, time.UTC)
	const halfYear = 183 * 24 * time.Hour
	switch diff := cand.Sub(r.t); {
	case diff > halfYear:
		return y - 1
	case diff < -halfYear:
		return y + 1
	}
	return y
}

// addDays returns the reference day moved by n days.
func (r reference) addDays(n int) graph.Date { return graph.DayDate(r.t.AddDate(0, 0, n)) }

// monthShift returns the reference month moved by n months.
func (r reference) monthShift(n int) graph.Date {
	t := time.Date(r.t.Year(), r.t.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	return graph.Date(t.Format("2006-01"))
}
