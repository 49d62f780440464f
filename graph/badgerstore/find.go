package badgerstore

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/uuid"

	"github.com/kgraph/kg/graph"
)

// FindNodes returns a page of the nodes of kind f.Kind that match f, ordered by ID; the cursor
// holds the last node's ID. A name in a filter matches a node when its NameKey's words occur,
// whole and in order, among the NameKey's words of the node's name, an alias or its acronym:
// "Masadykov" and "Talatbek Masadykov" find "Talatbek Masadykov"; "Masad" and "Masadykov
// Talatbek" do not. Post and Organization apply to people and posts, PlaceKind and Country to
// places.
func (s *Store) FindNodes(ctx context.Context, f graph.NodeFilter, p graph.PageRequest) (graph.Page, error) {
	if !slices.Contains(graph.Kinds, f.Kind) {
		return graph.Page{}, fmt.Errorf("find nodes: %w: kind %d", graph.ErrInvalid, f.Kind)
	}
	after, err := decodeCursor(p)
	var last uuid.UUID
	if err == nil && after != nil {
		if last, err = uuid.FromBytes(after); err != nil {
			err = fmt.Errorf("%w: cursor %q", graph.ErrInvalid, p.After)
		}
	}
	if err != nil {
		return graph.Page{}, fmt.Errorf("find %s nodes: %w", f.Kind, err)
	}
	var page graph.Page
	err = s.view(ctx, func(txn *badger.Txn) error {
		ids, err := findNodeIDs(ctx, txn, f)
		if err != nil {
			return err
		}
		start := 0
		if after != nil {
			start = sort.Search(len(ids), func(i int) bool { return bytes.Compare(ids[i][:], last[:]) > 0 })
		}
		end := min(start+p.First, len(ids))
		nodes, err := readNodes(ctx, txn, ids[start:end])
		page = graph.Page{Nodes: nodes, Total: len(ids), HasNext: end < len(ids)}
		for _, id := range ids[start:end] {
			page.Cursors = append(page.Cursors, encodeCursor(id[:]))
		}
		return err
	})
	if err != nil {
		return graph.Page{}, fmt.Errorf("find %s nodes: %w", f.Kind, err)
	}
	return page, nil
}

// findNodeIDs returns the IDs of the nodes that match f, sorted.
func findNodeIDs(ctx context.Context, txn *badger.Txn, f graph.NodeFilter) ([]uuid.UUID, error) {
	x := newIndex(ctx, txn)
	defer x.close()
	ids := x.kind(f.Kind)
	var sets []idSet
	if f.Name != "" {
		sets = append(sets, x.named(f.Name, f.Kind))
	}
	switch f.Kind {
	case graph.KindPlace:
		if f.Country != "" {
			sets = append(sets, x.neighbours(x.named(f.Country, graph.KindCountry), graph.In, graph.RelLocatedIn))
		}
	case graph.KindPerson:
		if posts := x.posts(f.Post, f.Organization); posts != nil {
			tenures := x.neighbours(posts, graph.In, graph.RelTenurePost)
			sets = append(sets, x.neighbours(tenures, graph.Out, graph.RelHolder))
		}
	case graph.KindPost:
		if posts := x.posts(f.Post, f.Organization); posts != nil {
			sets = append(sets, posts)
		}
	}
	ids = keep(ids, sets...)
	if x.err != nil || f.Kind != graph.KindPlace || f.PlaceKind == "" {
		return ids, x.err
	}
	// The place kind is a merged scalar, so it takes the nodes themselves.
	nodes, err := readNodes(ctx, txn, ids)
	if err != nil {
		return nil, err
	}
	var places []uuid.UUID
	for i, n := range nodes {
		if n != nil && n.PlaceKind == f.PlaceKind {
			places = append(places, ids[i])
		}
	}
	return places, nil
}

// matchesName reports whether a name whose NameKey is name matches a query whose NameKey has
// the words query, by the rule FindNodes states. A query without words matches nothing.
func matchesName(query []string, name string) bool {
	if len(query) == 0 {
		return false
	}
	i := 0
	for _, w := range strings.Fields(name) {
		if i < len(query) && w == query[i] {
			i++
		}
	}
	return i == len(query)
}

// idSet is a set of node IDs.
type idSet map[uuid.UUID]struct{}

// keep returns the IDs of ids that are in every set.
func keep(ids []uuid.UUID, sets ...idSet) []uuid.UUID {
	return slices.DeleteFunc(ids, func(id uuid.UUID) bool {
		for _, s := range sets {
			if _, ok := s[id]; !ok {
				return true
			}
		}
		return false
	})
}

// union adds the members of b to a and returns a.
func union(a, b idSet) idSet {
	for id := range b {
		a[id] = struct{}{}
	}
	return a
}

