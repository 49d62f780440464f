package server

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/kgraph/kg/graph"
)

// Stats resolves Query.stats.
func (q *queryResolver) Stats(ctx context.Context) (*statsResolver, error) {
	st, err := q.store.Stats(ctx)
	if err != nil {
		return nil, err
	}
	return &statsResolver{q: q, st: st}, nil
}

// statsResolver resolves Stats: the store's counts, and aggregates of events.
type statsResolver struct {
	q  *queryResolver
	st graph.Stats
}

// Documents resolves Stats.documents.
func (s *statsResolver) Documents() int32 { return int32(s.st.Nodes[graph.KindDocument]) }

// People resolves Stats.people.
func (s *statsResolver) People() int32 { return int32(s.st.Nodes[graph.KindPerson]) }

// Organizations resolves Stats.organizations.
func (s *statsResolver) Organizations() int32 { return int32(s.st.Nodes[graph.KindOrganization]) }

// Events resolves Stats.events.
func (s *statsResolver) Events() int32 { return int32(s.st.Nodes[graph.KindEvent]) }

// Places resolves Stats.places.
func (s *statsResolver) Places() int32 { return int32(s.st.Nodes[graph.KindPlace]) }

// Facts resolves Stats.facts: the distinct edges.
func (s *statsResolver) Facts() int32 { return int32(s.st.Edges) }

// The EventKey values.
const (
	keyCity         = "CITY"
	keyCountry      = "COUNTRY"
	keyYear         = "YEAR"
	keyMonth        = "MONTH"
	keyType         = "TYPE"
	keyOrganization = "ORGANIZATION"
)

type eventsByArgs struct {
	Key    string
	Filter *eventFilter
	First  int32
}

// EventsBy resolves Stats.eventsBy. The events' own fields give YEAR, MONTH and TYPE; the
// others take one batched read of edge ends per relation for all the events. Buckets are kept
// until the store changes (aggregateCache).
func (s *statsResolver) EventsBy(ctx context.Context, args eventsByArgs) ([]*bucketResolver, error) {
	q := s.q
	req, err := q.pageRequest(args.First, nil)
	if err != nil {
		return nil, err
	}
	f := args.Filter.graphFilter("")
	buckets, err := aggregateOf(ctx, q.aggregates, q.store, fmt.Sprintf("eventsBy %s %+v", args.Key, f), func(ctx context.Context) ([]bucket, error) {
		return q.eventBuckets(ctx, args.Key, f)
	})
	if err != nil {
		return nil, err
	}
	return q.showBuckets(buckets, req.First), nil
}

// eventBuckets counts the events that f selects by key, in the order eventsBy lists them, at
// most maxPageSize of them for keys that are nodes. Only TYPE reads the events themselves.
func (q *queryResolver) eventBuckets(ctx context.Context, key string, f graph.EventFilter) ([]bucket, error) {
	starts, err := q.store.EventStarts(ctx, f)
	if err != nil {
		return nil, err
	}
	events := make([]graph.ID, len(starts))
	for i, e := range starts {
		events[i] = e.ID
	}
	var t tally
	switch key {
	case keyYear, keyMonth:
		for _, e := range starts {
			if key == keyYear {
				t.add(e.ID, string(e.Start[:min(len(e.Start), 4)]), "")
			} else if len(e.Start) >= len("2006-01") {
				t.add(e.ID, string(e.Start[:7]), "")
			}
		}
		buckets := t.buckets()
		slices.SortFunc(buckets, func(a, b bucket) int { return cmp.Compare(a.key, b.key) })
		return buckets, nil
	case keyType:
		nodes, err := q.store.Nodes(ctx, events)
		if err != nil {
			return nil, err
		}
		for _, e := range nodes {
			if e != nil {
				t.add(e.ID, string(cmp.Or(e.EventType, graph.EventOther)), "")
			}
		}
		return t.buckets(), nil
	case keyCity:
		err = q.tallyEnds(ctx, &t, events, graph.RelHeldIn)
	case keyCountry:
		err = q.tallyCountries(ctx, &t, events)
	case keyOrganization:
		err = q.tallyEnds(ctx, &t, events, graph.RelOrganizedBy, graph.RelParticipantOrg, graph.RelChairedBy)
	}
	if err != nil {
		return nil, err
	}
	kind := map[string]graph.Kind{keyCity: graph.KindPlace, keyCountry: graph.KindCountry, keyOrganization: graph.KindOrganization}[key]
	return q.nodeBuckets(ctx, t.buckets(), kind, q.maxPageSize)
}

