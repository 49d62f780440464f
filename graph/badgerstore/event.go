package badgerstore

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/uuid"

	"github.com/kgraph/kg/graph"
)

// FindEvents returns a page of the events that match f in the order o. Names match as in
// FindNodes; Text is a case-insensitive substring of the title (compared folded, see
// graph.Fold); From and To compare the first days of the dates ("2025" lies within From
// "2025-01-01"), and an event without a start matches neither. The cursor holds the last
// event's start and ID.
//
// The relation filters are answered from the edge indexes; the title, type and date filters
// and the order then read the remaining events, which a start-date index could spare later.
func (s *Store) FindEvents(ctx context.Context, f graph.EventFilter, o graph.EventOrder, p graph.PageRequest) (graph.Page, error) {
	after, err := decodeCursor(p)
	var last eventKey
	if err == nil && after != nil {
		last, err = decodeEventCursor(after)
	}
	if err == nil && o != graph.StartDesc && o != graph.StartAsc {
		err = fmt.Errorf("%w: event order %d", graph.ErrInvalid, o)
	}
	for _, d := range []graph.Date{f.From, f.To} {
		if err == nil && d != "" {
			_, err = graph.ParseDate(string(d))
		}
	}
	if err != nil {
		return graph.Page{}, fmt.Errorf("find events: %w", err)
	}
	var page graph.Page
	err = s.view(ctx, func(txn *badger.Txn) error {
		ids, err := findEventIDs(ctx, txn, f)
		if err != nil {
			return err
		}
		events, err := readNodes(ctx, txn, ids)
		if err != nil {
			return err
		}
		events = slices.DeleteFunc(events, func(n *graph.Node) bool { return n == nil || !eventMatches(f, n) })
		slices.SortFunc(events, func(a, b *graph.Node) int { return compareEvents(o, keyOf(a), keyOf(b)) })
		start := 0
		if after != nil {
			start = sort.Search(len(events), func(i int) bool { return compareEvents(o, keyOf(events[i]), last) > 0 })
		}
		end := min(start+p.First, len(events))
		page = graph.Page{Nodes: events[start:end], Total: len(events), HasNext: end < len(events)}
		for _, n := range page.Nodes {
			page.Cursors = append(page.Cursors, encodeEventCursor(n))
		}
		return nil
	})
	if err != nil {
		return graph.Page{}, fmt.Errorf("find events: %w", err)
	}
	return page, nil
}

// findEventIDs returns the IDs of the events that match the relation filters of f, sorted.
func findEventIDs(ctx context.Context, txn *badger.Txn, f graph.EventFilter) ([]uuid.UUID, error) {
	x := newIndex(ctx, txn)
	defer x.close()
	ids := x.kind(graph.KindEvent)
	var sets []idSet
	if f.City != "" {
		sets = append(sets, x.neighbours(x.named(f.City, graph.KindPlace), graph.In, graph.RelHeldIn))
	}
	if f.Country != "" {
		countries := x.named(f.Country, graph.KindCountry)
		cities := x.neighbours(countries, graph.In, graph.RelLocatedIn)
		sets = append(sets, union(
			x.neighbours(countries, graph.In, graph.RelInCountry),
			x.neighbours(cities, graph.In, graph.RelHeldIn)))
	}
	if f.Participant != "" {
		people := x.named(f.Participant, graph.KindPerson)
		sets = append(sets, x.neighbours(people, graph.In, graph.RelParticipant, graph.RelChairedBy))
	}
	if f.ChairedBy != "" {
		chairs := x.named(f.ChairedBy, graph.KindPerson, graph.KindCountry, graph.KindOrganization)
		sets = append(sets, x.neighbours(chairs, graph.In, graph.RelChairedBy))
	}
	if f.Organization != "" {
		orgs := x.named(f.Organization, graph.KindOrganization)
		sets = append(sets, x.neighbours(orgs, graph.In, graph.RelOrganizedBy, graph.RelParticipantOrg, graph.RelChairedBy))
	}
	if f.Involving != "" {
		id, err := parseID(f.Involving)
		if err != nil {
			return nil, err
		}
		node := idSet{id: {}}
		sets = append(sets, union(x.neighbours(node, graph.In), x.neighbours(node, graph.Out)))
	}
	return keep(ids, sets...), x.err
}

// eventMatches reports whether event n passes the filters of f that need the node itself.
func eventMatches(f graph.EventFilter, n *graph.Node) bool {
	if f.Text != "" && !strings.Contains(graph.Fold(n.Name), graph.Fold(f.Text)) {
		return false
	}
	if f.Type != "" && n.EventType != f.Type {
		return false
	}
	if f.From == "" && f.To == "" {
		return true
	}
	start, ok := n.Start.Time()
	if !ok {
		return false
	}
	from, _ := f.From.Time()
	to, _ := f.To.Time()
	return (f.From == "" || !start.Before(from)) && (f.To == "" || !start.After(to))
}

// eventKey is what events are ordered by.
type eventKey struct {
	Start graph.Date
	ID    graph.ID
}

func keyOf(n *graph.Node) eventKey { return eventKey{Start: n.Start, ID: n.ID} }

// compareEvents orders events by start in the order o, ties by ID, events without a start
// last in both orders.
func compareEvents(o graph.EventOrder, a, b eventKey) int {
	if (a.Start == "") != (b.Start == "") {
		if a.Start == "" {
			return 1
		}
		return -1
	}
	c := graph.CompareDates(a.Start, b.Start)
	if o == graph.StartDesc {
		c = -c
	}
	return cmp.Or(c, cmp.Compare(a.ID, b.ID))
}

// encodeEventCursor makes the cursor of event n: its 16 ID bytes, then its start.
func encodeEventCursor(n *graph.Node) string {
	id := uuid.MustParse(string(n.ID)) // read from a key, so well formed
	return encodeCursor(append(id[:], n.Start...))
}

// decodeEventCursor inverts encodeEventCursor, given the decoded bytes.
func decodeEventCursor(b []byte) (eventKey, error) {
	k := eventKey{ID: formatID(uuid.UUID(b[:idLen])), Start: graph.Date(b[idLen:])}
	if k.Start != "" {
		if _, err := graph.ParseDate(string(k.Start)); err != nil {
			return eventKey{}, fmt.Errorf("%w: cursor start %q", graph.ErrInvalid, k.Start)
		}
	}
	return k, nil
}
