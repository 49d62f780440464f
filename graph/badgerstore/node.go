package badgerstore

import (
	"cmp"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/uuid"

	"github.com/kgraph/kg/graph"
)

// fragment is a node as one document states it. Fragments are JSON because graph.Node already
// carries short omitempty tags, so a fragment stores only the fields it has and fields added to
// Node later still decode from old values. Evidence, counters and manifests, which are only
// numbers and keys, are binary instead.
type fragment struct {
	Kind graph.Kind `json:"k"`
	graph.Node
}

// The value of a fragment key is the uvarint length of the evidence of the document's
// mentioned-in edge from the node (edge.go's encoding; none when the document states no such
// edge), that evidence, and the fragment. A document mentions most nodes it states, and each
// such edge is its own, so keeping it here saves the store an edge key and an in-edge key for
// each (mention.go).
func encodeFragment(n graph.Node, mentions []byte) ([]byte, error) {
	f, err := json.Marshal(fragment{Kind: n.Kind, Node: n})
	if err != nil {
		return nil, err
	}
	b := binary.AppendUvarint(nil, uint64(len(mentions)))
	return append(append(b, mentions...), f...), nil
}

// splitFragment splits the value of a fragment key into the evidence of its mentions and its
// encoded fragment.
func splitFragment(b []byte) (mentions, fragment []byte, err error) {
	n, size := binary.Uvarint(b)
	if size <= 0 || n > uint64(len(b)-size) {
		return nil, nil, errors.New("decode fragment: bad mentions")
	}
	return b[size : size+int(n)], b[size+int(n):], nil
}

func decodeFragment(b []byte) (graph.Node, error) {
	_, b, err := splitFragment(b)
	if err != nil {
		return graph.Node{}, err
	}
	return decodeNode(b)
}

// decodeNode decodes the fragment that splitFragment splits off.
func decodeNode(b []byte) (graph.Node, error) {
	var f fragment
	if err := json.Unmarshal(b, &f); err != nil {
		return graph.Node{}, fmt.Errorf("decode fragment: %w", err)
	}
	f.Node.Kind = f.Kind
	return f.Node, nil
}

// mergeNodes merges the fragments of one node, given in document order. Name is the fullest
// name (most words, then most characters, then first); Aliases are every other name and alias,
// sorted; scalars come from the first fragment that has them, except that Start is the
// earliest, End the latest, Planned needs every fragment, Acting any, and Seen is the union.
func mergeNodes(frags []graph.Node) graph.Node {
	m := graph.Node{ID: frags[0].ID, Kind: frags[0].Kind, Planned: true}
	var names []string
	for _, f := range frags {
		if fuller(f.Name, m.Name) {
			m.Name = f.Name
		}
		names = append(append(names, f.Name), f.Aliases...)
		setFirst(&m.Acronym, f.Acronym)
		setFirst(&m.PlaceKind, f.PlaceKind)
		setFirst(&m.EventType, f.EventType)
		setFirst(&m.From, f.From)
		setFirst(&m.To, f.To)
		setFirst(&m.Source, f.Source)
		setFirst(&m.Published, f.Published)
		setFirst(&m.Text, f.Text)
		setFirst(&m.Hash, f.Hash)
		if f.Start != "" && (m.Start == "" || graph.CompareDates(f.Start, m.Start) < 0) {
			m.Start = f.Start
		}
		if f.End != "" && (m.End == "" || graph.CompareDates(f.End, m.End) > 0) {
			m.End = f.End
		}
		m.Planned = m.Planned && f.Planned
		m.Acting = m.Acting || f.Acting
		m.Seen = append(m.Seen, f.Seen...)
	}
	m.Aliases = sortedSet(names, m.Name)
	m.Seen = sortedSet(m.Seen, "")
	return m
}

// fuller reports whether name a is fuller than b: more words, or as many and more characters.
func fuller(a, b string) bool {
	wa, wb := len(strings.Fields(a)), len(strings.Fields(b))
	if wa != wb {
		return wa > wb
	}
	return utf8.RuneCountInString(a) > utf8.RuneCountInString(b)
}

func setFirst[T comparable](dst *T, v T) {
	var zero T
	if *dst == zero {
		*dst = v
	}
}

// sortedSet sorts s and removes duplicates, the zero value and drop; it returns nil when
// nothing is left, so merged nodes compare equal however they were built.
func sortedSet[T cmp.Ordered](s []T, drop T) []T {
	var zero T
	s = slices.DeleteFunc(s, func(v T) bool { return v == zero || v == drop })
	slices.Sort(s)
	s = slices.Compact(s)
	if len(s) == 0 {
		return nil
	}
	return s
}

