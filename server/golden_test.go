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
	"github.com/kgraph/kg/graph/badgerstore"
	"github.com/kgraph/kg/loader"
)

var update = flag.Bool("update", false, "rewrite the golden .json files in testdata/")

// TestGolden runs every testdata/*.graphql query against the test store and compares the
// indented result, errors included, with the .json file beside it. Queries name nodes as
// {{id "Kind" "name"}}, which expands to the fixture's ID of that node.
func TestGolden(t *testing.T) {
	runGolden(t, "testdata", newTestStore(t), func(kind, name string) graph.ID { return id(graph.ParseKind(kind), name) })
}

// TestGoldenCorpus runs the queries of testdata/corpus/ against the project's test corpus as
// the loader reads it, so the golden answers show what a user of `kg serve --load
// testdata/corpus` sees. {{id "Kind" "name"}} expands to the ID of the node that name finds.
func TestGoldenCorpus(t *testing.T) {
	ctx := context.Background()
	st, err := badgerstore.Open(ctx, badgerstore.Config{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	// Document IDs come from the absolute path, and which document names a merged event first
	// follows from them; loading under a fixed name keeps the answers the same in every checkout.
	files, err := filepath.Glob("../testdata/corpus/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test corpus: %v", err)
	}
	l := loader.New(loader.Config{Store: st})
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := l.LoadBytes(ctx, "/corpus/"+filepath.Base(file), data); err != nil {
			t.Fatalf("load the test corpus: %v", err)
		}
	}
	runGolden(t, "testdata/corpus", st, func(kind, name string) graph.ID {
		ids, err := st.Lookup(ctx, graph.ParseKind(kind), name)
		if err != nil || len(ids) != 1 {
			t.Fatalf("%s %q names %d nodes (%v), want 1", kind, name, len(ids), err)
		}
		return ids[0]
	})
}

// runGolden runs every dir/*.graphql query against st and compares the indented result, errors
// included, with the .json file beside it; idOf expands {{id "Kind" "name"}}.
func runGolden(t *testing.T, dir string, st graph.Store, idOf func(kind, name string) graph.ID) {
	files, err := filepath.Glob(filepath.Join(dir, "*.graphql"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden queries in %s: %v", dir, err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".graphql")
		t.Run(name, func(t *testing.T) {
			result, _ := Query(context.Background(), st, goldenQuery(t, file, idOf), nil) // errors are part of the golden output
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

// goldenQuery reads a golden query, expanding {{id "Kind" "name"}} with idOf.
func goldenQuery(t *testing.T, file string, idOf func(kind, name string) graph.ID) string {
	t.Helper()
	tmpl, err := template.New(filepath.Base(file)).Funcs(template.FuncMap{"id": idOf}).ParseFiles(file)
	if err != nil {
		t.Fatal(err)
	}
	var query bytes.Buffer
	if err := tmpl.Execute(&query, nil); err != nil {
		t.Fatal(err)
	}
	return query.String()
}
