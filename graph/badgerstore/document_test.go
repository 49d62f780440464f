package badgerstore

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/go-cmp/cmp"

	"github.com/kgraph/kg/graph"
)

func TestPutDocumentThenRead(t *testing.T) {
	ctx := context.Background()
	s := openMemory(t, allDocs()...)

	got, err := s.Node(ctx, lukashenko)
	if err != nil {
		t.Fatal(err)
	}
	want := &graph.Node{ID: lukashenko, Kind: graph.KindPerson, Name: "Alexander Lukashenko", Aliases: []string{"Lukashenko"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Node(lukashenko) (-want +got):\n%s", diff)
	}

	minskDoc := docMinsk().cs.Document
	got, err = s.Node(ctx, minskDoc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(&minskDoc, got); diff != "" {
		t.Errorf("Node(document) (-want +got):\n%s", diff)
	}
	hash, err := s.DocumentHash(ctx, minskDoc.ID)
	if err != nil || hash != minskDoc.Hash {
		t.Errorf("DocumentHash = %q, %v; want %q", hash, err, minskDoc.Hash)
	}

	unknown := graph.NewID(graph.KindPerson, "nobody")
	nodes, err := s.Nodes(ctx, []graph.ID{zas, unknown, pashinyan})
	if err != nil {
		t.Fatal(err)
	}
	names := []string{nodes[0].Name, "", nodes[2].Name}
	if nodes[1] != nil || !slices.Equal(names, []string{"Stanislav Zas", "", "Nikol Pashinyan"}) {
		t.Errorf("Nodes = %v, %v, %v; want Zas, nil, Pashinyan", nodes[0], nodes[1], nodes[2])
	}
	if _, err := s.Node(ctx, unknown); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Node(unknown) error = %v, want ErrNotFound", err)
	}
	if _, err := s.DocumentHash(ctx, unknown); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("DocumentHash(unknown) error = %v, want ErrNotFound", err)
	}
	if _, err := s.Node(ctx, "not-a-uuid"); !errors.Is(err, graph.ErrInvalid) {
		t.Errorf("Node(not-a-uuid) error = %v, want ErrInvalid", err)
	}

	edges, err := s.Edges(ctx, sessionMinsk, "", graph.Out)
	if err != nil {
		t.Fatal(err)
	}
	out := otherEnds(edges, graph.Out)
	wantOut := []graph.ID{council, minsk, lukashenko, tasmagambetov}
	slices.Sort(wantOut)
	if diff := cmp.Diff(wantOut, out); diff != "" {
		t.Errorf("Edges(sessionMinsk, out) ends, ordered by ID (-want +got):\n%s", diff)
	}
	edges, err = s.Edges(ctx, tasmagambetov, graph.RelParticipant, graph.In)
	if err != nil {
		t.Fatal(err)
	}
	in := otherEnds(edges, graph.In)
	wantIn := []graph.ID{sessionMinsk, sessionAstana}
	slices.Sort(wantIn)
	if diff := cmp.Diff(wantIn, in); diff != "" {
		t.Errorf("Edges(tasmagambetov, participant, in) ends (-want +got):\n%s", diff)
	}

	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantStats := graph.Stats{Nodes: map[graph.Kind]int{
		graph.KindDocument: 5, graph.KindPerson: 5, graph.KindOrganization: 2, graph.KindCountry: 3,
		graph.KindPlace: 4, graph.KindPost: 1, graph.KindTenure: 2, graph.KindEvent: 6,
	}, Edges: distinctEdges(allDocs())}
	if diff := cmp.Diff(wantStats, st); diff != "" {
		t.Errorf("Stats (-want +got):\n%s", diff)
	}
}

// distinctEdges counts the distinct (From, Relation, To) of the change sets.
func distinctEdges(docs []*graph.ChangeSet) int {
	seen := map[[3]string]bool{}
	for _, cs := range docs {
		for _, e := range cs.Edges {
			seen[[3]string{string(e.From), string(e.Relation), string(e.To)}] = true
		}
	}
	return len(seen)
}

