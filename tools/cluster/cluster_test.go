// Package cluster_test runs several kapgraph servers over one graph, as a
// deployment does (docs/deploy.md): three `kapgraph serve` processes over
// one real Neo4j behind a real load balancer (Debian's HAProxy, installed
// by scripts/install-haproxy.sh). A review loaded by another process must
// reach every server within a second, with no cache of any server (the
// fan-out counts the complexity limit prices with, HTTP validators)
// answering from the graph as it was.
package cluster_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/kapgraph/kapgraph/graph/neo4j"
	"github.com/kapgraph/kapgraph/graph/neo4j/neo4jtest"
	"github.com/kapgraph/kapgraph/internal/testutil"
)

// freshWithin is how soon after a load every server must answer from the
// new graph (issue 20): the fan-out counts are rechecked every
// neo4j.DefaultFanOutRecheck, and everything else reads the database.
const freshWithin = time.Second

func inCI() bool { return os.Getenv("CI") == "true" }

// unavailable fails the test in CI and skips it elsewhere.
func unavailable(t *testing.T, format string, args ...any) {
	t.Helper()
	if inCI() {
		t.Fatalf(format, args...)
	}
	t.Skipf(format, args...)
}

func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

func TestThreeServersBehindALoadBalancer(t *testing.T) {
	if os.Getenv("NEO4J_URI") == "" {
		unavailable(t, "NEO4J_URI is not set; scripts/test.sh starts Neo4j and exports it")
	}
	haproxy, err := exec.LookPath("haproxy")
	if err != nil {
		unavailable(t, "haproxy is not installed; scripts/install-haproxy.sh installs it from Debian")
	}
	cfg, _ := neo4j.ConfigFromEnv(os.Getenv)
	unlock, err := neo4jtest.Lock(cfg.URI, cfg.Database)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	wipe(t, cfg)

	dir := t.TempDir()
	bin := filepath.Join(dir, "kapgraph")
	build := exec.Command("go", "build", "-o", bin, "./cmd/kapgraph")
	build.Dir = repoRoot()
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/kapgraph: %v\n%s", err, out)
	}

	// The servers reach Neo4j through a routing URI, as they would a
	// cluster; the load goes through the plain one.
	routing := cfg.URI
	if rest, ok := strings.CutPrefix(routing, "bolt://"); ok {
		routing = "neo4j://" + rest
	}
	var servers []string
	for i := range 3 {
		addr := freePort(t)
		startProcess(t, fmt.Sprintf("server %d", i+1), bin, neo4jEnv(cfg, routing), "serve", "-addr", addr, "-log-format", "json")
		servers = append(servers, "http://"+addr)
	}
	lbAddr := freePort(t)
	conf := filepath.Join(dir, "haproxy.cfg")
	if err := os.WriteFile(conf, []byte(haproxyConfig(lbAddr, servers)), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(haproxy, "-c", "-f", conf).CombinedOutput(); err != nil {
		t.Fatalf("haproxy -c: %v\n%s", err, out)
	}
	startProcess(t, "haproxy", haproxy, nil, "-db", "-f", conf)
	lb := "http://" + lbAddr
	for _, s := range append(servers[:len(servers):len(servers)], lb) {
		waitReady(t, s)
	}

	// Before the load: every server answers from the empty graph, and
	// has priced a query with its fan-out counts (so they are cached).
	// (The counts are made in the background: a server reports no
	// version until they are, so wait for all three to have one.)
	before := map[string]snapshot{}
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		var lastErr error
		for _, s := range servers {
			snap, err := look(s, "")
			if err != nil {
				lastErr = err
				continue
			}
			if snap.documents != 0 {
				t.Fatalf("%s: %d documents before the load, want 0", s, snap.documents)
			}
			before[s] = snap
		}
		v := before[servers[0]].version
		if lastErr == nil && v != "" && before[servers[1]].version == v && before[servers[2]].version == v {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the servers disagree on the graph's version before the load: %+v (last error %v)", before, lastErr)
		}
	}

	// Load the shipped review from another process.
	load := exec.Command(bin, "load")
	load.Env = neo4jEnv(cfg, cfg.URI)
	if out, err := load.CombinedOutput(); err != nil {
		t.Fatalf("kapgraph load: %v\n%s", err, out)
	}
	loaded := time.Now()

	// A second after the load, every server, asked directly, answers from
	// the new graph: its data, a new ETag (the old one no longer
	// validates), and no fan-out counts of the old graph (its readiness
	// names no version while the new graph's counts are being made, and
	// the new one after).
	time.Sleep(time.Until(loaded.Add(freshWithin)))
	for _, s := range servers {
		got, err := look(s, before[s].etag)
		if err != nil {
			t.Fatalf("%s, %v after the load: %v", s, time.Since(loaded).Round(time.Millisecond), err)
		}
		if got.documents != 1 || got.status != http.StatusOK || got.etag == before[s].etag || got.version == before[s].version {
			t.Errorf("%s, %v after the load, still answers from the old graph: %+v (before the load: %+v)", s, freshWithin, got, before[s])
		}
	}
	// And all three settle on the new graph's version.
	after := map[string]snapshot{}
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		for _, s := range servers {
			if got, err := look(s, ""); err == nil {
				after[s] = got
			}
		}
		v := after[servers[0]].version
		if v != "" && v != before[servers[0]].version && after[servers[1]].version == v && after[servers[2]].version == v {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the servers do not agree on the new graph's version: %+v", after)
		}
	}
	t.Logf("all three servers on the new graph's version %v after the load", time.Since(loaded).Round(time.Millisecond))

	// Through the balancer: requests reach all three servers, and every
	// answer is the new graph's.
	seen := map[string]int{}
	for range 12 {
		got, err := look(lb, before[servers[0]].etag)
		if err != nil {
			t.Fatalf("through the balancer: %v", err)
		}
		if got.documents != 1 || got.status != http.StatusOK {
			t.Errorf("through the balancer: %+v, want the new graph", got)
		}
		seen[got.server]++
	}
	if len(seen) != 3 {
		t.Errorf("the balancer sent requests to %v, want all three servers", seen)
	}
}

