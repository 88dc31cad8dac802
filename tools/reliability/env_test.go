package reliability_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	neo4jdriver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph/neo4j"
	"github.com/kapgraph/kapgraph/internal/testutil"
)

// The tests of this package need two things the tree does not hold: a
// kapgraph binary (built once, here) and a Neo4j of their own that they
// may stop, restart and kill without disturbing any other test: the
// isolated instance of scripts/neo4j.sh in .cache/neo4j-faults on port
// 7697. In CI (CI=true) neither may be missing: a test that needs one and
// cannot have it fails. Elsewhere it skips, and -short skips them all.
// KAPGRAPH_FAULTS_NEO4J_PORT and KAPGRAPH_FAULTS_NEO4J_HOME move the
// instance, so that two checkouts on one machine (each with its own
// scripts/reliability.sh run) never stop or wipe each other's.

const (
	faultsPort = 7697
	faultsHome = ".cache/neo4j-faults"
)

// faultsInstance is the isolated instance this run uses: the defaults, or
// where KAPGRAPH_FAULTS_NEO4J_PORT and KAPGRAPH_FAULTS_NEO4J_HOME put it.
func faultsInstance() *neo4jInstance {
	n := &neo4jInstance{home: filepath.Join(repoRoot(), faultsHome), port: faultsPort}
	if v := os.Getenv("KAPGRAPH_FAULTS_NEO4J_HOME"); v != "" {
		n.home = v
		if !filepath.IsAbs(v) {
			n.home = filepath.Join(repoRoot(), v)
		}
	}
	if v := os.Getenv("KAPGRAPH_FAULTS_NEO4J_PORT"); v != "" {
		p, err := strconv.Atoi(v)
		if err != nil || p < 1 || p > 65535 {
			panic(fmt.Sprintf("KAPGRAPH_FAULTS_NEO4J_PORT=%q is not a TCP port", v))
		}
		n.port = p
	}
	return n
}

func inCI() bool { return os.Getenv("CI") == "true" }

func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// unavailable fails the test in CI and skips it elsewhere.
func unavailable(tb testing.TB, format string, args ...any) {
	tb.Helper()
	msg := fmt.Sprintf(format, args...)
	if inCI() {
		tb.Fatal(msg)
	}
	tb.Skip(msg)
}

var (
	binary struct {
		once sync.Once
		path string
		err  error
	}
	tmpDir string
)

func TestMain(m *testing.M) {
	code := func() int {
		var err error
		tmpDir, err = os.MkdirTemp("", "kapgraph-reliability-")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		defer os.RemoveAll(tmpDir)
		defer func() {
			if faults.started && os.Getenv("KAPGRAPH_NEO4J_KEEP") != "1" {
				if err := faults.run("stop"); err != nil {
					fmt.Fprintf(os.Stderr, "stopping the faults Neo4j: %v\n", err)
				}
			}
			faults.release()
		}()
		return m.Run()
	}()
	os.Exit(code)
}

// kapgraphBinary builds ./cmd/kapgraph once for the package.
func kapgraphBinary(tb testing.TB) string {
	tb.Helper()
	binary.once.Do(func() {
		binary.path = filepath.Join(tmpDir, "kapgraph")
		cmd := exec.Command("go", "build", "-o", binary.path, "./cmd/kapgraph")
		cmd.Dir = repoRoot()
		if out, err := cmd.CombinedOutput(); err != nil {
			binary.err = fmt.Errorf("go build ./cmd/kapgraph: %v\n%s", err, out)
		}
	})
	if binary.err != nil {
		tb.Fatal(binary.err)
	}
	return binary.path
}

// ---- the isolated Neo4j ---------------------------------------------------

type neo4jInstance struct {
	mu      sync.Mutex
	home    string
	port    int
	env     map[string]string // NEO4J_* of the running instance
	started bool              // this process started it (and stops it at the end)
	lock    *os.File          // held from first use to the end of the run
}

// lockWait bounds how long a run waits for another one (a second
// `go test`, scripts/reliability.sh) to be done with the instance.
const lockWait = 30 * time.Minute

