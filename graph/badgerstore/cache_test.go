package badgerstore

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kgraph/kg/graph"
)

// TestNodeCacheFollowsWrites reads nodes into the cache, then changes and removes what states
// them, and checks that every read answers as the store now stands.
func TestNodeCacheFollowsWrites(t *testing.T) {
	ctx := context.Background()
	s := openMemory(t, allDocs()...)
	read := func() *graph.Node {
		t.Helper()
		nodes, err := s.Nodes(ctx, []graph.ID{minsk, lukashenko})
		if err != nil {
			t.Fatal(err)
		}
		return nodes[1]
	}
	before := read()
	if again := read(); !cmp.Equal(before, again) {
		t.Errorf("second read differs (-first +second):\n%s", cmp.Diff(before, again))
	}
	// A caller's change to a node it read does not reach the cache.
	before.Aliases = append(before.Aliases, "changed by a caller")
	before.Name = "changed by a caller"
	if again := read(); again.Name == before.Name || len(again.Aliases) == len(before.Aliases) {
		t.Errorf("a caller's change reached the cache: %+v", again)
	}

	added := newDoc("alias", "2025-01-01", "Aliaksandr Lukashenka spoke.").
		nodes(node(lukashenko, graph.KindPerson, "Aliaksandr Lukashenka")).cs
	put(t, s, added)
	if got := read(); !slices.Contains(append(got.Aliases, got.Name), "Aliaksandr Lukashenka") {
		t.Errorf("after a new document, names %q, %q miss its spelling", got.Name, got.Aliases)
	}
	if err := s.DeleteDocument(ctx, added.Document.ID); err != nil {
		t.Fatal(err)
	}
	if got := read(); slices.Contains(append(got.Aliases, got.Name), "Aliaksandr Lukashenka") {
		t.Errorf("after deleting the document, names %q, %q keep its spelling", got.Name, got.Aliases)
	}
	for _, d := range allDocs() {
		if err := s.DeleteDocument(ctx, d.Document.ID); err != nil {
			t.Fatal(err)
		}
	}
	if got := read(); got != nil {
		t.Errorf("after deleting every document, read %+v", got)
	}
}

// TestVersion checks that reads leave the version as it is and every write moves it.
func TestVersion(t *testing.T) {
	ctx := context.Background()
	s := openMemory(t, allDocs()...)
	version := func() uint64 {
		t.Helper()
		v, err := s.Version(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	v1 := version()
	if _, err := s.FindEvents(ctx, graph.EventFilter{}, graph.StartAsc, graph.PageRequest{First: 10}); err != nil {
		t.Fatal(err)
	}
	if v2 := version(); v2 != v1 {
		t.Errorf("a read moved the version from %d to %d", v1, v2)
	}
	put(t, s, minskRevised())
	v3 := version()
	if v3 <= v1 {
		t.Errorf("a write left the version at %d (was %d)", v3, v1)
	}
	if err := s.DeleteDocument(ctx, minskRevised().Document.ID); err != nil {
		t.Fatal(err)
	}
	if v4 := version(); v4 <= v3 {
		t.Errorf("a deletion left the version at %d (was %d)", v4, v3)
	}
}

// TestStartTableFollowsWrites lists every event, which builds the start table, then moves an
// event's start and removes another, and lists again.
func TestStartTableFollowsWrites(t *testing.T) {
	ctx := context.Background()
	a, b := graph.NewID(graph.KindEvent, "a"), graph.NewID(graph.KindEvent, "b")
	s := openMemory(t, startsDoc("one", map[graph.ID]graph.Date{a: "2024-05-01", b: "2024-06-01"}))
	list := func() []graph.EventStart {
		t.Helper()
		starts, err := s.EventStarts(ctx, graph.EventFilter{})
		if err != nil {
			t.Fatal(err)
		}
		return starts
	}
	list()
	put(t, s, startsDoc("two", map[graph.ID]graph.Date{b: "2024-04"}))
	want := []graph.EventStart{{ID: b, Start: "2024-04"}, {ID: a, Start: "2024-05-01"}}
	if diff := cmp.Diff(want, list()); diff != "" {
		t.Errorf("after an earlier start (-want +got):\n%s", diff)
	}
	put(t, s, startsDoc("one", map[graph.ID]graph.Date{a: "2024-05-01"}))
	if err := s.DeleteDocument(ctx, graph.NewID(graph.KindDocument, "two")); err != nil {
		t.Fatal(err)
	}
	want = []graph.EventStart{{ID: a, Start: "2024-05-01"}}
	if diff := cmp.Diff(want, list()); diff != "" {
		t.Errorf("after removing an event (-want +got):\n%s", diff)
	}
}

// TestEndsCacheFollowsWrites filters events by a city with more events than the ends cache
// keeps lists from, then adds and removes one, and filters again.
func TestEndsCacheFollowsWrites(t *testing.T) {
	ctx := context.Background()
	city := graph.NewID(graph.KindPlace, "busy city")
	held := func(key string, from, to int) *graph.ChangeSet {
		d := newDoc(key, "2024-01-01", "Held in Busy City.").nodes(place(city, "Busy City", graph.PlaceCity))
		for i := from; i < to; i++ {
			e := graph.NewID(graph.KindEvent, fmt.Sprint("event ", i))
			d = d.nodes(event(e, fmt.Sprint("Event ", i), graph.EventMeeting, "2024-01-01")).
				edge(e, graph.RelHeldIn, city, "Held in Busy City.")
		}
		return d.cs
	}
	s := openMemory(t, held("many", 0, minCachedEnds+10))
	total := func() int {
		t.Helper()
		page, err := s.FindEvents(ctx, graph.EventFilter{City: "Busy City"}, graph.StartAsc, graph.PageRequest{First: 1})
		if err != nil {
			t.Fatal(err)
		}
		return page.Total
	}
	if got, want := total(), minCachedEnds+10; got != want {
		t.Fatalf("Total %d, want %d", got, want)
	}
	extra := held("one more", minCachedEnds+10, minCachedEnds+11)
	put(t, s, extra)
	if got, want := total(), minCachedEnds+11; got != want {
		t.Errorf("after a new event, Total %d, want %d", got, want)
	}
	if err := s.DeleteDocument(ctx, extra.Document.ID); err != nil {
		t.Fatal(err)
	}
	if got, want := total(), minCachedEnds+10; got != want {
		t.Errorf("after deleting it, Total %d, want %d", got, want)
	}
}
