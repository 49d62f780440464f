package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
	"github.com/google/uuid"

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
// others with only what keeps the merge the same. An edge goes to the documents that state it,
// each with the evidence from it.
//
// A document's part is spread over the file, so Import first sorts the parts by document in a
// scratch Badger store in a new folder under scratchDir ("" for the system's), removed at the
// end: its memory stays flat however large the file. A bad line or document is reported in the
// summary and the rest goes on; a store that cannot write (a full disk, a closed store) stops it.
func Import(ctx context.Context, st graph.Store, r io.Reader, scratchDir string) (ImportSummary, error) {
	var sum ImportSummary
	dir, err := os.MkdirTemp(scratchDir, "kg-import-")
	if err != nil {
		return sum, err
	}
	defer os.RemoveAll(dir)
	parts, err := openParts(dir)
	if err != nil {
		return sum, err
	}
	defer parts.close()

	err = parts.addLines(ctx, bufio.NewReaderSize(r, 1<<20), &sum)
	sum.Nodes, sum.Edges = parts.nodes, parts.edges
	if err != nil {
		return sum, err
	}
	err = parts.each(ctx, func(doc graph.ID, cs *graph.ChangeSet, bad error) error {
		if bad != nil {
			sum.Errors = append(sum.Errors, fmt.Errorf("document %s: %w", doc, bad))
			return nil
		}
		switch err := st.PutDocument(ctx, cs); {
		case errors.Is(err, graph.ErrInvalid):
			sum.Errors = append(sum.Errors, fmt.Errorf("document %s: %w", doc, err))
		case err != nil:
			return fmt.Errorf("document %s: %w", doc, err)
		default:
			sum.Documents++
		}
		return nil
	})
	return sum, err
}

// addLines reads the lines of br and keeps their parts; the errors of bad lines go to sum.
func (p *parts) addLines(ctx context.Context, br *bufio.Reader, sum *ImportSummary) error {
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		b, err := readLine(br)
		if errors.Is(err, io.EOF) && len(b) == 0 {
			return nil
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("line %d: %w", n, err)
		}
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		if err := p.add(n, b); err != nil {
			if !errors.As(err, new(badLine)) {
				return fmt.Errorf("line %d: %w", n, err)
			}
			sum.Errors = append(sum.Errors, fmt.Errorf("line %d: %w", n, err))
		}
	}
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

// badLine is the error of a line that cannot be read, as opposed to one of the scratch store.
type badLine struct{ error }

func (b badLine) Unwrap() error { return b.error }

// part is one document's part of a node or an edge, as the scratch store keeps it.
type part struct {
	Node *nodeRecord `json:"n,omitempty"`
	Edge *edgeRecord `json:"e,omitempty"`
}

// parts is the scratch store: a part under the key of its document's ID and its line number
// (a line gives a document one part at most), so that reading the keys in order gives each
// document's parts together, in the order of the file.
type parts struct {
	db           *badger.DB
	batch        *badger.WriteBatch
	nodes, edges int // lines read
}

func openParts(dir string) (*parts, error) {
	// Written once and read once in order: no compactions (L0 keeps every table, and never
	// stalls the writes), no compression.
	opts := badger.DefaultOptions(dir).WithLogger(nil).
		WithMemTableSize(16 << 20).WithNumMemtables(2).WithBlockCacheSize(8 << 20).
		WithNumCompactors(0).WithNumLevelZeroTables(1 << 16).WithNumLevelZeroTablesStall(1 << 17).
		WithCompression(options.None)
	db, err := badger.Open(opts)
	if err != nil {
		return nil, fmt.Errorf("open scratch store: %w", err)
	}
	return &parts{db: db, batch: db.NewWriteBatch()}, nil
}

func (p *parts) close() {
	p.batch.Cancel()
	p.db.Close()
}

// put keeps the part of document doc that line n gives.
func (p *parts) put(doc graph.ID, n int, pt part) error {
	u, err := uuid.Parse(string(doc))
	if err != nil {
		return badLine{fmt.Errorf("document %q: %w", doc, err)}
	}
	v, err := json.Marshal(pt)
	if err != nil {
		return err
	}
	return p.batch.Set(binary.BigEndian.AppendUint64(u[:], uint64(n)), v)
}

// lineRecord is a line of either type, read in one pass: a node's fields with an edge's.
// Edges' ends decode into From and To, strings as tenures' dates are.
type lineRecord struct {
	nodeRecord
	Relation graph.Relation   `json:"relation"`
	Evidence []evidenceRecord `json:"evidence"`
}

// add reads line n of JSON and keeps its parts.
func (p *parts) add(n int, line []byte) error {
	var r lineRecord
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return badLine{err}
	}
	switch r.Type {
	case typeNode:
		p.nodes++
		return p.addNode(n, &r.nodeRecord)
	case typeEdge:
		p.edges++
		return p.addEdge(n, &edgeRecord{
			Type: r.Type, From: graph.ID(r.From), Relation: r.Relation, To: graph.ID(r.To),
			Evidence: r.Evidence, Documents: r.Documents,
		})
	}
	return badLine{fmt.Errorf("type %q: want %q or %q", r.Type, typeNode, typeEdge)}
}

