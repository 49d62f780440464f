package export

import (
	"bytes"
	"context"
	"encoding/xml"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kgraph/kg/graph"
)

// The GraphML document as a reader sees it, apart from the writer's own types; the root's
// namespace must be GraphML's for it to parse.
type gmlDoc struct {
	XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
	Keys    []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string       `xml:"edgedefault,attr"`
		Nodes       []gmlElement `xml:"node"`
		Edges       []gmlElement `xml:"edge"`
	} `xml:"graph"`
}

type gmlElement struct {
	ID     string `xml:"id,attr"`
	Source string `xml:"source,attr"`
	Target string `xml:"target,attr"`
	Data   []struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	} `xml:"data"`
}

func (e gmlElement) data() map[string]string {
	m := map[string]string{}
	for _, d := range e.Data {
		m[d.Key] = d.Value
	}
	return m
}

// TestGraphML checks that the GraphML export has every person, organisation, country, place,
// post and event with its attributes, every edge between them with its relation and evidence,
// each tenure as a holds edge with its dates, and no document; that every attribute is
// declared; and that two exports are the same bytes.
func TestGraphML(t *testing.T) {
	st := openFixture(t)
	out := exportTo(t, GraphML, st)
	var doc gmlDoc
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("parse: %v\n%s", err, out)
	}
	if doc.Graph.EdgeDefault != "directed" {
		t.Errorf("edgedefault = %q, want directed", doc.Graph.EdgeDefault)
	}

	// Keys: declared once each, of a GraphML type, for the element that uses them.
	keyFor := map[string]string{}
	for _, k := range doc.Keys {
		if _, dup := keyFor[k.ID]; dup {
			t.Errorf("key %s declared twice", k.ID)
		}
		keyFor[k.ID] = k.For
		if !slices.Contains([]string{"boolean", "int", "long", "float", "double", "string"}, k.Type) || k.Name == "" {
			t.Errorf("key %+v: want attr.name and a GraphML attr.type", k)
		}
	}
	checkKeys := func(what string, elems []gmlElement) {
		for _, e := range elems {
			for _, d := range e.Data {
				if keyFor[d.Key] != what {
					t.Errorf("%s %s: data key %q is not declared for %ss", what, e.ID, d.Key, what)
				}
			}
		}
	}
	checkKeys("node", doc.Graph.Nodes)
	checkKeys("edge", doc.Graph.Edges)

	// Nodes: every node of the kept kinds with its attributes, and nothing else.
	wantNodes := map[string]map[string]string{}
	for _, kind := range graphmlKinds {
		for _, n := range allNodes(t, st, kind) {
			d := map[string]string{"kind": kind.String(), "name": n.Name}
			set := func(key, value string) {
				if value != "" {
					d[key] = value
				}
			}
			set("aliases", strings.Join(n.Aliases, "; "))
			set("acronym", n.Acronym)
			set("placeKind", string(n.PlaceKind))
			set("eventType", string(n.EventType))
			set("start", string(n.Start))
			set("end", string(n.End))
			if kind == graph.KindEvent {
				d["planned"] = strconv.FormatBool(n.Planned)
			}
			wantNodes[string(n.ID)] = d
		}
	}
	gotNodes := map[string]map[string]string{}
	for _, n := range doc.Graph.Nodes {
		gotNodes[n.ID] = n.data()
	}
	if diff := cmp.Diff(wantNodes, gotNodes); diff != "" {
		t.Errorf("nodes (-want +got):\n%s", diff)
	}
	if len(wantNodes) != 7 {
		t.Errorf("the fixture has %d nodes of the kept kinds, want 7", len(wantNodes))
	}

	// Edges: every edge between kept nodes, and one holds edge per tenure.
	type edgeKey struct{ source, target, relation string }
	wantEdges := map[edgeKey]map[string]string{}
	for _, kind := range graphmlKinds {
		for _, n := range allNodes(t, st, kind) {
			edges, docs := outEdges(t, st, n)
			for i, e := range edges {
				if wantNodes[string(e.To)] == nil {
					continue
				}
				d := map[string]string{
					"relation":      string(e.Relation),
					"evidenceCount": strconv.Itoa(len(e.Evidence)),
					"documents":     join(docs[i], " "),
				}
				if len(e.Evidence) > 0 {
					d["evidence"] = e.Evidence[0].Sentence
				}
				wantEdges[edgeKey{string(e.From), string(e.To), string(e.Relation)}] = d
			}
		}
	}
	for _, tn := range allNodes(t, st, graph.KindTenure) {
		edges, docs := outEdges(t, st, tn)
		var person, post string
		var sentences []string
		var documents []graph.ID
		for i, e := range edges {
			switch e.Relation {
			case graph.RelHolder:
				person = string(e.To)
			case graph.RelTenurePost:
				post = string(e.To)
			}
			for _, ev := range e.Evidence {
				sentences = append(sentences, ev.Sentence)
			}
			documents = append(documents, docs[i]...)
		}
		slices.Sort(documents)
		wantEdges[edgeKey{person, post, "holds"}] = map[string]string{
			"relation": "holds", "from": string(tn.From), "to": string(tn.To),
			"acting": strconv.FormatBool(tn.Acting), "seen": join(tn.Seen, " "), "tenure": string(tn.ID),
			// Both edges of the fixture's tenure are read from the same sentence.
			"evidence": sentences[0], "evidenceCount": "1",
			"documents": join(slices.Compact(documents), " "),
		}
	}
	gotEdges := map[edgeKey]map[string]string{}
	ids := map[string]bool{}
	for _, e := range doc.Graph.Edges {
		d := e.data()
		k := edgeKey{e.Source, e.Target, d["relation"]}
		if gotEdges[k] != nil {
			t.Errorf("edge %+v written twice", k)
		}
		gotEdges[k] = d
		if e.ID == "" || ids[e.ID] {
			t.Errorf("edge %+v: ID %q empty or not unique", k, e.ID)
		}
		ids[e.ID] = true
		if gotNodes[e.Source] == nil || gotNodes[e.Target] == nil {
			t.Errorf("edge %+v: an end is not a node", k)
		}
	}
	if diff := cmp.Diff(wantEdges, gotEdges); diff != "" {
		t.Errorf("edges (-want +got):\n%s", diff)
	}
	// 3 of the meeting, 1 located-in, 1 post-of, 3 of the session, 1 holds.
	if len(wantEdges) != 9 {
		t.Errorf("the fixture has %d edges between kept nodes, want 9", len(wantEdges))
	}

	if again := exportTo(t, GraphML, st); !bytes.Equal(out, again) {
		t.Error("two exports of the same store differ")
	}
}

// TestGraphMLControlCharacters exports a name with characters that XML 1.0 cannot hold: the
// output is still well-formed, with U+FFFD in their place.
func TestGraphMLControlCharacters(t *testing.T) {
	st := openFixture(t)
	d := newFxDoc("three", "2024-01", "Bad\x01name met.\n").
		nodes(graph.Node{ID: graph.NewID(graph.KindPerson, "bad name"), Kind: graph.KindPerson, Name: "Bad\x01name\x0b"})
	if err := st.PutDocument(context.Background(), d.cs); err != nil {
		t.Fatal(err)
	}
	var doc gmlDoc
	if err := xml.Unmarshal(exportTo(t, GraphML, st), &doc); err != nil {
		t.Fatalf("parse: %v", err)
	}
	for _, n := range doc.Graph.Nodes {
		if n.ID == string(graph.NewID(graph.KindPerson, "bad name")) {
			if got := n.data()["name"]; got != "Bad\uFFFDname\uFFFD" {
				t.Errorf("name = %q, want %q", got, "Bad\uFFFDname\uFFFD")
			}
			return
		}
	}
	t.Error("the node with a control character in its name is missing")
}
