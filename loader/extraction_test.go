package loader

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/loader/build"

	"github.com/kapgraph/kapgraph/graph"
)

// buildOne loads dir and returns the document built from review.
func buildOne(t *testing.T, dir, review string) (*graph.Document, *build.Report) {
	t.Helper()
	bs, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bs {
		if filepath.Base(b.Report.Source) == review {
			return b.Document, b.Report
		}
	}
	t.Fatalf("no document for %s", review)
	return nil, nil
}

func edgeByTriple(doc *graph.Document, s string, p graph.Predicate, o string) []graph.Edge {
	var out []graph.Edge
	for _, e := range doc.Edges {
		if e.Subject == s && e.Predicate == p && e.Object == o {
			out = append(out, e)
		}
	}
	return out
}

// TestCurationMeetsExtraction: a curated claim on an extracted triple
// supersedes the candidate (one claim, the curated one), saying confirmed
// when the sign agrees and corrected when it does not.
func TestCurationMeetsExtraction(t *testing.T) {
	for _, tc := range []struct {
		name, sign, want string
	}{
		{"same sign", "increases", build.CurationConfirmed},
		{"other sign", "decreases", build.CurationCorrected},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := copySeeds(t)
			path := filepath.Join(dir, strings.TrimSuffix(seedReviewName, ".txt")+ClaimsSuffix)
			data, _ := os.ReadFile(path)
			block := "  - id: ketamine-increases-glutamate-release\n    subject: CHEBI:6121\n    predicate: AFFECTS\n    object: KAP:glutamate_release\n    sign: increases\n"
			changed := strings.Replace(block, "sign: increases", "sign: "+tc.sign, 1) + "    origin: stated\n"
			if tc.sign != "increases" {
				changed = strings.Replace(block, "sign: increases", "sign: "+tc.sign, 1)
				// The quote's cue says increases, so a curator who holds
				// otherwise must call the claim inferred (loader/inference.go).
				changed += "    origin: inferred\n    note: the curator reads the opposite direction\n"
			}
			s := strings.Replace(string(data), block+"    origin: stated\n", changed, 1)
			if !strings.Contains(string(data), block+"    origin: stated\n") {
				t.Fatal("the seed claim changed shape; update this test")
			}
			os.WriteFile(path, []byte(s), 0o644)
			doc, _ := buildOne(t, dir, seedReviewName)
			es := edgeByTriple(doc, "CHEBI:6121", graph.Affects, "KAP:glutamate_release")
			if len(es) != 1 || es[0].Curation != tc.want || string(es[0].Sign) != tc.sign {
				t.Errorf("edges on the triple: %+v; want one curated claim, %s", es, tc.want)
			}
		})
	}
}

// TestExtractedClaimFields: in an uncurated review an extracted claim
// carries its sentence and citations as evidence, the fixed score, the
// text-mining agent; a hedged sentence gives a hedged claim with knowledge
// level prediction and half the score; a negated one a negated claim.
func TestExtractedClaimFields(t *testing.T) {
	data, err := os.ReadFile("testdata/third-review.txt")
	if err != nil {
		t.Fatal(err)
	}
	const plain = "A single ibogaine infusion blocks the kappa opioid receptor in animal models [2]."
	for _, tc := range []struct {
		name, sentence  string
		hedged, negated bool
		score           float64
		level           string
	}{
		{"plain", plain, false, false, 0.0563, "knowledge_assertion"},
		{"hedged", "A single ibogaine infusion may block the kappa opioid receptor in animal models [2].", true, false, 0.0281, "prediction"},
		{"negated", "A single ibogaine infusion did not block the kappa opioid receptor in animal models [2].", false, true, 0.0563, "knowledge_assertion"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			text := strings.Replace(string(data), plain, tc.sentence, 1)
			if !strings.Contains(text, tc.sentence) {
				t.Fatal("the third review changed shape; update this test")
			}
			os.WriteFile(filepath.Join(dir, "third-review.txt"), []byte(text), 0o644)
			doc, rep := buildOne(t, dir, "third-review.txt")
			es := edgeByTriple(doc, "KAP:proposed-ibogaine", graph.Affects, "KAP:proposed-kappa-opioid-receptor")
			if len(es) != 1 {
				t.Fatalf("claims ibogaine -> receptor: %+v (report: %d extracted)", es, rep.Extracted)
			}
			e := es[0]
			if e.Origin != graph.OriginExtracted || e.Curation != build.CurationUnreviewed || e.AgentType != "text_mining_agent" ||
				e.Sign != graph.Decreases || e.Hedged != tc.hedged || e.Negated != tc.negated || e.Score != tc.score || e.KnowledgeLevel != tc.level {
				t.Errorf("claim %+v", e)
			}
			if len(e.Evidence) != 1 || e.Evidence[0].Quote != tc.sentence || len(e.Evidence[0].Studies) != 1 || e.Evidence[0].Citations[0] != "[2]" {
				t.Errorf("evidence %+v", e.Evidence)
			}
		})
	}
}
