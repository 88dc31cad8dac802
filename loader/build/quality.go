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
	// unless, when set, vetoes the rule: its words show the text is
	// something else after all.
	unless *regexp.Regexp
}

// Rules on the study's own title and journal come first: what a paper says
// of itself outranks how a review describes it. The first rule that
// matches decides, so the more specific designs come before the general
// ones (a randomised pilot before a randomised trial, a systematic review
// before a review). docs/study-designs.md is this table in prose, with
// examples; keep the two together.
var titleRules = []designRule{
	{re: regexp.MustCompile(`(?i)systematic review|meta-?analy[st]|pooled analysis|cochrane database(?: of systematic reviews)?`), design: graph.DesignSystematicReview},
	{re: regexp.MustCompile(`(?i)\bguidelines?\b|consensus statement|position statement|practice parameters?|practice guidance|recommendations (for|on)\b`), design: graph.DesignGuideline},
	// A report of an organisation (a world report, a report on a
	// situation) is no study of any design: said so, with its basis.
	{re: regexp.MustCompile(`(?i)\b(?:world|global|european|annual|national)\b.*\breport\b|\breport on the\b`), design: graph.DesignUnclassified},
	// A study that names itself an imaging study is one whatever else it
	// is ("a randomized crossover magnetic resonance spectroscopy study").
	{re: regexp.MustCompile(`(?i)\b(?:imaging|fMRI|PET|SPECT|spectroscopy|neuroimaging|tomography)\s+(?:pilot\s+)?stud(?:y|ies)\b`), design: graph.DesignImaging},
	{re: regexp.MustCompile(`(?i)proof[- ]of[- ]concept`), design: graph.DesignProofOfConcept},
	{re: regexp.MustCompile(`(?i)randomi[sz]ed\b.*\bpilot|pilot\b.*\brandomi[sz]ed`), design: graph.DesignPilotRCT},
	// Blinding is what makes the narrower design: a "randomized,
	// placebo-controlled trial" that does not say it was double-blind is
	// a randomized controlled trial (on dev, 11 of 17 such titles were
	// read so by gold, against 30 of 31 for "double-blind").
	{re: regexp.MustCompile(`(?i)double-blind`), design: graph.DesignPlaceboRCT},
	// Placebo named as a comparator ("a comparison of aripiprazole,
	// methylphenidate, and placebo") is a controlled trial too.
	{re: regexp.MustCompile(`(?i)randomi[sz]ed|placebo-controlled|phase (i{1,3}|[123])b? .*trial|\b(?:versus|vs\.?|and|or) placebo\b`), design: graph.DesignRCT},
	// A title that names the study a trial of a treatment, with no word
	// of how it was run, is in clinical usage a randomized one ("Trial of
	// prazosin for post-traumatic stress disorder"); open-label, pilot and
	// single-arm trials say so and are caught above or below by their word.
	{re: regexp.MustCompile(`(?i)^(?:an? )?trial of\b|[:.] (?:an? )?trial of\b`), design: graph.DesignRCT},
	// A controlled study that does not say it was randomised ("a
	// controlled clinical study", "a controlled comparison").
	{re: regexp.MustCompile(`(?i)\bcontrolled (?:clinical )?(?:study|studies|trial|comparison|evaluation)\b`), design: graph.DesignControlled},
	{re: regexp.MustCompile(`(?i)\b(rats?|mice|mouse|murine|rodents?|zebrafish|primates?|monkeys?|macaques?|baboons?|marmosets?|dogs|pigs|guinea pigs|hamsters|animal models?)\b|in vitro|in vivo|preclinical|self-administration|reinstatement|\bcells\b|place preference|\bG-protein\b|\bknockout\b|pharmacological (?:profile|evidence|characteri[sz]ation)|freely[- ]moving|(?:behaviou?ral|locomotor) sensiti[sz]ation|binding affinit(?:y|ies)`), design: graph.DesignPreclinical},
	{re: regexp.MustCompile(`(?i)cohort|longitudinal|electronic health records|real-world|register-based|\bprospective\b`), design: graph.DesignCohort},
	{re: regexp.MustCompile(`(?i)case (series|reports?)|\ba case of\b|\b(?:fatalities|deaths)\b(?: temporally)? associated with`), design: graph.DesignCaseSeries},
	{re: regexp.MustCompile(`(?i)open-label|open label|single-arm|uncontrolled|pilot (study|trial)|feasibility (study|trial)`), design: graph.DesignOpenLabel},
	{re: regexp.MustCompile(`(?i)\bobservational\b|\bsurveys?\b|\bpolls?\b|registry|registries|cross-sectional|case-control|retrospective|population-based|population study|prevalence|pharmacovigilance|adverse event reports|burden of disease|systematic analysis|\bqualitative\b|interview study|\binterviews\b|focus groups?`), design: graph.DesignObservational},
	{re: regexp.MustCompile(`(?i)long-term follow[- ]up|follow[- ]up (?:study|of)\b`), design: graph.DesignFollowUp},
	{re: regexp.MustCompile(`(?i)\breview\b|\boverview\b|(?:the )?potential (?:role )?of|new insights|perspectives?\b|state of the art|\bprimer\b|\bupdate on\b|\bhypothesis\b|clinical potential|potential mechanisms|recent (?:data|advances|developments)|^advances in\b`), design: graph.DesignNarrativeReview},
	// A title that opens on the general subject it covers ("The treatment
	// of cocaine use disorder", "Role of alpha2-agonists in …") is a
	// review's, unless it goes on to report outcomes or results.
	{re: regexp.MustCompile(`(?i)^(?:the )?(?:(?:role|pharmacology|neuropharmacology|neurobiology|management|treatment|assessment|diagnosis) and (?:role|pharmacology|neuropharmacology|neurobiology|management|treatment|assessment|diagnosis)|role|pharmacology|neuropharmacology|neurobiology|management|treatment) of\b`), unless: regexp.MustCompile(`(?i)\boutcomes?\b|\bresults\b|\befficacy\b`), design: graph.DesignNarrativeReview},
	{re: regexp.MustCompile(`(?i)\bfMRI\b|functional MRI|magnetic resonance|positron emission|\bPET\b|neuroimaging|imaging|resting-state|\bEEG\b|electroencephalograph|\bMEG\b|magnetoencephalograph`), design: graph.DesignImaging},
	// What only a scanner measures marks an
	// imaging study whose title names no method ("functional connectivity
	// of the claustrum", "amygdala reactivity", "cerebral blood flow").
	{re: regexp.MustCompile(`(?i)functional connectivity|network connectivity|\bconnectivity\b.*\bnetworks?\b|default mode network|neural circuitry|resting[- ]state|cerebral blood flow|\b(?:amygdala|neural|brain|cortical|striatal)\s+(?:[\w-]+\s+){0,2}(?:reactivity|responses?|activity|activation|function)\b|\bbrain dopamine\b|\bmetabolism in the\b|\breceptor (?:availability|occupancy|binding)\b`), design: graph.DesignImaging},
	{re: regexp.MustCompile(`(?i)epidemiolog|predicts|(?:are|is) predictive of|associated with|associations? of|correlates? of|\bburden of\b`), design: graph.DesignObservational},
	// A title that describes a population ("... among US adults",
	// "abstinence among untreated smokers") and no treatment given to it
	// reports a survey of that population.
	{re: regexp.MustCompile(`(?i)\bamong (?:[\w.-]+ ){0,3}(?:adults|people|persons|veterans|users|smokers|drinkers|individuals|youths?|adolescents|students|women|men|population)\b`),
		unless: regexp.MustCompile(`(?i)\bfor\b|\btreat\w*|\beffects? of\b|\befficacy\b|\btherapy\b`), design: graph.DesignObservational},
	{re: regexp.MustCompile(`(?i)commentary|editorial|opinion|viewpoint|letter to the editor`), design: graph.DesignExpertOpinion},
}

