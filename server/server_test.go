package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/server/graphiql"
)

// response is a GraphQL response as a client reads it.
type response struct {
	Data   map[string]any
	Errors []struct {
		Message    string
		Extensions struct{ Code string }
	}
}

// checkPublic fails the test if an error message shows internals: stack traces, Go source or
// package names, the storage engine.
func (r response) checkPublic(t *testing.T) {
	t.Helper()
	for _, e := range r.Errors {
		for _, internal := range []string{"goroutine", ".go:", "panic", "server.", "badger", "Badger"} {
			if strings.Contains(e.Message, internal) {
				t.Errorf("error message shows %q: %s", internal, e.Message)
			}
		}
	}
}

// codes lists the codes of the response's errors.
func (r response) codes() []string {
	var out []string
	for _, e := range r.Errors {
		out = append(out, e.Extensions.Code)
	}
	return out
}

func newTestServer(t *testing.T, cfg Config) *httptest.Server {
	t.Helper()
	if cfg.Store == nil {
		cfg.Store = newTestStore(t)
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	h, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// do sends a request and returns its status, headers and body.
func do(t *testing.T, method, url, body string) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, res.Header, b
}

// postQuery sends a GraphQL request body and decodes the response.
func postQuery(t *testing.T, srv *httptest.Server, query string, vars map[string]any) (int, response) {
	t.Helper()
	return postQueryTo(t, srv.URL, query, vars)
}

// postQueryTo sends a GraphQL request body to the server at base and decodes the response.
func postQueryTo(t *testing.T, base, query string, vars map[string]any) (int, response) {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	status, _, b := do(t, http.MethodPost, base+"/graphql", string(body))
	return status, decode(t, b)
}

func decode(t *testing.T, b []byte) response {
	t.Helper()
	var r response
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("response is not JSON: %v\n%s", err, b)
	}
	return r
}

// deepQuery nests partOf until the query is depth fields deep.
func deepQuery(depth int) string {
	return "{ events { edges { node { " + strings.Repeat("partOf { ", depth-4) + "title" + strings.Repeat(" }", depth-4) + " } } } }"
}

func TestGraphQLOverHTTP(t *testing.T) {
	srv := newTestServer(t, Config{})
	tests := []struct {
		name       string
		query      string
		vars       map[string]any
		wantStatus int
		wantCodes  []string
		wantData   string // a substring of the data as JSON
	}{
		{name: "query", query: `{ country(name: "Kazakhstan") { name } }`, wantStatus: 200, wantData: `"Kazakhstan"`},
		{name: "variables", query: `query($n: String) { person(name: $n) { name } }`, vars: map[string]any{"n": "Lavrov"}, wantStatus: 200, wantData: `"Sergey Lavrov"`},
		{name: "unknown id is null", query: `{ node(id: "00000000-0000-0000-0000-000000000000") { id } }`, wantStatus: 200, wantData: `{"node":null}`},
		{name: "page size cap", query: `{ events(first: 1000) { totalCount } }`, wantStatus: 200, wantCodes: []string{codeBadUserInput}},
		{name: "invalid date variable", query: `query($d: Date) { events(filter: {from: $d}) { totalCount } }`, vars: map[string]any{"d": "28.11.2024"}, wantStatus: 200, wantCodes: []string{codeBadUserInput}},
		{name: "date of wrong type", query: `query($d: Date) { events(filter: {from: $d}) { totalCount } }`, vars: map[string]any{"d": 2024}, wantStatus: 200, wantCodes: []string{codeBadUserInput}},
		{name: "depth within limit", query: deepQuery(15), wantStatus: 200, wantData: `"edges"`},
		{name: "depth over limit", query: deepQuery(16), wantStatus: 200, wantCodes: []string{codeCostLimit}},
		{name: "query too long", query: "{ countries { name } }" + strings.Repeat(" ", 16<<10), wantStatus: 200, wantCodes: []string{codeCostLimit}},
		{name: "syntax error", query: `{ countries { name }`, wantStatus: 200, wantCodes: []string{codeBadUserInput}},
		{name: "unknown field", query: `{ countries { population } }`, wantStatus: 200, wantCodes: []string{codeBadUserInput}},
		{name: "no mutations", query: `mutation { countries { name } }`, wantStatus: 200, wantCodes: []string{codeBadUserInput}},
		{name: "empty query", query: "", wantStatus: 400, wantCodes: []string{codeBadUserInput}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, got := postQuery(t, srv, tt.query, tt.vars)
			got.checkPublic(t)
			if status != tt.wantStatus {
				t.Errorf("status %d, want %d", status, tt.wantStatus)
			}
			if diff := cmp.Diff(tt.wantCodes, got.codes()); diff != "" {
				t.Errorf("error codes (-want +got):\n%s\n%+v", diff, got.Errors)
			}
			data, _ := json.Marshal(got.Data)
			if !strings.Contains(string(data), tt.wantData) {
				t.Errorf("data %s does not contain %s", data, tt.wantData)
			}
		})
	}
}

