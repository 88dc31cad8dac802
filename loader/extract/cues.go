package extract

import (
	"regexp"
	"slices"
	"strings"
)

type cueKind int

const (
	cueIncrease cueKind = iota
	cueDecrease
	cueCorrelation
	cueTreatment
	cueAdverse
	// cueChange: an effect with no direction ("alters", "modulates"):
	// AFFECTS, unsigned.
	cueChange
)

// cueSpec is a cue: word prefixes matched against consecutive tokens
// ("lead" "to" matches "leading to").
type cueSpec struct {
	words []string
	kind  cueKind
}

// cueTable lists the cues. Prefixes, not whole words, so that one entry
// covers "reduce", "reduces", "reduced", "reducing" and "reduction".
// Package-level because it is a constant table; nothing mutates it.
var cueTable = buildCues(cueWords)

// cueWords is the cue lexicon by kind, stated once: cueTable is built from
// it, and CueLexicon hands it to tools that read claims another way.
var cueWords = map[cueKind][]string{
	cueIncrease: {"increas", "enhanc", "promot", "upregulat", "up regulat", "stimulat", "boost", "facilitat", "elevat",
		"induc", "activat", "improv", "strengthen", "catalyz", "catalys", "lead to", "led to", "result in",
		"higher", "greater", "doubl", "trigger", "caus", "potentiat", "amplif", "augment", "agonist", "restor",
		"rais", "prolong", "contribut to", "precipitat", "provok", "produc",
		// verbs of making worse or more
		"exacerbat", "intensif", "accelerat", "reinstated", "reinstates", "evok", "releases",
		// verbs of driving: "craving drives relapse", "relapse is
		// driven by stress", "the main drivers of relapse"
		"driv", "drove"},
	cueDecrease: {"reduc", "decreas", "inhibit", "block", "antagoni", "suppress", "attenuat", "diminish", "lower",
		"prevent", "fewer", "less", "impair", "dampen", "mitigat", "alleviat", "reliev", "downregulat",
		"down regulat", "curb", "abolish", "weaken", "declin", "blunt", "disrupt", "halv", "slow",
		// verbs of making better or less
		"ameliorat", "shorten", "protect against", "hinder", "imped", "loss"},
	cueCorrelation: {"associated with", "association", "link", "correlat", "predict", "implicated in"},
	cueTreatment:   {"treat", "in patient with", "option for", "therapy for", "management of"},
	cueAdverse:     {"advers", "side effect", "risk", "harm", "complication"},
	cueChange: {"alters", "altered", "altering", "alteration", "modulat", "influenc", "act on", "acts on", "normalis", "normaliz", "underlie", "underlies", "underlay", "revers",
		"binds", "bind to", "bound to", "affinity for"},
}

// CueLexicon returns a copy of the cue lexicon by kind ("increase",
// "decrease", "correlation", "treatment", "adverse", "change"): word
// prefixes, space-separated for multi-word cues. It exists so that a
// measurement of another reading (tools/parseeval) looks for claims at
// exactly the words this package does, without a copy that goes stale.
func CueLexicon() map[string][]string {
	names := map[cueKind]string{cueIncrease: "increase", cueDecrease: "decrease", cueCorrelation: "correlation",
		cueTreatment: "treatment", cueAdverse: "adverse", cueChange: "change"}
	out := make(map[string][]string, len(names))
	for k, n := range names {
		out[n] = slices.Clone(cueWords[k])
	}
	return out
}

func buildCues(m map[cueKind][]string) []cueSpec {
	var out []cueSpec
	for _, k := range []cueKind{cueIncrease, cueDecrease, cueCorrelation, cueTreatment, cueAdverse, cueChange} {
		for _, c := range m[k] {
			out = append(out, cueSpec{strings.Fields(c), k})
		}
	}
	// Longer cues first, so "associated with" wins over a bare prefix.
	slices.SortStableFunc(out, func(a, b cueSpec) int { return len(b.words) - len(a.words) })
	return out
}

// cueHit is one cue found in a sentence: tokens [i, j).
type cueHit struct {
	i, j int
	kind cueKind
}

