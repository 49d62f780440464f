package export

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/badgerstore"
)

// The test graph: a council meeting in Riga and a planned session, with names and sentences
// full of what file formats must escape (quotes, commas, semicolons, <, &, line breaks) and
// letters outside ASCII.
var (
	fxPerson  = graph.NewID(graph.KindPerson, "zoe ohara lukasz")
	fxCouncil = graph.NewID(graph.KindOrganization, "baltic nordic arctic council")
	fxLatvia  = graph.NewID(graph.KindCountry, "lv")
	fxRiga    = graph.NewID(graph.KindPlace, "riga")
	fxChair   = graph.NewID(graph.KindPost, "bnac chair")
	fxTenure  = graph.NewID(graph.KindTenure, "zoe ohara lukasz|bnac chair")
	fxMeeting = graph.NewID(graph.KindEvent, "meeting 2023-05-03 riga")
	fxSession = graph.NewID(graph.KindEvent, "session 2024 riga")
)

const (
	fxText1 = "Riga, 3 May 2023.\n" +
		"The \"Baltic, Nordic & <Arctic>\" Council met in Riga; Zoë Ō'Hara-Łukasz chaired it.\n" +
		"Ō'Hara-Łukasz, Chair of the Council since 2023,\nsaid: \"we agreed, mostly\".\n"
	fxS1 = "The \"Baltic, Nordic & <Arctic>\" Council met in Riga; Zoë Ō'Hara-Łukasz chaired it."
	fxS2 = "Ō'Hara-Łukasz, Chair of the Council since 2023,\nsaid: \"we agreed, mostly\"."

	fxText2 = "Второе сообщение.\nThe Council's next session is planned for 2024 in Riga, Latvia.\n"
	fxS3    = "The Council's next session is planned for 2024 in Riga, Latvia."
)

// fxDoc builds a change set of one document.
type fxDoc struct{ cs *graph.ChangeSet }

func newFxDoc(key string, published graph.Date, text string) fxDoc {
	return fxDoc{&graph.ChangeSet{Document: graph.Node{
		ID: graph.NewID(graph.KindDocument, key), Kind: graph.KindDocument, Name: "Item \"" + key + "\", <b>",
		Source: "https://example.org/a?b=1&c=" + key, Published: published, Text: text, Hash: "h-" + key,
	}}}
}

func (d fxDoc) nodes(ns ...graph.Node) fxDoc {
	d.cs.Nodes = append(d.cs.Nodes, ns...)
	return d
}

// edge adds an edge stated by the sentences, which must be in the document's text; a
// confidence below 1 marks the first sentence as inferred.
func (d fxDoc) edge(from graph.ID, rel graph.Relation, to graph.ID, confidence float64, sentences ...string) fxDoc {
	e := graph.Edge{From: from, Relation: rel, To: to}
	for i, s := range sentences {
		at := strings.Index(d.cs.Document.Text, s)
		if at < 0 {
			panic(fmt.Sprintf("sentence %q not in %s", s, d.cs.Document.Name))
		}
		ev := graph.Evidence{Document: d.cs.Document.ID, Sentence: s, Offset: at}
		if i == 0 && confidence < 1 {
			ev.Confidence = confidence
		}
		e.Evidence = append(e.Evidence, ev)
	}
	d.cs.Edges = append(d.cs.Edges, e)
	return d
}

