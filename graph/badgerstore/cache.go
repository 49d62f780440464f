package badgerstore

import (
	"slices"
	"sync"

	"github.com/google/uuid"

	"github.com/kgraph/kg/graph"
)

// maxCachedNodes bounds the node cache, so that the memory a server holds stays flat however
// many nodes its queries touch.
const maxCachedNodes = 1 << 16

// maxCachedRead is the most nodes a read may read and keep: a longer read is a scan (of every
// event, say) whose nodes would push out those that queries come back to.
const maxCachedRead = 1000

// nodeCache keeps merged nodes between reads. Merging a node decodes one fragment per document
// that states it, thousands for a country, a city or a busy person, and queries read the same
// nodes again and again. Its entries belong to one version of the store: Badger's read
// timestamp, which every committed write advances, so a write empties the cache instead of
// leaving it stale, and a read at an older version neither uses it nor fills it. Documents,
// which carry their text, are not kept.
type nodeCache struct {
	mu      sync.Mutex
	version uint64
	nodes   map[uuid.UUID]*graph.Node
}

// get returns the node id as of version, if it is kept.
func (c *nodeCache) get(version uint64, id uuid.UUID) (*graph.Node, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if version != c.version {
		return nil, false
	}
	n, ok := c.nodes[id]
	if !ok {
		return nil, false
	}
	return clone(n), true
}

// put keeps the node n read at version, forgetting every node of an older version and, when the
// cache is full, an arbitrary one.
func (c *nodeCache) put(version uint64, n *graph.Node) {
	if n.Kind == graph.KindDocument {
		return
	}
	id, err := uuid.Parse(string(n.ID))
	if err != nil {
		return // formatted from a key, so never
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case version < c.version:
		return
	case version > c.version || c.nodes == nil:
		c.version, c.nodes = version, map[uuid.UUID]*graph.Node{}
	}
	if len(c.nodes) >= maxCachedNodes {
		for old := range c.nodes { // map order is random, so this evicts an arbitrary node
			delete(c.nodes, old)
			break
		}
	}
	c.nodes[id] = clone(n)
}

// clone copies n so that neither the cache nor a caller sees the other's changes; its slices
// are clipped, so that appending to them copies them first.
func clone(n *graph.Node) *graph.Node {
	c := *n
	c.Aliases = slices.Clip(n.Aliases)
	c.Seen = slices.Clip(n.Seen)
	return &c
}

// minCachedEnds is the fewest edge ends a list must have to be kept: shorter lists cost little
// to read again. maxCachedEnds bounds the ends kept over all lists.
const (
	minCachedEnds = 256
	maxCachedEnds = 1 << 20
)

// endsKey names a list of edge ends: a node's edges of one relation (any when empty) in one
// direction.
type endsKey struct {
	node uuid.UUID
	rel  graph.Relation
	dir  graph.Direction
}

// endsCache keeps long lists of edge ends for one version of the store (see nodeCache): the
// events held in a city or involving a busy person, which event filters read again and again.
type endsCache struct {
	mu      sync.Mutex
	version uint64
	lists   map[endsKey][]uuid.UUID
	size    int
}

// get returns the ends of k as of version, if they are kept; callers do not change them.
func (c *endsCache) get(version uint64, k endsKey) ([]uuid.UUID, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if version != c.version {
		return nil, false
	}
	ends, ok := c.lists[k]
	return ends, ok
}

// put keeps the ends of k read at version if there are enough of them, forgetting every list
// of an older version and, when the cache is full, every list.
func (c *endsCache) put(version uint64, k endsKey, ends []uuid.UUID) {
	if len(ends) < minCachedEnds || len(ends) > maxCachedEnds {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case version < c.version:
		return
	case version > c.version || c.lists == nil || c.size+len(ends) > maxCachedEnds:
		c.version, c.lists, c.size = version, map[endsKey][]uuid.UUID{}, 0
	}
	c.lists[k] = ends
	c.size += len(ends)
}
