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
	{regexp.MustCompile(`(?i)systematic review|meta-?analy[st]|pooled analysis|cochrane database of systematic reviews`), graph.DesignSystematicReview},
	{regexp.MustCompile(`(?i)\bguidelines?\b|consensus statement|position statement|practice parameters?|recommendations (for|on)\b`), graph.DesignGuideline},
	// A report of an organisation (a world report, a report on a
	// situation) is no study of any design: said so, with its basis.
	{regexp.MustCompile(`(?i)\bworld\b.*\breport\b|\breport on the\b|\bannual report\b`), graph.DesignUnclassified},
	// A study that names itself an imaging study is one whatever else it
	// is ("a randomized crossover magnetic resonance spectroscopy study").
	{regexp.MustCompile(`(?i)\b(?:imaging|fMRI|PET|SPECT|spectroscopy|neuroimaging|tomography)\s+stud(?:y|ies)\b`), graph.DesignImaging},
	{regexp.MustCompile(`(?i)proof[- ]of[- ]concept`), graph.DesignProofOfConcept},
	{regexp.MustCompile(`(?i)randomi[sz]ed\b.*\bpilot|pilot\b.*\brandomi[sz]ed`), graph.DesignPilotRCT},
	{regexp.MustCompile(`(?i)double-blind|placebo-controlled`), graph.DesignPlaceboRCT},
	{regexp.MustCompile(`(?i)randomi[sz]ed|phase (i{1,3}|[123])b? .*trial`), graph.DesignRCT},
	{regexp.MustCompile(`(?i)\b(rats?|mice|mouse|murine|rodents?|zebrafish|primates?|monkeys?|macaques?|animal models?)\b|in vitro|in vivo|preclinical|self-administration|reinstatement|\bcells\b`), graph.DesignPreclinical},
	{regexp.MustCompile(`(?i)cohort|longitudinal|electronic health records|real-world|register-based`), graph.DesignCohort},
	{regexp.MustCompile(`(?i)case (series|reports?)|\ba case of\b|\b(?:fatalities|deaths)\b(?: temporally)? associated with`), graph.DesignCaseSeries},
	{regexp.MustCompile(`(?i)open-label|open label|single-arm|uncontrolled|pilot (study|trial)|feasibility (study|trial)`), graph.DesignOpenLabel},
	{regexp.MustCompile(`(?i)\bobservational\b|\bsurveys?\b|\bpolls?\b|registry|registries|cross-sectional|case-control|retrospective|population-based|prevalence`), graph.DesignObservational},
	{regexp.MustCompile(`(?i)long-term follow-up|follow-up (?:study|of)\b`), graph.DesignFollowUp},
	{regexp.MustCompile(`(?i)\breview\b|\boverview\b|(?:the )?potential (?:role )?of|new insights|perspectives?\b|state of the art|\bprimer\b|\bupdate on\b|\bhypothesis\b`), graph.DesignNarrativeReview},
	{regexp.MustCompile(`(?i)\bfMRI\b|functional MRI|magnetic resonance|positron emission|\bPET\b|neuroimaging|imaging|resting-state`), graph.DesignImaging},
	{regexp.MustCompile(`(?i)epidemiolog|predicts|associated with|associations? of|correlates? of`), graph.DesignObservational},
	{regexp.MustCompile(`(?i)commentary|editorial|opinion|viewpoint|letter to the editor`), graph.DesignExpertOpinion},
}

