// Package server serves the knowledge graph over GraphQL: resolvers that wrap graph values read
// from a graph.Store, the HTTP handler with its limits (depth, estimated cost, fields, body
// size, page size, time), the mapping of domain errors to the codes clients see, and the
// embedded GraphiQL page. It is read-only and knows nothing of the storage engine behind the
// Store.
package server

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"slices"
	"time"

	graphql "github.com/graph-gophers/graphql-go"
	gqlerrors "github.com/graph-gophers/graphql-go/errors"
	gqllog "github.com/graph-gophers/graphql-go/log"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// Config configures the API. Store is required; other zero fields take the defaults their
// comments give.
type Config struct {
	Store          graph.Store
	Logger         *slog.Logger  // default slog.Default()
	MaxDepth       int           // deepest field nesting a query may use; default 15, what GraphiQL's introspection needs
	MaxBodyBytes   int64         // largest POST body; default 1 MiB
	MaxPageSize    int           // largest `first` a list accepts; default 100
	Timeout        time.Duration // time allowed to answer an HTTP request; default 10s
	ReadTimeout    time.Duration // time allowed to read a request, headers and body; default 10s
	MaxQueryLength int           // longest query text in bytes; default 16 KiB
	MaxCost        int           // largest estimated cost of a query (see costModel); default 20,000
	MaxFields      int           // most fields a query selects, aliases and fragments expanded; default 500
	Token          string        // when set, every HTTP request must carry "Authorization: Bearer <Token>"
	LocalOnly      bool          // answer only requests addressed (Host) to localhost or a loopback IP; see localOnly
	CORSOrigins    []string      // origins whose browsers may call the API ("*" for any); none by default
	MaxPersisted   int           // automatic persisted queries kept; default 1,000
	MaxPathNodes   int           // nodes a search for a path may reach before it gives up; default 5,000
}

// listFanOut is the length the cost estimate assumes of a list without a `first` argument.
const listFanOut = 10

func (c Config) withDefaults() Config {
	c.Logger = cmp.Or(c.Logger, slog.Default())
	c.MaxDepth = cmp.Or(c.MaxDepth, 15)
	c.MaxBodyBytes = cmp.Or(c.MaxBodyBytes, 1<<20)
	c.MaxPageSize = cmp.Or(c.MaxPageSize, 100)
	c.Timeout = cmp.Or(c.Timeout, 10*time.Second)
	c.ReadTimeout = cmp.Or(c.ReadTimeout, 10*time.Second)
	c.MaxQueryLength = cmp.Or(c.MaxQueryLength, 16<<10)
	c.MaxCost = cmp.Or(c.MaxCost, 20_000)
	c.MaxFields = cmp.Or(c.MaxFields, 500)
	c.MaxPersisted = cmp.Or(c.MaxPersisted, 1000)
	c.MaxPathNodes = cmp.Or(c.MaxPathNodes, 5000)
	return c
}

// executor runs queries against the parsed schema and turns their errors into public ones.
type executor struct {
	schema    *graphql.Schema
	cost      *costModel
	persisted *queryCache
	metrics   *metrics
	cfg       Config
}

func newExecutor(cfg Config) (*executor, error) {
	if cfg.Store == nil {
		return nil, errors.New("server config: no store")
	}
	cfg = cfg.withDefaults()
	logPanic := gqllog.LoggerFunc(func(ctx context.Context, value any) {
		cfg.Logger.ErrorContext(ctx, "graphql resolver panic", "panic", value, "stack", string(debug.Stack()))
	})
	s, err := graphql.ParseSchema(schema.String(), &queryResolver{store: cfg.Store, maxPageSize: cfg.MaxPageSize, maxPathNodes: cfg.MaxPathNodes, aggregates: newAggregateCache()},
		graphql.MaxDepth(cfg.MaxDepth),
		graphql.UseStringDescriptions(),
		graphql.Logger(logPanic),
		graphql.PanicHandler(panicHandler{}),
	)
	if err != nil {
		return nil, fmt.Errorf("parse schema: %w", err)
	}
	return &executor{
		schema:    s,
		cost:      newCostModel(s, listFanOut, cfg.MaxPageSize),
		persisted: newQueryCache(cfg.MaxPersisted),
		metrics:   newMetrics(),
		cfg:       cfg,
	}, nil
}

