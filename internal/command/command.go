// Package command runs kg's commands as processes: with a soft memory limit and a context that
// an interrupt or a termination signal cancels.
package command

import (
	"context"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// Main runs run with the process's arguments and standard output and error, under a context
// that SIGINT and SIGTERM cancel, and exits with the status run returns.
func Main(run func(ctx context.Context, args []string, stdout, stderr io.Writer) int) {
	setMemoryLimit()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// MemoryLimit is the soft memory limit, in bytes, unless the GOMEMLIMIT environment variable sets
// another. Go's collector lets the heap grow to twice what is live, and Badger's compactions,
// which build whole tables in memory, make much of a load's heap short-lived; the limit makes
// the collector work harder instead of letting the process grow past it.
const MemoryLimit = 1 << 30

// setMemoryLimit sets the limit to MemoryLimit unless GOMEMLIMIT is set, which the runtime reads
// itself.
func setMemoryLimit() {
	if _, ok := os.LookupEnv("GOMEMLIMIT"); !ok {
		debug.SetMemoryLimit(MemoryLimit)
	}
}
