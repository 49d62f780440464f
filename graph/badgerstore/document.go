package badgerstore

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/uuid"

	"github.com/kgraph/kg/graph"
)

// contribution maps every key one document writes to its value.
type contribution map[string][]byte

// edgeID identifies an edge: its ends and relation.
type edgeID struct {
	From     uuid.UUID
	Relation graph.Relation
	To       uuid.UUID
}

// PutDocument replaces everything the document cs.Document.ID contributed before with cs, in
// one transaction. Node fragments of kind Document in cs.Nodes are ignored: a document node
// comes only from its own PutDocument.
func (s *Store) PutDocument(ctx context.Context, cs *graph.ChangeSet) error {
	if cs == nil {
		return fmt.Errorf("put document: %w: nil change set", graph.ErrInvalid)
	}
	doc, c, err := newContribution(cs)
	if err == nil {
		err = s.replace(ctx, doc, c)
	}
	if err != nil {
		return fmt.Errorf("put document %s: %w", cs.Document.ID, err)
	}
	return nil
}

// DeleteDocument removes the document and everything it contributed, or returns an error
// wrapping graph.ErrNotFound.
func (s *Store) DeleteDocument(ctx context.Context, id graph.ID) error {
	doc, err := parseID(id)
	if err == nil {
		err = s.replace(ctx, doc, nil)
	}
	if err != nil {
		return fmt.Errorf("delete document %s: %w", id, err)
	}
	return nil
}

// DocumentHash returns the stored content hash of a document, or an error wrapping
// graph.ErrNotFound.
func (s *Store) DocumentHash(ctx context.Context, id graph.ID) (string, error) {
	doc, err := parseID(id)
	if err != nil {
		return "", fmt.Errorf("document hash: %w", err)
	}
	var hash string
	err = s.view(ctx, func(txn *badger.Txn) error {
		v, found, err := getValue(txn, fragmentKey(doc, doc))
		if err != nil {
			return err
		}
		if !found {
			return graph.ErrNotFound
		}
		n, err := decodeFragment(v)
		hash = n.Hash
		return err
	})
	if err != nil {
		return "", fmt.Errorf("hash of document %s: %w", id, err)
	}
	return hash, nil
}

// newContribution checks cs and builds the keys its document writes.
func newContribution(cs *graph.ChangeSet) (uuid.UUID, contribution, error) {
	d := cs.Document
	if d.Kind != graph.KindDocument {
		return uuid.UUID{}, nil, fmt.Errorf("%w: document of kind %s", graph.ErrInvalid, d.Kind)
	}
	doc, err := parseID(d.ID)
	if err != nil {
		return uuid.UUID{}, nil, err
	}
	c := contribution{string(textKey(doc)): []byte(d.Text)}
	if err := c.addNodes(doc, d, cs.Nodes); err != nil {
		return uuid.UUID{}, nil, err
	}
	if err := c.addEdges(doc, d.Text, cs.Edges); err != nil {
		return uuid.UUID{}, nil, err
	}
	return doc, c, nil
}

// addNodes adds the fragments of document doc: its own node d and nodes, the fragments of one
// node merged in the order given. Nodes of kind Document are skipped.
func (c contribution) addNodes(doc uuid.UUID, d graph.Node, nodes []graph.Node) error {
	d.Text = "" // kept once, under the text key
	order := []uuid.UUID{doc}
	frags := map[uuid.UUID][]graph.Node{doc: {d}}
	for _, n := range nodes {
		if n.Kind == graph.KindDocument {
			continue
		}
		if !slices.Contains(graph.Kinds, n.Kind) {
			return fmt.Errorf("%w: node %s of kind %d", graph.ErrInvalid, n.ID, n.Kind)
		}
		id, err := parseID(n.ID)
		if err != nil {
			return err
		}
		if _, ok := frags[id]; !ok {
			order = append(order, id)
		}
		frags[id] = append(frags[id], n)
	}
	for _, id := range order {
		if err := c.addFragment(doc, id, mergeNodes(frags[id])); err != nil {
			return fmt.Errorf("node %s: %w", id, err)
		}
	}
	return nil
}

