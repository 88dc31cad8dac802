// Comparisons that say a drug did, or did not, differ from its
// comparator on a measure: "S did not differ from placebo in Y", "S and
// T did not differ in Y", "a trial found no difference between S and
// placebo in Y", "S produced no difference in Y". The drug compared is
// the claim's subject and the measure its object; the comparator is a
// qualifier (qualifiers.go), never an end. The claim has no direction.
// "No difference" from placebo (sham, control, groups) is a NEGATED
// claim, kept with its modality; two treatments that did not differ
// ("S and T did not differ in Y", "no difference between S and T", "S
// did not differ from T") were alike, which denies neither's effect: the
// claims are kept unnegated.

package extract

import (
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// measurePreps introduce the measure two arms are compared on.
var measurePreps = setOf("in", "on", "for", "regarding")

// agentsOnly keeps the drugs and therapies of ms.
func agentsOnly(ms []Mention) []Mention {
	var out []Mention
	for _, m := range ms {
		if m.Category == graph.CategoryDrug || m.Category == graph.CategoryTherapy {
			out = append(out, m)
		}
	}
	return out
}

// measureAfter: the token after the preposition that opens the measure
// within a few words from j ("from placebo in Y": skips the comparator),
// or -1 when a comma or another verb comes first.
func measureAfter(ts []token, verbs []cueHit, j, hi, reach int) int {
	for k := j; k < hi && k <= j+reach; k++ {
		if k > j && strings.ContainsAny(ts[k].punctBefore, ",;:(") {
			return -1
		}
		for _, v := range verbs {
			if v.i == k {
				return -1
			}
		}
		if measurePreps[ts[k].low] && k+1 < hi {
			return k + 1
		}
	}
	return -1
}

// differedOn reads "S did not differ (from C) in Y" and "S and T did not
// differ in Y": the subject's drugs act, or do not, on each measure.
func differedOn(ts []token, tags []string, args []Mention, verbs []cueHit, sg segment, subject func(int) []Mention, emit emitFunc) {
	for k := sg.lo + 1; k+2 < sg.hi; k++ {
		if !strings.HasPrefix(ts[k].low, "differ") || strings.HasPrefix(ts[k].low, "differen") || tags[k] == "JJ" {
			continue
		}
		agents := agentsOnly(subject(k))
		if len(agents) == 0 {
			continue
		}
		j := k + 1
		for j < sg.hi && j <= k+2 && adverb(ts[j].low, tags[j]) {
			j++ // "did not differ significantly from"
		}
		if j >= sg.hi || ts[j].low != "from" && !measurePreps[ts[j].low] {
			continue // "between groups": differs reads it
		}
		m := measureAfter(ts, verbs, j, sg.hi, 5)
		if m < 0 {
			continue
		}
		lo := -1
		if len(agents) > 1 || ts[j].low == "from" && len(agentsOnly(objects(ts, tags, args, verbs, j+1, m))) > 0 {
			lo = m // two treatments alike: neither's effect is denied
		}
		if len(agents) > 1 || ts[k+1].low == "from" && len(agentsOnly(objects(ts, tags, args, verbs, k+2, m))) > 0 {
			lo = m // two treatments alike: neither's effect is denied
		}
		emitCompared(ts, tags, args, verbs, sg, agents, cueHit{k, k + 1, cueChange}, m, lo, emit)
	}
}

// differenceIn reads the noun: "no (significant) difference between S
// and C in Y", "no difference from C in Y" (the finding verb's subject
// compared), "S produced no difference in Y".
func differenceIn(ts []token, tags []string, args []Mention, verbs []cueHit, sg segment, subject func(int) []Mention, emit emitFunc) {
	for k := sg.lo + 1; k+2 < sg.hi; k++ {
		if ts[k].low != "difference" && ts[k].low != "differences" {
			continue
		}
		lo := k - 1 // the modifiers before the noun: "no significant"
		for lo > sg.lo && k-lo <= 3 && ts[lo+1].punctBefore == "" && (changeModifiers[ts[lo].low] || tags[lo] == "JJ" || tags[lo] == "RB") {
			lo--
		}
		var agents []Mention
		m := -1
		switch {
		case ts[k+1].low == "between":
			list := objects(ts, tags, args, verbs, k+2, sg.hi)
			agents = agentsOnly(list)
			if len(list) > 0 {
				m = measureAfter(ts, verbs, list[len(list)-1].last, sg.hi, 4)
			}
		case ts[k+1].low == "from" || measurePreps[ts[k+1].low]:
			if !findingVerbs[ts[lo].low] {
				continue
			}
			agents = agentsOnly(subject(lo))
			if len(agents) == 0 {
				agents = studiedAgents(ts, args, sg.lo, lo)
			}
			m = measureAfter(ts, verbs, k+1, sg.hi, 5)
		}
		if len(agents) == 0 || m < 0 {
			continue
		}
		if len(agents) > 1 || ts[k+1].low == "from" && len(agentsOnly(objects(ts, tags, args, verbs, k+2, m))) > 0 {
			lo = m // two treatments alike: neither's effect is denied
		}
		emitCompared(ts, tags, args, verbs, sg, agents, cueHit{k, k + 1, cueChange}, m, lo, emit)
	}
}

// emitCompared emits, from each agent to each measure the phrase at m
// names, an unsigned claim; a harm after a drug is an adverse event, as
// differs reads it. lo < 0 starts the negation's reach at the agent.
func emitCompared(ts []token, tags []string, args []Mention, verbs []cueHit, sg segment, agents []Mention, cue cueHit, m, lo int, emit emitFunc) {
	for _, o := range objects(ts, tags, args, verbs, m, sg.hi) {
		for _, a := range agents {
			from := lo
			if from < 0 {
				from = a.last
			}
			switch {
			case a.Category == graph.CategoryDrug && o.Category == graph.CategorySafetyRisk:
				emit(a, o, graph.HasAdverseEvent, graph.Unsigned, cue, from, o.first)
			case clauseEnds(a, o):
				emit(a, o, graph.Affects, graph.Unsigned, cue, from, o.first)
			}
		}
	}
}
