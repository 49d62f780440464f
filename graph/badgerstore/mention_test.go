package badgerstore

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kgraph/kg/graph"
)

// TestMentions checks that the mentioned-in edges a store keeps in fragments read as edges:
// from a node and to a document, through Edges and Neighbours, counted in Stats, and replaced
// with their document.
func TestMentions(t *testing.T) {
	ctx := context.Background()
	ivanov, petrov := graph.NewID(graph.KindPerson, "ivanov"), graph.NewID(graph.KindPerson, "petrov")
	people := []graph.Node{node(ivanov, graph.KindPerson, "Ivanov"), node(petrov, graph.KindPerson, "Petrov")}
	meeting := func(mentionPetrov bool) doc {
		d := newDoc("meeting", "2024-03-01", "Ivanov met Petrov. Ivanov spoke.").nodes(people...).
			edge(ivanov, graph.RelMentionedIn, graph.NewID(graph.KindDocument, "meeting"), "Ivanov met Petrov.", "Ivanov spoke.")
		if mentionPetrov {
			d = d.edge(petrov, graph.RelMentionedIn, d.cs.Document.ID, "Ivanov met Petrov.")
		}
		return d
	}
	arrival := newDoc("arrival", "2024-03-02", "Ivanov arrived.").nodes(people[0]).
		edge(ivanov, graph.RelMentionedIn, graph.NewID(graph.KindDocument, "arrival"), "Ivanov arrived.")
	docMeeting, docArrival := meeting(true).cs.Document.ID, arrival.cs.Document.ID
	s := openMemory(t, meeting(true).cs, arrival.cs)

	sentences := func(e graph.Edge) []string {
		var out []string
		for _, ev := range e.Evidence {
			out = append(out, ev.Sentence)
		}
		return out
	}
	out, err := s.Edges(ctx, ivanov, "", graph.Out)
	if err != nil {
		t.Fatal(err)
	}
	got := map[graph.ID][]string{}
	for _, e := range out {
		if e.Relation != graph.RelMentionedIn || e.From != ivanov {
			t.Errorf("edge %+v from ivanov", e)
		}
		got[e.To] = sentences(e)
	}
	want := map[graph.ID][]string{docMeeting: {"Ivanov met Petrov.", "Ivanov spoke."}, docArrival: {"Ivanov arrived."}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mentions of ivanov (-want +got):\n%s", diff)
	}

	in, err := s.Edges(ctx, docMeeting, graph.RelMentionedIn, graph.In)
	if err != nil {
		t.Fatal(err)
	}
	from := otherEnds(in, graph.In)
	wantFrom := []graph.ID{ivanov, petrov}
	slices.Sort(wantFrom)
	if diff := cmp.Diff(wantFrom, from); diff != "" {
		t.Errorf("mentions in the meeting (-want +got):\n%s", diff)
	}

	for _, rel := range []graph.Relation{"", graph.RelMentionedIn} {
		ends, err := s.Neighbours(ctx, []graph.ID{ivanov, docMeeting}, rel, graph.Out)
		if err != nil {
			t.Fatal(err)
		}
		wantDocs := []graph.ID{docMeeting, docArrival}
		slices.Sort(wantDocs)
		if diff := cmp.Diff([][]graph.ID{wantDocs, nil}, ends); diff != "" {
			t.Errorf("Neighbours out, %q (-want +got):\n%s", rel, diff)
		}
		ends, err = s.Neighbours(ctx, []graph.ID{docMeeting, ivanov}, rel, graph.In)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([][]graph.ID{wantFrom, nil}, ends); diff != "" {
			t.Errorf("Neighbours in, %q (-want +got):\n%s", rel, diff)
		}
	}
	if st, err := s.Stats(ctx); err != nil || st.Edges != 3 {
		t.Errorf("Stats = %+v, %v; want 3 edges", st, err)
	}

	put(t, s, meeting(false).cs)
	fresh := openMemory(t, meeting(false).cs, arrival.cs)
	if diff := cmp.Diff(rawKeys(t, fresh), rawKeys(t, s)); diff != "" {
		t.Errorf("keys after dropping a mention (-fresh +replaced):\n%s", diff)
	}
	if st, err := s.Stats(ctx); err != nil || st.Edges != 2 {
		t.Errorf("Stats after dropping a mention = %+v, %v; want 2 edges", st, err)
	}

	stray := newDoc("stray", "2024-03-03", "Petrov left.").nodes(people[0]).
		edge(petrov, graph.RelMentionedIn, graph.NewID(graph.KindDocument, "stray"), "Petrov left.")
	if err := s.PutDocument(ctx, stray.cs); !errors.Is(err, graph.ErrInvalid) {
		t.Errorf("a mention of a node the document does not describe: error %v, want ErrInvalid", err)
	}
}
