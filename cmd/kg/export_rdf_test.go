package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportRDF exports a loaded document as RDF with its Dgraph schema, each to its file.
func TestExportRDF(t *testing.T) {
	ctx := context.Background()
	data, out := t.TempDir(), t.TempDir()
	var stderr bytes.Buffer
	if code := run(ctx, []string{"load", "--data", data, filepath.Join(corpus, "csto-minsk-2023.txt")}, io.Discard, &stderr); code != 0 {
		t.Fatalf("load exited with %d:\n%s", code, stderr.String())
	}
	rdf, schema := filepath.Join(out, "graph.rdf"), filepath.Join(out, "graph.schema")
	args := []string{"export", "--data", data, "--format", "rdf", "--out", rdf, "--dgraph-schema", schema}
	if code := run(ctx, args, io.Discard, &stderr); code != 0 {
		t.Fatalf("export exited with %d:\n%s", code, stderr.String())
	}
	for path, want := range map[string][]string{
		rdf:    {`<dgraph.type> "Event" .`, `<dgraph.type> "Evidence" .`, "<evidence.sentence> "},
		schema: {"xid: string @index(exact) @upsert .", "type Event {", "type Fact {"},
	} {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if !strings.Contains(string(b), w) {
				t.Errorf("%s lacks %q", filepath.Base(path), w)
			}
		}
	}
	if entries, _ := os.ReadDir(out); len(entries) != 2 {
		t.Errorf("export left %d files in its folder, want 2", len(entries))
	}
}
