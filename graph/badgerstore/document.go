package badgerstore

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/uuid"

	"github.com/kgraph/kg/graph"
)

// contribution is what one document states: its own keys with their values, and the nodes,
// names and edges they are of, which decide the shared keys (shared.go), and the nodes it
// mentions (mention.go).
type contribution struct {
	keys      map[string][]byte
	nodes     map[uuid.UUID]graph.Kind
	names     map[nameID]bool
	edges     map[edgeID]bool
	mentioned map[uuid.UUID]bool
}

// nameID identifies a name of a node: its NameKey.
type nameID struct {
	Kind graph.Kind
	Name string
	Node uuid.UUID
}

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
func newContribution(cs *graph.ChangeSet) (uuid.UUID, *contribution, error) {
	d := cs.Document
	if d.Kind != graph.KindDocument {
		return uuid.UUID{}, nil, fmt.Errorf("%w: document of kind %s", graph.ErrInvalid, d.Kind)
	}
	doc, err := parseID(d.ID)
	if err != nil {
		return uuid.UUID{}, nil, err
	}
	c := &contribution{
		keys:  map[string][]byte{string(textKey(doc)): []byte(d.Text)},
		nodes: map[uuid.UUID]graph.Kind{},
		names: map[nameID]bool{},
		edges: map[edgeID]bool{},

		mentioned: map[uuid.UUID]bool{},
	}
	edges, err := evidenceByEdge(doc, cs.Edges)
	if err != nil {
		return uuid.UUID{}, nil, err
	}
	mentions := map[uuid.UUID][]byte{}
	for id, evs := range edges {
		if id.Relation == graph.RelMentionedIn && id.To == doc {
			mentions[id.From] = encodeEvidence(d.Text, evs)
			delete(edges, id)
		}
	}
	if err := c.addNodes(doc, d, cs.Nodes, mentions); err != nil {
		return uuid.UUID{}, nil, err
	}
	for id, evs := range edges {
		c.keys[string(edgeKey(id.From, id.Relation, id.To, doc))] = encodeEvidence(d.Text, evs)
		c.edges[id] = true
	}
	return doc, c, nil
}

// addNodes adds the fragments of document doc: its own node d and nodes, the fragments of one
// node merged in the order given, each with the encoded evidence of its mentions in doc. Nodes
// of kind Document are skipped; a mention of a node the document does not describe is an error.
func (c *contribution) addNodes(doc uuid.UUID, d graph.Node, nodes []graph.Node, mentions map[uuid.UUID][]byte) error {
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
	for id := range mentions {
		if _, ok := frags[id]; !ok {
			return fmt.Errorf("%w: %s %s %s: the document does not describe the node", graph.ErrInvalid, id, graph.RelMentionedIn, doc)
		}
	}
	for _, id := range order {
		if err := c.addFragment(doc, id, mergeNodes(frags[id]), mentions[id]); err != nil {
			return fmt.Errorf("node %s: %w", id, err)
		}
	}
	return nil
}

// addFragment adds the keys of document doc's fragment n of node id, which doc mentions with
// the encoded evidence mentions (none: no mention).
func (c *contribution) addFragment(doc, id uuid.UUID, n graph.Node, mentions []byte) error {
	for _, d := range append([]graph.Date{n.Start, n.End, n.From, n.To, n.Published}, n.Seen...) {
		if d == "" {
			continue
		}
		if _, err := graph.ParseDate(string(d)); err != nil {
			return err
		}
	}
	v, err := encodeFragment(n, mentions)
	if err != nil {
		return err
	}
	c.keys[string(fragmentKey(id, doc))] = v
	if len(mentions) > 0 {
		c.mentioned[id] = true
	}
	c.nodes[id] = n.Kind
	for _, name := range indexedNames(n) {
		c.names[nameID{n.Kind, name, id}] = true
	}
	if n.Kind == graph.KindEvent {
		c.keys[string(startKey(n.Start, id, doc))] = nil
		c.keys[string(startsOfKey(id, n.Start, doc))] = nil
	}
	return nil
}

// evidenceByEdge checks the edges of document doc and gathers each one's evidence: an edge
// stated more than once keeps each distinct evidence once, in offset order.
func evidenceByEdge(doc uuid.UUID, edges []graph.Edge) (map[edgeID][]graph.Evidence, error) {
	evidence := map[edgeID][]graph.Evidence{}
	for _, e := range edges {
		id, err := checkEdge(e, doc)
		if err != nil {
			return nil, fmt.Errorf("edge %s %s %s: %w", e.From, e.Relation, e.To, err)
		}
		evidence[id] = append(evidence[id], e.Evidence...)
	}
	for id, evs := range evidence {
		slices.SortFunc(evs, func(a, b graph.Evidence) int {
			return cmp.Or(cmp.Compare(a.Offset, b.Offset), cmp.Compare(a.Sentence, b.Sentence))
		})
		evidence[id] = slices.CompactFunc(evs, func(a, b graph.Evidence) bool {
			return a.Offset == b.Offset && a.Sentence == b.Sentence
		})
	}
	return evidence, nil
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
// transaction, and updates the shared keys and the node and edge counters.
func (s *Store) replace(ctx context.Context, doc uuid.UUID, c *contribution) error {
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
	var u *sharedUpdate
	err := s.update(func(txn *badger.Txn) error {
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
		u = &sharedUpdate{txn: txn, known: &s.known, counts: map[string]int64{}}
		if err := u.update(ctx, doc, old, c); err != nil {
			return err
		}
		if err := write(txn, old, c); err != nil {
			return err
		}
		if err := writeManifest(txn, doc, v, c); err != nil {
			return err
		}
		return addCounts(txn, u.counts)
	})
	switch {
	case errors.Is(err, badger.ErrTxnTooBig):
		return fmt.Errorf("the document's keys do not fit in one transaction: %w", err)
	case err != nil:
		return err
	}
	s.known.add(u.added)
	return nil
}

// write deletes the keys of old that c lacks and sets those of c whose value changed, so that
// putting a document again writes nothing and leaves no new versions for scans to skip. Only
// the document writes its keys, so one that old lacks is new.
func write(txn *badger.Txn, old []string, c *contribution) error {
	stale := make(map[string]bool, len(old))
	for _, k := range old {
		stale[k] = true
	}
	var keys map[string][]byte
	if c != nil {
		keys = c.keys
	}
	for k, v := range keys {
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

// texts caches the document texts that one transaction reads: evidence sentences and document
// nodes are rebuilt from them. It forgets them all once it holds maxTextBytes, since the edges
// of a country or a busy organisation point into most documents of the store.
type texts struct {
	txn   *badger.Txn
	byID  map[uuid.UUID]string
	bytes int
}

const maxTextBytes = 8 << 20

func newTexts(txn *badger.Txn) *texts { return &texts{txn: txn, byID: map[uuid.UUID]string{}} }

func (t *texts) get(doc uuid.UUID) (string, error) {
	if s, ok := t.byID[doc]; ok {
		return s, nil
	}
	v, _, err := getValue(t.txn, textKey(doc))
	if err != nil {
		return "", fmt.Errorf("text of document %s: %w", doc, err)
	}
	if t.bytes+len(v) > maxTextBytes {
		clear(t.byID)
		t.bytes = 0
	}
	t.byID[doc] = string(v)
	t.bytes += len(v)
	return string(v), nil
}
