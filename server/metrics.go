package server

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/kgraph/kg/graph"
)

// latencyBuckets are the upper bounds, in seconds, of the request latency histogram.
var latencyBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// metrics counts what the server does, for GET /metrics in the Prometheus text format. The
// exposition is written by hand: four metric families do not justify a client library.
type metrics struct {
	mu        sync.Mutex
	requests  map[requestLabels]int64
	latencies map[string]*histogram // by handler
	errors    map[string]int64      // GraphQL errors by code
}

// requestLabels label a request: the route pattern that served it ("" for none) and its status.
type requestLabels struct {
	handler string
	status  int
}

type histogram struct {
	counts []int64 // per bucket, not cumulative; the last counts what exceeds every bound
	sum    float64
	n      int64
}

func newMetrics() *metrics {
	return &metrics{requests: map[requestLabels]int64{}, latencies: map[string]*histogram{}, errors: map[string]int64{}}
}

// observe records one request.
func (m *metrics) observe(handler string, status int, took time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[requestLabels{handler, status}]++
	h := m.latencies[handler]
	if h == nil {
		h = &histogram{counts: make([]int64, len(latencyBuckets)+1)}
		m.latencies[handler] = h
	}
	s := took.Seconds()
	i, _ := slices.BinarySearch(latencyBuckets, s)
	h.counts[i]++
	h.sum += s
	h.n++
}

// countErrors records the codes of a response's errors.
func (m *metrics) countErrors(codes []string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, c := range codes {
		m.errors[c]++
	}
}

// instrument wraps next so that every request it serves is observed. The handler label is
// the pattern of the route that served the request, which the mux sets on the request, so
// that unknown paths do not each make a series.
func (m *metrics) instrument(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r)
		m.observe(r.Pattern, sw.status, time.Since(start))
	})
}

// statusWriter remembers the status of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(status int) {
	w.status = status
	w.ResponseWriter.WriteHeader(status)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// handler serves the metrics, with the store's counts read at the time of the scrape.
func (m *metrics) handler(st graph.Store) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
		defer cancel()
		stats, err := st.Stats(ctx)
		if err != nil {
			http.Error(w, "store unavailable", http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		m.write(w, stats)
	}
}

// write writes the exposition, series in a stable order.
func (m *metrics) write(w io.Writer, stats graph.Stats) {
	m.mu.Lock()
	defer m.mu.Unlock()
	fmt.Fprintln(w, "# HELP kg_http_requests_total HTTP requests by route and status.")
	fmt.Fprintln(w, "# TYPE kg_http_requests_total counter")
	reqs := slices.SortedFunc(maps.Keys(m.requests), func(a, b requestLabels) int {
		return cmp.Or(cmp.Compare(a.handler, b.handler), cmp.Compare(a.status, b.status))
	})
	for _, l := range reqs {
		fmt.Fprintf(w, "kg_http_requests_total{handler=%q,code=\"%d\"} %d\n", l.handler, l.status, m.requests[l])
	}
	fmt.Fprintln(w, "# HELP kg_http_request_duration_seconds Time to answer HTTP requests, by route.")
	fmt.Fprintln(w, "# TYPE kg_http_request_duration_seconds histogram")
	for _, handler := range slices.Sorted(maps.Keys(m.latencies)) {
		h := m.latencies[handler]
		var cum int64
		for i, le := range latencyBuckets {
			cum += h.counts[i]
			fmt.Fprintf(w, "kg_http_request_duration_seconds_bucket{handler=%q,le=%q} %d\n", handler, strconv.FormatFloat(le, 'g', -1, 64), cum)
		}
		fmt.Fprintf(w, "kg_http_request_duration_seconds_bucket{handler=%q,le=\"+Inf\"} %d\n", handler, h.n)
		fmt.Fprintf(w, "kg_http_request_duration_seconds_sum{handler=%q} %g\n", handler, h.sum)
		fmt.Fprintf(w, "kg_http_request_duration_seconds_count{handler=%q} %d\n", handler, h.n)
	}
	fmt.Fprintln(w, "# HELP kg_graphql_errors_total Errors in GraphQL responses, by extensions.code.")
	fmt.Fprintln(w, "# TYPE kg_graphql_errors_total counter")
	for _, code := range slices.Sorted(maps.Keys(m.errors)) {
		fmt.Fprintf(w, "kg_graphql_errors_total{code=%q} %d\n", code, m.errors[code])
	}
	fmt.Fprintln(w, "# HELP kg_store_nodes Nodes in the store, by kind.")
	fmt.Fprintln(w, "# TYPE kg_store_nodes gauge")
	for _, k := range graph.Kinds {
		fmt.Fprintf(w, "kg_store_nodes{kind=%q} %d\n", k, stats.Nodes[k])
	}
	fmt.Fprintln(w, "# HELP kg_store_edges Edges in the store.")
	fmt.Fprintln(w, "# TYPE kg_store_edges gauge")
	fmt.Fprintf(w, "kg_store_edges %d\n", stats.Edges)
}
