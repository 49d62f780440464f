package server

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/badgerstore"
)

// countingStore counts the calls that reach a store, by method.
type countingStore struct {
	graph.Store
	mu    sync.Mutex
	calls map[string]int
}

func (s *countingStore) count(method string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls[method]++
}

func (s *countingStore) total() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, c := range s.calls {
		n += c
	}
	return n
}

func (s *countingStore) reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls = map[string]int{}
}

func (s *countingStore) Node(ctx context.Context, id graph.ID) (*graph.Node, error) {
	s.count("Node")
	return s.Store.Node(ctx, id)
}

func (s *countingStore) Nodes(ctx context.Context, ids []graph.ID) ([]*graph.Node, error) {
	s.count("Nodes")
	return s.Store.Nodes(ctx, ids)
}

func (s *countingStore) Edges(ctx context.Context, id graph.ID, rel graph.Relation, dir graph.Direction) ([]graph.Edge, error) {
	s.count("Edges")
	return s.Store.Edges(ctx, id, rel, dir)
}

func (s *countingStore) EdgesOf(ctx context.Context, ids []graph.ID, rel graph.Relation, dir graph.Direction) ([][]graph.Edge, error) {
	s.count("EdgesOf")
	return s.Store.EdgesOf(ctx, ids, rel, dir)
}

func (s *countingStore) Neighbours(ctx context.Context, ids []graph.ID, rel graph.Relation, dir graph.Direction) ([][]graph.ID, error) {
	s.count("Neighbours")
	return s.Store.Neighbours(ctx, ids, rel, dir)
}

func (s *countingStore) FindEvents(ctx context.Context, f graph.EventFilter, o graph.EventOrder, p graph.PageRequest) (graph.Page, error) {
	s.count("FindEvents")
	return s.Store.FindEvents(ctx, f, o, p)
}

func (s *countingStore) FindNodes(ctx context.Context, f graph.NodeFilter, p graph.PageRequest) (graph.Page, error) {
	s.count("FindNodes")
	return s.Store.FindNodes(ctx, f, p)
}

// manyEventsStore returns a store of n events, one document each: each event has a city in a
// country, a chair and three participants, each with a citizenship.
func manyEventsStore(t testing.TB, n int) graph.Store {
	t.Helper()
	ctx := context.Background()
	st, err := badgerstore.Open(ctx, badgerstore.Config{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	const sentence = "The meeting was held."
	for i := range n {
		b := newDoc(t, fmt.Sprintf("https://example.org/%d", i), "2024-01-01", fmt.Sprintf("Item %d", i), sentence)
		country := b.node(graph.Node{Kind: graph.KindCountry, Name: fmt.Sprintf("Country %d", i%7)})
		city := b.node(graph.Node{Kind: graph.KindPlace, Name: fmt.Sprintf("City %d", i%13), PlaceKind: graph.PlaceCity})
		b.edge(city, graph.RelLocatedIn, country, sentence)
		event := b.node(graph.Node{Kind: graph.KindEvent, Name: fmt.Sprintf("Meeting %d", i), EventType: graph.EventMeeting, Start: graph.Date(fmt.Sprintf("2024-%02d-%02d", i%12+1, i%28+1))})
		b.edge(event, graph.RelHeldIn, city, sentence)
		for j := range 4 {
			person := b.node(graph.Node{Kind: graph.KindPerson, Name: fmt.Sprintf("Person %d", (i+j)%50)})
			b.edge(person, graph.RelCitizenOf, country, sentence)
			rel := graph.RelParticipant
			if j == 0 {
				rel = graph.RelChairedBy
			}
			b.edge(event, rel, person, sentence)
		}
		b.mention(sentence, event)
		if err := st.PutDocument(ctx, &b.cs); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// TestNoNPlusOne counts the store calls of a page of events with their chairs, city and
// participants (and the participants' countries): a page of 100 costs as many calls as a page
// of 10, a few per field, not one per event.
func TestNoNPlusOne(t *testing.T) {
	st := &countingStore{Store: manyEventsStore(t, 120), calls: map[string]int{}}
	const query = `{ events(first: %d) { edges { node {
		title
		chairs { ... on Person { name } }
		city { name country { name } }
		participants { name country { name } }
		evidence { sentence }
	} } } }`
	calls := map[int]int{}
	for _, first := range []int{10, 100} {
		st.reset()
		out, err := Query(context.Background(), st, fmt.Sprintf(query, first), nil)
		if err != nil {
			t.Fatalf("first %d: %v", first, err)
		}
		if got := strings.Count(string(out), `"title"`); got != first {
			t.Fatalf("first %d: %d events in the result", first, got)
		}
		calls[first] = st.total()
		t.Logf("first %d: %d store calls %v", first, st.total(), st.calls)
	}
	// 1 page read, then an edge read and a node read per field with nodes: chairs, city,
	// city's country, participants, participants' countries; and one edge read for evidence,
	// with one node read for its documents.
	const bound = 1 + 2*5 + 2
	if calls[100] > bound || calls[100] != calls[10] {
		t.Errorf("store calls: %d for 10 events, %d for 100; want the same, at most %d", calls[10], calls[100], bound)
	}
}

// BenchmarkEventsPage runs the query of TestNoNPlusOne for a page of 100 events and reports
// the store calls per query beside the time.
func BenchmarkEventsPage(b *testing.B) {
	st := &countingStore{Store: manyEventsStore(b, 120), calls: map[string]int{}}
	query := `{ events(first: 100) { edges { node { title chairs { ... on Person { name } } city { name country { name } } participants { name country { name } } } } } }`
	ctx := context.Background()
	st.reset()
	for b.Loop() {
		if _, err := Query(ctx, st, query, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(st.total())/float64(b.N), "store-calls/op")
}
