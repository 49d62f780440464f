package loader

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/loader/gazetteer"
	"github.com/kgraph/kg/loader/text"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestExtractGolden reads every document of the project's test corpus and compares the facts
// extracted from it with testdata/golden/<name>.facts.
func TestExtractGolden(t *testing.T) {
	files, err := filepath.Glob("../testdata/corpus/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test documents: %v", err)
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			got := renderFacts(t, extractFile(t, path))
			golden := filepath.Join("../testdata/golden", strings.TrimSuffix(name, ".txt")+".facts")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./loader -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("facts of %s (-want +got):\n%s", name, diff)
			}
		})
	}
}

func extractFile(t *testing.T, path string) *graph.ChangeSet {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := text.Read(path, data)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := Extract(context.Background(), gazetteer.Default(), nil, graph.NewID(graph.KindDocument, filepath.Base(path)), doc)
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// renderFacts prints a ChangeSet as sorted lines a person can review: each node with its kind,
// name and attributes, then each edge between named ends.
func renderFacts(t *testing.T, cs *graph.ChangeSet) string {
	t.Helper()
	names := map[graph.ID]string{cs.Document.ID: "document"}
	var lines []string
	for _, n := range cs.Nodes {
		names[n.ID] = n.Kind.String() + " " + n.Name
		line := n.Kind.String() + " " + n.Name
		if len(n.Aliases) > 0 {
			a := append([]string(nil), n.Aliases...)
			sort.Strings(a)
			line += " aka " + strings.Join(a, "; ")
		}
		for _, attr := range []struct{ key, val string }{{"acronym", n.Acronym}, {"kind", string(n.PlaceKind)},
			{"type", string(n.EventType)}, {"start", string(n.Start)}, {"end", string(n.End)},
			{"planned", fmt.Sprint(n.Planned)}, {"acting", fmt.Sprint(n.Acting)}} {
			if attr.val != "" && attr.val != "false" {
				line += " " + attr.key + "=" + attr.val
			}
		}
		lines = append(lines, line)
	}
	seen := map[string]bool{}
	for _, e := range cs.Edges {
		if e.Relation == graph.RelMentionedIn {
			continue
		}
		line := fmt.Sprintf("  %s -%s-> %s", names[e.From], e.Relation, names[e.To])
		if len(e.Evidence) > 0 && e.Evidence[0].Confidence > 0 {
			line += fmt.Sprintf(" (confidence %.1f)", e.Evidence[0].Confidence)
		}
		if !seen[line] {
			seen[line] = true
			lines = append(lines, line)
		}
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n") + "\n"
}

func TestExtractEvidence(t *testing.T) {
	files, _ := filepath.Glob("../testdata/corpus/*.txt")
	for _, path := range files {
		cs := extractFile(t, path)
		for _, e := range cs.Edges {
			for _, ev := range e.Evidence {
				if got := cs.Document.Text[ev.Offset : ev.Offset+len(ev.Sentence)]; got != ev.Sentence {
					t.Errorf("%s: evidence %q is not the text at offset %d (%q)", path, ev.Sentence, ev.Offset, got)
				}
			}
		}
	}
}

// TestExplainGolden compares kg explain's report of a test document with its golden file.
func TestExplainGolden(t *testing.T) {
	const name = "interaction-2024"
	data, err := os.ReadFile("../testdata/corpus/" + name + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	ex, err := Explain(context.Background(), gazetteer.Default(), nil, name+".txt", data)
	if err != nil {
		t.Fatal(err)
	}
	var got strings.Builder
	if err := ex.Write(&got); err != nil {
		t.Fatal(err)
	}
	golden := "../testdata/golden/" + name + ".explain"
	if *update {
		if err := os.WriteFile(golden, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./loader -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got.String()); diff != "" {
		t.Errorf("explain %s (-want +got):\n%s", name, diff)
	}
}