// exec runs one query; every error in the response carries a code and only public text.
func (e *executor) exec(ctx context.Context, query, operation string, vars map[string]any) *graphql.Response {
	if err := e.checkLength(query); err != nil {
		return &graphql.Response{Errors: []*gqlerrors.QueryError{err.queryError()}}
	}
	if refused := e.checkCost(ctx, query, operation, vars); refused != nil {
		return refused
	}
	resp := e.schema.Exec(ctx, query, operation, vars)
	for _, qe := range resp.Errors {
		e.publish(ctx, qe)
	}
	// Resolvers run concurrently and add their errors as they finish; the path makes the
	// order repeatable.
	slices.SortStableFunc(resp.Errors, func(a, b *gqlerrors.QueryError) int {
		return cmp.Compare(fmt.Sprint(a.Path...), fmt.Sprint(b.Path...))
	})
	return resp
}

// checkLength refuses a query longer than the limit.
func (e *executor) checkLength(query string) *apiError {
	if len(query) > e.cfg.MaxQueryLength {
		return &apiError{code: codeCostLimit, message: fmt.Sprintf("query is %d bytes long, over the limit of %d", len(query), e.cfg.MaxQueryLength)}
	}
	return nil
}

// checkCost refuses a query whose estimated cost or number of fields is over the limits, or
// whose fragments spread each other in a cycle, before graphql-go validates or runs it: its
// validation of a thousand aliases alone takes long. A document that cannot be read is left to
// graphql-go, whose errors say where it is wrong; one that graphql-go reads but the estimate
// cannot is refused rather than run unbounded.
func (e *executor) checkCost(ctx context.Context, query, operation string, vars map[string]any) *graphql.Response {
	doc, err := readQuery(query)
	if err != nil {
		if errs := e.schema.Validate(query); len(errs) > 0 {
			for _, qe := range errs {
				e.publish(ctx, qe)
			}
			return &graphql.Response{Errors: errs}
		}
		e.cfg.Logger.WarnContext(ctx, "cost estimate cannot read a valid query", "err", err)
		refused := &apiError{code: codeBadUserInput, message: "the server cannot estimate the cost of this query"}
		return &graphql.Response{Errors: []*gqlerrors.QueryError{refused.queryError()}}
	}
	limits := costLimits{maxCost: int64(e.cfg.MaxCost), maxFields: e.cfg.MaxFields}
	if _, refused := e.cost.estimate(doc, operation, vars, limits); refused != nil {
		return &graphql.Response{Errors: []*gqlerrors.QueryError{refused.queryError()}}
	}
	return nil
}

// Query runs a query against st with the default limits and no time limit beyond ctx's, and
// returns the result as the HTTP API would: {"data": …, "errors": […]}. The error is non-nil when
// the query could not run or the result holds errors, so that a command can exit non-zero.
func Query(ctx context.Context, st graph.Store, query string, vars map[string]any) ([]byte, error) {
	e, err := newExecutor(Config{Store: st})
	if err != nil {
		return nil, err
	}
	resp := e.exec(ctx, query, "", vars)
	out, err := json.Marshal(resp)
	if err != nil {
		return nil, fmt.Errorf("encode result: %w", err)
	}
	errs := make([]error, len(resp.Errors))
	for i, qe := range resp.Errors {
		errs[i] = fmt.Errorf("%s: %s", qe.Extensions["code"], qe.Message)
	}
	return out, errors.Join(errs...)
}
