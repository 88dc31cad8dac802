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
