package badgerstore

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/uuid"

	"github.com/kgraph/kg/graph"
)

// maxRelation is the longest relation a key can hold after its one length byte.
const maxRelation = 255

func checkRelation(rel graph.Relation) error {
	if len(rel) > maxRelation {
		return fmt.Errorf("%w: relation %q longer than %d bytes", graph.ErrInvalid, rel, maxRelation)
	}
	return nil
}

// encodeEvidence encodes one document's evidence of an edge, sorted by offset. Each entry is
// a uvarint offset, then a uvarint length<<2|confident<<1|literal, then the confidence in
// hundredths as one byte if confident, then the sentence's bytes if literal. A sentence that is
// the document's text at its offset is stored as its length alone and rebuilt from the text
// when read; any other sentence (one the loader normalised, say) is stored whole.
func encodeEvidence(text string, evs []graph.Evidence) []byte {
	var b []byte
	for _, ev := range evs {
		b = binary.AppendUvarint(b, uint64(ev.Offset))
		n := uint64(len(ev.Sentence)) << 2
		percent := byte(math.Round(min(max(ev.Confidence, 0), 1) * 100))
		if percent > 0 {
			n |= 2
		}
		literal := true
		if end := ev.Offset + len(ev.Sentence); end <= len(text) && text[ev.Offset:end] == ev.Sentence {
			literal = false
		} else {
			n |= 1
		}
		b = binary.AppendUvarint(b, n)
		if percent > 0 {
			b = append(b, percent)
		}
		if literal {
			b = append(b, ev.Sentence...)
		}
	}
	return b
}

// decodeEvidence inverts encodeEvidence for document doc, whose text is text.
func decodeEvidence(b []byte, doc uuid.UUID, text string) ([]graph.Evidence, error) {
	var evs []graph.Evidence
	for len(b) > 0 {
		offset, n1 := binary.Uvarint(b)
		size, n2 := binary.Uvarint(b[max(n1, 0):])
		if n1 <= 0 || n2 <= 0 {
			return nil, errors.New("decode evidence: bad varint")
		}
		b = b[n1+n2:]
		length, confident, literal := size>>2, size&2 != 0, size&1 != 0
		var confidence float64
		if confident {
			if len(b) == 0 {
				return nil, errors.New("decode evidence: confidence missing")
			}
			confidence, b = float64(b[0])/100, b[1:]
		}
		var sentence string
		switch {
		case literal && length <= uint64(len(b)):
			sentence, b = string(b[:length]), b[length:]
		case !literal && offset+length <= uint64(len(text)):
			// A copy, so that edges kept do not keep every text their sentences came from.
			sentence = strings.Clone(text[offset : offset+length])
		default:
			return nil, fmt.Errorf("decode evidence: sentence at %d+%d out of range", offset, length)
		}
		evs = append(evs, graph.Evidence{Document: formatID(doc), Sentence: sentence, Offset: int(offset), Confidence: confidence})
	}
	return evs, nil
}

// Edges returns the merged edges of node id with relation rel (every relation when empty) in
// direction dir, ordered by the other end's ID, then relation.
func (s *Store) Edges(ctx context.Context, id graph.ID, rel graph.Relation, dir graph.Direction) ([]graph.Edge, error) {
	edges, err := s.EdgesOf(ctx, []graph.ID{id}, rel, dir)
	if err != nil {
		return nil, fmt.Errorf("edges of %s: %w", id, err)
	}
	return edges[0], nil
}

