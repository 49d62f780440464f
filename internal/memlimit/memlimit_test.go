package memlimit

import (
	"os"
	"runtime/debug"
	"testing"
)

func TestSetDefault(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })

	t.Setenv("GOMEMLIMIT", "2GiB") // read by the runtime at start, restored after the test
	SetDefault()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("with GOMEMLIMIT set, the limit is %d, want it left at %d", got, before)
	}

	os.Unsetenv("GOMEMLIMIT")
	SetDefault()
	if got := debug.SetMemoryLimit(-1); got != Default {
		t.Errorf("without GOMEMLIMIT, the limit is %d, want %d", got, Default)
	}
}
