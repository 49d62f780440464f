package server

import (
	"context"

	"github.com/kgraph/kg/graph"
)

// organizationResolver resolves Organization.
type organizationResolver struct{ node }

func newOrganization(x node) *organizationResolver { return &organizationResolver{x} }

// Name resolves Organization.name.
func (o *organizationResolver) Name() string { return o.n.Name }

// Acronym resolves Organization.acronym.
func (o *organizationResolver) Acronym() *string { return optional(o.n.Acronym) }

// Aliases resolves Organization.aliases.
func (o *organizationResolver) Aliases() []string { return o.n.Aliases }

// Parent resolves Organization.parent.
func (o *organizationResolver) Parent(ctx context.Context) (*organizationResolver, error) {
	return one(newOrganization)(o.neighbours(ctx, graph.RelPartOf, graph.Out, graph.KindOrganization))
}

// Parts resolves Organization.parts.
func (o *organizationResolver) Parts(ctx context.Context) ([]*organizationResolver, error) {
	return all(newOrganization)(o.neighbours(ctx, graph.RelPartOf, graph.In, graph.KindOrganization))
}

// Members resolves Organization.members.
func (o *organizationResolver) Members(ctx context.Context) ([]*countryResolver, error) {
	return all(newCountry)(o.neighbours(ctx, graph.RelMemberOf, graph.In, graph.KindCountry))
}

// Posts resolves Organization.posts.
func (o *organizationResolver) Posts(ctx context.Context) ([]*postResolver, error) {
	return all(newPost)(o.neighbours(ctx, graph.RelPostOrganization, graph.In, graph.KindPost))
}

// Events resolves Organization.events.
func (o *organizationResolver) Events(ctx context.Context, args eventsArgs) (*connection[*eventResolver], error) {
	return o.events(ctx, args)
}
