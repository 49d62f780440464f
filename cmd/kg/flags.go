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

// openStore opens the store in dir. Its errors already name the folder.
func openStore(ctx context.Context, dir string, readOnly bool) (*badgerstore.Store, error) {
	return badgerstore.Open(ctx, badgerstore.Config{Dir: dir, ReadOnly: readOnly})
}
