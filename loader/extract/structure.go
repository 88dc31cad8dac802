// Claim structure beyond a clause's head noun and verb group: which
// arguments are subjects besides the first (lists, examples, drugs given
// together or by way of an administration noun), objects a repeated
// preposition opens, and nominal and treatment forms (branch extract11).

package extract

import (
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// listedBefore: the arguments an example opener lists before args[i] and
// coordinates with it ("pharmacotherapies for OUD, such as A and B,
// reduce Y", "medications, including A and B, failed to reduce Y"): the
// last of them is the clause's subject only because "and" keeps it from
// the opener; the ones before it are listed with it, in text order.
func listedBefore(ts []token, args []Mention, i, lo int) []Mention {
	n := i
	for n > 0 && args[n-1].first >= lo && coordinated(ts, args[n-1].last, args[n].first) {
		n--
	}
	if n == i {
		return nil
	}
	k := args[n].first
	switch {
	case k-2 >= lo && ts[k-2].low == "such" && ts[k-1].low == "as",
		k-1 >= lo && exemplarOpeners[ts[k-1].low]:
		return slices.Clone(args[n:i])
	}
	return nil
}

// administrationNouns name giving or taking a drug: "regular use of X",
// "infusion of X", "co-administration of X", "a single dose of X", "a
// session of X".
var administrationNouns = map[string]bool{"use": true, "administration": true, "infusion": true, "injection": true,
	"intake": true, "consumption": true, "dose": true, "doses": true, "session": true, "sessions": true, "course": true}

// administered: a is the object of "of" after an administration noun
// that heads the clause's subject ("Regular use of X has been linked to
// Y", "that chronic use of X and Z is associated with Y", "Infusion of X
// into the VTA reproduced Y"): the drug given acts, so it is the subject.
func administered(ts []token, tags []string, a Mention, lo int) bool {
	g := a.first - 1
	for g > lo && tags[g] == "DT" && ts[g+1].punctBefore == "" {
		g--
	}
	if g < lo+1 || ts[g].low != "of" || ts[g+1].punctBefore != "" || ts[g].punctBefore != "" || !administrationNouns[ts[g-1].low] {
		return false
	}
	k := g - 2
	for k >= lo && ts[k+1].punctBefore == "" && (tags[k] == "DT" || tags[k] == "JJ" || tags[k] == "RB" || tags[k] == "VBN" || ts[k+1].hyphenated) {
		k--
	}
	return k < lo || strings.ContainsAny(ts[k+1].punctBefore, ",;:") || ts[k].low == "that"
}

// combinedWith: the argument at i is what another is given with
// ("combining A with B may cause Y", "the combination of A with B",
// "their combination with B could cause Y"): given together, both act,
// so B is a subject as A is, not a preposition's object.
func combinedWith(ts []token, args []Mention, i, lo int) bool {
	k := args[i].first - 1
	for k > lo && (ts[k].low == "a" || ts[k].low == "an" || ts[k].low == "the") && ts[k+1].punctBefore == "" {
		k--
	}
	if k <= lo || ts[k].low != "with" || ts[k+1].punctBefore != "" || ts[k].punctBefore != "" {
		return false
	}
	if ts[k-1].low == "combination" {
		return true
	}
	if i == 0 || args[i-1].last != k || args[i-1].first <= lo {
		return false
	}
	f := args[i-1].first - 1
	return ts[f].low == "combining" || f > lo && ts[f].low == "of" && ts[f-1].low == "combination"
}

// abbreviationAside: a parenthesis of at most three words opens at lo
// and closes before hi ("disorder (PTSD) and"): the token after it, or lo.
func abbreviationAside(ts []token, lo, hi int) int {
	if lo >= hi || !strings.Contains(ts[lo].punctBefore, "(") {
		return lo
	}
	for k := lo + 1; k < hi && k <= lo+3; k++ {
		if strings.Contains(ts[k].punctBefore, "(") {
			return lo
		}
		if strings.Contains(ts[k].punctBefore, ")") {
			return k
		}
	}
	return lo
}

// repeatedPrep: within a few words after the object ending at last,
// "and" (or ", and") then the preposition the verb group ending at j
// ends with, or that opens its first object ("reduced the rate of X and
// of Y"), with no verb or clause break between: the token after the
// repeated preposition, or 0.
func repeatedPrep(ts []token, verbs []cueHit, j, last, hi int) int {
	for k := last; k+2 < hi && k < last+10; k++ {
		if strings.ContainsAny(ts[k].punctBefore, ";:(") {
			return 0
		}
		for _, v := range verbs {
			if v.i == k {
				return 0
			}
		}
		if ts[k].low != "and" || !governors[ts[k+1].low] || ts[k+1].punctBefore != "" {
			continue
		}
		for g := max(j-1, 0); g < last && g < j+4; g++ {
			if ts[g].low == ts[k+1].low {
				return k + 2
			}
		}
		return 0
	}
	return 0
}

// treatsSymptom: the verb "treat" stands right before a symptom b ("has
// been used for decades to treat spasticity", "is used to treat
// nausea") after the drug or therapy a: a treats b. A symptom after
// "for" is left alone ("for patients with insomnia" says who, not what).
func treatsSymptom(ts []token, a, b Mention) (cueHit, bool) {
	if a.Category != graph.CategoryDrug && a.Category != graph.CategoryTherapy || b.Category != graph.CategorySymptom {
		return cueHit{}, false
	}
	k := b.first - 1
	if k > a.last && (ts[k].low == "the" || ts[k].low == "its") {
		k--
	}
	if k <= a.last || ts[k].stem != "treat" && ts[k].low != "treat" && ts[k].low != "treats" && ts[k].low != "treated" && ts[k].low != "treating" {
		return cueHit{}, false
	}
	return cueHit{k, k + 1, cueTreatment}, true
}

// nominalOf: an increase or decrease noun followed by "of" right before
// a, and a drug or therapy b that "with" or "by" introduces ("blockade of
// X with Y", "inhibition of X by Y"): b is the agent of the change of a.
// Other connectors are left alone: after "of", "an increase of X after
// Y" is as often a sequence as an effect.
func nominalOf(ts []token, cues []cueHit, a, b Mention) (cueHit, bool) {
	of := a.first - 1
	if of > 0 && (ts[of].low == "the" || ts[of].low == "a" || ts[of].low == "an") {
		of--
	}
	if of < 1 || ts[of].low != "of" || b.Category != graph.CategoryDrug && b.Category != graph.CategoryTherapy {
		return cueHit{}, false
	}
	k := b.first - 1
	for k > a.last && k >= b.first-3 && ts[k].low != "with" && ts[k].low != "by" {
		k--
	}
	if k <= a.last-1 || ts[k].low != "with" && ts[k].low != "by" {
		return cueHit{}, false
	}
	for _, c := range cues {
		if c.j == of && (c.kind == cueIncrease || c.kind == cueDecrease) {
			return c, true
		}
	}
	return cueHit{}, false
}
