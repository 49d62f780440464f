// Command kg builds a knowledge graph of organisations, people and events from news documents
// and serves it over GraphQL.
//
//	kg load  [--data DIR] PATH...
//	kg serve [--data DIR] [--addr HOST:PORT] [--token TOKEN | --insecure] [--cors ORIGINS] [--load PATH...]
//	kg query [--data DIR] QUERY
//	kg explain FILE
//	kg export --format FORMAT [--data DIR] [--out FILE|-] [--dgraph-schema FILE]
//	kg export --format csv [--data DIR] --out DIR
//	kg import [--data DIR] FILE|-
package main

import (
	"context"
	"fmt"
	"io"

	"github.com/kgraph/kg/internal/command"
)

const usage = `kg builds a knowledge graph of organisations, people and events from news documents.

Usage:
  kg load  [--data DIR] PATH...               load documents (files or folders)
  kg serve [--data DIR] [--addr HOST:PORT] [--token TOKEN | --insecure] [--cors ORIGINS] [--load PATH...]
                                              serve GraphQL and GraphiQL
  kg query [--data DIR] QUERY                 run one GraphQL query, print JSON
  kg explain FILE                             show what the loader reads in a document
  kg export --format FORMAT [--data DIR] [--out FILE|-] [--dgraph-schema FILE]
                                              write the graph for other tools (jsonl, rdf, graphml)
  kg export --format csv [--data DIR] --out DIR
                                              write CSV files for neo4j-admin into DIR
  kg import [--data DIR] FILE|-               read back a jsonl export

Run "kg COMMAND --help" for a command's flags.
`

func main() { command.Main(run) }

// run executes one kg command and returns the process exit status: 0 success, 1 failure,
// 2 bad usage.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	commands := map[string]func(context.Context, []string, io.Writer, io.Writer) int{
		"load":    runLoad,
		"serve":   runServe,
		"query":   runQuery,
		"explain": runExplain,
		"export":  runExport,
		"import":  runImport,
	}
	cmd, ok := commands[args[0]]
	switch {
	case ok:
		return cmd(ctx, args[1:], stdout, stderr)
	case args[0] == "-h" || args[0] == "--help" || args[0] == "help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "kg: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
}
