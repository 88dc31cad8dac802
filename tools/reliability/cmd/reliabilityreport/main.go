// Command reliabilityreport renders RELIABILITY.md from what the
// reliability run produced: the `go test -json` output of the tests (each
// case they check is a reliability.Record line in it), the JSON results of
// kapload, and optionally the summaries of fuzzing runs. Nothing in the
// report is written by hand; scripts/reliability.sh runs everything and
// then this.
//
//	reliabilityreport -tests tests.json -load embedded.json -load neo4j.json -fuzz fuzz.txt -out RELIABILITY.md
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/kapgraph/kapgraph/tools/reliability"
)

type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(v string) error { *m = append(*m, v); return nil }

func main() {
	var tests, loads, fuzz, notes multi
	out := flag.String("out", "RELIABILITY.md", "the markdown file to write")
	command := flag.String("command", "scripts/reliability.sh", "the command that produced the inputs, for the report")
	flag.Var(&tests, "tests", "go test -json output (repeatable)")
	flag.Var(&loads, "load", "kapload -json result (repeatable)")
	flag.Var(&fuzz, "fuzz", "fuzzing summary: lines of 'target<TAB>seconds<TAB>execs<TAB>result[<TAB>crasher,crasher...]' (repeatable)")
	flag.Var(&notes, "note", "a line for the run section, e.g. the mode (repeatable)")
	flag.Parse()

	r, err := build(*command, notes, tests, loads, fuzz)
	if err != nil {
		fail(err)
	}
	var b strings.Builder
	r.render(&b)
	if err := os.WriteFile(*out, []byte(b.String()), 0o644); err != nil {
		fail(err)
	}
	if !r.ok() {
		fmt.Fprintf(os.Stderr, "reliabilityreport: %s written; some cases failed\n", *out)
		os.Exit(1)
	}
}

// build reads the run's outputs into a report.
func build(command string, notes, tests, loads, fuzz []string) (*report, error) {
	r := &report{command: command, notes: notes}
	for _, f := range tests {
		if err := r.readTests(f); err != nil {
			return nil, err
		}
	}
	for _, f := range loads {
		if err := r.readLoad(f); err != nil {
			return nil, err
		}
	}
	for _, f := range fuzz {
		if err := r.readFuzz(f); err != nil {
			return nil, err
		}
	}
	return r, nil
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "reliabilityreport:", err)
	os.Exit(2)
}

// ---- inputs ---------------------------------------------------------------

type testEvent struct {
	Time    time.Time
	Action  string
	Package string
	Test    string
	Output  string
	Elapsed float64
}

type testResult struct {
	pkg, name string
	action    string // pass, fail, skip
	elapsed   float64
	output    strings.Builder
}

type recorded struct {
	reliability.Case
	test string
}

type loadResult struct {
	Label         string  `json:"label"`
	Clients       int     `json:"clients"`
	Seconds       float64 `json:"seconds"`
	WarmupSeconds float64 `json:"warmupSeconds"`
	SettleSeconds float64 `json:"settleSeconds"`
	Requests      int     `json:"requests"`
	Errors        int     `json:"errors"`
	ErrorsByCode  map[string]int
	ErrorSamples  []string `json:"errorSamples"`
	Throughput    float64  `json:"throughputRps"`
	Latency       latency  `json:"latency"`
	ByQuery       map[string]struct {
		Requests int     `json:"requests"`
		Errors   int     `json:"errors"`
		Latency  latency `json:"latency"`
	} `json:"byQuery"`
	ServerCold     figures `json:"serverCold"`
	ServerBaseline figures `json:"serverBaseline"`
	ServerPeak     figures `json:"serverPeak"`
	ServerAfter    figures `json:"serverAfter"`
	Checks         []struct {
		Name   string `json:"name"`
		OK     bool   `json:"ok"`
		Detail string `json:"detail"`
	} `json:"checks"`
	OK bool `json:"ok"`
}

type latency struct {
	P50 float64 `json:"p50Ms"`
	P95 float64 `json:"p95Ms"`
	P99 float64 `json:"p99Ms"`
	Max float64 `json:"maxMs"`
}

