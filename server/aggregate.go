package server

import (
	"context"
	"sync"

	"github.com/kgraph/kg/graph"
)

// maxAggregates bounds the aggregates kept, each a list of buckets for one field and filter.
const maxAggregates = 256

// aggregateCache keeps the buckets of the statistics fields, which read every event they count,
// for as long as the store's version stays the same: a dashboard that polls them then costs a
// map lookup, and a write to the store empties the cache. Requests that miss the same aggregate
// at once wait for the first to compute it rather than each reading every event.
type aggregateCache struct {
	mu      sync.Mutex
	version uint64
	entries map[string]*aggregate
}

// aggregate is one entry of the cache; done closes when buckets and err are set.
type aggregate struct {
	done    chan struct{}
	buckets []bucket
	err     error
}

func newAggregateCache() *aggregateCache {
	return &aggregateCache{entries: map[string]*aggregate{}}
}

// get returns the buckets kept under key for the store's current version, computing them with
// compute when they are not kept. Buckets and their nodes are shared: callers do not change them.
func (c *aggregateCache) get(ctx context.Context, st graph.Store, key string, compute func() ([]bucket, error)) ([]bucket, error) {
	version, err := st.Version(ctx)
	if err != nil {
		return nil, err
	}
	for {
		c.mu.Lock()
		switch {
		case version < c.version: // read before a write that a newer entry already reflects
			c.mu.Unlock()
			return compute()
		case version > c.version:
			c.version, c.entries = version, map[string]*aggregate{}
		}
		e := c.entries[key]
		if e == nil {
			e = &aggregate{done: make(chan struct{})}
			if len(c.entries) >= maxAggregates {
				for old := range c.entries { // map order is random: an arbitrary entry goes
					delete(c.entries, old)
					break
				}
			}
			c.entries[key] = e
			c.mu.Unlock()
			e.buckets, e.err = compute()
			if e.err != nil {
				c.mu.Lock()
				if c.entries[key] == e {
					delete(c.entries, key)
				}
				c.mu.Unlock()
			}
			close(e.done)
			return e.buckets, e.err
		}
		c.mu.Unlock()
		select {
		case <-e.done:
			if e.err == nil {
				return e.buckets, nil
			}
			// The request that computed it failed, perhaps on its own deadline: try again.
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}
