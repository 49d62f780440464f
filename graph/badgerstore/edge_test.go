package badgerstore

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/uuid"

	"github.com/kgraph/kg/graph"
)

func TestEvidenceEncoding(t *testing.T) {
	const text = "The CSTO Secretary General  arrived in Bishkek. He met the President."
	doc := uuid.New()
	tests := []struct {
		name    string
		ev      graph.Evidence
		maxSize int // bytes of the encoded value
	}{
		{"text at its offset", graph.Evidence{Sentence: "He met the President.", Offset: 48}, 2},
		{"normalised", graph.Evidence{Sentence: "The CSTO Secretary General arrived in Bishkek.", Offset: 0}, 49},
		{"past the end", graph.Evidence{Sentence: "He met the President. Later", Offset: 48}, 29},
		{"with a confidence", graph.Evidence{Sentence: "He met the President.", Offset: 48, Confidence: 0.7}, 3},
	}
	for _, tt := range tests {
		b := encodeEvidence(text, []graph.Evidence{tt.ev})
		if len(b) > tt.maxSize {
			t.Errorf("%s: encoded in %d bytes, want at most %d", tt.name, len(b), tt.maxSize)
		}
		got, err := decodeEvidence(b, doc, text)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		want := tt.ev
		want.Document = formatID(doc)
		if diff := cmp.Diff([]graph.Evidence{want}, got); diff != "" {
			t.Errorf("%s: decodeEvidence (-want +got):\n%s", tt.name, diff)
		}
	}
	for _, bad := range [][]byte{{0x80}, {5, 200}, {0, 13, 'a'}, {2, 8}, {0, 2}} {
		if evs, err := decodeEvidence(bad, doc, "abc"); err == nil {
			t.Errorf("decodeEvidence(%x) = %v, want error", bad, evs)
		}
	}
}
