package badgerstore

import (
	"bytes"
	"context"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/uuid"

	"github.com/kgraph/kg/graph"
)

// A document's mentioned-in edges are kept in its fragments (node.go), not under edge keys: the
// edges from a node are in the fragments of the node, the edges to a document in the fragments
// its manifest lists. Reads merge them with the edges of the edge keys.

// mention is one mentioned-in edge: a node, the document that mentions it, and the encoded
// evidence.
type mention struct {
	node, doc uuid.UUID
	evidence  []byte
}

// hasMentions reports whether reads of relation rel (every relation when empty) include
// mentioned-in edges.
func hasMentions(rel graph.Relation) bool { return rel == "" || rel == graph.RelMentionedIn }

// mentionsOf returns the mentioned-in edges from node, in document order, reading fragments
// through it, an iterator that reads values.
func mentionsOf(ctx context.Context, it *badger.Iterator, node uuid.UUID) ([]mention, error) {
	var ms []mention
	err := eachMention(ctx, it, node, func(m mention) error {
		m.evidence = bytes.Clone(m.evidence)
		ms = append(ms, m)
		return nil
	})
	return ms, err
}

// eachMention calls fn with each mentioned-in edge from node, in document order, reading
// fragments through it; the evidence of a mention is valid during the call only.
func eachMention(ctx context.Context, it *badger.Iterator, node uuid.UUID, fn func(mention) error) error {
	return scanItems(ctx, it, fragmentPrefix(node), func(k parsedKey, item *badger.Item) error {
		return item.Value(func(v []byte) error {
			evidence, _, err := splitFragment(v)
			if err != nil || len(evidence) == 0 {
				return err
			}
			return fn(mention{node: node, doc: k.Doc, evidence: evidence})
		})
	})
}

// mentionsIn returns the mentioned-in edges to doc, in node order; none when doc is not a
// stored document.
func mentionsIn(ctx context.Context, txn *badger.Txn, doc uuid.UUID) ([]mention, error) {
	v, found, err := getValue(txn, manifestKey(doc))
	if err != nil || !found {
		return nil, err
	}
	keys, err := decodeManifest(v, doc)
	if err != nil {
		return nil, err
	}
	var ms []mention
	for _, key := range keys {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if key[0] != prefixFragment {
			continue
		}
		k, err := parseKey([]byte(key))
		if err != nil {
			return nil, err
		}
		v, _, err := getValue(txn, []byte(key))
		if err != nil {
			return nil, err
		}
		evidence, _, err := splitFragment(v)
		if err != nil {
			return nil, err
		}
		if len(evidence) > 0 {
			ms = append(ms, mention{node: k.Node, doc: doc, evidence: evidence})
		}
	}
	return ms, nil
}

// edge returns the mention as an edge, its evidence read against the document's text.
func (m mention) edge(texts *texts) (graph.Edge, error) {
	text, err := texts.get(m.doc)
	if err != nil {
		return graph.Edge{}, err
	}
	evs, err := decodeEvidence(m.evidence, m.doc, text)
	if err != nil {
		return graph.Edge{}, err
	}
	return graph.Edge{From: formatID(m.node), Relation: graph.RelMentionedIn, To: formatID(m.doc), Evidence: evs}, nil
}
