package badgerstore

import (
	"maps"
	"slices"
	"testing"

	"github.com/google/uuid"

	"github.com/kgraph/kg/graph"
)

func TestManifestRoundTrip(t *testing.T) {
	doc, a, b := uuid.New(), uuid.New(), uuid.New()
	c := &contribution{keys: map[string][]byte{}}
	for _, k := range [][]byte{
		textKey(doc),
		fragmentKey(a, doc),
		fragmentKey(b, doc),
		fragmentKey(uuid.New(), doc),
		startsOfKey(a, "2024-05", doc),
		edgeKey(a, graph.RelHolder, b, doc),
		edgeKey(a, graph.RelHeldIn, b, doc),
		startKey("2024-05", a, doc),
	} {
		c.keys[string(k)] = nil
	}
	m, err := encodeManifest(c)
	if err != nil {
		t.Fatal(err)
	}
	keys, err := decodeManifest(m, doc)
	if err != nil {
		t.Fatal(err)
	}
	want := slices.Sorted(maps.Keys(c.keys))
	if !slices.Equal(keys, want) {
		t.Errorf("decodeManifest(encodeManifest) = %q, want %q", keys, want)
	}
	for n := 1; n < len(m); n++ {
		if keys, err := decodeManifest(m[:n], doc); err == nil && len(keys) == len(want) {
			t.Errorf("decodeManifest of %d of %d bytes gave every key", n, len(m))
		}
	}
}