// minskRevised is docMinsk corrected: it no longer mentions the narrow-format meeting, nor
// says that the council is part of the CSTO or that Tasmagambetov took part.
func minskRevised() *graph.ChangeSet {
	cs := docMinsk().cs
	cs.Document.Hash = "revised"
	cs.Nodes = slices.DeleteFunc(cs.Nodes, func(n graph.Node) bool { return n.ID == narrowMinsk })
	cs.Edges = slices.DeleteFunc(cs.Edges, func(e graph.Edge) bool {
		return e.From == narrowMinsk || e.Relation == graph.RelPartOf ||
			(e.From == sessionMinsk && e.Relation == graph.RelParticipant)
	})
	return cs
}

func TestPutDocumentReplaces(t *testing.T) {
	ctx := context.Background()
	s := openMemory(t, allDocs()...)
	put(t, s, minskRevised())

	// Exactly as if the revised document had been loaded in the first place.
	fresh := openMemory(t, minskRevised(), docYerevan().cs, docAstana().cs, docExercise().cs, docPlanned().cs)
	if diff := cmp.Diff(takeSnapshot(t, fresh), takeSnapshot(t, s)); diff != "" {
		t.Errorf("store after replacing (-fresh +replaced):\n%s", diff)
	}
	if diff := cmp.Diff(rawKeys(t, fresh), rawKeys(t, s)); diff != "" {
		t.Errorf("keys after replacing (-fresh +replaced):\n%s", diff)
	}
	if _, err := s.Node(ctx, narrowMinsk); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Node(narrowMinsk) error = %v, want ErrNotFound", err)
	}
	if _, err := s.Node(ctx, tasmagambetov); err != nil {
		t.Errorf("Node(tasmagambetov), still stated by other documents: %v", err)
	}
	edges, err := s.Edges(ctx, council, graph.RelPartOf, graph.Out)
	if err != nil {
		t.Fatal(err)
	}
	if len(edges) != 1 || len(edges[0].Evidence) != 1 || edges[0].Evidence[0].Sentence != yerevanS1 {
		t.Errorf("council part-of edges = %+v, want one with Yerevan's evidence only", edges)
	}
	if hash, _ := s.DocumentHash(ctx, minskRevised().Document.ID); hash != "revised" {
		t.Errorf("DocumentHash = %q, want revised", hash)
	}
}

func TestPutDocumentIdempotent(t *testing.T) {
	s := openMemory(t, allDocs()...)
	before, version := takeSnapshot(t, s), s.db.MaxVersion()
	put(t, s, allDocs()...)
	if diff := cmp.Diff(before, takeSnapshot(t, s)); diff != "" {
		t.Errorf("store after putting every document again (-once +twice):\n%s", diff)
	}
	if v := s.db.MaxVersion(); v != version {
		t.Errorf("putting the same documents again committed writes: version %d, was %d", v, version)
	}
	reversed := allDocs()
	slices.Reverse(reversed)
	if diff := cmp.Diff(before, takeSnapshot(t, openMemory(t, reversed...))); diff != "" {
		t.Errorf("store loaded in reverse order (-forward +reverse):\n%s", diff)
	}
}

func TestDeleteDocument(t *testing.T) {
	ctx := context.Background()
	s := openMemory(t, allDocs()...)
	id := docMinsk().cs.Document.ID
	if err := s.DeleteDocument(ctx, id); err != nil {
		t.Fatal(err)
	}
	fresh := openMemory(t, docYerevan().cs, docAstana().cs, docExercise().cs, docPlanned().cs)
	if diff := cmp.Diff(takeSnapshot(t, fresh), takeSnapshot(t, s)); diff != "" {
		t.Errorf("store after deleting (-fresh +deleted):\n%s", diff)
	}
	if diff := cmp.Diff(rawKeys(t, fresh), rawKeys(t, s)); diff != "" {
		t.Errorf("keys after deleting (-fresh +deleted):\n%s", diff)
	}
	if err := s.DeleteDocument(ctx, id); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("second DeleteDocument error = %v, want ErrNotFound", err)
	}
	if _, err := s.DocumentHash(ctx, id); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("DocumentHash of deleted document error = %v, want ErrNotFound", err)
	}
	for _, cs := range allDocs()[1:] {
		if err := s.DeleteDocument(ctx, cs.Document.ID); err != nil {
			t.Fatal(err)
		}
	}
	if diff := cmp.Diff(takeSnapshot(t, openMemory(t)), takeSnapshot(t, s)); diff != "" {
		t.Errorf("store after deleting every document (-empty +got):\n%s", diff)
	}
	if diff := cmp.Diff(rawKeys(t, openMemory(t)), rawKeys(t, s)); diff != "" {
		t.Errorf("keys after deleting every document (-empty +got):\n%s", diff)
	}
	// The store remembers shared keys it wrote; deleting must make it forget them.
	put(t, s, allDocs()...)
	if diff := cmp.Diff(rawKeys(t, openMemory(t, allDocs()...)), rawKeys(t, s)); diff != "" {
		t.Errorf("keys after loading the deleted documents again (-fresh +got):\n%s", diff)
	}
}

