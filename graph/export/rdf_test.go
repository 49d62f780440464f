package export

import (
	"bufio"
	"bytes"
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/piprate/json-gold/ld"

	"github.com/kgraph/kg/graph"
)

// triples is a parsed export: for each subject and predicate, the objects, a blank node as its
// label and a literal as its value, with the datatype of each literal.
type triples struct {
	objects   map[string]map[string][]string
	datatypes map[string]map[string]string // subject, predicate → datatype of a literal
}

// parseRDF reads an export with json-gold's N-Quads parser.
func parseRDF(t *testing.T, b []byte) triples {
	t.Helper()
	ds, err := ld.ParseNQuads(string(b))
	if err != nil {
		t.Fatalf("parse N-Quads: %v", err)
	}
	if len(ds.Graphs) != 1 || ds.Graphs["@default"] == nil {
		t.Fatalf("want only the default graph, got %d graphs", len(ds.Graphs))
	}
	tr := triples{map[string]map[string][]string{}, map[string]map[string]string{}}
	for _, q := range ds.Graphs["@default"] {
		s, p := q.Subject.GetValue(), q.Predicate.GetValue()
		if _, ok := q.Subject.(ld.BlankNode); !ok {
			t.Errorf("subject %s is not a blank node", s)
		}
		if tr.objects[s] == nil {
			tr.objects[s] = map[string][]string{}
			tr.datatypes[s] = map[string]string{}
		}
		tr.objects[s][p] = append(tr.objects[s][p], q.Object.GetValue())
		if l, ok := q.Object.(ld.Literal); ok {
			tr.datatypes[s][p] = l.Datatype
		}
	}
	return tr
}

// everyNode reads every node of the store, kind by kind.
func everyNode(t *testing.T, st graph.Store) []*graph.Node {
	t.Helper()
	var nodes []*graph.Node
	for _, k := range graph.Kinds {
		nodes = append(nodes, allNodes(t, st, k)...)
	}
	return nodes
}

// wantFields is the literal values of a node by predicate, as the schema names them.
func wantFields(n *graph.Node) map[string][]string {
	m := map[string][]string{"dgraph.type": {n.Kind.String()}, "xid": {"_:n." + string(n.ID)}}
	add := func(p, v string) {
		if v != "" {
			m[p] = append(m[p], v)
		}
	}
	add("name", n.Name)
	for _, a := range n.Aliases {
		add("alias", a)
	}
	add("acronym", n.Acronym)
	add("place_kind", string(n.PlaceKind))
	add("event_type", string(n.EventType))
	add("start", string(n.Start))
	add("end", string(n.End))
	if n.Planned {
		add("planned", "true")
	}
	add("tenure_from", string(n.From))
	add("tenure_to", string(n.To))
	if n.Acting {
		add("acting", "true")
	}
	for _, d := range n.Seen {
		add("seen", string(d))
	}
	add("source", n.Source)
	add("published", string(n.Published))
	add("text", n.Text)
	add("hash", n.Hash)
	return m
}

