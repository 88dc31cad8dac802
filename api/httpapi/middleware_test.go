package httpapi_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/kapgraph/kapgraph/api/gql"
	"github.com/kapgraph/kapgraph/api/httpapi"
)

// TestBodyLimit checks that bodies over Config.MaxBodyBytes are refused
// with 413 and a GraphQL-style REQUEST_TOO_LARGE error, whether the client
// declared the length or streamed it.
func TestBodyLimit(t *testing.T) {
	env := newEnv(t, httpapi.Config{MaxBodyBytes: 1024})
	big := fmt.Sprintf(`{"query":"{ __typename }","extensions":{"pad":%q}}`, strings.Repeat("x", 2048))
	small := `{"query":"{ __typename }"}`

	chunked := func(body string) *http.Request {
		r := post(t, body, "")
		r.ContentLength = -1 // as a chunked upload arrives
		r.Body = io.NopCloser(strings.NewReader(body))
		return r
	}
	tests := []struct {
		name   string
		req    *http.Request
		status int
	}{
		{"declared length over the limit", post(t, big, ""), http.StatusRequestEntityTooLarge},
		{"streamed body over the limit", chunked(big), http.StatusRequestEntityTooLarge},
		{"under the limit", post(t, small, ""), http.StatusOK},
		{"streamed under the limit", chunked(small), http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := env.do(t, tt.req)
			if w.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", w.Code, tt.status, w.Body)
			}
			if tt.status != http.StatusRequestEntityTooLarge {
				return
			}
			if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type %q", ct)
			}
			if res := decode(t, w); len(res.Errors) != 1 || res.codes()[0] != gql.CodeRequestTooLarge {
				t.Errorf("body %s, want one REQUEST_TOO_LARGE error", w.Body)
			}
		})
	}
}

// TestCORS checks preflights and simple requests for each kind of origin
// configuration.
func TestCORS(t *testing.T) {
	const good, evil = "https://app.example.org", "https://evil.example.com"
	preflight := func(origin, method, headers string) *http.Request {
		r := httptest.NewRequest(http.MethodOptions, "/graphql", nil)
		r.Header.Set("Origin", origin)
		r.Header.Set("Access-Control-Request-Method", method)
		if headers != "" {
			r.Header.Set("Access-Control-Request-Headers", headers)
		}
		return r
	}
	simple := func(origin string) *http.Request {
		r := post(t, map[string]any{"query": typenameQuery}, "")
		r.Header.Set("Origin", origin)
		return r
	}
	tests := []struct {
		name        string
		origins     []string
		req         *http.Request
		status      int
		allowOrigin string // "" means the header must be absent
		varyOrigin  bool
	}{
		{"same-origin only: no CORS headers", nil, simple(good), 200, "", false},
		{"same-origin only: preflight gets no grant", nil, preflight(good, "POST", "content-type"), 204, "", false},
		{"listed origin: preflight", []string{good}, preflight(good, "POST", "content-type, x-request-id"), 204, good, true},
		{"listed origin, other case and slash", []string{"HTTPS://App.Example.org/"}, preflight(good, "GET", ""), 204, good, true},
		{"listed origin: simple request", []string{good}, simple(good), 200, good, true},
		{"unlisted origin: preflight refused", []string{good}, preflight(evil, "POST", "content-type"), 403, "", true},
		{"unlisted origin: simple request gets no grant", []string{good}, simple(evil), 200, "", true},
		{"listed origin: method not allowed", []string{good}, preflight(good, "DELETE", ""), 403, "", true},
		{"wildcard: preflight", []string{"*"}, preflight(evil, "POST", "content-type"), 204, "*", true},
		{"wildcard: simple request", []string{"*"}, simple(evil), 200, "*", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newEnv(t, httpapi.Config{AllowedOrigins: tt.origins})
			w := env.do(t, tt.req)
			if w.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", w.Code, tt.status, w.Body)
			}
			h := w.Header()
			if got := h.Get("Access-Control-Allow-Origin"); got != tt.allowOrigin {
				t.Errorf("Access-Control-Allow-Origin %q, want %q", got, tt.allowOrigin)
			}
			vary := strings.Join(h.Values("Vary"), ", ")
			if strings.Contains(vary, "Origin") != tt.varyOrigin {
				t.Errorf("Vary %q, want Origin in it: %v", vary, tt.varyOrigin)
			}
			if tt.allowOrigin == "" || tt.req.Method != http.MethodOptions {
				if h.Get("Access-Control-Allow-Credentials") != "" {
					t.Error("credentials must never be allowed")
				}
				return
			}
			if got := h.Get("Access-Control-Allow-Methods"); got != "GET, POST, OPTIONS" {
				t.Errorf("Access-Control-Allow-Methods %q", got)
			}
			if got := h.Get("Access-Control-Allow-Headers"); got != "Content-Type, Accept, X-Request-ID, Authorization" {
				t.Errorf("Access-Control-Allow-Headers %q", got)
			}
			if h.Get("Access-Control-Max-Age") == "" {
				t.Error("preflight should be cacheable (Access-Control-Max-Age)")
			}
		})
	}
}

