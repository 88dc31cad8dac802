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

// TestIngestKill9 kills the real `kapgraph ingest` process with SIGKILL at
// random points of a corpus load into Neo4j (the isolated instance), reruns
// it to the end, and compares the graph with a clean load's: the same
// ids, counts and properties (the whole graph as export's canonical JSON).
// KAPGRAPH_KILL_RUNS sets the number of runs (default 3;
// scripts/reliability.sh runs 20), every other one killed twice (a rerun
// can die too); KAPGRAPH_KILL_SEED replays the random points. The
// embedded store keeps nothing across processes, so a killed embedded
// ingest leaves nothing to compare; loader's TestIngestResumes stops and
// resumes one in-process on both engines instead.
func TestIngestKill9(t *testing.T) {
	env := faults.up(t)
	drv, db := faults.driver(t)
	runs := 3
	if v := os.Getenv("KAPGRAPH_KILL_RUNS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			t.Fatalf("KAPGRAPH_KILL_RUNS=%q", v)
		}
		runs = n
	}
	seed := uint64(time.Now().UnixNano())
	if v := os.Getenv("KAPGRAPH_KILL_SEED"); v != "" {
		seed, _ = strconv.ParseUint(v, 10, 64)
	}
	t.Logf("KAPGRAPH_KILL_SEED=%d", seed)
	rng := rand.New(rand.NewPCG(seed, 1))

	bin := kapgraphBinary(t)
	corpus := t.TempDir()
	const articles = 24
	if err := synth.WriteCorpus(corpus, 11, articles, 2); err != nil {
		t.Fatal(err)
	}
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
	t.Logf("clean ingest of %d articles: %d nodes, %d relationships in %s", articles, nodes, rels, clean.Round(time.Millisecond))

	for k := range runs {
		wipeNeo4j(t, drv, db)
		var at []string
		for range 1 + k%2 {
			at = append(at, killAt(t, ingest(), rng, articles))
		}
		out, err := ingest().CombinedOutput()
		summary := strings.TrimSpace(string(out[bytes.LastIndexByte(bytes.TrimSpace(out), '\n')+1:]))
		got := snapshotNeo4j(t, env)
		n := countCypher(t, drv, db, "MATCH (n) RETURN count(n)", nil)
		r := countCypher(t, drv, db, "MATCH ()-[r]->() RETURN count(r)", nil)
		reliability.Record(t, reliability.Case{Area: "ingest",
			Name:   fmt.Sprintf("run %d: kill -9 %s, then rerun", k+1, strings.Join(at, "; then ")),
			Expect: fmt.Sprintf("the clean graph: %d nodes, %d relationships, the same ids and properties", nodes, rels),
			Got:    fmt.Sprintf("%d nodes, %d relationships, identical: %v", n, r, bytes.Equal(got, want)),
			OK:     err == nil && bytes.Equal(got, want) && strings.Contains(summary, "0 skipped"),
			Detail: "rerun: " + summary,
		})
	}
}

// killAt runs c and kills it with SIGKILL at a random point: after a
// random number of articles of the corpus (0: a random time into start-up)
// and then a random fraction of a second, inside the next document's
// transaction or between two. It says where the kill fell.
func killAt(t *testing.T, c *exec.Cmd, rng *rand.Rand, articles int) string {
	t.Helper()
	c.Args = append(c.Args[:2], append([]string{"--progress", "lines", "--every", "0s"}, c.Args[2:]...)...)
	stderr, err := c.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	after := rng.IntN(articles)
	extra := time.Duration(rng.Int64N(int64(300 * time.Millisecond)))
	done := 0
	if after == 0 {
		extra = time.Duration(rng.Int64N(int64(3 * time.Second)))
	} else {
		sc := bufio.NewScanner(stderr)
		for done < after && sc.Scan() {
			fmt.Sscanf(strings.TrimPrefix(sc.Text(), "ingest: "), "%d/", &done)
		}
		go io.Copy(io.Discard, stderr)
	}
	time.Sleep(extra)
	c.Process.Kill() // SIGKILL
	state, _ := c.Process.Wait()
	where := fmt.Sprintf("%s after article %d of %d", extra.Round(time.Millisecond), done, articles)
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
