package httpapi

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/kapgraph/kapgraph/api/gql"
)

type ctxKey int

const infoKey ctxKey = 0

// requestInfo travels in the request context from observe down to the
// handlers and back: the request id going in, the matched route coming
// out (so logs and metrics label by route, never by raw path).
type requestInfo struct {
	id    string
	route string
}

// RequestID returns the id of the request that ctx belongs to, so that
// code below the HTTP layer (resolvers, the store) can log it too. It is
// "" outside a request served by NewServer's handler.
func RequestID(ctx context.Context) string {
	if info, ok := ctx.Value(infoKey).(*requestInfo); ok {
		return info.id
	}
	return ""
}

// observe gives every request an id (the client's X-Request-ID when it is
// a sane token, so a trace can span services; a fresh one otherwise),
// echoes it in the response and puts it in the context (RequestID), and
// once the request is done writes one access-log line and the request
// metrics. Probes and scrapes log at debug level so they do not drown the
// traffic that matters.
func observe(logger *slog.Logger, m *metrics, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		info := &requestInfo{id: r.Header.Get("X-Request-ID"), route: "unmatched"}
		if !validRequestID(info.id) {
			info.id = newRequestID()
		}
		w.Header().Set("X-Request-ID", info.id)
		r = r.WithContext(context.WithValue(r.Context(), infoKey, info))

		m.inFlight.Inc()
		defer m.inFlight.Dec()
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)

		status := rec.statusCode()
		elapsed := time.Since(start)
		m.request(info.route, r.Method, status, elapsed)

		level := slog.LevelInfo
		switch info.route {
		case "/healthz", "/readyz", "/metrics":
			level = slog.LevelDebug
		}
		if status >= 500 {
			level = slog.LevelError
		}
		ctx := r.Context()
		if !logger.Enabled(ctx, level) {
			return
		}
		// The record is made here rather than by logger.LogAttrs, which
		// also walks the stack for the caller's pc (runtime.Callers, a
		// seventh of the line's cost) that no handler of ours prints.
		line := slog.NewRecord(time.Now(), level, "http request", 0)
		line.AddAttrs(
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.String("route", info.route),
			slog.Int("status", status),
			slog.Int64("bytes", rec.bytes),
			// Milliseconds, to the microsecond: readable in either log
			// format (slog's Duration is nanoseconds in JSON).
			slog.Float64("duration_ms", float64(elapsed.Microseconds())/1000),
			slog.String("request_id", info.id),
			slog.String("remote", r.RemoteAddr),
		)
		_ = logger.Handler().Handle(ctx, line) // as LogAttrs does: a failed write is not the client's problem
	})
}

// validRequestID accepts ids that are safe to echo and to log: short, and
// made of token characters only (no spaces, quotes or control bytes that
// could forge log lines or headers).
func validRequestID(id string) bool {
	if id == "" || len(id) > 128 {
		return false
	}
	for _, c := range id {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.ContainsRune("-_.:/+=", c):
		default:
			return false
		}
	}
	return true
}

func newRequestID() string {
	var b [12]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	return hex.EncodeToString(b[:])
}

// recordRoute wraps the mux to note which pattern served the request, for
// observe's labels. ServeMux sets Pattern on the request it was given, so
// it can be read once the mux is done, and even if the handler panicked.
func recordRoute(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if info, ok := r.Context().Value(infoKey).(*requestInfo); ok {
				info.route = routeLabel(r.Pattern)
			}
		}()
		mux.ServeHTTP(w, r)
	})
}

// routeLabel turns a mux pattern ("GET /healthz") into a metric label
// ("/healthz"); the catch-all "/" means no route matched.
func routeLabel(pattern string) string {
	if _, path, ok := strings.Cut(pattern, " "); ok {
		pattern = path
	}
	switch pattern {
	case "", "/":
		return "unmatched"
	case "/{$}":
		return "/"
	}
	return pattern
}

// recoverPanics turns a panic in a handler into a 500 and an error log
// with the stack, instead of a dropped connection and a crashed test.
// http.ErrAbortHandler is re-raised: it is how a handler asks net/http to
// abort the response on purpose.
func recoverPanics(logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			logger.LogAttrs(r.Context(), slog.LevelError, "panic serving request",
				slog.String("panic", fmt.Sprint(v)),
				slog.String("request_id", RequestID(r.Context())),
				slog.String("stack", string(debug.Stack())),
			)
			if rec, ok := w.(*statusRecorder); ok && rec.wroteHeader {
				// Too late for a status; make the client see a broken
				// response rather than a complete-looking one.
				panic(http.ErrAbortHandler)
			}
			gql.WriteError(w, http.StatusInternalServerError, gql.CodeInternal, "internal server error")
		}()
		next.ServeHTTP(w, r)
	})
}

