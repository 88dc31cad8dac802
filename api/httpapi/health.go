package httpapi

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"

	"github.com/kapgraph/kapgraph/api/gql"
	"github.com/kapgraph/kapgraph/graph"
)

// handleHealthz is the liveness probe: it answers whenever the process can
// serve HTTP at all, and never looks at the store, so that a database
// outage makes the orchestrator stop sending traffic (readyz) rather than
// restart healthy processes.
func handleHealthz() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		writeStatus(w, http.StatusOK, map[string]string{"status": "ok"})
	})
}

// handleReadyz is the readiness probe: the store must answer a ping
// within readyTimeout. The error is returned so that whoever looks at a
// failing probe sees why, and the files skipped at load (warnings) are
// listed either way, so that a graph missing a review says so; a ready
// server names its graph's version (graphVersion), the same on every
// server over one graph once each has seen the last load.
func handleReadyz(logger *slog.Logger, pinger Pinger, warnings []graph.LoadWarning, version func(context.Context) string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		ctx, cancel := context.WithTimeout(r.Context(), readyTimeout)
		defer cancel()
		if err := pinger.Ping(ctx); err != nil {
			logger.LogAttrs(r.Context(), slog.LevelWarn, "readiness check failed",
				slog.String("error", err.Error()),
				slog.String("request_id", RequestID(r.Context())))
			writeStatus(w, http.StatusServiceUnavailable,
				readiness{Status: "unavailable", Error: err.Error(), Warnings: warnings})
			return
		}
		body := readiness{Status: "ready", Warnings: warnings}
		if version != nil {
			body.GraphVersion = version(ctx)
		}
		writeStatus(w, http.StatusOK, body)
	})
}

// readiness is /readyz's answer.
type readiness struct {
	Status string `json:"status"`
	Error  string `json:"error,omitempty"`
	// Warnings are the files skipped at load, absent when none were.
	Warnings []graph.LoadWarning `json:"warnings,omitempty"`
	// GraphVersion is the graph version the server answers with, absent
	// while it is still being counted.
	GraphVersion string `json:"graphVersion,omitempty"`
}

// handleNotFound answers paths no route matches, in the same JSON shape
// as the API's other errors.
func handleNotFound() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gql.WriteError(w, http.StatusNotFound, gql.CodeNotFound, "no such path: "+r.URL.Path)
	})
}

// writeStatus writes a probe's answer as UTF-8 JSON.
func writeStatus(w http.ResponseWriter, status int, v any) {
	b, _ := json.Marshal(v) // maps of strings and readiness always encode
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}