var (
	// recommendRe marks a sentence that looks ahead or recommends: what
	// it says is not (yet) a finding.
	recommendRe = regexp.MustCompile(`\b(future|further|more) (research|stud(y|ies)|trials?|work|investigations?|exploration)\b|\b(is|are|remains?) (needed|warranted|required|unknown|unclear)\b|\b(should|must|need to) be\b|\bremains? to be\b|\b(comparative|head to head) (stud(y|ies)|trials?)\b|\btrials? comparing\b|\b(has|have) not (yet )?been (tested|studied|examined|investigated)\b|\b(test|tests|testing|examine|examining) whether\b|\bwe (propose|put forward)\b`)
	hedgeWords  = []string{"may", "might", "could", "suggest", "potential", "hypothes", "appear", "possibl", "putative", "perhaps", "propos", "likely", "probabl", "candidate", "interest", "inconsistent", "promising"}
	negWords    = []string{"not", "no", "never", "neither", "nor", "without", "fail", "lack", "absence"}
	beVerbs     = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true}
	// connectors link a nominal cue's object to its cause: "reductions
	// in X following Y".
	connectors = map[string]bool{"followed": true, "following": true, "after": true, "by": true, "from": true, "with": true, "of": true, "under": true}
	// withWords introduce a co-intervention ("ketamine with psychotherapy").
	withWords = map[string]bool{"with": true, "plus": true, "alongside": true}
)

// nounOrVerb are cue words whose bare form is as often a noun as a verb:
// a verb only after a word that opens a verb group ("thought to drive
// X", "that drive relapse", "may drive X").
var nounOrVerb = setOf("drive")

// findCues returns the cues among the tokens no mention took, in order.
// doseNouns: a direction word before one of these says how much of a
// drug was given.
var doseNouns = map[string]bool{"dose": true, "dosage": true, "doses": true, "concentration": true}

// degreeNouns after a comparative make a degree adverbial ("to a lesser
// degree", "to a greater extent"): how much, not a direction.
var degreeNouns = map[string]bool{"degree": true, "extent": true}

func findCues(ts []token, inMention []bool) []cueHit {
	var out []cueHit
	used := make([]bool, len(ts))
	for _, c := range cueTable {
		n := len(c.words)
	next:
		for i := 0; i+n <= len(ts); i++ {
			for k, w := range c.words {
				if inMention[i+k] || used[i+k] || !strings.HasPrefix(ts[i+k].low, w) || (k > 0 && ts[i+k].punctBefore != "") {
					continue next
				}
			}
			if ts[i].hyphenated { // "psilocybin-facilitated": a name, not a verb
				continue
			}
			if nounOrVerb[ts[i].low] && (i == 0 || !verbOpeners[ts[i-1].low] && !relativePronouns[ts[i-1].low] && ts[i-1].low != "also") {
				continue // "the motivational drive to use", "noradrenergic drive": a noun
			}
			if j := i + n; j < len(ts) && doseNouns[ts[j].stem] && ts[j].punctBefore == "" {
				continue // "at higher doses": how much was given, not an effect
			}
			if j := i + n; j < len(ts) && degreeNouns[ts[j].stem] && ts[j].punctBefore == "" {
				continue // "to a lesser degree"
			}
			for k := i; k < i+n; k++ {
				used[k] = true
			}
			kind := c.kind
			if n == 1 {
				if k, ok := modulatorKind(ts, i); ok {
					kind = k
				}
			}
			out = append(out, cueHit{i, i + n, kind})
		}
	}
	slices.SortFunc(out, func(a, b cueHit) int { return a.i - b.i })
	return out
}

// modulatorKind: a "positive (allosteric) modulator" raises what it acts
// on and a "negative (allosteric) modulator" lowers it, as an agonist and
// an antagonist do; a modulator with neither word gives no direction
// (false).
func modulatorKind(ts []token, i int) (cueKind, bool) {
	if w := ts[i].low; w != "modulator" && w != "modulators" {
		return 0, false
	}
	k := i - 1
	if k >= 0 && ts[k].low == "allosteric" && ts[k+1].punctBefore == "" {
		k--
	}
	if k < 0 || ts[k+1].punctBefore != "" {
		return 0, false
	}
	switch ts[k].low {
	case "positive":
		return cueIncrease, true
	case "negative":
		return cueDecrease, true
	}
	return 0, false
}

func hasPrefixIn(w string, list []string) bool {
	for _, p := range list {
		if w == p || len(p) > 3 && strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}
