package command

import (
	"os"
	"runtime/debug"
	"testing"
)

func TestSetMemoryLimit(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })

	t.Setenv("GOMEMLIMIT", "2GiB") // read by the runtime at start, restored after the test
	setMemoryLimit()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("with GOMEMLIMIT set, the limit is %d, want it left at %d", got, before)
	}

	os.Unsetenv("GOMEMLIMIT")
	setMemoryLimit()
	if got := debug.SetMemoryLimit(-1); got != MemoryLimit {
		t.Errorf("without GOMEMLIMIT, the limit is %d, want %d", got, MemoryLimit)
	}
}
