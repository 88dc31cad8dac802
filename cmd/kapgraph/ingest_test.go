package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/internal/synth"
)

// TestIngestCommand: ingest reads a corpus folder (a dry run into the
// embedded store here), prints a progress line per --every and a summary,
// and names the file it cannot read without failing.
func TestIngestCommand(t *testing.T) {
	dir := t.TempDir()
	if err := synth.WriteCorpus(dir, 3, 6, 2); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "broken.xml"), []byte("<article>"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut syncBuffer
	err := run(context.Background(), []string{"kapgraph", "ingest", "--progress", "lines", "--every", "0s", dir}, envFunc(nil), &out, &errOut)
	if err != nil {
		t.Fatalf("ingest: %v\n%s", err, errOut.String())
	}
	if !strings.Contains(out.String(), dir+": 6 loaded, 0 unchanged, 0 removed, 1 skipped (cannot be read)") {
		t.Errorf("summary:\n%s", out.String())
	}
	if n := strings.Count(errOut.String(), "ingest: "); n != 7 {
		t.Errorf("%d progress lines, want one per file (7):\n%s", n, errOut.String())
	}
	if !strings.Contains(errOut.String(), "7/7 files (6 loaded, 0 unchanged, 1 failed)") || !strings.Contains(errOut.String(), "broken.xml") {
		t.Errorf("progress and problems:\n%s", errOut.String())
	}
	err = run(context.Background(), []string{"kapgraph", "ingest", "--progress", "sideways", dir}, envFunc(nil), &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), `unknown --progress "sideways"`) {
		t.Errorf("bad --progress: %v", err)
	}
}
