package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/loader"
	"golang.org/x/term"
)

func runLoad(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("load", "[--data DIR] [--min-free MiB] PATH...", stderr)
	data := dataFlag(fs)
	minFree := minFreeFlag(fs)
	if done, code := parseFlags(fs, args); done {
		return code
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	st, err := openStore(ctx, *data, false, *minFree)
	if err != nil {
		fmt.Fprintln(stderr, "kg load:", err)
		return 1
	}
	defer st.Close()
	sum, err := loadPaths(ctx, st, fs.Args(), stderr)
	if err != nil {
		fmt.Fprintln(stderr, "kg load:", err)
		return 1
	}
	if sum.Failed > 0 {
		return 1
	}
	return 0
}

// loadPaths loads documents into st, showing progress on stderr, and prints a summary.
func loadPaths(ctx context.Context, st graph.Store, paths []string, stderr io.Writer) (loader.Summary, error) {
	log := slog.New(slog.NewTextHandler(stderr, nil))
	show := progressLogger(stderr, log)
	l := loader.New(loader.Config{Store: st, Logger: log, Progress: show})
	started := time.Now()
	sum, err := l.Load(ctx, paths)
	show(sum) // the final state, whatever the last report was
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprintln(stderr)
	}
	for _, e := range sum.Errors {
		fmt.Fprintln(stderr, "error:", e)
	}
	if errors.Is(err, graph.ErrDiskFull) {
		err = fmt.Errorf("%w\nthe documents stored before it are intact; free some space and load again (what is stored is skipped)", err)
	}
	stats, serr := st.Stats(ctx)
	if serr != nil && err == nil {
		err = serr
	}
	nodes := 0
	for _, n := range stats.Nodes {
		nodes += n
	}
	fmt.Fprintf(stderr, "documents: %d read, %d added, %d unchanged, %d replaced, %d failed in %s; store: %d nodes, %d edges\n",
		sum.Read, sum.Added, sum.Unchanged, sum.Replaced, sum.Failed, time.Since(started).Round(time.Millisecond), nodes, stats.Edges)
	return sum, err
}

// progressLogger returns a progress callback: a bar redrawn in place on a terminal, otherwise a
// log line every logEvery documents.
func progressLogger(w io.Writer, log *slog.Logger) func(loader.Summary) {
	const logEvery = 1000
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return func(s loader.Summary) {
			const width = 30
			done := s.Read + s.Failed
			filled := width
			if s.Total > 0 && done < s.Total {
				filled = width * done / s.Total
			}
			fmt.Fprintf(w, "\r[%s%s] %d/%d documents, %d failed", strings.Repeat("=", filled), strings.Repeat(" ", width-filled), done, s.Total, s.Failed)
		}
	}
	return func(s loader.Summary) {
		if s.Read > 0 && s.Read%logEvery == 0 {
			log.Info("loading", "read", s.Read, "of", s.Total, "failed", s.Failed)
		}
	}
}