// acquire takes the instance for this test process: its port and home are
// fixed, so two runs at once would stop, wipe and kill it under each
// other. scripts/reliability.sh takes the same lock (flock) for its load
// run on it.
func (n *neo4jInstance) acquire(tb testing.TB) {
	tb.Helper()
	if n.lock != nil {
		return
	}
	if err := os.MkdirAll(n.home, 0o755); err != nil {
		tb.Fatal(err)
	}
	f, err := os.OpenFile(filepath.Join(n.home, "reliability.lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		tb.Fatal(err)
	}
	for start, said := time.Now(), false; ; time.Sleep(time.Second) {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			break
		}
		if time.Since(start) > lockWait {
			f.Close()
			tb.Fatalf("another run has held %s for %v", f.Name(), lockWait)
		}
		if !said {
			tb.Logf("waiting for another run to release the Neo4j on port %d (%s)", n.port, f.Name())
			said = true
		}
	}
	n.lock = f
}

func (n *neo4jInstance) release() {
	if n.lock != nil {
		_ = syscall.Flock(int(n.lock.Fd()), syscall.LOCK_UN)
		n.lock.Close()
		n.lock = nil
	}
}

var faults = faultsInstance()

// scriptEnv is the environment scripts/neo4j.sh runs with: this
// instance's home and port whatever the caller exported (scripts/test.sh
// exports the main instance's home).
func (n *neo4jInstance) scriptEnv() []string {
	return append(os.Environ(), "KAPGRAPH_NEO4J_HOME="+n.home, "NEO4J_PORT="+strconv.Itoa(n.port))
}

func (n *neo4jInstance) command(verb string) *exec.Cmd {
	c := exec.Command("bash", filepath.Join(repoRoot(), "scripts", "neo4j.sh"), verb)
	c.Env = n.scriptEnv()
	return c
}

func (n *neo4jInstance) run(verb string) error {
	c := n.command(verb)
	var stderr bytes.Buffer
	c.Stderr = &stderr
	out, err := c.Output()
	if err != nil {
		return fmt.Errorf("scripts/neo4j.sh %s: %w\n%s%s", verb, err, out, tail(stderr.String(), 2000))
	}
	if verb == "start" {
		n.env = parseExports(string(out))
	}
	return nil
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "..." + s[len(s)-n:]
}

var exportLine = regexp.MustCompile(`^export ([A-Z_0-9]+)=(.*)$`)

// parseExports reads the export lines neo4j.sh prints (values quoted with
// printf %q; the ones it prints need only backslashes undone).
func parseExports(out string) map[string]string {
	env := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		m := exportLine.FindStringSubmatch(strings.TrimSpace(sc.Text()))
		if m == nil {
			continue
		}
		v := m[2]
		var b strings.Builder
		for i := 0; i < len(v); i++ {
			if v[i] == '\\' && i+1 < len(v) {
				i++
			}
			b.WriteByte(v[i])
		}
		env[m[1]] = b.String()
	}
	return env
}

// up starts the instance if it is not running and returns its settings.
func (n *neo4jInstance) up(tb testing.TB) map[string]string {
	tb.Helper()
	if testing.Short() && os.Getenv("CI") != "true" { // never skipped in CI
		tb.Skip("-short: not starting a Neo4j")
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	if _, err := exec.LookPath("java"); err != nil {
		unavailable(tb, "no java on PATH: the Neo4j tests cannot run")
	}
	n.acquire(tb)
	start := time.Now()
	if err := n.run("start"); err != nil {
		unavailable(tb, "starting the isolated Neo4j (%s, port %d): %v", n.home, n.port, err)
	}
	n.started = true
	if took := time.Since(start); took > time.Second {
		tb.Logf("Neo4j on port %d ready in %v", n.port, took.Round(100*time.Millisecond))
	}
	return n.env
}

func (n *neo4jInstance) must(tb testing.TB, verb string) time.Duration {
	tb.Helper()
	n.mu.Lock()
	defer n.mu.Unlock()
	start := time.Now()
	if err := n.run(verb); err != nil {
		tb.Fatal(err)
	}
	return time.Since(start)
}

func (n *neo4jInstance) config(tb testing.TB) neo4j.Config {
	tb.Helper()
	env := n.up(tb)
	cfg, ok := neo4j.ConfigFromEnv(func(k string) string { return env[k] })
	if !ok {
		tb.Fatalf("neo4j.sh printed no NEO4J_URI: %v", env)
	}
	return cfg
}

// driver is a plain driver on the instance, for counting behind the
// store's back.
func (n *neo4jInstance) driver(tb testing.TB) (neo4jdriver.DriverWithContext, string) {
	tb.Helper()
	cfg := n.config(tb)
	drv, err := neo4jdriver.NewDriverWithContext(cfg.URI, neo4jdriver.BasicAuth(cfg.Username, cfg.Password, ""))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { drv.Close(context.Background()) })
	return drv, cfg.Database
}

