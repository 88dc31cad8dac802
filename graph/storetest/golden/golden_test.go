package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// recorder stands in for the test a helper is given, so that the
// helper's failures can be checked rather than failing this test.
type recorder struct {
	testing.TB
	errors, fatals, logs []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}
func (r *recorder) Logf(format string, args ...any) {
	r.logs = append(r.logs, fmt.Sprintf(format, args...))
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.fatals = append(r.fatals, fmt.Sprintf(format, args...))
	runtime.Goexit() // as testing does: nothing after a Fatalf runs
}

// run calls f with a recorder on its own goroutine, as a test runs.
func run(t *testing.T, f func(testing.TB)) *recorder {
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f(r)
	}()
	<-done
	return r
}

func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name     string
		update   string
		ci       string
		existing *string // nil: no golden file
		got      string
		// What must happen.
		wantFile   string // the file's content afterwards ("" and no file when nothing was written)
		wantErrors []string
		wantFatals []string
		wantLogs   []string
	}{
		{name: "match", existing: ptr("a\nb\n"), got: "a\nb\n", wantFile: "a\nb\n"},
		{name: "mismatch shows the changed line", existing: ptr("a\nb\nc\n"), got: "a\nB\nc\n", wantFile: "a\nb\nc\n",
			wantErrors: []string{"-want +got", `"b"`, `"B"`, "KAPGRAPH_UPDATE_GOLDEN=1"}},
		{name: "missing file fails", got: "a\n", wantFatals: []string{"no such file", "KAPGRAPH_UPDATE_GOLDEN=1"}},
		{name: "update writes and does not compare", update: "1", existing: ptr("old\n"), got: "new\n", wantFile: "new\n",
			wantLogs: []string{"updated golden file", "4 -> 4 bytes", "nothing was compared"}},
		{name: "update creates a missing file", update: "true", got: "new\n", wantFile: "new\n", wantLogs: []string{"new, 4 bytes"}},
		{name: "update of an unchanged file says so", update: "1", existing: ptr("same\n"), got: "same\n", wantFile: "same\n", wantLogs: []string{"up to date"}},
		{name: "update=0 compares", update: "0", existing: ptr("old\n"), got: "new\n", wantFile: "old\n", wantErrors: []string{"differs"}},
		{name: "update refused in CI", update: "1", ci: "true", existing: ptr("old\n"), got: "new\n", wantFile: "old\n",
			wantFatals: []string{"never rewritten"}},
		{name: "CI alone compares", ci: "true", existing: ptr("old\n"), got: "new\n", wantFile: "old\n", wantErrors: []string{"differs"}},
		{name: "unreadable switch fails", update: "yes please", existing: ptr("old\n"), got: "new\n", wantFile: "old\n",
			wantFatals: []string{"want 1 or 0"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(UpdateEnv, tc.update)
			t.Setenv("CI", tc.ci)
			path := filepath.Join(t.TempDir(), "sub", "x.golden")
			if tc.existing != nil {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(*tc.existing), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			r := run(t, func(tb testing.TB) { File(tb, path, []byte(tc.got)) })
			checkAll(t, "errors", r.errors, tc.wantErrors)
			checkAll(t, "fatals", r.fatals, tc.wantFatals)
			checkAll(t, "logs", r.logs, tc.wantLogs)
			data, err := os.ReadFile(path)
			if tc.wantFile == "" {
				if err == nil {
					t.Errorf("golden file written: %q", data)
				}
				return
			}
			if string(data) != tc.wantFile {
				t.Errorf("golden file holds %q, want %q (err %v)", data, tc.wantFile, err)
			}
		})
	}
}

// TestCompareGoldenNeverWrites: the second engine's answers are checked
// against the first one's even while updating.
func TestCompareGoldenNeverWrites(t *testing.T) {
	t.Setenv(UpdateEnv, "1")
	t.Setenv("CI", "")
	path := filepath.Join(t.TempDir(), "x.golden")
	if err := os.WriteFile(path, []byte("embedded\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, func(tb testing.TB) { Compare(tb, path, []byte("neo4j\n")) })
	checkAll(t, "errors", r.errors, []string{"differs"})
	if data, _ := os.ReadFile(path); string(data) != "embedded\n" {
		t.Errorf("CompareGolden wrote %q", data)
	}
}

func checkAll(t *testing.T, what string, got, want []string) {
	t.Helper()
	if len(want) == 0 {
		if len(got) != 0 {
			t.Errorf("%s: %q, want none", what, got)
		}
		return
	}
	all := strings.Join(got, "\n")
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("%s: %q does not contain %q", what, all, w)
		}
	}
}

func ptr(s string) *string { return &s }
