package httpapi_test

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/kapgraph/kapgraph/api/httpapi"
)

// startServe runs httpapi.Serve on a free loopback port and returns its
// base URL and the channel Serve's result arrives on.
func startServe(t *testing.T, ctx context.Context, h http.Handler, opts httpapi.ServeOptions) (string, <-chan error) {
	t.Helper()
	addrs := make(chan net.Addr, 1)
	opts.OnListen = func(a net.Addr) { addrs <- a }
	done := make(chan error, 1)
	go func() { done <- httpapi.Serve(ctx, "127.0.0.1:0", h, nil, opts) }()
	select {
	case a := <-addrs:
		return "http://" + a.String(), done
	case err := <-done:
		t.Fatalf("Serve returned before listening: %v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not report its address")
	}
	return "", nil
}

// TestServe checks the real server end to end: it serves the handler on
// the reported address and stops cleanly when the context is cancelled.
func TestServe(t *testing.T) {
	env := newEnv(t, httpapi.Config{})
	ctx, cancel := context.WithCancel(t.Context())
	base, done := startServe(t, ctx, env.h, httpapi.ServeOptions{})

	res, err := http.Post(base+"/graphql", "application/json", strings.NewReader(`{"query":"{ __typename }"}`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(body), `"data"`) {
		t.Fatalf("status %d: %s", res.StatusCode, body)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Serve after cancel: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after cancel")
	}
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Error("the server still answers after shutdown")
	}
}

// TestServeDrains checks that a request in flight when shutdown starts
// completes, while new connections are refused.
func TestServeDrains(t *testing.T) {
	started, release := make(chan struct{}), make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-release
		if r.Context().Err() != nil {
			http.Error(w, "cancelled", 500) // shutdown must not cancel in-flight work
			return
		}
		io.WriteString(w, "finished")
	})
	ctx, cancel := context.WithCancel(t.Context())
	base, done := startServe(t, ctx, h, httpapi.ServeOptions{ShutdownTimeout: 5 * time.Second})

	got := make(chan string, 1)
	go func() {
		res, err := http.Get(base + "/slow")
		if err != nil {
			got <- "error: " + err.Error()
			return
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		got <- string(b)
	}()
	<-started
	cancel()
	time.Sleep(100 * time.Millisecond) // let Shutdown close the listener
	close(release)
	if body := <-got; body != "finished" {
		t.Errorf("in-flight request: %q, want finished", body)
	}
	if err := <-done; err != nil {
		t.Errorf("Serve: %v", err)
	}
}

// TestServeDrainTimeout checks that a request outliving the drain is cut
// and reported, so a stuck handler cannot keep the process alive.
func TestServeDrainTimeout(t *testing.T) {
	started := make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-r.Context().Done() // only the forced close ends it
	})
	ctx, cancel := context.WithCancel(t.Context())
	base, done := startServe(t, ctx, h, httpapi.ServeOptions{ShutdownTimeout: 200 * time.Millisecond})
	go func() {
		if res, err := http.Get(base + "/stuck"); err == nil {
			res.Body.Close()
		}
	}()
	<-started
	cancel()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "graceful shutdown") {
			t.Errorf("Serve: %v, want a drain error", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not give up on the stuck request")
	}
}

// TestServeListenError checks that a bad address is reported, not hung on.
func TestServeListenError(t *testing.T) {
	err := httpapi.Serve(t.Context(), "127.0.0.1:-1", http.NotFoundHandler(), nil, httpapi.ServeOptions{})
	if err == nil || !strings.Contains(err.Error(), "listen") {
		t.Errorf("Serve: %v, want a listen error", err)
	}
}