type topPeopleArgs struct {
	By     string
	Filter *eventFilter
	First  int32
}

// TopPeople resolves Stats.topPeople. Its buckets are kept until the store changes.
func (s *statsResolver) TopPeople(ctx context.Context, args topPeopleArgs) ([]*bucketResolver, error) {
	q := s.q
	req, err := q.pageRequest(args.First, nil)
	if err != nil {
		return nil, err
	}
	f := args.Filter.graphFilter("")
	buckets, err := aggregateOf(ctx, q.aggregates, q.store, fmt.Sprintf("topPeople %s %+v", args.By, f), func(ctx context.Context) ([]bucket, error) {
		events, err := q.store.EventStarts(ctx, f)
		if err != nil {
			return nil, err
		}
		return q.rankPeople(ctx, events, args.By == "CHAIRED", "", q.maxPageSize)
	})
	if err != nil {
		return nil, err
	}
	return q.showBuckets(buckets, req.First), nil
}

// rankPeople returns the first people who took part in (unless chairedOnly) or chaired the
// events, by the number of those events, leaving out the person except.
func (q *queryResolver) rankPeople(ctx context.Context, starts []graph.EventStart, chairedOnly bool, except graph.ID, first int) ([]bucket, error) {
	events := make([]graph.ID, len(starts))
	for i, e := range starts {
		events[i] = e.ID
	}
	rels := []graph.Relation{graph.RelParticipant, graph.RelChairedBy}
	if chairedOnly {
		rels = rels[1:]
	}
	var t tally
	if err := q.tallyEnds(ctx, &t, events, rels...); err != nil {
		return nil, err
	}
	buckets := slices.DeleteFunc(t.buckets(), func(b bucket) bool { return b.node == except })
	return q.nodeBuckets(ctx, buckets, graph.KindPerson, first)
}

// tallyEnds counts, for each node at the other end of the events' edges of the relations, the
// events that lead to it, each event once per node.
func (q *queryResolver) tallyEnds(ctx context.Context, t *tally, ids []graph.ID, rels ...graph.Relation) error {
	for _, rel := range rels {
		ends, err := q.store.Neighbours(ctx, ids, rel, graph.Out)
		if err != nil {
			return err
		}
		for i, es := range ends {
			for _, end := range es {
				t.add(ids[i], "", end)
			}
		}
	}
	return nil
}

// tallyCountries counts the events by country: the country the event names, else its city's.
func (q *queryResolver) tallyCountries(ctx context.Context, t *tally, ids []graph.ID) error {
	countries, err := q.store.Neighbours(ctx, ids, graph.RelInCountry, graph.Out)
	if err != nil {
		return err
	}
	cities, err := q.store.Neighbours(ctx, ids, graph.RelHeldIn, graph.Out)
	if err != nil {
		return err
	}
	var cityIDs []graph.ID
	for i, es := range cities {
		if len(countries[i]) == 0 && len(es) > 0 {
			cityIDs = append(cityIDs, es[0])
		}
	}
	located, err := q.store.Neighbours(ctx, cityIDs, graph.RelLocatedIn, graph.Out)
	if err != nil {
		return err
	}
	countryOfCity := map[graph.ID][]graph.ID{}
	for i, city := range cityIDs {
		countryOfCity[city] = located[i]
	}
	for i, es := range countries {
		if len(es) == 0 && len(cities[i]) > 0 {
			es = countryOfCity[cities[i][0]]
		}
		for _, end := range es {
			t.add(ids[i], "", end)
		}
	}
	return nil
}

