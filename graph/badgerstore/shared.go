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

// sharedUpdate is what one document write does to the shared keys (keys.go).
type sharedUpdate struct {
	txn    *badger.Txn
	known  *knownKeys
	counts map[string]int64 // changes of the counters, by counter key
	added  []string         // keys set, to be known once the write commits
}

// update keeps the shared keys true as document doc goes from stating what its own keys old say
// to stating c (nil: nothing). A node, a node's name or an edge that doc states and no document
// stated before gets its key, and a node or an edge its count; one that doc alone stated and no
// longer does loses them. It runs before doc's own keys change.
//
// Loading new documents only adds, and learns whether a key is new from the known keys or one
// point read; only what a document stops stating costs a look at the other documents' keys.
func (u *sharedUpdate) update(ctx context.Context, doc uuid.UUID, old []string, c *contribution) error {
	before, err := statedBefore(u.txn, doc, old)
	if err != nil {
		return err
	}
	if c == nil {
		c = &contribution{}
	}
	for node, kind := range c.nodes {
		if _, ok := before.nodes[node]; !ok {
			if err := u.add(kindKey(kind, node), nodeCountKey(kind)); err != nil {
				return err
			}
		}
	}
	for n := range c.names {
		if !before.names[n] {
			if err := u.add(nameKey(n.Kind, n.Name, n.Node), nil); err != nil {
				return err
			}
		}
	}
	for node := range c.mentioned {
		if !before.mentioned[node] {
			u.counts[string(edgeCountKey())]++
		}
	}
	for node := range before.mentioned {
		if !c.mentioned[node] {
			u.counts[string(edgeCountKey())]--
		}
	}
	for e := range c.edges {
		if !before.edges[e] {
			if err := u.add(inEdgeKey(e.To, e.Relation, e.From), edgeCountKey()); err != nil {
				return err
			}
		}
	}

	it := keyIterator(u.txn)
	defer it.Close()
	for node, kind := range before.nodes {
		if _, ok := c.nodes[node]; ok {
			continue
		}
		elsewhere, err := statedElsewhere(ctx, it, fragmentPrefix(node), doc, nil)
		if err != nil {
			return err
		}
		if !elsewhere {
			if err := u.remove(kindKey(kind, node), nodeCountKey(kind)); err != nil {
				return err
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
			return err
		}
		if !elsewhere {
			if err := u.remove(nameKey(n.Kind, n.Name, n.Node), nil); err != nil {
				return err
			}
		}
	}
	for e := range before.edges {
		if c.edges[e] {
			continue
		}
		elsewhere, err := statedElsewhere(ctx, it, edgeIDPrefix(e.From, e.Relation, e.To), doc, nil)
		if err != nil {
			return err
		}
		if !elsewhere {
			if err := u.remove(inEdgeKey(e.To, e.Relation, e.From), edgeCountKey()); err != nil {
				return err
			}
		}
	}
	return nil
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
		mentions, f, err := splitFragment(v)
		if err != nil {
			return nil, err
		}
		n, err := decodeNode(f)
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

// add writes a shared key that does not exist yet, counting it under counter unless counter is
// nil.
func (u *sharedUpdate) add(key, counter []byte) error {
	if u.known.has(key) {
		return nil
	}
	_, err := u.txn.Get(key)
	switch {
	case err == nil:
		u.known.add([]string{string(key)})
		return nil
	case !errors.Is(err, badger.ErrKeyNotFound):
		return err
	}
	if counter != nil {
		u.counts[string(counter)]++
	}
	u.added = append(u.added, string(key))
	return u.txn.Set(key, nil)
}

// remove deletes a shared key, counting it off counter unless counter is nil.
func (u *sharedUpdate) remove(key, counter []byte) error {
	if counter != nil {
		u.counts[string(counter)]--
	}
	u.known.forget(key)
	return u.txn.Delete(key)
}

// knownKeys remembers shared keys that the store holds, so that a document stating a node, a
// name or an edge that an earlier one stated skips the point read. Only keys that a committed
// write set or a read found enter it, and a key deleted leaves it. It keeps two generations:
// when the newer fills, the older is dropped and the newer takes its place, and a key found in
// the older moves to the newer, so that the nodes and names that documents keep stating stay
// known however many edges pass through. Document writes, which hold Store.writeMu, are its only
// users.
type knownKeys struct{ recent, older map[string]struct{} }

// maxKnownKeys bounds each generation of the known keys, to a few tens of megabytes in all.
const maxKnownKeys = 1 << 18

func (k *knownKeys) has(key []byte) bool {
	if _, ok := k.recent[string(key)]; ok {
		return true
	}
	if _, ok := k.older[string(key)]; ok {
		k.add([]string{string(key)})
		return true
	}
	return false
}

func (k *knownKeys) add(keys []string) {
	for _, key := range keys {
		if len(k.recent) >= maxKnownKeys || k.recent == nil {
			k.older, k.recent = k.recent, make(map[string]struct{}, maxKnownKeys/4)
		}
		k.recent[key] = struct{}{}
	}
}

func (k *knownKeys) forget(key []byte) {
	delete(k.recent, string(key))
	delete(k.older, string(key))
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
