package export

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/kgraph/kg/graph"
)

// The CSV format, for Neo4j's bulk importer: a folder of files with the header that
// `neo4j-admin database import full` reads. Neo4j keeps a property graph, so every kind is a
// node here, documents with their text. No fact or sentence is lost: a relationship's fact
// property names the edge, and each sentence that states it is an Evidence node with the same
// fact, the sentence, its offset and the rule's confidence, linked to its document by
// IN_DOCUMENT. Relationships cannot point at relationships, hence the join by fact. Offsets
// count bytes of the UTF-8 text, as the store does, not the characters that Cypher's
// substring counts.
//
//	nodes.csv              id:ID,:LABEL,name,aliases:string[],…,text,hash,documents:string[]
//	relationships.csv      :START_ID,:END_ID,:TYPE,fact,documents:string[]
//	evidence.csv           :ID,:LABEL,fact,document,offset:long,sentence,confidence:double
//	evidence_documents.csv :START_ID,:END_ID,:TYPE
//
// Dates are string properties, not Neo4j dates: a date may be only a year or a month ("2023",
// "2023-05"), which Neo4j's date type would refuse or turn into a day. Fields are quoted as
// RFC 4180 says, which is Neo4j's default. Document texts span lines, hence
// --multiline-fields=true, and are up to 8 MiB of text (more once UTF-16 is UTF-8 and quotes
// are doubled), more than the 4 MiB a field may take by default, hence --read-buffer-size.

// Neo4jImportCommand imports the files that CSV writes into the database neo4j, run in their
// folder (from 5.19 the database comes before the options).
const Neo4jImportCommand = "neo4j-admin database import full neo4j" +
	" --nodes=nodes.csv --nodes=evidence.csv" +
	" --relationships=relationships.csv --relationships=evidence_documents.csv" +
	" --array-delimiter=U+001F --multiline-fields=true --read-buffer-size=32m"

// arrayDelimiter separates the elements of an array property: the unit separator, which no
// name holds, where Neo4j's default ';' may be in an alias. Neo4jImportCommand passes it.
const arrayDelimiter = "\x1f"

// The files that CSV writes, and their headers.
const (
	nodesFile             = "nodes.csv"
	relationshipsFile     = "relationships.csv"
	evidenceFile          = "evidence.csv"
	evidenceDocumentsFile = "evidence_documents.csv"
	importFile            = "IMPORT.txt"
)

var (
	nodesHeader = []string{
		"id:ID", ":LABEL", "name", "aliases:string[]", "acronym", "placeKind",
		"eventType", "start", "end", "planned:boolean",
		"from", "to", "acting:boolean", "seen:string[]",
		"source", "published", "text", "hash", "documents:string[]",
	}
	relationshipsHeader     = []string{":START_ID", ":END_ID", ":TYPE", "fact", "documents:string[]"}
	evidenceHeader          = []string{":ID", ":LABEL", "fact", "document", "offset:long", "sentence", "confidence:double"}
	evidenceDocumentsHeader = []string{":START_ID", ":END_ID", ":TYPE"}
)

// Labels and relationship types that are not kinds or relations.
const (
	labelEvidence  = "Evidence"
	typeInDocument = "IN_DOCUMENT"
)

