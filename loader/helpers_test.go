package loader

import (
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/loader/gazetteer"
	"github.com/kgraph/kg/loader/text"
)

// readText runs the recognition passes over a document written in a test.
func readText(t *testing.T, data string) *extraction {
	t.Helper()
	doc, err := text.Read("test.txt", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	x := newExtraction(gazetteer.Default(), graph.NewID(graph.KindDocument, "test"), doc)
	x.read()
	return x
}

// readBody reads a document published on the date published whose body is body.
func readBody(t *testing.T, published, body string) *extraction {
	t.Helper()
	return readText(t, "published: "+published+"\n\n"+body+"\n")
}
