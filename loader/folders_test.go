package loader

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/loader/review"
)

// addedFolder writes the test review that names alcohol use disorder,
// with no lexicon of its own, into a new folder.
func addedFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	data, err := os.ReadFile("testdata/ketamine-mindfulness-review.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ketamine-mindfulness-review.txt"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func seedFolder(t *testing.T) Folder {
	t.Helper()
	f, err := DirFolder("../seeds")
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func hasNode(docs []*graph.Document, id string) bool {
	for _, d := range docs {
		for _, n := range d.Nodes {
			if n.ID == id {
				return true
			}
		}
	}
	return false
}

// TestAddedFolderInheritsLexicon: a folder added beside the seeds sees the
// seeds' lexicon, so alcohol use disorder keeps its MONDO id in the new
// review; read alone, the same folder can only propose an id of its own.
func TestAddedFolderInheritsLexicon(t *testing.T) {
	add := addedFolder(t)
	const grounded, proposed = "MONDO:0002046", "KAP:proposed-alcohol-use-disorder"

	alone, err := LoadDir(add)
	if err != nil {
		t.Fatal(err)
	}
	if hasNode(Documents(alone), grounded) || !hasNode(Documents(alone), proposed) {
		t.Fatalf("read alone, the review should propose %s and not know %s", proposed, grounded)
	}

	af, err := DirFolder(add)
	if err != nil {
		t.Fatal(err)
	}
	l, err := LoadFolders([]Folder{seedFolder(t), af}, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Built) != 2 || len(l.Problems) != 0 {
		t.Fatalf("got %d documents and problems %v; want the seed and the added review", len(l.Built), l.Problems)
	}
	added := l.Built[1].Document
	if !strings.Contains(added.ID, "ferreira-2025") {
		t.Fatalf("second document is %s, want the added review", added.ID)
	}
	if !hasNode([]*graph.Document{added}, grounded) || hasNode([]*graph.Document{added}, proposed) {
		t.Errorf("added beside the seeds, the review should name %s, not %s", grounded, proposed)
	}
}

// breakFolder copies the seeds and the added review into one folder and
// breaks three files in three ways.
func brokenFolders(t *testing.T) (base, add string) {
	t.Helper()
	base = copySeeds(t)
	claims := filepath.Join(base, strings.TrimSuffix(seedReviewName, ".txt")+ClaimsSuffix)
	data, err := os.ReadFile(claims)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(data), "predicate: AFFECTS", "predicate: CAUSES", 1)
	s = strings.Replace(s, "knowledge_level: observation", "knowledge_level: anecdote", 1)
	if err := os.WriteFile(claims, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	add = addedFolder(t)
	// A review whose reference list is cut off, and an own lexicon with
	// no review beside it.
	if err := os.WriteFile(filepath.Join(add, "empty-review.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(add, "orphan.lexicon.yaml"), []byte("entities: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return base, add
}

// TestEveryProblemAtOnce: with problems in several files, one load names
// them all (two in one claims file, one in each of two others), skips the
// reviews they touch and keeps the rest; strict refuses with all of them.
func TestEveryProblemAtOnce(t *testing.T) {
	base, add := brokenFolders(t)
	bf, _ := DirFolder(base)
	af, _ := DirFolder(add)

	l, err := LoadFolders([]Folder{bf, af}, false)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]int{}
	for _, p := range l.Problems {
		files[filepath.Base(p.File)]++
	}
	claimsName := strings.TrimSuffix(seedReviewName, ".txt") + ClaimsSuffix
	want := map[string]int{claimsName: 2, "empty-review.txt": 1, "orphan.lexicon.yaml": 1}
	for f, n := range want {
		if files[f] != n {
			t.Errorf("%s: %d problems, want %d (all: %v)", f, files[f], n, l.Problems)
		}
	}
	if len(l.Problems) != 4 {
		t.Errorf("%d problems, want 4: %v", len(l.Problems), l.Problems)
	}
	skipped := map[string]bool{}
	for _, s := range l.Skipped {
		skipped[filepath.Base(s.File)] = true
	}
	if !skipped[seedReviewName] || !skipped["empty-review.txt"] || len(skipped) != 2 {
		t.Errorf("skipped %v; want the seed review (its claims) and the empty review", l.Skipped)
	}
	if len(l.Built) != 1 || !strings.Contains(l.Built[0].Document.ID, "ferreira-2025") {
		t.Errorf("built %d documents; want only the good added review", len(l.Built))
	}

	_, err = LoadFolders([]Folder{bf, af}, true)
	var pe *ProblemsError
	if !errors.As(err, &pe) || len(pe.Problems) != 4 {
		t.Fatalf("strict: got %v, want a ProblemsError with 4 problems", err)
	}
	var se *review.SourceError
	if !errors.As(err, &se) || !strings.HasSuffix(se.File, claimsName) {
		t.Errorf("strict: the first SourceError should be the claims file's, got %v", se)
	}
	msg := err.Error()
	for _, w := range []string{"4 problems in 3 files:", claimsName + " (2 problems)", `unknown predicate "CAUSES"`, `unknown knowledge_level "anecdote"`, "empty-review.txt (1 problem)", "orphan.lexicon.yaml (1 problem)"} {
		if !strings.Contains(msg, w) {
			t.Errorf("strict message lacks %q:\n%s", w, msg)
		}
	}
}

// TestNothingReadable: when no review can be read, even a lenient load
// fails, naming the problems.
func TestNothingReadable(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	f, _ := DirFolder(dir)
	_, err := LoadFolders([]Folder{f}, false)
	var se *review.SourceError
	if !errors.As(err, &se) || !strings.HasSuffix(se.File, "empty.txt") {
		t.Fatalf("got %v, want the empty review named", err)
	}
}
