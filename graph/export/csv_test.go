package export

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/badgerstore"
)

// readCSV reads a file that CSV wrote as Neo4j does: RFC 4180 quoting, fields over several
// lines, every row as wide as the header. It returns the header and the rows.
func readCSV(t *testing.T, dir, name string) ([]string, [][]string) {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(rows) == 0 {
		t.Fatalf("%s: no header", name)
	}
	return rows[0], rows[1:]
}

// array reads an array property as Neo4j does with the import command's delimiter; an empty
// field is no property.
func array(field string) []string {
	if field == "" {
		return nil
	}
	return strings.Split(field, "\x1f")
}

// TestCSV checks that the files for neo4j-admin hold every node with every field, every edge
// with the documents that state it, and every sentence of evidence with its document, offset
// and confidence exactly, and that every ID a relationship names is a node's.
func TestCSV(t *testing.T) {
	st := openFixture(t)
	dir := filepath.Join(t.TempDir(), "neo4j")
	if err := CSV(context.Background(), st, dir); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{"IMPORT.txt", "evidence.csv", "evidence_documents.csv", "nodes.csv", "relationships.csv"}; !slices.Equal(names, want) {
		t.Errorf("files %q, want %q", names, want)
	}
	command, err := os.ReadFile(filepath.Join(dir, "IMPORT.txt"))
	if err != nil || !strings.Contains(string(command), Neo4jImportCommand) {
		t.Errorf("IMPORT.txt lacks the import command (%v):\n%s", err, command)
	}

	header, rows := readCSV(t, dir, "nodes.csv")
	wantHeader := []string{"id:ID", ":LABEL", "name", "aliases:string[]", "acronym", "placeKind",
		"eventType", "start", "end", "planned:boolean", "from", "to", "acting:boolean", "seen:string[]",
		"source", "published", "text", "hash", "documents:string[]"}
	if diff := cmp.Diff(wantHeader, header); diff != "" {
		t.Errorf("nodes.csv header (-want +got):\n%s", diff)
	}
	gotNodes := map[string][]string{}
	for _, r := range rows {
		gotNodes[r[0]] = r
	}
	wantNodes := map[string][]string{}
	var stored []*graph.Node
	for _, kind := range graph.Kinds {
		nodes := allNodes(t, st, kind)
		stored = append(stored, nodes...)
		for _, n := range nodes {
			docs, err := st.NodeDocuments(context.Background(), []graph.ID{n.ID})
			if err != nil {
				t.Fatal(err)
			}
			var planned, acting string
			if kind == graph.KindEvent {
				planned = strconv.FormatBool(n.Planned)
			}
			if kind == graph.KindTenure {
				acting = strconv.FormatBool(n.Acting)
			}
			wantNodes[string(n.ID)] = []string{string(n.ID), kind.String(), n.Name, strings.Join(n.Aliases, "\x1f"),
				n.Acronym, string(n.PlaceKind), string(n.EventType), string(n.Start), string(n.End), planned,
				string(n.From), string(n.To), acting, join(n.Seen, "\x1f"),
				n.Source, string(n.Published), n.Text, n.Hash, join(docs[0], "\x1f")}
		}
	}
	if diff := cmp.Diff(wantNodes, gotNodes); diff != "" {
		t.Errorf("nodes.csv (-want +got):\n%s", diff)
	}
	if len(rows) != len(stored) || len(stored) != 10 {
		t.Errorf("nodes.csv has %d rows for %d nodes, want 10", len(rows), len(stored))
	}
	if got := array(gotNodes[string(fxPerson)][3]); !slices.Contains(got, "Zoë \"Z\" O'Hara, Jr.; the chair") {
		t.Errorf("aliases of the person read back as %q", got)
	}
	if got := gotNodes[string(graph.NewID(graph.KindDocument, "one"))][16]; got != fxText1 {
		t.Errorf("text of document one read back as %q", got)
	}

	// Relationships: one per edge, keyed here by its ends and type, the fact opaque.
	header, rows = readCSV(t, dir, "relationships.csv")
	if diff := cmp.Diff([]string{":START_ID", ":END_ID", ":TYPE", "fact", "documents:string[]"}, header); diff != "" {
		t.Errorf("relationships.csv header (-want +got):\n%s", diff)
	}
	type edgeKey struct{ start, end, typ string }
	facts := map[edgeKey]string{}
	gotDocs := map[edgeKey][]string{}
	for _, r := range rows {
		k := edgeKey{r[0], r[1], r[2]}
		if _, dup := facts[k]; dup {
			t.Errorf("relationship %+v written twice", k)
		}
		facts[k], gotDocs[k] = r[3], array(r[4])
		if gotNodes[r[0]] == nil || gotNodes[r[1]] == nil {
			t.Errorf("relationship %+v: an end is not a node", k)
		}
	}

	// Evidence: rows grouped by fact in file order, each linked to its document.
	header, rows = readCSV(t, dir, "evidence.csv")
	if diff := cmp.Diff([]string{":ID", ":LABEL", "fact", "document", "offset:long", "sentence", "confidence:double"}, header); diff != "" {
		t.Errorf("evidence.csv header (-want +got):\n%s", diff)
	}
	evidenceDoc := map[string]string{}
	byFact := map[string][]graph.Evidence{}
	for _, r := range rows {
		if r[1] != "Evidence" || evidenceDoc[r[0]] != "" || gotNodes[r[0]] != nil {
			t.Errorf("evidence row %q: want label Evidence and an ID of its own", r)
		}
		evidenceDoc[r[0]] = r[3]
		offset, err := strconv.Atoi(r[4])
		if err != nil {
			t.Errorf("evidence row %q: offset: %v", r, err)
		}
		var confidence float64
		if r[6] != "" {
			if confidence, err = strconv.ParseFloat(r[6], 64); err != nil {
				t.Errorf("evidence row %q: confidence: %v", r, err)
			}
		}
		byFact[r[2]] = append(byFact[r[2]], graph.Evidence{Document: graph.ID(r[3]), Sentence: r[5], Offset: offset, Confidence: confidence})
	}
	header, rows = readCSV(t, dir, "evidence_documents.csv")
	if diff := cmp.Diff([]string{":START_ID", ":END_ID", ":TYPE"}, header); diff != "" {
		t.Errorf("evidence_documents.csv header (-want +got):\n%s", diff)
	}
	linked := map[string]bool{}
	for _, r := range rows {
		if evidenceDoc[r[0]] != r[1] || r[2] != "IN_DOCUMENT" || gotNodes[r[1]][1] != "Document" {
			t.Errorf("evidence link %q: want an evidence node IN_DOCUMENT its document", r)
		}
		linked[r[0]] = true
	}
	if len(linked) != len(evidenceDoc) {
		t.Errorf("%d evidence nodes linked to a document, want all %d", len(linked), len(evidenceDoc))
	}

	// Every edge of the store, with its documents and every sentence of its evidence.
	edges, sentences := 0, 0
	for _, n := range stored {
		out, docs := outEdges(t, st, n)
		for i, e := range out {
			edges++
			sentences += len(e.Evidence)
			k := edgeKey{string(e.From), string(e.To), strings.ToUpper(strings.ReplaceAll(string(e.Relation), "-", "_"))}
			fact, ok := facts[k]
			if !ok {
				t.Errorf("edge %s %s %s missing", e.From, e.Relation, e.To)
				continue
			}
			if diff := cmp.Diff(join(docs[i], "\x1f"), strings.Join(gotDocs[k], "\x1f")); diff != "" {
				t.Errorf("documents of %+v (-want +got):\n%s", k, diff)
			}
			if diff := cmp.Diff(e.Evidence, byFact[fact]); diff != "" {
				t.Errorf("evidence of %+v (-want +got):\n%s", k, diff)
			}
		}
	}
	if len(facts) != edges || len(evidenceDoc) != sentences {
		t.Errorf("%d relationships and %d evidence rows for %d edges and %d sentences", len(facts), len(evidenceDoc), edges, sentences)
	}
	if _, ok := facts[edgeKey{string(fxMeeting), string(fxPerson), "CHAIRED_BY"}]; !ok {
		t.Error("no CHAIRED_BY relationship from the meeting to its chair")
	}
}

// TestCSVFailureLeavesNoFiles stops an export at once: the folder holds no file, whole-looking
// or temporary.
func TestCSVFailureLeavesNoFiles(t *testing.T) {
	st := openFixture(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	dir := t.TempDir()
	if err := CSV(ctx, st, dir); err == nil {
		t.Fatal("export with a cancelled context succeeded")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		t.Errorf("file %s left behind", e.Name())
	}
}

// TestCSVEmptyStore exports a store without documents: every file has its header alone.
func TestCSVEmptyStore(t *testing.T) {
	st, err := badgerstore.Open(context.Background(), badgerstore.Config{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	dir := t.TempDir()
	if err := CSV(context.Background(), st, dir); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"nodes.csv", "relationships.csv", "evidence.csv", "evidence_documents.csv"} {
		if header, rows := readCSV(t, dir, name); len(header) < 3 || len(rows) != 0 {
			t.Errorf("%s: header %q and %d rows, want a header alone", name, header, len(rows))
		}
	}
}
