// Command kapload puts a running kapgraph server under sustained load: N
// concurrent clients for D seconds on a fixed mix of queries (stats, a
// nested entity with its evidence, a filtered list, mechanism paths of 4
// and 6 hops, a neighbourhood, search), and reports requests, errors,
// throughput and latency percentiles, with the server's goroutines and
// resident memory (read from its /metrics) before and after.
//
// The memory figures are compared at like moments: a warm-up run first
// brings the server to its working size, then idle connections are
// closed and the server left to settle; that is the baseline. After the
// measured run the same is done again, and the "after" figures must be
// within a tolerance of the baseline: growth there is what a leak looks
// like. With -assert, kapload exits 1 when there was any error or such
// growth.
//
//	kapload -url http://127.0.0.1:8080 -clients 200 -duration 60s -json result.json -assert
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

type options struct {
	url          string
	label        string
	clients      int
	duration     time.Duration
	warmup       time.Duration
	settle       time.Duration
	timeout      time.Duration
	jsonOut      string
	assert       bool
	goroutineTol float64
	rssTol       float64
	rssSlack     float64
}

func main() {
	var o options
	flag.StringVar(&o.url, "url", "http://127.0.0.1:8080", "base URL of the kapgraph server (loopback)")
	flag.StringVar(&o.label, "label", "", "name of this run in the report (e.g. embedded, neo4j)")
	flag.IntVar(&o.clients, "clients", 200, "concurrent clients")
	flag.DurationVar(&o.duration, "duration", 60*time.Second, "length of the measured run")
	flag.DurationVar(&o.warmup, "warmup", 10*time.Second, "length of the unmeasured warm-up run before the baseline")
	flag.DurationVar(&o.settle, "settle", 10*time.Second, "pause after closing idle connections before reading the server's figures")
	flag.DurationVar(&o.timeout, "timeout", 30*time.Second, "client timeout per request")
	flag.StringVar(&o.jsonOut, "json", "", "also write the result as JSON to this file")
	flag.BoolVar(&o.assert, "assert", false, "exit 1 on any error or on goroutine or memory growth beyond the tolerances")
	flag.Float64Var(&o.goroutineTol, "goroutine-tolerance", 10, "goroutines the server may have above its baseline after the run")
	flag.Float64Var(&o.rssTol, "rss-tolerance", 0.25, "fraction of its baseline RSS the server may have grown by after the run")
	flag.Float64Var(&o.rssSlack, "rss-slack-mib", 32, "MiB of RSS growth allowed on top of -rss-tolerance")
	flag.Parse()
	if o.clients <= 0 || o.duration <= 0 {
		fmt.Fprintln(os.Stderr, "kapload: -clients and -duration must be positive")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	res, err := run(ctx, o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "kapload:", err)
		os.Exit(1)
	}
	res.print(os.Stdout)
	if o.jsonOut != "" {
		b, _ := json.MarshalIndent(res, "", "  ")
		if err := os.WriteFile(o.jsonOut, append(b, '\n'), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "kapload:", err)
			os.Exit(1)
		}
	}
	if o.assert && !res.OK {
		os.Exit(1)
	}
}

// ---- the query mix --------------------------------------------------------

type request struct {
	name  string
	query string
	vars  func(i int) map[string]any
}

var (
	searchTerms = []string{"mTOR", "keta", "glutamate", "craving", "alcohol", "depression", "BDNF", "NMDA", "psilocybin", "relapse"}
	pathSources = []string{"FPLX:GRIN", "CHEBI:6121", "KAP:glutamate_release"}
)

