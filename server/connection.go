package server

import (
	"fmt"

	"github.com/kgraph/kg/graph"
)

// connection resolves every XConnection type of the schema: one page of a listing, with the
// store's opaque cursors passed through unchanged.
type connection[T any] struct {
	edges []*edge[T]
	page  graph.Page
}

// connect returns a function that turns a page of the store into a connection of resolvers of
// one type; the curried form lets a field pass a (page, error) result straight through.
func connect[T any](q *queryResolver, wrap func(node) T) func(graph.Page, error) (*connection[T], error) {
	return func(p graph.Page, err error) (*connection[T], error) {
		if err != nil {
			return nil, err
		}
		nodes := q.group(p.Nodes)
		if len(nodes) != len(p.Cursors) {
			return nil, fmt.Errorf("page of %d cursors holds %d nodes", len(p.Cursors), len(nodes))
		}
		c := &connection[T]{edges: make([]*edge[T], len(nodes)), page: p}
		for i, x := range nodes {
			c.edges[i] = &edge[T]{cursor: p.Cursors[i], node: wrap(x)}
		}
		return c, nil
	}
}

// Edges resolves the edges of the page.
func (c *connection[T]) Edges() []*edge[T] { return c.edges }

// PageInfo resolves where the page ends.
func (c *connection[T]) PageInfo() *pageInfo { return &pageInfo{c.page} }

// TotalCount resolves the number of matches over all pages.
func (c *connection[T]) TotalCount() int32 { return int32(c.page.Total) }

// edge resolves the XEdge types: one node and the cursor that continues after it.
type edge[T any] struct {
	cursor string
	node   T
}

// Cursor resolves the cursor to pass as after to continue behind this node.
func (e *edge[T]) Cursor() string { return e.cursor }

// Node resolves the node.
func (e *edge[T]) Node() T { return e.node }

// pageInfo resolves PageInfo.
type pageInfo struct{ page graph.Page }

// HasNextPage resolves whether more nodes follow the page.
func (p *pageInfo) HasNextPage() bool { return p.page.HasNext }

// EndCursor resolves the cursor of the page's last node, null for an empty page.
func (p *pageInfo) EndCursor() *string {
	if len(p.page.Cursors) == 0 {
		return nil
	}
	return &p.page.Cursors[len(p.page.Cursors)-1]
}
