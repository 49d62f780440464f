package server

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	graphql "github.com/graph-gophers/graphql-go"

	"github.com/kgraph/kg/graph"
)

// node is what every object resolver wraps: a node read from the store, the root resolver
// that holds the store and the limits, and the siblings the node was read with, whose fields
// are read together (batch.go); nil for a node read alone.
//
// Resolvers pass the store's errors on as they are: the store already names the operation and
// the node, and the error's path in the response names the field.
type node struct {
	q   *queryResolver
	n   *graph.Node
	sib *siblings
}

// ID resolves the id field of every Node type.
func (x node) ID() graphql.ID { return graphql.ID(x.n.ID) }

// neighbours returns the nodes of the given kinds at the other end of x's edges of relation rel
// in direction dir, in the store's edge order, reading them for all of x's siblings at once.
func (x node) neighbours(ctx context.Context, rel graph.Relation, dir graph.Direction, kinds ...graph.Kind) ([]node, error) {
	sib := x.siblingsOf()
	eq := edgeQuery{rel, dir}
	endIDs, err := sib.endIDsOf(ctx, x.q.store, eq)
	if err != nil {
		return nil, err
	}
	ends, group, err := sib.endsOf(ctx, x.q, eq)
	if err != nil {
		return nil, err
	}
	var out []node
	for _, id := range endIDs[x.n.ID] {
		if n := ends[id]; n != nil && slices.Contains(kinds, n.Kind) {
			out = append(out, node{q: x.q, n: n, sib: group})
		}
	}
	return out, nil
}

// evidence returns the evidence of x's outgoing edges of the given relations, each sentence
// once, at most limit of them (all when limit < 0), read for all of x's siblings at once.
func (x node) evidence(ctx context.Context, limit int, rels ...graph.Relation) ([]*evidenceResolver, error) {
	evidence, docs, err := x.siblingsOf().evidenceOf(ctx, x.q, rels, limit)
	if err != nil {
		return nil, err
	}
	return x.q.evidenceResolvers(evidence[x.n.ID], docs), nil
}

// uniqueEvidence joins lists of evidence, keeping each sentence of a document once, in order.
func uniqueEvidence(lists ...[]graph.Evidence) []graph.Evidence {
	var out []graph.Evidence
	seen := make(map[graph.Evidence]bool)
	for _, evs := range lists {
		for _, ev := range evs {
			if !seen[ev] {
				seen[ev] = true
				out = append(out, ev)
			}
		}
	}
	return out
}

// events resolves the events field of the types that events involve.
func (x node) events(ctx context.Context, args eventsArgs) (*connection[*eventResolver], error) {
	return x.q.findEvents(ctx, eventsQueryArgs{Filter: args.Filter, OrderBy: orderStartDesc, First: args.First, After: args.After}, x.n.ID)
}

// nodes reads the nodes with the given IDs in one call, keeping those of the given kinds, as
// siblings.
func (q *queryResolver) nodes(ctx context.Context, ids []graph.ID, kinds ...graph.Kind) ([]node, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	ns, err := q.store.Nodes(ctx, ids)
	if err != nil {
		return nil, err
	}
	ns = slices.DeleteFunc(ns, func(n *graph.Node) bool { return n == nil || !slices.Contains(kinds, n.Kind) })
	return q.group(ns), nil
}

