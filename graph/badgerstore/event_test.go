package badgerstore

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

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

// listEvents pages through the events that match f in order o, pages of size, and checks
// that every page gives the same Total and that the page's nodes carry the starts listed.
func listEvents(t *testing.T, s *Store, f graph.EventFilter, o graph.EventOrder, size int) (got []graph.ID, total int) {
	t.Helper()
	after := ""
	for i := 0; ; i++ {
		page, err := s.FindEvents(context.Background(), f, o, graph.PageRequest{First: size, After: after})
		if err != nil {
			t.Fatalf("FindEvents(%+v, %d), page %d: %v", f, o, i, err)
		}
		if i > 0 && page.Total != total {
			t.Errorf("FindEvents(%+v, %d): page %d has Total %d, page 0 %d", f, o, i, page.Total, total)
		}
		total = page.Total
		got = append(got, ids(page.Nodes)...)
		if !page.HasNext {
			return got, total
		}
		if i > 1000 {
			t.Fatalf("FindEvents(%+v, %d): more than 1000 pages", f, o)
		}
		after = page.Cursors[len(page.Cursors)-1]
	}
}

// startsDoc returns a document stating events with the given starts.
func startsDoc(key string, starts map[graph.ID]graph.Date) *graph.ChangeSet {
	d := newDoc(key, "2024-06-01", "Events of "+key+".")
	for _, id := range slices.Sorted(maps.Keys(starts)) {
		d = d.nodes(event(id, "Event "+string(id[:8]), graph.EventMeeting, starts[id]))
	}
	return d.cs
}

func TestFindEventsMergedStart(t *testing.T) {
	ctx := context.Background()
	e1, e2, e3, e4 := graph.NewID(graph.KindEvent, "e1"), graph.NewID(graph.KindEvent, "e2"),
		graph.NewID(graph.KindEvent, "e3"), graph.NewID(graph.KindEvent, "e4")
	a := startsDoc("a", map[graph.ID]graph.Date{e1: "2024-03-01", e2: "2024-02-01", e3: ""})
	b := startsDoc("b", map[graph.ID]graph.Date{e1: "2024-01-15", e2: "2024-05", e3: "2023", e4: ""})
	bRevised := startsDoc("b", map[graph.ID]graph.Date{e1: "", e3: "2025", e4: ""})
	s := openMemory(t, a, b)

	type listing struct{ asc, desc []graph.ID }
	check := func(state string, want listing, from graph.Date, wantFrom []graph.ID) {
		t.Helper()
		for _, o := range []graph.EventOrder{graph.StartAsc, graph.StartDesc} {
			w := want.asc
			if o == graph.StartDesc {
				w = want.desc
			}
			for _, size := range []int{1, 2, 10} {
				got, total := listEvents(t, s, graph.EventFilter{}, o, size)
				if diff := cmp.Diff(w, got); diff != "" {
					t.Errorf("%s: order %d, pages of %d (-want +got):\n%s", state, o, size, diff)
				}
				if total != len(w) {
					t.Errorf("%s: order %d: Total %d, want %d", state, o, total, len(w))
				}
			}
			got, total := listEvents(t, s, graph.EventFilter{From: from}, o, 1)
			slices.Sort(got)
			if diff := cmp.Diff(wantFrom, got); diff != "" || total != len(wantFrom) {
				t.Errorf("%s: order %d, From %s: Total %d (-want +got):\n%s", state, o, from, total, diff)
			}
		}
	}
	sorted := func(ids ...graph.ID) []graph.ID { return slices.Sorted(slices.Values(ids)) }

	// Merged starts: e1 2024-01-15 (from b), e2 2024-02-01 (from a), e3 2023 (b), e4 none.
	check("two documents", listing{asc: []graph.ID{e3, e1, e2, e4}, desc: []graph.ID{e2, e1, e3, e4}}, "2024-01-01", sorted(e1, e2))
	page, err := s.FindEvents(ctx, graph.EventFilter{}, graph.StartDesc, graph.PageRequest{First: 10})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range page.Nodes {
		if n, err := s.Node(ctx, m.ID); err != nil || n.Start != m.Start {
			t.Errorf("listed event %s starts %s, the node %v (%v)", m.ID, m.Start, n, err)
		}
	}

	// Merged starts: e1 2024-03-01, e2 2024-02-01 (a alone), e3 2025 (b), e4 none.
	put(t, s, bRevised)
	check("b replaced", listing{asc: []graph.ID{e2, e1, e3, e4}, desc: []graph.ID{e3, e1, e2, e4}}, "2024-03-01", sorted(e1, e3))

	// Only a: e1 2024-03-01, e2 2024-02-01, e3 none.
	if err := s.DeleteDocument(ctx, bRevised.Document.ID); err != nil {
		t.Fatal(err)
	}
	check("b deleted", listing{asc: []graph.ID{e2, e1, e3}, desc: []graph.ID{e1, e2, e3}}, "2024", sorted(e1, e2))
}

// referenceOrder orders events as FindEvents lists them: by start in the order o, ties by
// ID, events without a start last in both orders.
func referenceOrder(o graph.EventOrder, a, b *graph.Node) int {
	if (a.Start == "") != (b.Start == "") {
		if a.Start == "" {
			return 1
		}
		return -1
	}
	c := graph.CompareDates(a.Start, b.Start)
	if o == graph.StartDesc {
		c = -c
	}
	if c != 0 {
		return c
	}
	return strings.Compare(string(a.ID), string(b.ID))
}

