// Package httpapi is kapgraph's HTTP server: it routes to the GraphQL
// endpoint and the other APIs, and adds what an operator needs around them
// (health and readiness probes, Prometheus metrics, access logs, an
// admission queue, limits, CORS, security headers) and what a person
// needs in front of them (the GraphiQL playground, served from the binary).
//
// GraphQL itself (transports, limits, errors, the schema and resolvers) is
// not this package's concern: it takes the endpoint as a plain
// http.Handler (Deps.GraphQL, built by package gql), so it can be tested
// and reasoned about as HTTP alone.
package httpapi

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"go.opentelemetry.io/otel/trace"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/kapgraph/kapgraph/graph"
)

// Defaults applied by NewServer to zero fields of Config.
const (
	DefaultMaxBodyBytes   = 1 << 20 // 1 MiB: far above any real query, far below a memory problem
	DefaultRequestTimeout = 10 * time.Second
	DefaultMaxInFlight    = 32
	// readyTimeout bounds the store ping of /readyz, so a hung database
	// makes the probe fail rather than hang the prober.
	readyTimeout = 2 * time.Second
)

// Config holds the server's knobs. The zero value is a safe default:
// same-origin only, 1 MiB bodies, 10 s per request, playground on.
type Config struct {
	// AllowedOrigins lists the origins (scheme://host[:port]) whose pages
	// may call the API from a browser. Empty means same-origin only: no
	// CORS header is ever sent. "*" allows every origin and must be
	// asked for explicitly.
	AllowedOrigins []string
	// MaxBodyBytes caps a request body; larger requests get 413
	// REQUEST_TOO_LARGE before any parsing. Default 1 MiB.
	MaxBodyBytes int64
	// RequestTimeout is the deadline put on every request's context, so
	// that it reaches the resolvers and the database driver. Default 10 s.
	// Keep the http.Server's WriteTimeout above it (see ServeOptions).
	RequestTimeout time.Duration
	// DisablePlayground turns off GraphiQL at / and its assets under
	// /static/ (for deployments that want the API alone).
	DisablePlayground bool
	// MaxInFlight caps the GraphQL requests and TRAPI queries executing
	// at once (one queue); the rest wait their turn, first come first
	// served, until their deadline (then 503). Default
	// DefaultMaxInFlight; negative means no cap. See admission.
	MaxInFlight int
}

// withDefaults fills zero fields, so the rest of the package never has to
// ask whether a knob was set.
func (c Config) withDefaults() Config {
	if c.MaxBodyBytes <= 0 {
		c.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if c.RequestTimeout <= 0 {
		c.RequestTimeout = DefaultRequestTimeout
	}
	if c.MaxInFlight == 0 {
		c.MaxInFlight = DefaultMaxInFlight
	}
	origins := make([]string, 0, len(c.AllowedOrigins))
	for _, o := range c.AllowedOrigins {
		if o = strings.TrimSpace(o); o != "" {
			origins = append(origins, o)
		}
	}
	c.AllowedOrigins = origins
	return c
}

// Pinger is what readiness needs from the store: graph.Store satisfies it.
type Pinger interface {
	Ping(ctx context.Context) error
}

// Deps are the server's collaborators, passed in rather than reached for so
// that tests and cmd/ decide what backs them.
type Deps struct {
	// GraphQL is the GraphQL endpoint (gql.New), served at /graphql;
	// GET and POST go through the admission queue (MaxInFlight), and
	// GraphQLBusy answers one whose deadline passed there.
	GraphQL     http.Handler
	GraphQLBusy http.Handler
	// Pinger tells /readyz whether the store answers.
	Pinger Pinger
	// Warnings name the input files left out of the graph; /readyz lists
	// them in its details (still ready: the rest of the graph serves).
	Warnings []graph.LoadWarning
	// GraphVersion names the version of the graph the server answers
	// and prices queries with (the store's FanOut), which /readyz
	// reports so that an operator running several servers over one graph
	// sees each one pick up a load; nil, or "" while it is unknown,
	// leaves it out.
	GraphVersion func(ctx context.Context) string
	// Logger receives access logs and recovered panics; nil discards.
	Logger *slog.Logger
	// Registry receives the server's metrics and is what /metrics
	// exposes; nil makes a private one.
	Registry *prometheus.Registry
	// Explorer serves the interactive graph page at /explore (switched
	// off with the playground); nil leaves it out.
	Explorer http.Handler
	// Export serves the graph as files under /export/; nil leaves it out.
	Export http.Handler
	// Tracer receives the spans of every request (the root span here;
	// the executor and the store add theirs below it); nil traces nothing.
	Tracer trace.TracerProvider
	// SDL is the schema's text, served at /schema.graphql for client
	// code generators; nil leaves the route out (as when introspection
	// is off: the SDL says no less than introspection would).
	SDL []byte
	// TRAPIQuery and TRAPIMeta serve the Translator Reasoner API
	// (package trapi) at POST /trapi/query and GET
	// /trapi/meta_knowledge_graph; nil leaves the routes out.
	// TRAPIQuery shares GraphQL's admission queue (MaxInFlight);
	// TRAPIBusy answers a query whose deadline passed in that queue.
	TRAPIQuery http.Handler
	TRAPIMeta  http.Handler
	TRAPIBusy  http.Handler
}

// NewServer builds the whole HTTP surface of kapgraph as one handler: the
// routes (routes.go) wrapped in the middleware every request goes through.
// It panics when Deps lacks GraphQL or Pinger, which is a wiring bug, not
// a runtime condition.
func NewServer(cfg Config, deps Deps) http.Handler {
	if deps.GraphQL == nil {
		panic("httpapi.NewServer: Deps.GraphQL is nil")
	}
	if deps.Pinger == nil {
		panic("httpapi.NewServer: Deps.Pinger is nil")
	}
	cfg = cfg.withDefaults()
	logger := deps.Logger
	if logger == nil {
		logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	reg := deps.Registry
	if reg == nil {
		reg = prometheus.NewRegistry()
	}
	m := newMetrics(reg)

	mux := http.NewServeMux()
	addRoutes(mux, cfg, logger, m, reg, deps)

	// Outermost first: observe sees every request, including those that
	// panic (recoverPanics turns them into 500s before observe logs them)
	// and those the limits refuse.
	var h http.Handler = recordRoute(mux)
	h = limitBody(cfg.MaxBodyBytes, h)
	h = withTimeout(cfg.RequestTimeout, h)
	h = cors(cfg.AllowedOrigins, h)
	h = securityHeaders(h)
	h = recoverPanics(logger, h)
	h = traceRequests(deps.Tracer, h)
	h = observe(logger, m, h)
	return h
}
