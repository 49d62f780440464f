package main

import (
	"context"
	"fmt"
	"io"

	"github.com/kgraph/kg/loader"
	"github.com/kgraph/kg/loader/gazetteer"
)

func runExplain(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("explain", "FILE", stderr)
	if done, code := parseFlags(fs, args); done {
		return code
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	path := fs.Arg(0)
	data, err := loader.ReadFile(path)
	if err != nil {
		fmt.Fprintln(stderr, "kg explain:", err)
		return 1
	}
	ex, err := loader.Explain(ctx, gazetteer.Default(), nil, path, data)
	if err == nil {
		err = ex.Write(stdout)
	}
	if err != nil {
		fmt.Fprintln(stderr, "kg explain:", err)
		return 1
	}
	return 0
}
