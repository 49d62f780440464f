// Package memlimit gives kg's processes a soft memory limit. Go's collector lets the heap grow
// to twice what is live, and Badger's compactions, which build whole tables in memory, make
// much of a load's heap short-lived; the limit makes the collector work harder instead of
// letting the process grow past it.
package memlimit

import (
	"os"
	"runtime/debug"
)

// Default is the soft limit, in bytes, unless the GOMEMLIMIT environment variable sets another.
const Default = 1 << 30

// SetDefault sets the limit to Default unless GOMEMLIMIT is set, which the runtime reads itself.
func SetDefault() {
	if _, ok := os.LookupEnv("GOMEMLIMIT"); !ok {
		debug.SetMemoryLimit(Default)
	}
}
