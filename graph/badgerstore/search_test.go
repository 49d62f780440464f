package badgerstore

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kgraph/kg/graph"
)

func TestSearch(t *testing.T) {
	s := openMemory(t, allDocs()...)
	ctx := context.Background()
	tests := []struct {
		text  string
		kinds []graph.Kind
		first int
		want  []graph.ID // the first hits, in order
	}{
		{"Lukashenka", nil, 1, []graph.ID{lukashenko}},
		{"Tasmagambetof", []graph.Kind{graph.KindPerson}, 5, []graph.ID{tasmagambetov}},
		{"Yerevan", nil, 1, []graph.ID{yerevan}},
		{"Pashinian", []graph.Kind{graph.KindPerson}, 5, []graph.ID{pashinyan}},
		{"Lukashenko", []graph.Kind{graph.KindPlace}, 5, nil},
		{"secretary general", []graph.Kind{graph.KindPost}, 5, []graph.ID{secretaryGeneral}},
		{"zzzz", nil, 5, nil},
		{"Minsk", nil, 0, nil},
	}
	for _, tt := range tests {
		hits, err := s.Search(ctx, tt.text, tt.kinds, tt.first)
		if err != nil {
			t.Fatal(err)
		}
		var got []graph.ID
		for _, h := range hits {
			got = append(got, h.ID)
			if h.Score <= 0 || h.Score > 1 || h.Key == "" {
				t.Errorf("Search(%q): hit %+v", tt.text, h)
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Search(%q, %v, %d) (-want +got):\n%s", tt.text, tt.kinds, tt.first, diff)
		}
	}
	hits, _ := s.Search(ctx, "Alexander Lukashenko", nil, 1)
	if len(hits) != 1 || hits[0].Score != 1 || hits[0].Key != "alexander lukashenko" || hits[0].Kind != graph.KindPerson {
		t.Errorf("exact name: %+v, want score 1", hits)
	}
	if _, err := s.Search(ctx, "x", nil, -1); err == nil {
		t.Error("Search with first -1 succeeded")
	}
}

func TestEdgesOf(t *testing.T) {
	s := openMemory(t, allDocs()...)
	ctx := context.Background()
	ids := []graph.ID{sessionMinsk, sessionYerevan, exercise, sessionMinsk}
	batch, err := s.EdgesOf(ctx, ids, graph.RelHeldIn, graph.Out)
	if err != nil {
		t.Fatal(err)
	}
	for i, id := range ids {
		one, err := s.Edges(ctx, id, graph.RelHeldIn, graph.Out)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(one, batch[i]); diff != "" {
			t.Errorf("EdgesOf[%d] differs from Edges of %s (-Edges +EdgesOf):\n%s", i, id, diff)
		}
	}
	in, err := s.EdgesOf(ctx, []graph.ID{belarus, lukashenko}, "", graph.In)
	if err != nil {
		t.Fatal(err)
	}
	for i, id := range []graph.ID{belarus, lukashenko} {
		one, _ := s.Edges(ctx, id, "", graph.In)
		if diff := cmp.Diff(one, in[i]); diff != "" || len(one) == 0 {
			t.Errorf("in-edges of %s (-Edges +EdgesOf):\n%s", id, diff)
		}
	}
	if _, err := s.EdgesOf(ctx, []graph.ID{sessionMinsk, "nonsense"}, "", graph.Out); err == nil {
		t.Error("EdgesOf with a bad ID succeeded")
	}
	if got, err := s.EdgesOf(ctx, nil, "", graph.Out); err != nil || len(got) != 0 {
		t.Errorf("EdgesOf(nil) = %v, %v", got, err)
	}
}

// TestNeighbours checks the ends Neighbours reads from the keys against those of the edges.
func TestNeighbours(t *testing.T) {
	// More edges than seekCost, fewer than seekCost times the nodes asked for at once, so that
	// a node alone is read by seeks and the batch by a scan.
	extra := newDoc("citizens", "2024-01-01", "Citizens of Belarus.")
	for i := range 12 {
		person := graph.NewID(graph.KindPerson, fmt.Sprint("citizen ", i))
		extra = extra.nodes(node(person, graph.KindPerson, fmt.Sprint("Citizen ", i))).
			edge(person, graph.RelCitizenOf, belarus, "Citizens of Belarus.")
	}
	s := openMemory(t, append(allDocs(), extra.cs)...)
	if st, err := s.Stats(context.Background()); err != nil || st.Edges < seekCost || st.Edges >= 6*seekCost {
		t.Fatalf("%d edges, %v: want between %d and %d", st.Edges, err, seekCost, 6*seekCost)
	}
	ctx := context.Background()
	ids := []graph.ID{sessionMinsk, belarus, lukashenko, minsk, exercise, csto}
	for _, dir := range []graph.Direction{graph.Out, graph.In} {
		for _, rel := range []graph.Relation{"", graph.RelHeldIn, graph.RelParticipant, graph.RelLocatedIn} {
			got, err := s.Neighbours(ctx, ids, rel, dir)
			if err != nil {
				t.Fatal(err)
			}
			edges, err := s.EdgesOf(ctx, ids, rel, dir)
			if err != nil {
				t.Fatal(err)
			}
			for i, id := range ids {
				var want []graph.ID
				for _, e := range edges[i] {
					want = append(want, e.Other(dir))
				}
				slices.Sort(want)
				want = slices.Compact(want)
				if diff := cmp.Diff(want, got[i]); diff != "" {
					t.Errorf("Neighbours of %s, %q, direction %d (-want +got):\n%s", id, rel, dir, diff)
				}
				// Alone, a node's ends are read by a seek; in a batch, by a scan of the index.
				alone, err := s.Neighbours(ctx, []graph.ID{id}, rel, dir)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(want, alone[0]); diff != "" {
					t.Errorf("Neighbours of %s alone, %q, direction %d (-want +got):\n%s", id, rel, dir, diff)
				}
			}
		}
	}
}
