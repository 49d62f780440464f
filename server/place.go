package server

import (
	"cmp"
	"context"

	"github.com/kgraph/kg/graph"
)

// placeResolver resolves Place.
type placeResolver struct{ node }

func newPlace(x node) *placeResolver { return &placeResolver{x} }

// Name resolves Place.name.
func (p *placeResolver) Name() string { return p.n.Name }

// Kind resolves Place.kind; a place of unrecorded kind is taken for a city, the commonest kind.
func (p *placeResolver) Kind() graph.PlaceKind { return cmp.Or(p.n.PlaceKind, graph.PlaceCity) }

// Country resolves Place.country.
func (p *placeResolver) Country(ctx context.Context) (*countryResolver, error) {
	return one(newCountry)(p.neighbours(ctx, graph.RelLocatedIn, graph.Out, graph.KindCountry))
}

// Events resolves Place.events.
func (p *placeResolver) Events(ctx context.Context, args eventsArgs) (*connection[*eventResolver], error) {
	return p.events(ctx, args)
}

// countryResolver resolves Country.
type countryResolver struct{ node }

func newCountry(x node) *countryResolver { return &countryResolver{x} }

// Name resolves Country.name.
func (c *countryResolver) Name() string { return c.n.Name }

// Aliases resolves Country.aliases.
func (c *countryResolver) Aliases() []string { return c.n.Aliases }

// Places resolves Country.places.
func (c *countryResolver) Places(ctx context.Context) ([]*placeResolver, error) {
	return all(newPlace)(c.neighbours(ctx, graph.RelLocatedIn, graph.In, graph.KindPlace))
}

// MemberOf resolves Country.memberOf.
func (c *countryResolver) MemberOf(ctx context.Context) ([]*organizationResolver, error) {
	return all(newOrganization)(c.neighbours(ctx, graph.RelMemberOf, graph.Out, graph.KindOrganization))
}

// Events resolves Country.events.
func (c *countryResolver) Events(ctx context.Context, args eventsArgs) (*connection[*eventResolver], error) {
	return c.events(ctx, args)
}
