package parseeval

import (
	"slices"
	"strings"
)

// CueKind is what a cue says about its pair.
type CueKind int

// The cue kinds of loader/extract (cues.go there).
const (
	CueIncrease CueKind = iota
	CueDecrease
	CueCorrelation
	CueTreatment
	CueAdverse
	CueChange
)

type cueSpec struct {
	words []string
	kind  CueKind
}

// cueTable is loader/extract's cue lexicon (cueTable in cues.go, which is
// unexported), copied verbatim on 2026-12-07 so that both readings look for
// claims at the same words: the measurement compares how subject and
// object are found, not which verbs count. If the lexicon there changes,
// copy it again before measuring.
var cueTable = buildCues(map[CueKind][]string{
	CueIncrease: {"increas", "enhanc", "promot", "upregulat", "up regulat", "stimulat", "boost", "facilitat", "elevat",
		"induc", "activat", "improv", "strengthen", "catalyz", "catalys", "lead to", "led to", "result in",
		"higher", "greater", "doubl", "trigger", "caus", "potentiat", "amplif", "augment", "agonist", "restor",
		"rais", "prolong", "contribut to", "precipitat", "provok"},
	CueDecrease: {"reduc", "decreas", "inhibit", "block", "antagoni", "suppress", "attenuat", "diminish", "lower",
		"prevent", "fewer", "less", "impair", "dampen", "mitigat", "alleviat", "reliev", "downregulat",
		"down regulat", "curb", "abolish", "weaken", "declin", "blunt", "disrupt", "halv", "slow"},
	CueCorrelation: {"associated with", "association", "link", "correlat", "predict"},
	CueTreatment:   {"treat", "in patient with", "option for", "therapy for", "management of"},
	CueAdverse:     {"advers", "side effect", "risk", "harm", "complication"},
	CueChange: {"alters", "altered", "altering", "alteration", "modulat", "influenc", "act on", "acts on", "normalis", "normaliz", "underlie", "underlies", "underlay", "revers",
		"binds", "bind to", "bound to"},
})

func buildCues(m map[CueKind][]string) []cueSpec {
	var out []cueSpec
	for _, k := range []CueKind{CueIncrease, CueDecrease, CueCorrelation, CueTreatment, CueAdverse, CueChange} {
		for _, c := range m[k] {
			out = append(out, cueSpec{strings.Fields(c), k})
		}
	}
	slices.SortStableFunc(out, func(a, b cueSpec) int { return len(b.words) - len(a.words) })
	return out
}

// Cue is a cue found among a sentence's tokens: 0-based token positions
// [I, J), Head the token whose dependents carry the claim's ends.
type Cue struct {
	I, J, Head int
	Kind       CueKind
}

// findCues returns the cues among the tokens, skipping tokens inside an
// entity span (skip[i]), longest cue first at each position.
func findCues(toks []Token, skip []bool) []Cue {
	var out []Cue
	for i := 0; i < len(toks); i++ {
		if skip[i] {
			continue
		}
		for _, c := range cueTable {
			if i+len(c.words) > len(toks) {
				continue
			}
			ok := true
			for k, w := range c.words {
				if !strings.HasPrefix(strings.ToLower(toks[i+k].Word), w) {
					ok = false
					break
				}
			}
			if ok {
				out = append(out, Cue{I: i, J: i + len(c.words), Head: i, Kind: c.kind})
				i += len(c.words) - 1
				break
			}
		}
	}
	return out
}