// nodeBuckets names the buckets, keyed by node and largest first, after their nodes, keeps
// those of the kind, and returns the first of them, largest first, ties by name. It reads the
// nodes in order of count, and stops once no bucket left can be among the first: a tally of
// every event has thousands of buckets, and a node is dear to read.
func (q *queryResolver) nodeBuckets(ctx context.Context, buckets []bucket, kind graph.Kind, first int) ([]bucket, error) {
	var kept []bucket
	for start := 0; start < len(buckets) && len(kept) < first; {
		end := min(start+first, len(buckets))
		for end < len(buckets) && buckets[end].count == buckets[end-1].count {
			end++ // a tie may be named ahead of the buckets read
		}
		ids := make([]graph.ID, end-start)
		for i, b := range buckets[start:end] {
			ids[i] = b.node
		}
		nodes, err := q.store.Nodes(ctx, ids)
		if err != nil {
			return nil, err
		}
		for i, x := range nodes {
			if x != nil && x.Kind == kind {
				b := buckets[start+i]
				b.key, b.n = x.Name, x
				kept = append(kept, b)
			}
		}
		start = end
	}
	slices.SortStableFunc(kept, func(a, b bucket) int { return cmp.Or(b.count-a.count, cmp.Compare(a.key, b.key)) })
	return kept[:min(first, len(kept))], nil
}

// showBuckets returns resolvers of the first buckets; their nodes are siblings, for their fields.
func (q *queryResolver) showBuckets(buckets []bucket, first int) []*bucketResolver {
	shown := buckets[:min(first, len(buckets))]
	out := q.bucketResolvers(shown)
	var nodes []*graph.Node
	var at []int
	for i, b := range shown {
		if b.n != nil {
			nodes, at = append(nodes, b.n), append(at, i)
		}
	}
	for i, x := range q.group(nodes) {
		out[at[i]].node = x
	}
	return out
}

// tally counts events by a key or a node, each event at most once per bucket.
type tally struct {
	order   []bucket // in order of first appearance
	at      map[bucketKey]int
	counted map[countedEvent]bool
}

// bucketKey is what a bucket groups by: a text key, or a node.
type bucketKey struct {
	key  string
	node graph.ID
}

type countedEvent struct {
	event graph.ID
	bucketKey
}

// bucket is one group of a count; n is its node once read.
type bucket struct {
	bucketKey
	count int
	n     *graph.Node
}

// add counts event in the bucket of key or node, unless both are empty or it is counted.
func (t *tally) add(event graph.ID, key string, node graph.ID) {
	k := bucketKey{key, node}
	if k == (bucketKey{}) || t.counted[countedEvent{event, k}] {
		return
	}
	if t.at == nil {
		t.at, t.counted = map[bucketKey]int{}, map[countedEvent]bool{}
	}
	t.counted[countedEvent{event, k}] = true
	i, ok := t.at[k]
	if !ok {
		i = len(t.order)
		t.at[k] = i
		t.order = append(t.order, bucket{bucketKey: k})
	}
	t.order[i].count++
}

// buckets returns the buckets, largest first, ties in order of first appearance.
func (t *tally) buckets() []bucket {
	out := slices.Clone(t.order)
	slices.SortStableFunc(out, func(a, b bucket) int { return b.count - a.count })
	return out
}

func (q *queryResolver) bucketResolvers(buckets []bucket) []*bucketResolver {
	out := make([]*bucketResolver, len(buckets))
	for i, b := range buckets {
		out[i] = &bucketResolver{q: q, b: b}
	}
	return out
}

// bucketResolver resolves Bucket.
type bucketResolver struct {
	q    *queryResolver
	b    bucket
	node node // the bucket's node, if any, with its siblings
}

// Key resolves Bucket.key.
func (b *bucketResolver) Key() string { return b.b.key }

// Node resolves Bucket.node: null for buckets keyed by text.
func (b *bucketResolver) Node() *nodeResolver {
	if b.node.n == nil {
		return nil
	}
	return newNode(b.node)
}

// Count resolves Bucket.count.
func (b *bucketResolver) Count() int32 { return int32(b.b.count) }