// indexedNames returns the NameKeys under which the name index finds a fragment: of its name, its
// aliases and its acronym.
func indexedNames(n graph.Node) []string {
	keys := []string{graph.NameKey(n.Name), graph.NameKey(n.Acronym)}
	for _, a := range n.Aliases {
		keys = append(keys, graph.NameKey(a))
	}
	return sortedSet(keys, "")
}

// Node returns the merged node, or an error wrapping graph.ErrNotFound.
func (s *Store) Node(ctx context.Context, id graph.ID) (*graph.Node, error) {
	nodes, err := s.Nodes(ctx, []graph.ID{id})
	if err != nil {
		return nil, err
	}
	if nodes[0] == nil {
		return nil, fmt.Errorf("node %s: %w", id, graph.ErrNotFound)
	}
	return nodes[0], nil
}

// Nodes returns the merged nodes in the order of ids, nil where an ID is unknown.
func (s *Store) Nodes(ctx context.Context, ids []graph.ID) ([]*graph.Node, error) {
	us, err := parseIDs(ids)
	if err != nil {
		return nil, fmt.Errorf("read nodes: %w", err)
	}
	var nodes []*graph.Node
	err = s.view(ctx, func(txn *badger.Txn) error {
		var err error
		nodes, err = s.readNodes(ctx, txn, us)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read nodes: %w", err)
	}
	return nodes, nil
}

// readNodes reads and merges the nodes ids through one iterator, nil where a node has no
// fragment, taking those it can from the node cache.
func (s *Store) readNodes(ctx context.Context, txn *badger.Txn, ids []uuid.UUID) ([]*graph.Node, error) {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{prefixFragment}})
	defer it.Close()
	texts := newTexts(txn)
	nodes := make([]*graph.Node, len(ids))
	var frags []graph.Node
	for i, id := range ids {
		if n, ok := s.nodes.get(txn.ReadTs(), id); ok {
			nodes[i] = n
			continue
		}
		frags = frags[:0]
		prefix := fragmentPrefix(id)
		for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			var f graph.Node
			err := it.Item().Value(func(v []byte) error {
				var err error
				f, err = decodeFragment(v)
				return err
			})
			if err != nil {
				return nil, fmt.Errorf("node %s: %w", id, err)
			}
			frags = append(frags, f)
		}
		if len(frags) == 0 {
			continue
		}
		n := mergeNodes(frags)
		n.ID = formatID(id)
		if n.Kind == graph.KindDocument {
			text, err := texts.get(id)
			if err != nil {
				return nil, err
			}
			n.Text = text
		}
		nodes[i] = &n
		if len(ids) <= maxCachedRead {
			s.nodes.put(txn.ReadTs(), &n)
		}
	}
	return nodes, nil
}

// NodeDocuments returns the IDs of the documents that describe each node of ids, from the keys of
// its fragments alone.
func (s *Store) NodeDocuments(ctx context.Context, ids []graph.ID) ([][]graph.ID, error) {
	us, err := parseIDs(ids)
	if err != nil {
		return nil, fmt.Errorf("read documents: %w", err)
	}
	docs := make([][]graph.ID, len(ids))
	err = s.view(ctx, func(txn *badger.Txn) error {
		it := keyIterator(txn, prefixFragment)
		defer it.Close()
		for i, id := range us {
			err := scanKeys(ctx, it, fragmentPrefix(id), func(k parsedKey) { docs[i] = append(docs[i], formatID(k.Doc)) })
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read documents: %w", err)
	}
	return docs, nil
}

// Lookup returns the IDs of the nodes of kind whose name, an alias or acronym has the same
// NameKey as name, sorted.
func (s *Store) Lookup(ctx context.Context, kind graph.Kind, name string) ([]graph.ID, error) {
	key := graph.NameKey(name)
	if key == "" {
		return nil, nil
	}
	var ids []graph.ID
	err := s.view(ctx, func(txn *badger.Txn) error {
		// Lookup serves the loader between document writes, so it reads the index, not the
		// name table, which every write makes stale.
		it := keyIterator(txn, prefixName)
		defer it.Close()
		return scanNodes(ctx, it, namePrefix(kind, key), func(id uuid.UUID) { ids = append(ids, formatID(id)) })
	})
	if err != nil {
		return nil, fmt.Errorf("lookup %s %q: %w", kind, name, err)
	}
	return ids, nil
}
