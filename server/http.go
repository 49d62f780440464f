package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	graphql "github.com/graph-gophers/graphql-go"
	gqlerrors "github.com/graph-gophers/graphql-go/errors"

	"github.com/kgraph/kg/server/graphiql"
)

// New returns the HTTP handler of the API: POST and GET /graphql, the GraphiQL page at /, its
// assets under /assets/, GET /healthz and GET /metrics. Answers are gzipped for clients that
// accept it; cfg.CORSOrigins may call it from browsers; with cfg.Token, every request must bear
// the token; with cfg.LocalOnly, every request must be addressed to a loopback host.
func New(cfg Config) (http.Handler, error) {
	e, err := newExecutor(cfg)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/graphql", e)
	mux.HandleFunc("GET /{$}", graphiql.Page)
	// One file name, not a subtree: the asset folder is flat, and its listing is no one's business.
	mux.Handle("GET /assets/{file}", graphiql.Assets())
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	mux.Handle("GET /metrics", e.metrics.handler(e.cfg.Store))
	return e.metrics.instrument(localOnly(e.cfg.LocalOnly, allowOrigins(e.cfg.CORSOrigins, requireToken(e.cfg.Token, compress(mux))))), nil
}

// NewHTTPServer returns an http.Server of the handler New returns, with timeouts that keep
// slow clients from holding connections: a request's headers and body must arrive within
// cfg.ReadTimeout, and its answer leave within cfg.Timeout plus the same again.
func NewHTTPServer(cfg Config) (*http.Server, error) {
	h, err := New(cfg)
	if err != nil {
		return nil, err
	}
	cfg = cfg.withDefaults()
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: cfg.ReadTimeout,
		ReadTimeout:       cfg.ReadTimeout,
		WriteTimeout:      cfg.Timeout + cfg.ReadTimeout,
		IdleTimeout:       time.Minute,
		ErrorLog:          slog.NewLogLogger(cfg.Logger.Handler(), slog.LevelWarn),
	}, nil
}

// request is a GraphQL request as POST bodies and GET parameters carry it.
type request struct {
	Query         string         `json:"query"`
	Variables     map[string]any `json:"variables"`
	OperationName string         `json:"operationName"`
	Extensions    extensions     `json:"extensions"`
}

// extensions are the extensions of a request that the server reads.
type extensions struct {
	PersistedQuery *persistedQuery `json:"persistedQuery"`
}

// ServeHTTP answers a GraphQL request within the configured time. A query that runs answers
// 200 whatever errors it holds; a request that cannot be read answers 4xx with a JSON error.
func (e *executor) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	req, status, err := e.readRequest(w, r)
	if err != nil {
		e.respond(w, status, &graphql.Response{Errors: []*gqlerrors.QueryError{err.queryError()}})
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), e.cfg.Timeout)
	defer cancel()
	e.respond(w, http.StatusOK, e.exec(ctx, req.Query, req.OperationName, req.Variables))
}

// respond writes a response and counts its errors by code.
func (e *executor) respond(w http.ResponseWriter, status int, resp *graphql.Response) {
	codes := make([]string, len(resp.Errors))
	for i, qe := range resp.Errors {
		codes[i], _ = qe.Extensions["code"].(string)
	}
	e.metrics.countErrors(codes)
	writeJSON(w, status, resp)
}

// readRequest reads a request from a POST body or GET parameters, or says why it cannot.
func (e *executor) readRequest(w http.ResponseWriter, r *http.Request) (request, int, *apiError) {
	var req request
	switch r.Method {
	case http.MethodPost:
		err := json.NewDecoder(http.MaxBytesReader(w, r.Body, e.cfg.MaxBodyBytes)).Decode(&req)
		if tooLarge := new(http.MaxBytesError); errors.As(err, &tooLarge) {
			return req, http.StatusRequestEntityTooLarge, &apiError{code: codeCostLimit, message: fmt.Sprintf("request body is over the limit of %d bytes", tooLarge.Limit)}
		}
		if err != nil {
			return req, http.StatusBadRequest, &apiError{code: codeBadUserInput, message: "request body is not a JSON object with a query string"}
		}
	case http.MethodGet:
		p := r.URL.Query()
		req.Query, req.OperationName = p.Get("query"), p.Get("operationName")
		if v := p.Get("variables"); v != "" {
			if err := json.Unmarshal([]byte(v), &req.Variables); err != nil {
				return req, http.StatusBadRequest, &apiError{code: codeBadUserInput, message: "variables are not a JSON object"}
			}
		}
		if v := p.Get("extensions"); v != "" {
			if err := json.Unmarshal([]byte(v), &req.Extensions); err != nil {
				return req, http.StatusBadRequest, &apiError{code: codeBadUserInput, message: "extensions are not a JSON object"}
			}
		}
	default:
		w.Header().Set("Allow", "GET, POST")
		return req, http.StatusMethodNotAllowed, &apiError{code: codeBadUserInput, message: r.Method + " is not allowed; use GET or POST"}
	}
	// A query too long to run is not kept as a persisted query either.
	if err := e.checkLength(req.Query); err != nil {
		return req, http.StatusOK, err
	}
	if err := e.persisted.resolve(&req); err != nil {
		return req, http.StatusOK, err
	}
	if req.Query == "" {
		return req, http.StatusBadRequest, &apiError{code: codeBadUserInput, message: "no query"}
	}
	return req, 0, nil
}

func writeJSON(w http.ResponseWriter, status int, resp *graphql.Response) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(resp) // the client may have gone; nothing to do about a failed write
}
