package loader

import (
	"fmt"
	"regexp"
	"strings"
)

// Study designs with their evidence levels (1 strongest .. 5 weakest), in
// the spirit of the Oxford CEBM levels: systematic reviews of trials over
// randomised trials over controlled studies over uncontrolled series over
// narrative reviews and opinion.
const (
	DesignSystematicReview = "systematic review / meta-analysis"
	DesignRCT              = "randomized controlled trial"
	DesignPlaceboRCT       = "double-blind placebo-controlled trial"
	DesignPilotRCT         = "randomized pilot trial"
	DesignControlled       = "controlled clinical study"
	DesignOpenLabel        = "open-label study"
	DesignCohort           = "cohort study"
	DesignObservational    = "observational study"
	DesignCaseSeries       = "case series"
	DesignNarrativeReview  = "narrative review"
	DesignExpertOpinion    = "expert opinion"
	DesignUnclassified     = "unclassified"
)

var designLevel = map[string]int{
	DesignSystematicReview: 1,
	DesignRCT:              2,
	DesignPlaceboRCT:       2,
	DesignPilotRCT:         3,
	DesignControlled:       3,
	DesignCohort:           3,
	DesignOpenLabel:        4,
	DesignObservational:    4,
	DesignCaseSeries:       4,
	DesignNarrativeReview:  5,
	DesignExpertOpinion:    5,
	DesignUnclassified:     5,
}

// IsReviewDesign reports whether a design summarises other studies rather
// than reporting a trial of its own.
func IsReviewDesign(d string) bool { return d == DesignSystematicReview || d == DesignNarrativeReview }

type designRule struct {
	re     *regexp.Regexp
	design string
}

// Rules on the study's own title and journal come first: what a paper says
// of itself outranks how a review describes it.
var titleRules = []designRule{
	{regexp.MustCompile(`(?i)systematic review|meta-?analys|cochrane database of systematic reviews`), DesignSystematicReview},
	{regexp.MustCompile(`(?i)randomi[sz]ed\b.*\bpilot|pilot\b.*\brandomi[sz]ed`), DesignPilotRCT},
	{regexp.MustCompile(`(?i)double-blind|placebo-controlled`), DesignPlaceboRCT},
	{regexp.MustCompile(`(?i)randomi[sz]ed (controlled |clinical )?trial|phase (i{1,3}|[123])b? .*trial`), DesignRCT},
	{regexp.MustCompile(`(?i)open-label`), DesignOpenLabel},
	{regexp.MustCompile(`(?i)cohort`), DesignCohort},
	{regexp.MustCompile(`(?i)case (series|report)`), DesignCaseSeries},
	{regexp.MustCompile(`(?i)\breview\b|\boverview\b|the potential of|new insights|perspectives?\b`), DesignNarrativeReview},
	{regexp.MustCompile(`(?i)predicts|associated with|correlates? of|brain activity|imaging`), DesignObservational},
	{regexp.MustCompile(`(?i)commentary|editorial|opinion|viewpoint`), DesignExpertOpinion},
}

// Rules on the sentences of the review that cite the study.
var contextRules = []designRule{
	{regexp.MustCompile(`(?i)meta-?analys|systematic review`), DesignSystematicReview},
	{regexp.MustCompile(`(?i)double-blind|placebo-controlled`), DesignPlaceboRCT},
	{regexp.MustCompile(`(?i)randomi[sz]ed`), DesignRCT},
	{regexp.MustCompile(`(?i)open-label`), DesignOpenLabel},
	{regexp.MustCompile(`(?i)case series|case report`), DesignCaseSeries},
	{regexp.MustCompile(`(?i)compared (to|with)|versus|\bvs\.?\s|control group|treatment-as-usual|treatment as usual`), DesignControlled},
	{regexp.MustCompile(`(?i)\breview\b`), DesignNarrativeReview},
}

// ClassifyStudy assigns a design and evidence level from the reference's
// title and journal, falling back on how the citing sentences describe it.
// basis says which rule fired, so a reader can check the call.
func ClassifyStudy(ref Reference, citing []string) (design string, level int, basis string) {
	self := ref.Title + " " + ref.Journal
	for _, r := range titleRules {
		if m := r.re.FindString(self); m != "" {
			return r.design, designLevel[r.design], fmt.Sprintf("reference title/journal says %q", m)
		}
	}
	for _, s := range citing {
		for _, r := range contextRules {
			if m := r.re.FindString(s); m != "" {
				return r.design, designLevel[r.design], fmt.Sprintf("the review describes it as %q", strings.TrimSpace(m))
			}
		}
	}
	return DesignUnclassified, designLevel[DesignUnclassified], "neither the title nor the review says how the study was done"
}

// trialWords recognise a sentence that reports a trial or study result.
var trialWords = regexp.MustCompile(`(?i)randomi[sz]ed|controlled trial|placebo-controlled|double-blind|\btrial\b|\bstudy\b.*\b(found|showed|demonstrated|led to|resulted)|participants`)

// findingWords recognise a sentence that states a research finding.
var findingWords = regexp.MustCompile(`(?i)\b(research|studies|study|trial|evidence)\b.*\b(confirms?|shows?|showed|found|finds|demonstrated?|suggests?|reported|led to|resulted)\b`)
