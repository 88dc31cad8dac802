package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/kapgraph/kapgraph/api/gql"
	"github.com/kapgraph/kapgraph/api/httpapi"
	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/memory"
	"github.com/kapgraph/kapgraph/internal/app"
	"github.com/kapgraph/kapgraph/internal/testutil"
	"github.com/kapgraph/kapgraph/loader"
)

// testEnv is one server built the way cmd/ builds it, with what the test
// needs to look inside: the metrics registry and the logs.
type testEnv struct {
	h    http.Handler
	reg  *prometheus.Registry
	logs *syncBuffer
}

// option changes how a test server is built.
type option func(*envConfig)

// envConfig is what app.NewServer gets in a test.
type envConfig struct {
	cfg   app.Config
	store graph.Store
}

// withPinger answers the store's Ping with p (readiness tests).
func withPinger(p pingerFunc) option {
	return func(e *envConfig) { e.store = pingStore{Store: e.store, ping: p} }
}

// withCacheMaxAge sets the max-age of cacheable GraphQL responses.
func withCacheMaxAge(d time.Duration) option {
	return func(e *envConfig) { e.cfg.GraphQL.CacheMaxAge = d }
}

// pingerFunc is a replacement for a store's Ping.
type pingerFunc func(ctx context.Context) error

// pingStore is a store whose Ping a test decides.
type pingStore struct {
	graph.Store
	ping pingerFunc
}

func (s pingStore) Ping(ctx context.Context) error { return s.ping(ctx) }

// aroundOperations runs f around every GraphQL operation the executor
// dispatches (after the limits and the admission queue): a test's hook to
// block, look at the operation's context, or panic.
func aroundOperations(f func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler) option {
	return func(e *envConfig) {
		e.cfg.GraphQL.Extensions = append(e.cfg.GraphQL.Extensions, operationHook(f))
	}
}

// operationHook adapts a function to an executor extension.
type operationHook func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler

func (operationHook) ExtensionName() string                   { return "TestOperationHook" }
func (operationHook) Validate(graphql.ExecutableSchema) error { return nil }
func (h operationHook) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	return h(ctx, next)
}

func newEnv(t *testing.T, cfg httpapi.Config, opts ...option) *testEnv {
	t.Helper()
	env := &testEnv{reg: prometheus.NewRegistry(), logs: &syncBuffer{}}
	ec := envConfig{
		cfg: app.Config{
			HTTP:     cfg,
			GraphQL:  gql.Options{Limits: gql.Limits{Introspection: true}},
			Registry: env.reg,
		},
		store: seededStore(t),
	}
	for _, o := range opts {
		o(&ec)
	}
	logger := slog.New(slog.NewJSONHandler(env.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	env.h = app.NewServer(ec.cfg, ec.store, logger)
	return env
}

// do sends one request through the whole handler.
func (e *testEnv) do(t *testing.T, r *http.Request) *httptest.ResponseRecorder {
	t.Helper()
	w := httptest.NewRecorder()
	e.h.ServeHTTP(w, r)
	return w
}

// post builds a POST /graphql with a JSON body and the given Accept
// ("" for none).
func post(t *testing.T, body any, accept string) *http.Request {
	t.Helper()
	var b []byte
	switch v := body.(type) {
	case string:
		b = []byte(v)
	default:
		var err error
		if b, err = json.Marshal(v); err != nil {
			t.Fatal(err)
		}
	}
	r := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(b))
	r.Header.Set("Content-Type", "application/json")
	if accept != "" {
		r.Header.Set("Accept", accept)
	}
	return r
}

// get builds a GET /graphql from URL parameters.
func get(t *testing.T, params map[string]string, accept string) *http.Request {
	t.Helper()
	q := url.Values{}
	for k, v := range params {
		q.Set(k, v)
	}
	r := httptest.NewRequest(http.MethodGet, "/graphql?"+q.Encode(), nil)
	if accept != "" {
		r.Header.Set("Accept", accept)
	}
	return r
}

// gqlResponse is a decoded GraphQL response; Data is raw so a test can
// tell an absent data entry (nil) from "data": null.
type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Path       []any          `json:"path"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
	hasData bool
}

func decode(t *testing.T, w *httptest.ResponseRecorder) gqlResponse {
	t.Helper()
	var res gqlResponse
	if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil {
		t.Fatalf("response is not JSON (%v): %q", err, w.Body.String())
	}
	var raw map[string]json.RawMessage
	_ = json.Unmarshal(w.Body.Bytes(), &raw)
	_, res.hasData = raw["data"]
	return res
}

func (r gqlResponse) codes() []string {
	var out []string
	for _, e := range r.Errors {
		c, _ := e.Extensions["code"].(string)
		out = append(out, c)
	}
	return out
}

// syncBuffer is a bytes.Buffer safe for the logger and the test to share.
type syncBuffer struct{ testutil.SyncBuffer }

// logLines decodes the JSON log lines whose msg is msg.
func (s *syncBuffer) logLines(t *testing.T, msg string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for line := range strings.Lines(s.String()) {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line is not JSON: %q", line)
		}
		if m["msg"] == msg {
			out = append(out, m)
		}
	}
	return out
}

func readAll(t *testing.T, r io.Reader) string {
	t.Helper()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// seededStore is a memory store holding the review the project ships
// (seeds/), loaded the way `kapgraph serve` loads it. The tests only read,
// so they share one store rather than load the seeds again for each.
func seededStore(t *testing.T) *memory.Store {
	t.Helper()
	store, err := sharedStore()
	if err != nil {
		t.Fatal(err)
	}
	return store
}

var sharedStore = sync.OnceValues(func() (*memory.Store, error) {
	built, err := loader.LoadDir(filepath.Join("..", "..", "seeds"))
	if err != nil {
		return nil, fmt.Errorf("loading the seeds: %w", err)
	}
	store := memory.New()
	for _, doc := range loader.Documents(built) {
		if _, err := store.Load(context.Background(), doc); err != nil {
			return nil, fmt.Errorf("loading %s: %w", doc.ID, err)
		}
	}
	return store, nil
})