func TestDocumentNodesComeFromTheirOwnDocument(t *testing.T) {
	ctx := context.Background()
	other := docYerevan().cs.Document
	cs := docMinsk().cs
	cs.Nodes = append(cs.Nodes, graph.Node{ID: other.ID, Kind: graph.KindDocument, Name: "A title from elsewhere"})
	s := openMemory(t, cs)
	if _, err := s.Node(ctx, other.ID); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Node(other document) error = %v, want ErrNotFound", err)
	}
	put(t, s, docYerevan().cs)
	if got, err := s.Node(ctx, other.ID); err != nil || got.Name != other.Name {
		t.Errorf("Node(other document) = %+v, %v; want name %q", got, err, other.Name)
	}
}

func TestEvidence(t *testing.T) {
	ctx := context.Background()
	minskDoc, yerevanDoc := docMinsk().cs.Document, docYerevan().cs.Document
	cs := docMinsk().edge(council, graph.RelPartOf, csto, minskS1).cs // stated twice: one evidence
	s := openMemory(t, cs, docYerevan().cs)

	minskEv := graph.Evidence{Document: minskDoc.ID, Sentence: minskS1, Offset: 0}
	yerevanEv := graph.Evidence{Document: yerevanDoc.ID, Sentence: yerevanS1, Offset: 0}
	byDocument := []graph.Evidence{minskEv, yerevanEv}
	if yerevanDoc.ID < minskDoc.ID {
		byDocument = []graph.Evidence{yerevanEv, minskEv}
	}
	tests := []struct {
		name     string
		from     graph.ID
		rel      graph.Relation
		to       graph.ID
		evidence []graph.Evidence
	}{
		{"merged over documents", council, graph.RelPartOf, csto, byDocument},
		{"rebuilt from the text", sessionMinsk, graph.RelChairedBy, lukashenko,
			[]graph.Evidence{{Document: minskDoc.ID, Sentence: minskS2, Offset: len(minskS1) + 1}}},
		{"normalised sentence", sessionYerevan, graph.RelParticipant, zas,
			[]graph.Evidence{{Document: yerevanDoc.ID, Sentence: yerevanS3, Offset: len(yerevanS1+yerevanS2) + 2}}},
		{"none", minsk, graph.RelLocatedIn, belarus, nil},
	}
	for _, tt := range tests {
		edges, err := s.Edges(ctx, tt.from, tt.rel, graph.Out)
		if err != nil {
			t.Fatal(err)
		}
		want := []graph.Edge{{From: tt.from, Relation: tt.rel, To: tt.to, Evidence: tt.evidence}}
		if diff := cmp.Diff(want, edges); diff != "" {
			t.Errorf("%s: Edges (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestPutDocumentRejectsInvalid(t *testing.T) {
	tests := map[string]func(cs *graph.ChangeSet){
		"document kind":  func(cs *graph.ChangeSet) { cs.Document.Kind = graph.KindEvent },
		"document id":    func(cs *graph.ChangeSet) { cs.Document.ID = "minsk" },
		"node kind":      func(cs *graph.ChangeSet) { cs.Nodes[0].Kind = graph.KindUnknown },
		"node id":        func(cs *graph.ChangeSet) { cs.Nodes[0].ID = "" },
		"node date":      func(cs *graph.ChangeSet) { cs.Nodes[len(cs.Nodes)-1].Start = "23.11.2023" },
		"edge end":       func(cs *graph.ChangeSet) { cs.Edges[0].To = "csto" },
		"edge relation":  func(cs *graph.ChangeSet) { cs.Edges[0].Relation = "" },
		"other document": func(cs *graph.ChangeSet) { cs.Edges[0].Evidence[0].Document = docAstana().cs.Document.ID },
		"offset":         func(cs *graph.ChangeSet) { cs.Edges[0].Evidence[0].Offset = -1 },
	}
	s := openMemory(t)
	for name, spoil := range tests {
		cs := docMinsk().cs
		spoil(cs)
		if err := s.PutDocument(context.Background(), cs); !errors.Is(err, graph.ErrInvalid) {
			t.Errorf("%s: PutDocument error = %v, want ErrInvalid", name, err)
		}
	}
	if err := s.PutDocument(context.Background(), nil); !errors.Is(err, graph.ErrInvalid) {
		t.Errorf("PutDocument(nil) error = %v, want ErrInvalid", err)
	}
	if st, _ := s.Stats(context.Background()); st.Edges != 0 || st.Nodes[graph.KindDocument] != 0 {
		t.Errorf("Stats after rejected writes = %+v, want empty", st)
	}
}

func TestPutDocumentTooBig(t *testing.T) {
	s := openMemory(t)
	err := s.PutDocument(context.Background(), people("crowd", 40000)) // 120 000 keys
	if !errors.Is(err, badger.ErrTxnTooBig) {
		t.Fatalf("PutDocument error = %v, want ErrTxnTooBig", err)
	}
	if st, _ := s.Stats(context.Background()); st.Nodes[graph.KindPerson] != 0 {
		t.Errorf("Stats after the failed write = %+v, want empty", st)
	}
	// Nothing of the failed write may be remembered as stored.
	put(t, s, people("crowd", 3))
	if diff := cmp.Diff(rawKeys(t, openMemory(t, people("crowd", 3))), rawKeys(t, s)); diff != "" {
		t.Errorf("keys after a smaller write (-fresh +got):\n%s", diff)
	}
}

func TestContextCancelled(t *testing.T) {
	s := openMemory(t, allDocs()...)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.PutDocument(ctx, docMinsk().cs); !errors.Is(err, context.Canceled) {
		t.Errorf("PutDocument error = %v, want context.Canceled", err)
	}
	if _, err := s.FindEvents(ctx, graph.EventFilter{}, graph.StartAsc, graph.PageRequest{First: 1}); !errors.Is(err, context.Canceled) {
		t.Errorf("FindEvents error = %v, want context.Canceled", err)
	}
	if _, err := s.Edges(ctx, csto, "", graph.In); !errors.Is(err, context.Canceled) {
		t.Errorf("Edges error = %v, want context.Canceled", err)
	}
}

// newsItem returns the i-th of a series of news items, each about its own meeting in Minsk
// with five delegates of its own.
func newsItem(i int) *graph.ChangeSet {
	const s1, s2 = "Delegations met in Minsk at the invitation of the CSTO.", "Five delegates from Belarus took part."
	meeting := graph.NewID(graph.KindEvent, fmt.Sprint("meeting ", i))
	d := newDoc(fmt.Sprint("item ", i), "2024-05-10", s1+" "+s2).
		nodes(org(csto, "CSTO", "CSTO"), place(minsk, "Minsk", graph.PlaceCity), node(belarus, graph.KindCountry, "Belarus"),
			event(meeting, fmt.Sprint("Meeting ", i), graph.EventMeeting, "2024-05-10")).
		edge(meeting, graph.RelHeldIn, minsk, s1).
		edge(meeting, graph.RelOrganizedBy, csto, s1)
	for j := range 5 {
		name := fmt.Sprintf("Delegate %d-%d", i, j)
		person := graph.NewID(graph.KindPerson, name)
		d = d.nodes(node(person, graph.KindPerson, name)).
			edge(meeting, graph.RelParticipant, person, s2).
			edge(person, graph.RelCitizenOf, belarus, s2)
	}
	return d.cs
}

func BenchmarkPutDocument(b *testing.B) {
	ctx := context.Background()
	b.Run("new", func(b *testing.B) {
		s := openMemory(b, allDocs()...)
		i := 0
		for b.Loop() {
			if err := s.PutDocument(ctx, newsItem(i)); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("replace", func(b *testing.B) {
		s := openMemory(b, allDocs()...)
		docs := []*graph.ChangeSet{docMinsk().cs, minskRevised()} // alternate, so each put replaces
		i := 0
		for b.Loop() {
			if err := s.PutDocument(ctx, docs[i%2]); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}
