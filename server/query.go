package server

import (
	"context"

	graphql "github.com/graph-gophers/graphql-go"

	"github.com/kgraph/kg/graph"
)

// queryResolver resolves the Query type and holds what every other resolver reaches through it.
type queryResolver struct {
	store        graph.Store
	maxPageSize  int
	maxPathNodes int
	aggregates   *aggregateCache
}

// idArgs are the arguments of the fields that take a required ID.
type idArgs struct{ ID graphql.ID }

// pageArgs are the arguments of a list field with no filter.
type pageArgs struct {
	First int32
	After *string
}

// nodeKinds are the kinds that implement the Node interface; tenures have no type of their own.
var nodeKinds = []graph.Kind{graph.KindDocument, graph.KindPerson, graph.KindOrganization, graph.KindCountry, graph.KindPlace, graph.KindPost, graph.KindEvent}

// Node resolves Query.node.
func (q *queryResolver) Node(ctx context.Context, args idArgs) (*nodeResolver, error) {
	return one(newNode)(q.byID(ctx, args.ID, nodeKinds...))
}

// Person resolves Query.person.
func (q *queryResolver) Person(ctx context.Context, args lookupArgs) (*personResolver, error) {
	return one(newPerson)(q.find(ctx, graph.KindPerson, args))
}

type peopleArgs struct {
	Name, Post, Organization *string
	First                    int32
	After                    *string
}

// People resolves Query.people.
func (q *queryResolver) People(ctx context.Context, args peopleArgs) (*connection[*personResolver], error) {
	f := graph.NodeFilter{Kind: graph.KindPerson, Name: value(args.Name), Post: value(args.Post), Organization: value(args.Organization)}
	return connect(q, newPerson)(q.findNodes(ctx, f, args.First, args.After))
}

// Organization resolves Query.organization.
func (q *queryResolver) Organization(ctx context.Context, args lookupArgs) (*organizationResolver, error) {
	return one(newOrganization)(q.find(ctx, graph.KindOrganization, args))
}

type organizationsArgs struct {
	Name  *string
	First int32
	After *string
}

// Organizations resolves Query.organizations.
func (q *queryResolver) Organizations(ctx context.Context, args organizationsArgs) (*connection[*organizationResolver], error) {
	f := graph.NodeFilter{Kind: graph.KindOrganization, Name: value(args.Name)}
	return connect(q, newOrganization)(q.findNodes(ctx, f, args.First, args.After))
}

// Event resolves Query.event.
func (q *queryResolver) Event(ctx context.Context, args idArgs) (*eventResolver, error) {
	return one(newEvent)(q.byID(ctx, args.ID, graph.KindEvent))
}

// Events resolves Query.events.
func (q *queryResolver) Events(ctx context.Context, args eventsQueryArgs) (*connection[*eventResolver], error) {
	return q.findEvents(ctx, args, "")
}

// Place resolves Query.place.
func (q *queryResolver) Place(ctx context.Context, args lookupArgs) (*placeResolver, error) {
	return one(newPlace)(q.find(ctx, graph.KindPlace, args))
}

type placesArgs struct {
	Kind    *string
	Country *string
	First   int32
	After   *string
}

// Places resolves Query.places.
func (q *queryResolver) Places(ctx context.Context, args placesArgs) (*connection[*placeResolver], error) {
	f := graph.NodeFilter{Kind: graph.KindPlace, PlaceKind: graph.PlaceKind(value(args.Kind)), Country: value(args.Country)}
	return connect(q, newPlace)(q.findNodes(ctx, f, args.First, args.After))
}

// Country resolves Query.country.
func (q *queryResolver) Country(ctx context.Context, args lookupArgs) (*countryResolver, error) {
	return one(newCountry)(q.find(ctx, graph.KindCountry, args))
}

// Countries resolves Query.countries.
func (q *queryResolver) Countries(ctx context.Context) ([]*countryResolver, error) {
	return all(newCountry)(q.everyNode(ctx, graph.NodeFilter{Kind: graph.KindCountry}))
}

type postsArgs struct {
	Title, Organization *string
}

// Posts resolves Query.posts.
func (q *queryResolver) Posts(ctx context.Context, args postsArgs) ([]*postResolver, error) {
	return all(newPost)(q.everyNode(ctx, graph.NodeFilter{Kind: graph.KindPost, Post: value(args.Title), Organization: value(args.Organization)}))
}

// Document resolves Query.document.
func (q *queryResolver) Document(ctx context.Context, args idArgs) (*documentResolver, error) {
	return one(newDocument)(q.byID(ctx, args.ID, graph.KindDocument))
}

// Documents resolves Query.documents.
func (q *queryResolver) Documents(ctx context.Context, args pageArgs) (*connection[*documentResolver], error) {
	return connect(q, newDocument)(q.findNodes(ctx, graph.NodeFilter{Kind: graph.KindDocument}, args.First, args.After))
}

// findNodes reads one page of the nodes a filter selects.
func (q *queryResolver) findNodes(ctx context.Context, f graph.NodeFilter, first int32, after *string) (graph.Page, error) {
	req, err := q.pageRequest(first, after)
	if err != nil {
		return graph.Page{}, err
	}
	return q.store.FindNodes(ctx, f, req)
}

// everyNode reads every node a filter selects, a page at a time, for the list fields that the
// schema gives no pagination because they stay short (countries, posts).
func (q *queryResolver) everyNode(ctx context.Context, f graph.NodeFilter) ([]node, error) {
	var out []node
	req := graph.PageRequest{First: q.maxPageSize}
	for {
		p, err := q.store.FindNodes(ctx, f, req)
		if err != nil {
			return nil, err
		}
		out = append(out, q.group(p.Nodes)...)
		if !p.HasNext || len(p.Cursors) == 0 {
			return out, nil
		}
		req.After = p.Cursors[len(p.Cursors)-1]
	}
}

// nodeResolver resolves the Node interface and the Chair union: the type follows the node's kind.
type nodeResolver struct{ node }

func newNode(x node) *nodeResolver { return &nodeResolver{x} }

// ToPerson resolves the node as a Person.
func (r *nodeResolver) ToPerson() (*personResolver, bool) {
	return newPerson(r.node), r.n.Kind == graph.KindPerson
}

// ToPost resolves the node as a Post.
func (r *nodeResolver) ToPost() (*postResolver, bool) {
	return newPost(r.node), r.n.Kind == graph.KindPost
}

// ToOrganization resolves the node as an Organization.
func (r *nodeResolver) ToOrganization() (*organizationResolver, bool) {
	return newOrganization(r.node), r.n.Kind == graph.KindOrganization
}

// ToEvent resolves the node as an Event.
func (r *nodeResolver) ToEvent() (*eventResolver, bool) {
	return newEvent(r.node), r.n.Kind == graph.KindEvent
}

// ToPlace resolves the node as a Place.
func (r *nodeResolver) ToPlace() (*placeResolver, bool) {
	return newPlace(r.node), r.n.Kind == graph.KindPlace
}

// ToCountry resolves the node as a Country.
func (r *nodeResolver) ToCountry() (*countryResolver, bool) {
	return newCountry(r.node), r.n.Kind == graph.KindCountry
}

// ToDocument resolves the node as a Document.
func (r *nodeResolver) ToDocument() (*documentResolver, bool) {
	return newDocument(r.node), r.n.Kind == graph.KindDocument
}
