package build

import (
	"regexp"
	"strings"
)

// Reported findings.
//
// A sentence that reports a research result needs a citation; one that
// states background, defines, recommends or asks does not. The loader
// tells them apart by the sentence's structure, not by a list of topic
// words, so that a finding is recognised however it is phrased ("a survey
// found that", "38% of respondents", "twice as likely as"):
//
//   - a statistical result stands alone: a percentage, a ratio or fold
//     change ("twice as likely", "3-fold", "one in ten", "12 of 15"),
//     effect sizes, confidence intervals, odds or hazard ratios,
//     p-values, "significantly";
//   - otherwise a finding has a source and a result: a research source as
//     the sentence's agent or frame (study, trial, survey, poll, registry,
//     cohort, analysis, data, sample, participants, respondents,
//     researchers, ...), and a result (a verb reporting or showing
//     something: found, showed, reported, confirmed, linked, predicted,
//     led to, ...; a comparison: "than", "compared with", "versus"; or a
//     number);
//   - a sentence that only proposes, hedges or looks ahead is no finding:
//     modal verbs (should, must, may, might, could, would, will, need(ed)
//     to), "future research", "unknown", "unclear", "whether", a question;
//     and neither is the review speaking of itself ("This review ...") nor
//     an item of a list.
//
// findingsTestdata in findings_test.go holds sentences that must and must
// not be flagged.
var (
	findingStat   = regexp.MustCompile(`(?i)\d\s*%|\bper ?cent\b|\b(twice|three times|four times|half) as (likely|many|much|often|long)\b|\b\d+(\.\d+)?-fold\b|\b(one|two|three|\d+) (in|of|out of) (every )?(\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)\b|effect sizes?|confidence intervals?|odds ratios?|hazard ratios?|relative risk|\bp\s*[<=>]\s*0?\.\d|statistically|significantly`)
	findingSource = regexp.MustCompile(`(?i)\b(stud(y|ies)|trials?|surveys?|polls?|registr(y|ies)|cohorts?|analys[ie]s|meta-analys[ie]s|data(set)?|samples?|participants|respondents|subjects|volunteers|investigators|researchers|research|experiments?|records|database|interviews?|questionnaires?|evidence|findings|results)\b`)
	findingResult = regexp.MustCompile(`(?i)\b(found|find|finds|show(s|ed|n)?|report(s|ed)?|demonstrat(e|es|ed)|reveal(s|ed)?|indicat(e|es|ed)|confirm(s|ed)?|observ(e|es|ed)|document(s|ed)|describ(e|es|ed)|link(s|ed)?|predict(s|ed)?|associat(e|es|ed)|correlat(e|es|ed)|led to|resulted in|yield(s|ed)?|produc(e|es|ed)|reduc(e|es|ed)|increas(e|es|ed)|decreas(e|es|ed)|improv(e|es|ed)|doubl(e|es|ed)|halv(e|es|ed)|than|compared (with|to)|versus|\bvs\b)\b|\d`)
	findingHedge  = regexp.MustCompile(`(?i)\b(should|must|may|might|could|would|will|need(s|ed)? to|are needed|is needed|future (research|studies|trials|work)|unknown|unclear|remains to be|whether)\b|\?\s*$`)
	findingSelf   = regexp.MustCompile(`(?i)^(this|the present|our) (review|article|paper|work)\b`)
)

// reportsFinding reports whether sentence states a research result (see
// above); listItem is a short line of a list, which never does alone.
func reportsFinding(sentence string, listItem bool) bool {
	s := strings.TrimSpace(sentence)
	if listItem || s == "" || findingHedge.MatchString(s) || findingSelf.MatchString(s) {
		return false
	}
	if findingStat.MatchString(s) {
		return true
	}
	return findingSource.MatchString(s) && findingResult.MatchString(s)
}
