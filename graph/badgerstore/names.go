package badgerstore

import (
	"context"
	"sync"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/uuid"

	"github.com/kgraph/kg/graph"
)

// nameTable lists the distinct NameKeys of the name index by kind, each with its nodes, in key
// order. The index has a key per name, node and document, so a name that thousands of
// documents state has thousands of keys; the filters that match names by their words and
// Search, which must look at every name, read the table instead, one entry per name.
type nameTable map[graph.Kind][]namedNodes

// namedNodes is one NameKey of the name index and the nodes that have it, sorted.
type namedNodes struct {
	key   string
	nodes []uuid.UUID
}

// nameCache keeps the name table of one version of the store (see nodeCache); building it
// reads every key of the name index, so requests that need it at once wait for one build.
type nameCache struct {
	mu      sync.Mutex
	version uint64
	table   nameTable
}

// names returns the name table as txn sees the store.
func (s *Store) names(ctx context.Context, txn *badger.Txn) (nameTable, error) {
	c := &s.nameTable
	c.mu.Lock()
	defer c.mu.Unlock()
	version := txn.ReadTs()
	if c.table != nil && c.version == version {
		return c.table, nil
	}
	table, err := readNameTable(ctx, txn)
	if err != nil {
		return nil, err
	}
	if c.table == nil || version > c.version {
		c.version, c.table = version, table
	}
	return table, nil
}

// readNameTable builds the name table from the keys of the name index.
func readNameTable(ctx context.Context, txn *badger.Txn) (nameTable, error) {
	it := keyIterator(txn, prefixName)
	defer it.Close()
	table := nameTable{}
	err := scanKeys(ctx, it, []byte{prefixName}, func(k parsedKey) {
		names := table[k.Kind]
		if n := len(names); n == 0 || names[n-1].key != k.Name {
			names = append(names, namedNodes{key: k.Name})
		}
		last := &names[len(names)-1]
		// A name's keys are ordered by node, then document.
		if n := len(last.nodes); n == 0 || last.nodes[n-1] != k.Node {
			last.nodes = append(last.nodes, k.Node)
		}
		table[k.Kind] = names
	})
	return table, err
}