// byID returns the node with the ID if it has one of the kinds, as a list of at most one node
// so that it composes with one; an unknown ID gives the empty list.
func (q *queryResolver) byID(ctx context.Context, id graphql.ID, kinds ...graph.Kind) ([]node, error) {
	n, err := q.store.Node(ctx, graph.ID(id))
	if errors.Is(err, graph.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if !slices.Contains(kinds, n.Kind) {
		return nil, nil
	}
	return []node{{q: q, n: n}}, nil
}

// lookupArgs are the arguments of the fields that find one node by ID or by name.
type lookupArgs struct {
	ID   *graphql.ID
	Name *string
}

// find returns the node of a kind that args name, by ID or else by name, as a list of at most
// one node.
func (q *queryResolver) find(ctx context.Context, kind graph.Kind, args lookupArgs) ([]node, error) {
	switch {
	case args.ID != nil:
		return q.byID(ctx, *args.ID, kind)
	case args.Name != nil:
		return q.byName(ctx, kind, *args.Name)
	}
	return nil, fmt.Errorf("%w: give an id or a name", graph.ErrInvalid)
}

// byName returns the node of a kind that best matches name, as a list of at most one node. It
// asks the name index first and falls back to the store's name filter; among several matches
// it prefers the canonical name spelled the same, then the same canonical name by key, then an
// alias or acronym, and breaks ties by ID so that the answer is stable.
func (q *queryResolver) byName(ctx context.Context, kind graph.Kind, name string) ([]node, error) {
	ids, err := q.store.Lookup(ctx, kind, name)
	if err != nil {
		return nil, err
	}
	var found []node
	if len(ids) > 0 {
		if found, err = q.nodes(ctx, ids, kind); err != nil {
			return nil, err
		}
	} else {
		page, err := q.store.FindNodes(ctx, graph.NodeFilter{Kind: kind, Name: name}, graph.PageRequest{First: q.maxPageSize})
		if err != nil {
			return nil, err
		}
		found = q.group(page.Nodes)
	}
	if len(found) == 0 {
		return nil, nil
	}
	best := slices.MinFunc(found, func(a, b node) int {
		if ra, rb := nameRank(a.n, name), nameRank(b.n, name); ra != rb {
			return ra - rb
		}
		return cmp.Compare(a.n.ID, b.n.ID)
	})
	return []node{best}, nil
}

// nameRank says how well a node's names match a looked-up name; lower is better.
func nameRank(n *graph.Node, name string) int {
	key := graph.NameKey(name)
	switch {
	case graph.Fold(n.Name) == graph.Fold(name):
		return 0
	case graph.NameKey(n.Name) == key:
		return 1
	case n.Acronym != "" && graph.NameKey(n.Acronym) == key,
		slices.ContainsFunc(n.Aliases, func(a string) bool { return graph.NameKey(a) == key }):
		return 2
	}
	return 3
}

// all returns a function that wraps a list of nodes in resolvers of one type; the curried form
// lets a field method pass a (nodes, error) result straight through.
func all[T any](wrap func(node) T) func([]node, error) ([]T, error) {
	return func(ns []node, err error) ([]T, error) {
		if err != nil {
			return nil, err
		}
		out := make([]T, len(ns))
		for i, n := range ns {
			out[i] = wrap(n)
		}
		return out, nil
	}
}

// one returns a function that wraps the first node of a list, or gives nil, which a nullable
// field shows as null, for the empty list.
func one[T any](wrap func(node) *T) func([]node, error) (*T, error) {
	return func(ns []node, err error) (*T, error) {
		if err != nil || len(ns) == 0 {
			return nil, err
		}
		return wrap(ns[0]), nil
	}
}

// required is one for non-null fields: a missing node is a fault of the data.
func required[T any](wrap func(node) *T, what string) func([]node, error) (*T, error) {
	return func(ns []node, err error) (*T, error) {
		if err == nil && len(ns) == 0 {
			return nil, fmt.Errorf("no %s", what)
		}
		return one(wrap)(ns, err)
	}
}

// pageRequest checks the page arguments of a list field against the page size cap.
func (q *queryResolver) pageRequest(first int32, after *string) (graph.PageRequest, error) {
	if first < 0 || int(first) > q.maxPageSize {
		return graph.PageRequest{}, fmt.Errorf("%w: first must be between 0 and %d, got %d", graph.ErrInvalid, q.maxPageSize, first)
	}
	return graph.PageRequest{First: int(first), After: value(after)}, nil
}

// value returns what p points to, or the zero value for nil: an absent argument.
func value[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}

// optional returns nil for the zero value, so a nullable field shows null rather than "".
func optional[T comparable](v T) *T {
	var zero T
	if v == zero {
		return nil
	}
	return &v
}
