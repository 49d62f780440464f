package badgerstore

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"log/slog"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"
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

// TestFormatVersion checks that a store written with another key layout is refused with a clear
// error, and that a new store is marked with this layout.
func TestFormatVersion(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st, err := Open(ctx, Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.db.Update(func(txn *badger.Txn) error {
		if err := txn.Set([]byte{prefixFormat}, binary.BigEndian.AppendUint64(nil, formatVersion+1)); err != nil {
			return err
		}
		return txn.Set([]byte{prefixManifest, 1}, nil) // the store holds something
	}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if _, err := Open(ctx, Config{Dir: dir}); !errors.Is(err, ErrFormat) {
		t.Fatalf("Open of a store with another layout: %v, want ErrFormat", err)
	}
	st, err = Open(ctx, Config{Dir: t.TempDir()})
	if err != nil {
		t.Fatalf("Open of a new store: %v", err)
	}
	defer st.Close()
	if err := st.db.View(func(txn *badger.Txn) error { _, err := txn.Get([]byte{prefixFormat}); return err }); err != nil {
		t.Errorf("a new store has no format key: %v", err)
	}
}

// TestCloseWaitsForReads closes the store while a read is under way, as a server does when it
// stops during a long computation: Close waits for the read, whose data Badger would otherwise
// unmap under it, and later reads fail with ErrClosed.
func TestCloseWaitsForReads(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, Config{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	put(t, s, allDocs()...)
	reading, release, readDone := make(chan struct{}), make(chan struct{}), make(chan error)
	go func() {
		readDone <- s.view(ctx, func(txn *badger.Txn) error {
			close(reading)
			<-release
			_, _, err := getValue(txn, []byte{prefixFormat})
			return err
		})
	}()
	<-reading
	closed := make(chan error)
	go func() { closed <- s.Close() }()
	select {
	case err := <-closed:
		t.Fatalf("Close returned (%v) while a read was under way", err)
	case <-time.After(100 * time.Millisecond):
	}
	close(release)
	if err := <-readDone; err != nil {
		t.Errorf("the read under way failed: %v", err)
	}
	if err := <-closed; err != nil {
		t.Fatal(err)
	}
	if _, err := s.Stats(ctx); !errors.Is(err, ErrClosed) {
		t.Errorf("Stats after Close: error %v, want ErrClosed", err)
	}
	if err := s.PutDocument(ctx, docMinsk().cs); !errors.Is(err, ErrClosed) {
		t.Errorf("PutDocument after Close: error %v, want ErrClosed", err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}