// EdgesOf returns the edges of every node of ids as Edges does, in one transaction through
// one set of iterators.
func (s *Store) EdgesOf(ctx context.Context, ids []graph.ID, rel graph.Relation, dir graph.Direction) ([][]graph.Edge, error) {
	nodes, err := checkEdgeRead(ids, rel, dir)
	if err != nil {
		return nil, fmt.Errorf("read edges: %w", err)
	}
	out := make([][]graph.Edge, len(ids))
	err = s.view(ctx, func(txn *badger.Txn) error {
		r := newEdgeReader(ctx, txn)
		defer r.close()
		for i, node := range nodes {
			var err error
			if out[i], err = r.read(node, rel, dir); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read edges: %w", err)
	}
	return out, nil
}

// checkEdgeRead checks the arguments of a read of edges and returns the nodes' UUIDs.
func checkEdgeRead(ids []graph.ID, rel graph.Relation, dir graph.Direction) ([]uuid.UUID, error) {
	if err := checkRelation(rel); err != nil {
		return nil, err
	}
	if dir != graph.Out && dir != graph.In {
		return nil, fmt.Errorf("%w: direction %d", graph.ErrInvalid, dir)
	}
	return parseIDs(ids)
}

// Neighbours returns the other ends of the edges of every node of ids as Neighbours of
// graph.Store says, from the keys alone: the evidence, and the document texts it points into,
// are what make reading edges dear.
func (s *Store) Neighbours(ctx context.Context, ids []graph.ID, rel graph.Relation, dir graph.Direction) ([][]graph.ID, error) {
	nodes, err := checkEdgeRead(ids, rel, dir)
	if err != nil {
		return nil, fmt.Errorf("read neighbours: %w", err)
	}
	ends := make([][]uuid.UUID, len(ids))
	err = s.view(ctx, func(txn *badger.Txn) error {
		edges, err := readCount(txn, edgeCountKey())
		if err != nil {
			return err
		}
		// Mentioned-in edges have no in-edge keys (mention.go).
		if rel != "" && rel != graph.RelMentionedIn && int64(len(nodes))*seekCost > edges {
			return scanEnds(ctx, txn, nodes, rel, dir, ends)
		}
		x := s.newIndex(ctx, txn)
		defer x.close()
		for i, node := range nodes {
			x.ends(node, rel, dir, func(end uuid.UUID) { ends[i] = append(ends[i], end) })
		}
		return x.err
	})
	if err != nil {
		return nil, fmt.Errorf("read neighbours: %w", err)
	}
	out := make([][]graph.ID, len(ids))
	for i, es := range ends {
		// Keys of one relation come ordered by the other end; of several, by relation first.
		slices.SortFunc(es, func(a, b uuid.UUID) int { return bytes.Compare(a[:], b[:]) })
		for _, end := range slices.Compact(es) {
			out[i] = append(out[i], formatID(end))
		}
	}
	return out, nil
}

// seekCost is about how many keys an iterator reads in the time it takes to seek: a read of the
// edge ends of more nodes than the store has edges over seekCost reads every key of the in-edge
// index instead of seeking to each node's, as the statistics over every event do.
const seekCost = 30

// scanEnds adds to ends[i] the other end of each edge of nodes[i] with relation rel in direction
// dir, reading every in-edge key once: an in-edge key names both ends, and there are no more of
// them than of edge keys (fewer once they stop carrying a document ID; keys.go).
func scanEnds(ctx context.Context, txn *badger.Txn, nodes []uuid.UUID, rel graph.Relation, dir graph.Direction, ends [][]uuid.UUID) error {
	at := make(map[uuid.UUID][]int, len(nodes))
	for i, n := range nodes {
		at[n] = append(at[n], i)
	}
	// 'i' | to | len | relation | from | …
	relation := appendRelation(nil, rel)
	toAt, fromAt := 1, 1+idLen+len(relation)
	nodeAt, endAt := fromAt, toAt // the node is the edge's from, its other end the to
	if dir == graph.In {
		nodeAt, endAt = toAt, fromAt
	}
	prefix := []byte{prefixInEdge}
	it := keyIterator(txn, prefix...)
	defer it.Close()
	n := 0
	for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
		if n++; n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		key := it.Item().Key()
		if len(key) < fromAt+idLen || !bytes.Equal(key[1+idLen:fromAt], relation) {
			continue
		}
		for _, i := range at[uuid.UUID(key[nodeAt:nodeAt+idLen])] {
			ends[i] = append(ends[i], uuid.UUID(key[endAt:endAt+idLen]))
		}
	}
	return nil
}

// neighbourPrefix is the prefix of the keys of node's edges with relation rel in direction dir:
// edge keys out, in-edge keys in.
func neighbourPrefix(node uuid.UUID, rel graph.Relation, dir graph.Direction) []byte {
	if dir == graph.Out {
		return edgePrefix(node, rel)
	}
	return inEdgePrefix(node, rel)
}

// edgeReader reads the edges of nodes within one transaction, reusing its iterators and the
// document texts that evidence points into.
type edgeReader struct {
	ctx       context.Context
	txn       *badger.Txn
	edges     *badger.Iterator // of edge keys and evidence
	in        *badger.Iterator // of in-edge keys, without values
	fragments *badger.Iterator // of fragments, for mentions
	texts     *texts
}

func newEdgeReader(ctx context.Context, txn *badger.Txn) *edgeReader {
	return &edgeReader{
		ctx:       ctx,
		txn:       txn,
		edges:     txn.NewIterator(badger.IteratorOptions{Prefix: []byte{prefixEdge}}),
		in:        keyIterator(txn, prefixInEdge),
		fragments: txn.NewIterator(badger.IteratorOptions{Prefix: []byte{prefixFragment}}),
		texts:     newTexts(txn),
	}
}

func (r *edgeReader) close() {
	r.edges.Close()
	r.in.Close()
	r.fragments.Close()
}

// read returns the merged edges of node with relation rel in direction dir.
func (r *edgeReader) read(node uuid.UUID, rel graph.Relation, dir graph.Direction) ([]graph.Edge, error) {
	if dir == graph.Out {
		edges, err := collectEdges(r.ctx, r.edges, r.texts, edgePrefix(node, rel), nil)
		if err == nil && hasMentions(rel) {
			edges, err = r.appendMentions(edges, func() ([]mention, error) { return mentionsOf(r.ctx, r.fragments, node) })
		}
		slices.SortFunc(edges, func(a, b graph.Edge) int {
			return cmp.Or(cmp.Compare(a.To, b.To), cmp.Compare(a.Relation, b.Relation))
		})
		return edges, err
	}
	// The in-edge keys give the other ends; the evidence lives under the edge keys.
	var ends []parsedKey
	err := scanKeys(r.ctx, r.in, inEdgePrefix(node, rel), func(k parsedKey) {
		if n := len(ends); n == 0 || ends[n-1].From != k.From || ends[n-1].Relation != k.Relation {
			ends = append(ends, k)
		}
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(ends, func(a, b parsedKey) int {
		return cmp.Or(slices.Compare(a.From[:], b.From[:]), cmp.Compare(a.Relation, b.Relation))
	})
	var edges []graph.Edge
	for _, e := range ends {
		if edges, err = collectEdges(r.ctx, r.edges, r.texts, edgeIDPrefix(e.From, e.Relation, node), edges); err != nil {
			return nil, err
		}
	}
	if !hasMentions(rel) {
		return edges, nil
	}
	edges, err = r.appendMentions(edges, func() ([]mention, error) { return mentionsIn(r.ctx, r.txn, node) })
	slices.SortFunc(edges, func(a, b graph.Edge) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.Relation, b.Relation))
	})
	return edges, err
}

