package graph

// The study-design and citation-concern vocabulary lives in the domain,
// beside the categories and predicates (predicates.go carries the
// predicates with their Biolink names), because more than one producer
// writes it into graphs: the loader classifies real reference lists, the
// synthetic generator fakes them for benchmarks, and the exports describe
// the fields to other tools. When each kept its own copy they drifted (the
// generator gave case series and unclassified studies other levels than
// the loader, so synthetic graphs scored studies differently from real
// ones); one table here, read by all of them, cannot drift.

// Study designs. Node.Design holds one of these for every Study the
// loader classifies.
const (
	DesignSystematicReview = "systematic review / meta-analysis"
	DesignRCT              = "randomized controlled trial"
	DesignPlaceboRCT       = "double-blind placebo-controlled trial"
	DesignPilotRCT         = "randomized pilot trial"
	DesignControlled       = "controlled clinical study"
	DesignOpenLabel        = "open-label study"
	DesignProofOfConcept   = "proof-of-concept study"
	DesignFollowUp         = "follow-up study"
	DesignImaging          = "imaging study"
	DesignCohort           = "cohort study"
	DesignObservational    = "observational study"
	DesignCaseSeries       = "case series"
	DesignNarrativeReview  = "narrative review"
	DesignGuideline        = "clinical practice guideline"
	DesignPreclinical      = "preclinical study"
	DesignExpertOpinion    = "expert opinion"
	DesignUnclassified     = "unclassified"
)

// Evidence levels run from StrongestEvidence to WeakestEvidence; 0 in
// Node.EvidenceLevel means none was assigned.
const (
	StrongestEvidence = 1
	WeakestEvidence   = 5
)

// designs gives each design its evidence level, in the spirit of the
// Oxford CEBM levels: systematic reviews of trials over randomised trials
// over controlled studies over uncontrolled series over narrative reviews
// and opinion. A proof-of-concept study (a first, small test of an idea),
// a follow-up of an earlier trial's participants and an imaging study (a
// mechanism measured in the brain, mostly small and uncontrolled for the
// clinical outcome) rank with uncontrolled series. A guideline summarises others' evidence by consensus, and a
// preclinical (animal or in-vitro) study says nothing directly of
// patients, so as evidence for a clinical claim both rank with opinion.
// A study nobody could classify is not evidence of anything
// stronger than opinion, so it shares the weakest level. The order is the
// order Designs reports: strongest first.
var designs = []struct {
	name  string
	level int
}{
	{DesignSystematicReview, 1},
	{DesignRCT, 2},
	{DesignPlaceboRCT, 2},
	{DesignPilotRCT, 3},
	{DesignControlled, 3},
	{DesignCohort, 3},
	{DesignOpenLabel, 4},
	{DesignProofOfConcept, 4},
	{DesignFollowUp, 4},
	{DesignObservational, 4},
	{DesignImaging, 4},
	{DesignCaseSeries, 4},
	{DesignNarrativeReview, 5},
	{DesignGuideline, 5},
	{DesignPreclinical, 5},
	{DesignExpertOpinion, 5},
	{DesignUnclassified, 5},
}

// Designs lists every study design, strongest evidence first.
func Designs() []string {
	out := make([]string, len(designs))
	for i, d := range designs {
		out[i] = d.name
	}
	return out
}

// EvidenceLevel is the evidence level of a design, or 0 for a string that
// is not one of Designs.
func EvidenceLevel(design string) int {
	for _, d := range designs {
		if d.name == design {
			return d.level
		}
	}
	return 0
}

// IsReviewDesign reports whether a design summarises other studies rather
// than reporting a trial of its own; a trial citing one is a concern.
func IsReviewDesign(design string) bool {
	return design == DesignSystematicReview || design == DesignNarrativeReview || design == DesignGuideline
}

// IsTrialDesign reports whether a design is a clinical trial, which
// Biolink types more narrowly than an article.
func IsTrialDesign(design string) bool {
	return design == DesignRCT || design == DesignPlaceboRCT || design == DesignPilotRCT
}

// StudyBiolink is the Biolink class of a Study of the given design.
func StudyBiolink(design string) string {
	if IsTrialDesign(design) {
		return "biolink:ClinicalTrial"
	}
	return CategoryStudy.Biolink()
}

// Citation concern kinds: what Node.ConcernKind of a CitationConcern
// holds. The loader finds them by general rules over any review.
const (
	ConcernMissingReference = "missing-reference"  // an in-text citation with no entry in the list
	ConcernUncitedReference = "uncited-reference"  // an entry the text never cites
	ConcernDrugMismatch     = "drug-mismatch"      // the cited study is about another drug than the claim
	ConcernDisorderMismatch = "disorder-mismatch"  // the cited study is about another disorder than the claim
	ConcernTrialCitesReview = "trial-cites-review" // a sentence reports a trial but cites a review
	ConcernUncitedFinding   = "uncited-finding"    // a finding stated with no citation
	// ConcernContradiction: two reviews assert opposite signs for the
	// same subject, predicate and object.
	ConcernContradiction = "contradiction"
)

// ConcernKinds lists every citation concern kind in a fixed order.
func ConcernKinds() []string {
	return []string{ConcernMissingReference, ConcernUncitedReference, ConcernDrugMismatch,
		ConcernDisorderMismatch, ConcernTrialCitesReview, ConcernUncitedFinding, ConcernContradiction}
}
