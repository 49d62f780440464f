package server

import (
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// send sends a request with headers and returns the response with its body read.
func send(t *testing.T, method, url, body string, headers map[string]string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	res, err := http.DefaultTransport.RoundTrip(req) // no transparent decompression
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(b)
}

func TestGzip(t *testing.T) {
	srv := newTestServer(t, Config{})
	query := body(t, `{ countries { name } }`)
	for _, path := range []string{"/graphql", "/healthz", "/metrics"} {
		method := http.MethodGet
		if path == "/graphql" {
			method = http.MethodPost
		}
		res, b := send(t, method, srv.URL+path, query, map[string]string{"Accept-Encoding": "gzip", "Content-Type": "application/json"})
		if res.Header.Get("Content-Encoding") != "gzip" {
			t.Errorf("%s: Content-Encoding %q, want gzip", path, res.Header.Get("Content-Encoding"))
			continue
		}
		zr, err := gzip.NewReader(strings.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		plain, err := io.ReadAll(zr)
		if err != nil || len(plain) == 0 {
			t.Errorf("%s: gunzip: %v, %d bytes", path, err, len(plain))
		}
	}
	for _, accept := range []string{"", "identity", "gzip;q=0"} {
		res, b := send(t, http.MethodPost, srv.URL+"/graphql", query, map[string]string{"Accept-Encoding": accept})
		if res.Header.Get("Content-Encoding") != "" || !strings.Contains(b, "Kazakhstan") {
			t.Errorf("Accept-Encoding %q: Content-Encoding %q, body %.100s", accept, res.Header.Get("Content-Encoding"), b)
		}
	}
}

func TestCORS(t *testing.T) {
	srv := newTestServer(t, Config{CORSOrigins: []string{"https://dash.example.org"}, Token: "s3cret"})
	preflight := map[string]string{"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type, authorization"}
	tests := []struct {
		name, method, origin string
		headers              map[string]string
		wantStatus           int
		wantAllowOrigin      string
	}{
		{"preflight from the dashboard", http.MethodOptions, "https://dash.example.org", preflight, 204, "https://dash.example.org"},
		{"preflight from elsewhere", http.MethodOptions, "https://evil.example.com", preflight, 403, ""},
		{"query from the dashboard", http.MethodPost, "https://dash.example.org", map[string]string{"Authorization": "Bearer s3cret"}, 200, "https://dash.example.org"},
		{"query from elsewhere", http.MethodPost, "https://evil.example.com", map[string]string{"Authorization": "Bearer s3cret"}, 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := map[string]string{"Origin": tt.origin}
			for k, v := range tt.headers {
				h[k] = v
			}
			res, _ := send(t, tt.method, srv.URL+"/graphql", body(t, `{ countries { name } }`), h)
			if res.StatusCode != tt.wantStatus {
				t.Errorf("status %d, want %d", res.StatusCode, tt.wantStatus)
			}
			if got := res.Header.Get("Access-Control-Allow-Origin"); got != tt.wantAllowOrigin {
				t.Errorf("Access-Control-Allow-Origin %q, want %q", got, tt.wantAllowOrigin)
			}
			if tt.wantStatus == 204 && !strings.Contains(res.Header.Get("Access-Control-Allow-Headers"), "Authorization") {
				t.Errorf("preflight does not allow the Authorization header: %v", res.Header)
			}
		})
	}
}

func TestToken(t *testing.T) {
	srv := newTestServer(t, Config{Token: "s3cret"})
	query := body(t, `{ countries { name } }`)
	for _, tt := range []struct {
		name, path, auth string
		wantStatus       int
	}{
		{"graphql without token", "/graphql", "", 401},
		{"graphql with wrong token", "/graphql", "Bearer guess", 401},
		{"graphql with token", "/graphql", "Bearer s3cret", 200},
		{"page without token", "/", "", 401},
		{"metrics without token", "/metrics", "", 401},
		{"metrics with token", "/metrics", "Bearer s3cret", 200},
	} {
		t.Run(tt.name, func(t *testing.T) {
			method := http.MethodGet
			if tt.path == "/graphql" {
				method = http.MethodPost
			}
			res, b := send(t, method, srv.URL+tt.path, query, map[string]string{"Authorization": tt.auth})
			if res.StatusCode != tt.wantStatus {
				t.Errorf("status %d, want %d", res.StatusCode, tt.wantStatus)
			}
			if tt.wantStatus == 401 {
				if diff := cmp.Diff([]string{codeUnauthenticated}, decode(t, []byte(b)).codes()); diff != "" || res.Header.Get("WWW-Authenticate") == "" {
					t.Errorf("codes (-want +got):\n%s\nWWW-Authenticate %q", diff, res.Header.Get("WWW-Authenticate"))
				}
			}
		})
	}
}

func TestMetrics(t *testing.T) {
	srv := newTestServer(t, Config{})
	postQuery(t, srv, `{ countries { name } }`, nil)
	postQuery(t, srv, `{ events(first: 1000) { totalCount } }`, nil)
	do(t, http.MethodGet, srv.URL+"/nowhere", "")
	_, header, b := do(t, http.MethodGet, srv.URL+"/metrics", "")
	if ct := header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain; version=0.0.4") {
		t.Errorf("Content-Type %q", ct)
	}
	for _, want := range []string{
		"# TYPE kg_http_requests_total counter\n",
		`kg_http_requests_total{handler="/graphql",code="200"} 2` + "\n",
		`kg_http_requests_total{handler="",code="404"} 1` + "\n",
		"# TYPE kg_http_request_duration_seconds histogram\n",
		`kg_http_request_duration_seconds_bucket{handler="/graphql",le="+Inf"} 2` + "\n",
		`kg_http_request_duration_seconds_count{handler="/graphql"} 2` + "\n",
		`kg_graphql_errors_total{code="BAD_USER_INPUT"} 1` + "\n",
		`kg_store_nodes{kind="Person"} 7` + "\n",
		"kg_store_edges ",
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("metrics lack %q:\n%s", want, b)
		}
	}
}