// countCypher runs a count query with the driver; it retries for a while,
// since it is also used right after a restart.
func countCypher(tb testing.TB, drv neo4jdriver.DriverWithContext, db, q string, params map[string]any) int {
	tb.Helper()
	var lastErr error
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(250 * time.Millisecond) {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		res, err := neo4jdriver.ExecuteQuery(ctx, drv, q, params, neo4jdriver.EagerResultTransformer,
			neo4jdriver.ExecuteQueryWithDatabase(db))
		cancel()
		if err != nil {
			lastErr = err
			continue
		}
		if len(res.Records) != 1 {
			tb.Fatalf("%s: %d rows", q, len(res.Records))
		}
		n, ok := res.Records[0].Values[0].(int64)
		if !ok {
			tb.Fatalf("%s: not a count: %v", q, res.Records[0].Values[0])
		}
		return int(n)
	}
	tb.Fatalf("%s: %v", q, lastErr)
	return 0
}

// wipeNeo4j deletes everything, in batches.
func wipeNeo4j(tb testing.TB, drv neo4jdriver.DriverWithContext, db string) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	sess := drv.NewSession(ctx, neo4jdriver.SessionConfig{AccessMode: neo4jdriver.AccessModeWrite, DatabaseName: db})
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS", nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		tb.Fatalf("wiping the faults Neo4j: %v", err)
	}
}

// ---- a kapgraph process ---------------------------------------------------

type syncBuffer = testutil.SyncBuffer

// kapgraphProc is a running `kapgraph serve`.
type kapgraphProc struct {
	cmd    *exec.Cmd
	base   string
	stdout *syncBuffer
	stderr *syncBuffer
	done   chan error
}

// childEnv is the environment of a kapgraph child: the caller's, without
// any NEO4J_* or KAPGRAPH_* settings (scripts/test.sh exports the main
// instance's), plus extra.
func childEnv(extra map[string]string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "NEO4J_") || strings.HasPrefix(kv, "KAPGRAPH_") {
			continue
		}
		env = append(env, kv)
	}
	for k, v := range extra {
		env = append(env, k+"="+v)
	}
	return env
}

var servingLine = regexp.MustCompile(`at (http://127\.0\.0\.1:\d+)/`)

func startKapgraph(tb testing.TB, env map[string]string, args ...string) *kapgraphProc {
	tb.Helper()
	bin := kapgraphBinary(tb)
	p := &kapgraphProc{stdout: &syncBuffer{}, stderr: &syncBuffer{}, done: make(chan error, 1)}
	p.cmd = exec.Command(bin, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...)
	p.cmd.Env = childEnv(env)
	p.cmd.Stdout, p.cmd.Stderr = p.stdout, p.stderr
	if err := p.cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	go func() { p.done <- p.cmd.Wait() }()
	tb.Cleanup(func() { p.stop(tb) })
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if m := servingLine.FindStringSubmatch(p.stdout.String()); m != nil {
			p.base = m[1]
			return p
		}
		select {
		case err := <-p.done:
			p.done <- err
			tb.Fatalf("kapgraph serve exited (%v):\n%s", err, tail(p.stderr.String(), 3000))
		default:
		}
		if time.Now().After(deadline) {
			tb.Fatalf("kapgraph serve did not start listening:\n%s", tail(p.stderr.String(), 3000))
		}
	}
}

func (p *kapgraphProc) alive() bool {
	select {
	case err := <-p.done:
		p.done <- err
		return false
	default:
		return true
	}
}

// stop sends SIGTERM (graceful drain) and waits; SIGKILL after 20 s.
func (p *kapgraphProc) stop(tb testing.TB) {
	if p.cmd.Process == nil || !p.alive() {
		return
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(20 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.done
		tb.Errorf("kapgraph did not exit within 20 s of SIGTERM")
	}
}

// runKapgraph runs a kapgraph command to completion.
func runKapgraph(tb testing.TB, env map[string]string, args ...string) (string, error) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, kapgraphBinary(tb), args...)
	cmd.Env = childEnv(env)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// ---- talking to it ----------------------------------------------------------

var httpClient = &http.Client{Timeout: 60 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 100}}
