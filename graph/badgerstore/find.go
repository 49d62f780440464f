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
		x := s.newIndex(ctx, txn)
		defer x.close()
		sets := filterSets(x, f)
		var ids []uuid.UUID // of the page
		if len(sets) == 0 && !filtersPlaceKind(f) {
			// Every node of the kind: the page is read from where its cursor points in the
			// kind index, and the total from the kind's counter, instead of listing the kind,
			// which made a walk through every page take time in the square of its length.
			if ids, page.HasNext, page.Total, err = kindPage(ctx, txn, f.Kind, after != nil, last, p.First); err != nil {
				return err
			}
		} else {
			all, err := s.findNodeIDs(ctx, txn, x, f, sets)
			if err != nil {
				return err
			}
			start := 0
			if after != nil {
				start = sort.Search(len(all), func(i int) bool { return bytes.Compare(all[i][:], last[:]) > 0 })
			}
			end := min(start+p.First, len(all))
			ids, page.Total, page.HasNext = all[start:end], len(all), end < len(all)
		}
		nodes, err := s.readNodes(ctx, txn, ids)
		page.Nodes = nodes
		for _, id := range ids {
			page.Cursors = append(page.Cursors, encodeCursor(id[:]))
		}
		return err
	})
	if err != nil {
		return graph.Page{}, fmt.Errorf("find %s nodes: %w", f.Kind, err)
	}
	return page, nil
}

// kindPage returns up to first nodes of kind k in ID order, after last when hasLast, whether more
// follow, and how many nodes of the kind there are.
func kindPage(ctx context.Context, txn *badger.Txn, k graph.Kind, hasLast bool, last uuid.UUID, first int) (ids []uuid.UUID, more bool, total int, err error) {
	prefix := kindPrefix(k)
	it := keyIterator(txn, prefix...)
	defer it.Close()
	seek := prefix
	if hasLast {
		seek = kindKey(k, last)
	}
	for it.Seek(seek); it.ValidForPrefix(prefix); it.Next() {
		if err := ctx.Err(); err != nil {
			return nil, false, 0, err
		}
		key := it.Item().Key()
		if len(key) != len(prefix)+idLen {
			return nil, false, 0, fmt.Errorf("kind key %x: want %d bytes", key, len(prefix)+idLen)
		}
		id := uuid.UUID(key[len(prefix):])
		if hasLast && id == last {
			continue
		}
		if len(ids) == first {
			more = true
			break
		}
		ids = append(ids, id)
	}
	n, err := readCount(txn, nodeCountKey(k))
	return ids, more, int(n), err
}

// filterSets returns the sets of nodes that the fields of f allow, from the indexes; none when f
// names only a kind, and perhaps a place kind (filtersPlaceKind).
func filterSets(x *index, f graph.NodeFilter) []idSet {
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
	return sets
}

// filtersPlaceKind reports whether f selects places by their kind, a merged scalar that takes
// the nodes themselves.
func filtersPlaceKind(f graph.NodeFilter) bool { return f.Kind == graph.KindPlace && f.PlaceKind != "" }

