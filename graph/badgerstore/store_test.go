package badgerstore

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kgraph/kg/graph"
)

func TestOpenInUse(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// Badger's lock is an flock, which a second open of the directory meets even in-process.
	if second, err := Open(ctx, Config{Dir: dir}); !errors.Is(err, graph.ErrStoreInUse) {
		if err == nil {
			second.Close()
		}
		t.Errorf("second Open error = %v, want ErrStoreInUse", err)
	}
}

func TestReopenKeepsEverything(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	s, err := Open(ctx, Config{Dir: dir, Logger: logger})
	if err != nil {
		t.Fatal(err)
	}
	put(t, s, allDocs()...)
	before := takeSnapshot(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(logs.Bytes(), []byte("component=badger")) {
		t.Errorf("Badger logged nothing through the logger:\n%s", logs.String())
	}

	s, err = Open(ctx, Config{Dir: dir, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if diff := cmp.Diff(before, takeSnapshot(t, s)); diff != "" {
		t.Errorf("reopened store (-before +after):\n%s", diff)
	}
	if err := s.PutDocument(ctx, docMinsk().cs); !errors.Is(err, ErrReadOnly) {
		t.Errorf("PutDocument on a read-only store: error %v, want ErrReadOnly", err)
	}
}
