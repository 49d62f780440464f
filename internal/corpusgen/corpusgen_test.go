package corpusgen

import (
	"bytes"
	"context"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/loader"
	"github.com/kgraph/kg/loader/gazetteer"
	"github.com/kgraph/kg/loader/text"
)

func TestSameSeedSameBytes(t *testing.T) {
	a, b, c := New(Config{Seed: 7, Docs: 50}), New(Config{Seed: 7, Docs: 50}), New(Config{Seed: 8, Docs: 50})
	differs := false
	for i := range 50 {
		da, db, dc := a.Document(i), b.Document(i), c.Document(i)
		if !bytes.Equal(da, db) {
			t.Fatalf("document %d differs between two generators of seed 7:\n%s\n---\n%s", i, da, db)
		}
		differs = differs || !bytes.Equal(da, dc)
	}
	if !differs {
		t.Error("seeds 7 and 8 generate the same documents")
	}
}

// TestLoaderReadsGeneratedDocuments checks that the documents give the extractor real work:
// people, events with chairs and participants, cities.
func TestLoaderReadsGeneratedDocuments(t *testing.T) {
	gz := gazetteer.Default()
	for _, n := range givenNames {
		if !gz.IsGivenName(n) {
			t.Errorf("given name %q is not in the gazetteer", n)
		}
	}
	for _, c := range countries {
		if len(gz.Cities(c.capital)) == 0 || gz.Country(c.name) == nil {
			t.Errorf("country %q or city %q is not in the gazetteer", c.name, c.capital)
		}
	}
	g := New(Config{Seed: 1, Docs: 20})
	kinds := map[graph.Kind]int{}
	rels := map[graph.Relation]int{}
	for i := range 20 {
		name := "bench" + string(rune('a'+i))
		doc, err := text.Read(name, g.Document(i))
		if err != nil {
			t.Fatal(err)
		}
		cs, err := loader.Extract(context.Background(), gz, nil, graph.NewID(graph.KindDocument, name), doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range cs.Nodes {
			kinds[n.Kind]++
		}
		for _, e := range cs.Edges {
			rels[e.Relation]++
		}
	}
	for _, k := range []graph.Kind{graph.KindPerson, graph.KindEvent, graph.KindPlace} {
		if kinds[k] < 20 {
			t.Errorf("%d nodes of kind %v in 20 documents, want at least 20", kinds[k], k)
		}
	}
	for _, r := range []graph.Relation{graph.RelChairedBy, graph.RelParticipant, graph.RelHeldIn, graph.RelHolder} {
		if rels[r] < 10 {
			t.Errorf("%d %s edges in 20 documents, want at least 10", rels[r], r)
		}
	}
	t.Logf("nodes %v, edges %v", kinds, rels)
}
