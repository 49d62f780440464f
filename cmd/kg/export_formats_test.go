package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportGraphMLAndCSV loads a document and exports it as GraphML, to a file and to
// standard output, and as CSV files for neo4j-admin into a folder.
func TestExportGraphMLAndCSV(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	var stderr bytes.Buffer
	if code := run(ctx, []string{"load", "--data", data, filepath.Join(corpus, "csto-minsk-2023.txt")}, io.Discard, &stderr); code != 0 {
		t.Fatalf("load exited with %d:\n%s", code, stderr.String())
	}

	out := filepath.Join(t.TempDir(), "kg.graphml")
	if code := run(ctx, []string{"export", "--data", data, "--format", "graphml", "--out", out}, io.Discard, &stderr); code != 0 {
		t.Fatalf("export --format graphml exited with %d:\n%s", code, stderr.String())
	}
	file, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var stdout bytes.Buffer
	if code := run(ctx, []string{"export", "--data", data, "--format", "graphml"}, &stdout, &stderr); code != 0 {
		t.Fatalf("export --format graphml to standard output exited with %d:\n%s", code, stderr.String())
	}
	if !bytes.Equal(file, stdout.Bytes()) {
		t.Error("the GraphML file and standard output differ")
	}
	var doc struct {
		XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
		Nodes   []struct {
			ID string `xml:"id,attr"`
		} `xml:"graph>node"`
		Edges []struct {
			Source string `xml:"source,attr"`
		} `xml:"graph>edge"`
	}
	if err := xml.Unmarshal(file, &doc); err != nil {
		t.Fatalf("parse GraphML: %v", err)
	}
	if len(doc.Nodes) == 0 || len(doc.Edges) == 0 {
		t.Errorf("GraphML has %d nodes and %d edges, want some of each", len(doc.Nodes), len(doc.Edges))
	}
	if !bytes.Contains(file, []byte(`<data key="name">Alexander Lukashenko</data>`)) {
		t.Error("GraphML lacks Alexander Lukashenko")
	}

	dir := filepath.Join(t.TempDir(), "neo4j")
	if code := run(ctx, []string{"export", "--data", data, "--format", "csv", "--out", dir}, io.Discard, &stderr); code != 0 {
		t.Fatalf("export --format csv exited with %d:\n%s", code, stderr.String())
	}
	for name, header := range map[string]string{
		"nodes.csv":              "id:ID,:LABEL,name",
		"relationships.csv":      ":START_ID,:END_ID,:TYPE",
		"evidence.csv":           ":ID,:LABEL,fact",
		"evidence_documents.csv": ":START_ID,:END_ID,:TYPE",
	} {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(rows) < 2 || !strings.HasPrefix(strings.Join(rows[0], ","), header) {
			t.Errorf("%s: %d rows, header %q; want data under a header starting %s", name, len(rows), rows[0], header)
		}
	}
}

// TestExportUsage checks the mistakes that kg export refuses before it opens the store.
func TestExportUsage(t *testing.T) {
	for _, args := range [][]string{
		{"--format", "csv"},
		{"--format", "csv", "--out", "-"},
		{"--format", "svg"},
		{"--format", "graphml", "extra"},
	} {
		var stderr bytes.Buffer
		args = append([]string{"export", "--data", t.TempDir()}, args...)
		if code := run(context.Background(), args, io.Discard, &stderr); code != 2 {
			t.Errorf("kg %v exited with %d, want 2:\n%s", args, code, stderr.String())
		}
	}
	var stderr bytes.Buffer
	if code := run(context.Background(), []string{"export", "--help"}, io.Discard, &stderr); code != 0 || !strings.Contains(stderr.String(), "csv, graphml, jsonl") {
		t.Errorf("kg export --help exited with %d and lists no formats:\n%s", code, stderr.String())
	}
}
