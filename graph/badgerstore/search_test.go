package badgerstore

import (
	"context"
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
	s := openMemory(t, allDocs()...)
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
			}
		}
	}
}