// mix returns the queries, given ids of nodes that exist.
func mix(ids []string) []request {
	pick := func(list []string) func(int) string { return func(i int) string { return list[i%len(list)] } }
	id, term, src := pick(ids), pick(searchTerms), pick(pathSources)
	return []request{
		{"stats", `query Stats { stats { nodes edges documents byCategory { key count } byPredicate { key count } } }`,
			func(int) map[string]any { return nil }},
		{"entity_with_evidence", `query Entity($id: ID!) { node(id: $id) { id name category
			claims(first: 10) { totalCount edges { node { predicate sign score origin
				subject { id name } object { id name }
				evidence { quote sectionTitle citations studies { name design evidenceLevel year } } } } } } }`,
			func(i int) map[string]any { return map[string]any{"id": id(i)} }},
		{"filtered_list", `query Studies($lvl: Int, $name: String) { studies(filter: {maxEvidenceLevel: $lvl, nameContains: $name}, first: 20, orderBy: {field: YEAR, direction: DESC}) {
			totalCount pageInfo { hasNextPage endCursor } edges { node { id name design evidenceLevel year } } } }`,
			func(i int) map[string]any {
				v := map[string]any{"lvl": 1 + i%5}
				if i%3 == 0 {
					v["name"] = "e"
				}
				return v
			}},
		{"paths_4_hops", `query Paths4($from: ID!) { mechanismToOutcomePaths(from: $from, maxHops: 4, first: 5) {
			length sign score summary hops { claim { id predicate sign evidence { quote } } } } }`,
			func(i int) map[string]any { return map[string]any{"from": src(i)} }},
		{"paths_6_hops", `query Paths6($from: ID!) { mechanismToOutcomePaths(from: $from, maxHops: 6, first: 5) {
			length sign score summary hops { claim { id predicate sign } } } }`,
			func(i int) map[string]any { return map[string]any{"from": src(i)} }},
		{"neighbourhood", `query Hood($id: ID!) { neighborhood(id: $id, depth: 2, limit: 100) { truncated nodes { id name category } edges { id predicate } } }`,
			func(i int) map[string]any { return map[string]any{"id": id(i)} }},
		{"search", `query Search($t: String!) { search(text: $t, first: 10) { score matched node { id name category } } }`,
			func(i int) map[string]any { return map[string]any{"t": term(i)} }},
	}
}

// ---- results ----------------------------------------------------------------

type serverFigures struct {
	Goroutines float64 `json:"goroutines"`
	RSSBytes   float64 `json:"rssBytes"`
	HeapBytes  float64 `json:"heapBytes"`
}

type latency struct {
	P50 float64 `json:"p50Ms"`
	P95 float64 `json:"p95Ms"`
	P99 float64 `json:"p99Ms"`
	Max float64 `json:"maxMs"`
}

type queryStats struct {
	Requests int     `json:"requests"`
	Errors   int     `json:"errors"`
	Latency  latency `json:"latency"`
}

type check struct {
	Name   string `json:"name"`
	OK     bool   `json:"ok"`
	Detail string `json:"detail"`
}

// Result is what kapload reports (and writes with -json).
type Result struct {
	Label          string                `json:"label"`
	URL            string                `json:"url"`
	Clients        int                   `json:"clients"`
	Seconds        float64               `json:"seconds"`
	WarmupSeconds  float64               `json:"warmupSeconds"`
	SettleSeconds  float64               `json:"settleSeconds"`
	Requests       int                   `json:"requests"`
	Errors         int                   `json:"errors"`
	ErrorsByCode   map[string]int        `json:"errorsByCode"`
	ErrorSamples   []string              `json:"errorSamples,omitempty"`
	Throughput     float64               `json:"throughputRps"`
	Latency        latency               `json:"latency"`
	ByQuery        map[string]queryStats `json:"byQuery"`
	ServerCold     serverFigures         `json:"serverCold"`
	ServerBaseline serverFigures         `json:"serverBaseline"`
	ServerPeak     serverFigures         `json:"serverPeak"`
	ServerAfter    serverFigures         `json:"serverAfter"`
	Checks         []check               `json:"checks"`
	OK             bool                  `json:"ok"`
	Started        time.Time             `json:"started"`
}

// ---- running ------------------------------------------------------------------

type obs struct {
	query int
	dur   time.Duration
	code  string // "" OK
	msg   string
}

