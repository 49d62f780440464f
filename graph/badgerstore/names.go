package badgerstore

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/uuid"

	"github.com/kgraph/kg/graph"
)

// nameTable lists the distinct NameKeys of the name index by kind, each with its nodes. The
// index has a key per name, node and document, so a name that thousands of documents state has
// thousands of keys; the filters that match names by their words and Search read the table
// instead, one entry per name.
type nameTable map[graph.Kind]*kindNames

// kindNames are the names of one kind, in key order, and the names that have each word, by
// index into names, so that Search compares the text with each distinct word once and scores
// only the names with a word that matches.
type kindNames struct {
	names []namedNodes
	words map[string][]int
}

// namedNodes is one NameKey of the name index and the nodes that have it, sorted.
type namedNodes struct {
	key   string
	nodes []uuid.UUID
}

// nameCache keeps the name table of one version of the store (see nodeCache); building it
// reads every key of the name index, so requests that need it at once wait for one build.
type nameCache struct {
	mu      sync.Mutex
	version uint64
	table   nameTable
}

// names returns the name table as txn sees the store.
func (s *Store) names(ctx context.Context, txn *badger.Txn) (nameTable, error) {
	c := &s.nameTable
	c.mu.Lock()
	defer c.mu.Unlock()
	version := txn.ReadTs()
	if c.table != nil && c.version == version {
		return c.table, nil
	}
	table, err := readNameTable(ctx, txn)
	if err != nil {
		return nil, err
	}
	if c.table == nil || version > c.version {
		c.version, c.table = version, table
	}
	return table, nil
}

// readNameTable builds the name table from the keys of the name index. A name's keys are
// ordered by node, then document; after a few keys of one name and node it seeks past the
// rest, as scanNodes does.
func readNameTable(ctx context.Context, txn *badger.Txn) (nameTable, error) {
	const reads = 4
	it := keyIterator(txn, prefixName)
	defer it.Close()
	table := nameTable{}
	past := bytes.Repeat([]byte{0xFF}, idLen+1)
	var group []byte // of the last key read: 'n' | kind | name | 0x00 | node
	same := 0
	for it.Seek([]byte{prefixName}); it.ValidForPrefix([]byte{prefixName}); {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		key := it.Item().Key()
		if group != nil && bytes.HasPrefix(key, group) {
			if same++; same == reads {
				it.Seek(append(group, past...))
			} else {
				it.Next()
			}
			continue
		}
		k, err := parseKey(key)
		if err != nil {
			return nil, err
		}
		group, same = append(group[:0], key[:len(namePrefix(k.Kind, k.Name))+idLen]...), 0
		table.add(k)
		it.Next()
	}
	return table, nil
}

// add adds the name and node of the name key k.
func (t nameTable) add(k parsedKey) {
	kn := t[k.Kind]
	if kn == nil {
		kn = &kindNames{words: map[string][]int{}}
		t[k.Kind] = kn
	}
	if n := len(kn.names); n == 0 || kn.names[n-1].key != k.Name {
		kn.names = append(kn.names, namedNodes{key: k.Name})
		for _, w := range sortedSet(strings.Fields(k.Name), "") {
			kn.words[w] = append(kn.words[w], len(kn.names)-1)
		}
	}
	if last := &kn.names[len(kn.names)-1]; len(last.nodes) == 0 || last.nodes[len(last.nodes)-1] != k.Node {
		last.nodes = append(last.nodes, k.Node)
	}
}

// matching returns the indexes of the names with a word that word matches as graph.NameScore
// matches words, ascending.
func (kn *kindNames) matching(word string) []int {
	var out []int
	for w, names := range kn.words {
		if graph.WordMatches(word, w) {
			out = append(out, names...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
