// Package app is the one place that assembles kapgraph's HTTP server from
// its parts: the GraphQL endpoint (gql) over the executable schema of a
// store (resolvers, with its dataloaders), the HTTP surface around it
// (httpapi), TRAPI, the explorer and the exports. `kapgraph serve`, the benchmark harness, the
// reliability tests and every end-to-end test build their server here, so
// what they measure and test is what users run.
package app

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"slices"

	"github.com/prometheus/client_golang/prometheus"
	"go.opentelemetry.io/otel/trace"

	"github.com/kapgraph/kapgraph/api/export"
	"github.com/kapgraph/kapgraph/api/gql"
	"github.com/kapgraph/kapgraph/api/httpapi"
	"github.com/kapgraph/kapgraph/api/trapi"
	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/traced"
	"github.com/kapgraph/kapgraph/resolvers"
	"github.com/kapgraph/kapgraph/resolvers/batch"
	"github.com/kapgraph/kapgraph/schema"
	"github.com/kapgraph/kapgraph/ui/explorer"
)

// Config is everything a server can be told; the zero value is the
// default server (see httpapi.Config, gql.Options and batch.Options for
// each knob's default).
type Config struct {
	// HTTP configures the HTTP surface: CORS, body size, request
	// deadline, admission, playground, caching.
	HTTP httpapi.Config
	// GraphQL configures the GraphQL endpoint: limits, caching, further
	// extensions. Its Logger, when nil, is the server's logger; its
	// Registry is always Registry.
	GraphQL gql.Options
	// Batch tunes the dataloaders each operation gets.
	Batch batch.Options
	// Registry receives the server's metrics and is what /metrics
	// exposes; nil makes a private one.
	Registry *prometheus.Registry
	// Tracer receives one span tree per request: the HTTP request (named
	// by route, with the GraphQL operation's name and complexity), each
	// store call under it and each Neo4j statement under that. Nil
	// traces nothing (and costs nothing).
	Tracer trace.TracerProvider
	// Warnings name the input files left out of the graph (see
	// graph.LoadWarning): /readyz and the API's `warnings` list them.
	Warnings []graph.LoadWarning
}

// NewServer returns kapgraph's whole HTTP surface over store. logger
// receives access logs, server errors and recovered panics; nil discards.
func NewServer(cfg Config, store graph.Store, logger *slog.Logger) http.Handler {
	if logger == nil {
		logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	reg := cfg.Registry
	if reg == nil {
		reg = prometheus.NewRegistry()
	}
	gqlOpts := cfg.GraphQL
	if gqlOpts.Logger == nil {
		gqlOpts.Logger = logger
	}
	gqlOpts.Registry = reg
	if cfg.Tracer != nil {
		store = traced.Wrap(store, cfg.Tracer)
		gqlOpts.Extensions = append(slices.Clip(gqlOpts.Extensions), resolvers.NewTracing())
	}
	var sdl []byte
	if gqlOpts.Limits.Introspection {
		// The SDL is embedded, so reading it cannot fail at run time;
		// if it ever did, the route is left out rather than the server.
		if b, err := schema.SDL(); err == nil {
			sdl = b
		} else {
			logger.Error("schema: reading the SDL", "err", err)
		}
	}
	tr := trapi.NewHandlers(store, logger)
	graphQL := gql.New(resolvers.NewExecutableSchema(store, cfg.Batch, cfg.Warnings), gqlOpts)
	return httpapi.NewServer(cfg.HTTP, httpapi.Deps{
		GraphQL:     graphQL,
		GraphQLBusy: graphQL.Busy(),
		Pinger:      store,
		Warnings:    cfg.Warnings,
		GraphVersion: func(ctx context.Context) string {
			f, err := store.FanOut(ctx)
			if err != nil || f == nil {
				return "" // still being counted: unknown
			}
			return f.Version
		},
		Logger:     logger,
		Registry:   reg,
		Explorer:   explorer.Handler(),
		Export:     export.Handler(store),
		SDL:        sdl,
		Tracer:     cfg.Tracer,
		TRAPIQuery: tr.Query(),
		TRAPIMeta:  tr.MetaKnowledgeGraph(),
		TRAPIBusy:  tr.Busy(),
	})
}
