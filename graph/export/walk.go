// Package export writes the graph of a store in formats that other tools read: RDF N-Quads for
// Dgraph, JSON lines (which Import reads back), GraphML for Gephi and CSV for Neo4j's bulk
// importer. Every writer streams: it holds one page of nodes and their edges at a time, so its
// memory does not grow with the graph.
package export

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/kgraph/kg/graph"
)

// pageSize is how many nodes a walk reads at a time: more than the store keeps in its cache of
// merged nodes from one read (a walk is a scan, and would only push out what queries come back
// to), few enough that a page of documents with their texts stays a few megabytes.
const pageSize = 2000

// Stream writes the graph of st to w in one format.
type Stream func(ctx context.Context, st graph.Store, w io.Writer) error

// Streams are the formats of one stream by the name that `kg export --format` takes. CSV, which
// is a folder of files, is apart.
var Streams = map[string]Stream{
	"graphml": GraphML,
	"jsonl":   JSONL,
	"rdf":     RDF,
}

// CSVFormat is the name of the format that writes a folder of files (CSV) rather than a stream.
const CSVFormat = "csv"

// FormatNames returns the names of every format, sorted.
func FormatNames() []string {
	return slices.Sorted(slices.Values(append(slices.Collect(maps.Keys(Streams)), CSVFormat)))
}

// page is one page of nodes of one kind, with the documents that describe each node at the
// same index when the walk reads them.
type page struct {
	ctx       context.Context
	st        graph.Store
	nodes     []*graph.Node
	documents [][]graph.ID
}

// eachEdge calls fn with every out-edge of the page's nodes, the index of its node and the
// documents that state it, one edge at a time: a country's edges alone can be more than a
// writer should hold.
func (p *page) eachEdge(fn func(i int, e graph.Edge, documents []graph.ID) error) error {
	return p.st.EachEdge(p.ctx, p.ids(), fn)
}

func (p *page) ids() []graph.ID {
	ids := make([]graph.ID, len(p.nodes))
	for i, n := range p.nodes {
		ids[i] = n.ID
	}
	return ids
}

// walk calls fn with every page of nodes of the kinds, none empty, kind by kind, each in ID order, with the
// documents of each node when documents is set.
func walk(ctx context.Context, st graph.Store, kinds []graph.Kind, documents bool, fn func(*page) error) error {
	for _, kind := range kinds {
		req := graph.PageRequest{First: pageSize}
		for more := true; more; {
			nodes, err := st.FindNodes(ctx, graph.NodeFilter{Kind: kind}, req)
			if err != nil {
				return fmt.Errorf("read %s nodes: %w", kind, err)
			}
			p := &page{ctx: ctx, st: st, nodes: nodes.Nodes}
			if documents && len(p.nodes) > 0 {
				if p.documents, err = st.NodeDocuments(ctx, p.ids()); err != nil {
					return err
				}
			}
			if len(p.nodes) > 0 {
				if err := fn(p); err != nil {
					return err
				}
			}
			if more = nodes.HasNext; more {
				req.After = nodes.Cursors[len(nodes.Cursors)-1]
			}
		}
	}
	return nil
}
