package loader

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

// TestKetamineMindfulnessReview: a review in the seed's style written for the rules
// the first two lack cases of: references split at hyphens (a split word
// and a compound), every design of the rule table from titles and
// journals, uncited findings phrased as a survey and a registry analysis,
// and the front matter kept on the Review node.
func TestKetamineMindfulnessReview(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("testdata/ketamine-mindfulness-review.txt")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "ketamine-mindfulness-review.txt"), data, 0o644)
	bs, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	doc, rep := bs[0].Document, bs[0].Report

	var review *graph.Node
	studies := map[int]*graph.Node{}
	for i := range doc.Nodes {
		n := &doc.Nodes[i]
		switch n.Category {
		case graph.CategoryReview:
			review = n
		case graph.CategoryStudy:
			studies[n.RefNumber] = n
		}
	}
	if review == nil {
		t.Fatal("no Review node")
	}
	if strings.Join(review.Keywords, "|") != "ketamine|alcohol use disorder|mindfulness|relapse prevention" ||
		review.CorrespondingAuthor != "Tomas Ferreira" || review.ArticleCode != "EJAM-117" {
		t.Errorf("review front matter: keywords %q, corresponding author %q, article code %q", review.Keywords, review.CorrespondingAuthor, review.ArticleCode)
	}

	if got := studies[5].Title; got != "Adjunctive ketamine with relapse prevention therapy: a randomized trial" {
		t.Errorf("reference 5 title %q: the split word is not rejoined", got)
	}
	if got := studies[10].Title; got != "Ketamine plus mindfulness-based relapse prevention: an open-label study" {
		t.Errorf("reference 10 title %q: the compound lost its hyphen", got)
	}

	want := map[int]string{
		1:  graph.DesignCohort,
		2:  graph.DesignGuideline,
		3:  graph.DesignPreclinical,
		4:  graph.DesignPreclinical,
		5:  graph.DesignRCT,
		6:  graph.DesignSystematicReview,
		7:  graph.DesignCaseSeries,
		8:  graph.DesignObservational,
		9:  graph.DesignNarrativeReview,
		10: graph.DesignOpenLabel,
	}
	unclassified := 0
	for n, st := range studies {
		if st.Design == graph.DesignUnclassified {
			unclassified++
		}
		if want[n] != "" && st.Design != want[n] {
			t.Errorf("reference %d (%s): design %q (%s), want %q", n, st.Title, st.Design, st.DesignBasis, want[n])
		}
	}
	if unclassified != 0 {
		t.Errorf("%d of %d references unclassified", unclassified, len(studies))
	}

	var findings []string
	for _, c := range rep.Concerns {
		if c.Kind == graph.ConcernUncitedFinding {
			findings = append(findings, c.Message)
		}
	}
	for _, must := range []string{"national survey found that 41%", "registry analysis of veterans"} {
		if !strings.Contains(strings.Join(findings, "\n"), must) {
			t.Errorf("uncited finding %q not flagged; flagged: %q", must, findings)
		}
	}
	for _, mustNot := range []string{"Attitudes varied", "Future trials", "This review"} {
		if strings.Contains(strings.Join(findings, "\n"), mustNot) {
			t.Errorf("%q flagged as an uncited finding: %q", mustNot, findings)
		}
	}
	if len(findings) != 2 {
		t.Errorf("%d uncited findings, want 2: %q", len(findings), findings)
	}
}
