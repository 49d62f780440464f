package badgerstore

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/kgraph/kg/graph"
)

func TestNodeDocumentsAndEachEdge(t *testing.T) {
	minskDoc := docMinsk()
	minskDoc = minskDoc.edge(lukashenko, graph.RelMentionedIn, minskDoc.cs.Document.ID, minskS2)
	s := openMemory(t, minskDoc.cs, docYerevan().cs, docAstana().cs, docExercise().cs, docPlanned().cs)
	ctx := context.Background()
	docID := func(d doc) graph.ID { return d.cs.Document.ID }
	sorted := func(ids ...graph.ID) []graph.ID { return slices.Sorted(slices.Values(ids)) }
	inMinsk, inYerevan, inAstana := docID(minskDoc), docID(docYerevan()), docID(docAstana())

	nodeDocs, err := s.NodeDocuments(ctx, []graph.ID{csto, pashinyan, lukashenko, inMinsk, graph.NewID(graph.KindPerson, "nobody")})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]graph.ID{
		sorted(inMinsk, inYerevan, inAstana, docID(docExercise()), docID(docPlanned())),
		{inYerevan},
		sorted(inMinsk, inAstana),
		{inMinsk}, // a document describes itself
		nil,
	}
	if !slices.EqualFunc(nodeDocs, want, slices.Equal) {
		t.Errorf("NodeDocuments = %v, want %v", nodeDocs, want)
	}

	type stated struct {
		edge graph.Edge
		docs []graph.ID
	}
	var got []stated
	ids := []graph.ID{council, minsk, lukashenko, pashinyan}
	err = s.EachEdge(ctx, ids, func(i int, e graph.Edge, docs []graph.ID) error {
		if e.From != ids[i] {
			t.Errorf("edge %v given as one of %s", e, ids[i])
		}
		got = append(got, stated{e, docs})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The edges are those EdgesOf reads, with the same evidence.
	edgesOf, err := s.EdgesOf(ctx, ids, "", graph.Out)
	if err != nil {
		t.Fatal(err)
	}
	var gotEdges, wantEdges []graph.Edge
	for _, g := range got {
		gotEdges = append(gotEdges, g.edge)
	}
	for _, es := range edgesOf {
		wantEdges = append(wantEdges, es...)
	}
	byEnds := func(a, b graph.Edge) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To), cmp.Compare(a.Relation, b.Relation))
	}
	slices.SortFunc(gotEdges, byEnds)
	slices.SortFunc(wantEdges, byEnds)
	if diff := gocmp.Diff(wantEdges, gotEdges); diff != "" {
		t.Errorf("EachEdge differs from EdgesOf (-want +got):\n%s", diff)
	}
	docsOf := func(from graph.ID, rel graph.Relation, to graph.ID) []graph.ID {
		for _, g := range got {
			if g.edge.From == from && g.edge.Relation == rel && g.edge.To == to {
				return g.docs
			}
		}
		return nil
	}
	for _, c := range []struct {
		from graph.ID
		rel  graph.Relation
		to   graph.ID
		want []graph.ID
	}{
		{council, graph.RelPartOf, csto, sorted(inMinsk, inYerevan)}, // two documents with evidence
		{minsk, graph.RelLocatedIn, belarus, []graph.ID{inMinsk}},    // no sentence states it
		{lukashenko, graph.RelMentionedIn, inMinsk, []graph.ID{inMinsk}},
	} {
		if got := docsOf(c.from, c.rel, c.to); !slices.Equal(got, c.want) {
			t.Errorf("documents of %s %s %s: %v, want %v", c.from, c.rel, c.to, got, c.want)
		}
	}

	stop := errors.New("stop")
	calls := 0
	err = s.EachEdge(ctx, ids, func(int, graph.Edge, []graph.ID) error { calls++; return stop })
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("EachEdge after fn failed: %d calls, error %v", calls, err)
	}
	if err := s.EachEdge(ctx, []graph.ID{"not-an-id"}, nil); !errors.Is(err, graph.ErrInvalid) {
		t.Errorf("EachEdge of a bad ID: %v, want ErrInvalid", err)
	}

	if _, err := s.NodeDocuments(ctx, []graph.ID{"not-an-id"}); !errors.Is(err, graph.ErrInvalid) {
		t.Errorf("NodeDocuments of a bad ID: %v, want ErrInvalid", err)
	}
}
