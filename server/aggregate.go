package server

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/kgraph/kg/graph"
)

// maxAggregates bounds the aggregates kept, each the value of one field for one set of
// arguments.
const maxAggregates = 256

// aggregateTimeout bounds the computation of one aggregate. It is longer than a request's time
// limit: on a large store the first request after a write may give up waiting, and the
// computation goes on so that the requests after it find the aggregate kept.
const aggregateTimeout = time.Minute

// aggregateCache keeps what fields derive from many nodes, such as the buckets of the
// statistics, which read every event they count, and the terms of a post's holders, which read
// every tenure of it, for as long as the store's version stays the same: a dashboard that polls
// them then costs a map lookup, and a write to the store empties the cache. Requests that miss
// the same aggregate at once wait for one computation rather than each reading it all.
type aggregateCache struct {
	mu      sync.Mutex
	version uint64
	entries map[string]*aggregate
}

// aggregate is one entry of the cache; done closes when value and err are set.
type aggregate struct {
	done  chan struct{}
	value any
	err   error
}

func newAggregateCache() *aggregateCache {
	return &aggregateCache{entries: map[string]*aggregate{}}
}

// aggregateOf returns the value kept in c under key for the store's current version, computing
// it with compute when it is not kept, under a context that outlives ctx by up to
// aggregateTimeout. Values and the nodes in them are shared: callers do not change them.
func aggregateOf[T any](ctx context.Context, c *aggregateCache, st graph.Store, key string, compute func(context.Context) (T, error)) (T, error) {
	var zero T
	v, err := c.get(ctx, st, key, func(ctx context.Context) (any, error) { return compute(ctx) })
	if err != nil {
		return zero, err
	}
	return v.(T), nil
}

// get returns the value kept under key for the store's current version, computing it with
// compute when it is not kept.
func (c *aggregateCache) get(ctx context.Context, st graph.Store, key string, compute func(context.Context) (any, error)) (any, error) {
	version, err := st.Version(ctx)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	switch {
	case version < c.version: // read before a write that a newer entry already reflects
		c.mu.Unlock()
		return compute(ctx)
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
		go c.compute(ctx, key, e, compute)
	}
	c.mu.Unlock()
	select {
	case <-e.done:
		return e.value, e.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// compute fills the entry e of key and closes its done channel; a failed entry is forgotten, so
// that the next request computes it anew.
func (c *aggregateCache) compute(ctx context.Context, key string, e *aggregate, compute func(context.Context) (any, error)) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), aggregateTimeout)
	defer cancel()
	defer close(e.done)
	defer func() {
		// Out of the resolver's goroutine, a panic would end the server: make it the error.
		if v := recover(); v != nil {
			e.value, e.err = nil, fmt.Errorf("aggregate %s: panic: %v", key, v)
		}
		if e.err == nil {
			return
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.entries[key] == e {
			delete(c.entries, key)
		}
	}()
	e.value, e.err = compute(ctx)
}
