package main

import (
	"context"
	"html"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/kgraph/kg/server/graphiql"
)

// TestGraphiQLInBrowser opens the GraphiQL page that kg serve serves in headless Chromium,
// runs a query through the page's own execute button (the page's ?query=…&run link), and
// checks that the answer shows in the result pane. It keeps a screenshot in $KG_ARTIFACTS
// when set. It needs Chromium (Debian's chromium package) and the GraphiQL assets (go generate
// ./server/...), and is skipped without them.
func TestGraphiQLInBrowser(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("no chromium on PATH")
	}
	if !graphiql.Built() {
		t.Skip("GraphiQL assets not generated; run go generate ./server/...")
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--data", t.TempDir(), "--addr", "127.0.0.1:0", "--load", corpus}, io.Discard, &stderr)
	}()
	base := waitForURL(t, &stderr, done)
	page := base + "?run&query=" + url.QueryEscape(`{ person(name: "Masadikov") { name tenures { title } } }`)

	browse := func(args ...string) []byte {
		t.Helper()
		cctx, ccancel := context.WithTimeout(ctx, 90*time.Second)
		defer ccancel()
		// Virtual time runs the page's timers at once but waits for its requests to /graphql.
		args = append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
			"--user-data-dir=" + t.TempDir(), "--virtual-time-budget=30000"}, args...)
		out, err := exec.CommandContext(cctx, chromium, append(args, page)...).Output()
		if err != nil {
			t.Fatalf("chromium %v: %v", args, err)
		}
		return out
	}
	// On a busy machine the page's virtual time may run out before the answer is painted: an
	// empty pane is asked for again, a wrong answer is not.
	var result string
	for attempt := 0; attempt < 3 && !strings.Contains(result, `"data"`); attempt++ {
		result = resultPane(string(browse("--dump-dom")))
	}
	for _, want := range []string{`"name": "Taalatbek Masadykov"`, `"title": "Deputy Secretary General"`} {
		if !strings.Contains(result, want) {
			t.Errorf("the result pane does not show %s; it shows:\n%.1000s", want, result)
		}
	}

	dir := os.Getenv("KG_ARTIFACTS")
	if dir == "" {
		dir = t.TempDir()
	}
	shot := filepath.Join(dir, "graphiql.png")
	browse("--window-size=1280,900", "--screenshot="+shot)
	if info, err := os.Stat(shot); err != nil || info.Size() < 10_000 {
		t.Errorf("screenshot %s: %v, %v", shot, info, err)
	}
	cancel()
	<-done
}

var tags = regexp.MustCompile(`<[^>]*>`)

// resultPane returns the text of GraphiQL's result pane in a dumped DOM.
func resultPane(dom string) string {
	i := strings.Index(dom, `aria-label="Result Window"`)
	if i < 0 {
		return ""
	}
	text := html.UnescapeString(tags.ReplaceAllString(dom[i:], ""))
	text = strings.ReplaceAll(text, "\u00a0", " ") // CodeMirror indents with no-break spaces
	if end := strings.Index(text, "const defaultQuery"); end >= 0 {
		text = text[:end]
	}
	return text
}