// index answers set queries from the kind, name and edge indexes, with key-only scans, within
// one transaction. The first error sticks: later queries return empty sets, and err holds it.
type index struct {
	ctx       context.Context
	txn       *badger.Txn
	iterators map[byte]*badger.Iterator // by key prefix, reused by every scan
	fragments *badger.Iterator          // of fragments with their values, for mentions
	err       error
}

func newIndex(ctx context.Context, txn *badger.Txn) *index {
	return &index{ctx: ctx, txn: txn, iterators: map[byte]*badger.Iterator{}}
}

func (x *index) close() {
	for _, it := range x.iterators {
		it.Close()
	}
	if x.fragments != nil {
		x.fragments.Close()
	}
}

// scan calls fn with every key under prefix, unless an earlier scan failed.
func (x *index) scan(prefix []byte, fn func(parsedKey)) {
	if x.err != nil {
		return
	}
	it := x.iterators[prefix[0]]
	if it == nil {
		it = keyIterator(x.txn, prefix[0])
		x.iterators[prefix[0]] = it
	}
	x.err = scanKeys(x.ctx, it, prefix, fn)
}

// kind returns the IDs of the nodes of kind k, sorted.
func (x *index) kind(k graph.Kind) []uuid.UUID {
	var ids []uuid.UUID
	x.scan(kindPrefix(k), func(pk parsedKey) {
		// A node's keys lie together, one per document stating it.
		if len(ids) == 0 || ids[len(ids)-1] != pk.Node {
			ids = append(ids, pk.Node)
		}
	})
	return ids
}

// named returns the nodes of the kinds with a name, alias or acronym that matches query.
func (x *index) named(query string, kinds ...graph.Kind) idSet {
	words := strings.Fields(graph.NameKey(query))
	set := idSet{}
	for _, k := range kinds {
		x.scan(namePrefix(k, ""), func(pk parsedKey) {
			if matchesName(words, pk.Name) {
				set[pk.Node] = struct{}{}
			}
		})
	}
	return set
}

// neighbours returns the other ends of the edges with one of rels (any relation when none is
// given) that leave the nodes (dir Out) or point at them (dir In).
func (x *index) neighbours(nodes idSet, dir graph.Direction, rels ...graph.Relation) idSet {
	if len(rels) == 0 {
		rels = []graph.Relation{""}
	}
	set := idSet{}
	for id := range nodes {
		for _, rel := range rels {
			if dir == graph.Out {
				x.scan(edgePrefix(id, rel), func(k parsedKey) { set[k.To] = struct{}{} })
			} else {
				x.scan(inEdgePrefix(id, rel), func(k parsedKey) { set[k.From] = struct{}{} })
			}
			if hasMentions(rel) {
				x.mentions(id, dir, set)
			}
		}
	}
	return set
}

// mentions adds to set the other ends of the mentioned-in edges of node in direction dir.
func (x *index) mentions(node uuid.UUID, dir graph.Direction, set idSet) {
	if x.err != nil {
		return
	}
	var ms []mention
	if dir == graph.Out {
		if x.fragments == nil {
			x.fragments = x.txn.NewIterator(badger.IteratorOptions{Prefix: []byte{prefixFragment}})
		}
		ms, x.err = mentionsOf(x.ctx, x.fragments, node)
	} else {
		ms, x.err = mentionsIn(x.ctx, x.txn, node)
	}
	for _, m := range ms {
		if dir == graph.Out {
			set[m.doc] = struct{}{}
		} else {
			set[m.node] = struct{}{}
		}
	}
}

// posts returns the posts whose title matches title and that belong to an organisation
// matching org (by name, acronym or alias), an empty title or org not restricting; nil when
// both are empty.
func (x *index) posts(title, org string) idSet {
	var posts idSet
	if title != "" {
		posts = x.named(title, graph.KindPost)
	}
	if org == "" {
		return posts
	}
	ofOrg := x.neighbours(x.named(org, graph.KindOrganization), graph.In, graph.RelPostOrganization)
	if posts == nil {
		return ofOrg
	}
	return ofOrg.intersect(posts)
}

// intersect removes from s the members not in o and returns s.
func (s idSet) intersect(o idSet) idSet {
	for id := range s {
		if _, ok := o[id]; !ok {
			delete(s, id)
		}
	}
	return s
}

// decodeCursor checks p and decodes its cursor, nil for the first page.
func decodeCursor(p graph.PageRequest) ([]byte, error) {
	if p.First < 0 {
		return nil, fmt.Errorf("%w: first %d", graph.ErrInvalid, p.First)
	}
	if p.After == "" {
		return nil, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(p.After)
	if err != nil || len(b) < idLen {
		return nil, fmt.Errorf("%w: cursor %q", graph.ErrInvalid, p.After)
	}
	return b, nil
}

// encodeCursor makes an opaque cursor of the sort key of a listed item.
func encodeCursor(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }
