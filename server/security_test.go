package server

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// rawGet sends a request line as it is, with no cleaning or escaping by a client, and returns
// the status, the Location header and the body.
func rawGet(t *testing.T, base, method, target string) (int, string, string) {
	t.Helper()
	return rawRequest(t, base, method, target, "kg")
}

// rawRequest is rawGet with a Host header of the caller's choice.
func rawRequest(t *testing.T, base, method, target, host string) (int, string, string) {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	fmt.Fprintf(conn, "%s %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", method, target, host)
	res, err := http.ReadResponse(bufio.NewReader(conn), &http.Request{Method: method})
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, res.Header.Get("Location"), string(b)
}

// TestAssetPathTraversal asks for files outside the GraphiQL assets in every spelling of ".."
// and of a separator: none is served, a redirect stays on the server and leads nowhere, and the
// asset folder is not listed. The assets are embedded in the binary, so no path reaches the disk.
func TestAssetPathTraversal(t *testing.T) {
	base := startHTTPServer(t, Config{})
	if status, _, _ := rawGet(t, base, "GET", "/assets/README.txt"); status != http.StatusOK {
		t.Fatalf("GET /assets/README.txt: status %d, want 200", status)
	}
	for _, target := range []string{
		"/assets/../../etc/passwd",
		"/assets/../../../../../../etc/passwd",
		"/assets/%2e%2e/%2e%2e/etc/passwd",
		"/assets/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
		"/assets/..%2f..%2f..%2fetc%2fpasswd",
		"/assets/%252e%252e%252fetc%252fpasswd",
		"/assets//etc/passwd",
		"/assets/..\\..\\etc\\passwd",
		"/assets/..%5c..%5cetc%5cpasswd",
		"/assets/%00/etc/passwd",
		"/assets/./../graphiql.go",
		"/../../etc/passwd",
		"/etc/passwd",
		"//etc/passwd",
		"/assets/",
		"/assets",
		"/assets/.",
		"/assets/nonexistent.js",
	} {
		status, location, body := rawGet(t, base, "GET", target)
		if status >= 300 && status < 400 {
			if !strings.HasPrefix(location, "/") || strings.HasPrefix(location, "//") {
				t.Errorf("GET %s: redirect to %q, off the server", target, location)
				continue
			}
			status, _, body = rawGet(t, base, "GET", location)
		}
		if status != http.StatusNotFound && status != http.StatusBadRequest {
			t.Errorf("GET %s: status %d, want 404 or 400; body %.200q", target, status, body)
		}
		if strings.Contains(body, "root:") || strings.Contains(body, "package graphiql") || strings.Contains(body, "README.txt") {
			t.Errorf("GET %s: served a file or a listing: %.200q", target, body)
		}
	}
}

// TestMethods sends the methods the API does not take: each is refused with 405 and the
// methods allowed, and none runs a query.
func TestMethods(t *testing.T) {
	base := startHTTPServer(t, Config{})
	for _, method := range []string{"PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "HEAD", "CONNECT"} {
		target := "/graphql?query=%7B__typename%7D"
		if method == "CONNECT" {
			target = "/graphql" // CONNECT names no query
		}
		status, _, body := rawGet(t, base, method, target)
		if status != http.StatusMethodNotAllowed || strings.Contains(body, `"data"`) {
			t.Errorf("%s /graphql: status %d, body %.200q; want 405 and no data", method, status, body)
		}
	}
	for _, method := range []string{"PUT", "DELETE", "POST"} {
		if status, _, _ := rawGet(t, base, method, "/"); status != http.StatusMethodNotAllowed {
			t.Errorf("%s /: status %d, want 405", method, status)
		}
	}
}

