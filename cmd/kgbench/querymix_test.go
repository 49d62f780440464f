package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/kgraph/kg/graph/badgerstore"
	"github.com/kgraph/kg/internal/corpusgen"
	"github.com/kgraph/kg/loader"
	"github.com/kgraph/kg/server"
)

// serveCorpus loads docs generated documents into an in-memory store, serves it on a loopback
// port and returns the query mix for it.
func serveCorpus(tb testing.TB, docs int) *mix {
	ctx := context.Background()
	st, err := badgerstore.Open(ctx, badgerstore.Config{InMemory: true})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	cfg := corpusgen.Config{Seed: 1, Docs: docs}
	g := corpusgen.New(cfg)
	l := loader.New(loader.Config{Store: st})
	for i := range docs {
		if _, err := l.LoadBytes(ctx, fmt.Sprintf("doc%d", i), g.Document(i)); err != nil {
			tb.Fatal(err)
		}
	}
	h, err := server.New(server.Config{Store: st, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		tb.Fatal(err)
	}
	srv := httptest.NewServer(h)
	tb.Cleanup(srv.Close)
	m, err := newMix(ctx, srv.URL, corpusgen.New(cfg).People())
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// TestQueryMix runs the mix briefly and checks that every query of it answers without errors.
func TestQueryMix(t *testing.T) {
	m := serveCorpus(t, 60)
	// Long enough that every query is answered even on a busy machine.
	res := m.run(context.Background(), 4, 2*time.Second)
	for i, name := range res.names {
		if len(res.latencies[i]) == 0 || res.errors[i] > 0 {
			t.Errorf("%s: %d requests, %d errors, the first: %v", name, len(res.latencies[i]), res.errors[i], res.firstErr)
		}
	}
}

// BenchmarkQueryMix times each query of the mix over HTTP, one client at a time, against a
// store of 300 generated documents; kgbench run measures larger stores.
func BenchmarkQueryMix(b *testing.B) {
	m := serveCorpus(b, 300)
	for _, q := range m.queries {
		b.Run(q.name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				if err := m.post(context.Background(), q.bodies[n%len(q.bodies)], nil); err != nil {
					b.Fatal(err)
				}
				n++
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/query")
		})
	}
}
