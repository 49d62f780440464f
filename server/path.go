package server

import (
	"context"
	"fmt"
	"slices"

	graphql "github.com/graph-gophers/graphql-go"

	"github.com/kgraph/kg/graph"
)

// maxPathHops bounds the maxHops argument of Query.path.
const maxPathHops = 6

// The relations of the hops that stand for a tenure: a person holds a post.
const (
	relHolds    = "holds"
	inverseMark = "~"
)

type pathArgs struct {
	From, To graphql.ID
	MaxHops  int32
}

// Path resolves Query.path by a breadth-first search from one end, which finds a shortest
// path. Each level reads the edges of the whole frontier in both directions with two batched
// reads (and two more for the tenures it meets), so a search costs a few reads per hop, not per
// node. Mentions are not followed: that two people appear in one document is no connection.
func (q *queryResolver) Path(ctx context.Context, args pathArgs) (*pathResolver, error) {
	if args.MaxHops < 0 || args.MaxHops > maxPathHops {
		return nil, fmt.Errorf("%w: maxHops must be between 0 and %d, got %d", graph.ErrInvalid, maxPathHops, args.MaxHops)
	}
	from, to := graph.ID(args.From), graph.ID(args.To)
	ends, err := q.store.Nodes(ctx, []graph.ID{from, to})
	if err != nil {
		return nil, err
	}
	for _, n := range ends {
		if n == nil || !slices.Contains(nodeKinds, n.Kind) {
			return nil, nil
		}
	}
	reached := map[graph.ID]pathHop{from: {}}
	frontier := []graph.ID{from}
	for hop := 0; hop < int(args.MaxHops) && from != to && len(frontier) > 0; hop++ {
		steps, err := q.steps(ctx, frontier)
		if err != nil {
			return nil, err
		}
		frontier = nil
		for _, s := range steps {
			if _, ok := reached[s.to]; ok {
				continue
			}
			if len(reached) >= q.maxPathNodes {
				return nil, &apiError{code: codeCostLimit, message: fmt.Sprintf("the search for a path reached %d nodes without finding one; ask for fewer hops", q.maxPathNodes)}
			}
			reached[s.to] = s
			frontier = append(frontier, s.to)
			if s.to == to {
				return q.pathTo(ctx, reached, from, to)
			}
		}
	}
	if from == to {
		return &pathResolver{}, nil
	}
	return nil, nil
}

// pathHop is one step of a path being searched for.
type pathHop struct {
	from, to graph.ID
	relation string
	evidence []graph.Evidence
}

// steps returns the steps from the nodes of frontier along their edges in both directions,
// in frontier order, then the store's edge order. A holder edge leads through its tenure to the
// post, and a tenure-post edge through its tenure to the holder, as one step.
func (q *queryResolver) steps(ctx context.Context, frontier []graph.ID) ([]pathHop, error) {
	out, err := q.store.EdgesOf(ctx, frontier, "", graph.Out)
	if err != nil {
		return nil, err
	}
	in, err := q.store.EdgesOf(ctx, frontier, "", graph.In)
	if err != nil {
		return nil, err
	}
	// The tenures met, and the edge from each to the other end of the tenure.
	var holderOf, postOf []graph.ID // tenures reached from a post, from a person
	for _, es := range in {
		for _, e := range es {
			switch e.Relation {
			case graph.RelHolder:
				postOf = append(postOf, e.From)
			case graph.RelTenurePost:
				holderOf = append(holderOf, e.From)
			}
		}
	}
	posts, err := q.tenureEnds(ctx, postOf, graph.RelTenurePost)
	if err != nil {
		return nil, err
	}
	holders, err := q.tenureEnds(ctx, holderOf, graph.RelHolder)
	if err != nil {
		return nil, err
	}
	var steps []pathHop
	for i, x := range frontier {
		for _, e := range out[i] {
			if e.Relation != graph.RelMentionedIn {
				steps = append(steps, pathHop{from: x, to: e.To, relation: string(e.Relation), evidence: e.Evidence})
			}
		}
		for _, e := range in[i] {
			switch e.Relation {
			case graph.RelMentionedIn:
			case graph.RelHolder: // x holds the post of the tenure e.From
				for _, p := range posts[e.From] {
					steps = append(steps, pathHop{from: x, to: p.To, relation: relHolds, evidence: uniqueEvidence(e.Evidence, p.Evidence)})
				}
			case graph.RelTenurePost: // the post x is held by the holder of the tenure e.From
				for _, h := range holders[e.From] {
					steps = append(steps, pathHop{from: x, to: h.To, relation: inverseMark + relHolds, evidence: uniqueEvidence(h.Evidence, e.Evidence)})
				}
			default:
				steps = append(steps, pathHop{from: x, to: e.From, relation: inverseMark + string(e.Relation), evidence: e.Evidence})
			}
		}
	}
	return steps, nil
}

// tenureEnds returns the edges of relation rel leaving each tenure, by tenure.
func (q *queryResolver) tenureEnds(ctx context.Context, tenures []graph.ID, rel graph.Relation) (map[graph.ID][]graph.Edge, error) {
	edges, err := q.store.EdgesOf(ctx, tenures, rel, graph.Out)
	if err != nil {
		return nil, err
	}
	ends := make(map[graph.ID][]graph.Edge, len(tenures))
	for i, t := range tenures {
		ends[t] = edges[i]
	}
	return ends, nil
}

// pathTo follows the steps back from to and reads the nodes of the path in one call.
func (q *queryResolver) pathTo(ctx context.Context, reached map[graph.ID]pathHop, from, to graph.ID) (*pathResolver, error) {
	var hops []pathHop
	for at := to; at != from; at = reached[at].from {
		hops = append([]pathHop{reached[at]}, hops...)
	}
	ids := []graph.ID{from}
	for _, h := range hops {
		ids = append(ids, h.to)
	}
	nodes, err := q.store.Nodes(ctx, ids)
	if err != nil {
		return nil, err
	}
	p := &pathResolver{}
	for i, h := range hops {
		if nodes[i] == nil || nodes[i+1] == nil {
			return nil, fmt.Errorf("path: node of edge %s %s %s is missing", h.from, h.relation, h.to)
		}
		p.hops = append(p.hops, &hopResolver{q: q, from: nodes[i], to: nodes[i+1], relation: h.relation, evidence: h.evidence})
	}
	return p, nil
}

// pathResolver resolves Path.
type pathResolver struct{ hops []*hopResolver }

// Hops resolves Path.hops.
func (p *pathResolver) Hops() []*hopResolver { return p.hops }

// hopResolver resolves Hop.
type hopResolver struct {
	q        *queryResolver
	from, to *graph.Node
	relation string
	evidence []graph.Evidence
}

// From resolves Hop.from.
func (h *hopResolver) From() *nodeResolver { return newNode(node{q: h.q, n: h.from}) }

// Relation resolves Hop.relation.
func (h *hopResolver) Relation() string { return h.relation }

// To resolves Hop.to.
func (h *hopResolver) To() *nodeResolver { return newNode(node{q: h.q, n: h.to}) }

// Evidence resolves Hop.evidence.
func (h *hopResolver) Evidence(ctx context.Context) ([]*evidenceResolver, error) {
	return h.q.evidence(ctx, h.evidence)
}
