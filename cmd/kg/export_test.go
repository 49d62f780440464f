package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestExportImportRoundTrip exports a loaded store as JSON lines and imports them into a new
// store: the two hold the same graph, down to which document states each node and edge, so that
// loading the corpus again into the new store finds every document unchanged.
func TestExportImportRoundTrip(t *testing.T) {
	ctx := context.Background()
	loaded, imported := t.TempDir(), filepath.Join(t.TempDir(), "imported")
	var stderr bytes.Buffer
	if code := run(ctx, []string{"load", "--data", loaded, corpus}, io.Discard, &stderr); code != 0 {
		t.Fatalf("load exited with %d:\n%s", code, stderr.String())
	}
	export := filepath.Join(t.TempDir(), "graph.jsonl")
	if code := run(ctx, []string{"export", "--format", "jsonl", "--data", loaded, "--out", export}, io.Discard, &stderr); code != 0 {
		t.Fatalf("export exited with %d:\n%s", code, stderr.String())
	}
	if code := run(ctx, []string{"import", "--data", imported, export}, io.Discard, &stderr); code != 0 {
		t.Fatalf("import exited with %d:\n%s", code, stderr.String())
	}
	want := dumpStore(t, loaded)
	if got := dumpStore(t, imported); got != want || want == "" {
		t.Errorf("the imported store differs from the loaded one:\n%s", lineDiff(want, got))
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(imported), "*")); len(left) != 1 {
		t.Errorf("import left %v beside the store", left)
	}

	var again bytes.Buffer
	if code := run(ctx, []string{"export", "--format", "jsonl", "--data", imported}, &again, &stderr); code != 0 {
		t.Fatalf("second export exited with %d:\n%s", code, stderr.String())
	}
	first, err := os.ReadFile(export)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, again.Bytes()) {
		t.Error("exports of the loaded and the imported store differ")
	}

	stderr.Reset()
	if code := run(ctx, []string{"load", "--data", imported, corpus}, io.Discard, &stderr); code != 0 {
		t.Fatalf("load into the imported store exited with %d:\n%s", code, stderr.String())
	}
	files, _ := filepath.Glob(filepath.Join(corpus, "*.txt"))
	if want := "0 added, " + strconv.Itoa(len(files)) + " unchanged"; !strings.Contains(stderr.String(), want) {
		t.Errorf("load into the imported store: summary lacks %q:\n%s", want, stderr.String())
	}
}

// TestImportBadLines imports an export spoiled by bad lines: each is reported with the file
// and its line number, and every document that the bad lines do not touch is stored.
func TestImportBadLines(t *testing.T) {
	ctx := context.Background()
	loaded, imported := t.TempDir(), t.TempDir()
	var stderr bytes.Buffer
	if code := run(ctx, []string{"load", "--data", loaded, corpus}, io.Discard, &stderr); code != 0 {
		t.Fatalf("load exited with %d:\n%s", code, stderr.String())
	}
	var out bytes.Buffer
	if code := run(ctx, []string{"export", "--format", "jsonl", "--data", loaded}, &out, &stderr); code != 0 {
		t.Fatalf("export exited with %d:\n%s", code, stderr.String())
	}
	lines := strings.SplitAfter(out.String(), "\n")
	bad := []string{
		"{not json\n",
		`{"type":"triangle"}` + "\n",
		`{"type":"node","id":"6f1c9a52-8d0e-4b7a-9f3e-2a1d5c7b9e40","kind":"Dragon","documents":["x"]}` + "\n",
		`{"type":"edge","from":"a","relation":"part-of","to":"b"}` + "\n",
		`{"type":"node","id":"9e0c5b7a-2f1d-5c3e-8a4b-6d7e8f901234","kind":"Person","name":"Nobody","documents":["1f2e3d4c-5b6a-5978-8695-a4b3c2d1e0f9"]}` + "\n",
	}
	spoiled := strings.Join(lines[:3], "") + strings.Join(bad, "") + strings.Join(lines[3:], "")
	path := filepath.Join(t.TempDir(), "spoiled.jsonl")
	if err := os.WriteFile(path, []byte(spoiled), 0o644); err != nil {
		t.Fatal(err)
	}
	stderr.Reset()
	if code := run(ctx, []string{"import", "--data", imported, path}, io.Discard, &stderr); code != 1 {
		t.Errorf("import of bad lines exited with %d, want 1:\n%s", code, stderr.String())
	}
	for line, reason := range map[int]string{4: "invalid character", 5: `type "triangle"`, 6: `kind "Dragon"`, 7: "no document states it"} {
		if !errorLine(stderr.String(), path, "line "+strconv.Itoa(line)+":", reason) {
			t.Errorf("no error for line %d (%s):\n%s", line, reason, stderr.String())
		}
	}
	if !errorLine(stderr.String(), path, "document 1f2e3d4c-5b6a-5978-8695-a4b3c2d1e0f9:", "no line of its own") {
		t.Errorf("no error for the document named only by a node:\n%s", stderr.String())
	}
	if want := dumpStore(t, loaded); dumpStore(t, imported) != want {
		t.Errorf("the good lines did not give the loaded graph:\n%s", lineDiff(want, dumpStore(t, imported)))
	}
}
