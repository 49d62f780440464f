package export

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/kgraph/kg/graph"
)

// The RDF format: N-Quads (triples in the default graph) that Dgraph's live and bulk loaders
// read, with the schema that DgraphSchema writes. Every node is a blank node labelled by its ID,
// typed by its kind, with one triple per field that is set:
//
//	_:n.<id> <dgraph.type> "Person" .
//	_:n.<id> <xid> "_:n.<id>" .
//	_:n.<id> <name> "…" .
//
// An edge is a uid predicate named after its relation (chaired-by → chaired_by), so that
// queries traverse it, and also a Fact node with its Evidence nodes, so that each fact keeps the
// documents and sentences that state it:
//
//	_:n.<from> <chaired_by> _:n.<to> .
//	_:f.<fact> <fact.subject> _:n.<from> .
//	_:f.<fact> <fact.evidence> _:e.<fact>.0 .
//	_:e.<fact>.0 <evidence.sentence> "…" .
//
// <fact> is the edge's fact ID, as GraphML and CSV name the edge. Labels derive from IDs and
// evidence positions alone, so two exports of one store are the same bytes. xid holds the
// label because that is what `dgraph live --upsertPredicate xid` writes and looks up: a second
// load finds the nodes of the first instead of adding copies.

// The predicates that are not a node's field or a relation.
const (
	predType     = "dgraph.type" // Dgraph's own; not declared in the schema
	predXID      = "xid"
	predSubject  = "fact.subject"
	predRelation = "fact.relation"
	predObject   = "fact.object"
	predDocument = "fact.document"
	predEvidence = "fact.evidence"
	predEvDoc    = "evidence.document"
	predSentence = "evidence.sentence"
	predOffset   = "evidence.offset"
	predConf     = "evidence.confidence"
)

// The types of the nodes that stand for edges and their evidence.
const (
	typeFact     = "Fact"
	typeEvidence = "Evidence"
)

// xsd is the namespace of the literal types. Dgraph reads these full IRIs as well as its own
// xs: short forms, and other RDF tools know only the full ones.
const xsd = "http://www.w3.org/2001/XMLSchema#"

// literal is the object of a triple with a value: its quoted lexical form and type suffix.
type literal string

func stringLiteral(s string) literal { return literal(quote(s)) }

func typedLiteral(value, typ string) literal {
	return literal(quote(value) + "^^<" + xsd + typ + ">")
}

// dateLiteral types a Date by its precision; Dgraph stores all three as datetime.
func dateLiteral(d graph.Date) literal {
	switch len(d) {
	case len("2006"):
		return typedLiteral(string(d), "gYear")
	case len("2006-01"):
		return typedLiteral(string(d), "gYearMonth")
	}
	return typedLiteral(string(d), "date")
}

func boolLiteral(b bool) literal { return typedLiteral(strconv.FormatBool(b), "boolean") }

// A nodeField is a predicate that holds a field of a node: its Dgraph type and indexes, the
// kinds that have it (every kind when none), and the literals of a node's value, none when the
// field is not set.
type nodeField struct {
	name   string
	schema string
	kinds  []graph.Kind
	values func(*graph.Node) []literal
}

func text(s string) []literal {
	if s == "" {
		return nil
	}
	return []literal{stringLiteral(s)}
}

func texts(ss []string) []literal {
	var ls []literal
	for _, s := range ss {
		ls = append(ls, text(s)...)
	}
	return ls
}

func date(d graph.Date) []literal {
	if d == "" {
		return nil
	}
	return []literal{dateLiteral(d)}
}

func flag(b bool) []literal {
	if !b {
		return nil
	}
	return []literal{boolLiteral(b)}
}