// securityHeaders sets the headers every response should carry. The
// default CSP forbids everything, which suits JSON; the playground page
// replaces it with one that allows its own scripts (see handlePlayground).
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
		next.ServeHTTP(w, r)
	})
}

// CORS policy. Requests carry JSON and may carry a bearer token; no
// cookies are used, so credentials are never allowed.
const (
	corsMethods = "GET, POST, OPTIONS"
	corsHeaders = "Content-Type, Accept, X-Request-ID, Authorization"
	corsExpose  = "X-Request-ID, ETag"
	corsMaxAge  = "600"
)

// cors lets pages of the configured origins call the API. With no origins
// configured it adds nothing, and browsers keep other origins out. It
// answers preflights itself (204 when allowed, 403 when not) and never
// blocks a simple request: the browser enforces CORS on the response, and
// a cross-site form cannot send application/json, which /graphql
// requires of POSTs (415 otherwise), nor mutate with GET (405).
func cors(origins []string, next http.Handler) http.Handler {
	if len(origins) == 0 {
		return next
	}
	allowAny := slices.Contains(origins, "*")
	allowed := make(map[string]bool, len(origins))
	for _, o := range origins {
		allowed[normalizeOrigin(o)] = true
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Add("Vary", "Origin")
		origin := r.Header.Get("Origin")
		if origin == "" {
			next.ServeHTTP(w, r)
			return
		}
		ok := allowAny || allowed[normalizeOrigin(origin)]
		allowOrigin := origin
		if allowAny {
			allowOrigin = "*"
		}

		if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
			h.Add("Vary", "Access-Control-Request-Method")
			h.Add("Vary", "Access-Control-Request-Headers")
			method := r.Header.Get("Access-Control-Request-Method")
			if !ok || !slices.Contains([]string{http.MethodGet, http.MethodPost, http.MethodOptions}, method) {
				w.WriteHeader(http.StatusForbidden)
				return
			}
			h.Set("Access-Control-Allow-Origin", allowOrigin)
			h.Set("Access-Control-Allow-Methods", corsMethods)
			h.Set("Access-Control-Allow-Headers", corsHeaders)
			h.Set("Access-Control-Max-Age", corsMaxAge)
			w.WriteHeader(http.StatusNoContent)
			return
		}
		if ok {
			h.Set("Access-Control-Allow-Origin", allowOrigin)
			h.Set("Access-Control-Expose-Headers", corsExpose)
		}
		next.ServeHTTP(w, r)
	})
}

// normalizeOrigin compares origins the way browsers serialise them:
// scheme and host are case-insensitive, and there is no trailing slash.
func normalizeOrigin(o string) string {
	return strings.ToLower(strings.TrimSuffix(strings.TrimSpace(o), "/"))
}

// withTimeout puts the per-request deadline on the context, where the
// resolvers and the database driver see it and give up in time; the
// HTTP server's own timeouts only cut the connection.
func withTimeout(d time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// limitBody caps request bodies so a client cannot make the server buffer
// an arbitrary amount. A declared length over the cap is refused at once;
// an undeclared (chunked) one fails when reading passes the cap, which
// /graphql reports as 413 too. TRAPI's routes are left to the reader's
// cap, which they report as 413 in TRAPI's own error shape rather than
// GraphQL's.
func limitBody(max int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > max && !strings.HasPrefix(r.URL.Path, "/trapi/") {
			gql.WriteError(w, http.StatusRequestEntityTooLarge, gql.CodeRequestTooLarge,
				fmt.Sprintf("the request body is larger than the limit of %d bytes", max))
			return
		}
		if r.Body != nil && r.Body != http.NoBody {
			r.Body = http.MaxBytesReader(w, r.Body, max)
		}
		next.ServeHTTP(w, r)
	})
}

// statusRecorder notes what a handler wrote, for logs and metrics.
type statusRecorder struct {
	http.ResponseWriter
	status      int
	bytes       int64
	wroteHeader bool
}

func (s *statusRecorder) WriteHeader(status int) {
	if !s.wroteHeader {
		s.status, s.wroteHeader = status, true
	}
	s.ResponseWriter.WriteHeader(status)
}

func (s *statusRecorder) Write(p []byte) (int, error) {
	if !s.wroteHeader {
		s.status, s.wroteHeader = http.StatusOK, true
	}
	n, err := s.ResponseWriter.Write(p)
	s.bytes += int64(n)
	return n, err
}

func (s *statusRecorder) statusCode() int {
	if !s.wroteHeader {
		return http.StatusOK
	}
	return s.status
}

// Unwrap lets http.ResponseController reach the connection's writer
// (flush, deadlines) through the recorder.
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }
