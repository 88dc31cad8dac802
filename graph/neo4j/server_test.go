package neo4j

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph/neo4j/neo4jtest"
)

// The tests need a real Neo4j. They use the one NEO4J_URI (and
// NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE) name. Without it, outside
// CI, they start an isolated instance of their own with scripts/neo4j.sh
// (own port and home under .cache/, stopped afterwards; set
// KAPGRAPH_NEO4J_KEEP=1 to leave it running for the next run), and skip
// if that cannot be done. In CI (CI=true) a missing server is a failure:
// .ci/run must start one and export its settings. While they use the
// database they hold neo4jtest.Lock, so other packages' tests that take it
// too never wipe it under them.

var (
	server struct {
		once    sync.Once
		cfg     Config
		skip    string // why the tests that need a server skip (not in CI)
		fail    string // why they fail (CI)
		started *instance
		unlock  func()
	}
	shared struct {
		once  sync.Once
		store *Store
		err   error
	}
)

func TestMain(m *testing.M) {
	flag.Parse()
	code := func() int {
		defer func() {
			if server.unlock != nil {
				defer server.unlock()
			}
			if shared.store != nil {
				shared.store.Close(context.Background())
			}
			if server.started != nil && os.Getenv("KAPGRAPH_NEO4J_KEEP") != "1" {
				if err := server.started.run("stop"); err != nil {
					fmt.Fprintf(os.Stderr, "stopping the test Neo4j: %v\n", err)
				}
			}
		}()
		return m.Run()
	}()
	os.Exit(code)
}

func inCI() bool { return os.Getenv("CI") == "true" }

func setupServer() {
	defer func() {
		if server.fail != "" || server.skip != "" {
			return
		}
		// Other packages' tests may use the same database: take turns.
		unlock, err := neo4jtest.Lock(server.cfg.URI, server.cfg.Database)
		if err != nil {
			server.fail = err.Error()
			return
		}
		server.unlock = unlock
	}()
	if cfg, ok := ConfigFromEnv(os.Getenv); ok {
		server.cfg = cfg
		return
	}
	if inCI() {
		server.fail = "NEO4J_URI is not set: CI must start Neo4j (eval \"$(scripts/neo4j.sh start)\") before go test"
		return
	}
	if testing.Short() && os.Getenv("CI") != "true" { // never skipped in CI
		server.skip = "NEO4J_URI is not set and -short is on: not starting a Neo4j"
		return
	}
	home := filepath.Join(repoRoot(), ".cache", "neo4j-graphtest")
	inst := &instance{home: home, port: portFor(home)}
	cfg, err := inst.start()
	if err != nil {
		server.skip = fmt.Sprintf("NEO4J_URI is not set and starting a test Neo4j failed: %v", err)
		return
	}
	server.cfg, server.started = cfg, inst
}

// needServer skips (outside CI) or fails (in CI) a test that needs Neo4j.
func needServer(tb testing.TB) {
	tb.Helper()
	server.once.Do(setupServer) // started on first need, so unit tests run without one
	switch {
	case server.fail != "":
		tb.Fatal(server.fail)
	case server.skip != "":
		tb.Skip(server.skip)
	}
}

// testStore is the package's one Store (one driver per process, as in
// production), on the test server.
func testStore(tb testing.TB) *Store {
	tb.Helper()
	needServer(tb)
	shared.once.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		shared.store, shared.err = Open(ctx, server.cfg)
		if shared.err == nil {
			shared.err = shared.store.EnsureSchema(ctx)
		}
	})
	if shared.err != nil {
		tb.Fatalf("opening the test store: %v", shared.err)
	}
	return shared.store
}

// wipe deletes every node and relationship, in batches so a large
// leftover never needs one huge transaction. The schema stays.
func wipe(tb testing.TB, s *Store) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeWrite, DatabaseName: s.cfg.Database,
		BookmarkManager: s.driver.ExecuteQueryBookmarkManager()})
	defer sess.Close(ctx)
	// CALL ... IN TRANSACTIONS needs an auto-commit transaction.
	// Relationships go first, so a batch of nodes never drags a hub's
	// thousands of relationships into one inner transaction (the server's
	// transaction memory pool refuses that on the synthetic graphs).
	for _, q := range []string{
		"MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS",
		"MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS",
	} {
		res, err := sess.Run(ctx, q, nil)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			tb.Fatalf("wiping the test database: %v", err)
		}
	}
}