// Rules on the sentences of the review that cite the study, in the same
// order of precedence; a sentence citing several studies describes each.
var contextRules = []designRule{
	{regexp.MustCompile(`(?i)meta-?analy[st]|systematic review`), graph.DesignSystematicReview},
	{regexp.MustCompile(`(?i)\bguidelines?\b|consensus statement`), graph.DesignGuideline},
	{regexp.MustCompile(`(?i)double-blind|placebo-controlled`), graph.DesignPlaceboRCT},
	{regexp.MustCompile(`(?i)randomi[sz]ed|(?:relative to|versus|vs\.?|than|compared (?:with|to)|or) placebo\b`), graph.DesignRCT},
	{regexp.MustCompile(`(?i)proof[- ]of[- ]concept`), graph.DesignProofOfConcept},
	{regexp.MustCompile(`(?i)case series|case report`), graph.DesignCaseSeries},
	{regexp.MustCompile(`(?i)open-label|open label|single-arm|uncontrolled|\bpilot\b`), graph.DesignOpenLabel},
	{regexp.MustCompile(`(?i)\bfMRI\b|functional MRI|magnetic resonance|positron emission|\bPET\b|neuroimaging|imaging`), graph.DesignImaging},
	{regexp.MustCompile(`(?i)\b(rats?|mice|mouse|murine|rodents?|monkeys?|animal models?)\b|in vitro|preclinical`), graph.DesignPreclinical},
	{regexp.MustCompile(`(?i)\bcohort\b|health records|nationwide|registry`), graph.DesignCohort},
	{regexp.MustCompile(`(?i)\bsurveys?\b|\bpolls?\b|cross-sectional|retrospective|observational|\bfollowed (?:up )?\d+`), graph.DesignObservational},
	{regexp.MustCompile(`(?i)\bfollow-up\b`), graph.DesignFollowUp},
	{regexp.MustCompile(`(?i)compared (to|with)|versus|\bvs\.?\s|control group|treatment-as-usual|treatment as usual`), graph.DesignControlled},
	{regexp.MustCompile(`(?i)\breviews?\b`), graph.DesignNarrativeReview},
}

// journalRule: a journal that publishes reviews ("Nature Reviews
// Neuroscience", "Curr Drug Abuse Rev") suggests a review, but less than
// how the review describes the study, so it is read after the sentences.
var journalRule = regexp.MustCompile(`(?i)\breviews?\b|\brev\b`)

// studyTitleRe marks a title that reports a study: a finding verb or a
// study noun. A title with none names a topic ("Alcohol use disorders",
// "Glucagon-like peptide 1"), the way background reviews are titled.
var studyTitleRe = regexp.MustCompile(`(?i)\b(?:is|are|was|were|reduc\w*|increas\w*|decreas\w*|improv\w*|predict\w*|attenuat\w*|suppress\w*|regulat\w*|mediat\w*|restor\w*|revers\w*|induc\w*|block\w*|prevent\w*|affect\w*|alter\w*|enhanc\w*|promot\w*|correlat\w*|effects?|efficacy|safety|outcomes?|treatment|trials?|stud(?:y|ies)|patients|participants|analys[ie]s)\b`)

// ClassifyStudy assigns a design and evidence level from the reference's
// title and journal, falling back on how the citing sentences describe it,
// then on the journal's kind, then on a title that names only a topic.
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
	if m := journalRule.FindString(ref.Journal); m != "" {
		return graph.DesignNarrativeReview, graph.EvidenceLevel(graph.DesignNarrativeReview), fmt.Sprintf("published in a review journal (%q)", ref.Journal)
	}
	if t := strings.TrimSpace(ref.Title); t != "" && !studyTitleRe.MatchString(t) {
		return graph.DesignNarrativeReview, graph.EvidenceLevel(graph.DesignNarrativeReview), fmt.Sprintf("its title names a topic, not a study (%q), and the review says nothing of a design", review.Shorten(t, 60))
	}
	return graph.DesignUnclassified, graph.EvidenceLevel(graph.DesignUnclassified), "neither the title nor the review says how the study was done"
}

// trialWords recognise a sentence that reports a trial or study result.
var trialWords = regexp.MustCompile(`(?i)randomi[sz]ed|controlled trial|placebo-controlled|double-blind|\btrial\b|\bstudy\b.*\b(found|showed|demonstrated|led to|resulted)|participants`)
