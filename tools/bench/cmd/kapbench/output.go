package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	neo4jdrv "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/tools/bench"
)

// meters are the processes whose CPU time each system's cells are
// charged: its server (the bench process itself for the Cypher floor,
// whose driver runs here) and, for those that use it, Neo4j.
func (h *harness) meters(emb *bench.Process) map[string]bench.Meter {
	db := h.neo4jProc()
	m := map[string]bench.Meter{
		bench.SysKapgraphNeo4j: {Server: bench.Proc{Label: "kapgraph serve", PID: h.kap.PID()}, DB: db},
		bench.SysCypher:        {Server: bench.SelfProc("the driver"), DB: db},
		bench.SysPeer:          {Server: bench.Proc{Label: "node (the peer)", PID: h.peer.PID()}, DB: db},
	}
	if h.traced != nil {
		m[bench.SysKapgraphTraced] = bench.Meter{Server: bench.Proc{Label: "kapgraph serve (tracing on)", PID: h.traced.PID()}, DB: db}
	}
	if emb != nil {
		m[bench.SysKapgraphMem] = bench.Meter{Server: bench.Proc{Label: "kapserve", PID: emb.PID()}}
	}
	return m
}

// neo4jProc is Neo4j: -neo4j-pid, else whoever listens on NEO4J_URI's
// port; without either its CPU time is not measured (and the report
// says so by leaving the column empty).
func (h *harness) neo4jProc() bench.Proc {
	if h.o.neo4jPID > 0 {
		return bench.Proc{Label: "neo4j", PID: h.o.neo4jPID}
	}
	port := 7687
	if u, err := url.Parse(os.Getenv("NEO4J_URI")); err == nil && u.Port() != "" {
		port, _ = strconv.Atoi(u.Port())
	}
	pid, err := bench.ListenerPID(port)
	if err != nil {
		say("Neo4j's CPU time will not be measured: %v", err)
		return bench.Proc{PID: -1}
	}
	h.o.neo4jPID = pid
	return bench.Proc{Label: "neo4j", PID: pid}
}

func cpuNote(c bench.Cell) string {
	if c.ServerProc == "" && c.DBProc == "" {
		return ""
	}
	if c.DBProc == "" {
		return fmt.Sprintf(" cpu %.2f ms/req", c.ServerCPU*1000)
	}
	return fmt.Sprintf(" cpu %.2f+%.2f ms/req", c.ServerCPU*1000, c.DBCPU*1000)
}

func (h *harness) memory(emb *bench.Process) []bench.MemoryPoint {
	var out []bench.MemoryPoint
	add := func(sys string, pid int, note string) {
		if pid <= 0 {
			return
		}
		if rss, peak, err := bench.RSS(pid); err == nil {
			out = append(out, bench.MemoryPoint{System: sys, RSS: rss, Peak: peak, Note: note})
		}
	}
	add(bench.SysKapgraphNeo4j, h.kap.PID(), "kapgraph serve with NEO4J_URI")
	if emb != nil {
		add(bench.SysKapgraphMem, emb.PID(), "whole graph in process")
	}
	add(bench.SysPeer, h.peer.PID(), "node, @neo4j/graphql + Yoga")
	add("neo4j", h.o.neo4jPID, "the database (heap + page cache + JVM)")
	return out
}

// reviewMemory measures the real kapgraph binary on the embedded store
// with only the seed review: the small deployment.
func (h *harness) reviewMemory(ctx context.Context) error {
	addr := freeAddr()
	p, err := h.start("kapgraph-review", []string{"NEO4J_URI="}, h.o.kapgraph, "serve", "--addr", addr, "--log-format", "json")
	if err != nil {
		return err
	}
	defer p.Stop(10 * time.Second)
	if err := bench.WaitHTTP(ctx, p, "http://"+addr+"/readyz", 2*time.Minute); err != nil {
		return err
	}
	s := bench.NewKapgraph("kapgraph-review", "http://"+addr+"/graphql", bench.Params{
		Entity: "CHEBI:6121", PathFrom: "CHEBI:6121", Centre: "GO:0031929"}, bench.Cursor.ForKapgraph)
	for range 50 {
		for _, q := range []bench.QueryID{bench.QStats, bench.QEntity, bench.QPaths6, bench.QNeighborhood, bench.QList} {
			s.Ask(ctx, q, 0, false)
		}
	}
	rss, peak, err := bench.RSS(p.PID())
	if err != nil {
		return err
	}
	h.res.Review = bench.MemoryPoint{System: "kapgraph serve (embedded)", RSS: rss, Peak: peak, Note: "real binary, built-in seeds, after 250 requests"}
	say("review only: kapgraph serve embedded RSS %d MB (peak %d MB)", rss>>20, peak>>20)
	return nil
}

func mustJSON(v any) []byte {
	b, _ := json.MarshalIndent(v, "", "  ")
	return b
}

