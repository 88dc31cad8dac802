//go:build loadprofile

package neo4j

import (
	"context"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/internal/synth"
)

// phaseTx adds up the time of a transaction's statements, by kind.
type phaseTx struct {
	neo4j.ManagedTransaction
	took map[string]time.Duration
}

func (t phaseTx) Run(ctx context.Context, cypher string, params map[string]any) (neo4j.ResultWithContext, error) {
	start := time.Now()
	res, err := t.ManagedTransaction.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	// Results are read whole by the caller; buffer here so the timing
	// covers the statement's execution.
	recs, err := res.Collect(ctx)
	if err != nil {
		return nil, err
	}
	k := phaseOf(cypher)
	t.took[k] += time.Since(start)
	return &bufferedResult{res, recs}, nil
}

type bufferedResult struct {
	neo4j.ResultWithContext
	recs []*neo4j.Record
}

func (r *bufferedResult) Collect(context.Context) ([]*neo4j.Record, error) { return r.recs, nil }

func phaseOf(c string) string {
	switch {
	case strings.Contains(c, "CREATE (n:"):
		return "nodes-create"
	case strings.Contains(c, "MERGE (n:"):
		return "nodes-merge"
	case strings.Contains(c, "elementId(s)"):
		return "rels-eid"
	case strings.Contains(c, "CREATE (s)-"):
		return "rels-id"
	case strings.HasPrefix(c, "OPTIONAL MATCH (d:"):
		return "read"
	default:
		return "other"
	}
}

func jcmd(tb testing.TB, args ...string) {
	out, err := exec.Command("jcmd", append([]string{os.Getenv("NEO4J_PID")}, args...)...).CombinedOutput()
	if err != nil {
		tb.Fatalf("jcmd: %v: %s", err, out)
	}
}

// TestLoadPhases loads synthetic documents fresh under several index
// variants and logs, per variant, the time of each kind of statement, of
// the commits, and the Neo4j process's CPU time per relationship
// (NEO4J_PID): where a Load's time goes. KAPGRAPH_PHASE_NODES sets the
// synthetic graph's size (default 30000).
func TestLoadPhases(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	size := 30000
	if v, err := strconv.Atoi(os.Getenv("KAPGRAPH_PHASE_NODES")); err == nil {
		size = v
	}
	var docs []*graph.Document
	if err := synth.All(synth.Config{Nodes: size}, 2, func(_ int, d *graph.Document) error {
		docs = append(docs, d)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	drop := func(pred func(name string) bool) {
		for _, st := range schemaStatements() {
			if pred(st.name) && strings.Contains(st.cypher, "INDEX") {
				cypher(t, s, "DROP INDEX "+st.name+" IF EXISTS", nil)
			}
		}
	}
	restore := func() {
		s.schemaOK.Store(false)
		if err := s.EnsureSchema(ctx); err != nil {
			t.Fatal(err)
		}
	}
	defer restore()
	run := func(name string) {
		wipe(t, s)
		benchData = ""
		took := map[string]time.Duration{}
		var commit, total time.Duration
		rels := 0
		if f := os.Getenv("KAPGRAPH_PHASE_JFR"); f != "" {
			// A Java Flight Recording of the server over the loads only
			// (not the wipe): jfr print --events jdk.ExecutionSample.
			// KAPGRAPH_PHASE_JFR_SETTINGS=default samples less often
			// than profile, which slows the server down many times.
			settings := os.Getenv("KAPGRAPH_PHASE_JFR_SETTINGS")
			if settings == "" {
				settings = "profile"
			}
			jcmd(t, "JFR.start", "name=loadphase", "settings="+settings, "filename="+f)
			defer jcmd(t, "JFR.stop", "name=loadphase")
		}
		cpu0 := serverCPU(t)
		for i, d := range docs {
			if _, err := s.knownShared(ctx, d); err != nil {
				t.Fatal(err)
			}
			plan, err := planLoad(d)
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			sess := s.driver.NewSession(ctx, s.sessionConfig(neo4j.AccessModeWrite))
			tx, err := sess.BeginTransaction(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := plan.run(ctx, phaseTx{tx, took}); err != nil {
				t.Fatal(err)
			}
			c := time.Now()
			if err := tx.Commit(ctx); err != nil {
				t.Fatal(err)
			}
			commit += time.Since(c)
			sess.Close(ctx)
			total += time.Since(start)
			rels += len(d.Edges)
			if i == 0 {
				t.Logf("  first document %.2fs", time.Since(start).Seconds())
			}
		}
		cpu := serverCPU(t) - cpu0
		var parts []string
		for _, k := range []string{"read", "nodes-create", "nodes-merge", "rels-eid", "rels-id", "other"} {
			parts = append(parts, k+" "+strconv.FormatFloat(took[k].Seconds(), 'f', 2, 64))
		}
		t.Logf("%-22s %d docs %d rels in %.2fs (%.0f rels/s): %s, commit %.2f; server CPU %.1fs, %.1f µs/rel",
			name, len(docs), rels, total.Seconds(), float64(rels)/total.Seconds(), strings.Join(parts, ", "), commit.Seconds(),
			cpu.Seconds(), float64(cpu.Microseconds())/float64(rels))
	}
	variants := os.Getenv("KAPGRAPH_PHASE_VARIANTS")
	if variants == "" {
		variants = "all,all,nofulltext,norelidx,noneofthem"
	}
	for _, v := range strings.Split(variants, ",") {
		restore()
		switch v {
		case "nofulltext", "noneofthem":
			drop(func(n string) bool { return n == searchIndex || n == claimIndex })
		}
		if v == "nocatidx" {
			// The per-category id constraints (every node also has the
			// :Entity one): the upper bound of writing one id index
			// entry a node instead of two.
			for _, st := range schemaStatements() {
				if strings.HasSuffix(st.name, "_id") && strings.Contains(st.cypher, "CONSTRAINT") &&
					st.name != "kapgraph_entity_id" && st.name != "kapgraph_document_id" && st.name != "kapgraph_stat_id" {
					cypher(t, s, "DROP CONSTRAINT "+st.name+" IF EXISTS", nil)
				}
			}
		}
		switch v {
		case "norelidx", "noneofthem":
			drop(func(n string) bool { return strings.HasPrefix(n, "kapgraph_rel_") })
		}
		run(v)
	}
}
