package export

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/kgraph/kg/graph/badgerstore"
)

// TestImportStopsWhenStoreFails imports into a store that cannot write: Import stops at the
// first document with the store's error, not a report per document, and leaves no scratch
// folder behind.
func TestImportStopsWhenStoreFails(t *testing.T) {
	ctx := context.Background()
	var export bytes.Buffer
	if err := JSONL(ctx, openFixture(t), &export); err != nil {
		t.Fatal(err)
	}
	st, err := badgerstore.Open(ctx, badgerstore.Config{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	scratch := t.TempDir()
	sum, err := Import(ctx, st, &export, scratch)
	if !errors.Is(err, badgerstore.ErrClosed) || sum.Documents != 0 || len(sum.Errors) != 0 {
		t.Errorf("import into a closed store: %d stored, errors %v, error %v; want ErrClosed", sum.Documents, sum.Errors, err)
	}
	if left, _ := filepath.Glob(filepath.Join(scratch, "*")); len(left) != 0 {
		t.Errorf("import left %v", left)
	}
}
