package server

import (
	"container/list"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"sync"
)

// Automatic persisted queries, the protocol Apollo clients speak: a client sends only the
// SHA-256 of its query in extensions.persistedQuery.sha256Hash; a server that does not know
// the hash answers PersistedQueryNotFound, and the client sends the query with its hash once,
// which the server keeps. Dashboards that poll fixed queries then send a hash, not the text.

// The error of an unknown hash, as Apollo clients recognise it.
const (
	codePersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND"
	msgPersistedQueryNotFound  = "PersistedQueryNotFound"
)

// persistedQuery is the persistedQuery member of a request's extensions.
type persistedQuery struct {
	Version    int    `json:"version"`
	SHA256Hash string `json:"sha256Hash"`
}

// queryCache keeps the most recently used queries by their SHA-256, up to a number of entries.
type queryCache struct {
	mu      sync.Mutex
	max     int
	order   *list.List // of *cachedQuery, most recently used first
	entries map[string]*list.Element
}

type cachedQuery struct{ hash, query string }

func newQueryCache(max int) *queryCache {
	return &queryCache{max: max, order: list.New(), entries: map[string]*list.Element{}}
}

// get returns the query with the hash, and whether it is known.
func (c *queryCache) get(hash string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[hash]
	if !ok {
		return "", false
	}
	c.order.MoveToFront(e)
	return e.Value.(*cachedQuery).query, true
}

// put keeps a query under its hash, forgetting the least recently used when full.
func (c *queryCache) put(hash, query string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[hash]; ok {
		c.order.MoveToFront(e)
		return
	}
	c.entries[hash] = c.order.PushFront(&cachedQuery{hash, query})
	for c.order.Len() > c.max {
		oldest := c.order.Back()
		c.order.Remove(oldest)
		delete(c.entries, oldest.Value.(*cachedQuery).hash)
	}
}

// len returns the number of queries kept.
func (c *queryCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}

// resolve fills in req.Query from its persisted-query hash, or keeps the query it carries
// under the hash. It fails when the hash is unknown and no query is given, or when the query
// does not have the hash.
func (c *queryCache) resolve(req *request) *apiError {
	pq := req.Extensions.PersistedQuery
	if pq == nil {
		return nil
	}
	if pq.Version != 1 {
		return &apiError{code: codeBadUserInput, message: "unsupported persisted query version; this server speaks version 1"}
	}
	hash := strings.ToLower(pq.SHA256Hash)
	if req.Query == "" {
		q, ok := c.get(hash)
		if !ok {
			return &apiError{code: codePersistedQueryNotFound, message: msgPersistedQueryNotFound}
		}
		req.Query = q
		return nil
	}
	sum := sha256.Sum256([]byte(req.Query))
	if hex.EncodeToString(sum[:]) != hash {
		return &apiError{code: codeBadUserInput, message: "provided sha256Hash does not match the query"}
	}
	c.put(hash, req.Query)
	return nil
}