func TestRequests(t *testing.T) {
	srv := newTestServer(t, Config{})
	get := "/graphql?" + url.Values{
		"query":     {`query($n: String) { country(name: $n) { name } }`},
		"variables": {`{"n": "Belarus"}`},
	}.Encode()
	huge := `{"query": "{ countries { name } }", "variables": {"pad": "` + strings.Repeat("x", 1<<20) + `"}}`
	tests := []struct {
		name, method, path, body string
		wantStatus               int
		wantCode                 string // of the first error, "" for none
		wantBody                 string // a substring of the body
	}{
		{"get", http.MethodGet, get, "", 200, "", `"Belarus"`},
		{"get without query", http.MethodGet, "/graphql", "", 400, codeBadUserInput, "no query"},
		{"get with bad variables", http.MethodGet, "/graphql?query=%7Bcountries%7Bname%7D%7D&variables=%5B", "", 400, codeBadUserInput, "variables"},
		{"post of bad JSON", http.MethodPost, "/graphql", `{"query": `, 400, codeBadUserInput, "JSON"},
		{"body too large", http.MethodPost, "/graphql", huge, 413, codeCostLimit, "limit"},
		{"wrong method", http.MethodPut, "/graphql", `{}`, 405, codeBadUserInput, "PUT"},
		{"health", http.MethodGet, "/healthz", "", 200, "", "ok"},
		{"page", http.MethodGet, "/", "", 200, "", "GraphiQL"},
		{"unknown path", http.MethodGet, "/nowhere", "", 404, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, header, body := do(t, tt.method, srv.URL+tt.path, tt.body)
			if status != tt.wantStatus {
				t.Errorf("status %d, want %d", status, tt.wantStatus)
			}
			if !strings.Contains(string(body), tt.wantBody) {
				t.Errorf("body does not contain %q:\n%.300s", tt.wantBody, body)
			}
			if tt.wantCode == "" {
				return
			}
			if ct := header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type %q, want JSON", ct)
			}
			got := decode(t, body)
			got.checkPublic(t)
			if codes := got.codes(); len(codes) == 0 || codes[0] != tt.wantCode {
				t.Errorf("codes %v, want %s first", codes, tt.wantCode)
			}
		})
	}
	if _, header, _ := do(t, http.MethodDelete, srv.URL+"/graphql", ""); header.Get("Allow") != "GET, POST" {
		t.Errorf("405 Allow header %q, want %q", header.Get("Allow"), "GET, POST")
	}
}

func TestGraphiQL(t *testing.T) {
	srv := newTestServer(t, Config{})
	_, header, page := do(t, http.MethodGet, srv.URL+"/", "")
	if ct := header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Errorf("page Content-Type %q, want HTML", ct)
	}
	if header.Get("X-Frame-Options") != "DENY" || header.Get("Content-Security-Policy") != "frame-ancestors 'none'" {
		t.Errorf("the page may be framed by other sites: %v", header)
	}
	if !graphiql.Built() {
		if !bytes.Contains(page, []byte("go generate")) {
			t.Errorf("page without assets does not say how to build them:\n%s", page)
		}
		t.Skip("GraphiQL assets not generated; run go generate ./server/... to check them")
	}
	for _, asset := range []string{"graphiql.min.js", "graphiql.min.css", "react.production.min.js", "react-dom.production.min.js"} {
		if !bytes.Contains(page, []byte("/assets/"+asset)) {
			t.Errorf("page does not load %s", asset)
		}
		status, _, body := do(t, http.MethodGet, srv.URL+"/assets/"+asset, "")
		if status != 200 || len(body) < 1000 {
			t.Errorf("GET /assets/%s: status %d, %d bytes", asset, status, len(body))
		}
	}
}

func TestTimeout(t *testing.T) {
	srv := newTestServer(t, Config{Timeout: time.Nanosecond})
	_, got := postQuery(t, srv, `{ events { totalCount edges { node { title participants { name } } } } }`, nil)
	got.checkPublic(t)
	if diff := cmp.Diff([]string{codeTimeout}, got.codes()); diff != "" {
		t.Errorf("error codes (-want +got):\n%s\n%+v", diff, got.Errors)
	}
}

