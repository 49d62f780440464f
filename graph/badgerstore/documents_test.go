package badgerstore

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/kgraph/kg/graph"
)

func TestNodeAndEdgeDocuments(t *testing.T) {
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

	edges := []graph.Edge{
		{From: council, Relation: graph.RelPartOf, To: csto},             // two documents with evidence
		{From: minsk, Relation: graph.RelLocatedIn, To: belarus},         // no sentence states it
		{From: lukashenko, Relation: graph.RelMentionedIn, To: inMinsk},  // kept in a fragment
		{From: lukashenko, Relation: graph.RelMentionedIn, To: inAstana}, // described there, not mentioned
		{From: pashinyan, Relation: graph.RelChairedBy, To: lukashenko},  // no such edge
	}
	edgeDocs, err := s.EdgeDocuments(ctx, edges)
	if err != nil {
		t.Fatal(err)
	}
	want = [][]graph.ID{sorted(inMinsk, inYerevan), {inMinsk}, {inMinsk}, nil, nil}
	if !slices.EqualFunc(edgeDocs, want, slices.Equal) {
		t.Errorf("EdgeDocuments = %v, want %v", edgeDocs, want)
	}

	if _, err := s.NodeDocuments(ctx, []graph.ID{"not-an-id"}); !errors.Is(err, graph.ErrInvalid) {
		t.Errorf("NodeDocuments of a bad ID: %v, want ErrInvalid", err)
	}
	if _, err := s.EdgeDocuments(ctx, []graph.Edge{{From: csto, To: council}}); !errors.Is(err, graph.ErrInvalid) {
		t.Errorf("EdgeDocuments without a relation: %v, want ErrInvalid", err)
	}
}
