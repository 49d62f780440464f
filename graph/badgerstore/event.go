package badgerstore

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
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
// Pages are read by keyset from the start index (startIndex): a page seeks to its cursor and
// reads keys until it has its events, and only their nodes, so a deep page costs what the
// first does. The relation filters are answered from the edge indexes as a set of candidates
// the walk keeps; Text and Type need the nodes, so they read every candidate first; From and
// To are answered from the index keys, and the walk seeks to the near one and stops at the
// far one. Total is the event counter without filters and the number of candidates without
// From and To; with them, it counts the matching index keys between the two.
func (s *Store) FindEvents(ctx context.Context, f graph.EventFilter, o graph.EventOrder, p graph.PageRequest) (graph.Page, error) {
	after, err := decodeCursor(p)
	var last *eventKey
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
		candidates, err := s.eventCandidates(ctx, txn, f)
		if err != nil {
			return err
		}
		var x *startIndex
		if x, err = s.newStartIndex(ctx, txn, len(candidates)); err != nil {
			return err
		}
		defer x.close()
		var keys []eventKey
		if candidates != nil {
			keys, page.Total, err = x.sorted(candidates, f, o, last, p.First+1)
		} else {
			keys, page.Total, err = x.page(txn, f, o, last, p.First+1)
		}
		if err != nil {
			return err
		}
		page.HasNext = len(keys) > p.First
		keys = keys[:min(len(keys), p.First)]
		ids := make([]uuid.UUID, len(keys))
		for i, k := range keys {
			ids[i] = k.ID
		}
		if page.Nodes, err = s.readNodes(ctx, txn, ids); err != nil {
			return err
		}
		for i, n := range page.Nodes {
			if n == nil {
				return fmt.Errorf("event %s is indexed but has no fragment", ids[i])
			}
			page.Cursors = append(page.Cursors, encodeEventCursor(keys[i]))
		}
		return nil
	})
	if err != nil {
		return graph.Page{}, fmt.Errorf("find events: %w", err)
	}
	return page, nil
}

