package server

import (
	"context"
	"fmt"
	"sync"

	"github.com/kgraph/kg/graph"
)

// siblings are the nodes of one page or list. The resolvers of any of them read what a field
// needs for all of them at once, the first time one asks: the other ends of a relation's edges,
// their nodes, the documents of their evidence. A page of 100 events then costs one edge
// read and one node read per field, not 100 of each; the nodes at the other ends are siblings in
// turn, so nested fields batch the same way. Siblings live as long as the request's resolvers.
type siblings struct {
	ids   []graph.ID
	mu    sync.Mutex
	edges map[edgeQuery]*edgeLoad
	docs  map[string]*docLoad
}

// edgeQuery names the edges a field reads: one relation in one direction.
type edgeQuery struct {
	rel graph.Relation
	dir graph.Direction
}

// edgeLoad is the other ends of the edges of one edgeQuery for every sibling, and their nodes.
type edgeLoad struct {
	idsOnce sync.Once
	ids     map[graph.ID][]graph.ID
	idsErr  error

	endsOnce sync.Once
	ends     map[graph.ID]*graph.Node
	endGroup *siblings
	endsErr  error
}

// docLoad is the evidence that one field shows for every sibling, and its documents.
type docLoad struct {
	once     sync.Once
	evidence map[graph.ID][]graph.Evidence
	docs     map[graph.ID]*graph.Node
	err      error
}

// group wraps nodes read together as siblings of one another, dropping nil ones.
func (q *queryResolver) group(ns []*graph.Node) []node {
	sib := &siblings{}
	out := make([]node, 0, len(ns))
	for _, n := range ns {
		if n != nil {
			sib.ids = append(sib.ids, n.ID)
			out = append(out, node{q: q, n: n, sib: sib})
		}
	}
	return out
}

// siblingsOf returns x's siblings, or a group of x alone.
func (x node) siblingsOf() *siblings {
	if x.sib != nil {
		return x.sib
	}
	return &siblings{ids: []graph.ID{x.n.ID}}
}

func (s *siblings) load(eq edgeQuery) *edgeLoad {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.edges == nil {
		s.edges = map[edgeQuery]*edgeLoad{}
	}
	l := s.edges[eq]
	if l == nil {
		l = &edgeLoad{}
		s.edges[eq] = l
	}
	return l
}

// endIDsOf returns the IDs at the other ends of the edges of eq of every sibling, by sibling,
// read in one call.
func (s *siblings) endIDsOf(ctx context.Context, st graph.Store, eq edgeQuery) (map[graph.ID][]graph.ID, error) {
	l := s.load(eq)
	l.idsOnce.Do(func() {
		ends, err := st.Neighbours(ctx, s.ids, eq.rel, eq.dir)
		if err != nil {
			l.idsErr = err
			return
		}
		l.ids = make(map[graph.ID][]graph.ID, len(s.ids))
		for i, id := range s.ids {
			l.ids[id] = ends[i]
		}
	})
	return l.ids, l.idsErr
}

// endsOf returns the nodes at the other ends of the edges of eq of every sibling, read in one
// call, by ID, and the group they form as siblings of one another.
func (s *siblings) endsOf(ctx context.Context, q *queryResolver, eq edgeQuery) (map[graph.ID]*graph.Node, *siblings, error) {
	endIDs, err := s.endIDsOf(ctx, q.store, eq)
	if err != nil {
		return nil, nil, err
	}
	l := s.load(eq)
	l.endsOnce.Do(func() {
		var ids []graph.ID
		seen := map[graph.ID]bool{}
		for _, id := range s.ids {
			for _, end := range endIDs[id] {
				if !seen[end] {
					seen[end] = true
					ids = append(ids, end)
				}
			}
		}
		if len(ids) == 0 {
			return
		}
		nodes, err := q.store.Nodes(ctx, ids)
		if err != nil {
			l.endsErr = err
			return
		}
		l.ends = make(map[graph.ID]*graph.Node, len(ids))
		for _, x := range q.group(nodes) {
			l.ends[x.n.ID], l.endGroup = x.n, x.sib
		}
	})
	return l.ends, l.endGroup, l.endsErr
}

// evidenceOf returns the evidence of each sibling's outgoing edges of the relations, each
// sentence once and at most limit of them (all when limit < 0), with the documents of all of
// it read in one call.
func (s *siblings) evidenceOf(ctx context.Context, q *queryResolver, rels []graph.Relation, limit int) (map[graph.ID][]graph.Evidence, map[graph.ID]*graph.Node, error) {
	s.mu.Lock()
	key := fmt.Sprint(rels, limit)
	if s.docs == nil {
		s.docs = map[string]*docLoad{}
	}
	l := s.docs[key]
	if l == nil {
		l = &docLoad{}
		s.docs[key] = l
	}
	s.mu.Unlock()
	l.once.Do(func() { l.evidence, l.docs, l.err = s.readEvidence(ctx, q, rels, limit) })
	return l.evidence, l.docs, l.err
}

func (s *siblings) readEvidence(ctx context.Context, q *queryResolver, rels []graph.Relation, limit int) (map[graph.ID][]graph.Evidence, map[graph.ID]*graph.Node, error) {
	evidence := make(map[graph.ID][]graph.Evidence, len(s.ids))
	for _, rel := range rels {
		edges, err := q.store.EdgesOf(ctx, s.ids, rel, graph.Out)
		if err != nil {
			return nil, nil, err
		}
		for i, id := range s.ids {
			for _, e := range edges[i] {
				evidence[id] = append(evidence[id], e.Evidence...)
			}
		}
	}
	var ids []graph.ID
	seen := map[graph.ID]bool{}
	for _, id := range s.ids {
		evs := uniqueEvidence(evidence[id])
		if limit >= 0 {
			evs = evs[:min(limit, len(evs))]
		}
		evidence[id] = evs
		for _, ev := range evs {
			if !seen[ev.Document] {
				seen[ev.Document] = true
				ids = append(ids, ev.Document)
			}
		}
	}
	docs := map[graph.ID]*graph.Node{}
	if len(ids) == 0 {
		return evidence, docs, nil
	}
	nodes, err := q.store.Nodes(ctx, ids)
	if err != nil {
		return nil, nil, err
	}
	for _, d := range nodes {
		if d != nil && d.Kind == graph.KindDocument {
			docs[d.ID] = d
		}
	}
	return evidence, docs, nil
}
