package badgerstore

import (
	"bytes"
	"context"
	"errors"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/uuid"
)

// updateShared keeps the shared keys (keys.go) true as document doc goes from stating what its
// own keys old say to stating c (nil: nothing). A node or an edge that doc states and no
// document stated before gets its key and counts; one that doc alone stated and no longer does
// loses them. It runs before doc's own keys change, and returns the changes of the counters by
// counter key.
//
// Loading new documents only adds, and learns whether a node or an edge is new from one point
// read; only a node or an edge that a document stops stating costs a scan of the other
// documents' keys.
func updateShared(ctx context.Context, txn *badger.Txn, doc uuid.UUID, old []string, c *contribution) (map[string]int64, error) {
	nodesBefore, edgesBefore, err := stated(old)
	if err != nil {
		return nil, err
	}
	counts := map[string]int64{}
	if c != nil {
		for node, kind := range c.nodes {
			if nodesBefore[node] {
				delete(nodesBefore, node)
				continue
			}
			if err := addShared(txn, kindKey(kind, node), nodeCountKey(kind), counts); err != nil {
				return nil, err
			}
		}
		for e := range c.edges {
			if edgesBefore[e] {
				delete(edgesBefore, e)
				continue
			}
			if err := addShared(txn, inEdgeKey(e.To, e.Relation, e.From), edgeCountKey(), counts); err != nil {
				return nil, err
			}
		}
	}
	it := keyIterator(txn)
	defer it.Close()
	for node := range nodesBefore {
		elsewhere, err := statedElsewhere(ctx, it, fragmentPrefix(node), doc)
		if err != nil {
			return nil, err
		}
		if elsewhere {
			continue
		}
		v, _, err := getValue(txn, fragmentKey(node, doc))
		if err != nil {
			return nil, err
		}
		n, err := decodeFragment(v)
		if err != nil {
			return nil, err
		}
		if err := removeShared(txn, kindKey(n.Kind, node), nodeCountKey(n.Kind), counts); err != nil {
			return nil, err
		}
	}
	for e := range edgesBefore {
		elsewhere, err := statedElsewhere(ctx, it, edgeIDPrefix(e.From, e.Relation, e.To), doc)
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

// stated returns the nodes and edges that a document's own keys state.
func stated(keys []string) (map[uuid.UUID]bool, map[edgeID]bool, error) {
	nodes, edges := map[uuid.UUID]bool{}, map[edgeID]bool{}
	for _, key := range keys {
		if key[0] != prefixFragment && key[0] != prefixEdge {
			continue
		}
		k, err := parseKey([]byte(key))
		if err != nil {
			return nil, nil, err
		}
		if k.Prefix == prefixFragment {
			nodes[k.Node] = true
		} else {
			edges[edgeID{k.From, k.Relation, k.To}] = true
		}
	}
	return nodes, edges, nil
}

// addShared writes a shared key that does not exist yet, counting it under counter.
func addShared(txn *badger.Txn, key, counter []byte, counts map[string]int64) error {
	_, err := txn.Get(key)
	switch {
	case err == nil:
		return nil
	case !errors.Is(err, badger.ErrKeyNotFound):
		return err
	}
	counts[string(counter)]++
	return txn.Set(key, nil)
}

// removeShared deletes a shared key, counting it off counter.
func removeShared(txn *badger.Txn, key, counter []byte, counts map[string]int64) error {
	counts[string(counter)]--
	return txn.Delete(key)
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