// nodeFields are the fields of a node in the order they are written. Names index exactly (for
// lookups), by term and by trigram (for search), as the GraphQL API matches them.
var nodeFields = []nodeField{
	{"name", "string @index(exact, term, trigram)", nil, func(n *graph.Node) []literal { return text(n.Name) }},
	{"alias", "[string] @index(exact, term, trigram)", nil, func(n *graph.Node) []literal { return texts(n.Aliases) }},
	{"acronym", "string @index(exact)", []graph.Kind{graph.KindOrganization}, func(n *graph.Node) []literal { return text(n.Acronym) }},
	{"place_kind", "string @index(exact)", []graph.Kind{graph.KindPlace}, func(n *graph.Node) []literal { return text(string(n.PlaceKind)) }},
	{"event_type", "string @index(exact)", []graph.Kind{graph.KindEvent}, func(n *graph.Node) []literal { return text(string(n.EventType)) }},
	{"start", "datetime @index(day)", []graph.Kind{graph.KindEvent}, func(n *graph.Node) []literal { return date(n.Start) }},
	{"end", "datetime @index(day)", []graph.Kind{graph.KindEvent}, func(n *graph.Node) []literal { return date(n.End) }},
	{"planned", "bool @index(bool)", []graph.Kind{graph.KindEvent}, func(n *graph.Node) []literal { return flag(n.Planned) }},
	{"tenure_from", "datetime @index(day)", []graph.Kind{graph.KindTenure}, func(n *graph.Node) []literal { return date(n.From) }},
	{"tenure_to", "datetime @index(day)", []graph.Kind{graph.KindTenure}, func(n *graph.Node) []literal { return date(n.To) }},
	{"acting", "bool", []graph.Kind{graph.KindTenure}, func(n *graph.Node) []literal { return flag(n.Acting) }},
	{"seen", "[datetime] @index(day)", []graph.Kind{graph.KindTenure}, func(n *graph.Node) []literal {
		var ls []literal
		for _, d := range n.Seen {
			ls = append(ls, date(d)...)
		}
		return ls
	}},
	{"source", "string @index(exact)", []graph.Kind{graph.KindDocument}, func(n *graph.Node) []literal { return text(n.Source) }},
	{"published", "datetime @index(day)", []graph.Kind{graph.KindDocument}, func(n *graph.Node) []literal { return date(n.Published) }},
	{"text", "string", []graph.Kind{graph.KindDocument}, func(n *graph.Node) []literal { return text(n.Text) }},
	{"hash", "string", []graph.Kind{graph.KindDocument}, func(n *graph.Node) []literal { return text(n.Hash) }},
}

// relationPredicate is the predicate of rel: its name with every character that is not a
// lower-case letter, a digit or '_' made '_', so that DQL takes it without angle brackets.
func relationPredicate(rel graph.Relation) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' {
			return r
		}
		return '_'
	}, string(rel))
}

// A schemaPredicate is a predicate of another node than a graph node, with its types.
type schemaPredicate struct {
	name, schema string
	types        []string
}

// linkPredicates are the predicates of Fact and Evidence nodes, in the order written.
var linkPredicates = []schemaPredicate{
	{predSubject, "uid @reverse", []string{typeFact}},
	{predRelation, "string @index(exact)", []string{typeFact}},
	{predObject, "uid @reverse", []string{typeFact}},
	{predDocument, "[uid] @reverse", []string{typeFact}},
	{predEvidence, "[uid] @reverse", []string{typeFact}},
	{predEvDoc, "uid @reverse", []string{typeEvidence}},
	{predSentence, "string @index(term)", []string{typeEvidence}},
	{predOffset, "int", []string{typeEvidence}},
	{predConf, "float", []string{typeEvidence}},
}

// schemaPredicates lists every predicate that RDF writes, with its Dgraph type and the node
// types that have it, from the tables above.
func schemaPredicates() []schemaPredicate {
	kindNames := func(kinds []graph.Kind) []string {
		if kinds == nil {
			kinds = graph.Kinds
		}
		var names []string
		for _, k := range kinds {
			names = append(names, k.String())
		}
		return names
	}
	all := append(kindNames(nil), typeFact, typeEvidence)
	ps := []schemaPredicate{{predXID, "string @index(exact) @upsert", all}}
	for _, f := range nodeFields {
		ps = append(ps, schemaPredicate{f.name, f.schema, kindNames(f.kinds)})
	}
	for _, r := range graph.Relations {
		ps = append(ps, schemaPredicate{relationPredicate(r.Relation), "[uid] @reverse", kindNames(r.From)})
	}
	return append(ps, linkPredicates...)
}