// TestRequestIDAndAccessLog checks that a sane client X-Request-ID is kept
// and echoed, a hostile one replaced, and that the access log carries the
// fields operators search by.
func TestRequestIDAndAccessLog(t *testing.T) {
	env := newEnv(t, httpapi.Config{})

	r := post(t, map[string]any{"query": typenameQuery}, "")
	r.Header.Set("X-Request-ID", "trace-abc.123")
	w := env.do(t, r)
	if got := w.Header().Get("X-Request-ID"); got != "trace-abc.123" {
		t.Errorf("X-Request-ID %q, want the client's", got)
	}

	for _, bad := range []string{"", "has space", strings.Repeat("a", 200), "line\nbreak", `quote"`} {
		r := get(t, map[string]string{"query": typenameQuery}, "")
		if bad != "" {
			r.Header.Set("X-Request-ID", bad)
		}
		got := env.do(t, r).Header().Get("X-Request-ID")
		if got == "" || got == bad || strings.ContainsAny(got, " \n\"") {
			t.Errorf("X-Request-ID %q for %q: want a fresh id", got, bad)
		}
	}

	var found bool
	for _, line := range env.logs.logLines(t, "http request") {
		if line["request_id"] != "trace-abc.123" {
			continue
		}
		found = true
		for field, want := range map[string]any{
			"method": "POST", "path": "/graphql", "route": "/graphql", "status": float64(200), "level": "INFO",
		} {
			if line[field] != want {
				t.Errorf("log %s = %v, want %v", field, line[field], want)
			}
		}
		if b, _ := line["bytes"].(float64); b <= 0 {
			t.Errorf("log bytes = %v", line["bytes"])
		}
		if ms, ok := line["duration_ms"].(float64); !ok || ms <= 0 || ms > 60_000 {
			t.Errorf("log duration_ms = %v, want milliseconds", line["duration_ms"])
		}
	}
	if !found {
		t.Fatalf("no access log line for the request:\n%s", env.logs)
	}
}