func fixture() []*graph.ChangeSet {
	person := graph.Node{ID: fxPerson, Kind: graph.KindPerson, Name: "Zoë Ō'Hara-Łukasz",
		Aliases: []string{"Ō'Hara-Łukasz", "Zoë \"Z\" O'Hara, Jr.; the chair"}}
	council := graph.Node{ID: fxCouncil, Kind: graph.KindOrganization, Name: "Baltic, Nordic & <Arctic> Council", Acronym: "BN&A"}
	latvia := graph.Node{ID: fxLatvia, Kind: graph.KindCountry, Name: "Latvia", Aliases: []string{"Latvija"}}
	riga := graph.Node{ID: fxRiga, Kind: graph.KindPlace, Name: "Rīga", PlaceKind: graph.PlaceCity}
	chair := graph.Node{ID: fxChair, Kind: graph.KindPost, Name: "Chair of the \"Council\""}
	tenure := graph.Node{ID: fxTenure, Kind: graph.KindTenure, From: "2023", To: "2024-05", Acting: true, Seen: []graph.Date{"2023-05-03"}}
	meeting := graph.Node{ID: fxMeeting, Kind: graph.KindEvent, Name: "Meeting of the \"Council\" <Riga>",
		EventType: graph.EventMeeting, Start: "2023-05-03", End: "2023-05-04"}
	session := graph.Node{ID: fxSession, Kind: graph.KindEvent, Name: "Next session, 2024",
		EventType: graph.EventSession, Start: "2024", Planned: true}

	d1 := newFxDoc("one", "2023-05-03", fxText1).
		nodes(person, council, latvia, riga, chair, tenure, meeting).
		edge(fxMeeting, graph.RelChairedBy, fxPerson, 1, fxS1).
		edge(fxMeeting, graph.RelHeldIn, fxRiga, 1, fxS1).
		edge(fxMeeting, graph.RelParticipant, fxPerson, 0.7, fxS1, fxS2).
		edge(fxRiga, graph.RelLocatedIn, fxLatvia, 1). // a gazetteer's fact: no sentence
		edge(fxTenure, graph.RelHolder, fxPerson, 1, fxS2).
		edge(fxTenure, graph.RelTenurePost, fxChair, 1, fxS2).
		edge(fxChair, graph.RelPostOrganization, fxCouncil, 1, fxS2).
		edge(fxPerson, graph.RelMentionedIn, graph.NewID(graph.KindDocument, "one"), 1, fxS1, fxS2).
		edge(fxCouncil, graph.RelMentionedIn, graph.NewID(graph.KindDocument, "one"), 1, fxS1)
	d2 := newFxDoc("two", "2024", fxText2).
		nodes(council, latvia, riga, chair, session).
		edge(fxSession, graph.RelHeldIn, fxRiga, 1, fxS3).
		edge(fxSession, graph.RelInCountry, fxLatvia, 1, fxS3).
		edge(fxSession, graph.RelOrganizedBy, fxCouncil, 0.5, fxS3).
		edge(fxChair, graph.RelPostOrganization, fxCouncil, 1, fxS3).
		edge(fxLatvia, graph.RelMentionedIn, graph.NewID(graph.KindDocument, "two"), 1, fxS3)
	return []*graph.ChangeSet{d1.cs, d2.cs}
}

// openFixture returns a Badger store in a temporary folder that holds the test graph.
func openFixture(t *testing.T) graph.Store {
	t.Helper()
	ctx := context.Background()
	st, err := badgerstore.Open(ctx, badgerstore.Config{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for _, cs := range fixture() {
		if err := st.PutDocument(ctx, cs); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// allNodes reads every node of kind from st.
func allNodes(t *testing.T, st graph.Store, kind graph.Kind) []*graph.Node {
	t.Helper()
	var nodes []*graph.Node
	req := graph.PageRequest{First: 100}
	for {
		p, err := st.FindNodes(context.Background(), graph.NodeFilter{Kind: kind}, req)
		if err != nil {
			t.Fatal(err)
		}
		nodes = append(nodes, p.Nodes...)
		if !p.HasNext {
			return nodes
		}
		req.After = p.Cursors[len(p.Cursors)-1]
	}
}

// outEdges reads the out-edges of n and the documents that state each.
func outEdges(t *testing.T, st graph.Store, n *graph.Node) ([]graph.Edge, [][]graph.ID) {
	t.Helper()
	var edges []graph.Edge
	var docs [][]graph.ID
	err := st.EachEdge(context.Background(), []graph.ID{n.ID}, func(_ int, e graph.Edge, d []graph.ID) error {
		edges, docs = append(edges, e), append(docs, d)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return edges, docs
}

// exportTo writes st in the format write and returns what it wrote.
func exportTo(t *testing.T, write Stream, st graph.Store) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := write(context.Background(), st, &b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
