package export

import (
	"strings"

	"github.com/google/uuid"

	"github.com/kgraph/kg/graph"
)

// factSpace is the UUID namespace of fact IDs; fixed forever, or the IDs of two exports of the
// same graph would differ.
var factSpace = uuid.MustParse("0b6f3c1e-5a7d-4e28-9c41-7d2e8f6a1b35")

// factID returns the stable ID of the fact that the parts name, as a name-based UUID like the
// IDs of nodes.
func factID(parts ...string) string {
	return uuid.NewSHA1(factSpace, []byte(strings.Join(parts, "\x00"))).String()
}

// edgeFactID is the fact ID of e, from its from, relation and to, which no other edge shares.
// GraphML takes it as the ID of the edge and CSV as the fact property that ties a relationship
// to its evidence, so that the two exports name an edge alike.
func edgeFactID(e graph.Edge) string {
	return factID(string(e.From), string(e.Relation), string(e.To))
}

// join joins IDs, dates or other strings with sep.
func join[S ~string](xs []S, sep string) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = string(x)
	}
	return strings.Join(s, sep)
}
