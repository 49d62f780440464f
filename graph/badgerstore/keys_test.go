package badgerstore

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/uuid"

	"github.com/kgraph/kg/graph"
)

func TestParseKeyInvertsBuilders(t *testing.T) {
	a, b, doc := uuid.New(), uuid.New(), uuid.New()
	tests := []struct {
		name string
		key  []byte
		want parsedKey
	}{
		{"manifest", manifestKey(doc), parsedKey{Prefix: prefixManifest, Doc: doc}},
		{"text", textKey(doc), parsedKey{Prefix: prefixText, Doc: doc}},
		{"fragment", fragmentKey(a, doc), parsedKey{Prefix: prefixFragment, Node: a, Doc: doc}},
		{"kind", kindKey(graph.KindPerson, a), parsedKey{Prefix: prefixKind, Kind: graph.KindPerson, Node: a}},
		{"name", nameKey(graph.KindPlace, "cholpon ata", a), parsedKey{Prefix: prefixName, Kind: graph.KindPlace, Name: "cholpon ata", Node: a}},
		{"edge", edgeKey(a, graph.RelHeldIn, b, doc), parsedKey{Prefix: prefixEdge, From: a, Relation: graph.RelHeldIn, To: b, Doc: doc}},
		{"in-edge", inEdgeKey(b, graph.RelHeldIn, a), parsedKey{Prefix: prefixInEdge, From: a, Relation: graph.RelHeldIn, To: b}},
		{"start", startKey("2023-11", a, doc), parsedKey{Prefix: prefixStart, Start: "2023-11", Node: a, Doc: doc}},
		{"start, full date", startKey("2023-11-23", a, doc), parsedKey{Prefix: prefixStart, Start: "2023-11-23", Node: a, Doc: doc}},
		{"start, none", startKey("", a, doc), parsedKey{Prefix: prefixStart, Node: a, Doc: doc}},
		{"starts of", startsOfKey(a, "2024", doc), parsedKey{Prefix: prefixStartsOf, Node: a, Start: "2024", Doc: doc}},
		{"node count", nodeCountKey(graph.KindEvent), parsedKey{Prefix: prefixNodeCount, Kind: graph.KindEvent}},
		{"edge count", edgeCountKey(), parsedKey{Prefix: prefixEdgeCount}},
	}
	for _, tt := range tests {
		got, err := parseKey(tt.key)
		if err != nil {
			t.Errorf("%s: parseKey(%x): %v", tt.name, tt.key, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: parseKey(%x) (-want +got):\n%s", tt.name, tt.key, diff)
		}
	}
}

func TestParseKeyRejectsMalformed(t *testing.T) {
	doc := uuid.New()
	for name, key := range map[string][]byte{
		"empty":          nil,
		"unknown prefix": {'z'},
		"short fragment": fragmentKey(doc, doc)[:20],
		"long manifest":  append(manifestKey(doc), 0),
		"unended name":   namePrefix(graph.KindPerson, "")[:2],
		"short relation": edgePrefix(doc, graph.RelHolder)[:19],
		"short start":    startKey("2024", doc, doc)[:40],
	} {
		if k, err := parseKey(key); err == nil {
			t.Errorf("%s: parseKey(%x) = %+v, want error", name, key, k)
		}
	}
}

func TestKeyOrderIsIDOrder(t *testing.T) {
	// Listings rely on raw UUID bytes sorting as the IDs' strings do.
	lo, hi := graph.ID("0fffffff-ffff-ffff-ffff-ffffffffffff"), graph.ID("a0000000-0000-0000-0000-000000000000")
	l, _ := parseID(lo)
	h, _ := parseID(hi)
	if string(kindKey(graph.KindPerson, l)) >= string(kindKey(graph.KindPerson, h)) {
		t.Errorf("key of %s sorts after key of %s", lo, hi)
	}
}

func TestStartOrderIsDateOrder(t *testing.T) {
	// The start index relies on encoded starts sorting as graph.CompareDates does, with no
	// start last.
	dates := []graph.Date{"2023-12-31", "2024", "2024-01", "2024-01-01", "2024-01-02", "2024-02", "2025", ""}
	for i := 1; i < len(dates); i++ {
		a, b := dates[i-1], dates[i]
		if string(startPrefix(a)) >= string(startPrefix(b)) {
			t.Errorf("start %q sorts after start %q", a, b)
		}
		if b != "" && graph.CompareDates(a, b) >= 0 {
			t.Errorf("CompareDates(%q, %q) >= 0, the test's order is wrong", a, b)
		}
	}
}
