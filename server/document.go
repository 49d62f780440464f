package server

import (
	"context"
	"slices"

	"github.com/kgraph/kg/graph"
)

// documentResolver resolves Document.
type documentResolver struct{ node }

func newDocument(x node) *documentResolver { return &documentResolver{x} }

// Source resolves Document.source.
func (d *documentResolver) Source() string { return d.n.Source }

// Title resolves Document.title.
func (d *documentResolver) Title() *string { return optional(d.n.Name) }

// Published resolves Document.published.
func (d *documentResolver) Published() *date { return optional(date(d.n.Published)) }

// Text resolves Document.text.
func (d *documentResolver) Text() string { return d.n.Text }

// Events resolves Document.events.
func (d *documentResolver) Events(ctx context.Context) ([]*eventResolver, error) {
	return all(newEvent)(d.neighbours(ctx, graph.RelMentionedIn, graph.In, graph.KindEvent))
}

// People resolves Document.people.
func (d *documentResolver) People(ctx context.Context) ([]*personResolver, error) {
	return all(newPerson)(d.neighbours(ctx, graph.RelMentionedIn, graph.In, graph.KindPerson))
}

// evidenceResolver resolves Evidence.
type evidenceResolver struct {
	ev  graph.Evidence
	doc *documentResolver
}

// evidence wraps evidence in resolvers, reading their documents in one call.
func (q *queryResolver) evidence(ctx context.Context, evs []graph.Evidence) ([]*evidenceResolver, error) {
	var ids []graph.ID
	for _, ev := range evs {
		if !slices.Contains(ids, ev.Document) {
			ids = append(ids, ev.Document)
		}
	}
	docs, err := q.nodes(ctx, ids, graph.KindDocument)
	if err != nil {
		return nil, err
	}
	byID := make(map[graph.ID]*graph.Node, len(docs))
	for _, d := range docs {
		byID[d.n.ID] = d.n
	}
	return q.evidenceResolvers(evs, byID), nil
}

// evidenceResolvers wraps evidence in resolvers given its documents; evidence whose document
// is gone is dropped.
func (q *queryResolver) evidenceResolvers(evs []graph.Evidence, docs map[graph.ID]*graph.Node) []*evidenceResolver {
	out := make([]*evidenceResolver, 0, len(evs))
	for _, ev := range evs {
		if d := docs[ev.Document]; d != nil {
			out = append(out, &evidenceResolver{ev, newDocument(node{q: q, n: d})})
		}
	}
	return out
}

// Confidence resolves Evidence.confidence.
func (e *evidenceResolver) Confidence() *float64 {
	if e.ev.Confidence == 0 {
		return nil
	}
	return &e.ev.Confidence
}

// Document resolves Evidence.document.
func (e *evidenceResolver) Document() *documentResolver { return e.doc }

// Sentence resolves Evidence.sentence.
func (e *evidenceResolver) Sentence() string { return e.ev.Sentence }

// Offset resolves Evidence.offset.
func (e *evidenceResolver) Offset() int32 { return int32(e.ev.Offset) }
