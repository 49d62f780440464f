package server

import (
	"context"
	"fmt"
	"slices"

	"github.com/kgraph/kg/graph"
)

type holdersArgs struct {
	Post         string
	Organization *string
	At           *date
}

// Holders resolves Query.holders: the terms of the posts with the title, inferred per post by
// graph.Terms, in order of their start across posts, those covering At if it is given. The
// terms are kept until the store changes (aggregateCache): they read every tenure of the posts.
func (q *queryResolver) Holders(ctx context.Context, args holdersArgs) ([]*tenureResolver, error) {
	org := value(args.Organization)
	terms, err := aggregateOf(ctx, q.aggregates, q.store, fmt.Sprintf("holders %q %q", args.Post, org), func(ctx context.Context) ([]graph.Term, error) {
		return q.terms(ctx, args.Post, org)
	})
	if err != nil {
		return nil, err
	}
	var shown []*graph.Node
	for _, t := range terms {
		if args.At == nil || t.Covers(graph.Date(*args.At)) {
			shown = append(shown, t.Tenure)
		}
	}
	// The tenures shown are siblings, so that their fields read only what they show.
	return all(newTenure)(q.group(shown), nil)
}

// terms returns the terms of the posts with the title, of the organisation unless org is empty,
// in order of their start across posts. Posts whose title is the title by NameKey are preferred
// to those whose title only contains its words, so that "Secretary General" does not bring in
// the Deputy Secretary General.
func (q *queryResolver) terms(ctx context.Context, title, org string) ([]graph.Term, error) {
	posts, err := q.everyNode(ctx, graph.NodeFilter{Kind: graph.KindPost, Post: title, Organization: org})
	if err != nil {
		return nil, err
	}
	key := graph.NameKey(title)
	exact := slices.DeleteFunc(slices.Clone(posts), func(p node) bool {
		return !slices.ContainsFunc(append([]string{p.n.Name}, p.n.Aliases...), func(n string) bool { return graph.NameKey(n) == key })
	})
	if len(exact) > 0 {
		posts = exact
	}
	ids := make([]graph.ID, len(posts))
	for i, p := range posts {
		ids[i] = p.n.ID
	}
	ofPosts, err := q.store.Neighbours(ctx, ids, graph.RelTenurePost, graph.In)
	if err != nil {
		return nil, err
	}
	var tenureIDs []graph.ID
	for _, ts := range ofPosts {
		tenureIDs = append(tenureIDs, ts...)
	}
	tenures, err := q.nodes(ctx, tenureIDs, graph.KindTenure)
	if err != nil {
		return nil, err
	}
	byID := map[graph.ID]node{}
	for _, t := range tenures {
		byID[t.n.ID] = t
	}
	var terms []graph.Term
	for _, ts := range ofPosts {
		var ofPost []*graph.Node
		for _, id := range ts {
			if t, ok := byID[id]; ok {
				ofPost = append(ofPost, t.n)
			}
		}
		terms = append(terms, graph.Terms(ofPost)...)
	}
	slices.SortStableFunc(terms, graph.Term.Compare)
	return terms, nil
}