func (p *parts) addNode(n int, r *nodeRecord) error {
	kind := graph.ParseKind(r.Kind)
	switch {
	case r.ID == "":
		return badLine{errors.New("node without an id")}
	case kind == graph.KindUnknown:
		return badLine{fmt.Errorf("node %s: kind %q", r.ID, r.Kind)}
	case kind == graph.KindDocument:
		return p.put(r.ID, n, part{Node: r})
	case len(r.Documents) == 0:
		return badLine{fmt.Errorf("node %s: no document describes it", r.ID)}
	}
	docs := slices.Compact(slices.Sorted(slices.Values(r.Documents)))
	r.Documents = nil
	if err := p.put(docs[0], n, part{Node: r}); err != nil {
		return err
	}
	// The merge takes the fullest name, the earliest start and the latest end, and needs every
	// part planned for the node to be; these keep it so. The rest comes from the first.
	rest := &nodeRecord{ID: r.ID, Kind: r.Kind, Name: r.Name, Start: r.Start, End: r.End, Planned: r.Planned}
	for _, doc := range docs[1:] {
		if err := p.put(doc, n, part{Node: rest}); err != nil {
			return err
		}
	}
	return nil
}

func (p *parts) addEdge(n int, r *edgeRecord) error {
	if r.From == "" || r.To == "" || r.Relation == "" {
		return badLine{fmt.Errorf("edge %s %s %s: an end or the relation is missing", r.From, r.Relation, r.To)}
	}
	// An edge written by hand may leave its documents to its evidence.
	docs := r.Documents
	if len(docs) == 0 {
		for _, ev := range r.Evidence {
			docs = append(docs, ev.Document)
		}
	}
	docs = slices.Compact(slices.Sorted(slices.Values(docs)))
	if len(docs) == 0 {
		return badLine{fmt.Errorf("edge %s %s %s: no document states it", r.From, r.Relation, r.To)}
	}
	evidence := map[graph.ID][]evidenceRecord{}
	for _, ev := range r.Evidence {
		if !slices.Contains(docs, ev.Document) {
			return badLine{fmt.Errorf("edge %s %s %s: evidence from document %q, which is not among its documents", r.From, r.Relation, r.To, ev.Document)}
		}
		evidence[ev.Document] = append(evidence[ev.Document], ev)
	}
	for _, doc := range docs {
		e := &edgeRecord{From: r.From, Relation: r.Relation, To: r.To, Evidence: evidence[doc]}
		if err := p.put(doc, n, part{Edge: e}); err != nil {
			return err
		}
	}
	return nil
}

// each calls fn with each document's change set, in ID order, or with why it has none. The
// change sets are read from the scratch store and decoded while fn stores the ones before.
func (p *parts) each(ctx context.Context, fn func(graph.ID, *graph.ChangeSet, error) error) error {
	if err := p.batch.Flush(); err != nil {
		return fmt.Errorf("write scratch store: %w", err)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	sets := make(chan *changeSet, 8)
	read := make(chan error, 1)
	go func() {
		err := p.read(ctx, sets)
		close(sets)
		read <- err
	}()
	for c := range sets {
		if err := fn(c.doc, &c.cs, c.bad); err != nil {
			cancel()
			for range sets { // until the reader has stopped, before the scratch store closes
			}
			<-read
			return err
		}
	}
	return <-read
}

// read sends each document's change set to sets, in ID order.
func (p *parts) read(ctx context.Context, sets chan<- *changeSet) error {
	return p.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		var c *changeSet
		send := func() error {
			if c.bad == nil && c.cs.Document.ID == "" {
				c.bad = errors.New("named by nodes or edges but has no line of its own")
			}
			select {
			case sets <- c:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		var doc uuid.UUID
		for it.Rewind(); it.Valid(); it.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			key := it.Item().Key()
			if c == nil || !bytes.Equal(key[:len(doc)], doc[:]) {
				if c != nil {
					if err := send(); err != nil {
						return err
					}
				}
				doc = uuid.UUID(key[:len(doc)])
				c = &changeSet{doc: graph.ID(doc.String())}
			}
			var pt part
			if err := it.Item().Value(func(v []byte) error { return json.Unmarshal(v, &pt) }); err != nil {
				return fmt.Errorf("read scratch store: %w", err)
			}
			c.add(pt)
		}
		if c == nil {
			return nil
		}
		return send()
	})
}

// changeSet gathers the parts of one document, and what makes them unfit to store.
type changeSet struct {
	doc graph.ID
	cs  graph.ChangeSet
	bad error
}

func (c *changeSet) add(pt part) {
	switch {
	case pt.Node != nil && graph.ParseKind(pt.Node.Kind) == graph.KindDocument:
		if c.cs.Document.ID != "" {
			c.bad = errors.New("two lines of its own")
		}
		c.cs.Document = pt.Node.node()
	case pt.Node != nil:
		c.cs.Nodes = append(c.cs.Nodes, pt.Node.node())
	case pt.Edge != nil:
		e := graph.Edge{From: pt.Edge.From, Relation: pt.Edge.Relation, To: pt.Edge.To}
		for _, ev := range pt.Edge.Evidence {
			e.Evidence = append(e.Evidence, graph.Evidence{Document: ev.Document, Sentence: ev.Sentence, Offset: ev.Offset, Confidence: ev.Confidence})
		}
		c.cs.Edges = append(c.cs.Edges, e)
	}
}
