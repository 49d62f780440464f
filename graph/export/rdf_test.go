package export

import (
	"bufio"
	"bytes"
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/piprate/json-gold/ld"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/badgerstore"
)

// The test graph: a port authorities' council that met in Valletta in 2023 under its chair,
// with a meeting announced for 2025, read from two short items. The texts hold quotes, a
// backslash, line breaks, a tab, a control character and non-ASCII letters, which the RDF
// literals must carry unchanged.
var (
	council   = graph.NewID(graph.KindOrganization, "council of port authorities")
	malta     = graph.NewID(graph.KindCountry, "malta")
	valletta  = graph.NewID(graph.KindPlace, "valletta")
	harbour   = graph.NewID(graph.KindPlace, "grand harbour terminal")
	borg      = graph.NewID(graph.KindPerson, "maria borg")
	chair     = graph.NewID(graph.KindPost, "chair of the council of port authorities")
	tenure    = graph.NewID(graph.KindTenure, "maria borg|chair of the council of port authorities")
	meeting   = graph.NewID(graph.KindEvent, "cpa meeting 2023-04-18")
	announced = graph.NewID(graph.KindEvent, "cpa meeting 2025")
)

const (
	textValletta = "VALLETTA, 18 April 2023. The Council of Port Authorities (CPA) met in Valletta.\n" +
		"Chair Maria Borg said: \"Ports are \\ bridges\" — Ħal Far joined.\r\nDelegates met at the Grand Harbour Terminal.\t\x01"
	textAnnounce = "Maria Borg, chair of the CPA, announced the next meeting for 2025 in Malta."
)