// TestRDF checks that every node with its fields, every edge as a predicate and as a fact, and
// every evidence sentence with its document is in the export.
func TestRDF(t *testing.T) {
	ctx := context.Background()
	st := openFixture(t)
	tr := parseRDF(t, exportTo(t, RDF, st))

	nodes := everyNode(t, st)
	if len(nodes) != 10 {
		t.Fatalf("fixture has %d nodes, want 10", len(nodes))
	}
	facts := map[string]bool{}
	for _, n := range nodes {
		label := "_:n." + string(n.ID)
		got := map[string][]string{}
		for p, objects := range tr.objects[label] {
			if _, ok := tr.datatypes[label][p]; ok {
				got[p] = objects
			}
		}
		want := wantFields(n)
		for _, m := range []map[string][]string{got, want} {
			for _, v := range m {
				slices.Sort(v)
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("node %s %q (-want +got):\n%s", n.Kind, n.Name, diff)
		}

		edges, documents := outEdges(t, st, n)
		for i, e := range edges {
			pred := strings.ReplaceAll(string(e.Relation), "-", "_")
			to := "_:n." + string(e.To)
			if !slices.Contains(tr.objects[label][pred], to) {
				t.Errorf("edge %s -%s-> %s: no triple %s <%s> %s", n.Name, e.Relation, e.To, label, pred, to)
			}
			fact := findFact(tr, label, string(e.Relation), to)
			if fact == "" {
				t.Errorf("edge %s -%s-> %s: no fact", n.Name, e.Relation, e.To)
				continue
			}
			facts[fact] = true
			if got := tr.objects[fact]["dgraph.type"]; !slices.Equal(got, []string{"Fact"}) {
				t.Errorf("fact %s has type %q", fact, got)
			}
			var wantDocs []string
			for _, d := range documents[i] {
				wantDocs = append(wantDocs, "_:n."+string(d))
			}
			if got := sorted(tr.objects[fact]["fact.document"]); !slices.Equal(got, sorted(wantDocs)) {
				t.Errorf("fact %s: documents %q, want %q", fact, got, wantDocs)
			}
			var want, got []string
			for _, ev := range e.Evidence {
				conf := ""
				if ev.Confidence != 0 {
					conf = strconv.FormatFloat(ev.Confidence, 'g', -1, 64)
				}
				want = append(want, strings.Join([]string{"_:n." + string(ev.Document), ev.Sentence, strconv.Itoa(ev.Offset), conf}, "|"))
			}
			for _, l := range tr.objects[fact]["fact.evidence"] {
				o := tr.objects[l]
				if !slices.Equal(o["dgraph.type"], []string{"Evidence"}) {
					t.Errorf("evidence %s has type %q", l, o["dgraph.type"])
				}
				got = append(got, strings.Join([]string{first(o["evidence.document"]), first(o["evidence.sentence"]), first(o["evidence.offset"]), first(o["evidence.confidence"])}, "|"))
			}
			if diff := cmp.Diff(sorted(want), sorted(got)); diff != "" {
				t.Errorf("evidence of %s -%s-> %s (-want +got):\n%s", n.Name, e.Relation, e.To, diff)
			}
		}
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(facts) != stats.Edges {
		t.Errorf("%d facts found, the store has %d edges", len(facts), stats.Edges)
	}

	// Dates, booleans and numbers carry the types that make Dgraph store them as the schema
	// says.
	for _, c := range []struct{ subject, predicate, datatype string }{
		{"_:n." + string(fxMeeting), "start", xsd + "date"},
		{"_:n." + string(fxTenure), "tenure_from", xsd + "gYear"},
		{"_:n." + string(fxTenure), "tenure_to", xsd + "gYearMonth"},
		{"_:n." + string(fxTenure), "acting", xsd + "boolean"},
		{"_:n." + string(fxSession), "planned", xsd + "boolean"},
		{"_:n." + string(fxPerson), "name", ld.XSDString},
	} {
		if got := tr.datatypes[c.subject][c.predicate]; got != c.datatype {
			t.Errorf("%s <%s>: datatype %q, want %q", c.subject, c.predicate, got, c.datatype)
		}
	}
}

// findFact returns the label of the fact with the subject, relation and object, or "".
func findFact(tr triples, subject, relation, object string) string {
	for s, o := range tr.objects {
		if slices.Equal(o["fact.subject"], []string{subject}) && slices.Equal(o["fact.relation"], []string{relation}) &&
			slices.Equal(o["fact.object"], []string{object}) {
			return s
		}
	}
	return ""
}

func first(ss []string) string {
	if len(ss) == 0 {
		return ""
	}
	return ss[0]
}

func sorted(ss []string) []string {
	ss = slices.Clone(ss)
	slices.Sort(ss)
	return ss
}

// TestRDFStable checks that two exports of one store are the same bytes.
func TestRDFStable(t *testing.T) {
	st := openFixture(t)
	a, b := exportTo(t, RDF, st), exportTo(t, RDF, st)
	if !bytes.Equal(a, b) {
		t.Error("two exports of one store differ")
	}
}

// TestQuote checks that literals survive both json-gold's N-Quads parser and Go's Unquote,
// which Dgraph's parser applies to a literal.
func TestQuote(t *testing.T) {
	for _, s := range []string{
		"",
		"plain",
		`say "no"`,
		`back\slash \n not a newline`,
		"line\nfeed",
		"carriage\rreturn\r\n",
		"tab\there",
		"bell\x07 nul\x00 del\x7f esc\x1b",
		"Ħal Far — Москва — 東京 — 🚢",
		"it's",
	} {
		q := quote(s)
		if got, err := strconv.Unquote(q); err != nil || got != s {
			t.Errorf("strconv.Unquote(%s) = %q, %v; want %q", q, got, err, s)
		}
		ds, err := ld.ParseNQuads("_:x <p> " + q + " .\n")
		if err != nil {
			t.Errorf("parse literal %s: %v", q, err)
			continue
		}
		if got := ds.Graphs["@default"][0].Object.GetValue(); got != s {
			t.Errorf("literal %s parsed as %q, want %q", q, got, s)
		}
	}
}

// TestDgraphSchema checks that every predicate of an export is declared with a type that
// matches its objects, and that every kind, Fact and Evidence has a type.
func TestDgraphSchema(t *testing.T) {
	var b bytes.Buffer
	if err := DgraphSchema(&b); err != nil {
		t.Fatal(err)
	}
	declared := map[string]string{} // predicate → type
	types := map[string][]string{}  // type → predicates
	var inType string
	sc := bufio.NewScanner(&b)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "":
		case strings.HasPrefix(line, "type ") && strings.HasSuffix(line, "{"):
			inType = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(line, "type "), "{"))
			types[inType] = []string{}
		case line == "}":
			inType = ""
		case inType != "":
			types[inType] = append(types[inType], line)
		default:
			name, rest, ok := strings.Cut(line, ":")
			if !ok || !strings.HasSuffix(rest, " .") {
				t.Fatalf("schema line %q is not a predicate", line)
			}
			if _, dup := declared[name]; dup {
				t.Errorf("predicate %s declared twice", name)
			}
			declared[name] = strings.Fields(rest)[0]
		}
	}

	tr := parseRDF(t, exportTo(t, RDF, openFixture(t)))
	for s, preds := range tr.objects {
		for p, objects := range preds {
			if p == "dgraph.type" {
				continue
			}
			typ, ok := declared[p]
			if !ok {
				t.Errorf("predicate %s is not in the schema", p)
				continue
			}
			_, literal := tr.datatypes[s][p]
			if isUID := strings.Contains(typ, "uid"); isUID == literal {
				t.Errorf("predicate %s has type %s but its object is %q", p, typ, objects[0])
			}
			if len(objects) > 1 && !strings.HasPrefix(typ, "[") {
				t.Errorf("predicate %s has type %s but %s has %d of it", p, typ, s, len(objects))
			}
		}
	}
	var want []string
	for _, k := range graph.Kinds {
		want = append(want, k.String())
	}
	for _, typ := range append(want, "Fact", "Evidence") {
		preds, ok := types[typ]
		if !ok || len(preds) == 0 {
			t.Errorf("schema has no type %s", typ)
		}
		for _, p := range preds {
			if _, ok := declared[p]; !ok {
				t.Errorf("type %s lists undeclared predicate %s", typ, p)
			}
		}
	}
	for _, typ := range []string{"Person", "Event", "Tenure", "Document"} {
		if !slices.Contains(types[typ], "name") || !slices.Contains(types[typ], "mentioned_in") {
			t.Errorf("type %s lacks name or mentioned_in: %q", typ, types[typ])
		}
	}
}
