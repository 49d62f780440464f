// Package schema holds the GraphQL schema of the knowledge graph's read-only API, one .graphql
// file per feature area, embedded so that the server and the command line parse the same text.
package schema

import (
	"embed"
	"io/fs"
	"strings"
)

//go:embed *.graphql
var files embed.FS

// String returns the whole schema: every .graphql file, joined in file name order.
func String() string {
	names, err := fs.Glob(files, "*.graphql")
	if err != nil {
		panic(err) // the pattern is a constant and valid
	}
	var b strings.Builder
	for _, name := range names {
		data, err := files.ReadFile(name)
		if err != nil {
			panic(err) // embedded files are always readable
		}
		b.Write(data)
		b.WriteByte('\n')
	}
	return b.String()
}
