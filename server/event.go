package server

import (
	"cmp"
	"context"
	"math"

	"github.com/kgraph/kg/graph"
)

// eventFilter is the EventFilter input.
type eventFilter struct {
	Text, Type, City, Country *string
	From, To                  *date
	Participant               *string
	ChairedBy                 *string
	Organization              *string
}

// The EventOrder values.
const (
	orderStartAsc  = "START_ASC"
	orderStartDesc = "START_DESC"
)

// eventsArgs are the arguments of the events fields of Person, Organization, Place and Country.
type eventsArgs struct {
	Filter *eventFilter
	First  int32
	After  *string
}

// eventsQueryArgs are the arguments of Query.events.
type eventsQueryArgs struct {
	Filter  *eventFilter
	OrderBy string
	First   int32
	After   *string
}

// findEvents reads one page of the events args select, restricted to those involving a node
// unless involving is empty.
func (q *queryResolver) findEvents(ctx context.Context, args eventsQueryArgs, involving graph.ID) (*connection[*eventResolver], error) {
	req, err := q.pageRequest(args.First, args.After)
	if err != nil {
		return nil, err
	}
	order := graph.StartDesc
	if args.OrderBy == orderStartAsc {
		order = graph.StartAsc
	}
	return connect(q, newEvent)(q.store.FindEvents(ctx, args.Filter.graphFilter(involving), order, req))
}

// graphFilter returns the store's filter of f, which may be nil, restricted to events
// involving a node unless involving is empty.
func (f *eventFilter) graphFilter(involving graph.ID) graph.EventFilter {
	v := value(f)
	return graph.EventFilter{
		Text:         value(v.Text),
		Type:         graph.EventType(value(v.Type)),
		City:         value(v.City),
		Country:      value(v.Country),
		From:         graph.Date(value(v.From)),
		To:           graph.Date(value(v.To)),
		Participant:  value(v.Participant),
		ChairedBy:    value(v.ChairedBy),
		Organization: value(v.Organization),
		Involving:    involving,
	}
}

// everyEvent reads every event that f selects, oldest first, for the aggregates.
func (q *queryResolver) everyEvent(ctx context.Context, f graph.EventFilter) ([]*graph.Node, error) {
	p, err := q.store.FindEvents(ctx, f, graph.StartAsc, graph.PageRequest{First: math.MaxInt32})
	return p.Nodes, err
}

// eventResolver resolves Event.
type eventResolver struct{ node }

func newEvent(x node) *eventResolver { return &eventResolver{x} }

// Title resolves Event.title.
func (e *eventResolver) Title() string { return e.n.Name }

// Type resolves Event.type; an event the loader could not classify is OTHER.
func (e *eventResolver) Type() graph.EventType { return cmp.Or(e.n.EventType, graph.EventOther) }

// Start resolves Event.start.
func (e *eventResolver) Start() *date { return optional(date(e.n.Start)) }

// End resolves Event.end.
func (e *eventResolver) End() *date { return optional(date(e.n.End)) }

// Planned resolves Event.planned.
func (e *eventResolver) Planned() bool { return e.n.Planned }

// City resolves Event.city.
func (e *eventResolver) City(ctx context.Context) (*placeResolver, error) {
	return one(newPlace)(e.neighbours(ctx, graph.RelHeldIn, graph.Out, graph.KindPlace))
}

// Venue resolves Event.venue.
func (e *eventResolver) Venue(ctx context.Context) (*placeResolver, error) {
	return one(newPlace)(e.neighbours(ctx, graph.RelAtVenue, graph.Out, graph.KindPlace))
}

// Country resolves Event.country.
func (e *eventResolver) Country(ctx context.Context) (*countryResolver, error) {
	return one(newCountry)(e.neighbours(ctx, graph.RelInCountry, graph.Out, graph.KindCountry))
}

// Chairs resolves Event.chairs; each chair's kind picks its member of the Chair union.
func (e *eventResolver) Chairs(ctx context.Context) ([]*nodeResolver, error) {
	return all(newNode)(e.neighbours(ctx, graph.RelChairedBy, graph.Out, graph.KindPerson, graph.KindCountry, graph.KindOrganization))
}

// Organizers resolves Event.organizers.
func (e *eventResolver) Organizers(ctx context.Context) ([]*organizationResolver, error) {
	return all(newOrganization)(e.neighbours(ctx, graph.RelOrganizedBy, graph.Out, graph.KindOrganization))
}

// Participants resolves Event.participants.
func (e *eventResolver) Participants(ctx context.Context) ([]*personResolver, error) {
	return all(newPerson)(e.neighbours(ctx, graph.RelParticipant, graph.Out, graph.KindPerson))
}

// ParticipantOrganizations resolves Event.participantOrganizations.
func (e *eventResolver) ParticipantOrganizations(ctx context.Context) ([]*organizationResolver, error) {
	return all(newOrganization)(e.neighbours(ctx, graph.RelParticipantOrg, graph.Out, graph.KindOrganization))
}

// ParticipantCountries resolves Event.participantCountries.
func (e *eventResolver) ParticipantCountries(ctx context.Context) ([]*countryResolver, error) {
	return all(newCountry)(e.neighbours(ctx, graph.RelParticipantCountry, graph.Out, graph.KindCountry))
}

// PartOf resolves Event.partOf.
func (e *eventResolver) PartOf(ctx context.Context) (*eventResolver, error) {
	return one(newEvent)(e.neighbours(ctx, graph.RelEventPartOf, graph.Out, graph.KindEvent))
}

// Parts resolves Event.parts.
func (e *eventResolver) Parts(ctx context.Context) ([]*eventResolver, error) {
	return all(newEvent)(e.neighbours(ctx, graph.RelEventPartOf, graph.In, graph.KindEvent))
}

// Documents resolves Event.documents.
func (e *eventResolver) Documents(ctx context.Context) ([]*documentResolver, error) {
	return all(newDocument)(e.neighbours(ctx, graph.RelMentionedIn, graph.Out, graph.KindDocument))
}

// Evidence resolves Event.evidence: the sentences that mention the event.
func (e *eventResolver) Evidence(ctx context.Context) ([]*evidenceResolver, error) {
	return e.evidence(ctx, -1, graph.RelMentionedIn)
}
