package main

import (
	"fmt"
	"io"
	"strings"
)

// readersPkg holds the review readers, whose fuzz targets have a section
// of their own.
const readersPkg = "loader/review"

// fuzzArea is the area a fuzz target of pkg (short form) belongs to.
func fuzzArea(pkg string) string {
	if pkg == readersPkg {
		return "fuzz-readers"
	}
	return "fuzz"
}

// fuzzTargets are the top-level Fuzz tests of the area.
func (r *report) fuzzTargets(key string) []*testResult {
	var out []*testResult
	for _, t := range r.tests {
		if strings.HasPrefix(t.name, "Fuzz") && !strings.Contains(t.name, "/") && fuzzArea(short(t.pkg)) == key {
			out = append(out, t)
		}
	}
	return out
}

// fuzzRuns are the fuzzing runs of the area (their target is "pkg Name").
func (r *report) fuzzRuns(key string) []fuzzRun {
	var out []fuzzRun
	for _, f := range r.fuzz {
		pkg, _, _ := strings.Cut(f.target, " ")
		if fuzzArea(pkg) == key {
			out = append(out, f)
		}
	}
	return out
}

// fuzzCounts counts an area's seed-corpus tests and fuzzing runs, and how
// many passed (a run passes when it ended well and wrote no crasher).
func (r *report) fuzzCounts(key string) (n, ok int) {
	for _, t := range r.fuzzTargets(key) {
		n++
		if t.action == "pass" {
			ok++
		}
	}
	for _, f := range r.fuzzRuns(key) {
		n++
		if f.passed() {
			ok++
		}
	}
	return n, ok
}

func (f fuzzRun) passed() bool { return f.result == "ok" && len(f.crashers) == 0 }

func (r *report) renderFuzz(w io.Writer, a area) {
	targets, runs := r.fuzzTargets(a.key), r.fuzzRuns(a.key)
	if len(targets) == 0 && len(runs) == 0 {
		return
	}
	fmt.Fprintf(w, "## %s\n\n%s\n\n", a.title, a.intro)
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
	if len(runs) == 0 {
		return
	}
	fmt.Fprintln(w, "Fuzzing runs (`go test -fuzz`) of this report:")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| target | seconds | executions | crashers | result |")
	fmt.Fprintln(w, "| --- | ---: | ---: | ---: | --- |")
	var crashers []string
	for _, f := range runs {
		fmt.Fprintf(w, "| %s | %s | %s | %d | %s |\n", cell(f.target), cell(f.seconds), cell(f.execs), len(f.crashers), result(f.passed()))
		crashers = append(crashers, f.crashers...)
	}
	fmt.Fprintln(w)
	if len(crashers) == 0 {
		fmt.Fprintln(w, "Crashers: none.")
		fmt.Fprintln(w)
		return
	}
	fmt.Fprintln(w, "Crashers (the failing inputs the fuzzer wrote; `go test` replays each until it is fixed):")
	fmt.Fprintln(w)
	for _, c := range crashers {
		fmt.Fprintf(w, "- `%s`\n", cell(c))
	}
	fmt.Fprintln(w)
}
