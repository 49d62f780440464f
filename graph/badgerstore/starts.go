package badgerstore

import (
	"context"
	"slices"
	"sync"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/uuid"

	"github.com/kgraph/kg/graph"
)

// maxStartSeeks is how many events' starts a read looks up by seeking in the starts-of index
// before it reads the start table instead.
const maxStartSeeks = 256

// startTable is the merged start of every event as one version of the store holds them, read in
// one pass over the starts-of index, where an event's first key holds its merged start. An event
// filter that names a busy city or person has thousands of candidates, and looking up each
// start with a seek cost more than the rest of the query.
type startTable struct {
	starts map[uuid.UUID]graph.Date
	sorted []eventKey // in the order of StartAsc
}

// startCache keeps the start table of one version of the store (see nodeCache).
type startCache struct {
	mu      sync.Mutex
	version uint64
	table   *startTable
}

// current returns the start table if it is the one of version, else nil.
func (c *startCache) current(version uint64) *startTable {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version != version {
		return nil
	}
	return c.table
}

// startTable returns the start table as txn sees the store, building it if need be when
// events is more than maxStartSeeks, and nil otherwise.
func (s *Store) startTable(ctx context.Context, txn *badger.Txn, events int) (*startTable, error) {
	c := &s.starts
	if t := c.current(txn.ReadTs()); t != nil || events <= maxStartSeeks {
		return t, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.table != nil && c.version == txn.ReadTs() {
		return c.table, nil // built while this read waited
	}
	t, err := readStartTable(ctx, txn)
	if err != nil {
		return nil, err
	}
	if c.table == nil || txn.ReadTs() > c.version {
		c.version, c.table = txn.ReadTs(), t
	}
	return t, nil
}

// readStartTable reads the start table from the starts-of index.
func readStartTable(ctx context.Context, txn *badger.Txn) (*startTable, error) {
	it := keyIterator(txn, prefixStartsOf)
	defer it.Close()
	t := &startTable{starts: map[uuid.UUID]graph.Date{}}
	err := scanKeys(ctx, it, []byte{prefixStartsOf}, func(k parsedKey) {
		if _, ok := t.starts[k.Node]; !ok {
			t.starts[k.Node] = k.Start
			t.sorted = append(t.sorted, eventKey{Start: k.Start, ID: k.Node})
		}
	})
	slices.SortFunc(t.sorted, func(a, b eventKey) int { return compareEventKeys(graph.StartAsc, a, b) })
	return t, err
}
