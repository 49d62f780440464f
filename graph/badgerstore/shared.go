package badgerstore

import (
	"bytes"
	"context"
	"errors"
	"slices"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/uuid"

	"github.com/kgraph/kg/graph"
)

// updateShared keeps the shared keys (keys.go) true as document doc goes from stating what its
// own keys old say to stating c (nil: nothing). A node, a node's name or an edge that doc states
// and no document stated before gets its key, and a node or an edge its count; one that doc
// alone stated and no longer does loses them. It runs before doc's own keys change, and returns
// the changes of the counters by counter key.
//
// Loading new documents only adds, and learns whether a key is new from one point read; only
// what a document stops stating costs a look at the other documents' keys.
func updateShared(ctx context.Context, txn *badger.Txn, doc uuid.UUID, old []string, c *contribution) (map[string]int64, error) {
	before, err := statedBefore(txn, doc, old)
	if err != nil {
		return nil, err
	}
	if c == nil {
		c = &contribution{}
	}
	counts := map[string]int64{}
	for node, kind := range c.nodes {
		if _, ok := before.nodes[node]; !ok {
			if err := addShared(txn, kindKey(kind, node), nodeCountKey(kind), counts); err != nil {
				return nil, err
			}
		}
	}
	for n := range c.names {
		if !before.names[n] {
			if err := addShared(txn, nameKey(n.Kind, n.Name, n.Node), nil, counts); err != nil {
				return nil, err
			}
		}
	}
	for node := range c.mentioned {
		if !before.mentioned[node] {
			counts[string(edgeCountKey())]++
		}
	}
	for node := range before.mentioned {
		if !c.mentioned[node] {
			counts[string(edgeCountKey())]--
		}
	}
	for e := range c.edges {
		if !before.edges[e] {
			if err := addShared(txn, inEdgeKey(e.To, e.Relation, e.From), edgeCountKey(), counts); err != nil {
				return nil, err
			}
		}
	}

	it := keyIterator(txn)
	defer it.Close()
	for node, kind := range before.nodes {
		if _, ok := c.nodes[node]; ok {
			continue
		}
		elsewhere, err := statedElsewhere(ctx, it, fragmentPrefix(node), doc, nil)
		if err != nil {
			return nil, err
		}
		if !elsewhere {
			if err := removeShared(txn, kindKey(kind, node), nodeCountKey(kind), counts); err != nil {
				return nil, err
			}
		}
	}
	for n := range before.names {
		if c.names[n] {
			continue
		}
		hasName := func(v []byte) (bool, error) {
			f, err := decodeFragment(v)
			return slices.Contains(indexedNames(f), n.Name), err
		}
		elsewhere, err := statedElsewhere(ctx, it, fragmentPrefix(n.Node), doc, hasName)
		if err != nil {
			return nil, err
		}
		if !elsewhere {
			if err := removeShared(txn, nameKey(n.Kind, n.Name, n.Node), nil, counts); err != nil {
				return nil, err
			}
		}
	}
	for e := range before.edges {
		if c.edges[e] {
			continue
		}
		elsewhere, err := statedElsewhere(ctx, it, edgeIDPrefix(e.From, e.Relation, e.To), doc, nil)
		if err != nil {
			return nil, err
		}
		if !elsewhere {
			if err := removeShared(txn, inEdgeKey(e.To, e.Relation, e.From), edgeCountKey(), counts); err != nil {
				return nil, err
			}
		}
	}
	return counts, nil
}

// statedBefore returns what document doc states through its own keys old, reading the
// fragments they list for the nodes' kinds and names.
func statedBefore(txn *badger.Txn, doc uuid.UUID, old []string) (*contribution, error) {
	c := &contribution{nodes: map[uuid.UUID]graph.Kind{}, names: map[nameID]bool{}, edges: map[edgeID]bool{}, mentioned: map[uuid.UUID]bool{}}
	for _, key := range old {
		if key[0] != prefixFragment && key[0] != prefixEdge {
			continue
		}
		k, err := parseKey([]byte(key))
		if err != nil {
			return nil, err
		}
		if k.Prefix == prefixEdge {
			c.edges[edgeID{k.From, k.Relation, k.To}] = true
			continue
		}
		v, _, err := getValue(txn, []byte(key))
		if err != nil {
			return nil, err
		}
		mentions, _, err := splitFragment(v)
		if err != nil {
			return nil, err
		}
		n, err := decodeFragment(v)
		if err != nil {
			return nil, err
		}
		c.nodes[k.Node] = n.Kind
		if len(mentions) > 0 {
			c.mentioned[k.Node] = true
		}
		for _, name := range indexedNames(n) {
			c.names[nameID{n.Kind, name, k.Node}] = true
		}
	}
	return c, nil
}

// addShared writes a shared key that does not exist yet, counting it under counter unless
// counter is nil.
func addShared(txn *badger.Txn, key, counter []byte, counts map[string]int64) error {
	_, err := txn.Get(key)
	switch {
	case err == nil:
		return nil
	case !errors.Is(err, badger.ErrKeyNotFound):
		return err
	}
	if counter != nil {
		counts[string(counter)]++
	}
	return txn.Set(key, nil)
}

// removeShared deletes a shared key, counting it off counter unless counter is nil.
func removeShared(txn *badger.Txn, key, counter []byte, counts map[string]int64) error {
	if counter != nil {
		counts[string(counter)]--
	}
	return txn.Delete(key)
}

// statedElsewhere reports whether a key under prefix, followed by a document ID, belongs to a
// document other than doc and, if match is set, has a value that match accepts.
func statedElsewhere(ctx context.Context, it *badger.Iterator, prefix []byte, doc uuid.UUID, match func([]byte) (bool, error)) (bool, error) {
	for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
		if err := ctx.Err(); err != nil {
			return false, err
		}
		item := it.Item()
		if bytes.HasSuffix(item.Key(), doc[:]) {
			continue
		}
		if match == nil {
			return true, nil
		}
		v, err := item.ValueCopy(nil)
		if err != nil {
			return false, err
		}
		if ok, err := match(v); ok || err != nil {
			return ok, err
		}
	}
	return false, nil
}
