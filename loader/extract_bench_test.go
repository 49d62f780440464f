package loader

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/loader/gazetteer"
	"github.com/kgraph/kg/loader/text"
)

// BenchmarkExtract extracts every document of the test corpus, read beforehand, and reports
// the time per document.
func BenchmarkExtract(b *testing.B) {
	files, _ := filepath.Glob("../testdata/corpus/*.txt")
	var docs []*text.Document
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		doc, err := text.Read(path, data)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc)
	}
	gz := gazetteer.Default()
	b.ResetTimer()
	for b.Loop() {
		for _, doc := range docs {
			if _, err := Extract(context.Background(), gz, nil, graph.NewID(graph.KindDocument, doc.Title), doc); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(docs)), "µs/doc")
}
