package bench

import (
	"fmt"
	"math"
	"strings"
)

// The targets of issue 20, each its own row of BENCHMARKS.md's Targets
// table, met or not met. A target this run could not measure (a size it
// did not reach, a system it did not run) is not met, and says why.

// Target is one row of the Targets table.
type Target struct {
	Name     string
	Measured string
	Met      bool
	Note     string // why it could not be measured, if it could not
}

func (t Target) verdict() string {
	switch {
	case t.Note != "":
		return "**not met** (not measured: " + t.Note + ")"
	case t.Met:
		return "**met**"
	}
	return "**not met**"
}

// size is the measured size named name, or nil.
func (r *Results) size(name string) *SizeResult {
	for i := range r.Sizes {
		if r.Sizes[i].Name == name {
			return &r.Sizes[i]
		}
	}
	return nil
}

// Targets evaluates issue 20's targets.
func (r *Results) Targets() []Target {
	var out []Target
	if len(r.Sizes) == 0 {
		return out
	}
	maxC := r.maxConc()
	notRun := func(size string) string { return "this run did not measure " + size }

	// b-entity against the hand-written statement, at every size.
	for _, name := range []string{"10k", "100k", "1m"} {
		t := Target{Name: fmt.Sprintf("b-entity p50 ≤ 1.5× the hand-written Cypher statement, %s", name)}
		s := r.size(name)
		k, c := cellOf(s, SysKapgraphNeo4j, string(QEntity), 1), cellOf(s, SysCypher, string(QEntity), 1)
		switch {
		case s == nil:
			t.Note = notRun(name)
		case k == nil || c == nil || c.P50Ms == 0:
			t.Note = "no 1-client cells for b-entity"
		default:
			t.Measured = fmt.Sprintf("%s vs %s ms (%s)", fms(k.P50Ms), fms(c.P50Ms), ratio(k.P50Ms, c.P50Ms))
			t.Met = k.P50Ms <= 1.5*c.P50Ms
		}
		out = append(out, t)
	}

	// The mix at the largest concurrency: twice the peer at 10k and 100k,
	// twice the floor at 1M.
	for _, m := range []struct{ size, other, label string }{
		{"10k", SysPeer, "@neo4j/graphql"}, {"100k", SysPeer, "@neo4j/graphql"}, {"1m", SysCypher, "the Cypher floor"},
	} {
		t := Target{Name: fmt.Sprintf("the mix at %d clients, %s: kapgraph-neo4j ≥ 2× %s", maxC, m.size, m.label)}
		s := r.size(m.size)
		k, o := cellOf(s, SysKapgraphNeo4j, MixName, maxC), cellOf(s, m.other, MixName, maxC)
		switch {
		case s == nil:
			t.Note = notRun(m.size)
		case k == nil || o == nil || o.Throughput == 0:
			t.Note = "no mix cells for both systems"
		default:
			t.Measured = fmt.Sprintf("%s vs %s req/s (%s)", fnum(k.Throughput), fnum(o.Throughput), ratio(k.Throughput, o.Throughput))
			t.Met = k.Throughput >= 2*o.Throughput
		}
		out = append(out, t)
	}

	// One client at 1M: every question within 1.2× the floor's p50.
	{
		t := Target{Name: "one client, 1m: every question's p50 ≤ 1.2× the floor's"}
		s := r.size("1m")
		var parts []string
		worst := 0.0
		for _, q := range Mix {
			k, c := cellOf(s, SysKapgraphNeo4j, string(q), 1), cellOf(s, SysCypher, string(q), 1)
			if k == nil || c == nil || c.P50Ms == 0 {
				continue
			}
			parts = append(parts, fmt.Sprintf("%s %s", strings.SplitN(string(q), "-", 2)[0], ratio(k.P50Ms, c.P50Ms)))
			worst = max(worst, k.P50Ms/c.P50Ms)
		}
		switch {
		case s == nil:
			t.Note = notRun("1m")
		case len(parts) < len(Mix):
			t.Note = "not every question has 1-client cells"
		default:
			t.Measured = strings.Join(parts, ", ")
			t.Met = worst <= 1.2
		}
		out = append(out, t)
	}

	// The embedded engine at 1M.
	{
		s := r.size("1m")
		rss := Target{Name: "embedded at 1m: RSS ≤ 1.5 GB with the default GC"}
		paths := Target{Name: "embedded at 1m: 1-client paths p99 ≤ 5 ms"}
		var mem *MemoryPoint
		if s != nil {
			for i := range s.Memory {
				if s.Memory[i].System == SysKapgraphMem {
					mem = &s.Memory[i]
				}
			}
		}
		switch {
		case s == nil:
			rss.Note, paths.Note = notRun("1m"), notRun("1m")
		case mem == nil || mem.RSS == 0:
			rss.Note = "the embedded server did not run at 1m"
			if s.EmbeddedNote != "" {
				rss.Note = s.EmbeddedNote
			}
		default:
			rss.Measured = mb(mem.RSS)
			rss.Met = mem.RSS <= 1536<<20
		}
		if s != nil {
			var parts []string
			worst, n := 0.0, 0
			for _, q := range []QueryID{QPaths4, QPaths6} {
				if c := cellOf(s, SysKapgraphMem, string(q), 1); c != nil {
					n++
					worst = max(worst, c.P99Ms)
					parts = append(parts, fmt.Sprintf("%s %s ms", strings.SplitN(string(q), "-", 2)[0], fms(c.P99Ms)))
				}
			}
			if n < 2 {
				paths.Note = "the embedded server did not run at 1m"
				if s.EmbeddedNote != "" {
					paths.Note = s.EmbeddedNote
				}
			} else {
				paths.Measured = strings.Join(parts, ", ")
				paths.Met = worst <= 5
			}
		}
		out = append(out, rss, paths)
	}

	// Tracing's cost on the 10k mix.
	{
		t := Target{Name: fmt.Sprintf("tracing on costs ≤ 10%% of throughput on the 10k mix (%d clients)", maxC)}
		s := r.size("10k")
		k, tr := cellOf(s, SysKapgraphNeo4j, MixName, maxC), cellOf(s, SysKapgraphTraced, MixName, maxC)
		switch {
		case s == nil:
			t.Note = notRun("10k")
		case k == nil || tr == nil || k.Throughput == 0:
			t.Note = "no mix cell with tracing on"
		default:
			t.Measured = fmt.Sprintf("%s req/s traced vs %s (%s)", fnum(tr.Throughput), fnum(k.Throughput), pct(tr.Throughput, k.Throughput))
			if tr.ServerCPU > 0 && k.ServerCPU > 0 {
				// The servers' CPU per request over the same turns: the
				// cost itself, which a shared machine's load moves less
				// than throughput.
				t.Measured += fmt.Sprintf("; server CPU %.2f vs %.2f ms a request (%s)", tr.ServerCPU*1e3, k.ServerCPU*1e3, pct(tr.ServerCPU, k.ServerCPU))
			}
			t.Met = tr.Throughput >= 0.9*k.Throughput
		}
		out = append(out, t)
	}

	// Ingest, the corpus issue's rows.
	{
		// Issue 19's transactional target, at the two sizes it names:
		// each size's Store.Load rate (the documents that grew the
		// database to that size), met only if both were measured.
		t := Target{Name: "transactional ingest ≥ 50,000 relationships/s at 100k / at 1M"}
		minRate := math.Inf(1)
		var rates, missing []string
		for _, name := range []string{"100k", "1m"} {
			s := r.size(name)
			if s == nil || s.Ingest.RelsPerSecond <= 0 {
				missing = append(missing, name)
				continue
			}
			minRate = min(minRate, s.Ingest.RelsPerSecond)
			rates = append(rates, fmt.Sprintf("%s %.0f", name, s.Ingest.RelsPerSecond))
		}
		if len(rates) > 0 {
			t.Measured = strings.Join(rates, ", ") + " rels/s"
		}
		if len(missing) > 0 {
			t.Note = notRun(strings.Join(missing, " and "))
		} else {
			t.Met = minRate >= 50000
		}
		b := Target{Name: "ingest: bulk import ≥ 500,000 relationships/s"}
		if bi := r.BulkImport; bi == nil || bi.RelsPerSecond == 0 {
			b.Note = "this run had no bulk import step (kapbench -bulk-size)"
		} else if bi.ReadySeconds == 0 {
			// A result from before the whole Import was timed.
			b.Measured = fmt.Sprintf("%.0f rels/s (%s: %d relationships in %.1f s of neo4j-admin database import)",
				bi.RelsPerSecond, bi.Size, bi.Relationships, bi.Seconds)
			b.Met = bi.RelsPerSecond >= 500000
		} else {
			// Judged on the time until the graph answers with its
			// indexes, which is what a first load waits for; the
			// importer's process alone is given beside it.
			b.Measured = fmt.Sprintf("%.0f rels/s until the graph answers (%s: %d relationships in %.1f s: "+
				"neo4j-admin database import %.1f s, server stop and start %.1f s, indexes and summary %.1f s); "+
				"the importer alone %.0f rels/s", bi.ReadyRelsPerSecond, bi.Size, bi.Relationships, bi.ReadySeconds,
				bi.Seconds, bi.RestartSeconds, bi.SchemaSeconds, bi.RelsPerSecond)
			b.Met = bi.ReadyRelsPerSecond >= 500000
		}
		out = append(out, t, b)
	}
	return out
}

// cellOf is s.cell, nil for a nil size.
func cellOf(s *SizeResult, sys, q string, c int) *Cell {
	if s == nil {
		return nil
	}
	return s.cell(sys, q, c)
}
