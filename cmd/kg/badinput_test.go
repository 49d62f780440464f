package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/badgerstore"
)

const meeting = `published: 2024-03-01

01.03.2024

On March 1, a meeting of the CSTO Council of Foreign Ministers was held in Almaty under the chairmanship of the Minister of Foreign Affairs of Kazakhstan Murat Nurtleu.
`

// TestLoadBadInput loads the test corpus, then each bad file on its own into the same store: every
// one fails with a message naming the file and the reason, kg load exits with 1, and the store's
// canonical dump is the same before and after.
func TestLoadBadInput(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	var stderr bytes.Buffer
	if code := run(ctx, []string{"load", "--data", data, corpus}, io.Discard, &stderr); code != 0 {
		t.Fatalf("corpus load exited with %d:\n%s", code, stderr.String())
	}
	before := dumpStore(t, data)

	dir := t.TempDir()
	write := func(name string, body []byte) string {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, body, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	symlink := func(name, target string) string {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.Symlink(target, path); err != nil {
			t.Fatal(err)
		}
		return path
	}
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "folder.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	symlink("loop-a.txt", "loop-b.txt")
	symlink("loop-b.txt", "loop-a.txt")

	tests := []struct {
		name   string
		path   string
		reason string
		// where the case applies: "" both alone and in a folder; a named pipe is only a
		// failure when named outright, a symlink to a folder only inside a folder (named
		// outright, it is walked like the folder)
		only string
	}{
		{"empty", write("empty.txt", nil), "empty file", ""},
		{"PNG", write("image.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")), "PNG image", ""},
		{"PDF", write("report.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")), "PDF document", ""},
		{"invalid UTF-8", write("latin1.txt", []byte("Minsk, caf\xe9 on the square.\n")), "invalid UTF-8 at byte 10", ""},
		{"NUL bytes", write("nul.txt", []byte("Minsk\x00\x00\x00 meeting\n")), "NUL byte at offset 5", ""},
		{"UTF-16 odd length", write("utf16-odd.txt", append(append([]byte{0xff, 0xfe}, utf16LE("Minsk")...), 'x')), "invalid UTF-16", ""},
		{"50 MB line", write("long.txt", bytes.Repeat([]byte("word "), 10<<20)), "document too large: 52428800 bytes", ""},
		{"HTML page", write("page.html", []byte("\n<!DOCTYPE html>\n<html><head><title>CSTO</title><script>var x = 1;</script></head>\n<body><p>The CSTO met in Minsk.</p></body></html>\n")), "HTML page", ""},
		{"named pipe", fifo, "not a regular file (a named pipe)", "alone"},
		{"symlink to a named pipe", symlink("pipe-link.txt", "pipe.txt"), "not a regular file (a named pipe)", ""},
		{"symlink to a folder", symlink("folder-link.txt", "folder.txt"), "not a regular file (a folder)", "folder"},
		{"device", symlink("zero.txt", "/dev/zero"), "not a regular file (a device)", ""},
		{"symlink loop", filepath.Join(dir, "loop-a.txt"), "too many levels of symbolic links", ""},
		{"missing", filepath.Join(dir, "missing.txt"), "no such file or directory", ""},
	}
	for _, tt := range tests {
		if tt.only == "folder" {
			continue
		}
		t.Run(tt.name, func(t *testing.T) {
			stderr.Reset()
			start := time.Now()
			code := run(ctx, []string{"load", "--data", data, tt.path}, io.Discard, &stderr)
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("load took %s", d)
			}
			if code != 1 {
				t.Errorf("exit status %d, want 1", code)
			}
			if !errorLine(stderr.String(), filepath.Base(tt.path), tt.reason) {
				t.Errorf("no error line names %s and %q:\n%s", filepath.Base(tt.path), tt.reason, stderr.String())
			}
			if !strings.Contains(stderr.String(), "1 failed") {
				t.Errorf("summary does not count the failure:\n%s", stderr.String())
			}
			if after := dumpStore(t, data); after != before {
				t.Errorf("the store changed:\n%s", lineDiff(before, after))
			}
		})
	}

	// All of them in one folder with one good document: the good one loads, each bad one is
	// reported, and the exit status says something failed.
	good := write("good.txt", []byte(meeting))
	stderr.Reset()
	if code := run(ctx, []string{"load", "--data", data, dir, filepath.Join(dir, "missing.txt")}, io.Discard, &stderr); code != 1 {
		t.Errorf("load of the folder exited with %d, want 1", code)
	}
	for _, tt := range tests {
		if tt.only == "alone" {
			continue
		}
		if !errorLine(stderr.String(), filepath.Base(tt.path), tt.reason) {
			t.Errorf("folder load: no error line names %s and %q:\n%s", filepath.Base(tt.path), tt.reason, stderr.String())
		}
	}
	if !strings.Contains(stderr.String(), "1 added") {
		t.Errorf("folder load did not add %s:\n%s", good, stderr.String())
	}
}

