package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/kgraph/kg/graph/badgerstore"
)

// newFlags returns a flag set for a command.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: kg %s %s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// dataFlag adds the --data flag of the commands that use the store.
func dataFlag(fs *flag.FlagSet) *string {
	return fs.String("data", "./kg-data", "directory of the graph store")
}

// parseFlags parses args and says which exit status to return when parsing ends the command.
func parseFlags(fs *flag.FlagSet, args []string) (done bool, code int) {
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return true, 0
	case err != nil:
		return true, 2
	}
	return false, 0
}

// minFreeFlag adds the --min-free flag of the commands that write to the store.
func minFreeFlag(fs *flag.FlagSet) *int64 {
	return fs.Int64("min-free", badgerstore.DefaultMinFree>>20, "refuse to store a document that would leave less than `MiB` free on the data folder's disk")
}

// openStore opens the store in dir; a store that writes keeps minFreeMiB free on its disk.
// Its errors already name the folder.
func openStore(ctx context.Context, dir string, readOnly bool, minFreeMiB int64) (*badgerstore.Store, error) {
	// At least a byte: --min-free 0 keeps nothing free, where Config's 0 is the default.
	return badgerstore.Open(ctx, badgerstore.Config{Dir: dir, ReadOnly: readOnly, MinFree: max(1, minFreeMiB<<20)})
}
