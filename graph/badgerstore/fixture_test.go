package badgerstore

import (
	"context"
	"fmt"
	"github.com/dgraph-io/badger/v4"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
)

// The test graph: CSTO Collective Security Council sessions of 2022–2024, an exercise and an
// announced meeting, as a loader would extract them from short news items.
var (
	csto             = graph.NewID(graph.KindOrganization, "collective security treaty organization")
	council          = graph.NewID(graph.KindOrganization, "csto collective security council")
	belarus          = graph.NewID(graph.KindCountry, "belarus")
	armenia          = graph.NewID(graph.KindCountry, "armenia")
	kazakhstan       = graph.NewID(graph.KindCountry, "kazakhstan")
	minsk            = graph.NewID(graph.KindPlace, "minsk")
	yerevan          = graph.NewID(graph.KindPlace, "yerevan")
	astana           = graph.NewID(graph.KindPlace, "astana")
	brest            = graph.NewID(graph.KindPlace, "brest region")
	lukashenko       = graph.NewID(graph.KindPerson, "alexander lukashenko")
	pashinyan        = graph.NewID(graph.KindPerson, "nikol pashinyan")
	tokayev          = graph.NewID(graph.KindPerson, "kassym jomart tokayev")
	tasmagambetov    = graph.NewID(graph.KindPerson, "imangali tasmagambetov")
	zas              = graph.NewID(graph.KindPerson, "stanislav zas")
	secretaryGeneral = graph.NewID(graph.KindPost, "csto secretary general")
	tenureTasmag     = graph.NewID(graph.KindTenure, "imangali tasmagambetov|csto secretary general")
	tenureZas        = graph.NewID(graph.KindTenure, "stanislav zas|csto secretary general")
	sessionMinsk     = graph.NewID(graph.KindEvent, "csc session 2023-11-23")
	narrowMinsk      = graph.NewID(graph.KindEvent, "csc narrow format 2023-11-23")
	sessionYerevan   = graph.NewID(graph.KindEvent, "csc session 2022-11-23")
	sessionAstana    = graph.NewID(graph.KindEvent, "csc session 2024-11-28")
	exercise         = graph.NewID(graph.KindEvent, "interaction-2023")
	ministersMeeting = graph.NewID(graph.KindEvent, "cfm next meeting")
)

// doc builds a test change set.
type doc struct{ cs *graph.ChangeSet }

func newDoc(key, published, text string) doc {
	id := graph.NewID(graph.KindDocument, key)
	return doc{&graph.ChangeSet{Document: graph.Node{
		ID: id, Kind: graph.KindDocument, Name: "News item " + key, Source: "https://example.org/" + key,
		Published: graph.Date(published), Text: text, Hash: fmt.Sprintf("hash-%s-%d", key, len(text)),
	}}}
}

func (d doc) nodes(ns ...graph.Node) doc {
	d.cs.Nodes = append(d.cs.Nodes, ns...)
	return d
}

// edge adds an edge with the given evidence sentences, which must be in the document's text.
func (d doc) edge(from graph.ID, rel graph.Relation, to graph.ID, sentences ...string) doc {
	e := graph.Edge{From: from, Relation: rel, To: to}
	for _, s := range sentences {
		i := strings.Index(d.cs.Document.Text, s)
		if i < 0 {
			panic(fmt.Sprintf("sentence %q not in document %s", s, d.cs.Document.Name))
		}
		e.Evidence = append(e.Evidence, graph.Evidence{Document: d.cs.Document.ID, Sentence: s, Offset: i})
	}
	d.cs.Edges = append(d.cs.Edges, e)
	return d
}

func node(id graph.ID, kind graph.Kind, name string, aliases ...string) graph.Node {
	return graph.Node{ID: id, Kind: kind, Name: name, Aliases: aliases}
}

func place(id graph.ID, name string, pk graph.PlaceKind) graph.Node {
	n := node(id, graph.KindPlace, name)
	n.PlaceKind = pk
	return n
}

func event(id graph.ID, title string, typ graph.EventType, start graph.Date) graph.Node {
	n := node(id, graph.KindEvent, title)
	n.EventType, n.Start = typ, start
	return n
}

func tenure(id graph.ID, from, to graph.Date, seen ...graph.Date) graph.Node {
	n := node(id, graph.KindTenure, "")
	n.From, n.To, n.Seen = from, to, seen
	return n
}

func org(id graph.ID, name, acronym string, aliases ...string) graph.Node {
	n := node(id, graph.KindOrganization, name, aliases...)
	n.Acronym = acronym
	return n
}

