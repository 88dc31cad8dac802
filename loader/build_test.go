package loader

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/loader/review"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/internal/testutil"
)

const seedReviewName = "ward-2025-ketamine-assisted-psychotherapy-addiction.txt"

func loadSeeds(t *testing.T) Built {
	t.Helper()
	bs, err := LoadDir("../seeds")
	if err != nil {
		t.Fatalf("LoadDir(../seeds): %v", err)
	}
	if len(bs) != 1 {
		t.Fatalf("want 1 document, got %d", len(bs))
	}
	return bs[0]
}

func checkGolden(t *testing.T, name string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	testutil.Golden(t, filepath.Join("testdata", name), got)
}

// TestSeedGraphSummary pins what the seeds turn into: counts by category
// and predicate, every study's design, every citation concern.
func TestSeedGraphSummary(t *testing.T) {
	b := loadSeeds(t)
	rep := *b.Report
	rep.Source = filepath.Base(rep.Source)
	checkGolden(t, "ward-2025.summary.golden.json", rep)
}

func TestBuildIsDeterministic(t *testing.T) {
	a, b := loadSeeds(t), loadSeeds(t)
	ja, _ := json.Marshal(a.Document)
	jb, _ := json.Marshal(b.Document)
	if string(ja) != string(jb) {
		t.Fatal("two builds of the same seeds differ")
	}
}

func findEdge(doc *graph.Document, id string) *graph.Edge {
	for i := range doc.Edges {
		if doc.Edges[i].ID == id {
			return &doc.Edges[i]
		}
	}
	return nil
}

func findNode(doc *graph.Document, id string) *graph.Node {
	for i := range doc.Nodes {
		if doc.Nodes[i].ID == id {
			return &doc.Nodes[i]
		}
	}
	return nil
}

// TestSeedFactsInGraph checks facts a reader can verify against the review
// by eye, independently of the golden files.
func TestSeedFactsInGraph(t *testing.T) {
	b := loadSeeds(t)
	doc, rep := b.Document, b.Report
	if doc.ID != "KAP:ward-2025-ketamine-assisted" {
		t.Errorf("document id %s", doc.ID)
	}
	rev := findNode(doc, doc.ID)
	if rev == nil || rev.Published != "2025-04-15" || rev.Authors[0] != "Ryan Ward" {
		t.Errorf("review node = %+v", rev)
	}
	// The first mechanism sentence's claim carries its sentence, section
	// and the study it cites, with that study's design.
	e := findEdge(doc, doc.ID+".claim.ketamine-increases-glutamate-release")
	if e == nil {
		t.Fatal("claim ketamine-increases-glutamate-release missing")
	}
	ev := e.Evidence[0]
	if !strings.Contains(ev.Quote, "glutamate release") || ev.SectionTitle != "Mechanisms of Action in Addiction Treatment" || !slices.Equal(ev.Studies, []string{"KAP:study.duman-2016-synaptic"}) {
		t.Errorf("evidence = %+v", ev)
	}
	if p := findNode(doc, ev.Passage); p == nil || !strings.Contains(p.Text, ev.Quote) {
		t.Errorf("evidence passage %s does not contain the quote", ev.Passage)
	}
	designs := map[int]string{}
	for _, s := range rep.Studies {
		designs[s.Number] = s.Design
	}
	for n, want := range map[int]string{3: graph.DesignPilotRCT, 5: graph.DesignSystematicReview, 6: graph.DesignRCT, 8: graph.DesignNarrativeReview} {
		if designs[n] != want {
			t.Errorf("reference %d design %q, want %q", n, designs[n], want)
		}
	}
	kinds := map[string][]string{}
	for _, c := range rep.Concerns {
		kinds[c.Kind] = append(kinds[c.Kind], c.Message)
	}
	if len(kinds[graph.ConcernMissingReference]) != 1 || !strings.Contains(kinds[graph.ConcernMissingReference][0], "Krystal et al., 2013") {
		t.Errorf("missing-reference concerns: %v", kinds[graph.ConcernMissingReference])
	}
	if !slices.ContainsFunc(kinds[graph.ConcernDrugMismatch], func(m string) bool { return strings.Contains(m, "LSD") }) {
		t.Errorf("the LSD study cited for a ketamine claim is not flagged: %v", kinds[graph.ConcernDrugMismatch])
	}
	if !slices.ContainsFunc(kinds[graph.ConcernTrialCitesReview], func(m string) bool { return strings.Contains(m, "Morgan") }) {
		t.Errorf("the trial citing a Cochrane review is not flagged: %v", kinds[graph.ConcernTrialCitesReview])
	}
	if !slices.ContainsFunc(kinds[graph.ConcernUncitedFinding], func(m string) bool { return strings.Contains(m, "U.S.-based research") }) {
		t.Errorf("the uncited U.S. research sentence is not flagged: %v", kinds[graph.ConcernUncitedFinding])
	}
	if len(kinds[graph.ConcernUncitedReference]) != 0 {
		t.Errorf("every reference is cited, yet: %v", kinds[graph.ConcernUncitedReference])
	}
	// Every passage that names mTOR links to the mTOR entity.
	mentions := 0
	for _, e := range doc.Edges {
		if e.Predicate == graph.Mentions && e.Object == "GO:0031929" {
			mentions++
		}
	}
	if mentions == 0 {
		t.Error("no passage mentions the mTOR pathway")
	}
	if len(rep.Uncovered) != 0 {
		t.Errorf("uncovered sentences: %v", rep.Uncovered)
	}
}