type figures struct {
	Goroutines float64 `json:"goroutines"`
	RSSBytes   float64 `json:"rssBytes"`
	HeapBytes  float64 `json:"heapBytes"`
}

// fuzzRun is one `go test -fuzz` run of scripts/reliability.sh.
type fuzzRun struct {
	target, seconds, execs, result string
	// crashers are the failing inputs the fuzzer wrote (testdata/fuzz/...),
	// none when it found nothing.
	crashers []string
}

type report struct {
	command string
	notes   []string
	tests   []*testResult
	byKey   map[string]*testResult
	cases   []recorded
	loads   []loadResult
	fuzz    []fuzzRun
	started time.Time
}

func (r *report) readTests(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if r.byKey == nil {
		r.byKey = map[string]*testResult{}
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var ev testEvent
		if json.Unmarshal(sc.Bytes(), &ev) != nil || ev.Test == "" {
			continue
		}
		if r.started.IsZero() || ev.Time.Before(r.started) {
			r.started = ev.Time
		}
		key := ev.Package + " " + ev.Test
		t, ok := r.byKey[key]
		if !ok {
			t = &testResult{pkg: ev.Package, name: ev.Test}
			r.byKey[key] = t
			r.tests = append(r.tests, t)
		}
		switch ev.Action {
		case "output":
			t.output.WriteString(ev.Output)
		case "pass", "fail", "skip":
			t.action, t.elapsed = ev.Action, ev.Elapsed
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	// `go test` runs packages at once: the report lists them in a fixed
	// order (within a package, tests run one after another).
	slices.SortStableFunc(r.tests, func(a, b *testResult) int { return strings.Compare(a.pkg, b.pkg) })
	r.cases = r.cases[:0]
	// Recorded cases, from the outputs (a long line may have been split
	// across events; the concatenation joins it again).
	for _, t := range r.tests {
		for line := range strings.Lines(t.output.String()) {
			i := strings.Index(line, reliability.Marker)
			if i < 0 {
				continue
			}
			var c reliability.Case
			if err := json.Unmarshal([]byte(strings.TrimSpace(line[i+len(reliability.Marker):])), &c); err != nil {
				return fmt.Errorf("%s: %s: a recorded case that is not JSON: %v", path, t.name, err)
			}
			r.cases = append(r.cases, recorded{Case: c, test: t.name})
		}
	}
	return nil
}

func (r *report) readLoad(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var l loadResult
	if err := json.Unmarshal(b, &l); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	r.loads = append(r.loads, l)
	return nil
}

func (r *report) readFuzz(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	for line := range strings.Lines(string(b)) {
		f := strings.Split(strings.TrimRight(line, "\n"), "\t")
		if len(f) < 4 || len(f) > 5 {
			if strings.TrimSpace(line) != "" {
				return fmt.Errorf("%s: not a fuzzing summary line: %q", path, line)
			}
			continue
		}
		run := fuzzRun{target: f[0], seconds: f[1], execs: f[2], result: f[3]}
		if len(f) == 5 && f[4] != "" {
			run.crashers = strings.Split(f[4], ",")
		}
		r.fuzz = append(r.fuzz, run)
	}
	return nil
}

func (r *report) ok() bool {
	for _, t := range r.tests {
		if t.action == "fail" {
			return false
		}
	}
	for _, c := range r.cases {
		if !c.OK {
			return false
		}
	}
	for _, l := range r.loads {
		if !l.OK {
			return false
		}
	}
	for _, f := range r.fuzz {
		if f.result != "ok" || len(f.crashers) > 0 {
			return false
		}
	}
	return true
}

// ---- rendering -------------------------------------------------------------

func (r *report) render(w io.Writer) {
	fmt.Fprintln(w, "# RELIABILITY")
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Generated by `%s` (tools/reliability/cmd/reliabilityreport) from `go test -json` output and kapload results; do not edit by hand.\n\n", r.command)
	if !r.started.IsZero() {
		fmt.Fprintf(w, "- Run started: %s\n", r.started.UTC().Format(time.RFC3339))
	}
	for _, n := range r.notes {
		fmt.Fprintf(w, "- %s\n", n)
	}
	fmt.Fprintln(w)

	// Summary.
	fmt.Fprintln(w, "## Summary")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| area | cases | passed | failed |")
	fmt.Fprintln(w, "| --- | ---: | ---: | ---: |")
	for _, a := range areas {
		n, ok := 0, 0
		for _, c := range r.cases {
			if c.Area == a.key {
				n++
				if c.OK {
					ok++
				}
			}
		}
		switch a.key {
		case "load":
			n, ok = len(r.loads), 0
			for _, l := range r.loads {
				if l.OK {
					ok++
				}
			}
		case "fuzz", "fuzz-readers":
			n, ok = r.fuzzCounts(a.key)
		}
		if n == 0 {
			continue
		}
		fmt.Fprintf(w, "| %s | %d | %d | %d |\n", a.title, n, ok, n-ok)
	}
	var failedTests, skipped []*testResult
	for _, t := range r.tests {
		switch t.action {
		case "fail":
			failedTests = append(failedTests, t)
		case "skip":
			skipped = append(skipped, t)
		}
	}
	fmt.Fprintf(w, "\nTests and subtests run: %d, failed: %d, skipped: %d. Overall: **%s**.\n\n", len(r.tests), len(failedTests), len(skipped), map[bool]string{true: "PASS", false: "FAIL"}[r.ok()])
	if len(failedTests) > 0 {
		fmt.Fprintln(w, "Failed tests:")
		fmt.Fprintln(w)
		for _, t := range failedTests {
			fmt.Fprintf(w, "- `%s` %s\n", short(t.pkg), t.name)
		}
		fmt.Fprintln(w)
	}
	if len(skipped) > 0 {
		fmt.Fprintln(w, "Skipped tests (they never skip with CI=true):")
		fmt.Fprintln(w)
		for _, t := range skipped {
			fmt.Fprintf(w, "- `%s` %s: %s\n", short(t.pkg), t.name, skipReason(t.output.String()))
		}
		fmt.Fprintln(w)
	}

	for _, a := range areas {
		switch a.key {
		case "load":
			r.renderLoad(w, a.title)
			continue
		case "fuzz", "fuzz-readers":
			r.renderFuzz(w, a)
			continue
		}
		var cs []recorded
		for _, c := range r.cases {
			if c.Area == a.key {
				cs = append(cs, c)
			}
		}
		if len(cs) == 0 {
			continue
		}
		fmt.Fprintf(w, "## %s\n\n", a.title)
		if a.intro != "" {
			fmt.Fprintf(w, "%s\n\n", a.intro)
		}
		if a.key == "surface" {
			r.renderSurface(w, cs)
		}
		fmt.Fprintln(w, "| case | expected | got | ms | result |")
		fmt.Fprintln(w, "| --- | --- | --- | ---: | --- |")
		for _, c := range cs {
			msStr := ""
			if c.Millis > 0 {
				msStr = fmt.Sprintf("%.1f", c.Millis)
			}
			got := c.Got
			if c.Detail != "" {
				got += "<br>" + c.Detail
			}
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", cell(c.Name), cell(c.Expect), cell(got), msStr, result(c.OK))
		}
		fmt.Fprintln(w)
	}
}

func (r *report) renderSurface(w io.Writer, cs []recorded) {
	noMutation, routes, others := false, "", true
	for _, c := range cs {
		switch c.Name {
		case "GraphQL schema root types":
			noMutation = c.OK
		case "HTTP routes (api/httpapi/routes.go)":
			routes = c.Got
		default:
			others = others && c.OK
		}
	}
	if noMutation && others {
		fmt.Fprintln(w, "kapgraph has **no admin and no mutation endpoints**. The GraphQL schema has a Query type only: no Mutation, no Subscription. Every write method (POST, PUT, DELETE, PATCH) sent to every route of the running binary is refused with 404 or 405, except POST /graphql, which runs queries only; unknown paths (admin, debug, pprof, config, ...) are 404. Data is written only offline, by `kapgraph load`.")
	} else {
		fmt.Fprintln(w, "**Some surface checks failed: see the table.**")
	}
	if routes != "" {
		fmt.Fprintf(w, "\nThe routes, as api/httpapi/routes.go declares them: `%s`.\n", strings.ReplaceAll(routes, ", ", "`, `"))
	}
	fmt.Fprintln(w)
}
