package main

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
)

func (r *report) renderLoad(w io.Writer, title string) {
	if len(r.loads) == 0 {
		return
	}
	fmt.Fprintf(w, "## %s\n\n", title)
	fmt.Fprintln(w, "tools/reliability/cmd/kapload against `kapgraph serve` (the built binary) on loopback: each client loops over the mix (stats; a nested entity with claims and evidence; a filtered, ordered study list; mechanism paths of 4 and of 6 hops; a neighbourhood of depth 2; search). The server's goroutines and RSS come from its /metrics: *cold* at start, *baseline* after an unmeasured warm-up run and a settle period with the clients' idle connections closed, *after* the same way after the measured run; *after* is compared with *baseline*.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| run | clients × s | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms | goroutines cold / baseline / peak / after | RSS MiB cold / baseline / peak / after | result |")
	fmt.Fprintln(w, "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |")
	mib := func(b float64) string { return fmt.Sprintf("%.1f", b/(1<<20)) }
	for _, l := range r.loads {
		fmt.Fprintf(w, "| %s | %d × %.0f | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f / %.0f / %.0f / %.0f | %s / %s / %s / %s | %s |\n",
			l.Label, l.Clients, l.Seconds, l.Requests, l.Errors, l.Throughput, l.Latency.P50, l.Latency.P95, l.Latency.P99, l.Latency.Max,
			l.ServerCold.Goroutines, l.ServerBaseline.Goroutines, l.ServerPeak.Goroutines, l.ServerAfter.Goroutines,
			mib(l.ServerCold.RSSBytes), mib(l.ServerBaseline.RSSBytes), mib(l.ServerPeak.RSSBytes), mib(l.ServerAfter.RSSBytes), result(l.OK))
	}
	fmt.Fprintln(w)
	for _, l := range r.loads {
		fmt.Fprintf(w, "### %s: per query\n\n", l.Label)
		fmt.Fprintln(w, "| query | requests | errors | p50 ms | p95 ms | p99 ms | max ms |")
		fmt.Fprintln(w, "| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
		for _, n := range slices.Sorted(maps.Keys(l.ByQuery)) {
			q := l.ByQuery[n]
			fmt.Fprintf(w, "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f |\n", n, q.Requests, q.Errors, q.Latency.P50, q.Latency.P95, q.Latency.P99, q.Latency.Max)
		}
		fmt.Fprintln(w)
		fmt.Fprintln(w, "| check | detail | result |")
		fmt.Fprintln(w, "| --- | --- | --- |")
		for _, c := range l.Checks {
			fmt.Fprintf(w, "| %s | %s | %s |\n", cell(c.Name), cell(c.Detail), result(c.OK))
		}
		for _, s := range l.ErrorSamples {
			fmt.Fprintf(w, "\n- error sample: %s", cell(s))
		}
		fmt.Fprintln(w)
		fmt.Fprintln(w)
	}
}

func (r *report) renderFuzz(w io.Writer, title string) {
	var targets []*testResult
	for _, t := range r.tests {
		if strings.HasPrefix(t.name, "Fuzz") && !strings.Contains(t.name, "/") {
			targets = append(targets, t)
		}
	}
	if len(targets) == 0 && len(r.fuzz) == 0 {
		return
	}
	fmt.Fprintf(w, "## %s\n\n", title)
	fmt.Fprintln(w, "Go fuzz targets over the request decoding of /graphql (api/httpapi/fuzz_test.go: POST bodies with Content-Type, Accept, X-Request-ID and Origin; GET query strings with Accept and If-None-Match) and over the filter, search and path arguments (resolvers/fuzz_test.go). Any input must give no panic, no 5xx, no INTERNAL_SERVER_ERROR, an `extensions.code` on every error, and answers that respect the arguments. The review readers are fuzzed too (loader/review: FuzzParseReview over the plain-text layouts of testdata/text and the seeds, FuzzParseJATS over the JATS fixtures of six publishers' conventions in testdata/jats): any input must give no panic, only a *SourceError naming file and line as a refusal, and passages, sections and citations that point inside the input. Their seed corpora (f.Add and testdata/fuzz/) run in every `go test`.")
	fmt.Fprintln(w)
	if len(targets) > 0 {
		fmt.Fprintln(w, "| target | seed inputs run | result |")
		fmt.Fprintln(w, "| --- | ---: | --- |")
		for _, t := range targets {
			seeds := 0
			for _, s := range r.tests {
				if s.pkg == t.pkg && strings.HasPrefix(s.name, t.name+"/") {
					seeds++
				}
			}
			fmt.Fprintf(w, "| `%s` %s | %d | %s |\n", short(t.pkg), t.name, seeds, result(t.action == "pass"))
		}
		fmt.Fprintln(w)
	}
	if len(r.fuzz) > 0 {
		fmt.Fprintln(w, "Fuzzing runs (`go test -fuzz`) of this report:")
		fmt.Fprintln(w)
		fmt.Fprintln(w, "| target | seconds | executions | result |")
		fmt.Fprintln(w, "| --- | ---: | ---: | --- |")
		for _, f := range r.fuzz {
			fmt.Fprintf(w, "| %s | %s | %s | %s |\n", f.target, f.seconds, f.execs, result(f.result == "ok"))
		}
		fmt.Fprintln(w)
	}
}

func result(ok bool) string {
	if ok {
		return "pass"
	}
	return "**FAIL**"
}

func short(pkg string) string { return strings.TrimPrefix(pkg, "github.com/kapgraph/kapgraph/") }

// cell makes s safe inside a markdown table cell.
func cell(s string) string {
	s = strings.NewReplacer("|", `\|`, "\n", " ", "\r", "").Replace(s)
	var b strings.Builder
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == 0x2028 || r == 0x2029 || r == 0x202e {
			fmt.Fprintf(&b, "\\u%04x", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func skipReason(out string) string {
	lines := slices.Collect(strings.Lines(out))
	for i := len(lines) - 1; i >= 0; i-- {
		l := strings.TrimSpace(lines[i])
		if l == "" || strings.HasPrefix(l, "---") || strings.HasPrefix(l, "===") {
			continue
		}
		if _, rest, ok := strings.Cut(l, ": "); ok && strings.Contains(l, ".go:") {
			return cell(rest)
		}
		return cell(l)
	}
	return ""
}