// snapshot is what one look at a server saw.
type snapshot struct {
	documents int
	etag      string
	status    int    // of the GET revalidated with the old ETag
	version   string // /readyz graphVersion
	server    string // the balancer's X-Kapgraph-Server, when through it
}

// statsQuery is a cacheable GET of the dashboard counts; its price uses
// the fan-out counts.
const statsQuery = `{ stats { documents nodes edges } drugs(first: 5) { totalCount } }`

// look asks base for the stats by GET (revalidating oldETag when given)
// and for its readiness.
func look(base, oldETag string) (snapshot, error) {
	req, _ := http.NewRequest(http.MethodGet, base+"/graphql?query="+url.QueryEscape(statsQuery), nil)
	if oldETag != "" {
		req.Header.Set("If-None-Match", oldETag)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return snapshot{}, fmt.Errorf("GET %s: %w", base, err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	snap := snapshot{status: resp.StatusCode, etag: resp.Header.Get("ETag"), server: resp.Header.Get("X-Kapgraph-Server")}
	if resp.StatusCode == http.StatusOK {
		var res struct {
			Data struct {
				Stats struct{ Documents int } `json:"stats"`
			} `json:"data"`
			Errors []any `json:"errors"`
		}
		if err := json.Unmarshal(body, &res); err != nil || len(res.Errors) > 0 {
			return snapshot{}, fmt.Errorf("GET %s: %v %s", base, err, body)
		}
		snap.documents = res.Data.Stats.Documents
	} else if resp.StatusCode != http.StatusNotModified {
		return snapshot{}, fmt.Errorf("GET %s: status %d: %s", base, resp.StatusCode, body)
	} else {
		snap.documents = -1 // the old answer still validates
	}
	r, err := http.Get(base + "/readyz")
	if err != nil {
		return snapshot{}, fmt.Errorf("GET %s/readyz: %w", base, err)
	}
	var ready struct {
		Status       string `json:"status"`
		GraphVersion string `json:"graphVersion"`
	}
	err = json.NewDecoder(r.Body).Decode(&ready)
	r.Body.Close()
	if err != nil || ready.Status != "ready" {
		return snapshot{}, fmt.Errorf("%s/readyz: %v %+v", base, err, ready)
	}
	snap.version = ready.GraphVersion
	return snap, nil
}

// haproxyConfig balances round robin over servers, checks them with
// /readyz as an orchestrator would, and names the server that answered.
func haproxyConfig(addr string, servers []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `global
    maxconn 256
defaults
    mode http
    timeout connect 2s
    timeout client 10s
    timeout server 10s
frontend kapgraph
    bind %s
    default_backend servers
backend servers
    balance roundrobin
    option httpchk GET /readyz
    http-check expect status 200
    http-response set-header X-Kapgraph-Server %%[srv_name]
`, addr)
	for i, s := range servers {
		fmt.Fprintf(&b, "    server s%d %s check inter 500ms\n", i+1, strings.TrimPrefix(s, "http://"))
	}
	return b.String()
}

func neo4jEnv(cfg neo4j.Config, uri string) []string {
	env := []string{"NEO4J_URI=" + uri, "NEO4J_USERNAME=" + cfg.Username, "NEO4J_PASSWORD=" + cfg.Password, "NEO4J_DATABASE=" + cfg.Database}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "NEO4J_") && !strings.HasPrefix(kv, "OTEL_") {
			env = append(env, kv)
		}
	}
	return env
}

// startProcess runs a process until the test ends, and shows its output
// when the test fails.
func startProcess(t *testing.T, name, bin string, env []string, args ...string) {
	t.Helper()
	var out testutil.SyncBuffer
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", name, err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
		if t.Failed() {
			t.Logf("output of %s:\n%s", name, tail(out.String(), 3000))
		}
	})
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "..." + s[len(s)-n:]
}

func freePort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// waitReady waits for base's /readyz to answer 200.
func waitReady(t *testing.T, base string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s never became ready: %v", base, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// wipe empties the database, relationships first, in batches.
func wipe(t *testing.T, cfg neo4j.Config) {
	t.Helper()
	if err := neo4jtest.Wipe(context.Background(), cfg.URI, cfg.Username, cfg.Password, cfg.Database); err != nil {
		t.Fatal(err)
	}
}
