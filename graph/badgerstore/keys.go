package badgerstore

import (
	"bytes"
	"encoding/binary"
	"fmt"

	"github.com/google/uuid"

	"github.com/kgraph/kg/graph"
)

// The key layout. Every key starts with a one-byte prefix naming its kind. Node and document
// IDs are their 16 raw UUID bytes, so byte order is ID order; a kind is one byte; a relation
// is one length byte and its bytes; a NameKey ends with a 0x00 byte, which NameKeys never
// contain; a start is a Date in 10 bytes (below); counters are 8-byte big-endian.
//
//	manifest   'm' | doc[16]                                             → keys the document wrote
//	text       't' | doc[16]                                             → document text
//	fragment   'f' | node[16] | doc[16]                                  → one document's view of a node
//	edge       'e' | from[16] | len[1] | relation[len] | to[16] | doc[16] → evidence
//	start      's' | start[10] | event[16] | doc[16]                     → (empty)
//	starts of  'd' | event[16] | start[10] | doc[16]                     → (empty)
//	kind       'k' | kind[1] | node[16]                                  → (empty)
//	name       'n' | kind[1] | namekey[…] | 0x00 | node[16]              → (empty)
//	in-edge    'i' | to[16] | len[1] | relation[len] | from[16]          → (empty)
//	node count 'c' | kind[1]                                             → count[8]
//	edge count 'C'                                                       → count[8]
//	format     'V'                                                       → version[8]
//
// The keys from manifest to starts of are a document's own: each ends with that document's
// ID, so two documents never share one and replacing a document touches only its own keys,
// which its manifest lists. The kind, name and in-edge keys are shared: one per node, name of a
// node or edge while any document states it (shared.go), so that a write learns whether one is
// new with a point read, which Badger's bloom filters make cheap, the store keeps one entry
// where each document would add its own, and index scans meet each node or edge once. Prefix scans answer the reads: 'f'|node gives a node's fragments in document
// order, 'k'|kind the nodes of a kind, 'n'|kind|namekey|0x00 the nodes of a name, 'e'|from and
// 'i'|to a node's edges. Fragments are JSON (node.go); evidence (edge.go), manifests
// (document.go) and counts are binary.
//
// Every document's fragment of an event writes a start key and a starts-of key with the
// fragment's own start, so 's' lists events in start order (event.go) and 'd'|event gives an
// event's earliest start, its merged one, first. A start is the Date's bytes padded with 0x00
// to 10, so byte order is graph.CompareDates order ("2025" < "2025-01" < "2025-01-01" <
// "2025-01-02"); no start is ten 0xFF bytes, after every date.
const (
	prefixManifest  byte = 'm'
	prefixText      byte = 't'
	prefixFragment  byte = 'f'
	prefixKind      byte = 'k'
	prefixName      byte = 'n'
	prefixEdge      byte = 'e'
	prefixInEdge    byte = 'i'
	prefixStart     byte = 's'
	prefixStartsOf  byte = 'd'
	prefixNodeCount byte = 'c'
	prefixEdgeCount byte = 'C'
	prefixFormat    byte = 'V'
)

const idLen = len(uuid.UUID{})

// startLen is the length of an encoded start.
const startLen = len("2006-01-02")

// parsedKey is a key taken apart by parseKey; only the fields of its prefix are set.
type parsedKey struct {
	Prefix   byte
	Doc      uuid.UUID // every document's own key
	Node     uuid.UUID // fragment, kind, name, start, starts-of
	Kind     graph.Kind
	Name     string // name: the NameKey
	From     uuid.UUID
	Relation graph.Relation
	To       uuid.UUID  // edge, in-edge
	Start    graph.Date // start, starts-of; empty for an event without a start
}

func manifestKey(doc uuid.UUID) []byte { return append([]byte{prefixManifest}, doc[:]...) }

func textKey(doc uuid.UUID) []byte { return append([]byte{prefixText}, doc[:]...) }

// fragmentPrefix is the prefix of every fragment of node.
func fragmentPrefix(node uuid.UUID) []byte { return append([]byte{prefixFragment}, node[:]...) }

func fragmentKey(node, doc uuid.UUID) []byte { return append(fragmentPrefix(node), doc[:]...) }

// kindPrefix is the prefix of the kind keys of every node of kind k.
func kindPrefix(k graph.Kind) []byte { return []byte{prefixKind, byte(k)} }

func kindKey(k graph.Kind, node uuid.UUID) []byte { return append(kindPrefix(k), node[:]...) }

// namePrefix is the prefix of the name keys of kind k whose NameKey is nameKey; an empty
// nameKey gives the prefix of every name of kind k.
func namePrefix(k graph.Kind, nameKey string) []byte {
	b := []byte{prefixName, byte(k)}
	if nameKey == "" {
		return b
	}
	return append(append(b, nameKey...), 0)
}

func nameKey(k graph.Kind, name string, node uuid.UUID) []byte {
	return append(namePrefix(k, name), node[:]...)
}

// edgePrefix is the prefix of the edge keys from node with relation rel (every relation when
// rel is empty).
func edgePrefix(from uuid.UUID, rel graph.Relation) []byte {
	return appendRelation(append([]byte{prefixEdge}, from[:]...), rel)
}

// edgeIDPrefix is the prefix of every document's key of the edge (from, rel, to).
func edgeIDPrefix(from uuid.UUID, rel graph.Relation, to uuid.UUID) []byte {
	return append(edgePrefix(from, rel), to[:]...)
}

func edgeKey(from uuid.UUID, rel graph.Relation, to, doc uuid.UUID) []byte {
	return append(edgeIDPrefix(from, rel, to), doc[:]...)
}

