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
func (l *Loader) Load(ctx context.Context, paths []string) (Summary, error) {
	var sum Summary
	files := l.walk(paths, &sum)
	sum.Total = len(files) + sum.Failed
	for _, path := range files {
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		sum.Read++
		outcome, err := l.LoadFile(ctx, path)
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
	return sum, nil
}

// walk lists the regular files under paths in lexical order, skipping hidden ones; paths that
// cannot be walked are counted as failures.
func (l *Loader) walk(paths []string, sum *Summary) []string {
	var files []string
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
				files = append(files, path)
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
	data, err := ReadFile(path)
	if err != nil {
		return 0, fmt.Errorf("load %s: %w", path, err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return 0, fmt.Errorf("load %s: %w", path, err)
	}
	return l.LoadBytes(ctx, abs, data)
}

// LoadBytes loads one document's content, identified by name.
func (l *Loader) LoadBytes(ctx context.Context, name string, data []byte) (Outcome, error) {
	id := graph.NewID(graph.KindDocument, name)
	sum := sha256.Sum256(append([]byte(Version+"\x00"), data...))
	hash := hex.EncodeToString(sum[:])
	old, err := l.cfg.Store.DocumentHash(ctx, id)
	switch {
	case err == nil && old == hash:
		return Unchanged, nil
	case err != nil && !errors.Is(err, graph.ErrNotFound):
		return 0, fmt.Errorf("load %s: %w", name, err)
	}
	doc, err := text.Read(name, data)
	if err != nil {
		return 0, fmt.Errorf("load %s: %w", name, err)
	}
	cs, err := Extract(ctx, l.cfg.Gazetteer, l.cfg.Store, id, doc)
	if err != nil {
		return 0, fmt.Errorf("load %s: %w", name, err)
	}
	if len(cs.Nodes) == 0 && len(cs.Edges) == 0 {
		l.cfg.Logger.Info("no facts: the text names no known person, organisation, place or event", "document", name)
	}
	cs.Document.Hash = hash
	if err := l.cfg.Store.PutDocument(ctx, cs); err != nil {
		return 0, fmt.Errorf("load %s: %w", name, err)
	}
	if old != "" {
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