// cypher runs one statement directly (bypassing the Store's methods) and
// returns its records.
func cypher(tb testing.TB, s *Store, q string, params map[string]any) []*neo4j.Record {
	tb.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), s.driver, q, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.cfg.Database))
	if err != nil {
		tb.Fatalf("%s: %v", q, err)
	}
	return res.Records
}

func count(tb testing.TB, s *Store, q string, params map[string]any) int {
	tb.Helper()
	recs := cypher(tb, s, q, params)
	if len(recs) != 1 {
		tb.Fatalf("%s: %d rows", q, len(recs))
	}
	n, ok := recs[0].Values[0].(int64)
	if !ok {
		tb.Fatalf("%s: not a count: %v", q, recs[0].Values[0])
	}
	return int(n)
}

// ---- scripts/neo4j.sh ----------------------------------------------------

func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// instance is a Neo4j run by scripts/neo4j.sh in a home of its own.
type instance struct {
	home string
	port int
	heap string
	env  []string // extra settings, e.g. KAPGRAPH_NEO4J_CONF_<key>=<value>
}

func (i *instance) cmd(verb string) *exec.Cmd {
	c := exec.Command("bash", filepath.Join(repoRoot(), "scripts", "neo4j.sh"), verb)
	c.Env = append(os.Environ(), "NEO4J_PORT="+strconv.Itoa(i.port), "KAPGRAPH_NEO4J_HOME="+i.home)
	if i.heap != "" {
		c.Env = append(c.Env, "KAPGRAPH_NEO4J_HEAP="+i.heap)
	}
	c.Env = append(c.Env, i.env...)
	c.Stderr = os.Stderr
	return c
}

func (i *instance) run(verb string) error {
	if out, err := i.cmd(verb).Output(); err != nil {
		return fmt.Errorf("scripts/neo4j.sh %s: %w (%s)", verb, err, strings.TrimSpace(string(out)))
	}
	return nil
}

// start starts the instance (or finds it running) and returns its
// settings from the export lines neo4j.sh prints.
func (i *instance) start() (Config, error) {
	if _, err := os.Stat(filepath.Join(repoRoot(), "scripts", "neo4j.sh")); err != nil {
		return Config{}, fmt.Errorf("no scripts/neo4j.sh: %w", err)
	}
	out, err := i.cmd("start").Output()
	if err != nil {
		return Config{}, fmt.Errorf("scripts/neo4j.sh start: %w", err)
	}
	env := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		line, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "export ")
		if !ok {
			continue
		}
		k, v, _ := strings.Cut(line, "=")
		if uq, err := unquoteShell(v); err == nil {
			v = uq
		}
		env[k] = v
	}
	cfg, ok := ConfigFromEnv(func(k string) string { return env[k] })
	if !ok {
		return Config{}, fmt.Errorf("scripts/neo4j.sh start printed no NEO4J_URI: %q", out)
	}
	return cfg, nil
}

// unquoteShell undoes the quoting of printf %q for the simple values
// neo4j.sh prints (backslash escapes, or $'...').
func unquoteShell(v string) (string, error) {
	if strings.HasPrefix(v, "$'") || strings.HasPrefix(v, "'") || strings.HasPrefix(v, `"`) {
		return "", fmt.Errorf("unsupported quoting")
	}
	var b strings.Builder
	esc := false
	for _, r := range v {
		if esc || r != '\\' {
			b.WriteRune(r)
			esc = false
			continue
		}
		esc = true
	}
	return b.String(), nil
}

// portFor picks a port for an isolated instance: the one it used before if
// it is still running there, else a free one.
func portFor(home string) int {
	if b, err := os.ReadFile(filepath.Join(home, "run", "instance")); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if p, ok := strings.CutPrefix(line, "port="); ok {
				if n, err := strconv.Atoi(p); err == nil {
					return n
				}
			}
		}
	}
	return freePort()
}

func freePort() int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 17687
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
