// The object of one verb is not the subject of the verb coordinated with
// it: in "S hyperpolarises X and thereby reduces Y", "S disinhibits X,
// increasing Y" or "S blocks X but acts as an agonist at Y", S does both
// things; X is only what the first verb acts on. The nearest-argument
// rules took X as the second verb's subject, one of the commonest wrong
// pairs on the development set.

package extract

import "strings"

// earlierVerbObject returns the token of the verb whose object a is, when
// the cue c is a second verb of that verb's subject; -1 otherwise. a must
// lie before c, with nothing between a's phrase and c but a joiner ("and",
// "but", "or", a comma) and the second verb's own auxiliaries, adverbs and
// copula ("and is thought to promote", "and weakly inhibits", "and is a
// non-competitive antagonist of"); a verb between them must be coordinated
// too (a comma or joiner right before it: "reduced X, improved Y and
// increased Z"). A noun right before the second verb would be its own
// subject ("S reduced X, and Y increased Z"), and that is left alone.
func earlierVerbObject(ts []token, tags []string, a Mention, c cueHit) int {
	if a.last > c.i || c.i == 0 || len(tags) != len(ts) {
		return -1
	}
	k := c.i - 1
	for k >= a.last && secondVerbFiller(ts[k].low, tags[k]) && !strings.ContainsAny(ts[k+1].punctBefore, ",;:()") {
		k--
	}
	// ts[k] is the joiner, or a comma stands before ts[k+1].
	joined := k >= a.last && verbJoiners[ts[k].low] && !strings.ContainsAny(ts[k+1].punctBefore, ",;:()")
	relative := false
	if !joined {
		k++ // the comma itself: ", increasing Y", ", blocks Y"
		if k < a.last || ts[k].punctBefore != "," {
			return -1
		}
		// "X, which lacks a, reduced Y": the relative clause ends at the
		// comma and the main verb follows.
		relative = k == c.i && tags[c.i] != "VBG"
		if !finiteOrParticiple(tags[c.i]) && !relative {
			return -1
		}
	}
	if !strings.HasPrefix(tags[c.i], "VB") && !agentAfterCopula(ts, tags, k, c) && !(joined && verbForm(ts, c)) {
		return -1 // the cue is no verb: "X, Y and decreased Z" lists nouns
	}
	for i := a.last; i < k; i++ {
		if i > a.last && strings.ContainsAny(ts[i].punctBefore, ";:") || subordinators[ts[i].low] || relatives[ts[i].low] {
			return -1
		}
		if finite(tags[i]) && i > 0 && ts[i].punctBefore == "" && !verbJoiners[ts[i-1].low] {
			return -1 // "X in rats that Y increased": a clause of its own
		}
	}
	v := objectVerb(ts, tags, a)
	if relative && (v < 1 || !relatives[ts[v-1].low]) {
		return -1
	}
	return v
}

// verbForm: a cue the tagger took for a noun after a joiner is a verb
// when it has a verb's ending and no "in"/"of" follows ("and thereby
// reduces/NNS Y").
func verbForm(ts []token, c cueHit) bool {
	w := ts[c.i].low
	return c.j-c.i == 1 && (strings.HasSuffix(w, "es") || strings.HasSuffix(w, "ed")) &&
		!(c.j < len(ts) && (ts[c.j].low == "in" || ts[c.j].low == "of"))
}

// objectVerb: the verb a (or the list a ends) is the direct object of, or
// -1. The list may hold "and", "or" and "of" ("the reuptake of dopamine
// and noradrenaline") but no other punctuation than a hyphen.
func objectVerb(ts []token, tags []string, a Mention) int {
	for p := a.first; p >= 1 && p >= a.first-8; p-- {
		if p < a.first {
			t := tags[p]
			listed := strings.HasPrefix(t, "NN") || strings.HasPrefix(t, "JJ") || t == "DT" || t == "CD" || t == "PRP$" ||
				ts[p].low == "and" || ts[p].low == "or" || ts[p].low == "of"
			if !listed || ts[p+1].punctBefore != "" && !ts[p+1].hyphenated {
				return -1
			}
		}
		v := p - 1
		if ts[p].punctBefore != "" && !ts[p].hyphenated {
			continue
		}
		if verbObject(ts, tags, Mention{first: p, last: p + 1}, 0) {
			for v > 0 && !strings.HasPrefix(tags[v], "VB") {
				v-- // verbObject steps over the phrase's modifiers
			}
			return v
		}
		// ", blocks X": a present-tense verb after a comma, one of a
		// list of verbs or the first after an apposition.
		if (tags[v] == "VBZ" || tags[v] == "VBP") && ts[v].punctBefore == "," && ts[p].punctBefore == "" {
			return v
		}
		// "..., delaying X": a participle after a comma takes X as its object.
		if tags[v] == "VBG" && ts[v].punctBefore == "," {
			return v
		}
	}
	return -1
}

// secondVerbFiller: a word that may stand between the joiner and the
// second verb: its auxiliaries, adverbs, copula and the words of "is
// thought to", "acts as a partial".
func secondVerbFiller(w, tag string) bool {
	switch tag {
	case "RB", "RBR", "MD", "TO", "DT", "JJ":
		return true
	}
	return auxiliaries[w] || beVerbs[w] || w == "not" || w == "thought" || w == "acts" || w == "act" || w == "as" ||
		w == "thereby" || w == "thus" || w == "then" || w == "also"
}

// agentAfterCopula: "and is a non-competitive antagonist of Y", "but acts
// as a partial agonist at Y": an agent noun made the second verb by "is"
// or "acts as".
func agentAfterCopula(ts []token, tags []string, k int, c cueHit) bool {
	if !agentNoun(ts[c.i].low) {
		return false
	}
	for i := k + 1; i < c.i; i++ {
		if beVerbs[ts[i].low] || ts[i].low == "acts" || ts[i].low == "act" {
			return true
		}
	}
	return false
}

func finite(tag string) bool { return tag == "VBZ" || tag == "VBD" || tag == "VBP" }

func finiteOrParticiple(tag string) bool { return finite(tag) || tag == "VBG" }

// relatives open a clause whose subject is not the main clause's.
var relatives = map[string]bool{"which": true, "who": true, "whom": true, "whose": true, "that": true, "where": true}

// verbSubject: the subject of a candidate already read whose cue is the
// verb at v, as a mention of args before v; else the first argument of
// v's clause before v that is no preposition's or verb's object ("Both A
// and B inhibit X, delaying Y and prolonging Z": A). False when there is
// none ("Activation of R hyperpolarises X and reduces Y": the subject is
// no entity, and X is still not it).
func verbSubject(ts []token, tags []string, clause []int, out []Candidate, cueOf []int, args []Mention, v int) (Mention, bool) {
	for k := len(out) - 1; k >= 0; k-- {
		if k >= len(cueOf) || cueOf[k] != v {
			continue
		}
		for _, m := range args {
			if m.ID == out[k].Subject && m.first < v {
				return m, true
			}
		}
	}
	for _, m := range args {
		if m.last > v || crossesClause(ts, m.last, v) || clause[m.first] != clause[v] {
			continue
		}
		if !governed(ts, tags, m, 0) && !verbObject(ts, tags, m, 0) {
			return m, true
		}
		return Mention{}, false
	}
	return Mention{}, false
}
