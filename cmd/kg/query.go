package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/kgraph/kg/server"
)

func runQuery(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("query", "[--data DIR] [--vars JSON] QUERY", stderr)
	data := dataFlag(fs)
	vars := fs.String("vars", "", "query variables as a JSON object")
	if done, code := parseFlags(fs, args); done {
		return code
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	var variables map[string]any
	if *vars != "" {
		if err := json.Unmarshal([]byte(*vars), &variables); err != nil {
			fmt.Fprintln(stderr, "kg query: --vars:", err)
			return 2
		}
	}
	st, err := openStore(ctx, *data, true, 0)
	if err != nil {
		fmt.Fprintln(stderr, "kg query:", err)
		return 1
	}
	defer st.Close()
	out, err := server.Query(ctx, st, fs.Arg(0), variables)
	if err != nil {
		fmt.Fprintln(stderr, "kg query:", err)
		return 1
	}
	fmt.Fprintln(stdout, string(out))
	return 0
}
