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
	t := &Transport{cacheMaxAge: cfg.CacheMaxAge, m: m}
	adm := newAdmission(cfg.MaxInFlight, m)
	gql := adm.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Do(w, r, deps.GraphQL)
	}), graphQLBusy(m))
	mux.Handle("POST /graphql", gql)
	mux.Handle("GET /graphql", gql)
	mux.Handle("/graphql", handleGraphQLMethodNotAllowed())

	mux.Handle("GET /healthz", handleHealthz())
	mux.Handle("GET /readyz", handleReadyz(logger, deps.Pinger, deps.GraphVersion))
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
