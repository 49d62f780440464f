package badgerstore

import (
	"context"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgraph/kg/graph"
)

// Stats counts the distinct merged nodes of every kind and the distinct edges. Document writes
// keep the counts, so Stats reads one key per kind.
func (s *Store) Stats(ctx context.Context) (graph.Stats, error) {
	st := graph.Stats{Nodes: map[graph.Kind]int{}}
	err := s.view(ctx, func(txn *badger.Txn) error {
		for _, k := range graph.Kinds {
			n, err := readCount(txn, nodeCountKey(k))
			if err != nil {
				return err
			}
			st.Nodes[k] = int(n)
		}
		n, err := readCount(txn, edgeCountKey())
		st.Edges = int(n)
		return err
	})
	if err != nil {
		return graph.Stats{}, fmt.Errorf("stats: %w", err)
	}
	return st, nil
}

// Version returns Badger's read timestamp, which every committed write advances and nothing else
// does.
func (s *Store) Version(ctx context.Context) (uint64, error) {
	var v uint64
	err := s.view(ctx, func(txn *badger.Txn) error {
		v = txn.ReadTs()
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("version: %w", err)
	}
	return v, nil
}

func readCount(txn *badger.Txn, key []byte) (int64, error) {
	v, found, err := getValue(txn, key)
	if err != nil || !found {
		return 0, err
	}
	n, err := decodeCount(v)
	if err != nil {
		return 0, fmt.Errorf("counter %q: %w", key, err)
	}
	return n, nil
}

// addCounts adds deltas, by counter key, to the counters.
func addCounts(txn *badger.Txn, deltas map[string]int64) error {
	for key, d := range deltas {
		if d == 0 {
			continue
		}
		n, err := readCount(txn, []byte(key))
		if err != nil {
			return err
		}
		if n+d == 0 {
			// A store emptied by deletes holds what a new one does.
			err = txn.Delete([]byte(key))
		} else {
			err = txn.Set([]byte(key), encodeCount(n+d))
		}
		if err != nil {
			return err
		}
	}
	return nil
}