func run(ctx context.Context, o options) (*Result, error) {
	o.url = strings.TrimSuffix(o.url, "/")
	tr := &http.Transport{
		MaxIdleConns:        o.clients * 2,
		MaxIdleConnsPerHost: o.clients * 2,
		IdleConnTimeout:     90 * time.Second,
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
	}
	client := &http.Client{Transport: tr, Timeout: o.timeout}
	// Figures are read on a connection of their own, closed each time, so
	// that they never hold a server goroutine of their own.
	probe := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}

	if err := waitReady(ctx, probe, o.url, 60*time.Second); err != nil {
		return nil, err
	}
	ids, err := sampleIDs(ctx, probe, o.url)
	if err != nil {
		return nil, err
	}
	reqs := mix(ids)
	res := &Result{Label: o.label, URL: o.url, Clients: o.clients, Seconds: o.duration.Seconds(),
		WarmupSeconds: o.warmup.Seconds(), SettleSeconds: o.settle.Seconds(), ErrorsByCode: map[string]int{},
		ByQuery: map[string]queryStats{}, Started: time.Now().UTC()}
	if res.ServerCold, err = figures(ctx, probe, o.url); err != nil {
		return nil, err
	}
	fmt.Fprintf(os.Stderr, "kapload: %s: %d clients; warm-up %v\n", o.url, o.clients, o.warmup)
	if o.warmup > 0 {
		load(ctx, client, o, reqs, o.warmup, nil)
	}
	tr.CloseIdleConnections()
	sleep(ctx, o.settle)
	if res.ServerBaseline, err = figures(ctx, probe, o.url); err != nil {
		return nil, err
	}

	fmt.Fprintf(os.Stderr, "kapload: measured run of %v\n", o.duration)
	var peak serverFigures
	var peakMu sync.Mutex
	stopPeak := make(chan struct{})
	var peakWG sync.WaitGroup
	peakWG.Go(func() {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-stopPeak:
				return
			case <-t.C:
				if f, err := figures(ctx, probe, o.url); err == nil {
					peakMu.Lock()
					peak.Goroutines = math.Max(peak.Goroutines, f.Goroutines)
					peak.RSSBytes = math.Max(peak.RSSBytes, f.RSSBytes)
					peak.HeapBytes = math.Max(peak.HeapBytes, f.HeapBytes)
					peakMu.Unlock()
				}
			}
		}
	})
	start := time.Now()
	all := load(ctx, client, o, reqs, o.duration, res)
	elapsed := time.Since(start)
	close(stopPeak)
	peakWG.Wait()
	res.ServerPeak = peak

	tr.CloseIdleConnections()
	sleep(ctx, o.settle)
	if res.ServerAfter, err = figures(ctx, probe, o.url); err != nil {
		return nil, err
	}

	// Figures.
	res.Requests = len(all)
	res.Throughput = float64(len(all)) / elapsed.Seconds()
	durs := make([]time.Duration, 0, len(all))
	per := make([][]time.Duration, len(reqs))
	perErr := make([]int, len(reqs))
	for _, ob := range all {
		durs = append(durs, ob.dur)
		per[ob.query] = append(per[ob.query], ob.dur)
		if ob.code != "" {
			res.Errors++
			perErr[ob.query]++
			res.ErrorsByCode[ob.code]++
			if len(res.ErrorSamples) < 10 {
				res.ErrorSamples = append(res.ErrorSamples, reqs[ob.query].name+": "+ob.code+": "+ob.msg)
			}
		}
	}
	res.Latency = percentiles(durs)
	for i, r := range reqs {
		res.ByQuery[r.name] = queryStats{Requests: len(per[i]), Errors: perErr[i], Latency: percentiles(per[i])}
	}

	// Checks.
	add := func(name string, ok bool, format string, args ...any) {
		res.Checks = append(res.Checks, check{Name: name, OK: ok, Detail: fmt.Sprintf(format, args...)})
	}
	add("no errors", res.Errors == 0, "%d errors in %d requests %v", res.Errors, res.Requests, res.ErrorsByCode)
	add("every query of the mix ran", !slices.ContainsFunc(reqs, func(r request) bool { return res.ByQuery[r.name].Requests == 0 }), "%d queries", len(reqs))
	gb, ga := res.ServerBaseline.Goroutines, res.ServerAfter.Goroutines
	add("goroutines back to baseline", ga <= gb+o.goroutineTol, "%.0f → %.0f (tolerance +%.0f; cold %.0f, peak %.0f)", gb, ga, o.goroutineTol, res.ServerCold.Goroutines, peak.Goroutines)
	rb, ra := res.ServerBaseline.RSSBytes, res.ServerAfter.RSSBytes
	limit := rb*(1+o.rssTol) + o.rssSlack*(1<<20)
	add("RSS back within tolerance of baseline", ra <= limit, "%.1f → %.1f MiB (limit %.1f MiB; cold %.1f, peak %.1f)", rb/(1<<20), ra/(1<<20), limit/(1<<20), res.ServerCold.RSSBytes/(1<<20), peak.RSSBytes/(1<<20))
	res.OK = !slices.ContainsFunc(res.Checks, func(c check) bool { return !c.OK })
	return res, nil
}

