// Package golden compares test output with committed golden files, and
// rewrites them on request. It lives under graph/storetest, which must
// depend on nothing outside graph/, and every package's tests share it
// (through internal/testutil).
package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// UpdateEnv names the one switch that rewrites golden files, in every
// package at once: `KAPGRAPH_UPDATE_GOLDEN=1 go test ./...`. An
// environment variable rather than a -update flag because a flag exists
// only in the test binaries that define it, so `go test ./... -update`
// fails in every other package.
const UpdateEnv = "KAPGRAPH_UPDATE_GOLDEN"

// UpdatingGolden reports whether this run rewrites golden files. It fails
// the test when asked to update under CI=true: CI checks the committed
// files and must never regenerate the answers it is checking against.
func Updating(t testing.TB) bool {
	t.Helper()
	v := strings.TrimSpace(os.Getenv(UpdateEnv))
	if v == "" {
		return false
	}
	on, err := strconv.ParseBool(v)
	if err != nil {
		t.Fatalf("%s=%q: want 1 or 0", UpdateEnv, v)
	}
	if on && inCI() {
		t.Fatalf("%s=%s under CI=%s: golden files are checked in CI, never rewritten", UpdateEnv, v, os.Getenv("CI"))
	}
	return on
}

func inCI() bool {
	on, _ := strconv.ParseBool(os.Getenv("CI"))
	return on
}

// Golden compares got with the golden file at path and reports a
// line-by-line diff when they differ. Under KAPGRAPH_UPDATE_GOLDEN=1 it
// writes got to path instead and compares nothing: a file just written
// from got would match it whatever got is. The test then logs what it
// rewrote (go test -v shows it) so the change is reviewed in git.
func File(t testing.TB, path string, got []byte) {
	t.Helper()
	if Updating(t) {
		writeGolden(t, path, got)
		return
	}
	Compare(t, path, got)
}

// CompareGolden compares got with the golden file at path and never
// writes it, even under KAPGRAPH_UPDATE_GOLDEN=1. It is for a second
// source that must give the answers another test wrote (the Neo4j engine
// answering what the embedded one recorded).
func Compare(t testing.TB, path string, got []byte) {
	t.Helper()
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading golden file: %v (%s=1 go test writes it; review the result before committing)", err, UpdateEnv)
	}
	// Compared as lines: cmp then shows only the lines that changed, with
	// a little context, however long the file.
	if d := cmp.Diff(strings.Split(string(want), "\n"), strings.Split(string(got), "\n")); d != "" {
		t.Errorf("%s differs from its golden file (-want +got):\n%s\n%s=1 go test rewrites it; review the diff before committing", path, d, UpdateEnv)
	}
}

func writeGolden(t testing.TB, path string, got []byte) {
	t.Helper()
	old, err := os.ReadFile(path)
	switch {
	case err == nil && string(old) == string(got):
		t.Logf("golden file %s is up to date", path)
		return
	case err != nil && !os.IsNotExist(err):
		t.Fatalf("reading golden file: %v", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatalf("writing golden file: %v", err)
	}
	if err := os.WriteFile(path, got, 0o644); err != nil {
		t.Fatalf("writing golden file: %v", err)
	}
	t.Logf("updated golden file %s (%s); nothing was compared", path, sizeChange(old, got))
}

func sizeChange(old, got []byte) string {
	if old == nil {
		return fmt.Sprintf("new, %d bytes", len(got))
	}
	return fmt.Sprintf("%d -> %d bytes", len(old), len(got))
}
