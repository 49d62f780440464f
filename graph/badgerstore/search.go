package badgerstore

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/uuid"

	"github.com/kgraph/kg/graph"
)

// Search scores the NameKeys of the name index of the kinds against text with graph.NameScore
// and returns the best first nodes. It reads the name table (names.go): NameScore gives 0 to a
// name without a word that the text's first word matches, so it compares that word with each
// distinct word of the names, and scores only the names that have a matching one.
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
		table, err := s.names(ctx, txn)
		if err != nil {
			return err
		}
		first := strings.Fields(query)[0] // query is a NameKey, so it has a word
		for _, k := range kinds {
			kn := table[k]
			if kn == nil {
				continue
			}
			for _, i := range kn.matching(first) {
				name := kn.names[i]
				score := graph.NameScore(query, name.key)
				if score == 0 {
					continue
				}
				for _, id := range name.nodes {
					if h, ok := best[id]; !ok || score > h.Score {
						best[id] = graph.SearchHit{ID: formatID(id), Kind: k, Key: name.key, Score: score}
					}
				}
			}
			if err := ctx.Err(); err != nil {
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
