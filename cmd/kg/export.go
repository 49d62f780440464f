package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/kgraph/kg/graph/export"
)

func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("export", "--format FORMAT [--data DIR] [--out FILE|-|DIR] [--dgraph-schema FILE]", stderr)
	data := dataFlag(fs)
	format := fs.String("format", "", "`FORMAT` to write: "+strings.Join(export.FormatNames(), ", "))
	out := fs.String("out", "-", "`FILE` to write, - for standard output; for csv, the folder to write the files into")
	schema := fs.String("dgraph-schema", "", "`FILE` to write the Dgraph schema of the rdf format to")
	if done, code := parseFlags(fs, args); done {
		return code
	}
	write, ok := export.Streams[*format]
	switch {
	case *format == export.CSVFormat:
		if ok = *out != "-" && *out != ""; !ok {
			fmt.Fprintln(stderr, "kg export: --format csv writes a folder of files: give --out DIR")
		}
	case !ok:
		fmt.Fprintf(stderr, "kg export: --format %q: want one of %s\n", *format, strings.Join(export.FormatNames(), ", "))
	}
	if !ok || fs.NArg() != 0 {
		fs.Usage()
		return 2
	}
	st, err := openStore(ctx, *data, true, 0)
	if err != nil {
		fmt.Fprintln(stderr, "kg export:", err)
		return 1
	}
	defer st.Close()
	if *format == export.CSVFormat {
		err = export.CSV(ctx, st, *out)
	} else {
		err = writeOutput(*out, stdout, func(w io.Writer) error { return write(ctx, st, w) })
	}
	if err == nil && *schema != "" {
		err = writeOutput(*schema, stdout, export.DgraphSchema)
	}
	if err != nil {
		fmt.Fprintln(stderr, "kg export:", err)
		return 1
	}
	return 0
}

// writeOutput calls write with standard output for "-", or else writes the file path whole or
// not at all (export.WriteFile).
func writeOutput(path string, stdout io.Writer, write func(io.Writer) error) error {
	if path == "-" {
		return write(stdout)
	}
	return export.WriteFile(path, write)
}

func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("import", "--format jsonl [--data DIR] [--min-free MiB] FILE|-", stderr)
	data := dataFlag(fs)
	minFree := minFreeFlag(fs)
	format := fs.String("format", "jsonl", "`FORMAT` of FILE: jsonl, as kg export writes it")
	if done, code := parseFlags(fs, args); done {
		return code
	}
	if *format != "jsonl" || fs.NArg() != 1 {
		if *format != "jsonl" {
			fmt.Fprintf(stderr, "kg import: --format %q: only jsonl is read back\n", *format)
		}
		fs.Usage()
		return 2
	}
	path := fs.Arg(0)
	in := io.Reader(os.Stdin)
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			fmt.Fprintln(stderr, "kg import:", err)
			return 1
		}
		defer f.Close()
		in = f
	}
	st, err := openStore(ctx, *data, false, *minFree)
	if err != nil {
		fmt.Fprintln(stderr, "kg import:", err)
		return 1
	}
	defer st.Close()
	// The scratch store goes beside the data folder, on the disk that has room for the store.
	sum, err := export.Import(ctx, st, in, filepath.Dir(filepath.Clean(*data)))
	for _, e := range sum.Errors {
		fmt.Fprintf(stderr, "error: %s: %v\n", path, e)
	}
	fmt.Fprintf(stderr, "%s: %d nodes and %d edges read, %d documents stored, %d errors\n", path, sum.Nodes, sum.Edges, sum.Documents, len(sum.Errors))
	if err != nil {
		fmt.Fprintf(stderr, "kg import: %s: %v\n", path, err)
		return 1
	}
	if len(sum.Errors) > 0 {
		return 1
	}
	return 0
}