// appendMentions appends the mentioned-in edges that read returns to edges.
func (r *edgeReader) appendMentions(edges []graph.Edge, read func() ([]mention, error)) ([]graph.Edge, error) {
	ms, err := read()
	if err != nil {
		return nil, err
	}
	for _, m := range ms {
		e, err := m.edge(r.texts)
		if err != nil {
			return nil, err
		}
		edges = append(edges, e)
	}
	return edges, nil
}

// collectEdges appends the edges whose keys start with prefix, merging each edge's evidence
// over the documents that state it, in document order.
func collectEdges(ctx context.Context, it *badger.Iterator, texts *texts, prefix []byte, edges []graph.Edge) ([]graph.Edge, error) {
	err := eachStatedEdge(ctx, it, texts, prefix, func(e graph.Edge, _ []uuid.UUID) error {
		edges = append(edges, e)
		return nil
	})
	return edges, err
}

// eachStatedEdge calls fn with each edge whose keys start with prefix, its evidence merged over
// the documents that state it, in document order, and those documents.
func eachStatedEdge(ctx context.Context, it *badger.Iterator, texts *texts, prefix []byte, fn func(graph.Edge, []uuid.UUID) error) error {
	var e graph.Edge
	var docs []uuid.UUID
	err := scanItems(ctx, it, prefix, func(k parsedKey, item *badger.Item) error {
		text, err := texts.get(k.Doc)
		if err != nil {
			return err
		}
		var evs []graph.Evidence
		err = item.Value(func(v []byte) error {
			evs, err = decodeEvidence(v, k.Doc, text)
			return err
		})
		if err != nil {
			return fmt.Errorf("edge %s %s %s: %w", k.From, k.Relation, k.To, err)
		}
		from, to := formatID(k.From), formatID(k.To)
		if len(docs) > 0 && e.From == from && e.Relation == k.Relation && e.To == to {
			e.Evidence = append(e.Evidence, evs...)
			docs = append(docs, k.Doc)
			return nil
		}
		if len(docs) > 0 {
			if err := fn(e, docs); err != nil {
				return err
			}
		}
		e = graph.Edge{From: from, Relation: k.Relation, To: to, Evidence: evs}
		docs = []uuid.UUID{k.Doc}
		return nil
	})
	if err != nil || len(docs) == 0 {
		return err
	}
	return fn(e, docs)
}

// EachEdge calls fn with every out-edge of each node of ids in turn, the node's index in ids,
// and the documents that state the edge, holding one edge at a time (graph.Store).
func (s *Store) EachEdge(ctx context.Context, ids []graph.ID, fn func(i int, e graph.Edge, documents []graph.ID) error) error {
	nodes, err := checkEdgeRead(ids, "", graph.Out)
	if err != nil {
		return fmt.Errorf("read edges: %w", err)
	}
	err = s.view(ctx, func(txn *badger.Txn) error {
		r := newEdgeReader(ctx, txn)
		defer r.close()
		for i, node := range nodes {
			err := eachStatedEdge(ctx, r.edges, r.texts, edgePrefix(node, ""), func(e graph.Edge, docs []uuid.UUID) error {
				ids := make([]graph.ID, len(docs))
				for j, d := range docs {
					ids[j] = formatID(d)
				}
				return fn(i, e, ids)
			})
			if err != nil {
				return err
			}
			err = eachMention(ctx, r.fragments, node, func(m mention) error {
				e, err := m.edge(r.texts)
				if err != nil {
					return err
				}
				return fn(i, e, []graph.ID{formatID(m.doc)})
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("read edges: %w", err)
	}
	return nil
}
