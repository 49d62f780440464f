package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/badgerstore"
	"github.com/kgraph/kg/internal/corpusgen"
)

// TestLoadDiskFull runs kg load into a store on a small tmpfs until the disk fills. kg must
// stop with an error naming the document and the reason, not crash (Badger's memory-mapped
// writes into a full disk are a SIGBUS) nor hang; the store must then open holding exactly the
// documents stored before, each whole; and once there is room, a re-run must complete. It
// needs to mount a tmpfs (root with CAP_SYS_ADMIN) and is skipped otherwise.
func TestLoadDiskFull(t *testing.T) {
	ctx := context.Background()
	corpusDir := t.TempDir()
	const docs = 240
	if _, err := corpusgen.Write(corpusgen.Config{Seed: 11, Docs: docs}, corpusDir); err != nil {
		t.Fatal(err)
	}
	disk := t.TempDir()
	if err := syscall.Mount("tmpfs", disk, "tmpfs", 0, "size=12m"); err != nil {
		t.Skipf("cannot mount a small tmpfs to fill (%v): this test needs root with CAP_SYS_ADMIN", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(disk, syscall.MNT_DETACH); err != nil {
			t.Error(err)
		}
	})
	data := filepath.Join(disk, "data")

	// 12 MiB, 10 of which kg keeps free: the disk fills part of the way through the corpus.
	code, stderr := kgProcess(t, "load", "--data", data, "--min-free", "10", corpusDir)
	failed := regexp.MustCompile(`load (\S+/d\d+\.txt): .*disk full: .* MiB free on the disk of ` + regexp.QuoteMeta(data)).FindStringSubmatch(stderr)
	if code != 1 || failed == nil || !strings.Contains(stderr, "the documents stored before it are intact") ||
		strings.Contains(stderr, "panic") || strings.Contains(stderr, "fatal error") {
		t.Fatalf("load into a full disk: exit %d, stderr:\n%s", code, stderr)
	}

	files, err := filepath.Glob(filepath.Join(corpusDir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	stored := storedDocuments(t, data, files)
	k := len(stored)
	t.Logf("the disk filled after %d of %d documents", k, docs)
	if k == 0 || k == docs || failed[1] != files[k] {
		t.Fatalf("%d of %d documents stored; the error names %s, the next one is %s", k, docs, failed[1], files[min(k, docs-1)])
	}
	for i, f := range files[:k] {
		if stored[i] != f {
			t.Fatalf("stored %s, not the documents before %s in order", stored[i], failed[1])
		}
	}
	// Each stored document is whole: the graph is that of a clean load of exactly those.
	clean := t.TempDir()
	if code := run(ctx, append([]string{"load", "--data", clean}, files[:k]...), io.Discard, io.Discard); code != 0 {
		t.Fatalf("clean load of %d documents exited with %d", k, code)
	}
	if want, got := dumpStore(t, clean), dumpStore(t, data); got != want {
		t.Fatalf("the store after the disk filled differs from a clean load of its %d documents:\n%s", k, lineDiff(want, got))
	}

	if err := syscall.Mount("tmpfs", disk, "tmpfs", syscall.MS_REMOUNT, "size=256m"); err != nil {
		t.Fatal(err)
	}
	code, stderr = kgProcess(t, "load", "--data", data, "--min-free", "10", corpusDir)
	summary := fmt.Sprintf("documents: %d read, %d added, %d unchanged, 0 replaced, 0 failed", docs, docs-k, k)
	if code != 0 || !strings.Contains(stderr, summary) {
		t.Fatalf("re-run with room: exit %d, want %q in stderr:\n%s", code, summary, stderr)
	}
}

// TestLoadFileSizeLimit runs kg load under a file size limit (ulimit -f) of 100 or 200 MB, as
// the shell counts blocks, smaller than the files Badger creates, sparse, when it opens a store: kg is not killed by SIGXFSZ (Go
// ignores it, so the write fails with EFBIG) and says which limit is too small.
func TestLoadFileSizeLimit(t *testing.T) {
	data := t.TempDir()
	cmd := exec.Command("sh", "-c", `ulimit -f 200000 && exec "$0" "$@"`, os.Args[0], "load", "--data", data, corpus)
	cmd.Env = append(os.Environ(), "KG_TEST_RUN_KG=1")
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 || !strings.Contains(string(out), "open store "+data+": the file size limit (ulimit -f) is under") {
		t.Errorf("load under ulimit -f: %v, output:\n%s", err, out)
	}
}

// storedDocuments opens the store in dir and returns, in order, those of files it holds.
func storedDocuments(t *testing.T, dir string, files []string) []string {
	t.Helper()
	ctx := context.Background()
	st, err := badgerstore.Open(ctx, badgerstore.Config{Dir: dir, ReadOnly: true})
	if err != nil {
		t.Fatalf("the store does not open: %v", err)
	}
	defer st.Close()
	var stored []string
	for _, f := range files {
		_, err := st.DocumentHash(ctx, graph.NewID(graph.KindDocument, f))
		switch {
		case err == nil:
			stored = append(stored, f)
		case !errors.Is(err, graph.ErrNotFound):
			t.Fatal(err)
		}
	}
	return stored
}

// mountReadOnly bind-mounts dir read-only onto itself, which stops root too, and returns the
// function that undoes it.
func mountReadOnly(dir string) (func() error, error) {
	if err := syscall.Mount(dir, dir, "", syscall.MS_BIND, ""); err != nil {
		return nil, err
	}
	unmount := func() error { return syscall.Unmount(dir, syscall.MNT_DETACH) }
	if err := syscall.Mount("", dir, "", syscall.MS_REMOUNT|syscall.MS_BIND|syscall.MS_RDONLY, ""); err != nil {
		unmount()
		return nil, err
	}
	return unmount, nil
}