// inEdgePrefix is the prefix of the in-edge keys to node with relation rel (every relation
// when rel is empty).
func inEdgePrefix(to uuid.UUID, rel graph.Relation) []byte {
	return appendRelation(append([]byte{prefixInEdge}, to[:]...), rel)
}

func inEdgeKey(to uuid.UUID, rel graph.Relation, from uuid.UUID) []byte {
	return append(inEdgePrefix(to, rel), from[:]...)
}

// startPrefix is the prefix of the start keys of the events that start on d (exactly, not
// within d), or of every event without a start when d is empty.
func startPrefix(d graph.Date) []byte { return appendStart([]byte{prefixStart}, d) }

func startKey(d graph.Date, event, doc uuid.UUID) []byte {
	return append(append(startPrefix(d), event[:]...), doc[:]...)
}

// startsOfPrefix is the prefix of every starts-of key of event.
func startsOfPrefix(event uuid.UUID) []byte { return append([]byte{prefixStartsOf}, event[:]...) }

func startsOfKey(event uuid.UUID, d graph.Date, doc uuid.UUID) []byte {
	return append(appendStart(startsOfPrefix(event), d), doc[:]...)
}

// appendStart appends the encoded start d: its bytes padded with 0x00, or 0xFF bytes when d
// is empty. d is a checked Date, at most startLen bytes.
func appendStart(b []byte, d graph.Date) []byte {
	fill := byte(0)
	if d == "" {
		fill = 0xFF
	}
	b = append(b, d...)
	for range startLen - len(d) {
		b = append(b, fill)
	}
	return b
}

// decodeStart inverts appendStart.
func decodeStart(b []byte) graph.Date {
	if len(b) > 0 && b[0] == 0xFF {
		return ""
	}
	return graph.Date(bytes.TrimRight(b, "\x00"))
}

func nodeCountKey(k graph.Kind) []byte { return []byte{prefixNodeCount, byte(k)} }

func edgeCountKey() []byte { return []byte{prefixEdgeCount} }

func appendRelation(b []byte, rel graph.Relation) []byte {
	if rel == "" {
		return b
	}
	return append(append(b, byte(len(rel))), rel...)
}

// parseKey inverts the key builders.
func parseKey(key []byte) (parsedKey, error) {
	r := keyReader{rest: key}
	k := parsedKey{Prefix: r.byte()}
	switch k.Prefix {
	case prefixManifest, prefixText:
		k.Doc = r.id()
	case prefixFragment:
		k.Node, k.Doc = r.id(), r.id()
	case prefixKind:
		k.Kind = graph.Kind(r.byte())
		k.Node = r.id()
	case prefixName:
		k.Kind = graph.Kind(r.byte())
		k.Name = r.nameKey()
		k.Node = r.id()
	case prefixEdge:
		k.From, k.Relation, k.To, k.Doc = r.id(), r.relation(), r.id(), r.id()
	case prefixInEdge:
		k.To, k.Relation, k.From = r.id(), r.relation(), r.id()
	case prefixStart:
		k.Start = decodeStart(r.take(startLen))
		k.Node, k.Doc = r.id(), r.id()
	case prefixStartsOf:
		k.Node = r.id()
		k.Start = decodeStart(r.take(startLen))
		k.Doc = r.id()
	case prefixNodeCount:
		k.Kind = graph.Kind(r.byte())
	case prefixEdgeCount, prefixFormat:
	default:
		return parsedKey{}, fmt.Errorf("parse key %x: unknown prefix %q", key, k.Prefix)
	}
	if r.short || len(r.rest) > 0 {
		return parsedKey{}, fmt.Errorf("parse key %x: malformed %q key", key, k.Prefix)
	}
	return k, nil
}

// keyReader consumes a key from the front; short records that the key ended too soon.
type keyReader struct {
	rest  []byte
	short bool
}

func (r *keyReader) take(n int) []byte {
	if n > len(r.rest) {
		r.short = true
		n = len(r.rest)
	}
	b := r.rest[:n]
	r.rest = r.rest[n:]
	return b
}

func (r *keyReader) byte() byte {
	if b := r.take(1); len(b) == 1 {
		return b[0]
	}
	return 0
}

func (r *keyReader) id() uuid.UUID {
	var id uuid.UUID
	copy(id[:], r.take(idLen))
	return id
}

func (r *keyReader) relation() graph.Relation {
	return graph.Relation(r.take(int(r.byte())))
}

func (r *keyReader) nameKey() string {
	for i, c := range r.rest {
		if c == 0 {
			name := string(r.rest[:i])
			r.rest = r.rest[i+1:]
			return name
		}
	}
	r.short = true
	return ""
}

// parseID converts a node ID to its UUID.
func parseID(id graph.ID) (uuid.UUID, error) {
	u, err := uuid.Parse(string(id))
	if err != nil {
		return uuid.UUID{}, fmt.Errorf("%w: id %q: %v", graph.ErrInvalid, id, err)
	}
	return u, nil
}

// parseIDs parses each of ids.
func parseIDs(ids []graph.ID) ([]uuid.UUID, error) {
	us := make([]uuid.UUID, len(ids))
	for i, id := range ids {
		var err error
		if us[i], err = parseID(id); err != nil {
			return nil, err
		}
	}
	return us, nil
}

func formatID(u uuid.UUID) graph.ID { return graph.ID(u.String()) }

func encodeCount(n int64) []byte { return binary.BigEndian.AppendUint64(nil, uint64(n)) }

func decodeCount(b []byte) (int64, error) {
	if len(b) != 8 {
		return 0, fmt.Errorf("counter of %d bytes, want 8", len(b))
	}
	return int64(binary.BigEndian.Uint64(b)), nil
}
