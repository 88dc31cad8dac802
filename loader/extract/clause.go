// Clause structure for the open reading: a small deterministic analyser
// over the part-of-speech tags that gives each clause its verb group, the
// head noun phrase that is the verb's subject and the noun phrases that
// are its objects, so that a claim's subject is attached as a dependency
// parse would attach it, not found as the nearest argument.

package extract

import (
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// emitFunc records one candidate (claims.go dedupes and qualifies it).
type emitFunc func(a, b Mention, p graph.Predicate, sign graph.Sign, cue cueHit, lo, hi int)

// governors introduce a noun phrase that is not a clause's subject: the
// object of a preposition, a comparator, an example.
var governors = map[string]bool{"of": true, "in": true, "on": true, "at": true, "for": true, "from": true, "to": true,
	"into": true, "within": true, "with": true, "by": true, "than": true, "as": true, "between": true, "among": true,
	"after": true, "following": true, "during": true, "versus": true, "vs": true, "including": true, "like": true,
	"unlike": true, "via": true, "through": true, "across": true, "under": true, "over": true, "against": true,
	"per": true, "without": true, "before": true, "despite": true, "about": true, "toward": true, "towards": true,
	"compared": true, "such": true, "alongside": true, "plus": true, "beyond": true}

// objectStops end the reach of a verb to its object: a preposition that
// does not take the verb's object ("after", "than", "by" in the active).
var objectStops = map[string]bool{"than": true, "versus": true, "vs": true, "compared": true, "after": true, "before": true,
	"following": true, "during": true, "among": true, "despite": true, "unlike": true, "by": true, "from": true,
	"with": true, "without": true, "because": true, "although": true, "whereas": true, "while": true, "when": true,
	"which": true, "who": true, "that": true, "for": true, "as": true, "at": true, "to": true, "whether": true, "if": true}

// verbal: a cue that heads a verb group, not a noun ("a reduction in X")
// or an adjective ("lower risk").
func verbal(ts []token, tags []string, c cueHit) bool {
	if c.kind != cueIncrease && c.kind != cueDecrease && c.kind != cueCorrelation && c.kind != cueChange {
		return false
	}
	t := tags[c.i]
	if c.j-c.i > 1 && ts[c.i].low != "association" {
		return true // "lead to", "associated with"
	}
	if subjectChange(ts, c) {
		return false // "blood pressure increases and anxiety are common"
	}
	if strings.HasPrefix(t, "VB") {
		return true
	}
	// A cue the tagger took for a plural noun, not followed by "in"/"of",
	// after a noun: "GLP-1 stimulation reduces intake", "anhedonia during
	// abstinence predicts/NNS relapse" (a correlation verb's third person
	// ends in "-ts" too; its nouns are "predictors", "correlates of").
	w := ts[c.i].low
	ending := strings.HasSuffix(w, "es") || c.kind == cueCorrelation && strings.HasSuffix(w, "ts")
	return (t == "NNS" || t == "NN") && ending && c.i > 0 && strings.HasPrefix(tags[c.i-1], "NN") &&
		!(c.j < len(ts) && (ts[c.j].low == "in" || ts[c.j].low == "of" || ts[c.j].low == "between"))
}

// coordinatedCue: a direction cue the tagger took for an adjective or a
// noun is a verb when "and" joins it to an earlier verb of the sentence
// and it has a verb's ending: "S attenuated X and reduced/JJ Y",
// "S restores X and reduces/NNS Y".
func coordinatedCue(ts []token, verbs []cueHit, c cueHit) bool {
	if c.kind != cueIncrease && c.kind != cueDecrease || c.j-c.i != 1 || c.i == 0 || ts[c.i-1].low != "and" || len(verbs) == 0 {
		return false
	}
	w := ts[c.i].low
	if !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "es") || c.j < len(ts) && (ts[c.j].low == "in" || ts[c.j].low == "of") {
		return false // "and reductions in X" is a noun
	}
	v := verbs[len(verbs)-1]
	for k := v.j; k < c.i; k++ {
		if strings.ContainsAny(ts[k].punctBefore, ";:") {
			return false
		}
	}
	return strings.HasSuffix(ts[v.i].low, w[len(w)-2:])
}

