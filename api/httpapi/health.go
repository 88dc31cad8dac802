package httpapi

import (
	"context"
	"log/slog"
	"net/http"
)

// handleHealthz is the liveness probe: it answers whenever the process can
// serve HTTP at all, and never looks at the store, so that a database
// outage makes the orchestrator stop sending traffic (readyz) rather than
// restart healthy processes.
func handleHealthz() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		writeJSON(w, http.StatusOK, mediaJSON, map[string]string{"status": "ok"})
	})
}

// handleReadyz is the readiness probe: the store must answer a ping
// within readyTimeout. The error is returned so that whoever looks at a
// failing probe sees why; a ready server names its graph's version
// (graphVersion), the same on every server over one graph once each has
// seen the last load.
func handleReadyz(logger *slog.Logger, pinger Pinger, version func(context.Context) string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		ctx, cancel := context.WithTimeout(r.Context(), readyTimeout)
		defer cancel()
		if err := pinger.Ping(ctx); err != nil {
			logger.LogAttrs(r.Context(), slog.LevelWarn, "readiness check failed",
				slog.String("error", err.Error()),
				slog.String("request_id", RequestID(r.Context())))
			writeJSON(w, http.StatusServiceUnavailable, mediaJSON,
				map[string]string{"status": "unavailable", "error": err.Error()})
			return
		}
		body := map[string]string{"status": "ready"}
		if version != nil {
			if v := version(ctx); v != "" {
				body["graphVersion"] = v
			}
		}
		writeJSON(w, http.StatusOK, mediaJSON, body)
	})
}

// handleNotFound answers paths no route matches, in the same JSON shape
// as the API's other errors.
func handleNotFound() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeGraphQLError(w, http.StatusNotFound, mediaJSON, CodeNotFound, "no such path: "+r.URL.Path)
	})
}