const (
	minskS1 = "On 23 November 2023 the CSTO Collective Security Council held a session in Minsk."
	minskS2 = "Belarusian President Alexander Lukashenko chaired the session."
	minskS3 = "CSTO Secretary General Imangali Tasmagambetov, in office since January 2023, took part."
	minskS4 = "The heads of state first met in narrow format."

	yerevanS1 = "The CSTO Collective Security Council met in Yerevan on 23 November 2022."
	yerevanS2 = "The session was chaired by Armenian Prime Minister Nikol Pashinyan."
	// The text has a double space that the loader's sentence normalises away.
	yerevanS3Text = "Secretary General of the CSTO Stanislav  Zas attended."
	yerevanS3     = "Secretary General of the CSTO Stanislav Zas attended."

	astanaS1 = "Kazakh President Kassym-Jomart Tokayev chaired the CSTO summit in Astana on 28 November 2024."
	astanaS2 = "Tokayev welcomed Lukashenko and Secretary General Tasmagambetov."

	exerciseS1 = "The Interaction-2023 exercise of the CSTO Collective Rapid Reaction Forces was held in the Brest region of Belarus in September 2023."

	plannedS1 = "CSTO foreign ministers will meet again next year."
)

func docMinsk() doc {
	return newDoc("minsk-2023", "2023-11-23", strings.Join([]string{minskS1, minskS2, minskS3, minskS4}, " ")).
		nodes(
			org(csto, "Collective Security Treaty Organization", "CSTO"),
			org(council, "CSTO Collective Security Council", ""),
			node(belarus, graph.KindCountry, "Belarus"),
			place(minsk, "Minsk", graph.PlaceCity),
			node(lukashenko, graph.KindPerson, "Alexander Lukashenko", "Lukashenko"),
			node(tasmagambetov, graph.KindPerson, "Imangali Tasmagambetov"),
			node(secretaryGeneral, graph.KindPost, "CSTO Secretary General"),
			tenure(tenureTasmag, "2023-01", "", "2023-11-23"),
			event(sessionMinsk, "Session of the CSTO Collective Security Council", graph.EventSession, "2023-11-23"),
			event(narrowMinsk, "Narrow-format meeting of the heads of state", graph.EventMeeting, "2023-11-23"),
		).
		edge(council, graph.RelPartOf, csto, minskS1).
		edge(sessionMinsk, graph.RelHeldIn, minsk, minskS1).
		edge(sessionMinsk, graph.RelOrganizedBy, council, minskS1).
		edge(minsk, graph.RelLocatedIn, belarus).
		edge(sessionMinsk, graph.RelChairedBy, lukashenko, minskS2).
		edge(lukashenko, graph.RelCitizenOf, belarus, minskS2).
		edge(sessionMinsk, graph.RelParticipant, tasmagambetov, minskS3).
		edge(tenureTasmag, graph.RelHolder, tasmagambetov, minskS3).
		edge(tenureTasmag, graph.RelTenurePost, secretaryGeneral, minskS3).
		edge(secretaryGeneral, graph.RelPostOrganization, csto, minskS3).
		edge(narrowMinsk, graph.RelEventPartOf, sessionMinsk, minskS4)
}

func docYerevan() doc {
	return newDoc("yerevan-2022", "2022-11-23", strings.Join([]string{yerevanS1, yerevanS2, yerevanS3Text}, " ")).
		nodes(
			org(csto, "Collective Security Treaty Organisation", "CSTO", "the Organisation"),
			org(council, "Collective Security Council", "", "CSC"),
			node(armenia, graph.KindCountry, "Armenia"),
			place(yerevan, "Yerevan", graph.PlaceCity),
			node(pashinyan, graph.KindPerson, "Nikol Pashinyan", "Pashinyan"),
			node(zas, graph.KindPerson, "Stanislav Zas"),
			node(secretaryGeneral, graph.KindPost, "Secretary General of the CSTO"),
			tenure(tenureZas, "", "2022-12-31", "2022-11-23"),
			event(sessionYerevan, "CSTO Collective Security Council session in Yerevan", graph.EventSession, "2022-11-23"),
		).
		edge(council, graph.RelPartOf, csto, yerevanS1).
		edge(sessionYerevan, graph.RelHeldIn, yerevan, yerevanS1).
		edge(sessionYerevan, graph.RelInCountry, armenia, yerevanS1).
		edge(sessionYerevan, graph.RelOrganizedBy, council, yerevanS1).
		edge(sessionYerevan, graph.RelChairedBy, pashinyan, yerevanS2).
		edge(tenureZas, graph.RelHolder, zas, yerevanS3Text).
		edge(tenureZas, graph.RelTenurePost, secretaryGeneral, yerevanS3Text).
		edge(secretaryGeneral, graph.RelPostOrganization, csto, yerevanS3Text).
		normalised(sessionYerevan, graph.RelParticipant, zas, yerevanS3Text, yerevanS3)
}

// normalised adds an edge whose evidence is sentence, normalised from inText in the text.
func (d doc) normalised(from graph.ID, rel graph.Relation, to graph.ID, inText, sentence string) doc {
	d = d.edge(from, rel, to, inText)
	d.cs.Edges[len(d.cs.Edges)-1].Evidence[0].Sentence = sentence
	return d
}

