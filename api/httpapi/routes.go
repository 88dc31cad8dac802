package httpapi

import (
	"log/slog"
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
)

// addRoutes is the one place that says which URL does what: the whole API
// surface at a glance.
func addRoutes(
	mux *http.ServeMux,
	cfg Config,
	logger *slog.Logger,
	m *metrics,
	reg *prometheus.Registry,
	deps Deps,
) {
	adm := newAdmission(cfg.MaxInFlight, m)
	// GET and POST execute, so they queue; the endpoint answers the
	// other methods itself, without waiting.
	gql := adm.wrap(deps.GraphQL, deps.GraphQLBusy)
	mux.Handle("POST /graphql", gql)
	mux.Handle("GET /graphql", gql)
	mux.Handle("/graphql", deps.GraphQL)

	mux.Handle("GET /healthz", handleHealthz())
	mux.Handle("GET /readyz", handleReadyz(logger, deps.Pinger, deps.Warnings, deps.GraphVersion))
	mux.Handle("GET /metrics", handleMetrics(reg))

	if !cfg.DisablePlayground {
		mux.Handle("GET /{$}", handlePlayground())
		mux.Handle("GET /static/", http.StripPrefix("/static/", handleStatic()))
		if deps.Explorer != nil {
			mux.Handle("/explore", deps.Explorer)
			mux.Handle("/explore/", deps.Explorer)
		}
	}
	if deps.SDL != nil {
		mux.Handle("GET /schema.graphql", handleSDL(deps.SDL))
	}
	if deps.Export != nil {
		mux.Handle("GET /export/", deps.Export)
		// The evidence table's downloads also take a form of claim ids
		// (the explorer's Table tab); the handler refuses POST elsewhere.
		mux.Handle("POST /export/", deps.Export)
	}

	// TRAPI: POST /trapi/query, GET /trapi/meta_knowledge_graph. The
	// handlers answer other methods themselves, with 405 in TRAPI's shape.
	if deps.TRAPIQuery != nil {
		mux.Handle("/trapi/query", adm.wrap(deps.TRAPIQuery, deps.TRAPIBusy))
	}
	if deps.TRAPIMeta != nil {
		mux.Handle("/trapi/meta_knowledge_graph", deps.TRAPIMeta)
	}

	mux.Handle("/", handleNotFound())
}
