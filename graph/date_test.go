package graph

import (
	"strings"
	"testing"
	"time"
)

func TestDateTime(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		d    Date
		want time.Time
		ok   bool
	}{
		{"2024", day(2024, 1, 1), true},
		{"2024-02", day(2024, 2, 1), true},
		{"2024-02-29", day(2024, 2, 29), true},
		{"0000", day(0, 1, 1), true},
		{"", time.Time{}, false},
		{"2023-02-29", time.Time{}, false},
		{"2024-04-31", time.Time{}, false},
		{"2024-13", time.Time{}, false},
		{"2024-00", time.Time{}, false},
		{"2024-01-00", time.Time{}, false},
		{"2024-1-01", time.Time{}, false},
		{"2024x01", time.Time{}, false},
		{"20a4", time.Time{}, false},
		{"+024", time.Time{}, false},
		{"2024-01-1 ", time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := tt.d.Time()
		if ok != tt.ok || !got.Equal(tt.want) {
			t.Errorf("Date(%q).Time() = %v, %v; want %v, %v", tt.d, got, ok, tt.want, tt.ok)
		}
	}
}

// TestFirstDayOrder checks that first days compare as the Times of their Dates do.
func TestFirstDayOrder(t *testing.T) {
	dates := []Date{"2023", "2023-12", "2023-12-31", "2024", "2024-01", "2024-01-01", "2024-01-02", "2024-02", "2024-02-29", "2024-03-01", "2025"}
	for _, a := range dates {
		for _, b := range dates {
			ta, _ := a.Time()
			tb, _ := b.Time()
			if got, want := strings.Compare(a.FirstDay(), b.FirstDay()), ta.Compare(tb); got != want {
				t.Errorf("%s vs %s: first days compare %d, Times %d", a, b, got, want)
			}
		}
	}
}
