package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the server goroutine and the test to share.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

const corpus = "../../testdata/corpus"

// TestServeEndToEnd runs the real command: it loads the test corpus, serves on port 0, answers
// GraphQL over HTTP but not under a foreign host name, and shuts down cleanly when its context
// ends.
func TestServeEndToEnd(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr syncBuffer
	done := make(chan int, 1)
	data := t.TempDir()
	go func() {
		done <- run(ctx, []string{"serve", "--data", data, "--addr", "127.0.0.1:0", "--load", corpus}, io.Discard, &stderr)
	}()
	url := waitForURL(t, &stderr, done)

	body := `{"query":"{ events(filter: {city: \"Minsk\"}, orderBy: START_ASC) { totalCount edges { node { title start chairs { ... on Person { name } } } } } }"}`
	resp, err := http.Post(url+"graphql", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		Data struct {
			Events struct {
				TotalCount int
				Edges      []struct {
					Node struct {
						Title  string
						Start  string
						Chairs []struct{ Name string }
					}
				}
			}
		}
		Errors []any
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	if len(out.Errors) > 0 || out.Data.Events.TotalCount == 0 {
		t.Fatalf("events in Minsk: %+v", out)
	}
	chairs := map[string]bool{}
	for _, e := range out.Data.Events.Edges {
		for _, c := range e.Node.Chairs {
			chairs[c.Name] = true
		}
	}
	if !chairs["Alexander Lukashenko"] {
		t.Errorf("no event in Minsk chaired by Alexander Lukashenko: %+v", out.Data.Events.Edges)
	}

	page, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	page.Body.Close()
	if page.StatusCode != http.StatusOK {
		t.Errorf("GET / = %d", page.StatusCode)
	}

	// A loopback server without a token answers no other host name (DNS rebinding).
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = "rebind.example.com"
	rebound, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	rebound.Body.Close()
	if rebound.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("GET / with Host %s = %d, want 421", req.Host, rebound.StatusCode)
	}

	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exited with %d:\n%s", code, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop after its context ended")
	}
}

var servingURL = regexp.MustCompile(`url=(http://\S+/)`)

// waitForURL waits for the server's "serving" log line and returns its URL.
func waitForURL(t *testing.T, stderr *syncBuffer, done <-chan int) string {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if m := servingURL.FindStringSubmatch(stderr.String()); m != nil {
			return m[1]
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited with %d:\n%s", code, stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatalf("server did not start:\n%s", stderr.String())
	return ""
}

// TestLoadQuery loads the corpus twice (the second time changes nothing), then queries the store.
func TestLoadQuery(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	var stderr bytes.Buffer
	if code := run(ctx, []string{"load", "--data", data, corpus}, io.Discard, &stderr); code != 0 {
		t.Fatalf("first load exited with %d:\n%s", code, stderr.String())
	}
	files, _ := filepath.Glob(filepath.Join(corpus, "*.txt"))
	stderr.Reset()
	if code := run(ctx, []string{"load", "--data", data, corpus}, io.Discard, &stderr); code != 0 {
		t.Fatalf("second load exited with %d:\n%s", code, stderr.String())
	}
	if want := "0 added, " + strconv.Itoa(len(files)) + " unchanged"; !strings.Contains(stderr.String(), want) {
		t.Errorf("second load summary lacks %q:\n%s", want, stderr.String())
	}

	var stdout bytes.Buffer
	q := `{ person(name: "Masadikov") { name tenures { title } } }`
	if code := run(ctx, []string{"query", "--data", data, q}, &stdout, &stderr); code != 0 {
		t.Fatalf("query exited with %d:\n%s", code, stderr.String())
	}
	want := `{"data":{"person":{"name":"Taalatbek Masadykov","tenures":[{"title":"Deputy Secretary General"}]}}}`
	if got := strings.TrimSpace(stdout.String()); got != want {
		t.Errorf("query printed\n%s\nwant\n%s", got, want)
	}

	// The analyst's questions of issue 4 on the corpus: who is Masadikov (with a typo), who was
	// Secretary General in 2022.
	stdout.Reset()
	q = `{ search(text: "Masadikof", kinds: [PERSON], first: 1) { name } holders(post: "Secretary General", organization: "CSTO", at: "2022") { person { name } } }`
	if code := run(ctx, []string{"query", "--data", data, q}, &stdout, &stderr); code != 0 {
		t.Fatalf("query exited with %d:\n%s", code, stderr.String())
	}
	want = `{"data":{"search":[{"name":"Taalatbek Masadykov"}],"holders":[{"person":{"name":"Stanislav Zas"}}]}}`
	if got := strings.TrimSpace(stdout.String()); got != want {
		t.Errorf("query printed\n%s\nwant\n%s", got, want)
	}
}

func TestLoadMissingPath(t *testing.T) {
	var stderr bytes.Buffer
	code := run(context.Background(), []string{"load", "--data", t.TempDir(), "no/such/folder"}, io.Discard, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "no/such/folder") {
		t.Errorf("load of a missing path: exit %d, stderr:\n%s", code, stderr.String())
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{{}, {"nonsense"}, {"load"}, {"query"}, {"explain"}} {
		if code := run(context.Background(), args, io.Discard, io.Discard); code != 2 {
			t.Errorf("kg %v exited with %d, want 2", args, code)
		}
	}
	for _, args := range [][]string{{"--help"}, {"load", "--help"}, {"serve", "--help"}, {"query", "--help"}, {"explain", "--help"}} {
		if code := run(context.Background(), args, io.Discard, io.Discard); code != 0 {
			t.Errorf("kg %v exited with %d, want 0", args, code)
		}
	}
}
