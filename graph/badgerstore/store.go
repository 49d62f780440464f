// Package badgerstore implements graph.Store on Badger, an embedded key-value store. Each
// document's contribution (its node fragments, name index entries, edges and their evidence) is
// written under keys ending with the document's ID and listed in a per-document manifest, so a
// document is replaced or deleted exactly in one transaction; shared keys mark each node, name
// and edge that some document states; reads merge the fragments of all documents. What reads
// derive at cost (merged nodes, long lists of edge ends in cache.go, the table of distinct names
// in names.go, every event's start in starts.go) is kept for one version of the store, Badger's
// read timestamp, which every write advances. keys.go documents the key layout. This is the
// only package that imports Badger.
package badgerstore

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"syscall"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
	"github.com/google/uuid"

	"github.com/kgraph/kg/graph"
)

// Config configures a Store.
type Config struct {
	Dir      string // data directory; ignored when InMemory
	InMemory bool   // Badger's in-memory mode, for tests
	ReadOnly bool
	Logger   *slog.Logger // nil: Badger's own logging is silenced
	// MinFree is the space in bytes a document write must leave free on the store's disk;
	// 0 means DefaultMinFree. See checkSpace.
	MinFree int64
}

var (
	// ErrReadOnly means a document write reached a store opened with Config.ReadOnly.
	ErrReadOnly = errors.New("store is read-only")
	// ErrFormat means the store was written with another key layout than this program's.
	ErrFormat = errors.New("store format differs")
	// ErrClosed means a read or a write reached a closed store.
	ErrClosed = errors.New("store is closed")
)

// Store is a graph.Store kept in a Badger database.
type Store struct {
	db       *badger.DB
	dir      string // "" in memory
	minFree  int64
	readOnly bool
	// writeMu serialises document writes: each one reads and rewrites the shared counters,
	// and serialising them here is cheaper than Badger's conflict detection and retries.
	writeMu sync.Mutex
	known   knownKeys // shared keys that exist, for writes
	// closeMu lets Close wait for the reads and writes under way, such as a server's aggregate
	// that outlives its request: Badger unmaps its files when it closes, and a read still
	// going would then fault.
	closeMu   sync.RWMutex
	closed    bool
	nodes     nodeCache
	nameTable nameCache
	starts    startCache
	ends      endsCache
}

var _ graph.Store = (*Store)(nil)

// Open opens the store that cfg describes, creating it if needed. It fails with an error
// wrapping graph.ErrStoreInUse when another process holds the directory.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("open store %s: %w", cfg.Dir, err)
	}
	dir := cfg.Dir
	switch {
	case cfg.InMemory:
		dir = ""
	case dir == "":
		return nil, fmt.Errorf("open store: %w: no directory", graph.ErrInvalid)
	}
	var logger badger.Logger // a nil interface silences Badger
	if cfg.Logger != nil {
		logger = slogLogger{cfg.Logger.With("component", "badger")}
	}
	opts := badger.DefaultOptions(dir).
		WithInMemory(cfg.InMemory).
		WithReadOnly(cfg.ReadOnly).
		WithLogger(logger).
		WithDetectConflicts(false). // writes are serialised by writeMu
		// Smaller than Badger's defaults (5 memtables of 64 MiB, a 256 MiB block cache, 4
		// compactors, each building whole tables in memory), which alone would take most of the
		// memory a load may use. Snappy, Badger's default: ZSTD makes the tables a tenth
		// smaller, but its compression of every table that compactions write was a fifth of
		// the processor time of a 100,000-document load.
		WithCompression(options.Snappy).
		WithMemTableSize(32 << 20).
		WithNumMemtables(3).
		WithBlockCacheSize(64 << 20).
		WithNumCompactors(2)
	db, err := badger.Open(opts)
	if err != nil {
		// Badger formats the lock failure into its message instead of wrapping it.
		if strings.Contains(err.Error(), "Cannot acquire directory lock") {
			return nil, fmt.Errorf("open store %s: %w: %w", cfg.Dir, graph.ErrStoreInUse, err)
		}
		// Badger sizes its log files up front, sparse, at 128 MiB and 2 GiB, and formats the
		// failure into its message too.
		if strings.Contains(err.Error(), syscall.EFBIG.Error()) {
			return nil, fmt.Errorf("open store %s: the file size limit (ulimit -f) is under the 2 GiB the store's files take: %w", cfg.Dir, err)
		}
		return nil, fmt.Errorf("open store %s: %w", cfg.Dir, err)
	}
	if err := checkFormat(db, cfg.ReadOnly); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", cfg.Dir, err)
	}
	minFree := cfg.MinFree
	if minFree == 0 {
		minFree = DefaultMinFree
	}
	return &Store{db: db, dir: dir, minFree: minFree, readOnly: cfg.ReadOnly}, nil
}

// formatVersion numbers the key layout of keys.go; a store written with another layout cannot be
// read and must be loaded anew. Change it with the layout.
const formatVersion = 3

