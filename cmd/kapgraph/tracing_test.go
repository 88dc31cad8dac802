package main

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	coltracepb "go.opentelemetry.io/proto/otlp/collector/trace/v1"
	"google.golang.org/protobuf/proto"
)

// With OTEL_EXPORTER_OTLP_ENDPOINT set, serve exports its spans by OTLP
// over HTTP to that collector, flushing them when it shuts down.
func TestServeExportsTracesByOTLP(t *testing.T) {
	var mu sync.Mutex
	var spanNames []string
	collector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if r.URL.Path != "/v1/traces" || r.Header.Get("Content-Type") != "application/x-protobuf" {
			t.Errorf("collector got %s %s (%s)", r.Method, r.URL.Path, r.Header.Get("Content-Type"))
		}
		var req coltracepb.ExportTraceServiceRequest
		if err := proto.Unmarshal(body, &req); err != nil {
			t.Errorf("not an OTLP trace export: %v", err)
		}
		mu.Lock()
		for _, rs := range req.ResourceSpans {
			for _, ss := range rs.ScopeSpans {
				for _, sp := range ss.Spans {
					spanNames = append(spanNames, sp.Name)
					for _, kv := range sp.Attributes {
						if kv.Key == "graphql.operation.name" {
							spanNames = append(spanNames, sp.Name+" operation "+kv.Value.GetStringValue())
						}
					}
				}
			}
		}
		mu.Unlock()
		w.Header().Set("Content-Type", "application/x-protobuf")
		w.WriteHeader(http.StatusOK)
	}))
	defer collector.Close()

	t.Run("serve", func(t *testing.T) {
		base := startServe(t, map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": collector.URL, "OTEL_SERVICE_NAME": "kapgraph-test"})
		postQuery(t, base, `query Traced { stats { nodes } }`)
	}) // serve shuts down here, flushing its spans

	mu.Lock()
	defer mu.Unlock()
	joined := strings.Join(spanNames, ", ")
	for _, want := range []string{"POST /graphql", "POST /graphql operation Traced", "store.Stats"} {
		if !strings.Contains(joined, want) {
			t.Errorf("exported spans [%s] lack %q", joined, want)
		}
	}
}

func TestTracerFromEnv(t *testing.T) {
	for _, tc := range []struct {
		name  string
		env   map[string]string
		on    bool
		usage bool
	}{
		{"nothing set", nil, false, false},
		{"endpoint", map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:4318"}, true, false},
		{"traces endpoint", map[string]string{"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://127.0.0.1:4318/v1/traces"}, true, false},
		{"sdk disabled", map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://x:4318", "OTEL_SDK_DISABLED": "true"}, false, false},
		{"exporter none", map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://x:4318", "OTEL_TRACES_EXPORTER": "none"}, false, false},
		{"grpc asked", map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://x:4317", "OTEL_EXPORTER_OTLP_PROTOCOL": "grpc"}, false, true},
		{"zipkin asked", map[string]string{"OTEL_TRACES_EXPORTER": "zipkin"}, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tp, err := tracerFromEnv(t.Context(), envFunc(tc.env))
			var ue usageError
			if tc.usage != errors.As(err, &ue) {
				t.Fatalf("err = %v, want a usage error: %v", err, tc.usage)
			}
			if (tp != nil) != tc.on {
				t.Fatalf("tracing on: %v, want %v", tp != nil, tc.on)
			}
			if tp != nil {
				tp.Shutdown(t.Context())
			}
		})
	}
}

// Tracing on samples every request (app.TraceSampler) unless the operator
// names a sampler, which the SDK then reads from the environment.
func TestTracerSampler(t *testing.T) {
	for _, tc := range []struct {
		sampler string
		sampled bool
	}{
		{"", true},
		{"always_off", false},
		{"traceidratio", false}, // OTEL_TRACES_SAMPLER_ARG 0 below: none
	} {
		t.Run("sampler="+tc.sampler, func(t *testing.T) {
			env := map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:4318"}
			if tc.sampler != "" {
				env["OTEL_TRACES_SAMPLER"] = tc.sampler
				t.Setenv("OTEL_TRACES_SAMPLER", tc.sampler)
				t.Setenv("OTEL_TRACES_SAMPLER_ARG", "0")
			}
			tp, err := tracerFromEnv(t.Context(), envFunc(env))
			if err != nil || tp == nil {
				t.Fatalf("tracerFromEnv: %v, %v", tp, err)
			}
			defer tp.Shutdown(t.Context())
			_, span := tp.Tracer("test").Start(t.Context(), "request")
			defer span.End()
			if got := span.SpanContext().IsSampled(); got != tc.sampled {
				t.Errorf("a root span is sampled: %v, want %v", got, tc.sampled)
			}
		})
	}
}
