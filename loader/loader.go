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
			case d.Type().IsRegular() || d.Type()&fs.ModeSymlink != 0:
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
	data, err := os.ReadFile(path)
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
	cs.Document.Hash = hash
	if err := l.cfg.Store.PutDocument(ctx, cs); err != nil {
		return 0, fmt.Errorf("load %s: %w", name, err)
	}
	if old != "" {
		return Replaced, nil
	}
	return Added, nil
}
