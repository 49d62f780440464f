package server

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
)

// FuzzHandler posts any body to /graphql, as JSON or as application/graphql: the handler never
// panics or fails with a 5xx, and always answers with JSON.
func FuzzHandler(f *testing.F) {
	for _, seed := range []string{
		`{"query":"{ events(first: 2) { totalCount edges { node { title start city { name } } } } }"}`,
		`{"query":"query Q($n: Int) { search(text: \"Zas\", first: $n) { name } }","variables":{"n":3}}`,
		`{"query":"{ person(name: \"Zas\") { name tenures { title } } }","operationName":null}`,
		`{"query":"{ node(id: \"x\") { id } }","extensions":{"persistedQuery":{"version":1,"sha256Hash":"00"}}}`,
		`[{"query":"{ stats { edges } }"},{"query":"{ __typename }"}]`,
		`{"query":"fragment F on Query { ...F } { ...F }"}`,
		`{"query":"{ events(first: 100) { edges { node { participants { ... on Organization { name } } } } } }"}`,
		`{"query": 1}`,
		`{`,
	} {
		f.Add([]byte(seed), false)
	}
	f.Add([]byte(`{ stats { edges } }`), true)
	h, err := New(Config{Store: newTestStore(f), Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body []byte, graphQL bool) {
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if graphQL {
			req.Header.Set("Content-Type", "application/graphql")
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code >= 500 {
			t.Fatalf("status %d for %q:\n%s", w.Code, body, w.Body.Bytes())
		}
		if !json.Valid(w.Body.Bytes()) {
			t.Fatalf("status %d, answer is not JSON for %q:\n%s", w.Code, body, w.Body.Bytes())
		}
	})
}
