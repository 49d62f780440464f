package export

import (
	"cmp"
	"context"
	"encoding/xml"
	"io"
	"slices"
	"strconv"

	"github.com/kgraph/kg/graph"
)

// The GraphML format, for Gephi and other tools that draw graphs: the people, organisations,
// countries, places, posts and events as nodes and the facts between them as directed edges.
// Documents and their mentioned-in edges are left out: they are where facts were read, not
// facts, and would outnumber everything else in a picture. A tenure becomes a "holds" edge from
// its person to its post carrying its dates. An edge carries the first sentence that states it
// and how many do (every sentence could run to thousands for a fact that many documents
// repeat; the jsonl and csv exports keep them all), and the documents that state it.
//
//	<node id="…"><data key="kind">Person</data><data key="name">…</data></node>
//	<edge id="…" source="…" target="…"><data key="relation">chaired-by</data>…</edge>

const graphmlNamespace = "http://graphml.graphdrawing.org/xmlns"

// graphmlKinds are the kinds that GraphML draws as nodes.
var graphmlKinds = []graph.Kind{
	graph.KindPerson, graph.KindOrganization, graph.KindCountry,
	graph.KindPlace, graph.KindPost, graph.KindEvent,
}

// relHolds is the relation of the edge that a tenure becomes.
const relHolds graph.Relation = "holds"

// graphmlKey declares one attribute of nodes or edges.
type graphmlKey struct {
	XMLName xml.Name `xml:"key"`
	ID      string   `xml:"id,attr"`
	For     string   `xml:"for,attr"`
	Name    string   `xml:"attr.name,attr"`
	Type    string   `xml:"attr.type,attr"`
}

// graphmlKeys are every attribute the export writes, declared up front as GraphML requires.
// The name of a node and the relation of an edge take the attribute name "label", which is
// what Gephi shows on the drawing.
var graphmlKeys = []graphmlKey{
	{ID: "kind", For: "node", Name: "kind", Type: "string"},
	{ID: "name", For: "node", Name: "label", Type: "string"},
	{ID: "aliases", For: "node", Name: "aliases", Type: "string"},
	{ID: "acronym", For: "node", Name: "acronym", Type: "string"},
	{ID: "placeKind", For: "node", Name: "placeKind", Type: "string"},
	{ID: "eventType", For: "node", Name: "eventType", Type: "string"},
	// Dates are strings: they may be a year or a month, which no GraphML type holds.
	{ID: "start", For: "node", Name: "start", Type: "string"},
	{ID: "end", For: "node", Name: "end", Type: "string"},
	{ID: "planned", For: "node", Name: "planned", Type: "boolean"},
	{ID: "relation", For: "edge", Name: "label", Type: "string"},
	{ID: "from", For: "edge", Name: "from", Type: "string"},
	{ID: "to", For: "edge", Name: "to", Type: "string"},
	{ID: "acting", For: "edge", Name: "acting", Type: "boolean"},
	{ID: "seen", For: "edge", Name: "seen", Type: "string"},
	{ID: "tenure", For: "edge", Name: "tenure", Type: "string"},
	{ID: "evidence", For: "edge", Name: "evidence", Type: "string"},
	{ID: "evidenceCount", For: "edge", Name: "evidenceCount", Type: "int"},
	{ID: "documents", For: "edge", Name: "documents", Type: "string"},
}

// graphmlDatum is the value of one attribute of a node or an edge.
type graphmlDatum struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

// graphmlData are the attributes of a node or an edge; empty values are left out.
type graphmlData []graphmlDatum

func (d *graphmlData) add(key, value string) {
	if value != "" {
		*d = append(*d, graphmlDatum{key, value})
	}
}

type graphmlNode struct {
	XMLName xml.Name    `xml:"node"`
	ID      graph.ID    `xml:"id,attr"`
	Data    graphmlData `xml:"data"`
}

type graphmlEdge struct {
	XMLName xml.Name    `xml:"edge"`
	ID      string      `xml:"id,attr"`
	Source  graph.ID    `xml:"source,attr"`
	Target  graph.ID    `xml:"target,attr"`
	Data    graphmlData `xml:"data"`
}

func newGraphMLNode(n *graph.Node) graphmlNode {
	g := graphmlNode{ID: n.ID}
	g.Data.add("kind", n.Kind.String())
	g.Data.add("name", n.Name)
	g.Data.add("aliases", join(n.Aliases, "; "))
	g.Data.add("acronym", n.Acronym)
	g.Data.add("placeKind", string(n.PlaceKind))
	g.Data.add("eventType", string(n.EventType))
	g.Data.add("start", string(n.Start))
	g.Data.add("end", string(n.End))
	if n.Kind == graph.KindEvent {
		g.Data.add("planned", strconv.FormatBool(n.Planned))
	}
	return g
}

// newGraphMLEdge returns the edge of the fact e, which the documents state.
func newGraphMLEdge(e graph.Edge, documents []graph.ID) graphmlEdge {
	g := graphmlEdge{ID: edgeFactID(e), Source: e.From, Target: e.To}
	g.Data.add("relation", string(e.Relation))
	g.Data.addEvidence(e.Evidence, documents)
	return g
}

