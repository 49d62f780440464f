package badgerstore

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"maps"
	"slices"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/uuid"

	"github.com/kgraph/kg/graph"
)

// A manifest lists the keys a document owns (keys.go), so that replacing or deleting the
// document removes exactly them. The keys repeat a few node IDs and relations many times, so a
// manifest keeps each ID and relation once, in tables, and each key as its prefix byte and
// table indexes:
//
//	manifest = uvarint(#ids) id[16]… uvarint(#relations) (uvarint(len) relation)… key…
//	key      = 't'
//	         | 'f' node
//	         | 'e' from relation to
//	         | 's' start event
//	         | 'd' event start
//
// where node, from, to and event are uvarint indexes into the IDs, relation an index into the
// relations, start a uvarint length and the Date. The document's own ID, which ends every key,
// is left out.

// writeManifest sets document doc's manifest, whose value was old, to list the keys of c, or
// deletes it when c is nil.
func writeManifest(txn *badger.Txn, doc uuid.UUID, old []byte, c *contribution) error {
	if c == nil {
		return txn.Delete(manifestKey(doc))
	}
	m, err := encodeManifest(c)
	if err != nil || bytes.Equal(m, old) {
		return err
	}
	return txn.Set(manifestKey(doc), m)
}

// encodeManifest encodes the keys of c, in key order so that the same keys give the same bytes.
func encodeManifest(c *contribution) ([]byte, error) {
	var ids []uuid.UUID
	var rels []graph.Relation
	idIndex, relIndex := map[uuid.UUID]int{}, map[graph.Relation]int{}
	id := func(u uuid.UUID) int {
		i, ok := idIndex[u]
		if !ok {
			i = len(ids)
			idIndex[u] = i
			ids = append(ids, u)
		}
		return i
	}
	var body []byte
	for _, key := range slices.Sorted(maps.Keys(c.keys)) {
		k, err := parseKey([]byte(key))
		if err != nil {
			return nil, err
		}
		body = append(body, k.Prefix)
		switch k.Prefix {
		case prefixText:
		case prefixFragment:
			body = binary.AppendUvarint(body, uint64(id(k.Node)))
		case prefixEdge:
			r, ok := relIndex[k.Relation]
			if !ok {
				r = len(rels)
				relIndex[k.Relation] = r
				rels = append(rels, k.Relation)
			}
			body = binary.AppendUvarint(body, uint64(id(k.From)))
			body = binary.AppendUvarint(body, uint64(r))
			body = binary.AppendUvarint(body, uint64(id(k.To)))
		case prefixStart, prefixStartsOf:
			body = binary.AppendUvarint(body, uint64(len(k.Start)))
			body = append(body, k.Start...)
			body = binary.AppendUvarint(body, uint64(id(k.Node)))
		default:
			return nil, fmt.Errorf("encode manifest: a document does not own %q keys", k.Prefix)
		}
	}
	b := binary.AppendUvarint(nil, uint64(len(ids)))
	for _, u := range ids {
		b = append(b, u[:]...)
	}
	b = binary.AppendUvarint(b, uint64(len(rels)))
	for _, r := range rels {
		b = binary.AppendUvarint(b, uint64(len(r)))
		b = append(b, r...)
	}
	return append(b, body...), nil
}

// decodeManifest inverts encodeManifest for document doc; no manifest lists no keys.
func decodeManifest(b []byte, doc uuid.UUID) ([]string, error) {
	if len(b) == 0 {
		return nil, nil
	}
	r := manifestReader{keyReader{rest: b}}
	ids := make([]uuid.UUID, r.count(idLen))
	for i := range ids {
		copy(ids[i][:], r.take(idLen))
	}
	rels := make([]graph.Relation, r.count(1))
	for i := range rels {
		rels[i] = graph.Relation(r.take(r.uvarint()))
	}
	id := func() uuid.UUID {
		if i := r.uvarint(); i < len(ids) {
			return ids[i]
		}
		r.short = true
		return uuid.UUID{}
	}
	var keys []string
	for len(r.rest) > 0 && !r.short {
		var key []byte
		switch prefix := r.take(1)[0]; prefix {
		case prefixText:
			key = textKey(doc)
		case prefixFragment:
			key = fragmentKey(id(), doc)
		case prefixEdge:
			from, rel := id(), graph.Relation("")
			if i := r.uvarint(); i < len(rels) {
				rel = rels[i]
			} else {
				r.short = true
			}
			key = edgeKey(from, rel, id(), doc)
		case prefixStart, prefixStartsOf:
			start := graph.Date(r.take(min(r.uvarint(), startLen)))
			if prefix == prefixStart {
				key = startKey(start, id(), doc)
			} else {
				key = startsOfKey(id(), start, doc)
			}
		default:
			r.short = true
		}
		keys = append(keys, string(key))
	}
	if r.short {
		return nil, fmt.Errorf("decode manifest of document %s: malformed", doc)
	}
	return keys, nil
}

// manifestReader consumes a manifest from the front as keyReader does a key; its short also
// records an index or a length out of range.
type manifestReader struct{ keyReader }

func (r *manifestReader) uvarint() int {
	v, n := binary.Uvarint(r.rest)
	if n <= 0 || v > uint64(len(r.rest)) {
		// No index or length in a manifest exceeds its size.
		r.short = true
		return 0
	}
	r.rest = r.rest[n:]
	return int(v)
}

// count reads the number of entries of a table whose entries take at least size bytes each.
func (r *manifestReader) count(size int) int {
	n := r.uvarint()
	if n > len(r.rest)/size {
		r.short = true
		return 0
	}
	return n
}