// fixture puts the test graph into a new store.
func fixture(t *testing.T) graph.Store {
	t.Helper()
	ctx := context.Background()
	st, err := badgerstore.Open(ctx, badgerstore.Config{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })

	doc1 := graph.NewID(graph.KindDocument, "valletta-2023")
	doc2 := graph.NewID(graph.KindDocument, "announce-2025")
	evidence := func(doc graph.ID, text, sentence string, confidence float64) []graph.Evidence {
		i := strings.Index(text, sentence)
		if i < 0 {
			t.Fatalf("sentence %q not in the text", sentence)
		}
		return []graph.Evidence{{Document: doc, Sentence: sentence, Offset: i, Confidence: confidence}}
	}
	sets := []*graph.ChangeSet{{
		Document: graph.Node{ID: doc1, Kind: graph.KindDocument, Name: "Port council meets in Valletta",
			Source: "https://example.org/valletta-2023", Published: "2023-04-18", Text: textValletta, Hash: "h1"},
		Nodes: []graph.Node{
			{ID: council, Kind: graph.KindOrganization, Name: "Council of Port Authorities", Aliases: []string{"CPA"}, Acronym: "CPA"},
			{ID: malta, Kind: graph.KindCountry, Name: "Malta"},
			{ID: valletta, Kind: graph.KindPlace, Name: "Valletta", Aliases: []string{"Il-Belt Valletta"}, PlaceKind: graph.PlaceCity},
			{ID: harbour, Kind: graph.KindPlace, Name: "Grand Harbour Terminal", PlaceKind: graph.PlaceVenue},
			{ID: borg, Kind: graph.KindPerson, Name: "Maria Borg", Aliases: []string{"Borg", "Marija \"Ħ\" Borg"}},
			{ID: chair, Kind: graph.KindPost, Name: "Chair"},
			{ID: tenure, Kind: graph.KindTenure, Name: "Chair", From: "2022-06", To: "2024", Acting: true, Seen: []graph.Date{"2023-04-18"}},
			{ID: meeting, Kind: graph.KindEvent, Name: "CPA meeting", EventType: graph.EventMeeting, Start: "2023-04-18", End: "2023-04-19"},
		},
		Edges: []graph.Edge{
			{From: meeting, Relation: graph.RelHeldIn, To: valletta, Evidence: evidence(doc1, textValletta, "The Council of Port Authorities (CPA) met in Valletta.", 0)},
			{From: meeting, Relation: graph.RelAtVenue, To: harbour, Evidence: evidence(doc1, textValletta, "Delegates met at the Grand Harbour Terminal.", 0.5)},
			{From: meeting, Relation: graph.RelChairedBy, To: borg, Evidence: evidence(doc1, textValletta, "Chair Maria Borg said: \"Ports are \\ bridges\" — Ħal Far joined.", 0)},
			{From: meeting, Relation: graph.RelOrganizedBy, To: council, Evidence: evidence(doc1, textValletta, "The Council of Port Authorities (CPA) met in Valletta.", 0)},
			{From: tenure, Relation: graph.RelHolder, To: borg, Evidence: evidence(doc1, textValletta, "Chair Maria Borg", 0)},
			{From: tenure, Relation: graph.RelTenurePost, To: chair, Evidence: evidence(doc1, textValletta, "Chair Maria Borg", 0)},
			{From: chair, Relation: graph.RelPostOrganization, To: council},
			{From: valletta, Relation: graph.RelLocatedIn, To: malta}, // a gazetteer's fact: no sentence
			{From: borg, Relation: graph.RelMentionedIn, To: doc1, Evidence: evidence(doc1, textValletta, "Maria Borg", 0)},
			{From: council, Relation: graph.RelMentionedIn, To: doc1, Evidence: evidence(doc1, textValletta, "Council of Port Authorities", 0)},
		},
	}, {
		Document: graph.Node{ID: doc2, Kind: graph.KindDocument, Name: "Next port council meeting",
			Source: "https://example.org/announce-2025", Published: "2024-11", Text: textAnnounce, Hash: "h2"},
		Nodes: []graph.Node{
			{ID: borg, Kind: graph.KindPerson, Name: "Maria Borg"},
			{ID: malta, Kind: graph.KindCountry, Name: "Malta"},
			{ID: announced, Kind: graph.KindEvent, Name: "CPA meeting", EventType: graph.EventMeeting, Start: "2025", Planned: true},
		},
		Edges: []graph.Edge{
			{From: announced, Relation: graph.RelInCountry, To: malta, Evidence: evidence(doc2, textAnnounce, "announced the next meeting for 2025 in Malta.", 0)},
			{From: announced, Relation: graph.RelChairedBy, To: borg, Evidence: evidence(doc2, textAnnounce, "Maria Borg, chair of the CPA", 0.75)},
			{From: borg, Relation: graph.RelMentionedIn, To: doc2, Evidence: evidence(doc2, textAnnounce, "Maria Borg", 0)},
		},
	}}
	for _, cs := range sets {
		if err := st.PutDocument(ctx, cs); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

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

func exportRDF(t *testing.T, st graph.Store) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := RDF(context.Background(), st, &b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// allNodes reads every node of the store, kind by kind.
func allNodes(t *testing.T, st graph.Store) []*graph.Node {
	t.Helper()
	var nodes []*graph.Node
	for _, k := range graph.Kinds {
		p, err := st.FindNodes(context.Background(), graph.NodeFilter{Kind: k}, graph.PageRequest{First: 1000})
		if err != nil {
			t.Fatal(err)
		}
		nodes = append(nodes, p.Nodes...)
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
	st := fixture(t)
	tr := parseRDF(t, exportRDF(t, st))

	nodes := allNodes(t, st)
	if len(nodes) != 11 {
		t.Fatalf("fixture has %d nodes, want 11", len(nodes))
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

		edges, err := st.EdgesOf(ctx, []graph.ID{n.ID}, "", graph.Out)
		if err != nil {
			t.Fatal(err)
		}
		documents, err := st.EdgeDocuments(ctx, edges[0])
		if err != nil {
			t.Fatal(err)
		}
		for i, e := range edges[0] {
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
		{"_:n." + string(meeting), "start", xsd + "date"},
		{"_:n." + string(tenure), "tenure_from", xsd + "gYearMonth"},
		{"_:n." + string(tenure), "tenure_to", xsd + "gYear"},
		{"_:n." + string(tenure), "acting", xsd + "boolean"},
		{"_:n." + string(announced), "planned", xsd + "boolean"},
		{"_:n." + string(borg), "name", ld.XSDString},
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
	st := fixture(t)
	a, b := exportRDF(t, st), exportRDF(t, st)
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

	tr := parseRDF(t, exportRDF(t, fixture(t)))
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

// TestRelations checks that every relation package graph declares has a predicate, so that the
// schema declares every relation an export can hold.
func TestRelations(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "../edge.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var declared []string
	ast.Inspect(f, func(n ast.Node) bool {
		spec, ok := n.(*ast.ValueSpec)
		if !ok {
			return true
		}
		if id, ok := spec.Type.(*ast.Ident); ok && id.Name == "Relation" {
			for _, v := range spec.Values {
				if lit, ok := v.(*ast.BasicLit); ok {
					s, _ := strconv.Unquote(lit.Value)
					declared = append(declared, s)
				}
			}
		}
		return true
	})
	if len(declared) == 0 {
		t.Fatal("no relations found in ../edge.go")
	}
	for _, rel := range declared {
		if !slices.ContainsFunc(relations, func(r relation) bool { return string(r.rel) == rel }) {
			t.Errorf("relation %q has no entry in relations", rel)
		}
	}
}