// governed: the noun phrase holding a is the object of a preposition (or
// a comparator, or an example): it is not a clause's subject.
func governed(ts []token, tags []string, a Mention, lo int) bool {
	k := a.first - 1
	for steps := 0; k >= lo && steps < 4; steps++ {
		t := tags[k]
		if ts[k+1].punctBefore != "" && !ts[k+1].hyphenated {
			break
		}
		if t == "DT" || t == "PDT" || t == "JJ" || t == "JJS" || t == "PRP$" || t == "CD" || t == "JJR" || t == "RB" || t == "RBS" || t == "VBN" || sideWords[ts[k].low] {
			k--
			continue
		}
		break
	}
	return k >= lo && governors[ts[k].low] && ts[k+1].punctBefore == ""
}

// verbObject: the noun phrase holding a follows a finite verb of the
// clause ("S attenuated X of Y and reduced Z", "S restores X in rats and
// reduces Z"): a is that verb's object, so it is not the subject of a
// later verb.
func verbObject(ts []token, tags []string, a Mention, lo int) bool {
	k := a.first - 1
	for steps := 0; k >= lo && steps < 4; steps++ {
		if ts[k+1].punctBefore != "" && !ts[k+1].hyphenated {
			return false
		}
		switch tags[k] {
		case "DT", "PDT", "JJ", "JJR", "JJS", "PRP$", "CD", "RB", "RBR":
			k--
			continue
		}
		break
	}
	if k <= lo || ts[k+1].punctBefore != "" || ts[k].punctBefore != "" {
		return false // "During abstinence, reduced X ...": a participle opening its clause is an adjective
	}
	if beVerbs[ts[k].low] || auxiliaries[ts[k].low] {
		return false
	}
	switch prev := tags[k-1]; tags[k] {
	case "VBD", "VBZ", "VBP":
		return true
	case "VBN":
		// "a dose of semaglutide attenuated X": a past form after a noun
		// is the clause's verb, whatever the tagger says.
		return strings.HasSuffix(ts[k].low, "ed") && strings.HasPrefix(prev, "NN")
	case "VB":
		// "may help prevent X", "to reduce X", "did not reduce X".
		return prev == "MD" || prev == "TO" || prev == "VB" || ts[k-1].low == "not"
	case "VBG":
		// "By raising synaptic dopamine, it ...", "by occupying the
		// receptor, the drug ...": a gerund after a preposition takes
		// the phrase as its object.
		return governors[ts[k-1].low] || subordinators[ts[k-1].low]
	}
	return false
}

// appositive: ", a/an/the X," after another noun names it again.
func appositive(ts []token, a Mention, lo int) bool {
	k := a.first - 1
	for k > lo && (ts[k].low == "a" || ts[k].low == "an" || ts[k].low == "its" || ts[k].low == "the") {
		if strings.Contains(ts[k].punctBefore, ",") {
			return true
		}
		k--
	}
	return false
}

// headSubject returns the clause's subject before token v: the first
// argument of [lo, v) that is not governed, parenthetical or appositive,
// with the arguments coordinated with it.
func headSubject(ts []token, tags []string, args []Mention, aside []int, example []bool, lo, v int) []Mention {
	if f := frontedEnd(ts, lo, v); f > lo {
		// "In a study using the Trier Social Stress Test, oxytocin
		// reduced X": the subject follows the fronted phrase.
		if out := headSubject(ts, tags, args, aside, example, f, v); len(out) > 0 {
			return out
		}
	}
	var out []Mention
	for i, a := range args {
		if a.first < lo || a.last > v {
			continue
		}
		given := combinedWith(ts, args, i, lo)
		if len(out) == 0 {
			if !given && (aside[a.first] != 0 || governed(ts, tags, a, lo) && !measured(ts, a, lo) && !administered(ts, tags, a, lo) || appositive(ts, a, lo) || example[i] || verbObject(ts, tags, a, lo) ||
				i+1 < len(args) && args[i+1].first == a.last && args[i+1].last <= v && ts[a.last].punctBefore == "") {
				// "accumbens DBS normalised X": a noun right before another
				// modifies it; the last noun heads the phrase.
				continue
			}
			out = append(out, listedBefore(ts, args, i, lo)...)
			out = append(out, a)
			continue
		}
		if coordinated(ts, out[len(out)-1].last, a.first) || given {
			out = append(out, a)
		}
	}
	return out
}

