package server

import (
	"context"
	"math"
	"strings"

	"github.com/kgraph/kg/graph"
)

type searchArgs struct {
	Text  string
	Kinds *[]string
	First int32
}

// Search resolves Query.search.
func (q *queryResolver) Search(ctx context.Context, args searchArgs) ([]*searchHitResolver, error) {
	req, err := q.pageRequest(args.First, nil)
	if err != nil {
		return nil, err
	}
	kinds := nodeKinds
	if args.Kinds != nil && len(*args.Kinds) > 0 {
		kinds = nil
		for _, k := range *args.Kinds {
			kinds = append(kinds, kindOf(k))
		}
	}
	hits, err := q.store.Search(ctx, args.Text, kinds, req.First)
	if err != nil {
		return nil, err
	}
	ids := make([]graph.ID, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	nodes, err := q.store.Nodes(ctx, ids)
	if err != nil {
		return nil, err
	}
	byID := map[graph.ID]node{}
	for _, x := range q.group(nodes) {
		byID[x.n.ID] = x
	}
	var out []*searchHitResolver
	for _, h := range hits {
		if x, ok := byID[h.ID]; ok {
			out = append(out, &searchHitResolver{node: x, hit: h})
		}
	}
	return out, nil
}

// kindOf returns the graph kind of a Kind enum value ("PERSON"); the schema allows no other.
func kindOf(enum string) graph.Kind {
	for _, k := range nodeKinds {
		if kindEnum(k) == enum {
			return k
		}
	}
	return graph.KindUnknown
}

// kindEnum returns the Kind enum value of a graph kind.
func kindEnum(k graph.Kind) string { return strings.ToUpper(k.String()) }

// searchHitResolver resolves SearchHit.
type searchHitResolver struct {
	node
	hit graph.SearchHit
}

// Node resolves SearchHit.node.
func (h *searchHitResolver) Node() *nodeResolver { return newNode(h.node) }

// Kind resolves SearchHit.kind.
func (h *searchHitResolver) Kind() string { return kindEnum(h.n.Kind) }

// Name resolves SearchHit.name.
func (h *searchHitResolver) Name() string { return h.n.Name }

// Score resolves SearchHit.score, to three decimals: finer differences mean nothing.
func (h *searchHitResolver) Score() float64 { return math.Round(h.hit.Score*1000) / 1000 }

// Matched resolves SearchHit.matched: the first of the node's name, acronym and aliases whose
// NameKey is the key that matched.
func (h *searchHitResolver) Matched() string {
	for _, name := range append([]string{h.n.Name, h.n.Acronym}, h.n.Aliases...) {
		if name != "" && graph.NameKey(name) == h.hit.Key {
			return name
		}
	}
	return h.n.Name
}