// TestHostileRequests sends what a read-only API with limits must refuse or survive: writes,
// huge or deeply nested variables, URLs too long, fragments that multiply, deep introspection.
// Each is answered within a second, with the expected status and code.
func TestHostileRequests(t *testing.T) {
	base := startHTTPServer(t, Config{})
	withVars := func(query, vars string) string {
		return fmt.Sprintf(`{"query": %q, "variables": %s}`, query, vars)
	}
	manyVars := "{" + strings.Repeat(`"v0000000": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",`, 15000) + `"last": 1}`
	// 2^30 selections if fragments were expanded naively.
	var doubling strings.Builder
	doubling.WriteString("{ countries { ...F0 } }")
	for i := range 30 {
		fmt.Fprintf(&doubling, " fragment F%d on Country { ...F%d ... on Country { ...F%d } }", i, i+1, i+1)
	}
	doubling.WriteString(" fragment F30 on Country { name }")
	var chain strings.Builder
	chain.WriteString("{ countries { ...F0 } }")
	for i := range 300 {
		fmt.Fprintf(&chain, " fragment F%d on Country { ...F%d }", i, i+1)
	}
	chain.WriteString(" fragment F300 on Country { name }")
	// As deep as the limit allows; the schema's field types are mostly wrappers without
	// fields, so the answer grows with the depth, not exponentially.
	introspection := "{ __schema { types { " + strings.Repeat("fields { type { ", 6) + "name" + strings.Repeat(" } }", 6) + " } } }"

	tests := []struct {
		name       string
		method     string
		body       string // POST body, or the query of a GET
		wantStatus int
		wantCode   string // "" for an answer without errors
	}{
		{"mutation", "POST", body(t, `mutation { deleteDocument(id: "x") }`), 200, codeBadUserInput},
		{"mutation by GET", "GET", `mutation { putDocument }`, 200, codeBadUserInput},
		{"subscription", "POST", body(t, `subscription { events { title } }`), 200, codeBadUserInput},
		{"900 KB of variables", "POST", withVars(`{ __typename }`, manyVars), 200, ""},
		{"variables nested 100,000 deep", "POST", withVars(`{ __typename }`, `{"a": `+strings.Repeat("[", 100000)+strings.Repeat("]", 100000)+`}`), 400, codeBadUserInput},
		{"variables of the wrong type", "POST", withVars(`query($n: String!) { person(name: $n) { name } }`, `{"n": {"$gt": ""}}`), 200, codeBadUserInput},
		{"64 KiB query in a URL", "GET", "{" + strings.Repeat(" __typename", 6000) + " }", 200, codeCostLimit},
		{"2 MiB URL", "GET", strings.Repeat("x", 2<<20), 431, ""},
		{"fragments doubling 30 times", "POST", body(t, doubling.String()), 200, codeCostLimit},
		{"a chain of 300 fragments", "POST", body(t, chain.String()), 200, ""},
		{"introspection 14 deep", "POST", body(t, introspection), 200, ""},
		{"400 aliased introspections", "POST", body(t, aliases(400, "__schema { types { name } }")), 200, codeCostLimit},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			var res *http.Response
			var err error
			if tt.method == "GET" {
				res, err = http.Get(base + "/graphql?query=" + url.QueryEscape(tt.body))
			} else {
				res, err = http.Post(base+"/graphql", "application/json", strings.NewReader(tt.body))
			}
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if took := time.Since(start); took > time.Second {
				t.Errorf("answered after %v, want under a second", took)
			}
			if res.StatusCode != tt.wantStatus {
				t.Fatalf("status %d, want %d; body %.300s", res.StatusCode, tt.wantStatus, b)
			}
			if res.StatusCode == 431 {
				return // Go's server refuses the headers before the API sees them
			}
			got := decode(t, b)
			got.checkPublic(t)
			var want []string
			if tt.wantCode != "" {
				want = []string{tt.wantCode}
			}
			if diff := cmp.Diff(want, got.codes()); diff != "" {
				t.Errorf("codes (-want +got):\n%s\n%+v", diff, got.Errors)
			}
		})
	}
}

// TestLogsHoldNoSecrets makes the server log (a closed store fails every read) while clients
// send the token and wrong ones: the log has the failures but neither token nor any
// Authorization header. The cause of an internal error may quote what the store was asked for
// (a name from the query's variables): the operator needs it, and it is no credential.
func TestLogsHoldNoSecrets(t *testing.T) {
	st := newTestStore(t)
	var log bytes.Buffer // written by the handler before each answer, read after the last
	const token, wrong, variable = "tok-3f9a-secret", "wrong-77c1-secret", "variable-52be-value"
	srv := newTestServer(t, Config{Store: st, Token: token, Logger: slog.New(slog.NewTextHandler(&log, &slog.HandlerOptions{Level: slog.LevelDebug}))})
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	for _, auth := range []string{"Bearer " + token, "Bearer " + wrong, wrong} {
		b := fmt.Sprintf(`{"query": "query($n: String!) { person(name: $n) { name } countries { name } }", "variables": {"n": %q}}`, variable)
		req, err := http.NewRequest(http.MethodPost, srv.URL+"/graphql", strings.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", auth)
		res, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
	}
	if !strings.Contains(log.String(), "graphql request failed") {
		t.Fatalf("nothing logged; log:\n%s", log.String())
	}
	for _, secret := range []string{token, wrong, "Authorization", "Bearer"} {
		if strings.Contains(log.String(), secret) {
			t.Errorf("the log holds %q:\n%s", secret, log.String())
		}
	}
}

// TestDNSRebinding sends requests to a loopback-only server under other names, as a web page
// that points its own name at 127.0.0.1 would: they are refused, while the loopback names are
// answered.
func TestDNSRebinding(t *testing.T) {
	base := startHTTPServer(t, Config{LocalOnly: true})
	_, port, err := net.SplitHostPort(strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	for host, want := range map[string]int{
		"localhost:" + port:          200,
		"LocalHost":                  200,
		"127.0.0.1:" + port:          200,
		"127.1.2.3":                  200,
		"[::1]:" + port:              200,
		"[::1]":                      200,
		"rebind.example.com:" + port: 421,
		"rebind.example.com":         421,
		"localhost.example.com":      421,
		"127.0.0.1.nip.io:" + port:   421,
		"0.0.0.0:" + port:            421,
		"10.0.0.1":                   421,
	} {
		status, _, body := rawRequest(t, base, "GET", "/graphql?query=%7B__typename%7D", host)
		if status != want {
			t.Errorf("Host %s: status %d, want %d; body %.100q", host, status, want, body)
		}
		if want == 421 && strings.Contains(body, "__typename") {
			t.Errorf("Host %s: answered the query: %.100q", host, body)
		}
	}
}
