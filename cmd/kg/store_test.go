package main

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/kgraph/kg/graph/badgerstore"
)

// TestMain lets a test start kg as a process of its own: with KG_TEST_RUN_KG=1 the test binary
// runs kg with its arguments instead of the tests.
func TestMain(m *testing.M) {
	if os.Getenv("KG_TEST_RUN_KG") == "1" {
		os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// kgProcess runs kg in a process of its own and returns its exit status and stderr; it fails
// the test if kg does not end within ten seconds.
func kgProcess(t *testing.T, args ...string) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], args...)
	cmd.Env = append(os.Environ(), "KG_TEST_RUN_KG=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("kg %v did not end in 10s (a hang):\n%s", args, stderr.String())
	}
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, stderr.String()
}

// TestStoreInUse holds the store open in this process while another kg process loads into it,
// queries it and serves it: each ends at once with a "store in use" error naming the folder.
func TestStoreInUse(t *testing.T) {
	data := t.TempDir()
	st, err := badgerstore.Open(context.Background(), badgerstore.Config{Dir: data})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, args := range [][]string{
		{"load", "--data", data, corpus},
		{"query", "--data", data, "{ stats { edges } }"},
		{"serve", "--data", data, "--addr", "127.0.0.1:0"},
	} {
		code, stderr := kgProcess(t, args...)
		if code != 1 || !strings.Contains(stderr, "store in use") || !strings.Contains(stderr, data) {
			t.Errorf("kg %s while the store is open elsewhere: exit %d, stderr:\n%s", args[0], code, stderr)
		}
	}
}

// TestStoreReadOnlyFolder makes the data folder read-only: kg load fails with a clear error and
// writes nothing, and once the folder is writable again the store opens with the same graph.
// Permissions do not stop root, so as root the folder is bind-mounted read-only instead; the
// test is skipped when neither is possible.
func TestStoreReadOnlyFolder(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	var stderr bytes.Buffer
	if code := run(ctx, []string{"load", "--data", data, filepath.Join(corpus, "csto-minsk-2023.txt")}, io.Discard, &stderr); code != 0 {
		t.Fatalf("load exited with %d:\n%s", code, stderr.String())
	}
	before := dumpStore(t, data)
	chmodAll(t, data, 0o444, 0o555)
	writable := func() { chmodAll(t, data, 0o644, 0o755) }
	t.Cleanup(writable)
	if f, err := os.Create(filepath.Join(data, "probe")); err == nil {
		f.Close()
		os.Remove(f.Name())
		unmount, err := mountReadOnly(data)
		if err != nil {
			t.Skipf("permissions do not stop this user (root) from writing, and a read-only bind mount failed: %v", err)
		}
		writable = func() {
			if err := unmount(); err != nil {
				t.Fatal(err)
			}
		}
	}

	stderr.Reset()
	code := run(ctx, []string{"load", "--data", data, corpus}, io.Discard, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), data) || !regexp.MustCompile("permission denied|read-only file system").MatchString(stderr.String()) {
		t.Errorf("load into a read-only folder: exit %d, stderr:\n%s", code, stderr.String())
	}

	writable()
	chmodAll(t, data, 0o644, 0o755)
	if after := dumpStore(t, data); after != before {
		t.Errorf("the store changed:\n%s", lineDiff(before, after))
	}
	stderr.Reset()
	if code := run(ctx, []string{"load", "--data", data, corpus}, io.Discard, &stderr); code != 0 {
		t.Errorf("load after the folder is writable again exited with %d:\n%s", code, stderr.String())
	}
}

// chmodAll sets the mode of every file and folder under dir.
func chmodAll(t *testing.T, dir string, file, folder fs.FileMode) {
	t.Helper()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.Chmod(path, folder)
		}
		return os.Chmod(path, file)
	})
	if err != nil {
		t.Fatal(err)
	}
}
