package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/kgraph/kg/graph"
)

// ImportSummary counts what Import read and stored, and lists what it could not.
type ImportSummary struct {
	Documents, Nodes, Edges int
	// Errors name the line or the document and the reason; Import goes on past each.
	Errors []error
}

// maxLine bounds one line of JSON: a document's text, the longest field, is at most the
// loader's file size limit.
const maxLine = 64 << 20

// Import reads the JSON lines that JSONL writes and puts each document back into st with its
// part of the graph, one atomic write per document, so that the store ends up with the graph
// exported. A node goes to each document that describes it: whole to the first, and to the
// others with only what keeps the merge the same. An edge goes to the documents of its evidence.
//
// Import holds the graph read until every line is in, since a document's part is spread over
// the file. A bad line or document is reported in the summary and the rest goes on; a store
// that cannot write (a full disk, a closed store) stops it.
func Import(ctx context.Context, st graph.Store, r io.Reader) (ImportSummary, error) {
	var sum ImportSummary
	g := newImportGraph()
	br := bufio.NewReaderSize(r, 1<<20)
	for line := 1; ; line++ {
		b, err := readLine(br)
		if errors.Is(err, io.EOF) && len(b) == 0 {
			break
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return sum, fmt.Errorf("line %d: %w", line, err)
		}
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		if err := g.add(b); err != nil {
			sum.Errors = append(sum.Errors, fmt.Errorf("line %d: %w", line, err))
		}
	}
	sum.Nodes, sum.Edges = g.nodes, g.edges
	for _, doc := range g.order() {
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		cs, err := g.changeSet(doc)
		if err != nil {
			sum.Errors = append(sum.Errors, err)
			continue
		}
		switch err := st.PutDocument(ctx, cs); {
		case errors.Is(err, graph.ErrInvalid):
			sum.Errors = append(sum.Errors, fmt.Errorf("document %s: %w", doc, err))
		case err != nil:
			return sum, fmt.Errorf("document %s: %w", doc, err)
		default:
			sum.Documents++
		}
	}
	return sum, nil
}

// readLine reads one line without its line break, refusing lines over maxLine.
func readLine(br *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		line = append(line, chunk...)
		if len(line) > maxLine {
			return nil, fmt.Errorf("longer than %d bytes", maxLine)
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			return bytes.TrimSuffix(line, []byte("\n")), err
		}
	}
}

// importGraph gathers each document's part of the graph as lines come in.
type importGraph struct {
	docs         map[graph.ID]*graph.ChangeSet
	nodes, edges int
}

func newImportGraph() *importGraph { return &importGraph{docs: map[graph.ID]*graph.ChangeSet{}} }

// part returns the change set of document doc, made when first needed.
func (g *importGraph) part(doc graph.ID) *graph.ChangeSet {
	cs, ok := g.docs[doc]
	if !ok {
		cs = &graph.ChangeSet{}
		g.docs[doc] = cs
	}
	return cs
}

// add adds one line of JSON.
func (g *importGraph) add(line []byte) error {
	var head struct {
		Type string `json:"type"`
	}
	if err := json.Unmarshal(line, &head); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	switch head.Type {
	case typeNode:
		var r nodeRecord
		if err := dec.Decode(&r); err != nil {
			return err
		}
		return g.addNode(&r)
	case typeEdge:
		var r edgeRecord
		if err := dec.Decode(&r); err != nil {
			return err
		}
		return g.addEdge(&r)
	}
	return fmt.Errorf("type %q: want %q or %q", head.Type, typeNode, typeEdge)
}

func (g *importGraph) addNode(r *nodeRecord) error {
	n := r.node()
	switch {
	case n.ID == "":
		return errors.New("node without an id")
	case n.Kind == graph.KindUnknown:
		return fmt.Errorf("node %s: kind %q", n.ID, r.Kind)
	case n.Kind == graph.KindDocument:
		cs := g.part(n.ID)
		if cs.Document.ID != "" {
			return fmt.Errorf("document %s: twice", n.ID)
		}
		cs.Document = n
	case len(r.Documents) == 0:
		return fmt.Errorf("node %s: no document describes it", n.ID)
	default:
		g.part(r.Documents[0]).Nodes = append(g.part(r.Documents[0]).Nodes, n)
		// The merge takes the fullest name, the earliest start and the latest end, and needs
		// every part planned for the node to be; these keep it so. The rest comes from the first.
		rest := graph.Node{ID: n.ID, Kind: n.Kind, Name: n.Name, Start: n.Start, End: n.End, Planned: n.Planned}
		for _, doc := range r.Documents[1:] {
			g.part(doc).Nodes = append(g.part(doc).Nodes, rest)
		}
	}
	g.nodes++
	return nil
}

func (g *importGraph) addEdge(r *edgeRecord) error {
	if r.From == "" || r.To == "" || r.Relation == "" {
		return fmt.Errorf("edge %s %s %s: an end or the relation is missing", r.From, r.Relation, r.To)
	}
	// An edge written by hand may leave its documents to its evidence.
	docs := r.Documents
	if len(docs) == 0 {
		for _, ev := range r.Evidence {
			docs = append(docs, ev.Document)
		}
		slices.Sort(docs)
		docs = slices.Compact(docs)
	}
	if len(docs) == 0 {
		return fmt.Errorf("edge %s %s %s: no document states it", r.From, r.Relation, r.To)
	}
	evidence := map[graph.ID][]graph.Evidence{}
	for _, ev := range r.Evidence {
		if !slices.Contains(docs, ev.Document) {
			return fmt.Errorf("edge %s %s %s: evidence from document %q, which is not among its documents", r.From, r.Relation, r.To, ev.Document)
		}
		evidence[ev.Document] = append(evidence[ev.Document], graph.Evidence{Document: ev.Document, Sentence: ev.Sentence, Offset: ev.Offset, Confidence: ev.Confidence})
	}
	for _, doc := range docs {
		cs := g.part(doc)
		cs.Edges = append(cs.Edges, graph.Edge{From: r.From, Relation: r.Relation, To: r.To, Evidence: evidence[doc]})
	}
	g.edges++
	return nil
}

// order returns the documents in ID order, so that imports of the same lines write alike.
func (g *importGraph) order() []graph.ID {
	docs := make([]graph.ID, 0, len(g.docs))
	for doc := range g.docs {
		docs = append(docs, doc)
	}
	slices.Sort(docs)
	return docs
}

// changeSet returns document doc's part, dropping it from memory.
func (g *importGraph) changeSet(doc graph.ID) (*graph.ChangeSet, error) {
	cs := g.docs[doc]
	delete(g.docs, doc)
	if cs.Document.ID == "" {
		return nil, fmt.Errorf("document %s: named by nodes or evidence but has no line of its own", doc)
	}
	return cs, nil
}