// addEvidence adds the first sentence of evs, their number and the documents.
func (d *graphmlData) addEvidence(evs []graph.Evidence, documents []graph.ID) {
	if len(evs) > 0 {
		d.add("evidence", evs[0].Sentence)
	}
	d.add("evidenceCount", strconv.Itoa(len(evs)))
	d.add("documents", join(documents, " "))
}

// holding is a person's tenure of a post, drawn as one edge.
type holding struct {
	tenure       *graph.Node
	person, post graph.ID
	evidence     []graph.Evidence
	documents    []graph.ID
}

// holdings reads the holdings of tenure t from its out-edges and the documents that state each:
// one for each pair of holder and post, which is one pair for a tenure as the loader builds it,
// and none for a tenure that lacks either. The evidence and documents are those of the holder
// and tenure-post edges together, each once.
func holdings(t *graph.Node, edges []graph.Edge, documents [][]graph.ID) []holding {
	var people, posts []graph.ID
	var evs []graph.Evidence
	var docs []graph.ID
	for i, e := range edges {
		switch e.Relation {
		case graph.RelHolder:
			people = append(people, e.To)
		case graph.RelTenurePost:
			posts = append(posts, e.To)
		default:
			continue
		}
		evs = append(evs, e.Evidence...)
		docs = append(docs, documents[i]...)
	}
	// The same sentence usually names both the holder and the post.
	slices.SortStableFunc(evs, func(a, b graph.Evidence) int {
		return cmp.Or(cmp.Compare(a.Document, b.Document), cmp.Compare(a.Offset, b.Offset), cmp.Compare(a.Sentence, b.Sentence))
	})
	evs = slices.CompactFunc(evs, func(a, b graph.Evidence) bool {
		return a.Document == b.Document && a.Offset == b.Offset && a.Sentence == b.Sentence
	})
	slices.Sort(docs)
	docs = slices.Compact(docs)
	var hs []holding
	for _, person := range people {
		for _, post := range posts {
			hs = append(hs, holding{tenure: t, person: person, post: post, evidence: evs, documents: docs})
		}
	}
	return hs
}

func newGraphMLHolding(h holding) graphmlEdge {
	t := h.tenure
	g := graphmlEdge{ID: factID(string(t.ID), string(h.person), string(relHolds), string(h.post)), Source: h.person, Target: h.post}
	g.Data.add("relation", string(relHolds))
	g.Data.add("from", string(t.From))
	g.Data.add("to", string(t.To))
	g.Data.add("acting", strconv.FormatBool(t.Acting))
	g.Data.add("seen", join(t.Seen, " "))
	g.Data.add("tenure", string(t.ID))
	g.Data.addEvidence(h.evidence, h.documents)
	return g
}

// encodeHoldings encodes the holdings of a page of tenures, gathering the few edges of one
// tenure at a time: EachEdge gives a node's edges together.
func encodeHoldings(p *page, enc *xml.Encoder) error {
	current := -1
	var edges []graph.Edge
	var documents [][]graph.ID
	flush := func() error {
		if current < 0 {
			return nil
		}
		for _, h := range holdings(p.nodes[current], edges, documents) {
			if err := enc.Encode(newGraphMLHolding(h)); err != nil {
				return err
			}
		}
		edges, documents = edges[:0], documents[:0]
		return nil
	}
	err := p.eachEdge(func(i int, e graph.Edge, docs []graph.ID) error {
		if i != current {
			if err := flush(); err != nil {
				return err
			}
			current = i
		}
		edges, documents = append(edges, e), append(documents, docs)
		return nil
	})
	if err != nil {
		return err
	}
	return flush()
}

// GraphML writes the graph of st as GraphML: the nodes in one walk over the store, then the
// edges in another, each kind in ID order, so that two exports of one store are the same bytes.
func GraphML(ctx context.Context, st graph.Store, w io.Writer) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	root := xml.StartElement{Name: xml.Name{Space: graphmlNamespace, Local: "graphml"}}
	if err := enc.EncodeToken(root); err != nil {
		return err
	}
	for _, k := range graphmlKeys {
		if err := enc.Encode(k); err != nil {
			return err
		}
	}
	g := xml.StartElement{Name: xml.Name{Local: "graph"}, Attr: []xml.Attr{
		{Name: xml.Name{Local: "id"}, Value: "kg"},
		{Name: xml.Name{Local: "edgedefault"}, Value: "directed"},
	}}
	if err := enc.EncodeToken(g); err != nil {
		return err
	}
	err := walk(ctx, st, graphmlKinds, false, func(p *page) error {
		for _, n := range p.nodes {
			if err := enc.Encode(newGraphMLNode(n)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = walk(ctx, st, append(slices.Clone(graphmlKinds), graph.KindTenure), false, func(p *page) error {
		if p.nodes[0].Kind == graph.KindTenure {
			return encodeHoldings(p, enc)
		}
		return p.eachEdge(func(_ int, e graph.Edge, documents []graph.ID) error {
			// The one relation from a drawn node to one that is not: mentioned-in, to a
			// document. Holder and tenure-post leave tenures, read apart.
			if e.Relation == graph.RelMentionedIn {
				return nil
			}
			return enc.Encode(newGraphMLEdge(e, documents))
		})
	})
	if err != nil {
		return err
	}
	if err := enc.EncodeToken(g.End()); err != nil {
		return err
	}
	if err := enc.EncodeToken(root.End()); err != nil {
		return err
	}
	return enc.Close()
}
