package badgerstore

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kgraph/kg/graph"
)

// TestMinFree asks the store to keep more space free than its disk has: a document write is
// refused with graph.ErrDiskFull before it starts, the documents stored before are unchanged,
// and the store closes and reopens. TestLoadDiskFull (cmd/kg) fills a real disk.
func TestMinFree(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	put(t, s, docMinsk().cs)
	before := takeSnapshot(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	free, ok := freeSpace(dir)
	if !ok {
		t.Skip("the free space cannot be read on this system")
	}

	s, err = Open(ctx, Config{Dir: dir, MinFree: free + 1<<30})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.PutDocument(ctx, docYerevan().cs); !errors.Is(err, graph.ErrDiskFull) {
		t.Errorf("PutDocument with too little free space: error %v, want ErrDiskFull", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(ctx, Config{Dir: dir, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if diff := cmp.Diff(before, takeSnapshot(t, s)); diff != "" {
		t.Errorf("the store after a refused write (-before +after):\n%s", diff)
	}
}
