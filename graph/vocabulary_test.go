package graph

import (
	"slices"
	"testing"
)

// TestDesignLevels: every design has a level on the scale, and every level
// on the scale has a weight in EdgeScore, so no study of a known design
// scores as if it cited nothing.
func TestDesignLevels(t *testing.T) {
	ds := Designs()
	if len(ds) != len(designs) {
		t.Fatalf("Designs() lists %d designs, the table has %d", len(ds), len(designs))
	}
	prev := StrongestEvidence
	for _, d := range ds {
		lv := EvidenceLevel(d)
		if lv < StrongestEvidence || lv > WeakestEvidence {
			t.Errorf("%q has level %d, outside %d..%d", d, lv, StrongestEvidence, WeakestEvidence)
		}
		if lv < prev {
			t.Errorf("%q (level %d) listed after a level-%d design; want strongest first", d, lv, prev)
		}
		prev = lv
		if _, ok := levelWeight[lv]; !ok {
			t.Errorf("%q has level %d, which EdgeScore gives no weight", d, lv)
		}
	}
	sorted := slices.Clone(ds)
	slices.Sort(sorted)
	if len(slices.Compact(sorted)) != len(ds) {
		t.Errorf("duplicate designs in %q", ds)
	}
}

func TestVocabularyLookups(t *testing.T) {
	tests := []struct {
		design  string
		level   int
		review  bool
		biolink string
	}{
		{DesignSystematicReview, 1, true, "biolink:Article"},
		{DesignRCT, 2, false, "biolink:ClinicalTrial"},
		{DesignPlaceboRCT, 2, false, "biolink:ClinicalTrial"},
		{DesignPilotRCT, 3, false, "biolink:ClinicalTrial"},
		{DesignCaseSeries, 4, false, "biolink:Article"},
		{DesignNarrativeReview, 5, true, "biolink:Article"},
		{DesignGuideline, 5, true, "biolink:Article"},
		{DesignPreclinical, 5, false, "biolink:Article"},
		{DesignUnclassified, 5, false, "biolink:Article"},
		{"", 0, false, "biolink:Article"},
		{"Randomized Controlled Trial", 0, false, "biolink:Article"}, // exact strings only
	}
	for _, tt := range tests {
		if got := EvidenceLevel(tt.design); got != tt.level {
			t.Errorf("EvidenceLevel(%q) = %d, want %d", tt.design, got, tt.level)
		}
		if got := IsReviewDesign(tt.design); got != tt.review {
			t.Errorf("IsReviewDesign(%q) = %v, want %v", tt.design, got, tt.review)
		}
		if got := StudyBiolink(tt.design); got != tt.biolink {
			t.Errorf("StudyBiolink(%q) = %q, want %q", tt.design, got, tt.biolink)
		}
	}
}

func TestConcernKindsDistinct(t *testing.T) {
	ks := ConcernKinds()
	if len(ks) != 7 {
		t.Errorf("%d concern kinds, want 7: %q", len(ks), ks)
	}
	seen := map[string]bool{}
	for _, k := range ks {
		if k == "" || seen[k] {
			t.Errorf("concern kind %q is empty or repeated", k)
		}
		seen[k] = true
	}
}
