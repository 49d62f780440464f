// Package export writes the graph of a store in formats that other tools read: RDF N-Quads for
// Dgraph, JSON lines (which Import reads back), GraphML for Gephi and CSV for Neo4j's bulk
// importer. Every writer streams: it holds one page of nodes and their edges at a time, so its
// memory does not grow with the graph.
package export

import (
	"context"
	"fmt"
	"io"

	"github.com/kgraph/kg/graph"
)

// pageSize is how many nodes a walk reads at a time: enough to make each read worth its
// transaction, few enough that a page of documents with their texts stays small.
const pageSize = 500

// Stream writes the graph of st to w in one format.
type Stream func(ctx context.Context, st graph.Store, w io.Writer) error

// Streams are the formats of one stream by the name that `kg export --format` takes. CSV, which
// is a folder of files, is apart.
var Streams = map[string]Stream{
	"jsonl":   JSONL,
	"graphml": GraphML,
}

// page is one page of nodes of one kind with what a writer may need of each, at the same index
// as the node: the documents that describe it, its out-edges, and the documents that state each
// of those.
type page struct {
	nodes         []*graph.Node
	documents     [][]graph.ID
	edges         [][]graph.Edge
	edgeDocuments [][][]graph.ID
}

// what says which parts of a page a walk reads, so that a writer pays only for what it writes.
type what uint8

const (
	withEdges     what = 1 << iota
	withDocuments      // of the nodes, and of the edges when withEdges
)

// walk calls fn with every page of nodes of the kinds, kind by kind, each in ID order.
func walk(ctx context.Context, st graph.Store, kinds []graph.Kind, w what, fn func(*page) error) error {
	for _, kind := range kinds {
		req := graph.PageRequest{First: pageSize}
		for more := true; more; {
			nodes, err := st.FindNodes(ctx, graph.NodeFilter{Kind: kind}, req)
			if err != nil {
				return fmt.Errorf("read %s nodes: %w", kind, err)
			}
			p, err := readPage(ctx, st, nodes.Nodes, w)
			if err != nil {
				return err
			}
			if err := fn(p); err != nil {
				return err
			}
			if more = nodes.HasNext; more {
				req.After = nodes.Cursors[len(nodes.Cursors)-1]
			}
		}
	}
	return nil
}

// readPage reads what w asks for of nodes.
func readPage(ctx context.Context, st graph.Store, nodes []*graph.Node, w what) (*page, error) {
	p := &page{nodes: nodes}
	ids := make([]graph.ID, len(nodes))
	for i, n := range nodes {
		ids[i] = n.ID
	}
	var err error
	if w&withDocuments != 0 {
		if p.documents, err = st.NodeDocuments(ctx, ids); err != nil {
			return nil, err
		}
	}
	if w&withEdges != 0 {
		if p.edges, err = st.EdgesOf(ctx, ids, "", graph.Out); err != nil {
			return nil, err
		}
	}
	if w&withEdges != 0 && w&withDocuments != 0 {
		p.edgeDocuments = make([][][]graph.ID, len(p.edges))
		for i, edges := range p.edges {
			if p.edgeDocuments[i], err = st.EdgeDocuments(ctx, edges); err != nil {
				return nil, err
			}
		}
	}
	return p, nil
}
