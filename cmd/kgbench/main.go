// Command kgbench measures kg at scale on a synthetic corpus (internal/corpusgen): load and
// reload throughput, peak memory, store size, time to serve, and the latency of a fixed GraphQL
// query mix under concurrent clients.
//
//	kgbench gen --seed S --docs N --out DIR
//	kgbench run --docs N [--seed S] [--duration D] [--clients C] [--cpuprofile FILE] [--memprofile FILE] [--queryprofile FILE] [--window W]
//
// With --window, a run is a soak test: the query mix's answers, HTTP 5xx, errors, p99 and
// resident memory per window, and a verdict.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/kgraph/kg/internal/command"

	"github.com/kgraph/kg/internal/corpusgen"
)

const usage = `kgbench measures kg on a synthetic corpus.

Usage:
  kgbench gen --seed S --docs N --out DIR     write N synthetic documents into DIR
  kgbench run --docs N [--seed S] [--duration D] [--clients C] [--cpuprofile FILE] [--memprofile FILE] [--queryprofile FILE] [--window W]
                                             load, reload, serve and query; print a table;
                                             with --window, a soak: figures per window, a verdict
`

func main() { command.Main(run) }

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "gen":
		return runGen(args[1:], stdout, stderr)
	case "run":
		return runBench(ctx, args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "kgbench: unknown command %q\n\n%s", args[0], usage)
	return 2
}

func runGen(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	seed := fs.Int64("seed", 1, "random seed; the same seed writes the same bytes")
	docs := fs.Int("docs", 1000, "number of documents")
	out := fs.String("out", "", "directory to write the documents into")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" || *docs < 1 {
		fs.Usage()
		return 2
	}
	n, err := corpusgen.Write(corpusgen.Config{Seed: *seed, Docs: *docs}, *out)
	if err != nil {
		fmt.Fprintln(stderr, "kgbench gen:", err)
		return 1
	}
	fmt.Fprintf(stdout, "%d documents, %.1f MB in %s\n", *docs, float64(n)/1e6, *out)
	return 0
}
