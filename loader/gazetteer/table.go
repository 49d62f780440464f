package gazetteer

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"strings"
)

// readTable calls row with the tab-separated fields of every line of the data file name that
// is neither blank nor a "#" comment, checking that each has cols fields. A name ending in
// ".gz" is decompressed first.
func readTable(fsys fs.FS, name string, cols int, row func(f []string) error) error {
	file, err := fsys.Open(name)
	if err != nil {
		return fmt.Errorf("open %s: %w", name, err)
	}
	defer file.Close()
	var r io.Reader = file
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(file)
		if err != nil {
			return fmt.Errorf("read %s: %w", name, err)
		}
		defer zr.Close()
		r = zr
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || text[0] == '#' {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != cols {
			return fmt.Errorf("%s:%d: %d fields, want %d", name, line, len(f), cols)
		}
		if err := row(f); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return nil
}

// splitList splits a |-separated field into its trimmed, non-empty items.
func splitList(field string) []string {
	if field == "" {
		return nil
	}
	var out []string
	for _, item := range strings.Split(field, "|") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}
