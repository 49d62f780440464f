package export

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// WriteFile calls write with a temporary file beside path, which takes path's name once write
// succeeds, so that a failed export leaves no file that looks whole.
func WriteFile(path string, write func(io.Writer) error) error {
	t, err := createTemp(filepath.Dir(path), filepath.Base(path))
	if err != nil {
		return err
	}
	defer t.discard()
	if err := write(t.w); err != nil {
		return t.error(err)
	}
	if err := t.close(); err != nil {
		return err
	}
	return t.rename()
}

// tempFile is a file written under a temporary name in its folder until rename gives it its
// own.
type tempFile struct {
	path string
	f    *os.File
	w    *bufio.Writer
}

func createTemp(dir, name string) (*tempFile, error) {
	path := filepath.Join(dir, name)
	f, err := os.CreateTemp(dir, "."+name+".*")
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	// CreateTemp's mode is 0600; neo4j-admin often runs as a user of its own.
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	return &tempFile{path: path, f: f, w: bufio.NewWriterSize(f, 1<<16)}, nil
}

// error wraps err with the file's name.
func (t *tempFile) error(err error) error { return fmt.Errorf("write %s: %w", t.path, err) }

func (t *tempFile) close() error {
	if err := errors.Join(t.w.Flush(), t.f.Close()); err != nil {
		return t.error(err)
	}
	return nil
}

func (t *tempFile) rename() error {
	if err := os.Rename(t.f.Name(), t.path); err != nil {
		return t.error(err)
	}
	return nil
}

// discard removes the temporary file; it does nothing once the file is renamed.
func (t *tempFile) discard() {
	t.f.Close()
	os.Remove(t.f.Name())
}
