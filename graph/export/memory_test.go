package export

import (
	"context"
	"os"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/badgerstore"
	"github.com/kgraph/kg/internal/corpusgen"
	"github.com/kgraph/kg/loader"
)

// sampleHeap collects garbage and samples the live heap every interval until stop closes, and
// then sends the samples: a writer that held the graph would show a heap growing as it writes.
func sampleHeap(interval time.Duration, stop <-chan struct{}) <-chan []uint64 {
	out := make(chan []uint64, 1)
	go func() {
		var samples []uint64
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				out <- samples
				return
			case <-tick.C:
				samples = append(samples, liveHeap())
			}
		}
	}()
	return out
}

// counter counts the bytes written through it.
type counter struct{ n int64 }

func (c *counter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}

// TestExportMemoryFlat exports a store of 10,000 generated documents in every format and
// checks that the live heap stays flat: while hundreds of megabytes are written, it never rises
// more than maxGrowth above where it was before.
func TestExportMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("loads 10,000 documents")
	}
	const docs = 10000
	// A page of nodes, one edge, the document texts that evidence is read from (8 MiB at most)
	// and the encoders' buffers are all that a writer holds; the largest are a page of nodes
	// described by many documents, which it lists, and a fact that thousands of documents state,
	// with every sentence.
	const maxGrowth = 64 << 20
	ctx := context.Background()
	corpus := t.TempDir()
	if _, err := corpusgen.Write(corpusgen.Config{Seed: 7, Docs: docs}, corpus); err != nil {
		t.Fatal(err)
	}
	data := t.TempDir()
	st, err := badgerstore.Open(ctx, badgerstore.Config{Dir: data})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := loader.New(loader.Config{Store: st}).Load(ctx, []string{corpus})
	if err != nil || sum.Added != docs {
		t.Fatalf("load: %d of %d documents added, error %v", sum.Added, docs, err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	// Read-only, as kg export opens it: Badger then runs no compactions, whose buffers would
	// be counted against the export.
	st, err = badgerstore.Open(ctx, badgerstore.Config{Dir: data, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, name := range FormatNames() {
		t.Run(name, func(t *testing.T) {
			// The first export fills the store's bounded caches (blocks, merged nodes); the
			// second is measured from where the first left the heap.
			if _, err := exportAll(ctx, st, name, t.TempDir()); err != nil {
				t.Fatal(err)
			}
			base := liveHeap()
			stop := make(chan struct{})
			samples := sampleHeap(100*time.Millisecond, stop)
			written, err := exportAll(ctx, st, name, t.TempDir())
			close(stop)
			h := <-samples
			if err != nil {
				t.Fatal(err)
			}
			if len(h) < 10 {
				t.Fatalf("%d heap samples, too few to tell", len(h))
			}
			peak := slices.Max(h)
			t.Logf("%.1f MB written; live heap before %.1f MB, peak %.1f MB, after %.1f MB", float64(written)/1e6, mb(base), mb(peak), mb(liveHeap()))
			if peak > base+maxGrowth {
				t.Errorf("the live heap grew from %.1f MB to %.1f MB while exporting %.1f MB", mb(base), mb(peak), float64(written)/1e6)
			}
		})
	}
}

// exportAll exports st in the format name, a stream counted and dropped or CSV files in dir,
// and returns how many bytes it wrote.
func exportAll(ctx context.Context, st graph.Store, name, dir string) (int64, error) {
	if name == CSVFormat {
		err := CSV(ctx, st, dir)
		return dirSize(dir), err
	}
	w := &counter{}
	err := Streams[name](ctx, st, w)
	return w.n, err
}

// liveHeap collects garbage and returns the bytes of the heap left.
func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// dirSize returns the bytes of the files in dir.
func dirSize(dir string) int64 {
	entries, _ := os.ReadDir(dir)
	var n int64
	for _, e := range entries {
		if info, err := e.Info(); err == nil {
			n += info.Size()
		}
	}
	return n
}

func mb(b uint64) float64 { return float64(b) / (1 << 20) }
