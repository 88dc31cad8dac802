// Package gql is kapgraph's GraphQL endpoint as one http.Handler: gqlgen's
// handler.Server over the executable schema (package resolvers), with
//   - the GraphQL-over-HTTP transports (transport.go): POST, GET, and an
//     answer for every other method, each negotiating the response's
//     media type (negotiate.go);
//   - the limits (limits.go and the files it names), installed as
//     executor extensions, trusted documents and automatic persisted
//     queries among them;
//   - the query cache the limits fill and the executor reads;
//   - the one error presenter (errors.go) and every error code
//     (codes.go), defined once;
//   - the operation metrics (kapgraph_graphql_operations_total).
//
// It knows nothing of the store or the resolvers beyond the
// graphql.ExecutableSchema it is given, and nothing of the server around
// it (routes, admission, middleware: package httpapi).
package gql

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/kapgraph/kapgraph/graph"
)

// DefaultCacheMaxAge is the max-age of successful GET query responses
// when Options.CacheMaxAge is zero.
const DefaultCacheMaxAge = 60 * time.Second

// Options configure New. Zero values take the defaults.
type Options struct {
	// Limits are the request limits (depth, complexity, structure,
	// introspection, persisted and trusted documents).
	Limits Limits
	// Logger receives internal errors and recovered panics. Default: a
	// logger that discards.
	Logger *slog.Logger
	// Extensions are further executor extensions (tracing, operation
	// hooks), run after the limits: they only ever see operations that
	// passed them.
	Extensions []graphql.HandlerExtension
	// CacheMaxAge is the max-age of successful GET query responses.
	// Default DefaultCacheMaxAge; negative disables caching (every
	// response no-store).
	CacheMaxAge time.Duration
	// Registry receives the operation counter; nil counts nothing.
	Registry prometheus.Registerer
}

// Handler is the GraphQL endpoint: serve it at /graphql.
type Handler struct {
	*handler.Server
	m *metrics
}

// New returns the GraphQL endpoint for es: gqlgen's handler.New(es) with
// kapgraph's transports, limits, query cache, error presenter and a
// recover function that logs a resolver's panic and answers
// INTERNAL_SERVER_ERROR.
func New(es graphql.ExecutableSchema, o Options) *Handler {
	lo := o.Limits.WithDefaults()
	log := o.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	maxAge := o.CacheMaxAge
	if maxAge == 0 {
		maxAge = DefaultCacheMaxAge
	}
	m := newMetrics(o.Registry)
	w := &responder{cacheMaxAge: maxAge, m: m}

	srv := handler.New(es)
	srv.AddTransport(POST{w})
	srv.AddTransport(GET{w})
	srv.AddTransport(otherMethods{})
	queries := lru.New[*ast.QueryDocument](lo.CacheSize)
	srv.SetQueryCache(queries)
	// The executor's own parse stops at the same token limit, in case a
	// query ever reaches it without passing the structural limits.
	srv.SetParserTokenLimit(lo.MaxTokens)
	for _, ext := range limitExtensions(lo, es.Schema(), queries) {
		srv.Use(ext)
	}
	for _, ext := range o.Extensions {
		srv.Use(ext)
	}
	srv.SetErrorPresenter(func(ctx context.Context, err error) *gqlerror.Error {
		e := ErrorPresenter(ctx, err)
		if IsServerFault(e) {
			log.ErrorContext(ctx, "graphql server error", "code", e.Extensions["code"], "path", e.Path.String(), "error", err)
		}
		return e
	})
	srv.SetRecoverFunc(func(ctx context.Context, p any) error {
		log.ErrorContext(ctx, "graphql resolver panic", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		return graph.Errorf(graph.EINTERNAL, "panic: %v", p)
	})
	return &Handler{Server: srv, m: m}
}

// Busy is GraphQL's answer to a request that waited past its deadline for
// its turn to execute (httpapi's admission queue): 503 TIMEOUT in the
// media type the request asked for.
func (h *Handler) Busy() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mediaType, ok := negotiate(r.Header.Values("Accept"))
		if !ok {
			mediaType = mediaJSON
		}
		h.m.operation(r.URL.Query().Get("operationName"), CodeTimeout)
		writeError(w, http.StatusServiceUnavailable, mediaType, CodeTimeout,
			"the server is busy: the request's deadline passed while it waited for its turn; retry later")
	})
}