// copySeeds makes a private seeds directory whose files a test may break.
func copySeeds(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{seedReviewName, LexiconFile, strings.TrimSuffix(seedReviewName, ".txt") + ClaimsSuffix} {
		data, err := os.ReadFile(filepath.Join("../seeds", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func lineOf(t *testing.T, data, needle string) int {
	t.Helper()
	i := strings.Index(data, needle)
	if i < 0 {
		t.Fatalf("%q not in file", needle)
	}
	return 1 + strings.Count(data[:i], "\n")
}

func TestBadCuration(t *testing.T) {
	claimsName := strings.TrimSuffix(seedReviewName, ".txt") + ClaimsSuffix
	cases := []struct {
		name string
		file string
		// edit returns the new content and the line the error must name.
		edit func(t *testing.T, s string) (string, int)
		msg  string
	}{
		{"duplicate entity id", LexiconFile, func(t *testing.T, s string) (string, int) {
			s = strings.Replace(s, "  - id: CHEBI:8614", "  - id: CHEBI:6121", 1)
			return s, lineOf(t, s, "  - id: CHEBI:6121\n    category: Drug\n    name: psilocybin")
		}, "duplicate entity id CHEBI:6121"},
		{"unknown category", LexiconFile, func(t *testing.T, s string) (string, int) {
			s = strings.Replace(s, "category: Drug", "category: Potion", 1)
			return s, lineOf(t, s, "  - id: CHEBI:6121")
		}, `unknown category "Potion"`},
		{"unknown field", LexiconFile, func(t *testing.T, s string) (string, int) {
			s = strings.Replace(s, "    name: ketamine\n", "    name: ketamine\n    colour: blue\n", 1)
			return s, lineOf(t, s, "colour: blue")
		}, "colour"},
		{"non-UTF-8", LexiconFile, func(t *testing.T, s string) (string, int) {
			s = strings.Replace(s, "name: ketamine", "name: ket\xffamine", 1)
			return s, lineOf(t, s, "ket\xffamine")
		}, "not valid UTF-8"},
		{"empty lexicon", LexiconFile, func(t *testing.T, s string) (string, int) { return "\n  \n", 1 }, "empty"},
		{"unknown entity in claim", claimsName, func(t *testing.T, s string) (string, int) {
			s = strings.Replace(s, "object: KAP:glutamate_release", "object: KAP:unicorn_dust", 1)
			return s, lineOf(t, s, "  - id: ketamine-increases-glutamate-release")
		}, "unknown entity KAP:unicorn_dust"},
		{"quote not found", claimsName, func(t *testing.T, s string) (string, int) {
			s = strings.Replace(s, `Ketamine increases glutamate release`, `Ketamine increases dopamine release`, 1)
			return s, lineOf(t, s, "Ketamine increases dopamine release")
		}, "quote not found"},
		{"citation with no reference", claimsName, func(t *testing.T, s string) (string, int) {
			i := strings.Index(s, "cites: [2]")
			s = s[:i] + "cites: [9]" + s[i+len("cites: [2]"):]
			return s, lineOf(t, s, "cites: [9]") - 1
		}, "no reference 9"},
		{"inferred without note", claimsName, func(t *testing.T, s string) (string, int) {
			s = strings.Replace(s, "origin: inferred", "origin: guessed", 1)
			return s, 0
		}, "origin must be stated or inferred"},
		{"duplicate claim id", claimsName, func(t *testing.T, s string) (string, int) {
			s = strings.Replace(s, "- id: ketamine-activates-mtor-pathway", "- id: ketamine-increases-glutamate-release", 1)
			return s, lineOf(t, s, "- id: ketamine-increases-glutamate-release\n    subject: CHEBI:6121\n    predicate: AFFECTS\n    object: GO:0031929")
		}, "duplicate claim id"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := copySeeds(t)
			path := filepath.Join(dir, tc.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			s, line := tc.edit(t, string(data))
			if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
			bs, err := LoadDir(dir)
			if err == nil {
				t.Fatalf("loaded %d documents from a broken %s", len(bs), tc.file)
			}
			var se *review.SourceError
			if !errors.As(err, &se) {
				t.Fatalf("error is not a SourceError: %v", err)
			}
			if filepath.Base(se.File) != tc.file || (line > 0 && se.Line != line) || !strings.Contains(se.Msg, tc.msg) {
				t.Errorf("got %v; want %s:%d with %q", err, tc.file, line, tc.msg)
			}
		})
	}
}

// TestCoverageIsEnforced removes the claims on one mechanism sentence and
// expects the load to fail naming that sentence's line in the review.
func TestCoverageIsEnforced(t *testing.T) {
	dir := copySeeds(t)
	path := filepath.Join(dir, strings.TrimSuffix(seedReviewName, ".txt")+ClaimsSuffix)
	data, _ := os.ReadFile(path)
	const sentence = "Reduction in Craving and Anhedonia: Studies suggest ketamine has immediate effects on cravings and anhedonia, symptoms strongly correlated with relapse [3]."
	quoteRe := regexp.MustCompile(`quote: "([^"]*)"`)
	var kept []string
	for _, block := range strings.Split(string(data), "\n  - id: ") {
		drop := false
		for _, m := range quoteRe.FindAllStringSubmatch(block, -1) {
			drop = drop || strings.Contains(sentence, m[1])
		}
		if !drop {
			kept = append(kept, block)
		}
	}
	if err := os.WriteFile(path, []byte(strings.Join(kept, "\n  - id: ")), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := LoadDir(dir)
	var se *review.SourceError
	if !errors.As(err, &se) || filepath.Base(se.File) != seedReviewName || !strings.Contains(se.Msg, "Studies suggest ketamine") {
		t.Fatalf("want a coverage error naming the craving sentence, got %v", err)
	}
	review, _ := os.ReadFile(filepath.Join(dir, seedReviewName))
	if want := lineOf(t, string(review), "Reduction in Craving and Anhedonia"); se.Line != want {
		t.Errorf("coverage error at line %d, want %d", se.Line, want)
	}
}

// TestOtherReviewWithoutClaims proves the loader is not tied to the seed:
// a different review with no curation still yields its lexical layer,
// references, citations and concerns, and lexicon mentions once a lexicon
// is present.
func TestOtherReviewWithoutClaims(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("testdata/second-review.txt")
	if err != nil {
		t.Fatal(err)
	}
	// Two faults the general rules must find in any review: a work cited
	// by author and year that the list lacks, and an entry never cited.
	text := strings.Replace(string(data), "Okafor et al., 2021)", "Zed et al., 2020)", 1)
	text = strings.TrimRight(text, "\n") + "\n6. Nobody Q (2020) An uncited paper on tobacco. *Journal of Tests* 1: 1-2.\n"
	if text == string(data) {
		t.Fatal("the second review changed shape; update this test")
	}
	os.WriteFile(filepath.Join(dir, "second-review.txt"), []byte(text), 0o644)
	bs, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	doc, rep := bs[0].Document, bs[0].Report
	cats := map[graph.Category]int{}
	for _, n := range doc.Nodes {
		cats[n.Category]++
	}
	if cats[graph.CategoryReview] != 1 || cats[graph.CategorySection] < 5 || cats[graph.CategoryPassage] < 15 || cats[graph.CategoryStudy] != rep.References || rep.References < 5 {
		t.Errorf("lexical layer: %v (references %d)", cats, rep.References)
	}
	if rep.Claims != 0 {
		t.Errorf("no curation, yet %d curated claims", rep.Claims)
	}
	// With no lexicon, extraction's proposals and the embedded
	// vocabularies' ids are all that is mentioned.
	for _, e := range doc.Edges {
		if e.Predicate == graph.Mentions && !strings.HasPrefix(e.Object, "KAP:proposed-") &&
			!strings.HasPrefix(e.Object, "DRUGBANK:") && !strings.HasPrefix(e.Object, "HP:") {
			t.Errorf("no lexicon, yet a mention of %s", e.Object)
		}
	}
	cites := 0
	for _, e := range doc.Edges {
		if e.Predicate == graph.Cites {
			cites++
		}
	}
	if cites == 0 {
		t.Error("no CITES edges")
	}
	kinds := map[string]int{}
	for _, c := range rep.Concerns {
		kinds[c.Kind]++
	}
	if kinds[graph.ConcernMissingReference] != 1 || kinds[graph.ConcernUncitedReference] != 1 {
		t.Errorf("concerns in the second review: %v; want one missing and one uncited reference", kinds)
	}
	summary := *rep
	summary.Source = filepath.Base(summary.Source)
	checkGolden(t, "second-review.summary.golden.json", summary)

	lex, _ := os.ReadFile("../seeds/lexicon.yaml")
	os.WriteFile(filepath.Join(dir, LexiconFile), lex, 0o644)
	bs, err = LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if bs[0].Report.Mentions == 0 {
		t.Error("with the lexicon, no passage of the second review mentions any entity")
	}
}

// A seeds directory that is not there, or is a file other than a review,
// is named as such.
func TestLoadDirNamesAMissingDirectory(t *testing.T) {
	file := filepath.Join(t.TempDir(), "review.md")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ dir, want string }{
		{filepath.Join(t.TempDir(), "nope"), "does not exist"},
		{file, "is a file, not a directory, and not a review"},
	} {
		_, err := LoadDir(tc.dir)
		if err == nil || !strings.Contains(err.Error(), tc.dir) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("LoadDir(%s) = %v, want an error naming it and saying it %s", tc.dir, err, tc.want)
		}
	}
}

// A review file loads as a folder of that one review, with its own claims
// file beside it and nothing else of the directory.
func TestLoadDirOneReviewFile(t *testing.T) {
	dir := t.TempDir()
	seed, err := os.ReadFile("../seeds/ward-2025-ketamine-assisted-psychotherapy-addiction.txt")
	if err != nil {
		t.Fatal(err)
	}
	claims, err := os.ReadFile("../seeds/ward-2025-ketamine-assisted-psychotherapy-addiction.claims.yaml")
	if err != nil {
		t.Fatal(err)
	}
	lex, err := os.ReadFile("../seeds/lexicon.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"ward-2025-ketamine-assisted-psychotherapy-addiction.txt":         seed,
		"ward-2025-ketamine-assisted-psychotherapy-addiction.claims.yaml": claims,
		LexiconFile: lex,
		"other.txt": []byte("not a review at all\n"),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bs, err := LoadDir(filepath.Join(dir, "ward-2025-ketamine-assisted-psychotherapy-addiction.txt"))
	if err != nil {
		t.Fatal(err) // other.txt, which would fail, is not read
	}
	if len(bs) != 1 || bs[0].Report.Claims == 0 {
		t.Errorf("got %d documents; want the one review with its curated claims", len(bs))
	}
}
