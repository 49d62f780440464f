package server

import (
	"fmt"

	"github.com/kgraph/kg/graph"
)

// date is the GraphQL Date scalar: a graph.Date, checked when it arrives as an argument.
type date graph.Date

// ImplementsGraphQLType tells graphql-go that date is the Date scalar.
func (date) ImplementsGraphQLType(name string) bool { return name == "Date" }

// UnmarshalGraphQL accepts a date argument at any of graph.Date's precisions.
func (d *date) UnmarshalGraphQL(input any) error {
	s, ok := input.(string)
	if !ok {
		return fmt.Errorf("%w: a Date is a string, got %v", graph.ErrInvalid, input)
	}
	v, err := graph.ParseDate(s)
	if err != nil {
		return err
	}
	*d = date(v)
	return nil
}

// dates converts a list of graph dates for a [Date!]! field.
func dates(ds []graph.Date) []date {
	out := make([]date, len(ds))
	for i, d := range ds {
		out[i] = date(d)
	}
	return out
}