// frontedEnd: the clause at lo opens with an adverbial phrase (a
// preposition or "by contrast" up to the first comma) before v: the
// token after that comma, or lo.
func frontedEnd(ts []token, lo, v int) int {
	if lo >= len(ts) || !governors[ts[lo].low] && !subordinators[ts[lo].low] {
		return lo
	}
	for k := lo + 1; k < v; k++ {
		if strings.Contains(ts[k].punctBefore, ",") {
			return k
		}
	}
	return lo
}

// coordinated: only list words lie between two arguments ("A, B and C",
// "both A and B").
func coordinated(ts []token, lo, hi int) bool {
	if e := abbreviationAside(ts, lo, hi); e > lo {
		lo = e // "A (ABBR) and B": the abbreviation only renames A
	}
	if hi <= lo || hi-lo > 4 {
		return hi == lo && strings.Contains(ts[hi].punctBefore, ",")
	}
	conj := false
	for k := lo; k < hi; k++ {
		if asWellAs(ts, k) {
			conj, k = true, k+2 // "A as well as B" joins as "and" does
			continue
		}
		switch ts[k].low {
		case "and", "or", "nor":
			conj = true // "neither A nor B": "neither" opens the list, "nor" joins it
		case "the", "its", "their", "also", "both", "either":
		case "of", "in", "on", "to", "with", "by", "at":
			if !conj {
				return false // "A and of B", "A and in B" repeat the preposition
			}
		default:
			if !conj || !leadingNoise[ts[k].low] {
				return false // "A and less B": a quantity before the second
			}
		}
	}
	return true
}

// objects returns the arguments a verb group ending at j reaches: the
// first argument after it, across words of its own noun phrase ("the
// integrity of X", "levels of X") but no other verb or preposition, with
// the arguments coordinated with it.
func objects(ts []token, tags []string, args []Mention, verbs []cueHit, j, hi int) []Mention {
	var out []Mention
	for _, a := range args {
		if a.first < j || a.first >= hi {
			continue
		}
		if len(out) == 0 {
			if a.first-j > 6 {
				return nil
			}
			for k := j; k < a.first; k++ {
				if objectStops[ts[k].low] || strings.ContainsAny(ts[k].punctBefore, ",;:(") && k > j {
					return nil
				}
				for _, o := range verbs {
					if o.i == k {
						return nil
					}
				}
			}
			out = append(out, a)
			continue
		}
		if verbBetween(verbs, j, out[len(out)-1].last, a.first) {
			break // "S reduced B and improved/VBN C": a verb of its own opens C
		}
		if coordinated(ts, out[len(out)-1].last, a.first) || exampleOf(ts, out[len(out)-1], a) {
			out = append(out, a)
			continue
		}
		break
	}
	if len(out) > 0 {
		if r := repeatedPrep(ts, verbs, j, out[len(out)-1].last, hi); r > 0 {
			// "associated with X among Z, and with lower rates of Y":
			// the verb's preposition, repeated, opens a second object,
			// read as the first was.
			return append(out, objects(ts, tags, args, verbs, r, hi)...)
		}
	}
	return out
}

// verbBetween: a direction verb stands in [lo, hi), after a direction
// verb ending at j: "S reduced B and improved/VBN C" are two verbs with
// an object each. After a correlation a participle describes the next
// object ("associated with loss of X and reduced Y").
func verbBetween(verbs []cueHit, j, lo, hi int) bool {
	opens := false
	for _, v := range verbs {
		if v.j == j && (v.kind == cueIncrease || v.kind == cueDecrease) {
			opens = true
		}
	}
	for _, v := range verbs {
		if opens && v.i >= lo && v.i < hi && (v.kind == cueIncrease || v.kind == cueDecrease) {
			return true
		}
	}
	return false
}

