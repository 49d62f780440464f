package server

import (
	"context"
	"errors"

	gqlerrors "github.com/graph-gophers/graphql-go/errors"

	"github.com/kgraph/kg/graph"
)

// The codes clients see in an error's extensions.
const (
	codeBadUserInput = "BAD_USER_INPUT" // the query or its arguments are wrong
	codeNotFound     = "NOT_FOUND"      // something the query names does not exist
	codeCostLimit    = "COST_LIMIT"     // the request is larger or deeper than the server allows
	codeTimeout      = "TIMEOUT"        // the request ran out of time
	codeInternal     = "INTERNAL"       // a fault of the server; details go to the log only
)

// errorCodes maps the domain's sentinel errors to codes. An error matching none is internal.
// A message replaces the error's own text, for errors whose text is no use to a client.
var errorCodes = []struct {
	err     error
	code    string
	message string
}{
	{graph.ErrInvalid, codeBadUserInput, ""},
	{graph.ErrNotFound, codeNotFound, ""},
	{context.DeadlineExceeded, codeTimeout, "the request took longer than the server allows"},
}

// apiError is an error as clients see it: public text, and a code for the response's
// "extensions" member.
type apiError struct {
	code    string
	message string
}

func (e *apiError) Error() string { return e.message }

// Extensions returns the error's "extensions" member: its code.
func (e *apiError) Extensions() map[string]any { return map[string]any{"code": e.code} }

func (e *apiError) queryError() *gqlerrors.QueryError {
	return &gqlerrors.QueryError{Message: e.message, Extensions: e.Extensions()}
}

// classify turns an error of a resolver or the store into a public one, logging internal ones.
// An apiError, which a resolver returns when it refuses work, is public already.
func (e *executor) classify(ctx context.Context, err error) *apiError {
	if pub := new(apiError); errors.As(err, &pub) { // already public, such as a resolver's limit
		return pub
	}
	for _, c := range errorCodes {
		if errors.Is(err, c.err) {
			if c.message != "" {
				return &apiError{code: c.code, message: c.message}
			}
			return &apiError{code: c.code, message: err.Error()}
		}
	}
	e.cfg.Logger.ErrorContext(ctx, "graphql request failed", "err", err)
	return &apiError{code: codeInternal, message: "internal error"}
}

// publish gives an error of a response a code and public text. Errors of resolvers go through
// classify. Of the errors graphql-go raises itself, those of the request's context ending are
// timeouts, those with a path arose while executing and are faults of the server, the depth
// limit is a cost limit, and the rest are about the query.
func (e *executor) publish(ctx context.Context, qe *gqlerrors.QueryError) {
	var pub *apiError
	switch {
	case qe.ResolverError != nil:
		pub = e.classify(ctx, qe.ResolverError)
	case qe.Extensions != nil: // already public, as panics are
		return
	case ctx.Err() != nil:
		pub = e.classify(ctx, ctx.Err())
	case len(qe.Path) > 0:
		pub = e.classify(ctx, qe)
	case qe.Rule == "MaxDepthExceeded":
		pub = &apiError{code: codeCostLimit, message: qe.Message}
	default:
		pub = &apiError{code: codeBadUserInput, message: qe.Message}
	}
	qe.Message, qe.Extensions = pub.message, pub.Extensions()
}

// panicHandler hides a resolver's panic from the client; graphql-go logs it through Config.Logger.
type panicHandler struct{}

func (panicHandler) MakePanicError(context.Context, any) *gqlerrors.QueryError {
	return (&apiError{code: codeInternal, message: "internal error"}).queryError()
}