// EventStarts returns the events that f selects with their merged starts, in the order of
// StartAsc. It reads index keys only, unless Text or Type asks for the candidates' nodes.
func (s *Store) EventStarts(ctx context.Context, f graph.EventFilter) ([]graph.EventStart, error) {
	for _, d := range []graph.Date{f.From, f.To} {
		if d != "" {
			if _, err := graph.ParseDate(string(d)); err != nil {
				return nil, fmt.Errorf("event starts: %w", err)
			}
		}
	}
	var keys []eventKey
	err := s.view(ctx, func(txn *badger.Txn) error {
		candidates, err := s.eventCandidates(ctx, txn, f)
		if err != nil {
			return err
		}
		events := len(candidates)
		if candidates == nil {
			events = math.MaxInt
		}
		x, err := s.newStartIndex(ctx, txn, events)
		if err != nil {
			return err
		}
		defer x.close()
		if candidates != nil {
			keys, _, err = x.sorted(candidates, f, graph.StartAsc, nil, len(candidates))
		} else {
			keys = x.every(f)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("event starts: %w", err)
	}
	out := make([]graph.EventStart, len(keys))
	for i, k := range keys {
		out[i] = graph.EventStart{ID: formatID(k.ID), Start: k.Start}
	}
	return out, nil
}

// every returns every event that starts within f's From and To, in the order of StartAsc,
// from the start table, which x must have.
func (x *startIndex) every(f graph.EventFilter) []eventKey {
	var keys []eventKey
	for _, k := range x.table.sorted {
		if startWithin(f, k.Start) {
			keys = append(keys, k)
		}
	}
	return keys
}

// page returns up to n events of every event that starts within f's From and To, in order o,
// after the event after, walking the start index from there, and the number of them all.
func (x *startIndex) page(txn *badger.Txn, f graph.EventFilter, o graph.EventOrder, after *eventKey, n int) ([]eventKey, int, error) {
	var keys []eventKey
	err := x.walk(o, after, f.From, f.To, func(k eventKey) bool {
		if startWithin(f, k.Start) {
			keys = append(keys, k)
		}
		return len(keys) < n
	})
	if err != nil {
		return nil, 0, err
	}
	if f.From == "" && f.To == "" {
		total, err := readCount(txn, nodeCountKey(graph.KindEvent))
		return keys, int(total), err
	}
	total := 0
	err = x.walk(graph.StartAsc, nil, f.From, f.To, func(k eventKey) bool {
		if startWithin(f, k.Start) {
			total++
		}
		return true
	})
	return keys, total, err
}

// sorted returns up to n of the candidate events that start within f's From and To, in order o,
// after the event after, and the number of them all. It reads each candidate's merged start, one
// seek each, and sorts them: a filter that names a node leaves few candidates, and a walk of the
// start index would read every event of the range to find them. Candidates that are not events
// have no start and are left out.
func (x *startIndex) sorted(candidates idSet, f graph.EventFilter, o graph.EventOrder, after *eventKey, n int) ([]eventKey, int, error) {
	var keys []eventKey
	for id := range candidates {
		start, isEvent, err := x.start(id)
		if err != nil {
			return nil, 0, err
		}
		if k := (eventKey{Start: start, ID: id}); isEvent && startWithin(f, k.Start) {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b eventKey) int { return compareEventKeys(o, a, b) })
	from := 0
	if after != nil {
		from, _ = slices.BinarySearchFunc(keys, *after, func(k, after eventKey) int {
			if compareEventKeys(o, k, after) <= 0 {
				return -1
			}
			return 1
		})
	}
	return keys[from:min(from+n, len(keys))], len(keys), nil
}

// compareEventKeys orders events as the start index lists them in order o: by start, ties by
// ascending ID, events without a start last.
func compareEventKeys(o graph.EventOrder, a, b eventKey) int {
	if (a.Start == "") != (b.Start == "") {
		if a.Start == "" {
			return 1
		}
		return -1
	}
	// Padding with 0x00, the least byte, keeps the order of the dates as strings.
	byStart := strings.Compare(string(a.Start), string(b.Start))
	if o == graph.StartDesc {
		byStart = -byStart
	}
	if byStart != 0 {
		return byStart
	}
	return bytes.Compare(a.ID[:], b.ID[:])
}

// eventCandidates returns the events that match the filters of f other than From and To, nil
// when those filters are empty, meaning every event. It may hold other nodes too, which have no
// start; sorted leaves them out.
func (s *Store) eventCandidates(ctx context.Context, txn *badger.Txn, f graph.EventFilter) (idSet, error) {
	rest := f
	rest.From, rest.To = "", ""
	if rest == (graph.EventFilter{}) {
		return nil, nil
	}
	ids, err := s.findEventIDs(ctx, txn, f)
	if err != nil {
		return nil, err
	}
	if f.Text != "" || f.Type != "" {
		nodes, err := s.readNodes(ctx, txn, ids)
		if err != nil {
			return nil, err
		}
		ids = ids[:0]
		for _, n := range nodes {
			if n != nil && n.Kind == graph.KindEvent && eventMatches(rest, n) {
				ids = append(ids, uuid.MustParse(string(n.ID))) // formatted from a key
			}
		}
	}
	set := make(idSet, len(ids))
	for _, id := range ids {
		set[id] = struct{}{}
	}
	return set, nil
}

// findEventIDs returns the IDs of the events that match the relation filters of f, sorted, and
// perhaps other nodes that do. The filters that name nodes give sets of events from the edge
// indexes, and their intersection is the answer; only without such a filter does it list every
// event.
func (s *Store) findEventIDs(ctx context.Context, txn *badger.Txn, f graph.EventFilter) ([]uuid.UUID, error) {
	x := s.newIndex(ctx, txn)
	defer x.close()
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
	if len(sets) == 0 {
		return x.kind(graph.KindEvent), x.err
	}
	ids := slices.Collect(maps.Keys(smallest(sets)))
	slices.SortFunc(ids, func(a, b uuid.UUID) int { return bytes.Compare(a[:], b[:]) })
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
	return startWithin(f, n.Start)
}

// startWithin reports whether an event that starts on start passes the From and To filters of f.
func startWithin(f graph.EventFilter, start graph.Date) bool {
	if f.From == "" && f.To == "" {
		return true
	}
	if start == "" {
		return false
	}
	// Stored starts and the filter's dates are checked Dates (graph.ParseDate), and this runs
	// for every candidate event: their first days compare as strings.
	day := start.FirstDay()
	return (f.From == "" || day >= f.From.FirstDay()) && (f.To == "" || day <= f.To.FirstDay())
}

// eventKey is what events are ordered by: the merged start, then the ID.
type eventKey struct {
	Start graph.Date
	ID    uuid.UUID
}

// encodeEventCursor makes the cursor of the event k: its 16 ID bytes, then its start.
func encodeEventCursor(k eventKey) string { return encodeCursor(append(k.ID[:], k.Start...)) }

// decodeEventCursor inverts encodeEventCursor, given the decoded bytes.
func decodeEventCursor(b []byte) (*eventKey, error) {
	k := eventKey{ID: uuid.UUID(b[:idLen]), Start: graph.Date(b[idLen:])}
	if k.Start != "" {
		if _, err := graph.ParseDate(string(k.Start)); err != nil {
			return nil, fmt.Errorf("%w: cursor start %q", graph.ErrInvalid, k.Start)
		}
	}
	return &k, nil
}

// startIndex lists events in start order from the start index within one transaction.
//
// Every document's fragment of an event has a start key at the fragment's own start, so an
// event with fragments of different starts has several keys, and it is listed at the one of
// its merged start, the earliest (node.go). A key is that one when it has the start of the
// first of the event's starts-of keys ('d'|event|start, so sorted by start). That costs one
// seek in a small index per key read, and unlike a "first key seen" rule it holds in reverse
// and on a page that begins after an event's earliest key. Keys of one start and event from
// several documents lie together and count once.
//
// Ascending order is the index order: dates, ties by ID, then no start. Descending order reads
// the dated keys backwards a start at a time, lists each start's events by ascending ID as
// ties go, then the keys without a start forwards, so that those come last in both orders.
//
// An event's merged start comes from the start table (starts.go) when the store's is at hand or
// the read is to look up many, else from a seek in the starts-of index.
type startIndex struct {
	ctx      context.Context
	txn      *badger.Txn
	startsOf *badger.Iterator
	table    *startTable // nil: seek
}

// newStartIndex returns a startIndex for a read that looks up the starts of about events events.
func (s *Store) newStartIndex(ctx context.Context, txn *badger.Txn, events int) (*startIndex, error) {
	table, err := s.startTable(ctx, txn, events)
	if err != nil {
		return nil, err
	}
	return &startIndex{ctx: ctx, txn: txn, startsOf: keyIterator(txn, prefixStartsOf), table: table}, nil
}

func (x *startIndex) close() { x.startsOf.Close() }

// walk calls fn with the events in order o, each once with its merged start, beginning after
// the event after (from the first when nil), until fn returns false. Events that start before
// from or after to may be left out: the walk seeks past them where it can.
func (x *startIndex) walk(o graph.EventOrder, after *eventKey, from, to graph.Date, fn func(eventKey) bool) error {
	// Keys come in start order, so the first key past the far bound ends the walk.
	far := graph.EventFilter{To: to}
	if o == graph.StartDesc {
		far = graph.EventFilter{From: from}
	}
	within := func(k eventKey) bool { return startWithin(far, k.Start) && fn(k) }
	var err error
	switch {
	case o == graph.StartAsc:
		var seek []byte
		if from != "" {
			seek = startPrefix(firstStart(from))
		}
		_, err = x.forward([]byte{prefixStart}, seek, after, within)
	case after != nil && after.Start == "": // past every dated event
		_, err = x.forward(startPrefix(""), nil, after, within)
	default:
		seek := []byte{prefixStart, 0xFE} // after every dated key, before those without a start
		if to != "" {
			t, _ := to.Time()
			seek = append(startPrefix(graph.DayDate(t)), 0xFF) // the last date to's first day begins
		}
		var more bool
		if more, err = x.backward(seek, after, within); err == nil && more {
			_, err = x.forward(startPrefix(""), nil, nil, within)
		}
	}
	return err
}

// firstStart returns the least date, in graph.CompareDates order, that begins on d's first
// day: its year or month when the day begins it ("2024-01-01" → "2024"), else the day.
func firstStart(d graph.Date) graph.Date {
	t, _ := d.Time()
	switch {
	case t.YearDay() == 1:
		return graph.Date(t.Format("2006"))
	case t.Day() == 1:
		return graph.Date(t.Format("2006-01"))
	}
	return graph.DayDate(t)
}

// forward calls fn with the events listed by the start keys under prefix, in key order,
// beginning after the event after, else at seek, else at the first, until fn returns false;
// it reports whether fn wanted more.
func (x *startIndex) forward(prefix, seek []byte, after *eventKey, fn func(eventKey) bool) (bool, error) {
	it := keyIterator(x.txn, prefix...)
	defer it.Close()
	if seek == nil {
		seek = prefix
	}
	var prev eventKey // the start and event of the last key read, read once
	if after != nil {
		seek = append(startPrefix(after.Start), after.ID[:]...)
		prev = *after
	}
	for it.Seek(seek); it.ValidForPrefix(prefix); it.Next() {
		if err := x.ctx.Err(); err != nil {
			return false, err
		}
		k, err := parseKey(it.Item().Key())
		if err != nil {
			return false, err
		}
		if cur := (eventKey{Start: k.Start, ID: k.Node}); cur != prev {
			prev = cur
			if more, err := x.visit(cur, fn); err != nil || !more {
				return more, err
			}
		}
	}
	return true, nil
}

// backward calls fn with the events whose start keys are at or before seek, latest start
// first and ties by ascending ID, beginning after the event after when it is given, until fn
// returns false; it reports whether fn wanted more. Seek is after every key of one start.
func (x *startIndex) backward(seek []byte, after *eventKey, fn func(eventKey) bool) (bool, error) {
	prefix := []byte{prefixStart}
	it := x.txn.NewIterator(badger.IteratorOptions{Prefix: prefix, Reverse: true})
	defer it.Close()
	if after != nil {
		seek = append(startPrefix(after.Start), 0xFF) // after every key of the cursor's start
	}
	var start graph.Date
	var events []uuid.UUID // of start, descending, as read
	emit := func() (bool, error) {
		for _, id := range slices.Backward(events) {
			if after != nil && start == after.Start && bytes.Compare(id[:], after.ID[:]) <= 0 {
				continue
			}
			if more, err := x.visit(eventKey{Start: start, ID: id}, fn); err != nil || !more {
				return more, err
			}
		}
		events = events[:0]
		return true, nil
	}
	for it.Seek(seek); it.ValidForPrefix(prefix); it.Next() {
		if err := x.ctx.Err(); err != nil {
			return false, err
		}
		k, err := parseKey(it.Item().Key())
		if err != nil {
			return false, err
		}
		if k.Start != start && len(events) > 0 {
			if more, err := emit(); err != nil || !more {
				return more, err
			}
		}
		start = k.Start
		if len(events) == 0 || events[len(events)-1] != k.Node {
			events = append(events, k.Node)
		}
	}
	return emit()
}

// visit calls fn with k when k.Start is its event's merged start, and reports whether to go on.
func (x *startIndex) visit(k eventKey, fn func(eventKey) bool) (bool, error) {
	start, found, err := x.start(k.ID)
	switch {
	case err != nil:
		return false, err
	case !found:
		return false, fmt.Errorf("event %s has a start key but no starts-of key", k.ID)
	case start != k.Start:
		return true, nil
	}
	return fn(k), nil
}

// start returns the merged start of event, the start of its first starts-of key, and whether
// it has one: every event has, and no other node.
func (x *startIndex) start(event uuid.UUID) (graph.Date, bool, error) {
	if x.table != nil {
		start, ok := x.table.starts[event]
		return start, ok, nil
	}
	prefix := startsOfPrefix(event)
	x.startsOf.Seek(prefix)
	if !x.startsOf.ValidForPrefix(prefix) {
		return "", false, nil
	}
	first, err := parseKey(x.startsOf.Item().Key())
	return first.Start, true, err
}