// TestInternalErrorsHidden reads from a closed store: the client learns only that the server
// failed, the log gets the cause.
func TestInternalErrorsHidden(t *testing.T) {
	st := newTestStore(t)
	var log bytes.Buffer
	srv := newTestServer(t, Config{Store: st, Logger: slog.New(slog.NewTextHandler(&log, nil))})
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	_, got := postQuery(t, srv, `{ countries { name } }`, nil)
	if diff := cmp.Diff([]string{codeInternal}, got.codes()); diff != "" {
		t.Fatalf("error codes (-want +got):\n%s\n%+v", diff, got.Errors)
	}
	if msg := got.Errors[0].Message; msg != "internal error" {
		t.Errorf("message %q, want %q", msg, "internal error")
	}
	if !strings.Contains(log.String(), "graphql request failed") {
		t.Errorf("cause not logged; log:\n%s", log.String())
	}
}

// TestPagination walks every connection a page at a time and checks that the pages together
// are the whole listing, in order.
func TestPagination(t *testing.T) {
	st := newTestStore(t)
	fields := []string{`events(orderBy: START_ASC`, `people(`, `organizations(`, `places(`, `documents(`}
	for _, field := range fields {
		t.Run(strings.TrimSuffix(strings.Fields(field)[0], "("), func(t *testing.T) {
			sep := ""
			if !strings.HasSuffix(field, "(") {
				sep = ", "
			}
			all := pageIDs(t, st, "{ list: "+field+sep+"first: 100) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }")
			var walked []string
			after := ""
			for range 10 {
				page := pageIDs(t, st, "{ list: "+field+sep+"first: 2"+after+") { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }")
				walked = append(walked, page.ids...)
				if page.total != len(all.ids) {
					t.Errorf("totalCount %d on a page, %d in all", page.total, len(all.ids))
				}
				if !page.hasNext {
					break
				}
				after = `, after: "` + page.endCursor + `"`
			}
			if diff := cmp.Diff(all.ids, walked); diff != "" {
				t.Errorf("pages differ from the whole listing (-want +got):\n%s", diff)
			}
		})
	}
}

type pageResult struct {
	ids       []string
	total     int
	hasNext   bool
	endCursor string
}

func pageIDs(t *testing.T, st graph.Store, query string) pageResult {
	t.Helper()
	out, err := Query(context.Background(), st, query, nil)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	var r struct {
		Data struct {
			List struct {
				TotalCount int
				PageInfo   struct {
					HasNextPage bool
					EndCursor   string
				}
				Edges []struct {
					Cursor string
					Node   struct{ ID string }
				}
			}
		}
	}
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatal(err)
	}
	l := r.Data.List
	p := pageResult{total: l.TotalCount, hasNext: l.PageInfo.HasNextPage, endCursor: l.PageInfo.EndCursor}
	for _, e := range l.Edges {
		p.ids = append(p.ids, e.Node.ID)
	}
	if n := len(l.Edges); n > 0 && l.Edges[n-1].Cursor != p.endCursor {
		t.Errorf("endCursor %q is not the last edge's cursor %q", p.endCursor, l.Edges[n-1].Cursor)
	}
	return p
}

func TestQuery(t *testing.T) {
	st := newTestStore(t)
	out, err := Query(context.Background(), st, `{ country(name: "Belarus") { name } }`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"data":{"country":{"name":"Belarus"}}}`; string(out) != want {
		t.Errorf("Query = %s, want %s", out, want)
	}
	out, err = Query(context.Background(), st, `{ events(first: 101) { totalCount } }`, nil)
	if err == nil || !strings.Contains(err.Error(), codeBadUserInput) || !strings.Contains(string(out), `"errors"`) {
		t.Errorf("Query over the page cap = %s, %v; want the errors in both", out, err)
	}
}

// TestIntrospection runs the introspection query GraphiQL sends at start-up (the TypeRef
// fragment nests ofType nine deep): the depth limit must let it through.
func TestIntrospection(t *testing.T) {
	srv := newTestServer(t, Config{})
	query, err := os.ReadFile("testdata/introspection.txt")
	if err != nil {
		t.Fatal(err)
	}
	status, resp := postQuery(t, srv, string(query), nil)
	if status != http.StatusOK || len(resp.Errors) > 0 || resp.Data["__schema"] == nil {
		t.Fatalf("introspection: status %d, errors %+v", status, resp.Errors)
	}
}