// DgraphSchema writes the Dgraph schema of what RDF writes: a line per predicate with its type
// and indexes, then a type per kind of node, Fact and Evidence listing their predicates.
func DgraphSchema(w io.Writer) error {
	bw := bufio.NewWriter(w)
	ps := schemaPredicates()
	for _, p := range ps {
		fmt.Fprintf(bw, "%s: %s .\n", p.name, p.schema)
	}
	var types []string
	for _, k := range graph.Kinds {
		types = append(types, k.String())
	}
	for _, t := range append(types, typeFact, typeEvidence) {
		fmt.Fprintf(bw, "\ntype %s {\n", t)
		for _, p := range ps {
			if slices.Contains(p.types, t) {
				fmt.Fprintf(bw, "  %s\n", p.name)
			}
		}
		fmt.Fprintln(bw, "}")
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write dgraph schema: %w", err)
	}
	return nil
}

// RDF writes every node and edge of st as N-Quads for Dgraph: each page of nodes of a kind,
// then their out-edges with their facts and evidence.
func RDF(ctx context.Context, st graph.Store, w io.Writer) error {
	q := &nquads{w: bufio.NewWriter(w)}
	err := walk(ctx, st, graph.Kinds, false, func(p *page) error {
		for _, n := range p.nodes {
			q.node(n)
		}
		if q.err != nil {
			return q.err
		}
		return p.eachEdge(func(_ int, e graph.Edge, documents []graph.ID) error {
			q.edge(e, documents)
			return q.err
		})
	})
	if err != nil {
		return err
	}
	return q.w.Flush()
}

// nquads writes triples, keeping the first error so that a writer checks once per page.
type nquads struct {
	w   *bufio.Writer
	err error
}

func (q *nquads) triple(subject, predicate, object string) {
	if q.err != nil {
		return
	}
	for _, s := range [...]string{subject, " <", predicate, "> ", object, " .\n"} {
		if _, q.err = q.w.WriteString(s); q.err != nil {
			return
		}
	}
}

// labelled writes the type and xid of the node labelled l.
func (q *nquads) labelled(l, typ string) {
	q.triple(l, predType, quote(typ))
	q.triple(l, predXID, quote(l))
}

func (q *nquads) node(n *graph.Node) {
	l := nodeLabel(n.ID)
	q.labelled(l, n.Kind.String())
	for _, f := range nodeFields {
		for _, v := range f.values(n) {
			q.triple(l, f.name, string(v))
		}
	}
}

func (q *nquads) edge(e graph.Edge, documents []graph.ID) {
	from, to, pred := nodeLabel(e.From), nodeLabel(e.To), relationPredicate(e.Relation)
	q.triple(from, pred, to)
	fact := "_:f." + edgeFactID(e)
	q.labelled(fact, typeFact)
	q.triple(fact, predSubject, from)
	q.triple(fact, predRelation, quote(string(e.Relation)))
	q.triple(fact, predObject, to)
	for _, d := range documents {
		q.triple(fact, predDocument, nodeLabel(d))
	}
	for i, ev := range e.Evidence {
		l := "_:e" + fact[len("_:f"):] + "." + strconv.Itoa(i)
		q.triple(fact, predEvidence, l)
		q.labelled(l, typeEvidence)
		q.triple(l, predEvDoc, nodeLabel(ev.Document))
		q.triple(l, predSentence, quote(ev.Sentence))
		q.triple(l, predOffset, string(typedLiteral(strconv.Itoa(ev.Offset), "int")))
		if ev.Confidence != 0 {
			q.triple(l, predConf, string(typedLiteral(strconv.FormatFloat(ev.Confidence, 'g', -1, 64), "double")))
		}
	}
}

// nodeLabel is the blank node label of a node. IDs are UUIDs, whose letters, digits and '-'
// are all allowed in a label after its first character.
func nodeLabel(id graph.ID) string { return "_:n." + string(id) }

// quote writes s as an N-Quads string literal. It escapes what N-Quads requires ('"', '\',
// line feed, carriage return) and every other control character as \u00XX, which Dgraph's
// parser (Go's strconv.Unquote) also reads; it never writes \', which Go does not read in a
// double-quoted string. Bytes that are not UTF-8 become U+FFFD, as N-Quads is UTF-8.
func quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r) // utf8.RuneError for an invalid byte
		}
	}
	b.WriteByte('"')
	return b.String()
}
