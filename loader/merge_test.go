package loader

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/loader/curation"
	"github.com/kapgraph/kapgraph/loader/review"

	"github.com/kapgraph/kapgraph/graph"
)

// manyReviewsDir is a seeds directory holding the seed, the second review
// with its own lexicon and claims, and the purpose-made reviews of
// testdata named in extra (each with its .claims.yaml and, when present,
// its .lexicon.yaml).
func manyReviewsDir(t *testing.T, extra ...string) string {
	t.Helper()
	dir := copySeeds(t)
	for _, stem := range append([]string{"second-review"}, extra...) {
		for _, suffix := range []string{ReviewSuffix, ClaimsSuffix, curation.ReviewLexiconSuffix} {
			data, err := os.ReadFile(filepath.Join("testdata", stem+suffix))
			if errors.Is(err, os.ErrNotExist) && suffix == curation.ReviewLexiconSuffix {
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, stem+suffix), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

// LoadManyReviews loads dir and returns the documents by review file stem.
func loadManyReviews(t *testing.T, dir string) map[string]Built {
	t.Helper()
	bs, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]Built{}
	for _, b := range bs {
		out[strings.TrimSuffix(filepath.Base(b.Report.Source), ReviewSuffix)] = b
	}
	return out
}

func nodeIDs(d *graph.Document, cats ...graph.Category) map[string]bool {
	out := map[string]bool{}
	for _, n := range d.Nodes {
		if slices.Contains(cats, n.Category) {
			out[n.ID] = true
		}
	}
	return out
}

var entityCategories = []graph.Category{graph.CategoryDrug, graph.CategoryMechanism, graph.CategoryBrainRegion, graph.CategoryBrainNetwork,
	graph.CategoryDisorder, graph.CategorySymptom, graph.CategoryOutcome, graph.CategoryTherapy, graph.CategorySafetyRisk, graph.CategoryPopulation}

// Every entity node of a review's graph is one the review mentions or
// names in a claim; the review's own lexicon adds nodes to its graph only.
func TestEntitiesOnlyWhereAReviewNamesThem(t *testing.T) {
	docs := loadManyReviews(t, manyReviewsDir(t, "agreeing-review"))
	seed := docs[strings.TrimSuffix(seedReviewName, ReviewSuffix)]
	for stem, b := range docs {
		named := map[string]bool{}
		for _, e := range b.Document.Edges {
			named[e.Subject], named[e.Object] = true, true
			q := e.Qualifiers
			for _, id := range append([]string{q.Disorder, q.Population, q.Location, q.Comparator}, q.CombinedWith...) {
				named[id] = true
			}
		}
		ents := nodeIDs(b.Document, entityCategories...)
		if len(ents) == 0 {
			t.Errorf("%s: no entity nodes", stem)
		}
		for id := range ents {
			if !named[id] {
				t.Errorf("%s: entity %s is a node but no edge of the review names it", stem, id)
			}
		}
	}
	// Own lexicons: the second review's and the agreeing review's
	// entities are not nodes of the seed's graph, but are of their own.
	for _, tc := range []struct{ review, id string }{
		{"second-review", "KAP:varenicline"},
		{"second-review", "KAP:tobacco_dependence"},
		{"agreeing-review", "KAP:esketamine"},
	} {
		if nodeIDs(seed.Document, entityCategories...)[tc.id] {
			t.Errorf("%s (from %s's own lexicon) is a node of the seed's graph", tc.id, tc.review)
		}
		if !nodeIDs(docs[tc.review].Document, entityCategories...)[tc.id] {
			t.Errorf("%s is not a node of %s's graph", tc.id, tc.review)
		}
	}
	// The second review's graph holds far fewer than the seed lexicon's 53.
	if n := len(nodeIDs(docs["second-review"].Document, entityCategories...)); n == 0 || n > 25 {
		t.Errorf("second review has %d entity nodes; want its own (at most 25)", n)
	}
	// The same entity in two reviews is one node: same id, same fields.
	ket := map[string]graph.Node{}
	for stem, b := range docs {
		for _, n := range b.Document.Nodes {
			if n.ID == "CHEBI:6121" {
				ket[stem] = n
			}
		}
	}
	if len(ket) < 2 || ket["agreeing-review"].Name != ket[strings.TrimSuffix(seedReviewName, ReviewSuffix)].Name ||
		!slices.Equal(ket["agreeing-review"].Synonyms, ket[strings.TrimSuffix(seedReviewName, ReviewSuffix)].Synonyms) {
		t.Errorf("ketamine in two reviews: %v", ket)
	}
}

// A claim stated by two reviews is one claim with both evidences, and two
// reviews asserting opposite signs raise a contradiction naming both.
func TestClaimsAcrossReviews(t *testing.T) {
	docs := loadManyReviews(t, manyReviewsDir(t, "agreeing-review", "contradicting-review"))
	seedStem := strings.TrimSuffix(seedReviewName, ReviewSuffix)
	find := func(stem string, pred func(*graph.Edge) bool) []*graph.Edge {
		var out []*graph.Edge
		for i := range docs[stem].Document.Edges {
			if e := &docs[stem].Document.Edges[i]; pred(e) {
				out = append(out, e)
			}
		}
		return out
	}
	reducesCraving := func(e *graph.Edge) bool {
		return e.Subject == "CHEBI:6121" && e.Predicate == graph.Affects && e.Object == "KAP:craving" && e.Sign == graph.Decreases
	}
	all := append(append(find(seedStem, reducesCraving), find("agreeing-review", reducesCraving)...), find("contradicting-review", reducesCraving)...)
	if len(all) != 1 {
		t.Fatalf("ketamine decreases craving: %d claims, want one", len(all))
	}
	merged := all[0]
	// agreeing-review sorts before the seed, so it owns the claim.
	if merged.ID != docs["agreeing-review"].Document.ID+".claim.ketamine-reduces-craving" {
		t.Errorf("merged claim id %s", merged.ID)
	}
	docsOf := merged.Documents()
	if len(docsOf) != 2 || !slices.Contains(docsOf, docs[seedStem].Document.ID) || !slices.Contains(docsOf, docs["agreeing-review"].Document.ID) {
		t.Errorf("merged claim comes from %v; want the seed and the agreeing review", docsOf)
	}
	quotes := map[string]string{}
	for _, ev := range merged.Evidence {
		quotes[ev.Document] = ev.Quote
		if !strings.HasPrefix(ev.Passage, ev.Document+".p") {
			t.Errorf("evidence passage %s is not of its review %s", ev.Passage, ev.Document)
		}
	}
	if len(quotes) != 2 || !strings.Contains(quotes[docs["agreeing-review"].Document.ID], "single ketamine infusion") {
		t.Errorf("merged evidence: %v", quotes)
	}

	// The contradiction: one concern, owned by the contradicting review,
	// naming both sentences, listed on both claims and lowering their score.
	var concerns []graph.Node
	for _, b := range docs {
		for _, n := range b.Document.Nodes {
			if n.ConcernKind == graph.ConcernContradiction {
				concerns = append(concerns, n)
			}
		}
	}
	if len(concerns) != 1 {
		t.Fatalf("%d contradiction concerns, want 1: %v", len(concerns), concerns)
	}
	c := concerns[0]
	if c.Document != docs["contradicting-review"].Document.ID || !strings.Contains(c.Text, "ketamine increased craving after cue exposure") ||
		!strings.Contains(c.Text, "single ketamine infusion reduced craving") {
		t.Errorf("contradiction concern: %+v", c)
	}
	increases := find("contradicting-review", func(e *graph.Edge) bool { return e.Object == "KAP:craving" && e.Sign == graph.Increases })
	if len(increases) != 1 || !slices.Contains(increases[0].Concerns, c.ID) || !slices.Contains(merged.Concerns, c.ID) {
		t.Errorf("both claims should list %s: %v / %v", c.ID, increases, merged.Concerns)
	}
	if merged.Score >= 0.85 {
		t.Errorf("contradicted claim keeps score %v", merged.Score)
	}
	flags := find("contradicting-review", func(e *graph.Edge) bool { return e.Subject == c.ID && e.Predicate == graph.Flags })
	if len(flags) != 1 {
		t.Errorf("contradiction flags %d passages, want 1", len(flags))
	}
	kinds := 0
	for _, r := range docs["contradicting-review"].Report.Concerns {
		if r.Kind == graph.ConcernContradiction {
			kinds++
		}
	}
	if kinds != 1 {
		t.Errorf("report lists %d contradictions", kinds)
	}
	// No claim appears twice, and every document still validates alone
	// against the entities the others hold.
	for stem, b := range docs {
		if err := b.Document.Validate(func(id string) bool { return !strings.HasPrefix(id, "KAP:") || !strings.Contains(id, ".") }); err != nil {
			t.Errorf("%s: %v", stem, err)
		}
	}
}

// Without the seed a review's claims stand alone: no merge, no concern.
func TestReviewsThatAgreeOnNothing(t *testing.T) {
	docs := loadManyReviews(t, manyReviewsDir(t))
	for stem, b := range docs {
		for _, n := range b.Document.Nodes {
			if n.ConcernKind == graph.ConcernContradiction {
				t.Errorf("%s: unexpected contradiction %s", stem, n.Text)
			}
		}
		for _, e := range b.Document.Edges {
			if len(e.Documents()) != 1 {
				t.Errorf("%s: claim %s comes from %v", stem, e.ID, e.Documents())
			}
		}
	}
}

// A review's own lexicon must agree with the shared one on the category
// of an id they share, and must sit beside its review.
func TestReviewLexiconErrors(t *testing.T) {
	for _, tc := range []struct {
		name, file, text, want string
		line                   int
	}{
		{"category clash", "agreeing-review.lexicon.yaml", "entities:\n  - id: CHEBI:6121\n    category: Therapy\n    name: ketamine\n", "is a Therapy here but a Drug", 2},
		{"two own versions", "contradicting-review.lexicon.yaml", "entities:\n  - id: KAP:esketamine\n    category: Drug\n    name: S-ketamine\n", "differs from its entry in", 2},
		{"no review", "orphan.lexicon.yaml", "entities:\n  - id: KAP:x\n    category: Drug\n    name: x\n", "has no review orphan", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := manyReviewsDir(t, "agreeing-review", "contradicting-review")
			if err := os.WriteFile(filepath.Join(dir, tc.file), []byte(tc.text), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := LoadDir(dir)
			var se *review.SourceError
			if !errors.As(err, &se) || filepath.Base(se.File) != tc.file || se.Line != tc.line || !strings.Contains(se.Msg, tc.want) {
				t.Errorf("got %v, want %s:%d: ...%s", err, tc.file, tc.line, tc.want)
			}
		})
	}
}