func docAstana() doc {
	return newDoc("astana-2024", "2024-11-28", astanaS1+" "+astanaS2).
		nodes(
			org(csto, "CSTO", "CSTO"),
			node(kazakhstan, graph.KindCountry, "Kazakhstan"),
			place(astana, "Astana", graph.PlaceCity),
			node(tokayev, graph.KindPerson, "Kassym-Jomart Tokayev", "Tokayev"),
			node(lukashenko, graph.KindPerson, "Lukashenko"),
			node(tasmagambetov, graph.KindPerson, "Tasmagambetov"),
			node(secretaryGeneral, graph.KindPost, "Secretary General"),
			tenure(tenureTasmag, "", "", "2024-11-28"),
			event(sessionAstana, "CSTO summit in Astana", graph.EventMeeting, "2024-11-28"),
		).
		edge(astana, graph.RelLocatedIn, kazakhstan).
		edge(sessionAstana, graph.RelHeldIn, astana, astanaS1).
		edge(sessionAstana, graph.RelChairedBy, tokayev, astanaS1).
		edge(sessionAstana, graph.RelParticipantOrg, csto, astanaS1).
		edge(sessionAstana, graph.RelParticipant, lukashenko, astanaS2).
		edge(sessionAstana, graph.RelParticipant, tasmagambetov, astanaS2).
		edge(tenureTasmag, graph.RelHolder, tasmagambetov, astanaS2).
		edge(tenureTasmag, graph.RelTenurePost, secretaryGeneral, astanaS2)
}

func docExercise() doc {
	return newDoc("interaction-2023", "2023-09-20", exerciseS1).
		nodes(
			org(csto, "CSTO", "CSTO"),
			node(belarus, graph.KindCountry, "Belarus"),
			place(brest, "Brest region", graph.PlaceRegion),
			event(exercise, "Interaction-2023 exercise", graph.EventTraining, "2023-09"),
		).
		edge(exercise, graph.RelAtVenue, brest, exerciseS1).
		edge(exercise, graph.RelInCountry, belarus, exerciseS1).
		edge(exercise, graph.RelOrganizedBy, csto, exerciseS1).
		edge(brest, graph.RelLocatedIn, belarus, exerciseS1)
}

func docPlanned() doc {
	meeting := event(ministersMeeting, "Meeting of the CSTO Council of Foreign Ministers", graph.EventMeeting, "")
	meeting.Planned = true
	return newDoc("ministers-next-year", "", plannedS1).
		nodes(org(csto, "CSTO", "CSTO"), meeting).
		edge(ministersMeeting, graph.RelParticipantOrg, csto, plannedS1)
}

// allDocs returns the change sets of the test graph.
func allDocs() []*graph.ChangeSet {
	return []*graph.ChangeSet{docMinsk().cs, docYerevan().cs, docAstana().cs, docExercise().cs, docPlanned().cs}
}

// openMemory opens an in-memory store holding the documents, closed when the test ends.
func openMemory(t testing.TB, docs ...*graph.ChangeSet) *Store {
	t.Helper()
	s, err := Open(context.Background(), Config{InMemory: true})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	put(t, s, docs...)
	return s
}

func put(t testing.TB, s *Store, docs ...*graph.ChangeSet) {
	t.Helper()
	for _, cs := range docs {
		if err := s.PutDocument(context.Background(), cs); err != nil {
			t.Fatalf("PutDocument(%s): %v", cs.Document.Name, err)
		}
	}
}

// snapshot is everything a store answers about its whole contents, to compare two stores.
type snapshot struct {
	Nodes []*graph.Node
	Out   map[graph.ID][]graph.Edge
	In    map[graph.ID][]graph.Edge
	Stats graph.Stats
}

func takeSnapshot(t *testing.T, s *Store) snapshot {
	t.Helper()
	ctx := context.Background()
	snap := snapshot{Out: map[graph.ID][]graph.Edge{}, In: map[graph.ID][]graph.Edge{}}
	for _, k := range graph.Kinds {
		page, err := s.FindNodes(ctx, graph.NodeFilter{Kind: k}, graph.PageRequest{First: 1000})
		if err != nil {
			t.Fatalf("FindNodes(%s): %v", k, err)
		}
		snap.Nodes = append(snap.Nodes, page.Nodes...)
	}
	for _, n := range snap.Nodes {
		for dir, m := range map[graph.Direction]map[graph.ID][]graph.Edge{graph.Out: snap.Out, graph.In: snap.In} {
			edges, err := s.Edges(ctx, n.ID, "", dir)
			if err != nil {
				t.Fatalf("Edges(%s): %v", n.ID, err)
			}
			if edges != nil {
				m[n.ID] = edges
			}
		}
	}
	var err error
	if snap.Stats, err = s.Stats(ctx); err != nil {
		t.Fatalf("Stats: %v", err)
	}
	return snap
}

// rawKeys returns every key of the store with its value, so that tests can check that a store
// reached by replacing or deleting documents holds exactly what a fresh load would: no shared
// key left behind, none missing, the same counts.
func rawKeys(t *testing.T, s *Store) map[string]string {
	t.Helper()
	kv := map[string]string{}
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			kv[string(it.Item().KeyCopy(nil))] = string(v)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return kv
}

// otherEnds returns the end of each of edges that a read in direction dir reaches.
func otherEnds(edges []graph.Edge, dir graph.Direction) []graph.ID {
	var ends []graph.ID
	for _, e := range edges {
		ends = append(ends, e.Other(dir))
	}
	return ends
}