// checkFormat compares the store's layout with this code's, and marks a new store with it.
func checkFormat(db *badger.DB, readOnly bool) error {
	var found uint64
	empty := true
	err := db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: false})
		defer it.Close()
		it.Rewind()
		empty = !it.Valid()
		item, err := txn.Get([]byte{prefixFormat})
		switch {
		case errors.Is(err, badger.ErrKeyNotFound):
			return nil
		case err != nil:
			return err
		}
		return item.Value(func(v []byte) error {
			if len(v) == 8 {
				found = binary.BigEndian.Uint64(v)
			}
			return nil
		})
	})
	switch {
	case err != nil:
		return fmt.Errorf("read the store's format: %w", err)
	case found == formatVersion:
		return nil
	case !empty:
		return fmt.Errorf("%w: the store has key layout %d, this program reads %d: load the documents into a new data directory", ErrFormat, found, formatVersion)
	case readOnly:
		return nil
	}
	return db.Update(func(txn *badger.Txn) error {
		return txn.Set([]byte{prefixFormat}, binary.BigEndian.AppendUint64(nil, formatVersion))
	})
}

// Close waits for the reads and writes under way, then releases the database and its directory
// lock; later ones fail with ErrClosed.
func (s *Store) Close() error {
	s.closeMu.Lock()
	defer s.closeMu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close store: %w", err)
	}
	return nil
}

// view runs fn in a read transaction after checking ctx.
func (s *Store) view(ctx context.Context, fn func(txn *badger.Txn) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.closeMu.RLock()
	defer s.closeMu.RUnlock()
	if s.closed {
		return ErrClosed
	}
	return s.db.View(fn)
}

// update runs fn in a read-write transaction, unless the store is closed.
func (s *Store) update(fn func(txn *badger.Txn) error) error {
	s.closeMu.RLock()
	defer s.closeMu.RUnlock()
	if s.closed {
		return ErrClosed
	}
	return s.db.Update(fn)
}

// keyIterator returns an iterator over the keys starting with prefix that reads no values,
// for index scans.
func keyIterator(txn *badger.Txn, prefix ...byte) *badger.Iterator {
	return txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
}

// scanKeys calls fn with every key under prefix, parsed, checking ctx as it goes.
func scanKeys(ctx context.Context, it *badger.Iterator, prefix []byte, fn func(parsedKey)) error {
	return scanItems(ctx, it, prefix, func(k parsedKey, _ *badger.Item) error {
		fn(k)
		return nil
	})
}

// scanItems calls fn with every key under prefix, parsed, and its item, checking ctx as it
// goes; an error from fn stops the scan and is returned.
func scanItems(ctx context.Context, it *badger.Iterator, prefix []byte, fn func(parsedKey, *badger.Item) error) error {
	for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
		if err := ctx.Err(); err != nil {
			return err
		}
		k, err := parseKey(it.Item().Key())
		if err != nil {
			return err
		}
		if err := fn(k, it.Item()); err != nil {
			return err
		}
	}
	return nil
}

// scanNodes calls fn once with each node of the keys under prefix, keys that go on with the
// node's ID and perhaps a document's, checking ctx as it goes. A node's keys lie together; after
// reading a few of them it seeks past the rest, so a node that thousands of documents state
// costs a seek, not thousands of reads.
func scanNodes(ctx context.Context, it *badger.Iterator, prefix []byte, fn func(uuid.UUID)) error {
	const reads = 4 // keys of one node read before seeking past the others
	past := bytes.Repeat([]byte{0xFF}, idLen+1)
	for it.Seek(prefix); it.ValidForPrefix(prefix); {
		if err := ctx.Err(); err != nil {
			return err
		}
		key := it.Item().Key()
		if len(key) < len(prefix)+idLen {
			return fmt.Errorf("key %x: too short for a node ID after %x", key, prefix)
		}
		node := uuid.UUID(key[len(prefix) : len(prefix)+idLen])
		fn(node)
		nodePrefix := append(slices.Clip(prefix), node[:]...)
		for n := 0; it.ValidForPrefix(nodePrefix); n++ {
			if n == reads {
				it.Seek(append(nodePrefix, past...))
				break
			}
			it.Next()
		}
	}
	return nil
}

// getValue returns the value of key and whether the key exists.
func getValue(txn *badger.Txn, key []byte) ([]byte, bool, error) {
	item, err := txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	v, err := item.ValueCopy(nil)
	return v, err == nil, err
}

// slogLogger passes Badger's log lines to a slog.Logger.
type slogLogger struct{ l *slog.Logger }

func (s slogLogger) Errorf(f string, v ...any)   { s.l.Error(line(f, v)) }
func (s slogLogger) Warningf(f string, v ...any) { s.l.Warn(line(f, v)) }
func (s slogLogger) Infof(f string, v ...any)    { s.l.Info(line(f, v)) }
func (s slogLogger) Debugf(f string, v ...any)   { s.l.Debug(line(f, v)) }

// line formats a Badger log line without the newline Badger ends it with.
func line(f string, v []any) string { return strings.TrimSpace(fmt.Sprintf(f, v...)) }
