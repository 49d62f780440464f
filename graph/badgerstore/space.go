package badgerstore

import (
	"fmt"

	"github.com/kgraph/kg/graph"
)

// DefaultMinFree is the space a document write leaves free on the store's disk unless
// Config.MinFree says otherwise: room for Badger to flush its memtables (store.go) into tables
// when they fill or the store closes, and for the compactions that follow.
const DefaultMinFree = 256 << 20

// checkSpace returns an error wrapping graph.ErrDiskFull when writing size bytes (twice: into
// Badger's log, then into a table) would leave less than the store's minimum free on its disk.
// Badger writes through memory-mapped files, where a full disk is not an error but a SIGBUS
// that kills the process, and it needs room to flush its memtable when the store closes;
// refusing a document while there is room keeps the store closable and every stored document
// whole.
func (s *Store) checkSpace(size int64) error {
	if s.dir == "" {
		return nil
	}
	free, ok := freeSpace(s.dir)
	if !ok || free-2*size >= s.minFree {
		return nil
	}
	return fmt.Errorf("%w: %.1f MiB free on the disk of %s, and the store keeps %.0f MiB free so that it can always be closed safely",
		graph.ErrDiskFull, float64(free)/(1<<20), s.dir, float64(s.minFree)/(1<<20))
}

// size returns the bytes of the keys and values of c, which a delete (nil) does not have.
func (c *contribution) size() int64 {
	if c == nil {
		return 0
	}
	var n int64
	for k, v := range c.keys {
		n += int64(len(k) + len(v))
	}
	return n
}
