package server

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/badgerstore"
)

// TestAggregatesFollowWrites asks a running server for the statistics and the holders of a
// post, which it keeps, changes the store under it, and checks that each answer is what a
// server with nothing kept gives.
func TestAggregatesFollowWrites(t *testing.T) {
	ctx := context.Background()
	st, err := badgerstore.Open(ctx, badgerstore.Config{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	srv := newTestServer(t, Config{Store: st})
	const query = `{ stats { events
		perYear: eventsBy(key: YEAR) { key count }
		perCity: eventsBy(key: CITY, first: 3) { key count node { id } }
		busiest: topPeople(by: EVENTS, first: 3) { key count } }
		holders(post: "Secretary General") { person { name } from to seen }
		then: holders(post: "Secretary General", at: "2021") { person { name } } }`
	check := func(stage string) {
		t.Helper()
		for range 2 { // the second answer comes from what the first kept
			status, got := postQuery(t, srv, query, nil)
			if status != 200 || len(got.Errors) > 0 {
				t.Fatalf("%s: status %d, errors %+v", stage, status, got.Errors)
			}
			fresh, err := Query(ctx, st, query, nil)
			if err != nil {
				t.Fatal(err)
			}
			var want response
			if err := json.Unmarshal(fresh, &want); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want.Data, got.Data); diff != "" {
				t.Errorf("%s: the server's answer differs from a fresh one (-fresh +server):\n%s", stage, diff)
			}
		}
	}
	check("empty")
	docs := []*graph.ChangeSet{astanaDocument(t), moscowDocument(t), dushanbeDocument(t)}
	for _, cs := range docs {
		if err := st.PutDocument(ctx, cs); err != nil {
			t.Fatal(err)
		}
		check("after " + cs.Document.Source)
	}
	if err := st.DeleteDocument(ctx, docs[0].Document.ID); err != nil {
		t.Fatal(err)
	}
	check("after deleting " + docs[0].Document.Source)
}
