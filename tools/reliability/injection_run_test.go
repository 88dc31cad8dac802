package reliability_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/tools/reliability"
)

func TestInjection(t *testing.T) {
	mem := memoryEngine(t)
	n4j, drv, db := neo4jEngine(t)
	engines := []engine{mem, n4j}

	// Sample ids for the nested targets, one per Node type.
	for _, c := range graph.Categories() {
		a := query(mem.base, `query($c: Category) { entities(category: $c, first: 1) { edges { node { id } } } }`, map[string]any{"c": string(c)})
		var d struct {
			Entities struct {
				Edges []struct{ Node struct{ ID string } }
			}
		}
		if err := json.Unmarshal(a.Data, &d); err != nil || len(d.Entities.Edges) == 0 {
			t.Fatalf("no node of category %s: %s", c, a.Body)
		}
		sampleIDs[string(c)] = d.Entities.Edges[0].Node.ID
	}
	ts := targets(t)

	type before struct{ nodes, edges int }
	counts := map[string]before{}
	for _, e := range engines {
		n, r := e.count()
		counts[e.name] = before{n, r}
	}
	indexes := countCypher(t, drv, db, "SHOW INDEXES YIELD name RETURN count(name)", nil)
	labels := countCypher(t, drv, db, "CALL db.labels() YIELD label RETURN count(label)", nil)

	type job struct {
		t target
		p string
	}
	type result struct {
		job
		out  map[string]outcome
		took time.Duration
	}
	var jobs []job
	for _, tg := range ts {
		for _, p := range tg.tries() {
			jobs = append(jobs, job{tg, p})
		}
	}
	// Warm up: each target once on each engine, one at a time, so that
	// Neo4j's query planning is not what the measured requests wait on.
	for _, tg := range ts {
		for _, e := range engines {
			send(e.base, tg.query, map[string]any{"v": tg.value("ketamine")})
		}
	}
	results := make([]result, len(jobs))
	start := time.Now()
	var wg sync.WaitGroup
	next := make(chan int)
	for range 4 {
		wg.Go(func() {
			for i := range next {
				j := jobs[i]
				r := result{job: j, out: map[string]outcome{}}
				s := time.Now()
				for _, e := range engines {
					r.out[e.name] = send(e.base, j.t.query, map[string]any{"v": j.t.value(j.p)})
				}
				r.took = time.Since(s)
				results[i] = r
			}
		})
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	t.Logf("%d targets, %d requests × %d engines in %v", len(ts), len(jobs), len(engines), time.Since(start).Round(time.Millisecond))

	// One recorded case per target: every payload, both engines.
	byTarget := map[string][]result{}
	var order []string
	for _, r := range results {
		if _, ok := byTarget[r.t.name]; !ok {
			order = append(order, r.t.name)
		}
		byTarget[r.t.name] = append(byTarget[r.t.name], r)
	}
	for _, name := range order {
		rs := byTarget[name]
		codes := map[string]int{}
		var problems []string
		var slowest time.Duration
		for _, r := range rs {
			slowest = max(slowest, r.took)
			allowed := allowedCodes(r.t, r.p)
			for _, e := range engines {
				o := r.out[e.name]
				if o.err != nil {
					problems = append(problems, fmt.Sprintf("%s %q: %v", e.name, r.p, o.err))
					continue
				}
				for _, c := range o.codes {
					codes[c]++
					if !slices.Contains(allowed, c) {
						problems = append(problems, fmt.Sprintf("%s %q: code %s", e.name, r.p, c))
					}
				}
				if len(o.codes) == 0 {
					codes["data"]++
				}
			}
			m, n := r.out["memory"], r.out["neo4j"]
			if m.err == nil && n.err == nil && (m.data != n.data || !slices.Equal(m.codes, n.codes)) {
				problems = append(problems, fmt.Sprintf("engines differ on %q: memory %s %v, neo4j %s %v", r.p, trim(m.data), m.codes, trim(n.data), n.codes))
			}
		}
		var got []string
		for c, n := range codes {
			got = append(got, fmt.Sprintf("%s×%d", c, n))
		}
		sort.Strings(got)
		detail := ""
		if len(problems) > 0 {
			detail = strings.Join(problems[:min(len(problems), 5)], "; ")
			if len(problems) > 5 {
				detail += fmt.Sprintf("; and %d more", len(problems)-5)
			}
		}
		expect := "data, NOT_FOUND or BAD_USER_INPUT; same answer from both engines"
		if rs[0].t.enum {
			expect = "GRAPHQL_VALIDATION_FAILED (not an enum value); same answer from both engines"
		}
		reliability.Record(t, reliability.Case{
			Area: "injection", Name: fmt.Sprintf("%s × %d payloads", name, len(rs)), Expect: expect,
			Got: strings.Join(got, " "), OK: len(problems) == 0, Millis: ms(slowest), Detail: detail,
		})
	}

	for _, e := range engines {
		n, r := e.count()
		b := counts[e.name]
		reliability.Record(t, reliability.Case{
			Area: "injection", Name: fmt.Sprintf("%s: nodes and edges after %d injection requests", e.name, len(jobs)),
			Expect: fmt.Sprintf("unchanged: %d nodes, %d edges", b.nodes, b.edges),
			Got:    fmt.Sprintf("%d nodes, %d edges", n, r), OK: n == b.nodes && r == b.edges,
		})
	}
	idx := countCypher(t, drv, db, "SHOW INDEXES YIELD name RETURN count(name)", nil)
	lbl := countCypher(t, drv, db, "CALL db.labels() YIELD label RETURN count(label)", nil)
	pwned := countCypher(t, drv, db, "MATCH (n) WHERE n:Pwned OR n.pwned IS NOT NULL RETURN count(n)", nil)
	reliability.Record(t, reliability.Case{
		Area: "injection", Name: "neo4j: indexes, labels and planted markers after the injections (counted with the driver)",
		Expect: fmt.Sprintf("%d indexes, %d labels, 0 :Pwned or n.pwned", indexes, labels),
		Got:    fmt.Sprintf("%d indexes, %d labels, %d planted", idx, lbl, pwned),
		OK:     idx == indexes && lbl == labels && pwned == 0,
	})
}

func trim(s string) string {
	if len(s) > 120 {
		return s[:120] + "..."
	}
	return s
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
