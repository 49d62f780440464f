package export

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteFile checks that a written file appears whole and readable by others, and that a
// failed write leaves nothing in the folder, neither the file nor its temporary.
func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "graph.jsonl")
	if err := WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "whole\n"); return err }); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil || string(b) != "whole\n" {
		t.Fatalf("read back %q, %v", b, err)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", info.Mode().Perm())
	}

	broken := errors.New("store closed")
	failed := filepath.Join(dir, "failed.jsonl")
	err = WriteFile(failed, func(w io.Writer) error { io.WriteString(w, "half"); return broken })
	if !errors.Is(err, broken) {
		t.Errorf("WriteFile of a failing write: %v, want %v", err, broken)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("after a failed write the folder holds %d entries, want only %s", len(entries), path)
	}
}