func TestFindEventsMatchesSortedNodes(t *testing.T) {
	// Random events stated by up to three documents each, with starts of every precision
	// and many ties, listed in pages of every size and compared with the nodes sorted.
	r := rand.New(rand.NewPCG(1, 2))
	dates := []graph.Date{"", "2023", "2023-11", "2023-11-01", "2023-11-23", "2024", "2024-01-01", "2024-02"}
	docs := make([]map[graph.ID]graph.Date, 3)
	for i := range docs {
		docs[i] = map[graph.ID]graph.Date{}
	}
	for i := range 60 {
		id := graph.NewID(graph.KindEvent, fmt.Sprint("event ", i))
		for _, d := range r.Perm(3)[:1+r.IntN(3)] {
			docs[d][id] = dates[r.IntN(len(dates))]
		}
	}
	s := openMemory(t)
	for i, starts := range docs {
		put(t, s, startsDoc(fmt.Sprint("doc ", i), starts))
	}
	all, err := s.FindNodes(context.Background(), graph.NodeFilter{Kind: graph.KindEvent}, graph.PageRequest{First: 1000})
	if err != nil {
		t.Fatal(err)
	}
	filters := []graph.EventFilter{
		{}, {From: "2023-11-01"}, {From: "2023-11-02"}, {From: "2024-01-01"}, {To: "2023-11-23"}, {To: "2023-11-01"},
		{To: "2024"}, {From: "2023-11", To: "2023-11-01"}, {From: "2024", To: "2024-01-31"}, {Text: "event"},
		{Text: "event", From: "2023-11-23", To: "2024-01"},
	}
	for _, f := range filters {
		var want []*graph.Node
		for _, n := range all.Nodes {
			if eventMatches(f, n) {
				want = append(want, n)
			}
		}
		for _, o := range []graph.EventOrder{graph.StartAsc, graph.StartDesc} {
			slices.SortFunc(want, func(a, b *graph.Node) int { return referenceOrder(o, a, b) })
			for _, size := range []int{1, 3, 7, 100} {
				got, total := listEvents(t, s, f, o, size)
				if diff := cmp.Diff(ids(want), got); diff != "" {
					t.Errorf("filter %+v, order %d, pages of %d (-want +got):\n%s", f, o, size, diff)
				}
				if total != len(want) {
					t.Errorf("filter %+v, order %d: Total %d, want %d", f, o, total, len(want))
				}
			}
		}
		starts, err := s.EventStarts(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		slices.SortFunc(want, func(a, b *graph.Node) int { return referenceOrder(graph.StartAsc, a, b) })
		var wantStarts []graph.EventStart
		for _, n := range want {
			wantStarts = append(wantStarts, graph.EventStart{ID: n.ID, Start: n.Start})
		}
		if diff := cmp.Diff(wantStarts, starts); diff != "" {
			t.Errorf("EventStarts(%+v) (-want +got):\n%s", f, diff)
		}
	}
}

func BenchmarkFindEventsDeepPage(b *testing.B) {
	// 5,000 events in 50 documents, a fifth of them stated again with another start by a
	// second document; pages of 25, so page 40 starts after 975 events.
	const events, perDoc, first = 5000, 100, 25
	ctx := context.Background()
	s := openMemory(b)
	r := rand.New(rand.NewPCG(1, 2))
	start := func() graph.Date {
		if r.IntN(20) == 0 {
			return ""
		}
		return graph.DayDate(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(5*365)))
	}
	for d := range events / perDoc {
		starts := map[graph.ID]graph.Date{}
		for i := d * perDoc; i < (d+1)*perDoc; i++ {
			starts[graph.NewID(graph.KindEvent, fmt.Sprint("event ", i))] = start()
		}
		put(b, s, startsDoc(fmt.Sprint("doc ", d), starts))
	}
	again := map[graph.ID]graph.Date{}
	for i := range events / 5 {
		again[graph.NewID(graph.KindEvent, fmt.Sprint("event ", i*5))] = start()
	}
	put(b, s, startsDoc("again", again))

	for _, o := range []graph.EventOrder{graph.StartAsc, graph.StartDesc} {
		name := map[graph.EventOrder]string{graph.StartAsc: "asc", graph.StartDesc: "desc"}[o]
		after := map[int]string{} // page number → cursor
		for page := 1; page <= 40; page++ {
			after[page] = ""
			if page > 1 {
				p, err := s.FindEvents(ctx, graph.EventFilter{}, o, graph.PageRequest{First: first, After: after[page-1]})
				if err != nil {
					b.Fatal(err)
				}
				if p.Total != events {
					b.Fatalf("Total %d, want %d", p.Total, events)
				}
				after[page] = p.Cursors[len(p.Cursors)-1]
			}
		}
		for _, page := range []int{1, 40} {
			b.Run(fmt.Sprintf("%s/page%d", name, page), func(b *testing.B) {
				for b.Loop() {
					p, err := s.FindEvents(ctx, graph.EventFilter{}, o, graph.PageRequest{First: first, After: after[page]})
					if err != nil || len(p.Nodes) != first {
						b.Fatalf("FindEvents: %d nodes, %v", len(p.Nodes), err)
					}
				}
			})
		}
	}
}
