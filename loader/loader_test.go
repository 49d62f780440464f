package loader

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/badgerstore"
)

func openStore(t *testing.T) graph.Store {
	t.Helper()
	st, err := badgerstore.Open(context.Background(), badgerstore.Config{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

const meetingV1 = `published: 2024-03-01

01.03.2024

On March 1, a meeting of the CSTO Council of Foreign Ministers was held in Almaty under the chairmanship of the Minister of Foreign Affairs of Kazakhstan Murat Nurtleu.
`

const meetingV2 = `published: 2024-03-01

01.03.2024

On March 1, a meeting of the CSTO Council of Foreign Ministers was held in Astana under the chairmanship of the Minister of Foreign Affairs of Kazakhstan Murat Nurtleu.
`

// TestReload loads a document, loads it unchanged, then changed: the changed version replaces
// what the first stated, and an unchanged one writes nothing.
func TestReload(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	l := New(Config{Store: st})
	path := filepath.Join(t.TempDir(), "meeting.txt")
	steps := []struct {
		text    string
		want    Outcome
		city    string
		notCity string
	}{
		{meetingV1, Added, "Almaty", ""},
		{meetingV1, Unchanged, "Almaty", ""},
		{meetingV2, Replaced, "Astana", "Almaty"},
	}
	for i, step := range steps {
		if err := os.WriteFile(path, []byte(step.text), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := l.LoadFile(ctx, path)
		if err != nil || got != step.want {
			t.Fatalf("step %d: LoadFile = %v, %v; want %v", i, got, err, step.want)
		}
		if n := countEvents(t, st, graph.EventFilter{City: step.city}); n != 1 {
			t.Errorf("step %d: %d events in %s, want 1", i, n, step.city)
		}
		if step.notCity != "" {
			if n := countEvents(t, st, graph.EventFilter{City: step.notCity}); n != 0 {
				t.Errorf("step %d: %d events still in %s, want 0", i, n, step.notCity)
			}
			if ids, _ := st.Lookup(ctx, graph.KindPlace, step.notCity); len(ids) != 0 {
				t.Errorf("step %d: place %s still stored", i, step.notCity)
			}
		}
	}
}

func countEvents(t *testing.T, st graph.Store, f graph.EventFilter) int {
	t.Helper()
	page, err := st.FindEvents(context.Background(), f, graph.StartDesc, graph.PageRequest{First: 100})
	if err != nil {
		t.Fatal(err)
	}
	return page.Total
}

// TestLoadBadFiles checks that a file that is not text fails with its name and reason while the
// other documents load, and that a folder that does not exist is reported.
func TestLoadBadFiles(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"good.txt":  meetingV1,
		"image.png": "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"empty.txt": "",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	st := openStore(t)
	sum, err := New(Config{Store: st}).Load(context.Background(), []string{dir, filepath.Join(dir, "missing")})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 1 || sum.Failed != 3 {
		t.Errorf("summary %+v, want 1 added and 3 failed", sum)
	}
	for _, name := range []string{"image.png", "empty.txt", "missing"} {
		found := false
		for _, e := range sum.Errors {
			found = found || strings.Contains(e.Error(), name)
		}
		if !found {
			t.Errorf("no error names %s: %v", name, errors.Join(sum.Errors...))
		}
	}
	if n := countEvents(t, st, graph.EventFilter{}); n != 1 {
		t.Errorf("%d events stored, want the good document's 1", n)
	}
}

// TestOneEventAcrossDocuments loads two reports of the same events: a meeting on one day in one
// city, and an exercise named by its code name, each reported with different wording. Each is
// one event listing both documents.
func TestOneEventAcrossDocuments(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	l := New(Config{Store: st})
	docs := map[string]string{
		"a.txt": "published: 2024-09-04\n\n04.09.2024\n\nOn September 4, a meeting of the CSTO Council of Foreign Ministers was held in Yerevan.\n\nThe active phase of the joint training \"Interaction-2024\" began at the Losha training ground in Belarus.\n",
		"b.txt": "published: 2024-09-05\n\nYEREVAN, September 4 - The regular meeting of the Council of Foreign Ministers of the CSTO took place today.\n\n05.09.2024\n\nThe exercise Interaction-2024 of the Collective Rapid Reaction Forces continued in Belarus on September 5.\n",
	}
	for name, body := range docs {
		if _, err := l.LoadBytes(ctx, name, []byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []graph.EventFilter{{City: "Yerevan"}, {Text: "Interaction-2024"}} {
		page, err := st.FindEvents(ctx, f, graph.StartAsc, graph.PageRequest{First: 10})
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != 1 {
			t.Errorf("%+v: %d events, want 1", f, page.Total)
			continue
		}
		edges, err := st.Edges(ctx, page.Nodes[0].ID, graph.RelMentionedIn, graph.Out)
		if err != nil {
			t.Fatal(err)
		}
		if len(edges) != 2 {
			t.Errorf("%+v: event %q is in %d documents, want 2", f, page.Nodes[0].Name, len(edges))
		}
	}
}

// TestLoadFilesChangedDuringLoad removes one file and makes another unreadable after the walk
// listed them: each fails with its name and reason, and the load goes on. Tests may run as root,
// which reads a file whatever its mode; then the file is replaced by a named pipe, which would
// block a plain read for ever. With one worker the loader reads at most three documents ahead of
// the one it writes, so four more come between the first and the changed ones.
func TestLoadFilesChangedDuringLoad(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.txt", "a1.txt", "a2.txt", "a3.txt", "a4.txt", "b.txt", "c.txt", "d.txt"} {
		body := strings.Replace(meetingV1, "Almaty", "Almaty ("+name+")", 1)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gone, locked := filepath.Join(dir, "b.txt"), filepath.Join(dir, "c.txt")
	reason := "permission denied"
	change := func(s Summary) {
		if s.Read != 1 {
			return
		}
		if err := os.Remove(gone); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(locked, 0); err != nil {
			t.Fatal(err)
		}
		if _, err := os.ReadFile(locked); err == nil { // root
			reason = "not a regular file (a named pipe)"
			if err := os.Remove(locked); err != nil {
				t.Fatal(err)
			}
			if err := syscall.Mkfifo(locked, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	sum, err := New(Config{Store: openStore(t), Progress: change, Workers: 1}).Load(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 6 || sum.Failed != 2 {
		t.Errorf("summary %+v, want 6 added and 2 failed", sum)
	}
	for path, why := range map[string]string{gone: "no such file or directory", locked: reason} {
		found := false
		for _, e := range sum.Errors {
			found = found || strings.Contains(e.Error(), path) && strings.Contains(e.Error(), why)
		}
		if !found {
			t.Errorf("no error names %s and %q: %v", path, why, errors.Join(sum.Errors...))
		}
	}
}

// TestLoadFolderThroughSymlink loads a folder named by a symlink: its documents load.
func TestLoadFolderThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	folder, link := filepath.Join(dir, "news"), filepath.Join(dir, "link")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(folder, "a.txt"), []byte(meetingV1), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(folder, link); err != nil {
		t.Fatal(err)
	}
	sum, err := New(Config{Store: openStore(t)}).Load(context.Background(), []string{link})
	if err != nil || sum.Added != 1 || sum.Failed != 0 {
		t.Errorf("load through a symlink: %+v, %v", sum, err)
	}
}

// TestLoadListsAFileOnce names a file both through its folder and outright: it is read once.
func TestLoadListsAFileOnce(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(file, []byte(meetingV1), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err := New(Config{Store: openStore(t)}).Load(context.Background(), []string{dir, file, dir + "/./a.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Total != 1 || sum.Added != 1 {
		t.Errorf("summary %+v, want one document, added", sum)
	}
}
