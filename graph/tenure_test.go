package graph

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTermsCover(t *testing.T) {
	a := &Node{ID: "a", Kind: KindTenure, Seen: []Date{"2019-03-01", "2018-05", "2019-11-20"}}
	b := &Node{ID: "b", Kind: KindTenure, Seen: []Date{"2020-02-10", "2021"}}
	c := &Node{ID: "c", Kind: KindTenure, From: "2023-01", To: "2025-12-31"}
	undated := &Node{ID: "u", Kind: KindTenure}
	terms := Terms([]*Node{undated, c, b, a})
	var order []ID
	for _, t := range terms {
		order = append(order, t.Tenure.ID)
	}
	if diff := cmp.Diff([]ID{"a", "b", "c", "u"}, order); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
	tests := []struct {
		at   Date
		want []ID
	}{
		{"2017", nil},
		{"2018-05-01", []ID{"a"}},
		{"2019-12-31", []ID{"a"}},
		{"2020-02-09", []ID{"a"}},
		{"2020-02-10", []ID{"b"}},
		{"2020", []ID{"a", "b"}}, // the year of the handover: both
		{"2021-06", []ID{"b"}},
		{"2022-12-31", []ID{"b"}},
		{"2023-01-01", []ID{"c"}},
		{"2025-12-31", []ID{"c"}},
		{"2026", nil}, // c's term has an end
	}
	for _, tt := range tests {
		var got []ID
		for _, term := range terms {
			if term.Covers(tt.at) {
				got = append(got, term.Tenure.ID)
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("at %s (-want +got):\n%s", tt.at, diff)
		}
	}
}

func TestDateLast(t *testing.T) {
	for d, want := range map[Date]string{"2024": "2024-12-31", "2024-02": "2024-02-29", "2025-09-05": "2025-09-05"} {
		if got, ok := d.Last(); !ok || DayDate(got) != Date(want) {
			t.Errorf("%s.Last() = %v, %v; want %s", d, got, ok, want)
		}
	}
}