// addFragment adds the keys of document doc's fragment n of node id.
func (c contribution) addFragment(doc, id uuid.UUID, n graph.Node) error {
	for _, d := range append([]graph.Date{n.Start, n.End, n.From, n.To, n.Published}, n.Seen...) {
		if d == "" {
			continue
		}
		if _, err := graph.ParseDate(string(d)); err != nil {
			return err
		}
	}
	v, err := encodeFragment(n)
	if err != nil {
		return err
	}
	c[string(fragmentKey(id, doc))] = v
	c[string(kindKey(n.Kind, id, doc))] = nil
	for _, name := range indexedNames(n) {
		c[string(nameKey(n.Kind, name, id, doc))] = nil
	}
	if n.Kind == graph.KindEvent {
		c[string(startKey(n.Start, id, doc))] = nil
		c[string(startsOfKey(id, n.Start, doc))] = nil
	}
	return nil
}

// addEdges adds the edges of document doc, whose text is text. An edge stated more than once
// keeps each distinct evidence once.
func (c contribution) addEdges(doc uuid.UUID, text string, edges []graph.Edge) error {
	evidence := map[edgeID][]graph.Evidence{}
	for _, e := range edges {
		id, err := checkEdge(e, doc)
		if err != nil {
			return fmt.Errorf("edge %s %s %s: %w", e.From, e.Relation, e.To, err)
		}
		evidence[id] = append(evidence[id], e.Evidence...)
	}
	for id, evs := range evidence {
		slices.SortFunc(evs, func(a, b graph.Evidence) int {
			return cmp.Or(cmp.Compare(a.Offset, b.Offset), cmp.Compare(a.Sentence, b.Sentence))
		})
		evs = slices.CompactFunc(evs, func(a, b graph.Evidence) bool {
			return a.Offset == b.Offset && a.Sentence == b.Sentence
		})
		c[string(edgeKey(id.From, id.Relation, id.To, doc))] = encodeEvidence(text, evs)
		c[string(inEdgeKey(id.To, id.Relation, id.From, doc))] = nil
	}
	return nil
}

// checkEdge checks an edge of document doc and returns its identity. Evidence must come from
// doc itself (an empty Document means doc), so that replacing doc replaces it.
func checkEdge(e graph.Edge, doc uuid.UUID) (edgeID, error) {
	from, err := parseID(e.From)
	if err != nil {
		return edgeID{}, err
	}
	to, err := parseID(e.To)
	if err != nil {
		return edgeID{}, err
	}
	if e.Relation == "" {
		return edgeID{}, fmt.Errorf("%w: no relation", graph.ErrInvalid)
	}
	if err := checkRelation(e.Relation); err != nil {
		return edgeID{}, err
	}
	for _, ev := range e.Evidence {
		if ev.Offset < 0 {
			return edgeID{}, fmt.Errorf("%w: evidence at offset %d", graph.ErrInvalid, ev.Offset)
		}
		if ev.Document == "" {
			continue
		}
		if d, err := parseID(ev.Document); err != nil || d != doc {
			return edgeID{}, fmt.Errorf("%w: evidence from document %s", graph.ErrInvalid, ev.Document)
		}
	}
	return edgeID{from, e.Relation, to}, nil
}

