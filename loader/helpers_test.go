package loader

import (
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/loader/gazetteer"
	"github.com/kgraph/kg/loader/text"
)

// readBody runs the recognition passes over a document published on the date published whose
// body is body.
func readBody(t *testing.T, published, body string) *extraction {
	t.Helper()
	doc, err := text.Read("t.txt", []byte("published: "+published+"\n\n"+body+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	x := newExtraction(gazetteer.Default(), graph.NewID(graph.KindDocument, "t"), doc)
	x.read()
	return x
}
