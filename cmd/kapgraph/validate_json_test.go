package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestValidateJSONArticles: `validate --json DIR` over a folder of
// articles from several publishers prints, per article, the title, the
// reference count, the top-level sections, the citations resolved and
// the reader's warnings; the text output names each warning file:line.
func TestValidateJSONArticles(t *testing.T) {
	dir := t.TempDir()
	files, err := filepath.Glob("../../loader/review/testdata/jats/*.xml")
	if err != nil || len(files) < 6 {
		t.Fatalf("fixtures: %v %d", err, len(files))
	}
	for _, f := range append(files, "../../loader/review/testdata/text/harvard-unnumbered.txt") {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"kapgraph", "validate", "--json", dir}, envFunc(nil), &out, &errOut); err != nil {
		t.Fatalf("validate --json: %v\n%s", err, errOut.String())
	}
	var reps []struct {
		Source  string `json:"source"`
		Article struct {
			Title      string   `json:"title"`
			References int      `json:"references"`
			Sections   []string `json:"sections"`
			Citations  int      `json:"citations"`
			Resolved   int      `json:"citationsResolved"`
			Warnings   []string `json:"warnings"`
		} `json:"article"`
	}
	if err := json.Unmarshal(out.Bytes(), &reps); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if len(reps) != len(files)+1 {
		t.Fatalf("%d reports, want %d", len(reps), len(files)+1)
	}
	for _, r := range reps {
		a := r.Article
		if a.Title == "" || a.References == 0 || len(a.Sections) < 4 || a.Citations == 0 || a.Resolved*10 < a.Citations*9 || a.Warnings == nil {
			t.Errorf("%s: %+v", r.Source, a)
		}
		if strings.HasSuffix(r.Source, "elife.xml") && (len(a.Warnings) != 1 || !strings.Contains(a.Warnings[0], "sub-article")) {
			t.Errorf("eLife warnings %q", a.Warnings)
		}
	}
	out.Reset()
	if err := run(context.Background(), []string{"kapgraph", "validate", dir}, envFunc(nil), &out, &errOut); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "elife.xml:73  <sub-article> skipped") || !strings.Contains(out.String(), "citations resolved: 16 of 16") {
		t.Errorf("text report lacks the warning or the citation count:\n%s", out.String())
	}
}
