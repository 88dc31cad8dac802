package build

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/kapgraph/kapgraph/loader/review"

	"github.com/kapgraph/kapgraph/graph"
)

// designRule recognises a design by its words (the rule table, with
// examples, is docs/study-designs.md). The designs themselves,
// their evidence levels and the concern kinds are the domain's
// (graph/vocabulary.go), shared with the synthetic generator and the
// exports; the loader owns only how it recognises them in a reference list
// and in the review's own sentences.
type designRule struct {
	re     *regexp.Regexp
	design string
}

// Rules on the study's own title and journal come first: what a paper says
// of itself outranks how a review describes it. The first rule that
// matches decides, so the more specific designs come before the general
// ones (a randomised pilot before a randomised trial, a systematic review
// before a review). docs/study-designs.md is this table in prose, with
// examples; keep the two together.
var titleRules = []designRule{
	{regexp.MustCompile(`(?i)systematic review|meta-?analys|pooled analysis|cochrane database of systematic reviews`), graph.DesignSystematicReview},
	{regexp.MustCompile(`(?i)\bguidelines?\b|consensus statement|position statement|practice parameters?|recommendations (for|on)\b`), graph.DesignGuideline},
	{regexp.MustCompile(`(?i)randomi[sz]ed\b.*\bpilot|pilot\b.*\brandomi[sz]ed`), graph.DesignPilotRCT},
	{regexp.MustCompile(`(?i)double-blind|placebo-controlled`), graph.DesignPlaceboRCT},
	{regexp.MustCompile(`(?i)randomi[sz]ed|phase (i{1,3}|[123])b? .*trial`), graph.DesignRCT},
	{regexp.MustCompile(`(?i)open-label|open label|single-arm|uncontrolled|pilot (study|trial)|feasibility (study|trial)`), graph.DesignOpenLabel},
	{regexp.MustCompile(`(?i)\b(rats?|mice|mouse|murine|rodents?|zebrafish|primates?|animal models?)\b|in vitro|preclinical`), graph.DesignPreclinical},
	{regexp.MustCompile(`(?i)cohort|longitudinal`), graph.DesignCohort},
	{regexp.MustCompile(`(?i)case (series|reports?)|\ba case of\b`), graph.DesignCaseSeries},
	{regexp.MustCompile(`(?i)\bsurveys?\b|\bpolls?\b|registry|registries|cross-sectional|case-control|retrospective|population-based|epidemiolog|prevalence`), graph.DesignObservational},
	{regexp.MustCompile(`(?i)\breviews?\b|\boverview\b|the potential of|new insights|perspectives?\b|state of the art|\bprimer\b|\bupdate on\b`), graph.DesignNarrativeReview},
	{regexp.MustCompile(`(?i)predicts|associated with|correlates? of|brain activity|imaging`), graph.DesignObservational},
	{regexp.MustCompile(`(?i)commentary|editorial|opinion|viewpoint|letter to the editor`), graph.DesignExpertOpinion},
}

// Rules on the sentences of the review that cite the study, in the same
// order of precedence; a sentence citing several studies describes each.
var contextRules = []designRule{
	{regexp.MustCompile(`(?i)meta-?analys|systematic review`), graph.DesignSystematicReview},
	{regexp.MustCompile(`(?i)\bguidelines?\b|consensus statement`), graph.DesignGuideline},
	{regexp.MustCompile(`(?i)double-blind|placebo-controlled`), graph.DesignPlaceboRCT},
	{regexp.MustCompile(`(?i)randomi[sz]ed`), graph.DesignRCT},
	{regexp.MustCompile(`(?i)open-label|open label|single-arm|uncontrolled|\bpilot\b`), graph.DesignOpenLabel},
	{regexp.MustCompile(`(?i)\b(rats?|mice|mouse|murine|rodents?|animal models?)\b|in vitro|preclinical`), graph.DesignPreclinical},
	{regexp.MustCompile(`(?i)case series|case report`), graph.DesignCaseSeries},
	{regexp.MustCompile(`(?i)\bcohort\b`), graph.DesignCohort},
	{regexp.MustCompile(`(?i)\bsurveys?\b|\bpolls?\b|registry|cross-sectional|retrospective|observational`), graph.DesignObservational},
	{regexp.MustCompile(`(?i)compared (to|with)|versus|\bvs\.?\s|control group|treatment-as-usual|treatment as usual`), graph.DesignControlled},
	{regexp.MustCompile(`(?i)\breviews?\b`), graph.DesignNarrativeReview},
}

// ClassifyStudy assigns a design and evidence level from the reference's
// title and journal, falling back on how the citing sentences describe it.
// basis says which rule fired, so a reader can check the call.
func ClassifyStudy(ref review.Reference, citing []string) (design string, level int, basis string) {
	self := ref.Title + " " + ref.Journal
	for _, r := range titleRules {
		if m := r.re.FindString(self); m != "" {
			return r.design, graph.EvidenceLevel(r.design), fmt.Sprintf("reference title/journal says %q", m)
		}
	}
	for _, s := range citing {
		for _, r := range contextRules {
			if m := r.re.FindString(s); m != "" {
				return r.design, graph.EvidenceLevel(r.design), fmt.Sprintf("the review describes it as %q", strings.TrimSpace(m))
			}
		}
	}
	return graph.DesignUnclassified, graph.EvidenceLevel(graph.DesignUnclassified), "neither the title nor the review says how the study was done"
}

// trialWords recognise a sentence that reports a trial or study result.
var trialWords = regexp.MustCompile(`(?i)randomi[sz]ed|controlled trial|placebo-controlled|double-blind|\btrial\b|\bstudy\b.*\b(found|showed|demonstrated|led to|resulted)|participants`)