// findNodeIDs returns the IDs of the nodes of f's kind in every one of sets (every node of the
// kind when there are none) and of f's place kind, sorted.
func (s *Store) findNodeIDs(ctx context.Context, txn *badger.Txn, x *index, f graph.NodeFilter, sets []idSet) ([]uuid.UUID, error) {
	var ids []uuid.UUID
	if len(sets) == 0 {
		ids = x.kind(f.Kind)
	} else {
		ids = keep(x.ofKind(f.Kind, smallest(sets)), sets...)
	}
	if x.err != nil || !filtersPlaceKind(f) {
		return ids, x.err
	}
	nodes, err := s.readNodes(ctx, txn, ids)
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

// index answers set queries from the kind and edge indexes, with key-only scans, and from the
// name table (names.go), within one transaction; long lists of edge ends come from the ends
// cache. The first error sticks: later queries return empty sets, and err holds it.
type index struct {
	ctx       context.Context
	txn       *badger.Txn
	s         *Store
	iterators map[byte]*badger.Iterator // by key prefix, reused by every scan
	fragments *badger.Iterator          // of fragments with their values, for mentions
	err       error
}

func (s *Store) newIndex(ctx context.Context, txn *badger.Txn) *index {
	return &index{ctx: ctx, txn: txn, s: s, iterators: map[byte]*badger.Iterator{}}
}

func (x *index) close() {
	for _, it := range x.iterators {
		it.Close()
	}
	if x.fragments != nil {
		x.fragments.Close()
	}
}

// has reports whether a key starts with prefix, unless an earlier scan failed.
func (x *index) has(prefix []byte) bool {
	if x.err != nil {
		return false
	}
	it := x.iterator(prefix[0])
	it.Seek(prefix)
	return it.ValidForPrefix(prefix)
}

// iterator returns the iterator of the keys with the prefix byte, made on first use.
func (x *index) iterator(prefix byte) *badger.Iterator {
	it := x.iterators[prefix]
	if it == nil {
		it = keyIterator(x.txn, prefix)
		x.iterators[prefix] = it
	}
	return it
}

// kind returns the IDs of the nodes of kind k, sorted.
func (x *index) kind(k graph.Kind) []uuid.UUID {
	var ids []uuid.UUID
	if x.err == nil {
		x.err = scanNodes(x.ctx, x.iterator(prefixKind), kindPrefix(k), func(id uuid.UUID) { ids = append(ids, id) })
	}
	return ids
}

// ofKind returns the members of set that are nodes of kind k, sorted, with one seek each in the
// kind index, for sets much smaller than the kind.
func (x *index) ofKind(k graph.Kind, set idSet) []uuid.UUID {
	var ids []uuid.UUID
	for id := range set {
		if x.has(append(kindPrefix(k), id[:]...)) {
			ids = append(ids, id)
		}
	}
	slices.SortFunc(ids, func(a, b uuid.UUID) int { return bytes.Compare(a[:], b[:]) })
	return ids
}

// smallest returns the set of sets with the fewest members.
func smallest(sets []idSet) idSet {
	return slices.MinFunc(sets, func(a, b idSet) int { return len(a) - len(b) })
}

// named returns the nodes of the kinds with a name, alias or acronym that matches query.
func (x *index) named(query string, kinds ...graph.Kind) idSet {
	words := strings.Fields(graph.NameKey(query))
	set := idSet{}
	if x.err != nil {
		return set
	}
	table, err := x.s.names(x.ctx, x.txn)
	if err != nil {
		x.err = err
		return set
	}
	for _, k := range kinds {
		if table[k] == nil {
			continue
		}
		for _, name := range table[k].names {
			if matchesName(words, name.key) {
				for _, id := range name.nodes {
					set[id] = struct{}{}
				}
			}
		}
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
			x.ends(id, rel, dir, func(end uuid.UUID) { set[end] = struct{}{} })
		}
	}
	return set
}

// ends calls fn with the other end of each of node's edges with relation rel (any when empty)
// in direction dir, unless an earlier scan failed: once per relation however many documents
// state the edge. The keys go on with the relation, then the other end, so each relation's
// keys are read by scanNodes.
// Long lists come from the ends cache when it has them.
func (x *index) ends(node uuid.UUID, rel graph.Relation, dir graph.Direction, fn func(uuid.UUID)) {
	if x.err != nil {
		return
	}
	key := endsKey{node: node, rel: rel, dir: dir}
	ends, ok := x.s.ends.get(x.txn.ReadTs(), key)
	if !ok {
		if ends, x.err = x.readEnds(node, rel, dir); x.err != nil {
			return
		}
		x.s.ends.put(x.txn.ReadTs(), key, ends)
	}
	for _, end := range ends {
		fn(end)
	}
}

// readEnds reads the other ends of node's edges as ends describes, the mentioned-in edges kept
// in fragments (mention.go) with those of the edge keys.
func (x *index) readEnds(node uuid.UUID, rel graph.Relation, dir graph.Direction) ([]uuid.UUID, error) {
	ends, err := x.mentionEnds(node, rel, dir)
	if err != nil {
		return nil, err
	}
	add := func(end uuid.UUID) { ends = append(ends, end) }
	prefix := neighbourPrefix(node, rel, dir)
	it := x.iterator(prefix[0])
	if rel != "" {
		return ends, scanNodes(x.ctx, it, prefix, add)
	}
	for it.Seek(prefix); it.ValidForPrefix(prefix); {
		key := it.Item().Key()
		if len(key) <= len(prefix) || len(key) < len(prefix)+1+int(key[len(prefix)]) {
			return nil, fmt.Errorf("key %x: too short for a relation after %x", key, prefix)
		}
		relPrefix := slices.Clone(key[:len(prefix)+1+int(key[len(prefix)])])
		if err := scanNodes(x.ctx, it, relPrefix, add); err != nil { // leaves it at the next relation
			return nil, err
		}
	}
	return ends, nil
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

// mentionEnds returns the other ends of node's mentioned-in edges in direction dir, if reads of
// relation rel include them.
func (x *index) mentionEnds(node uuid.UUID, rel graph.Relation, dir graph.Direction) ([]uuid.UUID, error) {
	if !hasMentions(rel) {
		return nil, nil
	}
	var ms []mention
	var err error
	if dir == graph.Out {
		if x.fragments == nil {
			x.fragments = x.txn.NewIterator(badger.IteratorOptions{Prefix: []byte{prefixFragment}})
		}
		ms, err = mentionsOf(x.ctx, x.fragments, node)
	} else {
		ms, err = mentionsIn(x.ctx, x.txn, node)
	}
	ends := make([]uuid.UUID, len(ms))
	for i, m := range ms {
		ends[i] = m.doc
		if dir == graph.In {
			ends[i] = m.node
		}
	}
	return ends, err
}