// CSV writes the graph of st into the folder dir, which it creates if need be, as the files
// that Neo4jImportCommand imports, with that command in IMPORT.txt. It reads the store in one
// walk and writes every file as it goes, each under a temporary name that takes the file's own
// once all are written, so that a failed export leaves no file that looks whole.
func CSV(ctx context.Context, st graph.Store, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var files []*tempFile
	defer func() {
		for _, f := range files {
			f.discard()
		}
	}()
	create := func(name string, header []string) (*csv.Writer, error) {
		f, err := createTemp(dir, name)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
		w := csv.NewWriter(f.w)
		if err := w.Write(header); err != nil {
			return nil, f.error(err)
		}
		return w, nil
	}
	nodes, err := create(nodesFile, nodesHeader)
	if err != nil {
		return err
	}
	relationships, err := create(relationshipsFile, relationshipsHeader)
	if err != nil {
		return err
	}
	evidence, err := create(evidenceFile, evidenceHeader)
	if err != nil {
		return err
	}
	evidenceDocuments, err := create(evidenceDocumentsFile, evidenceDocumentsHeader)
	if err != nil {
		return err
	}
	writers := []*csv.Writer{nodes, relationships, evidence, evidenceDocuments}
	// A csv.Writer keeps the first error of its file, so that flush after each page stops the
	// walk at the first failed write, a full disk, say.
	flush := func() error {
		for i, w := range writers {
			w.Flush()
			if err := w.Error(); err != nil {
				return files[i].error(err)
			}
		}
		return nil
	}

	err = walk(ctx, st, graph.Kinds, true, func(p *page) error {
		for i, n := range p.nodes {
			row, err := nodeRow(n, p.documents[i])
			if err != nil {
				return err
			}
			nodes.Write(row)
		}
		err := p.eachEdge(func(_ int, e graph.Edge, documents []graph.ID) error {
			fact := edgeFactID(e)
			relationships.Write([]string{
				string(e.From), string(e.To), relationshipType(e.Relation), fact,
				join(documents, arrayDelimiter),
			})
			for k, ev := range e.Evidence {
				id := fact + "-" + strconv.Itoa(k)
				evidence.Write([]string{
					id, labelEvidence, fact, string(ev.Document), strconv.Itoa(ev.Offset),
					ev.Sentence, confidence(ev.Confidence),
				})
				evidenceDocuments.Write([]string{id, string(ev.Document), typeInDocument})
			}
			return nil
		})
		if err != nil {
			return err
		}
		return flush()
	})
	if err != nil {
		return err // a file's error names the file, a read's what it read
	}
	if err := flush(); err != nil { // the headers of an empty store
		return err
	}
	f, err := createTemp(dir, importFile)
	if err != nil {
		return err
	}
	files = append(files, f)
	if _, err := f.w.WriteString("Import these files into the Neo4j database neo4j, which must not exist yet, from this folder:\n\n" + Neo4jImportCommand + "\n"); err != nil {
		return f.error(err)
	}
	for _, f := range files {
		if err := f.close(); err != nil {
			return err
		}
	}
	for _, f := range files {
		if err := f.rename(); err != nil {
			return err
		}
	}
	return nil
}

// nodeRow is n as a row of nodes.csv. The booleans are written for the kinds they belong to,
// and empty fields are no property.
func nodeRow(n *graph.Node, documents []graph.ID) ([]string, error) {
	for _, a := range n.Aliases {
		if strings.Contains(a, arrayDelimiter) {
			return nil, fmt.Errorf("node %s: alias %q holds the array delimiter U+001F", n.ID, a)
		}
	}
	var planned, acting string
	switch n.Kind {
	case graph.KindEvent:
		planned = strconv.FormatBool(n.Planned)
	case graph.KindTenure:
		acting = strconv.FormatBool(n.Acting)
	}
	return []string{
		string(n.ID), n.Kind.String(), n.Name, join(n.Aliases, arrayDelimiter), n.Acronym, string(n.PlaceKind),
		string(n.EventType), string(n.Start), string(n.End), planned,
		string(n.From), string(n.To), acting, join(n.Seen, arrayDelimiter),
		n.Source, string(n.Published), n.Text, n.Hash, join(documents, arrayDelimiter),
	}, nil
}

// relationshipType is rel as Neo4j spells relationship types: chaired-by is CHAIRED_BY.
func relationshipType(rel graph.Relation) string {
	return strings.ToUpper(strings.ReplaceAll(string(rel), "-", "_"))
}

// confidence writes c exactly, or nothing for 0, which means the rule was sure.
func confidence(c float64) string {
	if c == 0 {
		return ""
	}
	return strconv.FormatFloat(c, 'g', -1, 64)
}
