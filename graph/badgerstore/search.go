package badgerstore

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/uuid"

	"github.com/kgraph/kg/graph"
)

// Search scores every NameKey of the name index of the kinds against text with
// graph.NameScore and returns the best first nodes. It scans the index's keys, without
// values, so it costs one comparison per distinct name and document; a larger store would
// want an index of the names' letter n-grams to narrow the candidates first.
func (s *Store) Search(ctx context.Context, text string, kinds []graph.Kind, first int) ([]graph.SearchHit, error) {
	if first < 0 {
		return nil, fmt.Errorf("search %q: %w: first %d", text, graph.ErrInvalid, first)
	}
	if len(kinds) == 0 {
		kinds = graph.Kinds
	}
	query := graph.NameKey(text)
	if query == "" || first == 0 {
		return nil, nil
	}
	best := map[uuid.UUID]graph.SearchHit{}
	err := s.view(ctx, func(txn *badger.Txn) error {
		it := keyIterator(txn, prefixName)
		defer it.Close()
		for _, k := range kinds {
			var last string // a name's keys lie together, one per node and document
			var lastScore float64
			err := scanKeys(ctx, it, namePrefix(k, ""), func(pk parsedKey) {
				if pk.Name != last {
					last, lastScore = pk.Name, graph.NameScore(query, pk.Name)
				}
				if lastScore == 0 {
					return
				}
				if h, ok := best[pk.Node]; !ok || lastScore > h.Score {
					best[pk.Node] = graph.SearchHit{ID: formatID(pk.Node), Kind: k, Key: pk.Name, Score: lastScore}
				}
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", text, err)
	}
	hits := make([]graph.SearchHit, 0, len(best))
	for _, h := range best {
		hits = append(hits, h)
	}
	slices.SortFunc(hits, func(a, b graph.SearchHit) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.ID, b.ID))
	})
	return hits[:min(first, len(hits))], nil
}
