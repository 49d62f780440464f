package server

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/kgraph/kg/graph"
)

// startHTTPServer serves the API with NewHTTPServer's timeouts on a free local port and
// returns its base URL.
func startHTTPServer(t *testing.T, cfg Config) string {
	t.Helper()
	if cfg.Store == nil {
		cfg.Store = newTestStore(t)
	}
	cfg.Logger = slog.New(slog.DiscardHandler)
	srv, err := NewHTTPServer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

// TestHostileQueries sends each hostile request while a well-behaved client keeps querying:
// each is refused within a second with its code, and the other client is answered throughout.
func TestHostileQueries(t *testing.T) {
	base := startHTTPServer(t, Config{})
	cycle := `{ countries { ...A } } fragment A on Country { name ...B } fragment B on Country { ...A }`
	tests := []struct {
		name       string
		body       string
		wantStatus int
		wantCode   string
	}{
		{"deep nesting", body(t, deepQuery(40)), 200, codeCostLimit},
		{"1,000 aliases", body(t, aliases(1000, "countries { name }")), 200, codeCostLimit},
		{"fragment cycle", body(t, cycle), 200, codeBadUserInput},
		{"first: 1000000", body(t, `{ events(first: 1000000) { totalCount } }`), 200, codeBadUserInput},
		{"nested pages", body(t, `{ events(first: 100) { edges { node { participants { events(first: 100) { edges { node { participants { name } } } } } } } } }`), 200, codeCostLimit},
		{"10 MB body", `{"query": "{ countries { name } }", "pad": "` + strings.Repeat("x", 10<<20) + `"}`, 413, codeCostLimit},
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var answered, failed int
	other := body(t, `{ country(name: "Belarus") { name } }`)
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			res, err := http.Post(base+"/graphql", "application/json", strings.NewReader(other))
			if err == nil {
				b, _ := io.ReadAll(res.Body)
				res.Body.Close()
				if strings.Contains(string(b), `"Belarus"`) {
					answered++
					continue
				}
			}
			failed++
		}
	}()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			res, err := http.Post(base+"/graphql", "application/json", strings.NewReader(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if took := time.Since(start); took > time.Second {
				t.Errorf("refused after %v, want under a second", took)
			}
			if res.StatusCode != tt.wantStatus {
				t.Errorf("status %d, want %d", res.StatusCode, tt.wantStatus)
			}
			got := decode(t, b)
			got.checkPublic(t)
			if diff := cmp.Diff([]string{tt.wantCode}, got.codes()); diff != "" {
				t.Errorf("codes (-want +got):\n%s\n%+v", diff, got.Errors)
			}
		})
	}
	close(stop)
	wg.Wait()
	if answered == 0 || failed > 0 {
		t.Errorf("the other client was answered %d times and failed %d times", answered, failed)
	}
}

func body(t *testing.T, query string) string {
	t.Helper()
	b, err := json.Marshal(map[string]string{"query": query})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestSlowClient opens connections that send their headers or body too slowly: the server
// closes them after its read timeout and answers another client meanwhile.
func TestSlowClient(t *testing.T) {
	const readTimeout = 300 * time.Millisecond
	base := startHTTPServer(t, Config{ReadTimeout: readTimeout})
	addr := strings.TrimPrefix(base, "http://")
	requests := map[string]string{
		"headers": "POST /graphql HTTP/1.1\r\nHost: x\r\n",
		"body":    "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"query\":",
	}
	for name, partial := range requests {
		t.Run(name, func(t *testing.T) {
			conn, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			start := time.Now()
			if _, err := io.WriteString(conn, partial); err != nil {
				t.Fatal(err)
			}
			_, got := postQueryTo(t, base, `{ country(name: "Belarus") { name } }`, nil)
			if len(got.Errors) > 0 || got.Data["country"] == nil {
				t.Errorf("another client was not answered: %+v", got)
			}
			conn.SetReadDeadline(time.Now().Add(5 * time.Second))
			_, err = bufio.NewReader(conn).ReadString(0) // returns when the server closes or answers
			took := time.Since(start)
			if errors.Is(err, os.ErrDeadlineExceeded) || took > readTimeout+2*time.Second {
				t.Errorf("slow connection still open after %v", took)
			}
		})
	}
}

// TestTimeoutReachesStore runs a query against a store that blocks until its context ends:
// the request's time limit must cancel that context and the client get a TIMEOUT.
func TestTimeoutReachesStore(t *testing.T) {
	st := &blockingStore{Store: newTestStore(t), cancelled: make(chan error, 1)}
	srv := newTestServer(t, Config{Store: st, Timeout: 100 * time.Millisecond})
	start := time.Now()
	_, got := postQuery(t, srv, `{ events { totalCount } }`, nil)
	if diff := cmp.Diff([]string{codeTimeout}, got.codes()); diff != "" {
		t.Errorf("codes (-want +got):\n%s", diff)
	}
	select {
	case err := <-st.cancelled:
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("store's context ended with %v, want the deadline", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the store's context was not cancelled")
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("answered after %v", took)
	}
}

// blockingStore is a store whose FindEvents waits for its context to end and reports why.
type blockingStore struct {
	graph.Store
	cancelled chan error
}

func (s *blockingStore) FindEvents(ctx context.Context, f graph.EventFilter, o graph.EventOrder, p graph.PageRequest) (graph.Page, error) {
	<-ctx.Done()
	s.cancelled <- ctx.Err()
	return graph.Page{}, ctx.Err()
}

// TestPathNodeBudget searches for a path with a budget too small to reach the other end: the
// search gives up with COST_LIMIT rather than walk the graph.
func TestPathNodeBudget(t *testing.T) {
	srv := newTestServer(t, Config{MaxPathNodes: 3})
	query := fmt.Sprintf(`{ path(from: %q, to: %q) { hops { relation } } }`, id(graph.KindPerson, "Stanislav Zas"), id(graph.KindPerson, "Sergey Lavrov"))
	_, got := postQuery(t, srv, query, nil)
	got.checkPublic(t)
	if diff := cmp.Diff([]string{codeCostLimit}, got.codes()); diff != "" {
		t.Errorf("codes (-want +got):\n%s\n%+v", diff, got.Errors)
	}
	srv = newTestServer(t, Config{})
	if _, got := postQuery(t, srv, query, nil); len(got.Errors) > 0 || got.Data["path"] == nil {
		t.Errorf("with the default budget: %+v", got)
	}
}
