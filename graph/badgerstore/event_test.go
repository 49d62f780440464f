package badgerstore

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kgraph/kg/graph"
)

func TestFindEventsFilters(t *testing.T) {
	s := openMemory(t, allDocs()...)
	tests := []struct {
		name   string
		filter graph.EventFilter
		want   []graph.ID
	}{
		{"all", graph.EventFilter{}, []graph.ID{sessionMinsk, narrowMinsk, sessionYerevan, sessionAstana, exercise, ministersMeeting}},
		{"text", graph.EventFilter{Text: "COUNCIL"}, []graph.ID{sessionMinsk, sessionYerevan, ministersMeeting}},
		{"text folded", graph.EventFilter{Text: "narrow format"}, []graph.ID{narrowMinsk}},
		{"type", graph.EventFilter{Type: graph.EventTraining}, []graph.ID{exercise}},
		{"city", graph.EventFilter{City: "Minsk"}, []graph.ID{sessionMinsk}},
		{"city not venue", graph.EventFilter{City: "Brest"}, nil},
		{"country by edge or city", graph.EventFilter{Country: "Belarus"}, []graph.ID{sessionMinsk, exercise}},
		{"country by edge", graph.EventFilter{Country: "Armenia"}, []graph.ID{sessionYerevan}},
		{"country by city", graph.EventFilter{Country: "Kazakhstan"}, []graph.ID{sessionAstana}},
		{"from", graph.EventFilter{From: "2023-09-01"}, []graph.ID{sessionMinsk, narrowMinsk, sessionAstana, exercise}},
		{"to, first day", graph.EventFilter{To: "2023-09-01"}, []graph.ID{sessionYerevan, exercise}},
		{"from and to", graph.EventFilter{From: "2023-10-01", To: "2023-12-31"}, []graph.ID{sessionMinsk, narrowMinsk}},
		{"coarse bound", graph.EventFilter{From: "2024"}, []graph.ID{sessionAstana}},
		{"participant or chair", graph.EventFilter{Participant: "Lukashenko"}, []graph.ID{sessionMinsk, sessionAstana}},
		{"participant by surname", graph.EventFilter{Participant: "Zas"}, []graph.ID{sessionYerevan}},
		{"chaired by", graph.EventFilter{ChairedBy: "Pashinyan"}, []graph.ID{sessionYerevan}},
		{"chaired by, not participant", graph.EventFilter{ChairedBy: "Tasmagambetov"}, nil},
		{"organization by acronym", graph.EventFilter{Organization: "CSTO"}, []graph.ID{sessionMinsk, sessionYerevan, sessionAstana, exercise, ministersMeeting}},
		{"organization by alias", graph.EventFilter{Organization: "CSC"}, []graph.ID{sessionMinsk, sessionYerevan}},
		{"involving, edge from the event", graph.EventFilter{Involving: tasmagambetov}, []graph.ID{sessionMinsk, sessionAstana}},
		{"involving, edge to the event", graph.EventFilter{Involving: narrowMinsk}, []graph.ID{sessionMinsk}},
		{"involving an event", graph.EventFilter{Involving: sessionMinsk}, []graph.ID{narrowMinsk}},
		{"combined", graph.EventFilter{Organization: "CSTO", Country: "Belarus", Type: graph.EventSession}, []graph.ID{sessionMinsk}},
	}
	for _, tt := range tests {
		page, err := s.FindEvents(context.Background(), tt.filter, graph.StartAsc, graph.PageRequest{First: 100})
		if err != nil {
			t.Fatalf("%s: FindEvents: %v", tt.name, err)
		}
		got := ids(page.Nodes)
		slices.Sort(got)
		want := slices.Clone(tt.want)
		slices.Sort(want)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: FindEvents(%+v) (-want +got):\n%s", tt.name, tt.filter, diff)
		}
		if page.Total != len(want) {
			t.Errorf("%s: Total %d, want %d", tt.name, page.Total, len(want))
		}
	}
}

func TestFindEventsOrderAndPages(t *testing.T) {
	ctx := context.Background()
	s := openMemory(t, allDocs()...)
	// The two Minsk events share a start date; ties go by ID, in both orders.
	sameDay := []graph.ID{sessionMinsk, narrowMinsk}
	slices.Sort(sameDay)
	tests := []struct {
		order graph.EventOrder
		want  []graph.ID
	}{
		{graph.StartAsc, append(append([]graph.ID{sessionYerevan, exercise}, sameDay...), sessionAstana, ministersMeeting)},
		{graph.StartDesc, append(append([]graph.ID{sessionAstana}, sameDay...), exercise, sessionYerevan, ministersMeeting)},
	}
	for _, tt := range tests {
		var got []graph.ID
		after := ""
		for {
			page, err := s.FindEvents(ctx, graph.EventFilter{}, tt.order, graph.PageRequest{First: 2, After: after})
			if err != nil {
				t.Fatal(err)
			}
			if page.Total != len(tt.want) {
				t.Errorf("order %d: Total %d, want %d", tt.order, page.Total, len(tt.want))
			}
			got = append(got, ids(page.Nodes)...)
			if !page.HasNext {
				break
			}
			after = page.Cursors[len(page.Cursors)-1]
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("order %d, pages of 2 (-want +got):\n%s", tt.order, diff)
		}
	}

	bad := []struct {
		filter graph.EventFilter
		order  graph.EventOrder
		page   graph.PageRequest
	}{
		{graph.EventFilter{From: "2023-13"}, graph.StartAsc, graph.PageRequest{First: 1}},
		{graph.EventFilter{Involving: "minsk"}, graph.StartAsc, graph.PageRequest{First: 1}},
		{graph.EventFilter{}, graph.EventOrder(7), graph.PageRequest{First: 1}},
		{graph.EventFilter{}, graph.StartAsc, graph.PageRequest{First: 1, After: encodeCursor(append(make([]byte, 16), "May 2023"...))}},
	}
	for _, b := range bad {
		if _, err := s.FindEvents(ctx, b.filter, b.order, b.page); !errors.Is(err, graph.ErrInvalid) {
			t.Errorf("FindEvents(%+v, %d, %+v) error = %v, want ErrInvalid", b.filter, b.order, b.page, err)
		}
	}
}
