package server

import (
	"fmt"
	"github.com/kgraph/kg/graph"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func newTestCostModel(t testing.TB) *costModel {
	t.Helper()
	e, err := newExecutor(Config{Store: newTestStore(t)})
	if err != nil {
		t.Fatal(err)
	}
	return e.cost
}

// aliases returns a query that asks for field n times under different aliases.
func aliases(n int, field string) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		fmt.Fprintf(&b, " a%d: %s", i, field)
	}
	b.WriteString(" }")
	return b.String()
}

func TestEstimate(t *testing.T) {
	m := newTestCostModel(t)
	unlimited := costLimits{maxCost: costCap, maxFields: 1 << 30}
	tests := []struct {
		name  string
		query string
		vars  map[string]any
		want  int64
	}{
		{"one field", `{ countries { name } }`, nil, 1 + 10},
		{"object field", `{ person(name: "x") { name country { name } } }`, nil, 1 + 1 + 1 + 1},
		{"connection uses first, edges add nothing", `{ events(first: 5) { totalCount edges { node { title } } } }`, nil, 1 + 5*1 + 5 + 5 + 5},
		{"default first", `{ events { edges { node { title } } } }`, nil, 1 + 3*20},
		{"first from a variable", `query($n: Int) { events(first: $n) { edges { node { title } } } }`, map[string]any{"n": float64(2)}, 1 + 3*2},
		{"first from a variable default", `query($n: Int = 3) { events(first: $n) { edges { node { title } } } }`, nil, 1 + 3*3},
		{"first capped at the page size", `{ events(first: 1000000) { edges { node { title } } } }`, nil, 1 + 3*100},
		{"nested lists multiply", `{ events(first: 100) { edges { node { participants { events(first: 100) { totalCount } } } } } }`, nil, 1 + 100*3 + 100*10*(1+100)},
		{"fragments and inline fragments", `{ node(id: "x") { ...P ... on Event { title } } } fragment P on Person { name chaired { title } }`, nil, 1 + 1 + 1 + 10 + 1},
		{"named operation", `query A { countries { name } } query B { node(id: "x") { id } }`, nil, 11},
		{"typename", `{ __typename }`, nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := readQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			got, aerr := m.estimate(doc, "", tt.vars, unlimited)
			if aerr != nil {
				t.Fatal(aerr)
			}
			if got != tt.want {
				t.Errorf("estimate = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestEstimateRefuses(t *testing.T) {
	m := newTestCostModel(t)
	limits := costLimits{maxCost: 20_000, maxFields: 500}
	tests := []struct {
		name, query, wantCode string
	}{
		{"1,000 aliases", aliases(1000, "countries { name }"), codeCostLimit},
		{"cost", `{ events(first: 100) { edges { node { participants { events(first: 100) { edges { node { title } } } } } } } }`, codeCostLimit},
		{"fragment cycle", `{ countries { ...A } } fragment A on Country { name ...B } fragment B on Country { ...A }`, codeBadUserInput},
		{"fragment spreading itself", `{ countries { ...A } } fragment A on Country { ...A }`, codeBadUserInput},
		{"exponential fragments", `{ countries { ...A } } fragment A on Country { ...B ...B ...B ...B ...B } fragment B on Country { ...C ...C ...C ...C ...C } fragment C on Country { ...D ...D ...D ...D ...D } fragment D on Country { name name name name name }`, codeCostLimit},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := readQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			_, aerr := m.estimate(doc, "", nil, limits)
			if aerr == nil || aerr.code != tt.wantCode {
				t.Errorf("estimate error %v, want code %s", aerr, tt.wantCode)
			}
		})
	}
}

// TestEstimateGoldenQueries checks that the queries of the golden tests and GraphiQL's
// introspection query are read and pass the default limits.
func TestEstimateGoldenQueries(t *testing.T) {
	m := newTestCostModel(t)
	def := Config{}.withDefaults()
	files, _ := filepath.Glob("testdata/*.graphql")
	files = append(files, "testdata/introspection.txt")
	for _, file := range files {
		src := goldenQuery(t, file, func(kind, name string) graph.ID { return id(graph.ParseKind(kind), name) })
		doc, err := readQuery(src)
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		if c, aerr := m.estimate(doc, "", nil, costLimits{maxCost: int64(def.MaxCost), maxFields: def.MaxFields}); aerr != nil {
			t.Errorf("%s: cost %d: %v", file, c, aerr)
		}
	}
}

func TestReadQuery(t *testing.T) {
	doc, err := readQuery(`# comment
query Q($a: [Int!]! = [1, 2], $b: Filter = {x: "y", z: """block "" \""" string"""}) @dir(x: 1.5e3) {
  alias: events(first: -3, filter: {text: "a\"b", city: $c}) @include(if: true) { edges { node { ...F ... { id } ... on Event @skip(if: false) { title } } } }
}
fragment F on Event { title }`)
	if err != nil {
		t.Fatal(err)
	}
	op := doc.operations[0]
	if op.name != "Q" || len(op.defaults) != 2 || op.sel[0].name != "events" || op.sel[0].args["first"] != int64(-3) {
		t.Errorf("operation read wrongly: %+v", op)
	}
	node := op.sel[0].sel[0].sel[0].sel
	want := []selection{{spread: "F"}, {sel: []selection{{name: "id"}}}, {on: "Event", sel: []selection{{name: "title"}}}}
	if diff := cmp.Diff(want, node, cmp.AllowUnexported(selection{})); diff != "" {
		t.Errorf("selections (-want +got):\n%s", diff)
	}
	if f := doc.fragments["F"]; f == nil || f.on != "Event" {
		t.Errorf("fragment F read wrongly: %+v", f)
	}
	for _, bad := range []string{`{`, `{ a(x: ) }`, `{ a(x: "unterminated) }`, `query ($x Int) { a }`, `{ a } }`} {
		if _, err := readQuery(bad); err == nil {
			t.Errorf("readQuery(%q) succeeded, want error", bad)
		}
	}
}

// FuzzReadQuery checks that any text is read or refused with a syntax error, never a panic
// or a hang, and that the estimate of what is read terminates within the limits.
func FuzzReadQuery(f *testing.F) {
	for _, seed := range []string{
		`{ events(first: 5) { edges { node { title } } } }`,
		`query Q($n: Int = 3) { a: events(first: $n) { ...F } } fragment F on EventConnection { totalCount }`,
		`{ node(id: "x") { ... on Person { name } ... @include(if: true) { id } } }`,
		`{ search(text: """block""", kinds: [PERSON]) { name } }`,
	} {
		f.Add(seed)
	}
	m := newTestCostModel(f)
	f.Fuzz(func(t *testing.T, src string) {
		doc, err := readQuery(src)
		if err != nil {
			if _, ok := err.(*syntaxError); !ok {
				t.Fatalf("readQuery(%q): error of type %T", src, err)
			}
			return
		}
		m.estimate(doc, "", nil, costLimits{maxCost: 20_000, maxFields: 500})
	})
}