// TestLoadForeignText loads text the reader can decode but the extractor does not understand,
// and text in UTF-16: the first is stored as a document with no facts and a log line saying so,
// the second with the same facts as its UTF-8 original.
func TestLoadForeignText(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	cyrillic := filepath.Join(dir, "cyrillic.txt")
	body := "1 марта в Алматы под председательством Министра иностранных дел Казахстана Мурата Нуртлеу состоялось заседание Совета министров иностранных дел ОДКБ.\n"
	if err := os.WriteFile(cyrillic, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	data := t.TempDir()
	var stderr bytes.Buffer
	if code := run(ctx, []string{"load", "--data", data, cyrillic}, io.Discard, &stderr); code != 0 {
		t.Fatalf("load of %s exited with %d:\n%s", cyrillic, code, stderr.String())
	}
	if !errorLine(stderr.String(), "no facts", filepath.Base(cyrillic)) {
		t.Errorf("no \"no facts\" line names %s:\n%s", cyrillic, stderr.String())
	}
	if got := dumpStore(t, data); strings.Count(got, "\n") != 1 || !strings.HasPrefix(got, "node Document") {
		t.Errorf("store after loading %s holds more than its document:\n%s", cyrillic, got)
	}

	// The same path in both encodings, so the document IDs are the same.
	utf8Data, utf16Data := t.TempDir(), t.TempDir()
	doc := filepath.Join(dir, "meeting.txt")
	for data, body := range map[string][]byte{utf8Data: []byte(meeting), utf16Data: append([]byte{0xff, 0xfe}, utf16LE(meeting)...)} {
		if err := os.WriteFile(doc, body, 0o644); err != nil {
			t.Fatal(err)
		}
		stderr.Reset()
		if code := run(ctx, []string{"load", "--data", data, doc}, io.Discard, &stderr); code != 0 {
			t.Fatalf("load of %s exited with %d:\n%s", doc, code, stderr.String())
		}
	}
	if a, b := withoutDocuments(dumpStore(t, utf8Data)), withoutDocuments(dumpStore(t, utf16Data)); a != b || a == "" {
		t.Errorf("UTF-16 facts differ from UTF-8 ones (-utf8 +utf16):\n%s", lineDiff(a, b))
	}
}

// TestLoadManyTinyFiles loads 10,000 one-line documents (1,000 with -short) in one run.
func TestLoadManyTinyFiles(t *testing.T) {
	n := 10000
	if testing.Short() {
		n = 1000
	}
	dir := t.TempDir()
	for i := range n {
		body := fmt.Sprintf("published: 2024-03-01\n\nNote %d: the CSTO met in Minsk.\n", i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%05d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stderr bytes.Buffer
	start := time.Now()
	if code := run(context.Background(), []string{"load", "--data", t.TempDir(), dir}, io.Discard, &stderr); code != 0 {
		t.Fatalf("exit status %d:\n%s", code, stderr.String())
	}
	t.Logf("%d files in %s", n, time.Since(start))
	if want := fmt.Sprintf("%d read, %d added", n, n); !strings.Contains(stderr.String(), want) {
		t.Errorf("summary lacks %q:\n%s", want, stderr.String())
	}
}

// errorLine reports whether one line of out contains every one of parts.
func errorLine(out string, parts ...string) bool {
	for line := range strings.SplitSeq(out, "\n") {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(line, p)
		}
		if all {
			return true
		}
	}
	return false
}

func utf16LE(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// dumpStore opens the store in dir and returns its canonical dump: every node and every edge
// with its evidence and the documents that state it, one per line, sorted. Two stores with the
// same graph have the same dump.
func dumpStore(t *testing.T, dir string) string {
	t.Helper()
	ctx := context.Background()
	st, err := badgerstore.Open(ctx, badgerstore.Config{Dir: dir, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var lines []string
	for _, kind := range graph.Kinds {
		var ids []graph.ID
		var nodes []*graph.Node
		p := graph.PageRequest{First: 1000}
		for {
			page, err := st.FindNodes(ctx, graph.NodeFilter{Kind: kind}, p)
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range page.Nodes {
				ids = append(ids, n.ID)
				nodes = append(nodes, n)
			}
			if !page.HasNext {
				break
			}
			p.After = page.Cursors[len(page.Cursors)-1]
		}
		docs, err := st.NodeDocuments(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		for i, n := range nodes {
			lines = append(lines, oneLine(fmt.Sprintf("node %v %+v in %v", kind, *n, docs[i])))
		}
		err = st.EachEdge(ctx, ids, func(_ int, e graph.Edge, docs []graph.ID) error {
			lines = append(lines, oneLine(fmt.Sprintf("edge %+v in %v", e, docs)))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	slices.Sort(lines)
	if len(lines) == 0 {
		return ""
	}
	return strings.Join(lines, "\n") + "\n"
}

// oneLine escapes the line breaks of a document's text, so that one line is one node.
func oneLine(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), "\n", `\n`)
}

// withoutDocuments drops the document nodes of a dump, whose hashes differ with the encoding.
func withoutDocuments(dump string) string {
	var out []string
	for line := range strings.SplitSeq(dump, "\n") {
		if line != "" && !strings.HasPrefix(line, "node Document") {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

// lineDiff lists the lines only in a (-) and only in b (+).
func lineDiff(a, b string) string {
	as, bs := strings.Split(a, "\n"), strings.Split(b, "\n")
	var d []string
	for _, l := range as {
		if !slices.Contains(bs, l) {
			d = append(d, "-"+l)
		}
	}
	for _, l := range bs {
		if !slices.Contains(as, l) {
			d = append(d, "+"+l)
		}
	}
	return strings.Join(d, "\n")
}