// Rules on the sentences of the review that cite the study, in the same
// order of precedence; a sentence citing several studies describes each.
var contextRules = []designRule{
	// A Cochrane review, or a review that counts the trials it pools, is
	// systematic.
	{re: regexp.MustCompile(`(?i)meta-?analy[st]|systematic review|cochrane review|review (?:of|pooling) \d+`), design: graph.DesignSystematicReview},
	{re: regexp.MustCompile(`(?i)\bguidelines?\b|consensus statement`), design: graph.DesignGuideline},
	{re: regexp.MustCompile(`(?i)double-blind|placebo-controlled`), design: graph.DesignPlaceboRCT},
	{re: regexp.MustCompile(`(?i)randomi[sz]ed|(?:relative to|versus|vs\.?|than|compared (?:with|to)|or) placebo\b`), design: graph.DesignRCT},
	{re: regexp.MustCompile(`(?i)proof[- ]of[- ]concept`), design: graph.DesignProofOfConcept},
	{re: regexp.MustCompile(`(?i)case series|case report`), design: graph.DesignCaseSeries},
	{re: regexp.MustCompile(`(?i)open-label|open label|single-arm|uncontrolled|\bpilot\b`), design: graph.DesignOpenLabel},
	{re: regexp.MustCompile(`(?i)\bfMRI\b|functional MRI|magnetic resonance|positron emission|\bPET\b|neuroimaging|imaging`), design: graph.DesignImaging},
	{re: regexp.MustCompile(`(?i)\b(rats?|mice|mouse|murine|rodents?|monkeys?|animal models?)\b|in vitro|preclinical`), design: graph.DesignPreclinical},
	{re: regexp.MustCompile(`(?i)\bcohort\b|health records|nationwide|registry`), design: graph.DesignCohort},
	{re: regexp.MustCompile(`(?i)\bsurveys?\b|\bpolls?\b|cross-sectional|retrospective|observational|\bfollowed (?:up )?\d+`), design: graph.DesignObservational},
	{re: regexp.MustCompile(`(?i)\bfollow[- ]up\b`), design: graph.DesignFollowUp},
	// A trial the sentence names as one study ("in a subsequent trial",
	// "the largest trial"), with no word of how it was run, is in
	// clinical usage a randomised one, as "Trial of" in a title is.
	{re: regexp.MustCompile(`(?i)\b(?:a|an|the|this|that|one|their|subsequent|second|first|later|larger|largest|multi-?site|multi-?cent(?:re|er)|phase (?:i{1,3}|[123])b?)\s+(?:[\w-]+\s+)?trial\b`), design: graph.DesignRCT},
	// A human laboratory study gives the drug and its control to the same
	// volunteers under set conditions ("in the human laboratory", "a
	// laboratory study of cocaine-dependent individuals").
	{re: regexp.MustCompile(`(?i)compared (to|with)|versus|\bvs\.?\s|control group|treatment-as-usual|treatment as usual|human laborator|laboratory (?:study|studies|paradigms?|sessions?|model)`), design: graph.DesignControlled},
	{re: regexp.MustCompile(`(?i)\breviews?\b`), design: graph.DesignNarrativeReview},
}

