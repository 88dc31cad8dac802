package reliability_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kapgraph/kapgraph/api/export"
	"github.com/kapgraph/kapgraph/graph/neo4j"
	"github.com/kapgraph/kapgraph/internal/synth"
	"github.com/kapgraph/kapgraph/tools/reliability"
)

// killRuns is the number of kill points per engine: KAPGRAPH_KILL_RUNS,
// default 3 (scripts/reliability.sh runs 20).
func killRuns(t *testing.T) int {
	t.Helper()
	v := os.Getenv("KAPGRAPH_KILL_RUNS")
	if v == "" {
		return 3
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		t.Fatalf("KAPGRAPH_KILL_RUNS=%q is not a count", v)
	}
	return n
}

// killSeed is where the random kill points come from:
// KAPGRAPH_KILL_SEED replays a run (scripts/reliability.sh fixes it, so
// its report names the same points every time), else the clock.
func killSeed(t *testing.T) uint64 {
	t.Helper()
	seed := uint64(time.Now().UnixNano())
	if v := os.Getenv("KAPGRAPH_KILL_SEED"); v != "" {
		var err error
		if seed, err = strconv.ParseUint(v, 10, 64); err != nil {
			t.Fatalf("KAPGRAPH_KILL_SEED=%q is not a number", v)
		}
	}
	t.Logf("KAPGRAPH_KILL_SEED=%d", seed)
	return seed
}

// killArticles is the size of the synthetic corpus the kill runs load.
const killArticles = 24

// TestIngestKill9 stops a corpus ingest at random points, reruns it to
// the end, and compares the graph with a clean load's: the same ids,
// counts and properties (the whole graph as export's canonical JSON).
// Every other run is stopped twice (a rerun can die too).
//
// On Neo4j (the isolated instance) the real `kapgraph ingest` process is
// killed with SIGKILL. The embedded store lives in the process, so a
// SIGKILLed embedded ingest leaves nothing behind to compare; its
// counterpart cancels loader.Ingest at the same kind of random point
// (after a random number of articles and a random fraction of a second,
// inside a document's write or between two) and reruns it on the same
// store, which is what a crash followed by a resume means for that engine
// (cmd/kapgraph serve reloads it from scratch anyway).
func TestIngestKill9(t *testing.T) {
	runs, seed := killRuns(t), killSeed(t)
	corpus := t.TempDir()
	if err := synth.WriteCorpus(corpus, 11, killArticles, 2); err != nil {
		t.Fatal(err)
	}
	t.Run("neo4j", func(t *testing.T) { ingestKillNeo4j(t, corpus, runs, rand.New(rand.NewPCG(seed, 1))) })
	t.Run("embedded", func(t *testing.T) { ingestKillEmbedded(t, corpus, runs, rand.New(rand.NewPCG(seed, 2))) })
}

func ingestKillNeo4j(t *testing.T, corpus string, runs int, rng *rand.Rand) {
	env := faults.up(t)
	drv, db := faults.driver(t)
	bin := kapgraphBinary(t)
	environ := os.Environ()
	for k, v := range env {
		environ = append(environ, k+"="+v)
	}
	ingest := func() *exec.Cmd {
		c := exec.Command(bin, "ingest", "--workers", "2", corpus)
		c.Env = environ
		return c
	}
	wipeNeo4j(t, drv, db)
	snapshotNeo4j(t, env) // opening a store creates the schema, which a busy machine may take long over
	start := time.Now()
	if out, err := ingest().CombinedOutput(); err != nil {
		t.Fatalf("clean ingest: %v\n%s", err, out)
	}
	clean := time.Since(start)
	want := snapshotNeo4j(t, env)
	nodes := countCypher(t, drv, db, "MATCH (n) RETURN count(n)", nil)
	rels := countCypher(t, drv, db, "MATCH ()-[r]->() RETURN count(r)", nil)
	t.Logf("clean ingest of %d articles: %d nodes, %d relationships in %s", killArticles, nodes, rels, clean.Round(time.Millisecond))

	for k := range runs {
		wipeNeo4j(t, drv, db)
		var at []string
		for range 1 + k%2 {
			at = append(at, killAt(t, ingest(), rng, clean/killArticles))
		}
		out, err := ingest().CombinedOutput()
		summary := strings.TrimSpace(string(out[bytes.LastIndexByte(bytes.TrimSpace(out), '\n')+1:]))
		// "DIR: 9 loaded, 15 unchanged, 0 removed, 0 skipped (cannot be
		// read); N edges written in T": the counts, without the temporary
		// folder and the timing.
		summary = strings.TrimPrefix(summary, corpus+": ")
		summary, _, _ = strings.Cut(summary, " (cannot be read)")
		got := snapshotNeo4j(t, env)
		n := countCypher(t, drv, db, "MATCH (n) RETURN count(n)", nil)
		r := countCypher(t, drv, db, "MATCH ()-[r]->() RETURN count(r)", nil)
		reliability.Record(t, reliability.Case{Area: "ingest",
			Name:   fmt.Sprintf("neo4j, run %d: kill -9 %s, then rerun", k+1, strings.Join(at, "; then ")),
			Expect: fmt.Sprintf("the clean graph: %d nodes, %d relationships, the same ids and properties", nodes, rels),
			Got:    fmt.Sprintf("%d nodes, %d relationships, identical: %v", n, r, bytes.Equal(got, want)),
			OK:     err == nil && bytes.Equal(got, want) && strings.HasSuffix(summary, ", 0 skipped"),
			Detail: "rerun: " + summary,
		})
	}
}

// killPoint draws a random point of an ingest: after a random number of
// articles and a random fraction of one article's time (per, measured by
// the clean load), so that it falls inside the next document's write or
// between two; after 0 articles, a random fraction of startup into
// start-up. It also says, without timings, where it is.
func killPoint(rng *rand.Rand, per, startup time.Duration) (after int, extra time.Duration, where string) {
	after = rng.IntN(killArticles)
	frac := rng.Float64()
	if after == 0 {
		return 0, time.Duration(frac * float64(startup)), fmt.Sprintf("%.0f%% into start-up", 100*frac)
	}
	return after, time.Duration(frac * float64(per)), fmt.Sprintf("%.0f%% of an article's time after article %d of %d", 100*frac, after, killArticles)
}

// killAt runs c and kills it with SIGKILL at a random point (killPoint).
// It says where the kill fell.
func killAt(t *testing.T, c *exec.Cmd, rng *rand.Rand, per time.Duration) string {
	t.Helper()
	c.Args = append(c.Args[:2], append([]string{"--progress", "lines", "--every", "0s"}, c.Args[2:]...)...)
	stderr, err := c.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	after, extra, where := killPoint(rng, per, 3*time.Second)
	done := 0
	if after > 0 {
		sc := bufio.NewScanner(stderr)
		for done < after && sc.Scan() {
			fmt.Sscanf(strings.TrimPrefix(sc.Text(), "ingest: "), "%d/", &done)
		}
	}
	go io.Copy(io.Discard, stderr)
	time.Sleep(extra)
	c.Process.Kill() // SIGKILL
	state, _ := c.Process.Wait()
	if state != nil && state.Exited() {
		where += " (it had finished)"
	}
	return where
}

// snapshotNeo4j is the whole graph as export's canonical JSON.
func snapshotNeo4j(t *testing.T, env map[string]string) []byte {
	t.Helper()
	ctx := context.Background()
	cfg, _ := neo4j.ConfigFromEnv(func(k string) string { return env[k] })
	s, err := neo4j.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(ctx)
	g, err := export.Snapshot(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := export.WriteJSON(&b, g); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
