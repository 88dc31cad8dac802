package main

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func render(t *testing.T, r *report) string {
	t.Helper()
	var b strings.Builder
	r.render(&b)
	return b.String()
}

var notes = []string{"Mode: test", "Machine: golden"}

// TestReportGolden renders the report of testdata's run (a go test -json
// stream with cases of several areas, a failed kill point, a skipped
// test and a split case line; a kapload result; fuzzing runs, one with a
// crasher) and compares it with testdata/report.golden.md.
// KAPGRAPH_UPDATE_GOLDEN=1 rewrites the golden file.
func TestReportGolden(t *testing.T) {
	r, err := build("scripts/reliability.sh --ci", notes,
		[]string{"testdata/tests.json"}, []string{"testdata/load-embedded.json"}, []string{"testdata/fuzz.tsv"})
	if err != nil {
		t.Fatal(err)
	}
	got := render(t, r)
	golden := filepath.Join("testdata", "report.golden.md")
	if os.Getenv("KAPGRAPH_UPDATE_GOLDEN") == "1" {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("the report differs from %s (KAPGRAPH_UPDATE_GOLDEN=1 rewrites it):\n%s", golden, got)
	}
	if r.ok() {
		t.Error("ok() with a failed kill point and a crasher")
	}
}

// TestReportSections checks what the report must say, whatever the
// golden file holds.
func TestReportSections(t *testing.T) {
	r, err := build("x", nil, []string{"testdata/tests.json"}, []string{"testdata/load-embedded.json"}, []string{"testdata/fuzz.tsv"})
	if err != nil {
		t.Fatal(err)
	}
	out := render(t, r)
	for _, want := range []string{
		"| 6. Hostile TRAPI bodies, both engines | 2 | 2 | 0 |",
		"| 7. kill -9 during corpus ingest, both engines | 3 | 2 | 1 |",
		"| 8. Fuzzing the review readers (text and JATS) | 4 | 3 | 1 |",
		"| 1. Fuzzing: request decoding and filter arguments | 2 | 2 | 0 |",
		"| 4. Sustained load | 1 | 1 | 0 |",
		"## 6. Hostile TRAPI bodies, both engines",
		`neo4j: wrong type: ids a string \| piped (119 B)`,
		"## 7. kill -9 during corpus ingest, both engines",
		"| loader/review FuzzParseJATS | 60 | 98765 | 1 | **FAIL** |",
		"- `loader/review/testdata/fuzz/FuzzParseJATS/0123abcd`",
		"| `loader/review` FuzzParseReview | 3 | pass |",
		"Overall: **FAIL**",
		"- `tools/reliability` TestDatabaseFaults: no java on PATH: the Neo4j tests cannot run",
		"- Run started: 2026-12-06T19:59:58Z",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	// Each kill point is a row of its own.
	if n := strings.Count(out, "| neo4j, run ") + strings.Count(out, "| embedded, run "); n != 3 {
		t.Errorf("%d kill point rows, want 3", n)
	}
}

// TestReportDeterministic: go test -json interleaves packages in any
// order; the report must not change with it.
func TestReportDeterministic(t *testing.T) {
	b, err := os.ReadFile("testdata/tests.json")
	if err != nil {
		t.Fatal(err)
	}
	// The same events, grouped by package in reverse order of first
	// appearance (each package's own order kept).
	var pkgs []string
	byPkg := map[string][]string{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Text()
		_, rest, _ := strings.Cut(line, `"Package":"`)
		pkg, _, _ := strings.Cut(rest, `"`)
		if _, ok := byPkg[pkg]; !ok {
			pkgs = append(pkgs, pkg)
		}
		byPkg[pkg] = append(byPkg[pkg], line)
	}
	slices.Reverse(pkgs)
	var shuffled []string
	for _, p := range pkgs {
		shuffled = append(shuffled, byPkg[p]...)
	}
	path := filepath.Join(t.TempDir(), "tests.json")
	if err := os.WriteFile(path, []byte(strings.Join(shuffled, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	a, err := build("x", notes, []string{"testdata/tests.json"}, nil, []string{"testdata/fuzz.tsv"})
	if err != nil {
		t.Fatal(err)
	}
	c, err := build("x", notes, []string{path}, nil, []string{"testdata/fuzz.tsv"})
	if err != nil {
		t.Fatal(err)
	}
	if x, y := render(t, a), render(t, c); x != y {
		t.Errorf("the report depends on the order of packages in the stream:\n%s\n----\n%s", x, y)
	}
}

func TestReadFuzz(t *testing.T) {
	for _, c := range []struct {
		name, text string
		err        bool
		runs       int
		pass       bool
	}{
		{"four fields (no crasher column)", "api/httpapi FuzzGraphQLGet\t10\t55\tok\n", false, 1, true},
		{"empty crasher column", "loader/review FuzzParseReview\t10\t55\tok\t\n", false, 1, true},
		{"a crasher fails the run even when go test said ok", "loader/review FuzzParseReview\t10\t55\tok\ta,b\n", false, 1, false},
		{"FAIL", "loader/review FuzzParseJATS\t10\t55\tFAIL\n", false, 1, false},
		{"blank lines are skipped", "\n\n", false, 0, true},
		{"a line of two fields", "x\ty\n", true, 0, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "fuzz.tsv")
			if err := os.WriteFile(path, []byte(c.text), 0o644); err != nil {
				t.Fatal(err)
			}
			r := &report{}
			err := r.readFuzz(path)
			if (err != nil) != c.err {
				t.Fatalf("error %v, want error: %v", err, c.err)
			}
			if c.err {
				return
			}
			if len(r.fuzz) != c.runs || r.ok() != c.pass {
				t.Errorf("%d runs, ok %v; want %d, %v", len(r.fuzz), r.ok(), c.runs, c.pass)
			}
		})
	}
}
