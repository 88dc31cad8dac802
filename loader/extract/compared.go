// Ends a claim's verb does not reach: what a finding is set against (a
// comparator), and what defines the population it was found in.

package extract

import (
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// sameDegree are the words of "as ... as" that make no comparison ("as
// well as" joins; "as soon as", "as long as" are of time).
var sameDegree = setOf("well", "soon", "long", "far", "much", "many", "early", "late", "such")

// comparedAt is the token of the word that sets the argument a against
// the finding, or -1: "than" or "versus" ("more selective than
// clonidine", "less effective than tapering doses of buprenorphine or
// methadone"), "unlike" ("Unlike varenicline and nicotine replacement
// therapy, ..."), "compared with" or "relative to", and the second "as"
// of "as effective as clonidine". The word stands at most five words
// before a, within its phrase: no punctuation, finite verb or other
// argument between, except the members of a list a ends ("as diazepam
// and clomethiazole"). "More than eight million deaths" is an amount.
func comparedAt(ts []token, tags []string, args []Mention, a Mention) int {
	ends := map[int]bool{}
	for _, m := range args {
		ends[m.last-1] = true
	}
	for k := a.first - 1; k >= 0 && k >= a.first-5; k-- {
		if ts[k+1].punctBefore != "" && !ts[k+1].hyphenated {
			return -1
		}
		if len(tags) == len(ts) && (tags[k] == "VBD" || tags[k] == "VBP" || tags[k] == "VBZ" || tags[k] == "MD") {
			return -1
		}
		if ends[k] && ts[k+1].low != "and" && ts[k+1].low != "or" {
			return -1
		}
		switch w := ts[k].low; {
		case w == "than" && (isDigits(ts[k+1].low) || cardinals[ts[k+1].low] || ts[k+1].low == "one" || len(tags) == len(ts) && tags[k+1] == "CD"):
			return -1
		case (w == "than" || w == "versus" || w == "vs") && doseArms(ts, k, a):
			return -1
		case w == "than" || w == "versus" || w == "vs" || w == "unlike":
			return k
		case (w == "with" || w == "to") && k > 0 && (ts[k-1].low == "compared" || ts[k-1].low == "relative"):
			return k - 1
		case w == "with" && comparing(ts, k):
			return k
		case w == "as" && k >= 2 && ts[k-2].low == "as" && !sameDegree[ts[k-1].low] && ts[k-1].punctBefore == "" && ts[k].punctBefore == "":
			return k - 2
		}
	}
	return -1
}

// doseUnits are the units an amount of a drug is written in.
var doseUnits = setOf("mg", "g", "µg", "mcg", "ug", "ml", "iu")

// doseArms: the comparison at k sets one amount of a against another
// ("more often after 25 mg than after 1 mg of X", "at 10 mg versus 2 mg
// of X"): both arms are the same drug, so a is the agent of the finding,
// not a comparator. The compared side is an amount and "of" right before
// a; the other side, at most eight words before k, an amount too.
func doseArms(ts []token, k int, a Mention) bool {
	amount := func(i int) bool {
		return i >= 0 && i+1 < len(ts) && ts[i].low != "" && strings.Trim(ts[i].low, "0123456789.") == "" && doseUnits[ts[i+1].low]
	}
	if a.first < 1 || ts[a.first-1].low != "of" {
		return false
	}
	after := false
	for i := k + 1; i < a.first-1; i++ {
		if amount(i) {
			after = true
		}
	}
	if !after {
		return false
	}
	for i := k - 1; i >= 0 && i >= k-8; i-- {
		if amount(i) {
			return true
		}
	}
	return false
}

// comparing: "with" at k closes "comparing X with" ("trials comparing
// psilocybin with varenicline"): what follows is the comparator.
func comparing(ts []token, k int) bool {
	for p := k - 2; p >= 0 && p >= k-5; p-- {
		if ts[p+1].punctBefore != "" {
			return false
		}
		if ts[p].low == "comparing" {
			return true
		}
	}
	return false
}

// frontedSetting reports a subject that is no drug or therapy inside the
// prepositional phrase a sentence opens with, up to its comma, when the
// cue comes after that comma: "During abstinence, reduced dopamine tone
// contributes to X", "At the systems level, psilocybin reduces Y", "In
// an outpatient withdrawal trial, gabapentin reduced Z". The phrase sets
// the time, place or study; the clause's subject comes after it and
// takes the claim. (A drug there names the study's drug: "In the
// exenatide trial, ...".)
//
// It returns where the clause after the phrase begins, or -1.
func frontedSetting(ts []token, a Mention, cue cueHit) int {
	if a.Category == graph.CategoryDrug || a.Category == graph.CategoryTherapy || len(ts) == 0 || !governors[ts[0].low] {
		return -1
	}
	if f := frontedEnd(ts, 0, cue.i); f > 0 && a.last <= f && cue.i >= f {
		return f
	}
	return -1
}

// clauseOpener is the first argument from f on that ends before the cue
// at v: the subject of the clause a fronted phrase stands before.
func clauseOpener(args []Mention, f, v int) (Mention, bool) {
	for _, d := range args {
		if d.first >= f && d.last <= v {
			return d, true
		}
	}
	return Mention{}, false
}

// comparedEffect: the comparison is of the very effect the cue names,
// which the comparator has too ("as effective as diazepam and
// clomethiazole in suppressing withdrawal symptoms", "more potent than
// naltrexone in reducing alcohol intake"): from a to the cue only list
// members and "in" or "at" before it.
func comparedEffect(ts []token, a Mention, cue cueHit) bool {
	if cue.i <= a.last || cue.i-1 < 0 || ts[cue.i-1].low != "in" && ts[cue.i-1].low != "at" {
		return false
	}
	return cue.i-1 == a.last || cue.i-1-a.last <= 4 && (ts[a.last].low == "and" || ts[a.last].low == "or")
}

// comparisonSubject is the drug or therapy a comparison made at token k
// is about: the nearest one before k in k's clause ("Lofexidine appears
// to be as effective as clonidine and causes less hypotension":
// lofexidine causes it).
func comparisonSubject(args []Mention, clause []int, k int, not Mention) (Mention, bool) {
	for i := len(args) - 1; i >= 0; i-- {
		d := args[i]
		if d.last > k || clause[d.first] != clause[k] {
			continue
		}
		if d.Category == graph.CategoryDrug || d.Category == graph.CategoryTherapy {
			return d, d.ID != not.ID
		}
	}
	return Mention{}, false
}

// populationNouns head a population named by its defining phrase after
// "in" or "among" ("in patients who drink to relieve distress"); "those"
// stands for one.
func populationHead(ts []token, k int) bool {
	return ts[k].low == "those" || headCategory(ts[k].stem) == graph.CategoryPopulation
}

// definedPopulation reports that one end of a claim lies in the
// relative clause that defines a population a finding was made in and
// the other outside it: "reduce drinking, particularly in people whose
// drinking is driven by stress or trauma", "in patients who drink to
// relieve distress", "in people who use fentanyl, in whom induction is
// complicated by withdrawal". The clause says who was studied; no verb
// outside it reaches its nouns, and its nouns are no agents of the
// sentence's verbs. A prepositional phrase ("in patients with a family
// history of alcoholism") is left alone: what it names is as often the
// condition a drug is given for.
func definedPopulation(ts []token, tags []string, a, b Mention) bool {
	la, ha := populationClause(ts, tags, a.first)
	lb, hb := populationClause(ts, tags, b.first)
	return la != lb || ha != hb
}

// populationClause is the span [lo, hi) of the population's defining
// relative clause that holds token t, or (-1, -1). The clause runs from
// "who" or "whose" after the population's head (with "in" or "among" at
// most three words before that head) to the next punctuation, or to
// "and" or "but" before a verb of the sentence ("in patients who drink
// heavily and can cause sedation").
func populationClause(ts []token, tags []string, t int) (int, int) {
	lo := -1
	for k := t - 1; k >= 1 && k >= t-12; k-- {
		if ts[k].low == "who" || ts[k].low == "whose" {
			if populationHead(ts, k-1) && preposed(ts, k-1) {
				lo = k
			}
			break
		}
		if ts[k+1].punctBefore != "" && !ts[k+1].hyphenated || clauseJoin(ts, tags, k) {
			return -1, -1 // the clause ends before t
		}
	}
	if lo < 0 {
		return -1, -1
	}
	hi := t + 1
	for hi < len(ts) && (ts[hi].punctBefore == "" || ts[hi].hyphenated) && !clauseJoin(ts, tags, hi) {
		hi++
	}
	return lo, hi
}

// preposed: the population noun at h follows "in" or "among" within
// three words ("in patients", "particularly in older smokers").
func preposed(ts []token, h int) bool {
	for p := h - 1; p >= 0 && p >= h-3; p-- {
		if ts[p].low == "in" || ts[p].low == "among" {
			return true
		}
		if ts[p+1].punctBefore != "" {
			return false
		}
	}
	return false
}

// clauseJoin: "and" or "but" at k before a finite verb or a modal, which
// go back to the sentence's own clause.
func clauseJoin(ts []token, tags []string, k int) bool {
	return (ts[k].low == "and" || ts[k].low == "but") && len(tags) == len(ts) && k+1 < len(ts) &&
		(tags[k+1] == "MD" || tags[k+1] == "VBD" || tags[k+1] == "VBZ" || tags[k+1] == "VBP")
}

// relativeLinkers may stand between a relative pronoun and its verb
// ("that may contribute to", "which is thought to drive", "that in turn
// underlie").
var relativeLinkers = setOf("may", "might", "can", "could", "would", "is", "are", "was", "were", "be", "been", "thought",
	"believed", "proposed", "likely", "to", "also", "probably", "in", "turn", "further", "then", "itself", "themselves")

// unnamedAntecedent reports a cue that is the verb of a relative clause
// whose antecedent names no entity and stands after the subject a: "DBS
// may disrupt the drug-induced plasticity that underlies relapse", "an
// effect that may contribute to neuroplasticity". The clause says what
// that noun does; the sentence's subject is not its agent, and no entity
// stands in for the noun.
func unnamedAntecedent(ts []token, tags []string, inMention []bool, a Mention, cue cueHit) bool {
	if len(tags) != len(ts) {
		return false
	}
	r := cue.i - 1
	for r > a.last && relativeLinkers[ts[r].low] {
		r--
	}
	if r <= a.last || ts[r].low != "that" && ts[r].low != "which" || ts[r].punctBefore != "" {
		return false
	}
	n := r - 1
	if n < a.last || inMention[n] || !strings.HasPrefix(tags[n], "NN") || doseNouns[ts[n].stem] {
		return false // "at doses that caused Y": the drug given does (clause.go)
	}
	// "Oxytocin, a neuropeptide that dampens X", "increases dopamine
	// release, a change that contributes to relapse": an apposition
	// renames the argument before it, which does what its clause says.
	if a.last < len(ts) && strings.Contains(ts[a.last].punctBefore, ",") {
		appositive := true
		for k := a.last; k < n && appositive; k++ {
			appositive = !strings.HasPrefix(tags[k], "VB") && tags[k] != "MD" && (k == a.last || ts[k].punctBefore == "" || ts[k].hyphenated)
		}
		if appositive {
			return false
		}
	}
	return true
}

// duringPhrase reports an argument in a phrase of time after "during" or
// "throughout" ("reduced anxiety-like behaviour during withdrawal",
// "relief of symptoms during abrupt discontinuation"): it says when a
// finding held, not what changed.
func duringPhrase(ts []token, tags []string, b Mention) bool {
	if len(tags) != len(ts) {
		return false
	}
	k := b.first - 1
	for steps := 0; k >= 0 && steps < 3; steps++ {
		if ts[k+1].punctBefore != "" && !ts[k+1].hyphenated {
			return false
		}
		switch t := tags[k]; {
		case t == "DT" || t == "JJ" || t == "VBN" || t == "RB" || t == "PRP$" || t == "CD":
			k--
			continue
		}
		break
	}
	return k >= 0 && (ts[k].low == "during" || ts[k].low == "throughout") && ts[k+1].punctBefore == ""
}

// agentCueOf reports a cue that is an agent noun ("the mTOR inhibitor
// rapamycin", "a 5-HT2A antagonist", "with weaker antagonism at the
// kappa receptor"), which only a drug or other given substance can be:
// a receptor, process or effect named near it ("synaptogenesis was
// abolished by the mTOR inhibitor rapamycin") is not its agent.
func agentCueOf(ts []token, cue cueHit) bool {
	if cue.j < 1 || cue.j > len(ts) {
		return false
	}
	w := ts[cue.j-1].stem
	return agentNoun(w) || w == "antagonism" || w == "agonism"
}
