package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestSoakWindows runs the mix as a soak in short windows: every answer the mix counts is in a
// window, each window has its memory figure, and the verdict line is printed.
func TestSoakWindows(t *testing.T) {
	m := serveCorpus(t, 60)
	const d, window = 600 * time.Millisecond, 200 * time.Millisecond
	record := newSoak(d, window)
	m.observe = record.observe
	sampled := make(chan struct{})
	go func() { record.sampleMemory(context.Background()); close(sampled) }()
	res := m.run(context.Background(), 4, d)
	<-sampled

	answered, inWindows := 0, 0
	for _, lat := range res.latencies {
		answered += len(lat)
	}
	for i, w := range record.windows {
		inWindows += len(w.latencies)
		if w.rssKiB <= 0 {
			t.Errorf("window %d: no memory figure", i)
		}
		if w.serverErrors+w.graphQL+w.other > 0 {
			t.Errorf("window %d: %d HTTP 5xx, %d GraphQL errors, %d other errors; the first: %v", i, w.serverErrors, w.graphQL, w.other, res.firstErr)
		}
	}
	if len(record.windows) != 3 || answered == 0 || inWindows != answered {
		t.Errorf("%d windows hold %d answers; the mix answered %d", len(record.windows), inWindows, answered)
	}
	var out strings.Builder
	err := record.print(&out)
	if !strings.Contains(out.String(), "\nverdict: ") {
		t.Errorf("no verdict line:\n%s", out.String())
	}
	t.Logf("%s(err %v)", out.String(), err)
}

// TestSoakCountsErrors checks that HTTP 5xx, GraphQL errors (by code) and other failures are
// counted apart, and that any of them fails the verdict.
func TestSoakCountsErrors(t *testing.T) {
	record := newSoak(time.Second, time.Second)
	now := record.start
	record.observe(now, time.Millisecond, nil)
	record.observe(now, time.Millisecond, &statusError{code: 503})
	record.observe(now, time.Millisecond, &statusError{code: 400})
	record.observe(now, time.Millisecond, fmt.Errorf(`%w: {"message":"too long","extensions":{"code":"TIMEOUT"}}`, errGraphQL))
	record.observe(now, time.Millisecond, errors.New("connection refused"))
	record.windows[0].rssKiB = 1000
	w := record.windows[0]
	if w.serverErrors != 1 || w.graphQL != 1 || w.other != 2 || len(w.latencies) != 5 {
		t.Errorf("5xx %d, GraphQL %d, other %d, answered %d; want 1, 1, 2, 5", w.serverErrors, w.graphQL, w.other, len(w.latencies))
	}
	var out strings.Builder
	if err := record.print(&out); err == nil || !strings.Contains(out.String(), "verdict: FAIL ([HTTP 5xx errors])") ||
		!strings.Contains(out.String(), "GraphQL errors by code: TIMEOUT 1\n") {
		t.Errorf("verdict with errors: err %v, output:\n%s", err, out.String())
	}
}