// replace swaps the keys document doc wrote before for c (nil deletes the document) in one
// transaction, and updates the node and edge counters.
func (s *Store) replace(ctx context.Context, doc uuid.UUID, c contribution) error {
	if s.readOnly {
		return ErrReadOnly
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := s.checkSpace(c.size()); err != nil {
		return err
	}
	err := s.db.Update(func(txn *badger.Txn) error {
		v, found, err := getValue(txn, manifestKey(doc))
		if err != nil {
			return err
		}
		if !found && c == nil {
			return graph.ErrNotFound
		}
		old, err := decodeManifest(v, doc)
		if err != nil {
			return err
		}
		counts, err := countChanges(ctx, txn, doc, old, c)
		if err != nil {
			return err
		}
		if err := write(txn, old, c); err != nil {
			return err
		}
		if c == nil {
			err = txn.Delete(manifestKey(doc))
		} else if m := encodeManifest(c); !bytes.Equal(m, v) {
			err = txn.Set(manifestKey(doc), m)
		}
		if err != nil {
			return err
		}
		return addCounts(txn, counts)
	})
	if errors.Is(err, badger.ErrTxnTooBig) {
		return fmt.Errorf("%d keys do not fit in one transaction: %w", len(c), err)
	}
	return err
}

// write deletes the keys of old that c lacks and sets those of c whose value changed, so that
// putting a document again writes nothing and leaves no new versions for scans to skip. Only
// the document writes its keys, so one that old lacks is new.
func write(txn *badger.Txn, old []string, c contribution) error {
	stale := make(map[string]bool, len(old))
	for _, k := range old {
		stale[k] = true
	}
	for k, v := range c {
		if stale[k] {
			delete(stale, k)
			prev, _, err := getValue(txn, []byte(k))
			if err != nil {
				return err
			}
			if bytes.Equal(prev, v) {
				continue
			}
		}
		if err := txn.Set([]byte(k), v); err != nil {
			return err
		}
	}
	for k := range stale {
		if err := txn.Delete([]byte(k)); err != nil {
			return err
		}
	}
	return nil
}

// countChanges returns how the counters change when document doc's keys go from old to c. A
// node or an edge counts while any document states it, so only one that doc alone states,
// before or after but not both, changes a counter.
func countChanges(ctx context.Context, txn *badger.Txn, doc uuid.UUID, old []string, c contribution) (map[string]int64, error) {
	type change struct {
		counter       string
		before, after bool
	}
	changes := map[string]*change{} // by the prefix of every document's keys of the node or edge
	note := func(key string, after bool) error {
		k, err := parseKey([]byte(key))
		if err != nil {
			return err
		}
		var prefix, counter []byte
		switch k.Prefix {
		case prefixKind:
			prefix, counter = fragmentPrefix(k.Node), nodeCountKey(k.Kind)
		case prefixEdge:
			prefix, counter = edgeIDPrefix(k.From, k.Relation, k.To), edgeCountKey()
		default:
			return nil
		}
		ch := changes[string(prefix)]
		if ch == nil {
			ch = &change{counter: string(counter)}
			changes[string(prefix)] = ch
		}
		ch.before = ch.before || !after
		ch.after = ch.after || after
		return nil
	}
	for _, k := range old {
		if err := note(k, false); err != nil {
			return nil, err
		}
	}
	for k := range c {
		if err := note(k, true); err != nil {
			return nil, err
		}
	}
	it := keyIterator(txn)
	defer it.Close()
	counts := map[string]int64{}
	for prefix, ch := range changes {
		if ch.before == ch.after {
			continue
		}
		elsewhere, err := statedElsewhere(ctx, it, []byte(prefix), doc)
		if err != nil {
			return nil, err
		}
		if elsewhere {
			continue
		}
		if ch.after {
			counts[ch.counter]++
		} else {
			counts[ch.counter]--
		}
	}
	return counts, nil
}

// statedElsewhere reports whether a key under prefix, followed by a document ID, belongs to a
// document other than doc.
func statedElsewhere(ctx context.Context, it *badger.Iterator, prefix []byte, doc uuid.UUID) (bool, error) {
	for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
		if err := ctx.Err(); err != nil {
			return false, err
		}
		if !bytes.HasSuffix(it.Item().Key(), doc[:]) {
			return true, nil
		}
	}
	return false, nil
}

// encodeManifest lists the keys of c, sorted, each as a uvarint length and its bytes. Every
// per-document key ends with the document's ID (keys.go); the manifest leaves it out.
func encodeManifest(c contribution) []byte {
	var b []byte
	for _, k := range slices.Sorted(maps.Keys(c)) {
		k = k[:len(k)-idLen]
		b = binary.AppendUvarint(b, uint64(len(k)))
		b = append(b, k...)
	}
	return b
}

// decodeManifest inverts encodeManifest for document doc.
func decodeManifest(b []byte, doc uuid.UUID) ([]string, error) {
	var keys []string
	for len(b) > 0 {
		n, size := binary.Uvarint(b)
		if size <= 0 || n > uint64(len(b)-size) {
			return nil, fmt.Errorf("decode manifest of document %s: truncated", doc)
		}
		b = b[size:]
		keys = append(keys, string(b[:n])+string(doc[:]))
		b = b[n:]
	}
	return keys, nil
}

// texts caches the document texts that one transaction reads: evidence sentences and document
// nodes are rebuilt from them.
type texts struct {
	txn  *badger.Txn
	byID map[uuid.UUID]string
}

func newTexts(txn *badger.Txn) *texts { return &texts{txn: txn, byID: map[uuid.UUID]string{}} }

func (t *texts) get(doc uuid.UUID) (string, error) {
	if s, ok := t.byID[doc]; ok {
		return s, nil
	}
	v, _, err := getValue(t.txn, textKey(doc))
	if err != nil {
		return "", fmt.Errorf("text of document %s: %w", doc, err)
	}
	t.byID[doc] = string(v)
	return string(v), nil
}