func TestPersistedQueries(t *testing.T) {
	srv := newTestServer(t, Config{})
	query := `{ country(name: "Belarus") { name } }`
	sum := sha256.Sum256([]byte(query))
	hash := hex.EncodeToString(sum[:])
	ext := func(h string) string {
		return `"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "` + h + `"}}`
	}
	withQuery := strings.TrimSuffix(body(t, query), "}") + ", " + ext(hash) + "}"
	get := "/graphql?" + url.Values{"extensions": {`{"persistedQuery":{"version":1,"sha256Hash":"` + hash + `"}}`}}.Encode()
	steps := []struct {
		name, method, path, body string
		wantCode, wantData       string
	}{
		{"hash unknown", http.MethodPost, "/graphql", "{" + ext(hash) + "}", codePersistedQueryNotFound, ""},
		{"hash with a query that does not match", http.MethodPost, "/graphql", strings.Replace(withQuery, "Belarus", "Russia", 1), codeBadUserInput, ""},
		{"hash with its query", http.MethodPost, "/graphql", withQuery, "", `"Belarus"`},
		{"hash alone", http.MethodPost, "/graphql", "{" + ext(hash) + "}", "", `"Belarus"`},
		{"hash alone by GET", http.MethodGet, get, "", "", `"Belarus"`},
		{"unsupported version", http.MethodPost, "/graphql", `{"extensions": {"persistedQuery": {"version": 2, "sha256Hash": "` + hash + `"}}}`, codeBadUserInput, ""},
	}
	for _, s := range steps {
		status, _, b := do(t, s.method, srv.URL+s.path, s.body)
		got := decode(t, b)
		var codes []string
		if s.wantCode != "" {
			codes = []string{s.wantCode}
		}
		if diff := cmp.Diff(codes, got.codes()); diff != "" || status != 200 || !strings.Contains(string(b), s.wantData) {
			t.Errorf("%s: status %d, codes (-want +got):\n%s\n%s", s.name, status, diff, b)
		}
		if s.wantCode == codePersistedQueryNotFound && got.Errors[0].Message != msgPersistedQueryNotFound {
			t.Errorf("%s: message %q, want %q", s.name, got.Errors[0].Message, msgPersistedQueryNotFound)
		}
	}
}

func TestQueryCacheBounded(t *testing.T) {
	c := newQueryCache(2)
	c.put("a", "{ a }")
	c.put("b", "{ b }")
	c.get("a") // b is now the least recently used
	c.put("c", "{ c }")
	if _, ok := c.get("b"); ok {
		t.Error("b kept, want it forgotten")
	}
	for _, h := range []string{"a", "c"} {
		if _, ok := c.get(h); !ok {
			t.Errorf("%s forgotten, want it kept", h)
		}
	}
	if c.len() != 2 {
		t.Errorf("%d queries kept, want 2", c.len())
	}
}
