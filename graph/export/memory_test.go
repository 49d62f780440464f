package export

import (
	"context"
	"runtime"
	"slices"
	"testing"

	"github.com/kgraph/kg/graph/badgerstore"
	"github.com/kgraph/kg/internal/corpusgen"
	"github.com/kgraph/kg/loader"
)

// heapSampler is a writer that counts what passes through it and, every sampleEvery bytes,
// collects garbage and samples the live heap: a writer that held the graph would show a heap
// growing with the output.
type heapSampler struct {
	written, next int64
	samples       []uint64
}

const sampleEvery = 4 << 20

func (h *heapSampler) Write(p []byte) (int, error) {
	h.written += int64(len(p))
	if h.written >= h.next {
		h.next = h.written + sampleEvery
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		h.samples = append(h.samples, m.HeapAlloc)
	}
	return len(p), nil
}

// TestExportMemoryFlat exports a store of 10,000 generated documents in every format and
// checks that the live heap stays flat: after the first tenth of the output, it never grows
// by more than maxGrowth, however much more is written.
func TestExportMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("loads 10,000 documents")
	}
	const docs = 10000
	// The store's node cache (at most 65,536 nodes) fills during the first pages; beyond that,
	// a page of nodes, their edges and the encoder's buffers are all that a writer holds.
	const maxGrowth = 32 << 20
	ctx := context.Background()
	corpus := t.TempDir()
	if _, err := corpusgen.Write(corpusgen.Config{Seed: 7, Docs: docs}, corpus); err != nil {
		t.Fatal(err)
	}
	st, err := badgerstore.Open(ctx, badgerstore.Config{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sum, err := loader.New(loader.Config{Store: st}).Load(ctx, []string{corpus})
	if err != nil || sum.Added != docs {
		t.Fatalf("load: %d of %d documents added, error %v", sum.Added, docs, err)
	}
	for _, name := range FormatNames() {
		t.Run(name, func(t *testing.T) {
			h := &heapSampler{}
			if err := Streams[name](ctx, st, h); err != nil {
				t.Fatal(err)
			}
			if len(h.samples) < 10 {
				t.Fatalf("%d bytes written, too few to sample the heap", h.written)
			}
			base := h.samples[len(h.samples)/10]
			peak := slices.Max(h.samples[len(h.samples)/10:])
			t.Logf("%.1f MB written; live heap after a tenth %.1f MB, peak after %.1f MB", float64(h.written)/1e6, mb(base), mb(peak))
			if peak > base+maxGrowth {
				t.Errorf("the live heap grew from %.1f MB to %.1f MB while exporting %.1f MB", mb(base), mb(peak), float64(h.written)/1e6)
			}
		})
	}
}

func mb(b uint64) float64 { return float64(b) / (1 << 20) }
