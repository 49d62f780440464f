package export

import (
	"bufio"
	"context"
	"encoding/json"
	"io"

	"github.com/kgraph/kg/graph"
)

// The JSON lines format: one object a line, either a node or an edge, with every field the store
// keeps. A node lists the documents that describe it and an edge those that state it, so that
// Import can give each document back its part; an edge's evidence names the document of each
// sentence.
//
//	{"type":"node","id":"…","kind":"Person","name":"…","aliases":["…"],"documents":["…"]}
//	{"type":"edge","from":"…","relation":"holder","to":"…","evidence":[{"document":"…","sentence":"…","offset":0}],"documents":["…"]}

const (
	typeNode = "node"
	typeEdge = "edge"
)

// nodeRecord is a node as a line of JSON.
type nodeRecord struct {
	Type      string          `json:"type"`
	ID        graph.ID        `json:"id"`
	Kind      string          `json:"kind"`
	Name      string          `json:"name,omitempty"`
	Aliases   []string        `json:"aliases,omitempty"`
	Acronym   string          `json:"acronym,omitempty"`
	PlaceKind graph.PlaceKind `json:"placeKind,omitempty"`
	EventType graph.EventType `json:"eventType,omitempty"`
	Start     graph.Date      `json:"start,omitempty"`
	End       graph.Date      `json:"end,omitempty"`
	Planned   bool            `json:"planned,omitempty"`
	From      graph.Date      `json:"from,omitempty"`
	To        graph.Date      `json:"to,omitempty"`
	Acting    bool            `json:"acting,omitempty"`
	Seen      []graph.Date    `json:"seen,omitempty"`
	Source    string          `json:"source,omitempty"`
	Published graph.Date      `json:"published,omitempty"`
	Text      string          `json:"text,omitempty"`
	Hash      string          `json:"hash,omitempty"`
	Documents []graph.ID      `json:"documents,omitempty"`
}

// edgeRecord is an edge as a line of JSON.
type edgeRecord struct {
	Type      string           `json:"type"`
	From      graph.ID         `json:"from"`
	Relation  graph.Relation   `json:"relation"`
	To        graph.ID         `json:"to"`
	Evidence  []evidenceRecord `json:"evidence,omitempty"`
	Documents []graph.ID       `json:"documents,omitempty"`
}

type evidenceRecord struct {
	Document   graph.ID `json:"document"`
	Sentence   string   `json:"sentence"`
	Offset     int      `json:"offset"`
	Confidence float64  `json:"confidence,omitempty"`
}

func newNodeRecord(n *graph.Node, documents []graph.ID) nodeRecord {
	return nodeRecord{
		Type: typeNode, ID: n.ID, Kind: n.Kind.String(), Name: n.Name, Aliases: n.Aliases,
		Acronym: n.Acronym, PlaceKind: n.PlaceKind,
		EventType: n.EventType, Start: n.Start, End: n.End, Planned: n.Planned,
		From: n.From, To: n.To, Acting: n.Acting, Seen: n.Seen,
		Source: n.Source, Published: n.Published, Text: n.Text, Hash: n.Hash,
		Documents: documents,
	}
}

func (r *nodeRecord) node() graph.Node {
	return graph.Node{
		ID: r.ID, Kind: graph.ParseKind(r.Kind), Name: r.Name, Aliases: r.Aliases,
		Acronym: r.Acronym, PlaceKind: r.PlaceKind,
		EventType: r.EventType, Start: r.Start, End: r.End, Planned: r.Planned,
		From: r.From, To: r.To, Acting: r.Acting, Seen: r.Seen,
		Source: r.Source, Published: r.Published, Text: r.Text, Hash: r.Hash,
	}
}

func newEdgeRecord(e graph.Edge, documents []graph.ID) edgeRecord {
	r := edgeRecord{Type: typeEdge, From: e.From, Relation: e.Relation, To: e.To, Documents: documents}
	for _, ev := range e.Evidence {
		r.Evidence = append(r.Evidence, evidenceRecord{ev.Document, ev.Sentence, ev.Offset, ev.Confidence})
	}
	return r
}

// JSONL writes every node and edge of st as JSON lines: each page of nodes of a kind, then
// their out-edges.
func JSONL(ctx context.Context, st graph.Store, w io.Writer) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	err := walk(ctx, st, graph.Kinds, true, func(p *page) error {
		for i, n := range p.nodes {
			if err := enc.Encode(newNodeRecord(n, p.documents[i])); err != nil {
				return err
			}
		}
		return p.eachEdge(func(_ int, e graph.Edge, documents []graph.ID) error {
			return enc.Encode(newEdgeRecord(e, documents))
		})
	})
	if err != nil {
		return err
	}
	return bw.Flush()
}
