package graph

import (
	"cmp"
	"slices"
	"time"
)

// Term is the time a tenure covers as the documents let it be inferred: from the first day the
// text gives (its From, else the first date it was seen) to the last (its To, else the day
// before the next holder of the post took over, else open).
type Term struct {
	Tenure *Node
	Start  time.Time // zero when the tenure has neither From nor Seen
	End    time.Time // the last day; zero when open
}

// Terms infers the terms of the tenures of one post, ordered by start; tenures without any
// date come last. A term without a To ends the day before the next holder's term starts, so
// that A, seen in the post through 2019, and B, seen from 2020 on, hold it one after the other.
func Terms(tenures []*Node) []Term {
	terms := make([]Term, 0, len(tenures))
	for _, t := range tenures {
		term := Term{Tenure: t}
		from := t.From
		if from == "" && len(t.Seen) > 0 {
			from = slices.MinFunc(t.Seen, CompareDates)
		}
		term.Start, _ = from.Time()
		term.End, _ = t.To.Last()
		terms = append(terms, term)
	}
	slices.SortStableFunc(terms, Term.Compare)
	for i := range terms {
		if !terms[i].End.IsZero() || terms[i].Start.IsZero() {
			continue
		}
		for _, next := range terms[i+1:] {
			if next.Start.After(terms[i].Start) {
				terms[i].End = next.Start.AddDate(0, 0, -1)
				break
			}
		}
	}
	return terms
}

// Compare orders terms by start, terms without a start last, ties by tenure ID.
func (t Term) Compare(o Term) int {
	if t.Start.IsZero() != o.Start.IsZero() {
		if t.Start.IsZero() {
			return 1
		}
		return -1
	}
	return cmp.Or(t.Start.Compare(o.Start), cmp.Compare(t.Tenure.ID, o.Tenure.ID))
}

// Covers reports whether the term overlaps the date d: for a day, whether the term includes
// it; for a month or a year, whether the term includes any day of it.
func (t Term) Covers(d Date) bool {
	first, ok := d.Time()
	last, _ := d.Last()
	if !ok || t.Start.IsZero() {
		return false
	}
	return !t.Start.After(last) && (t.End.IsZero() || !t.End.Before(first))
}
