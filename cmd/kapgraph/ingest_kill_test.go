package main

import (
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kapgraph/kapgraph/api/export"
	"github.com/kapgraph/kapgraph/graph/neo4j"
	"github.com/kapgraph/kapgraph/internal/synth"
)

// TestIngestKill9 kills the real `kapgraph ingest` process with SIGKILL at
// random points of a load into Neo4j, reruns it to the end, and compares
// the graph with a clean load's: the same ids, counts and properties
// (the whole graph as export's canonical JSON). KAPGRAPH_KILL_RUNS sets
// the number of kills (default 3; scripts/reliability.sh runs 20) and
// KAPGRAPH_KILL_SEED the random points. The embedded store keeps nothing
// across processes, so a killed embedded ingest leaves nothing to compare;
// loader's TestIngestResumes stops and resumes one in-process instead.
func TestIngestKill9(t *testing.T) {
	env := neo4jEnv(t)
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

	bin := filepath.Join(t.TempDir(), "kapgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("building kapgraph: %v\n%s", err, out)
	}
	corpus := t.TempDir()
	if err := synth.WriteCorpus(corpus, 11, 24, 2); err != nil {
		t.Fatal(err)
	}
	environ := os.Environ()
	for k, v := range env {
		environ = append(environ, k+"="+v)
	}
	ingest := func() *exec.Cmd {
		c := exec.Command(bin, "ingest", "--progress", "off", "--workers", "2", corpus)
		c.Env = environ
		return c
	}
	wipe(t, env)
	start := time.Now()
	if out, err := ingest().CombinedOutput(); err != nil {
		t.Fatalf("clean ingest: %v\n%s", err, out)
	}
	clean := time.Since(start)
	want := neo4jSnapshot(t, env)
	if !bytes.Contains(want, []byte("KAP:kata-")) {
		t.Fatalf("the clean ingest's graph lacks the corpus's first article")
	}

	for k := range runs {
		wipe(t, env)
		kills := 1 + k%2 // every other run is killed twice: a rerun can die too
		for range kills {
			c := ingest()
			if err := c.Start(); err != nil {
				t.Fatal(err)
			}
			at := time.Duration(rng.Int64N(int64(clean)))
			time.Sleep(at)
			c.Process.Kill() // SIGKILL
			c.Wait()
			t.Logf("run %d: killed after %s (a clean ingest takes %s)", k+1, at.Round(time.Millisecond), clean.Round(time.Millisecond))
		}
		out, err := ingest().CombinedOutput()
		if err != nil {
			t.Fatalf("run %d: the rerun failed: %v\n%s", k+1, err, out)
		}
		t.Logf("run %d: the rerun: %s", k+1, strings.TrimSpace(string(out[bytes.LastIndexByte(bytes.TrimSpace(out), '\n')+1:])))
		if !strings.Contains(string(out), "0 skipped") {
			t.Errorf("run %d: the rerun skipped files:\n%s", k+1, out)
		}
		if got := neo4jSnapshot(t, env); !bytes.Equal(got, want) {
			t.Errorf("run %d: after kill -9 and a rerun the graph (%d bytes) differs from a clean ingest's (%d bytes); rerun said:\n%s", k+1, len(got), len(want), out)
		}
	}
}

// neo4jSnapshot is the whole Neo4j graph as export's canonical JSON.
func neo4jSnapshot(t *testing.T, env map[string]string) []byte {
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
