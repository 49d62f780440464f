package main

import (
	"context"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/badgerstore"
	"github.com/kgraph/kg/internal/corpusgen"
)

// TestKillDuringLoad kills `kg load` with SIGKILL at random moments, checks that the store opens
// after each kill, then lets a load finish and checks that the graph is exactly the one a clean
// load builds: a document is stored whole or not at all, and a re-run converges. It kills five
// times; KG_KILLS sets another number.
func TestKillDuringLoad(t *testing.T) {
	ctx := context.Background()
	corpusDir := t.TempDir()
	if _, err := corpusgen.Write(corpusgen.Config{Seed: 7, Docs: 600}, corpusDir); err != nil {
		t.Fatal(err)
	}
	clean := t.TempDir()
	if code := run(ctx, []string{"load", "--data", clean, corpusDir}, io.Discard, io.Discard); code != 0 {
		t.Fatalf("clean load exited with %d", code)
	}
	want := dumpStore(t, clean)

	kills := 5
	if n, err := strconv.Atoi(os.Getenv("KG_KILLS")); err == nil {
		kills = n
	}
	rng := rand.New(rand.NewPCG(1, 2))
	data := t.TempDir()
	partial := 0 // kills that left some documents unloaded: the test's point
	for i := range kills {
		cmd := exec.Command(os.Args[0], "load", "--data", data, corpusDir)
		cmd.Env = append(os.Environ(), "KG_TEST_RUN_KG=1")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(20+rng.IntN(300)) * time.Millisecond)
		_ = cmd.Process.Kill() // SIGKILL; the load may have finished already
		_ = cmd.Wait()
		st, err := badgerstore.Open(ctx, badgerstore.Config{Dir: data})
		if err != nil {
			t.Fatalf("kill %d: the store does not open: %v", i+1, err)
		}
		stats, err := st.Stats(ctx)
		if err != nil {
			t.Fatalf("kill %d: stats: %v", i+1, err)
		}
		if stats.Nodes[graph.KindDocument] < 600 {
			partial++
		}
		if err := st.Close(); err != nil {
			t.Fatalf("kill %d: close: %v", i+1, err)
		}
	}
	if kills > 0 && partial == 0 {
		t.Fatal("no kill came before the load ended: the loads are too quick for this test")
	}
	t.Logf("%d of %d kills interrupted a load", partial, kills)
	if code := run(ctx, []string{"load", "--data", data, corpusDir}, io.Discard, io.Discard); code != 0 {
		t.Fatalf("the load after the kills exited with %d", code)
	}
	if got := dumpStore(t, data); got != want {
		t.Errorf("after %d kills and a re-run the graph differs from a clean load's (%d vs %d bytes of dump)", kills, len(got), len(want))
	}
}
