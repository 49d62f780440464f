package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
)

// Soak limits: a long run of the mix passes when it has no HTTP 5xx and no errors, the resident
// memory at the end of the last window is at most soakMaxGrowth above that at the end of the
// first (which holds the warm-up), and the last window's p99 is at most soakMaxP99Ratio times
// the first's.
const (
	soakMaxGrowth   = 0.10
	soakMaxP99Ratio = 1.5
)

// soak keeps the figures of a run of the query mix per window of time, to show whether a long
// run degrades: answers, HTTP 5xx, other errors, latencies and the process's resident memory.
type soak struct {
	start   time.Time
	window  time.Duration
	mu      sync.Mutex
	windows []soakWindow
	codes   map[string]int // GraphQL errors by extensions.code
}

// errorCode finds the code of the GraphQL error that post quotes.
var errorCode = regexp.MustCompile(`"code":"([A-Z_]+)"`)

type soakWindow struct {
	latencies    []time.Duration
	serverErrors int   // answers with an HTTP 5xx status
	graphQL      int   // answers of status 200 holding GraphQL errors
	other        int   // other statuses and failed connections
	rssKiB       int64 // resident memory at the window's end; -1 if unknown
}

// newSoak starts a record of a run of d, from now, in windows of window.
func newSoak(d, window time.Duration) *soak {
	n := max(1, int((d+window-1)/window))
	return &soak{start: time.Now(), window: window, windows: make([]soakWindow, n), codes: map[string]int{}}
}

// observe counts one answer in the window in which it ended.
func (s *soak) observe(end time.Time, latency time.Duration, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	w := &s.windows[min(len(s.windows)-1, max(0, int(end.Sub(s.start)/s.window)))]
	w.latencies = append(w.latencies, latency)
	var status *statusError
	switch {
	case errors.As(err, &status) && status.code >= 500:
		w.serverErrors++
	case errors.Is(err, errGraphQL):
		w.graphQL++
		code := "no code"
		if m := errorCode.FindStringSubmatch(err.Error()); m != nil {
			code = m[1]
		}
		s.codes[code]++
	case err != nil:
		w.other++
	}
}

// sampleMemory records the resident memory at the end of each window; it returns when the
// last window has ended or ctx is done.
func (s *soak) sampleMemory(ctx context.Context) {
	for i := range s.windows {
		t := time.NewTimer(time.Until(s.start.Add(time.Duration(i+1) * s.window)))
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
		rss := memoryKiB("VmRSS")
		s.mu.Lock()
		s.windows[i].rssKiB = rss
		s.mu.Unlock()
	}
}

// print writes a row per window and the verdict, and returns an error if the run failed.
func (s *soak) print(w io.Writer) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	fmt.Fprintf(w, "\nsoak: per %s window\n\n", s.window)
	fmt.Fprintln(w, "| window | answered | queries/s | p50 | p99 | HTTP 5xx | GraphQL errors | other errors | RSS |\n|---|---|---|---|---|---|---|---|---|")
	var serverErrors, errs int
	for i := range s.windows {
		win := &s.windows[i]
		slices.Sort(win.latencies)
		serverErrors += win.serverErrors
		errs += win.graphQL + win.other
		fmt.Fprintf(w, "| %s–%s | %d | %.1f | %s | %s | %d | %d | %d | %s |\n",
			time.Duration(i)*s.window, time.Duration(i+1)*s.window, len(win.latencies), float64(len(win.latencies))/s.window.Seconds(),
			percentile(win.latencies, 50), percentile(win.latencies, 99), win.serverErrors, win.graphQL, win.other, mib(win.rssKiB))
	}
	first, last := &s.windows[0], &s.windows[len(s.windows)-1]
	growth := float64(last.rssKiB-first.rssKiB) / float64(first.rssKiB)
	p99First, p99Last := percentileOf(first.latencies, 99), percentileOf(last.latencies, 99)
	ratio := float64(p99Last) / float64(p99First)
	var failed []string
	if serverErrors > 0 {
		failed = append(failed, "HTTP 5xx")
	}
	if errs > 0 {
		failed = append(failed, "errors")
	}
	if first.rssKiB <= 0 || last.rssKiB <= 0 || growth > soakMaxGrowth {
		failed = append(failed, "memory growth")
	}
	if p99First <= 0 || ratio > soakMaxP99Ratio {
		failed = append(failed, "p99")
	}
	if len(s.codes) > 0 {
		var codes []string
		for _, code := range slices.Sorted(maps.Keys(s.codes)) {
			codes = append(codes, fmt.Sprintf("%s %d", code, s.codes[code]))
		}
		fmt.Fprintf(w, "\nGraphQL errors by code: %s\n", strings.Join(codes, ", "))
	}
	verdict := "PASS"
	if len(failed) > 0 {
		verdict = fmt.Sprintf("FAIL (%v)", failed)
	}
	fmt.Fprintf(w, "\nverdict: %s: %d HTTP 5xx, %d errors, RSS %s → %s (%+.1f%%, limit +%.0f%%), p99 %s → %s (×%.2f, limit ×%.1f)\n",
		verdict, serverErrors, errs, mib(first.rssKiB), mib(last.rssKiB), 100*growth, 100*soakMaxGrowth,
		percentile(first.latencies, 99), percentile(last.latencies, 99), ratio, soakMaxP99Ratio)
	if len(failed) > 0 {
		return fmt.Errorf("soak failed: %v", failed)
	}
	return nil
}
