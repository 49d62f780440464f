// Package loader is the extraction pipeline: it reads news documents (loader/text), recognises
// people, posts, organisations, places, dates and events in them (with the gazetteers of
// loader/gazetteer and the date parser of loader/dates), resolves names to entities, and writes
// each document's contribution to a graph.Store in one atomic write.
package loader

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/loader/gazetteer"
	"github.com/kgraph/kg/loader/text"
)

// Version names the extraction rules; documents loaded by other rules are read again.
const Version = "2"

// Config configures a Loader.
type Config struct {
	Store     graph.Store
	Gazetteer *gazetteer.Gazetteer // nil: gazetteer.Default()
	Logger    *slog.Logger         // nil: no log
	// Progress, if set, is called after each document with the counts so far.
	Progress func(Summary)
	// Workers is how many documents are read and recognised at once, while the store takes the
	// ones before them in order; 0 means one per core.
	Workers int
}

// Loader loads documents into a store.
type Loader struct {
	cfg Config
}

// New returns a Loader.
func New(cfg Config) *Loader {
	if cfg.Gazetteer == nil {
		cfg.Gazetteer = gazetteer.Default()
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	return &Loader{cfg: cfg}
}

// Summary counts what a load did.
type Summary struct {
	Total     int // documents found
	Read      int // documents read
	Added     int // new documents stored
	Unchanged int // documents stored before with the same content
	Replaced  int // documents whose earlier contribution was replaced
	Failed    int // documents that could not be read or stored
	Errors    []error
}

// Outcome is what loading one document did.
type Outcome uint8

// The outcomes of loading a document.
const (
	Added Outcome = iota
	Unchanged
	Replaced
)

// Load loads every document under paths (files, or folders walked recursively). A document that
// fails is counted and its error kept; the others load. The error is only for the whole load
// failing, such as a cancelled context.
//
// Documents are read and recognised on every core, but resolved against the store and written
// one by one in the order of their paths, so that a document sees exactly the documents before
// it, as a load of one file at a time would.
func (l *Loader) Load(ctx context.Context, paths []string) (Summary, error) {
	var sum Summary
	files := l.walk(paths, &sum)
	sum.Total = len(files) + sum.Failed
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	for next := range l.readAll(ctx, files) {
		var r readResult
		select {
		case r = <-next:
		case <-ctx.Done():
			return sum, ctx.Err()
		}
		sum.Read++
		outcome, err := r.outcome, r.err
		if err == nil && r.doc != nil {
			outcome, err = l.write(ctx, r.doc)
		}
		switch {
		case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
			return sum, err
		case errors.Is(err, graph.ErrDiskFull):
			return sum, err // every document after it would fail the same way
		case err != nil:
			sum.fail(err)
			l.cfg.Logger.Warn("document failed", "err", err)
		case outcome == Unchanged:
			sum.Unchanged++
		case outcome == Replaced:
			sum.Replaced++
		default:
			sum.Added++
		}
		l.report(sum)
	}
	return sum, ctx.Err()
}

// readResult is a file read and recognised: a document to write, or its outcome or error.
type readResult struct {
	doc     *readDocument // nil when there is nothing to write
	outcome Outcome
	err     error
}

// readAll reads and recognises files with cfg.Workers goroutines, and returns the results in
// the order of files: a channel of channels, each of which gets one file's result. The feeding
// stops when ctx ends.
func (l *Loader) readAll(ctx context.Context, files []string) <-chan chan readResult {
	type job struct {
		path string
		out  chan readResult
	}
	jobs := make(chan job)
	order := make(chan chan readResult, 2*l.cfg.Workers)
	go func() {
		defer close(order)
		defer close(jobs)
		for _, path := range files {
			j := job{path, make(chan readResult, 1)}
			select {
			case order <- j.out:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	for range l.cfg.Workers {
		go func() {
			for j := range jobs {
				d, outcome, err := l.readFile(ctx, j.path)
				j.out <- readResult{d, outcome, err}
			}
		}()
	}
	return order
}

// walk lists the regular files under paths in lexical order, skipping hidden ones and files
// listed already; paths that cannot be walked are counted as failures.
func (l *Loader) walk(paths []string, sum *Summary) []string {
	var files []string
	listed := map[string]bool{}
	for _, root := range paths {
		if fi, err := os.Stat(root); err == nil && fi.IsDir() && !strings.HasSuffix(root, string(filepath.Separator)) {
			// WalkDir does not follow a symlink it is given; with a trailing separator the
			// system resolves it, so a folder named through a symlink is walked too.
			root += string(filepath.Separator)
		}
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				sum.fail(fmt.Errorf("load %s: %w", path, err))
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			hidden := path != root && strings.HasPrefix(d.Name(), ".")
			switch {
			case d.IsDir() && hidden:
				return fs.SkipDir
			case d.IsDir() || hidden:
			case path == root, d.Type().IsRegular(), d.Type()&fs.ModeSymlink != 0:
				// A path named outright is listed whatever it is, so ReadFile says why a
				// named pipe or device cannot be loaded rather than skipping it in silence.
				if !listed[filepath.Clean(path)] {
					listed[filepath.Clean(path)] = true
					files = append(files, path)
				}
			}
			return nil
		})
		if err != nil {
			sum.fail(fmt.Errorf("load %s: %w", root, err))
		}
	}
	return files
}

func (s *Summary) fail(err error) {
	s.Failed++
	s.Errors = append(s.Errors, err)
}

func (l *Loader) report(s Summary) {
	if l.cfg.Progress != nil {
		l.cfg.Progress(s)
	}
}

// LoadFile loads one document. Its ID comes from its path, so loading the file again replaces
// what it contributed before, and an unchanged file is skipped.
func (l *Loader) LoadFile(ctx context.Context, path string) (Outcome, error) {
	d, outcome, err := l.readFile(ctx, path)
	if err != nil || d == nil {
		return outcome, err
	}
	return l.write(ctx, d)
}

// LoadBytes loads one document's content, identified by name.
func (l *Loader) LoadBytes(ctx context.Context, name string, data []byte) (Outcome, error) {
	d, outcome, err := l.read(ctx, name, data)
	if err != nil || d == nil {
		return outcome, err
	}
	return l.write(ctx, d)
}

// readDocument is a document read and recognised, to be resolved against the store and written.
type readDocument struct {
	name    string
	hash    string // of the content and the rules
	oldHash string // of what the store holds, "" when it holds nothing
	x       *extraction
}

// readFile reads and recognises the file at path, named by its absolute path.
func (l *Loader) readFile(ctx context.Context, path string) (*readDocument, Outcome, error) {
	data, err := ReadFile(path)
	if err != nil {
		return nil, 0, fmt.Errorf("load %s: %w", path, err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, 0, fmt.Errorf("load %s: %w", path, err)
	}
	return l.read(ctx, abs, data)
}

// read recognises the content of the document name, or returns Unchanged and no document when
// the store holds this content read by these rules.
func (l *Loader) read(ctx context.Context, name string, data []byte) (*readDocument, Outcome, error) {
	id := graph.NewID(graph.KindDocument, name)
	sum := sha256.Sum256(append([]byte(Version+"\x00"), data...))
	hash := hex.EncodeToString(sum[:])
	old, err := l.cfg.Store.DocumentHash(ctx, id)
	switch {
	case err == nil && old == hash:
		return nil, Unchanged, nil
	case err != nil && !errors.Is(err, graph.ErrNotFound):
		return nil, 0, fmt.Errorf("load %s: %w", name, err)
	}
	doc, err := text.Read(name, data)
	if err != nil {
		return nil, 0, fmt.Errorf("load %s: %w", name, err)
	}
	return &readDocument{name: name, hash: hash, oldHash: old, x: recognise(l.cfg.Gazetteer, id, doc)}, 0, nil
}

// write resolves a read document's names against the store and stores what it contributes.
func (l *Loader) write(ctx context.Context, d *readDocument) (Outcome, error) {
	cs, err := d.x.changeSet(ctx, l.cfg.Store)
	if err != nil {
		return 0, fmt.Errorf("load %s: %w", d.name, err)
	}
	if len(cs.Nodes) == 0 && len(cs.Edges) == 0 {
		l.cfg.Logger.Info("no facts: the text names no known person, organisation, place or event", "document", d.name)
	}
	cs.Document.Hash = d.hash
	if err := l.cfg.Store.PutDocument(ctx, cs); err != nil {
		return 0, fmt.Errorf("load %s: %w", d.name, err)
	}
	if d.oldHash != "" {
		return Replaced, nil
	}
	return Added, nil
}

// ReadFile reads a document file. It refuses what is not a regular file (a folder, a named pipe
// or a device, which could block or never end) and a file longer than text.MaxSize, without
// reading it.
func ReadFile(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: path, Err: fmt.Errorf("not a regular file (%s)", fileType(fi.Mode()))}
	}
	if fi.Size() > text.MaxSize {
		return nil, &fs.PathError{Op: "read", Path: path, Err: fmt.Errorf("%w: %d bytes, the limit is %d", text.ErrTooLarge, fi.Size(), text.MaxSize)}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The file may have grown since Stat: read one byte past the limit to see.
	data, err := io.ReadAll(io.LimitReader(f, text.MaxSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > text.MaxSize {
		return nil, &fs.PathError{Op: "read", Path: path, Err: fmt.Errorf("%w: more than %d bytes", text.ErrTooLarge, text.MaxSize)}
	}
	return data, nil
}

// fileType names the type of a file that is not a regular file.
func fileType(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return m.Type().String()
}