// load runs the clients for d and returns what they saw (nil when res is
// nil: the warm-up).
func load(ctx context.Context, client *http.Client, o options, reqs []request, d time.Duration, res *Result) []obs {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	var mu sync.Mutex
	var all []obs
	var counter atomic.Int64
	var wg sync.WaitGroup
	for c := range o.clients {
		wg.Go(func() {
			var mine []obs
			for i := c; ctx.Err() == nil; i++ {
				q := i % len(reqs)
				n := int(counter.Add(1))
				r := reqs[q]
				start := time.Now()
				code, msg := do(ctx, client, o.url, r.query, r.vars(n))
				if code == "CANCELLED" {
					break // the run ended while it was in flight
				}
				mine = append(mine, obs{query: q, dur: time.Since(start), code: code, msg: msg})
			}
			if res != nil {
				mu.Lock()
				all = append(all, mine...)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return all
}

// do sends one query and classifies the answer: "" when it succeeded,
// else the first error's extensions.code, the HTTP status, or TRANSPORT.
func do(ctx context.Context, client *http.Client, base, query string, vars map[string]any) (code, msg string) {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequestWithContext(context.WithoutCancel(ctx), http.MethodPost, base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/graphql-response+json")
	resp, err := client.Do(req)
	if err != nil {
		return "TRANSPORT", err.Error()
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return "TRANSPORT", err.Error()
	}
	var g struct {
		Data   json.RawMessage `json:"data"`
		Errors []struct {
			Message    string         `json:"message"`
			Extensions map[string]any `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(b, &g); err != nil {
		return "HTTP_" + strconv.Itoa(resp.StatusCode), fmt.Sprintf("%.200q", b)
	}
	if len(g.Errors) > 0 {
		c, _ := g.Errors[0].Extensions["code"].(string)
		if c == "" {
			c = "NO_CODE"
		}
		return c, g.Errors[0].Message
	}
	if resp.StatusCode != http.StatusOK || len(g.Data) == 0 || string(g.Data) == "null" {
		return "HTTP_" + strconv.Itoa(resp.StatusCode), fmt.Sprintf("%.200q", b)
	}
	return "", ""
}

func percentiles(ds []time.Duration) latency {
	if len(ds) == 0 {
		return latency{}
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	at := func(p float64) float64 {
		i := int(math.Ceil(p*float64(len(s)))) - 1
		i = min(max(i, 0), len(s)-1)
		return float64(s[i].Microseconds()) / 1000
	}
	return latency{P50: at(0.50), P95: at(0.95), P99: at(0.99), Max: float64(s[len(s)-1].Microseconds()) / 1000}
}

// ---- talking to the server ---------------------------------------------------

func waitReady(ctx context.Context, c *http.Client, base string, within time.Duration) error {
	deadline := time.Now().Add(within)
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/readyz", nil)
		resp, err := c.Do(req)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
			err = fmt.Errorf("status %d", resp.StatusCode)
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return fmt.Errorf("%s/readyz not ready within %v: %v", base, within, err)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// ---- printing -------------------------------------------------------------------