func (h *harness) write() error {
	r := h.res
	if h.o.merge != "" && !h.merged {
		h.merged = true
		b, err := os.ReadFile(h.o.merge)
		if err != nil {
			return err
		}
		var old bench.Results
		if err := json.Unmarshal(b, &old); err != nil {
			return err
		}
		h.earlier = mergeEarlier(r, &old, h.o)
	}
	if len(h.earlier) > 0 {
		mine := r.Sizes
		r.Sizes = nil
		for _, s := range h.earlier {
			if !hasSize(mine, s.Name) {
				r.Sizes = append(r.Sizes, s)
			}
		}
		r.Sizes = append(r.Sizes, mine...)
		defer func() { r.Sizes = mine }()
	}
	if a, err := os.ReadFile(h.o.analysis); err == nil {
		r.Analysis = string(a)
	}
	if err := os.WriteFile(filepath.Join(h.o.work, "results.json"), mustJSON(r), 0o644); err != nil {
		return err
	}
	base := filepath.Dir(h.o.out)
	files, err := r.Plots(h.o.plots, base)
	if err != nil {
		return fmt.Errorf("plots: %w", err)
	}
	r.PlotFiles = files
	return os.WriteFile(h.o.out, []byte(r.Markdown()), 0o644)
}

func (h *harness) machine(ctx context.Context) {
	m := &h.res.Machine
	m.CPUs = runtime.NumCPU()
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, "model name") {
				m.CPU = strings.TrimSpace(strings.SplitN(l, ":", 2)[1])
				break
			}
		}
	}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		f := strings.Fields(strings.SplitN(string(b), "\n", 2)[0])
		if len(f) >= 2 {
			kb, _ := strconv.ParseFloat(f[1], 64)
			m.MemoryGB = fmt.Sprintf("%.1f GiB", kb/(1<<20))
		}
	}
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m.Kernel = strings.TrimSpace(string(b))
	}
	m.Go = runtime.Version()
	if out, err := exec.Command("java", "-version").CombinedOutput(); err == nil {
		m.Java = strings.TrimSpace(strings.SplitN(string(out), "\n", 2)[0])
	}
	if out, err := exec.Command(h.o.node, "--version").Output(); err == nil {
		m.Node = strings.TrimSpace(string(out))
	}
	if b, err := os.ReadFile(filepath.Join(h.o.peerDir, "node_modules/@neo4j/graphql/package.json")); err == nil {
		var pj struct{ Version string }
		json.Unmarshal(b, &pj)
		m.Peer = "@neo4j/graphql " + pj.Version
	}
	if res, err := neo4jdrv.ExecuteQuery(ctx, h.drv, "CALL dbms.components() YIELD name, versions, edition RETURN name + ' ' + versions[0] + ' ' + edition", nil,
		neo4jdrv.EagerResultTransformer, neo4jdrv.ExecuteQueryWithDatabase("system")); err == nil && len(res.Records) > 0 {
		m.Neo4j = fmt.Sprint(res.Records[0].Values[0])
	}
	m.Neo4jCfg = h.o.neo4jCfg
	m.LoadAvg = "at the start " + loadAvg()
}

func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

// mergeEarlier folds an earlier run's results (-merge) into r: the sizes
// this run does not plan to measure (returned, to be reported before
// r's own), its notes and evidence about them, and the ingest and bulk
// figures of steps this run skips. The header stays this run's, and notes
// say which run measured what.
func mergeEarlier(r *bench.Results, old *bench.Results, o options) []bench.SizeResult {
	// Sizes this run plans to measure are its own, even before it has
	// reached them (write runs after every size).
	var kept []bench.SizeResult
	for _, s := range old.Sizes {
		if !slices.Contains(o.sizes, strings.TrimSuffix(s.Name, "-partial")) {
			kept = append(kept, s)
		}
	}
	// The header names this run; each kept part names its own run.
	// Notes of the earlier run about its own provenance are replaced.
	for _, n := range old.Notes {
		size, _, _ := strings.Cut(n, ":")
		if slices.Contains(o.sizes, size) {
			continue // about a size this run measures again
		}
		if !(strings.HasPrefix(n, "Sizes ") && strings.Contains(n, "were measured by the run begun")) {
			r.Notes = append(r.Notes, n)
		}
	}
	var profiles []bench.Profile
	for _, p := range old.Profiles {
		if !slices.Contains(o.sizes, p.Size) {
			profiles = append(profiles, p)
		}
	}
	r.Profiles = append(profiles, r.Profiles...)
	from := fmt.Sprintf("the run begun %s", old.Started.UTC().Format("2006-01-02 15:04 UTC"))
	if len(kept) > 0 {
		r.Notes = append(r.Notes, fmt.Sprintf("Sizes %s were measured by %s (kept with -merge); the rest by this run.", sizeNames(kept), from))
	}
	// A step this run skips keeps the earlier run's figures, and the
	// note that says whose they are (an earlier merge's, if it had one).
	keep := func(what string) {
		for _, n := range old.Notes {
			if strings.HasPrefix(n, "The "+what+" figures were measured by") {
				return // carried over with the earlier notes above
			}
		}
		r.Notes = append(r.Notes, fmt.Sprintf("The %s figures were measured by %s (kept with -merge).", what, from))
	}
	if r.Ingest == nil && old.Ingest != nil && o.ingestDocs == 0 {
		r.Ingest = old.Ingest
		keep("corpus ingest")
	}
	if r.BulkImport == nil && old.BulkImport != nil && o.bulkSize == "" {
		r.BulkImport = old.BulkImport
		keep("bulk import")
	}
	return kept
}
