package server

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"text/template"

	"github.com/google/go-cmp/cmp"

	"github.com/kgraph/kg/graph"
)

var update = flag.Bool("update", false, "rewrite the golden .json files in testdata/")

// TestGolden runs every testdata/*.graphql query against the test store and compares the
// indented result, errors included, with the .json file beside it. Queries name nodes as
// {{id "Kind" "name"}}, which expands to the fixture's ID of that node.
func TestGolden(t *testing.T) {
	st := newTestStore(t)
	files, err := filepath.Glob("testdata/*.graphql")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden queries: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".graphql")
		t.Run(name, func(t *testing.T) {
			result, _ := Query(context.Background(), st, goldenQuery(t, file), nil) // errors are part of the golden output
			var got bytes.Buffer
			if err := json.Indent(&got, result, "", "  "); err != nil {
				t.Fatalf("result is not JSON: %v\n%s", err, result)
			}
			got.WriteByte('\n')
			golden := strings.TrimSuffix(file, ".graphql") + ".json"
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), got.String()); diff != "" {
				t.Errorf("%s (-want +got):\n%s", golden, diff)
			}
		})
	}
}

// goldenQuery reads a golden query, expanding {{id "Kind" "name"}} to the fixture's ID of the node.
func goldenQuery(t *testing.T, file string) string {
	t.Helper()
	funcs := template.FuncMap{"id": func(kind, name string) graph.ID { return id(graph.ParseKind(kind), name) }}
	tmpl, err := template.New(filepath.Base(file)).Funcs(funcs).ParseFiles(file)
	if err != nil {
		t.Fatal(err)
	}
	var query bytes.Buffer
	if err := tmpl.Execute(&query, nil); err != nil {
		t.Fatal(err)
	}
	return query.String()
}