// exampleOf: b is listed as an example of the object a ("contributes to
// withdrawal symptoms such as irritability and anxiety", "measure hard
// outcomes such as decompensation"): what the verb does to the kind it
// does to the examples the sentence names.
func exampleOf(ts []token, a, b Mention) bool {
	k := b.first
	switch {
	case k-a.last == 2 && ts[k-2].low == "such" && ts[k-1].low == "as",
		k-a.last == 1 && exemplarOpeners[ts[k-1].low],
		k-a.last == 2 && ts[k-2].low == "e" && ts[k-1].low == "g":
		return sameKind(a, b)
	}
	return false
}

// beBefore: a form of "be" (or "get") opens the verb group ending at c,
// across adverbs: "is reduced", "was significantly associated".
func beBefore(ts []token, tags []string, c cueHit, lo int) bool {
	for k := c.i - 1; k >= lo && k >= c.i-3; k-- {
		if beVerbs[ts[k].low] {
			return true
		}
		if tags[k] != "RB" && ts[k].low != "not" {
			return false
		}
	}
	return false
}

// clauseClaims reads each clause's verb groups with their subjects and
// objects and emits the claims they state. prev holds the subjects of the
// previous sentence, for an anaphor ("it", "these drugs") in subject
// place. It returns this sentence's first drug or therapy subjects.
//
// agentsOf maps each verb group it read (by its cue's first token) to the
// arguments that act in it: the subjects of an active verb, the agents of
// a passive one.
func clauseClaims(ts []token, tags []string, args []Mention, cues []cueHit, base, aside []int, example []bool, prev []Mention, emit emitFunc) (topics []Mention, agentsOf map[int][]Mention, own []int) {
	segs := segments(ts, tags, args, base)
	own = make([]int, len(ts)+1)
	n := 0
	for _, sg := range segs {
		if sg.own {
			n++
		}
		for k := sg.lo; k < sg.hi; k++ {
			own[k] = n
		}
	}
	own[len(ts)] = n
	var verbs []cueHit
	for _, c := range cues {
		if verbal(ts, tags, c) || coordinatedCue(ts, verbs, c) || coordinatedBase(ts, tags, c) || relativeVerb(ts, args, c) {
			verbs = append(verbs, c)
		}
	}
	agentsOf = map[int][]Mention{}
	opener := openingSubject(ts, tags, args, aside, example, segs)
	var before []Mention // the subjects of the previous clause's last verb
	for si, sg := range segs {
		var last []Mention // the subjects of the clause's previous verb
		for _, v := range verbs {
			if v.i < sg.lo || v.i >= sg.hi {
				continue
			}
			if agents, ok := reducedPassive(ts, tags, args, verbs, v, sg, emit); ok {
				agentsOf[v.i] = agents
				continue
			}
			var subj []Mention
			coord := v.i > sg.lo && (ts[v.i-1].low == "and" || ts[v.i-1].low == "or") && last != nil
			switch {
			case coord:
				subj = last // "S reduced X and lowered Y"
			case strings.HasSuffix(ts[v.i].low, "ing") && tags[v.i] == "VBG":
				// "by increasing X, S raises Y", "S acts by reducing X":
				// the gerund's subject is its clause's subject.
				if v.i == 0 || ts[v.i-1].low != "by" {
					continue
				}
				subj = headSubject(ts, tags, args, aside, example, sg.lo, v.i-1)
				if len(subj) == 0 {
					// The main clause follows the comma.
					for k := v.j; k < sg.hi; k++ {
						if strings.Contains(ts[k].punctBefore, ",") {
							subj = headSubject(ts, tags, args, aside, example, k, sg.hi)
							break
						}
					}
				}
			case sg.antecedent >= 0 && last == nil:
				subj = antecedents(ts, args, sg.antecedent)
				if si > 0 {
					// "S is a kappa agonist that does not recruit Y": the
					// predicate noun is S.
					if s := copulaSubject(ts, tags, args, aside, example, segs[si-1], args[sg.antecedent]); len(s) > 0 {
						subj = s
					} else if s := agreementSubject(ts, tags, args, aside, example, segs[si-1], args[sg.antecedent], v); len(s) > 0 {
						subj = s
					}
				}
			case sg.resume >= 0 && last == nil:
				r := segs[sg.resume]
				subj = pluralAnaphor(ts, tags, headSubject(ts, tags, args, aside, example, r.lo, r.hi), topics, prev)
			default:
				subj = pluralAnaphor(ts, tags, headSubject(ts, tags, args, aside, example, sg.lo, v.i), topics, prev)
				if len(subj) == 0 {
					from := topics
					if len(from) == 0 && si > 0 {
						from = opener // "X is more selective than Y, which explains why it lowers Z"
					}
					subj = anaphor(ts, tags, sg.lo, v.i, from, prev)
				}
				if len(subj) == 0 && ellipticSubject(ts, tags, sg.lo, v.i) {
					subj = before // "S prevented X but did not reduce Y"
				}
				if len(subj) == 0 && doseRelative(ts, sg.lo) {
					subj = before // "S reduced X, but only at doses that also caused Y"
				}
				if len(subj) == 0 && sg.own && nounBefore(tags, sg.lo, v.i) {
					// "its effects have been linked to X": the clause's
					// subject names no entity, and no argument is it.
					agentsOf[v.i] = []Mention{}
				}
			}
			if len(subj) == 0 {
				continue
			}
			last, before = subj, subj
			topics = addTopics(topics, subj)
			if agents, ok := emitVerb(ts, tags, args, verbs, v, sg, subj, emit); ok {
				agentsOf[v.i] = agents
			}
		}
	}
	for _, sg := range segs {
		// The subject of anything the clause says stands before its
		// first finite verb: "X, which lacks Y, reduced Z without
		// causing W" has X as the subject of both verbs.
		subject := func(k int) []Mention {
			if sg.antecedent >= 0 {
				return []Mention{args[sg.antecedent]}
			}
			k = min(k, firstFinite(ts, tags, sg, k))
			if subj := pluralAnaphor(ts, tags, headSubject(ts, tags, args, aside, example, sg.lo, k), topics, prev); len(subj) > 0 {
				return subj
			}
			return anaphor(ts, tags, sg.lo, k, topics, prev)
		}
		without(ts, tags, args, verbs, cues, sg, subject, agentsOf, emit)
		effectOn(ts, tags, args, verbs, sg, subject, func() []Mention { return topics }, prev, emit)
		reportedChange(ts, tags, args, aside, example, verbs, cues, sg, subject, agentsOf, emit)
		correlatedChanges(ts, tags, args, verbs, cues, sg, subject, agentsOf, emit)
		topics = addTopics(topics, predicateNoun(ts, tags, args, verbs, sg, subject, emit))
		differs(ts, tags, args, verbs, sg, subject, possessor(true, topics, prev), emit)
		differedOn(ts, tags, args, verbs, sg, subject, emit)
		differenceIn(ts, tags, args, verbs, sg, subject, emit)
		copulaForms(ts, tags, args, verbs, sg, subject, emit)
		comparedWith(ts, tags, args, verbs, sg, subject, emit)
		changedAfter(ts, tags, args, verbs, sg, subject, emit)
		hadUnder(ts, tags, args, verbs, sg, subject, emit)
		respondedTo(ts, tags, args, verbs, sg, subject, emit)
		roleIn(ts, args, sg, subject, emit)
	}
	return topics, agentsOf, own
}

// clauseEnds: the ends a clause reading may link. Its subject is attached
// by grammar, not by nearness, so a brain region or network that is the
// clause's subject ("the insula is thought to contribute to craving")
// may act; as an object it is still a place, not an effect.
func clauseEnds(subj, obj Mention) bool {
	switch subj.Category {
	case graph.CategoryBrainRegion, graph.CategoryBrainNetwork:
		subj.Category = graph.CategoryMechanism
	}
	return signedEnds(subj, obj)
}

// nounBefore: a noun in [lo, hi).
func nounBefore(tags []string, lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if strings.HasPrefix(tags[k], "NN") {
			return true
		}
	}
	return false
}