// journalRule: a journal that publishes reviews ("Nature Reviews
// Neuroscience", "Curr Drug Abuse Rev") suggests a review, but less than
// how the review describes the study, so it is read after the sentences.
var journalRule = regexp.MustCompile(`(?i)\breviews?\b|\brev\b|^trends in\b|\bexpert opin(?:ion)?\b`)

// imagingJournalRule: a study published in a neuroimaging journal
// ("NeuroImage", "Human Brain Mapping") whose title reports a finding is
// an imaging study; a topic title there is still a review, so it is read
// after the topic test.
var imagingJournalRule = regexp.MustCompile(`(?i)\bneuroimage\b|neuroimaging|brain mapping|\bbrain imaging\b`)

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
		if m := r.re.FindString(self); m != "" && (r.unless == nil || !r.unless.MatchString(self)) {
			if d, b, ok := randomisedPilot(r.design, m, citing); ok {
				return d, graph.EvidenceLevel(d), b
			}
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
	if m := imagingJournalRule.FindString(ref.Journal); m != "" {
		return graph.DesignImaging, graph.EvidenceLevel(graph.DesignImaging), fmt.Sprintf("a finding published in a neuroimaging journal (%q)", ref.Journal)
	}
	return graph.DesignUnclassified, graph.EvidenceLevel(graph.DesignUnclassified), "neither the title nor the review says how the study was done"
}

// pilotRe is a title's "pilot study" or "pilot trial" that says nothing
// of control; controlRe is a citing sentence that says the pilot was
// randomised or had a placebo arm.
var (
	pilotRe   = regexp.MustCompile(`(?i)^pilot (?:study|trial)$`)
	controlRe = regexp.MustCompile(`(?i)randomi[sz]ed|placebo`)
)

// randomisedPilot: a title that calls the study only a pilot is read as
// uncontrolled, unless the review says it was randomised or had a placebo
// arm ("Simpson and colleagues randomized 24 men ... to prazosin or
// placebo"): then it is a randomised pilot trial.
func randomisedPilot(design, match string, citing []string) (string, string, bool) {
	if design != graph.DesignOpenLabel || !pilotRe.MatchString(match) {
		return "", "", false
	}
	for _, s := range citing {
		if m := controlRe.FindString(s); m != "" {
			return graph.DesignPilotRCT, fmt.Sprintf("reference title/journal says %q and the review describes it as %q", match, m), true
		}
	}
	return "", "", false
}

// trialWords recognise a sentence that reports a trial or study result.
var trialWords = regexp.MustCompile(`(?i)randomi[sz]ed|controlled trial|placebo-controlled|double-blind|\btrial\b|\bstudy\b.*\b(found|showed|demonstrated|led to|resulted)|participants`)

// narrativeCitationRe: a sentence whose subject is the study's authors
// ("Kessler and colleagues (2014) tested …", "Smith et al. (2019) gave …").
var narrativeCitationRe = regexp.MustCompile(`^(?:In \d{4}, )?([\p{L}'-]+)(?: and colleagues| et al\.?| and [\p{L}'-]+)? \(\d{4}[a-z]?\)`)

// continuation returns the sentence after one whose subject is the cited
// authors, when it is in the same paragraph and cites nothing itself: in
// English the review goes on describing the same study there ("Kessler
// and colleagues (2014) tested a lower dose in 138 heavy drinkers.
// Topiramate reduced heavy drinking days relative to placebo, …"). It is
// read after the citing sentence, so that sentence's words decide first.
func continuation(ps []review.Passage, c review.Citation, cited map[int]bool) (string, bool) {
	if c.Passage+1 >= len(ps) {
		return "", false
	}
	p, next := ps[c.Passage], ps[c.Passage+1]
	m := narrativeCitationRe.FindStringSubmatch(p.Text)
	if m == nil || !strings.EqualFold(m[1], c.FirstAuthor) || cited[c.Passage+1] ||
		next.Section != p.Section || next.Paragraph != p.Paragraph || passageKind(next) != "sentence" {
		return "", false
	}
	return next.Text, true
}
