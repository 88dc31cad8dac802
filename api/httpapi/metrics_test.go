package httpapi_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/kapgraph/kapgraph/api/httpapi"
	"github.com/kapgraph/kapgraph/internal/app"
)

// TestMetrics checks that /metrics exposes the request, operation,
// in-flight and runtime series after some traffic.
func TestMetrics(t *testing.T) {
	env := newEnv(t, httpapi.Config{})
	env.do(t, post(t, map[string]any{"query": `query Typename { __typename }`, "operationName": "Typename"}, ""))
	env.do(t, post(t, map[string]any{"query": `query Typename { __typename }`, "operationName": "Typename"}, ""))
	env.do(t, post(t, map[string]any{"query": validationError}, ""))
	env.do(t, get(t, map[string]string{"query": `query ViaGet { __typename }`}, ""))
	env.do(t, httptest.NewRequest(http.MethodGet, "/healthz", nil))
	env.do(t, httptest.NewRequest(http.MethodGet, "/no/such/path", nil))

	w := env.do(t, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if w.Code != 200 {
		t.Fatalf("status %d", w.Code)
	}
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
		t.Errorf("Content-Type %q, want the Prometheus text format", ct)
	}
	body := w.Body.String()
	for _, want := range []string{
		`kapgraph_http_requests_total{method="POST",route="/graphql",status="200"} 3`,
		`kapgraph_http_requests_total{method="GET",route="/graphql",status="200"} 1`,
		`kapgraph_http_requests_total{method="GET",route="/healthz",status="200"} 1`,
		`kapgraph_http_requests_total{method="GET",route="unmatched",status="404"} 1`,
		`kapgraph_http_request_duration_seconds_bucket{method="POST",route="/graphql",status="200",le="+Inf"} 3`,
		`kapgraph_http_request_duration_seconds_count{method="GET",route="/healthz",status="200"} 1`,
		`kapgraph_graphql_operations_total{code="OK",operation="Typename"} 2`,
		`kapgraph_graphql_operations_total{code="OK",operation="ViaGet"} 1`,
		`kapgraph_graphql_operations_total{code="GRAPHQL_VALIDATION_FAILED",operation="anonymous"} 1`,
		// The scrape itself is in flight while it is exposed.
		`kapgraph_http_requests_in_flight 1`,
		`go_goroutines `,
		`go_memstats_alloc_bytes `,
		`process_`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	if t.Failed() {
		t.Logf("exposition:\n%s", grep(body, "kapgraph_"))
	}
}

// TestMetricsOperationLabelsBounded checks that client-chosen operation
// names cannot grow the label set without bound.
func TestMetricsOperationLabelsBounded(t *testing.T) {
	env := newEnv(t, httpapi.Config{})
	for i := range 250 {
		name := "Op" + strings.Repeat("x", i%50) + string(rune('A'+i/50))
		env.do(t, post(t, map[string]any{"query": "query " + name + " { __typename }", "operationName": name}, ""))
	}
	env.do(t, post(t, map[string]any{"query": typenameQuery, "operationName": "not a name!"}, ""))
	body := env.do(t, httptest.NewRequest(http.MethodGet, "/metrics", nil)).Body.String()
	if n := strings.Count(body, "kapgraph_graphql_operations_total{"); n > 202 {
		t.Errorf("%d operation series; want at most 200 names plus other", n)
	}
	if !strings.Contains(body, `operation="other"`) {
		t.Error("names past the bound should count as other")
	}
}

// TestMetricsSharedRegistry checks that the registry may already hold the
// runtime collectors (cmd/ registers them itself) or a previous server's
// instruments (tests, a restart in process): both servers then share them.
func TestMetricsSharedRegistry(t *testing.T) {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	store := seededStore(t)
	cfg := app.Config{Registry: reg}
	first := app.NewServer(cfg, store, nil)
	second := app.NewServer(cfg, store, nil)
	for _, h := range []http.Handler{first, second} {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/healthz", nil))
	}
	w := httptest.NewRecorder()
	second.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if want := `kapgraph_http_requests_total{method="GET",route="/healthz",status="200"} 2`; !strings.Contains(w.Body.String(), want) {
		t.Errorf("metrics lack %s", want)
	}
	if n := strings.Count(w.Body.String(), "# TYPE go_goroutines "); n != 1 {
		t.Errorf("go_goroutines exposed %d times", n)
	}
}

func grep(s, substr string) string {
	var b strings.Builder
	for line := range strings.Lines(s) {
		if strings.Contains(line, substr) {
			b.WriteString(line)
		}
	}
	return b.String()
}
