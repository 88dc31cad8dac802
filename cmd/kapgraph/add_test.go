package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// reviewFolder writes a folder of reviews: the test review that names
// alcohol use disorder, and, with broken, a review that cannot be read.
func reviewFolder(t *testing.T, broken bool) string {
	t.Helper()
	dir := t.TempDir()
	data, err := os.ReadFile("../../loader/testdata/ketamine-mindfulness-review.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ketamine-mindfulness-review.txt"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if broken {
		if err := os.WriteFile(filepath.Join(dir, "empty-review.txt"), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestValidateEveryProblem: validate names every problem of every file in
// one run, grouped by file with counts, and fails.
func TestValidateEveryProblem(t *testing.T) {
	base := t.TempDir()
	for _, f := range []string{"ward-2025-ketamine-assisted-psychotherapy-addiction.txt", "lexicon.yaml", "ward-2025-ketamine-assisted-psychotherapy-addiction.claims.yaml"} {
		data, err := os.ReadFile(filepath.Join("../../seeds", f))
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(f, ".claims.yaml") {
			s := strings.Replace(string(data), "predicate: AFFECTS", "predicate: CAUSES", 1)
			data = []byte(strings.Replace(s, "knowledge_level: observation", "knowledge_level: anecdote", 1))
		}
		if err := os.WriteFile(filepath.Join(base, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	add := reviewFolder(t, true)
	var out, errOut syncBuffer
	err := run(context.Background(), []string{"kapgraph", "validate", "--add", add, base}, envFunc(nil), &out, &errOut)
	if err == nil || err.Error() != "3 problems (listed above)" {
		t.Fatalf("want a failure counting 3 problems, got %v", err)
	}
	for _, w := range []string{
		"3 problems in 2 files:",
		"ward-2025-ketamine-assisted-psychotherapy-addiction.claims.yaml (2 problems)",
		`unknown predicate "CAUSES"`,
		`unknown knowledge_level "anecdote"`,
		"empty-review.txt (1 problem)",
		"Ketamine and Mindfulness for Alcohol Use Disorder", // the good review's report is still printed
	} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("output lacks %q:\n%s", w, out.String())
		}
	}

	out, errOut = syncBuffer{}, syncBuffer{}
	err = run(context.Background(), []string{"kapgraph", "validate", "--json", "--add", add, base}, envFunc(nil), &out, &errOut)
	var doc struct {
		Reviews  []json.RawMessage
		Problems []struct{ File, Message string }
	}
	if err == nil || json.Unmarshal([]byte(out.String()), &doc) != nil || len(doc.Problems) != 3 || len(doc.Reviews) != 1 {
		t.Errorf("--json: want 1 review and 3 problems and a failure, got %v and\n%s", err, out.String())
	}
}

// TestLoadAdd: load --add reads the added review beside the built-in
// seeds, names the file it skips, and --strict refuses instead.
func TestLoadAdd(t *testing.T) {
	add := reviewFolder(t, true)
	var out, errOut syncBuffer
	if err := run(context.Background(), []string{"kapgraph", "load", "--add", add}, envFunc(nil), &out, &errOut); err != nil {
		t.Fatalf("load --add: %v\n%s", err, errOut.String())
	}
	if !strings.Contains(out.String(), "loaded KAP:ward-2025") || !strings.Contains(out.String(), "loaded KAP:ferreira-2025") {
		t.Errorf("load should write the seed and the added review:\n%s", out.String())
	}
	if !strings.Contains(errOut.String(), "empty-review.txt") || !strings.Contains(errOut.String(), "skipped") {
		t.Errorf("load should name the skipped file:\n%s", errOut.String())
	}
	out, errOut = syncBuffer{}, syncBuffer{}
	err := run(context.Background(), []string{"kapgraph", "load", "--strict", "--add", add}, envFunc(nil), &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), "empty-review.txt") || strings.Contains(out.String(), "loaded") {
		t.Errorf("load --strict: want a refusal naming empty-review.txt and nothing loaded, got %v\n%s", err, out.String())
	}
}

// TestServeAddAndWarnings: serve --add serves the added review with the
// seeds' grounded ids, and names the file it skipped in /readyz and in the
// API's `warnings`; --strict refuses to start.
func TestServeAddAndWarnings(t *testing.T) {
	add := reviewFolder(t, true)
	base := startServe(t, nil, "--add", add)

	resp, err := http.Get(base + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var ready struct {
		Status   string
		Warnings []struct {
			File    string
			Line    int
			Message string
		}
	}
	if err := json.Unmarshal(body, &ready); err != nil || ready.Status != "ready" || len(ready.Warnings) != 2 ||
		!strings.HasSuffix(ready.Warnings[0].File, "empty-review.txt") || !strings.HasPrefix(ready.Warnings[1].Message, "not loaded") {
		t.Errorf("/readyz: want ready with the problem and the skipped review, got %s", body)
	}

	got := postQuery(t, base, `{ warnings { file line message } node(id: "KAP:ferreira-2025-ketamine") { id name } }`)
	var ans struct {
		Data struct {
			Warnings []struct {
				File    string
				Line    *int
				Message string
			}
			Node *struct{ ID, Name string }
		}
	}
	if err := json.Unmarshal(got[strings.IndexByte(string(got), '{'):], &ans); err != nil {
		t.Fatalf("%v in %s", err, got)
	}
	w := ans.Data.Warnings
	if len(w) != 2 || w[0].File != filepath.Join(add, "empty-review.txt") || w[0].Line == nil || *w[0].Line != 1 || w[0].Message != "review is empty" ||
		w[1].File != w[0].File || w[1].Line != nil || !strings.HasPrefix(w[1].Message, "not loaded") {
		t.Errorf("warnings: want the empty review's problem at line 1 and its skip without a line, got %s", got)
	}
	if ans.Data.Node == nil || !strings.Contains(ans.Data.Node.Name, "Mindfulness") {
		t.Errorf("the added review should be served, got %s", got)
	}

	var out, errOut syncBuffer
	err = run(context.Background(), []string{"kapgraph", "serve", "--addr", "127.0.0.1:0", "--strict", "--add", add}, envFunc(nil), &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), "empty-review.txt") {
		t.Errorf("serve --strict: want a refusal naming empty-review.txt, got %v", err)
	}
}
