package graph

import "context"

// ChangeSet is everything one document contributes to the graph: the document itself, the
// nodes it describes and the edges it states. Nodes and edges may repeat; the store merges.
type ChangeSet struct {
	Document Node
	Nodes    []Node
	Edges    []Edge
}

// Store keeps the graph. Writes are per document and atomic; reads see nodes and edges merged
// over all documents.
type Store interface {
	// PutDocument replaces everything the document cs.Document.ID contributed before with cs,
	// in one atomic write. Nodes and edges that no document states any more disappear.
	PutDocument(ctx context.Context, cs *ChangeSet) error
	// DeleteDocument removes the document and everything it contributed.
	DeleteDocument(ctx context.Context, id ID) error
	// DocumentHash returns the stored content hash of a document, or ErrNotFound.
	DocumentHash(ctx context.Context, id ID) (string, error)

	// Node returns the merged node, or ErrNotFound.
	Node(ctx context.Context, id ID) (*Node, error)
	// Nodes returns the merged nodes in the order of ids, nil where an ID is unknown.
	Nodes(ctx context.Context, ids []ID) ([]*Node, error)
	// Edges returns the merged edges of a node with relation rel (every relation when empty)
	// in direction dir, ordered by the other end's ID.
	Edges(ctx context.Context, id ID, rel Relation, dir Direction) ([]Edge, error)
	// EdgesOf is Edges of many nodes in one read: the edges of ids[i] are at index i. Resolvers
	// of a page of nodes call it once where Edges would be called once per node.
	EdgesOf(ctx context.Context, ids []ID, rel Relation, dir Direction) ([][]Edge, error)
	// Neighbours returns, for each of ids at the same index, the IDs at the other end of its
	// edges with relation rel (every relation when empty) in direction dir, each once, ordered
	// by ID: the ends that Edges gives, without reading the evidence.
	Neighbours(ctx context.Context, ids []ID, rel Relation, dir Direction) ([][]ID, error)
	// NodeDocuments returns, for each of ids at the same index, the IDs of the documents that
	// describe the node, ordered by ID: where its fields were read, whether or not the
	// document also has a mentioned-in edge to it.
	NodeDocuments(ctx context.Context, ids []ID) ([][]ID, error)
	// EachEdge calls fn with every out-edge of each of ids in turn, the node's index in ids,
	// and the IDs of the documents that state the edge, ordered by ID: those of its evidence and
	// those that state it without a sentence, as a gazetteer's facts about the places a document
	// names. It holds one edge at a time, for walks over a whole graph, where a country's edges
	// alone may be more than memory should hold. A node's edges come ordered by relation and
	// other end, its mentioned-in edges last; an error from fn stops the walk and is returned.
	EachEdge(ctx context.Context, ids []ID, fn func(i int, e Edge, documents []ID) error) error
	// Lookup returns the IDs of the nodes of a kind whose name or an alias has the same
	// NameKey as name.
	Lookup(ctx context.Context, kind Kind, name string) ([]ID, error)

	// Search returns the nodes of the kinds (every kind when none) with a name, alias or
	// acronym that matches text by NameScore, best first, ties by ID, at most first of them;
	// Key of each hit is the best matching NameKey.
	Search(ctx context.Context, text string, kinds []Kind, first int) ([]SearchHit, error)

	// FindNodes returns a page of nodes of one kind, ordered by ID.
	FindNodes(ctx context.Context, f NodeFilter, p PageRequest) (Page, error)
	// FindEvents returns a page of events matching f in the order o.
	FindEvents(ctx context.Context, f EventFilter, o EventOrder, p PageRequest) (Page, error)
	// EventStarts returns every event that f selects with its start, oldest first as in
	// FindEvents: what aggregates over events need, without reading the events.
	EventStarts(ctx context.Context, f EventFilter) ([]EventStart, error)

	// Version returns a number that changes whenever what the store holds changes, so that
	// what is derived from it can be kept for as long as the version stays the same.
	Version(ctx context.Context) (uint64, error)

	// Stats counts what the store holds.
	Stats(ctx context.Context) (Stats, error)
	// Close releases the store.
	Close() error
}

// NodeFilter selects nodes of one kind. Name matches the name or an alias by NameKey; the
// other fields apply to the kinds they name and are ignored elsewhere.
type NodeFilter struct {
	Kind         Kind
	Name         string
	PlaceKind    PlaceKind // Place
	Country      string    // Place: in this country (name or alias)
	Post         string    // Person: holds a post with this title; Post: has this title
	Organization string    // Person: holds a post of it; Post: belongs to it
}

// EventFilter selects events. Names (City, Participant, …) match by NameKey against names and
// aliases; Involving restricts to events with any edge to that node.
type EventFilter struct {
	Text         string // in the title
	Type         EventType
	City         string
	Country      string
	From, To     Date // the event's start lies in [From, To]
	Participant  string
	ChairedBy    string
	Organization string // organiser, chair or participating organisation
	Involving    ID
}

// EventStart is an event and its start, empty when it has none.
type EventStart struct {
	ID    ID
	Start Date
}

// EventOrder orders events by start date; events without a date come last.
type EventOrder uint8

// The event orders.
const (
	StartDesc EventOrder = iota
	StartAsc
)

// PageRequest asks for First items after the opaque cursor After ("" for the first page).
type PageRequest struct {
	First int
	After string
}

// Page is one page of a listing: the nodes, one opaque cursor per node, the total number of
// matches over all pages, and whether more follow.
type Page struct {
	Nodes   []*Node
	Cursors []string
	Total   int
	HasNext bool
}

// Stats counts nodes by kind and edges.
type Stats struct {
	Nodes map[Kind]int
	Edges int
}