// TestPanicRecovery checks that a panic below the middleware becomes a
// logged 500 with a JSON body, and the server keeps serving: one in a
// handler of this package (the readiness probe's store ping), and one in
// the GraphQL endpoint around an operation, which the endpoint recovers
// itself, in its own media type.
func TestPanicRecovery(t *testing.T) {
	for _, tc := range []struct {
		name     string
		req      func() *http.Request
		logMsg   string
		wantType string
	}{
		{"handler", func() *http.Request { return httptest.NewRequest(http.MethodGet, "/readyz", nil) },
			"panic serving request", "application/json; charset=utf-8"},
		{"graphql operation", func() *http.Request {
			r := post(t, map[string]any{"query": typenameQuery}, "application/graphql-response+json")
			r.Header.Set("X-Test-Panic", "1")
			return r
		}, "graphql resolver panic", "application/graphql-response+json; charset=utf-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := newEnv(t, httpapi.Config{},
				withPinger(func(context.Context) error { panic("resolver blew up") }),
				aroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
					if graphql.GetOperationContext(ctx).Headers.Get("X-Test-Panic") != "" {
						panic("resolver blew up")
					}
					return next(ctx)
				}))
			w := env.do(t, tc.req())
			if w.Code != http.StatusInternalServerError {
				t.Fatalf("status %d, want 500", w.Code)
			}
			if ct := w.Header().Get("Content-Type"); ct != tc.wantType {
				t.Errorf("Content-Type %q, want %q", ct, tc.wantType)
			}
			if cc := w.Header().Get("Cache-Control"); cc != "no-store" {
				t.Errorf("Cache-Control %q, want no-store", cc)
			}
			if res := decode(t, w); len(res.Errors) != 1 || res.codes()[0] != gql.CodeInternal {
				t.Errorf("body %s", w.Body)
			}
			if strings.Contains(w.Body.String(), "blew up") {
				t.Error("the panic value must not reach the client")
			}
			panics := env.logs.logLines(t, tc.logMsg)
			if len(panics) != 1 || !strings.Contains(fmt.Sprint(panics[0]["panic"]), "resolver blew up") || panics[0]["stack"] == "" {
				t.Errorf("panic log: %v", panics)
			}
			access := env.logs.logLines(t, "http request")
			if len(access) != 1 || access[0]["status"] != float64(500) || access[0]["level"] != "ERROR" {
				t.Errorf("access log of the panic: %v", access)
			}
			if w := env.do(t, post(t, map[string]any{"query": typenameQuery}, "")); w.Code != 200 {
				t.Errorf("after a panic: status %d", w.Code)
			}
		})
	}
}

// TestRequestTimeout checks that the per-request deadline is on the
// context the GraphQL handler (and so the store) receives.
func TestRequestTimeout(t *testing.T) {
	var deadline time.Time
	var hasDeadline bool
	env := newEnv(t, httpapi.Config{RequestTimeout: 3 * time.Second}, aroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		deadline, hasDeadline = ctx.Deadline()
		return next(ctx)
	}))
	start := time.Now()
	env.do(t, post(t, map[string]any{"query": typenameQuery}, ""))
	end := time.Now()
	if !hasDeadline {
		t.Fatal("the GraphQL operation's context has no deadline")
	}
	if deadline.Before(start.Add(3*time.Second)) || deadline.After(end.Add(3*time.Second)) {
		t.Errorf("deadline %v after the request started, want 3s", deadline.Sub(start))
	}

	// The default applies when the knob is unset.
	env = newEnv(t, httpapi.Config{}, aroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		deadline, hasDeadline = ctx.Deadline()
		return next(ctx)
	}))
	start = time.Now()
	env.do(t, post(t, map[string]any{"query": typenameQuery}, ""))
	end = time.Now()
	if !hasDeadline || deadline.Before(start.Add(httpapi.DefaultRequestTimeout)) || deadline.After(end.Add(httpapi.DefaultRequestTimeout)) {
		t.Errorf("default deadline %v after the request started, want %v", deadline.Sub(start), httpapi.DefaultRequestTimeout)
	}
}

// TestSecurityHeaders checks the headers every kind of response carries.
func TestSecurityHeaders(t *testing.T) {
	env := newEnv(t, httpapi.Config{})
	for _, path := range []string{"/", "/healthz", "/metrics", "/static/playground.js", "/nope", "/graphql?query=%7B__typename%7D"} {
		w := env.do(t, httptest.NewRequest(http.MethodGet, path, nil))
		h := w.Header()
		if h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: X-Content-Type-Options %q", path, h.Get("X-Content-Type-Options"))
		}
		if h.Get("Referrer-Policy") == "" {
			t.Errorf("%s: no Referrer-Policy", path)
		}
		if !strings.Contains(h.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
			t.Errorf("%s: CSP %q", path, h.Get("Content-Security-Policy"))
		}
	}
}

// TestNotFound checks that unknown paths get a JSON 404.
func TestNotFound(t *testing.T) {
	env := newEnv(t, httpapi.Config{})
	w := env.do(t, httptest.NewRequest(http.MethodGet, "/no/such/path", nil))
	if w.Code != 404 || decode(t, w).codes()[0] != gql.CodeNotFound {
		t.Errorf("status %d, body %s", w.Code, w.Body)
	}
}
