// Clause structure for the open reading: a small deterministic analyser
// over the part-of-speech tags that gives each clause its verb group, the
// head noun phrase that is the verb's subject and the noun phrases that
// are its objects, so that a claim's subject is attached as a dependency
// parse would attach it, not found as the nearest argument.

package extract

import (
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

type emitFunc func(a, b Mention, p graph.Predicate, sign graph.Sign, cue cueHit, lo, hi int)

// segment is one clause: a token range and, for a relative clause, the
// argument it hangs on.
type segment struct {
	lo, hi     int
	antecedent int // index into args, or -1
	// own: a subordinate or coordinated clause with a subject of its
	// own; nothing before it is its subject.
	own bool
	// resume: the main clause goes on after a relative clause ("X,
	// which reduces Y, increased Z"): its subject is in segment resume
	// (-1: none).
	resume int
}

// subordinators open a subordinate clause with a subject of its own.
var subordinators = map[string]bool{"because": true, "although": true, "though": true, "whereas": true, "while": true,
	"since": true, "if": true, "when": true, "unless": true, "whether": true}

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

// segments cuts a sentence into clauses: the rule reading's cuts (";",
// ":", contrasts, ", and" + subject + verb), and a relative pronoun or a
// subordinator, which opens a clause of its own.
func segments(ts []token, tags []string, args []Mention, base []int) []segment {
	var cuts []int
	ante := map[int]int{}
	own := map[int]bool{} // clauses with a subject of their own
	for k := 1; k < len(ts); k++ {
		if base[k] != base[k-1] {
			cuts = append(cuts, k)
			continue
		}
		w := ts[k].low
		switch {
		case w == "which" || w == "who" || w == "that" && relativeThat(ts, tags, k):
			cuts = append(cuts, k)
			ante[k] = -1
			for i, a := range args {
				if a.last == k || a.last == k-1 && (ts[k-1].low == "in" || ts[k-1].low == "by") {
					ante[k] = i
				}
			}
		case w == "that" || subordinators[w] && (tags[k] == "IN" || tags[k] == "WRB" || tags[k] == ""):
			cuts = append(cuts, k)
			own[k] = true
		case clauseJoiners[w] && strings.Contains(ts[k].punctBefore, ",") && subjectThenVerb(ts, tags, k+1):
			cuts = append(cuts, k) // ", and their intensity correlates with Y"
			own[k] = true
		}
	}
	var out []segment
	lo := 0
	for _, c := range append(cuts, len(ts)) {
		if c > lo {
			a := -1
			if v, ok := ante[lo]; ok {
				a = v
			}
			// A relative clause set off by a comma ends at the next
			// comma that a finite verb follows: the main clause resumes.
			if end := relativeEnd(ts, tags, lo, c); a >= 0 && strings.Contains(ts[lo].punctBefore, ",") && end > 0 && len(out) > 0 {
				out = append(out, segment{lo, end, a, false, -1}, segment{end, c, -1, false, len(out) - 1})
			} else {
				out = append(out, segment{lo, c, a, own[lo], -1})
			}
		}
		lo = c
	}
	return out
}

// relativeEnd: the first comma in (lo, hi) right before a finite verb
// (across an adverb), or 0.
func relativeEnd(ts []token, tags []string, lo, hi int) int {
	for k := lo + 1; k < hi; k++ {
		if !strings.Contains(ts[k].punctBefore, ",") {
			continue
		}
		v := k
		if tags[v] == "RB" && v+1 < hi {
			v++
		}
		switch tags[v] {
		case "VBZ", "VBD", "VBP", "MD":
			return k
		}
		return 0
	}
	return 0
}

// subjectThenVerb: a noun phrase (or pronoun) and then a finite verb
// start at k: ", and this signal is thought to ...".
func subjectThenVerb(ts []token, tags []string, k int) bool {
	for i := k; i < len(ts) && i < k+7; i++ {
		switch t := tags[i]; {
		case t == "VBZ" || t == "VBD" || t == "VBP" || t == "MD":
			return i > k
		case t == "DT" || t == "PRP$" || t == "PRP" || t == "JJ" || t == "JJR" || t == "CD" || t == "RB" || strings.HasPrefix(t, "NN"):
			if i > k && ts[i].punctBefore != "" && !ts[i].hyphenated {
				return false
			}
		default:
			return false
		}
	}
	return false
}

// relativeThat: "that" after a noun and before a verb is a relative
// pronoun ("a kappa agonist that does not recruit Y"); after a verb it
// opens a complement clause ("showed that X reduced Y").
func relativeThat(ts []token, tags []string, k int) bool {
	return k+1 < len(ts) && strings.HasPrefix(tags[k-1], "NN") && (strings.HasPrefix(tags[k+1], "VB") || tags[k+1] == "MD" ||
		tags[k+1] == "RB")
}

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
	if strings.HasPrefix(t, "VB") {
		return true
	}
	// A cue the tagger took for a plural noun, not followed by "in"/"of",
	// after a noun: "GLP-1 stimulation reduces intake".
	w := ts[c.i].low
	return (t == "NNS" || t == "NN") && strings.HasSuffix(w, "es") && c.i > 0 && strings.HasPrefix(tags[c.i-1], "NN") &&
		!(c.j < len(ts) && (ts[c.j].low == "in" || ts[c.j].low == "of"))
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
		if t == "DT" || t == "PDT" || t == "JJ" || t == "JJS" || t == "PRP$" || t == "CD" || t == "JJR" || t == "RB" || t == "RBS" || t == "VBN" {
			k--
			continue
		}
		break
	}
	return k >= lo && governors[ts[k].low] && ts[k+1].punctBefore == ""
}

// measureNouns measure the noun phrase after "of"/"in": "the degree of X
// correlated with Y" says X correlated with Y.
var measureNouns = map[string]bool{"degree": true, "level": true, "levels": true, "intensity": true, "magnitude": true,
	"extent": true, "amount": true, "severity": true, "strength": true, "frequency": true, "occurrence": true,
	"change": true, "changes": true, "increase": true, "increases": true, "decrease": true, "decreases": true,
	"reduction": true, "reductions": true}

// measured: a is the object of "of"/"in" after a measure noun that opens
// the clause's subject ("The degree of DMN disintegration", "increases in
// self-efficacy").
func measured(ts []token, a Mention, lo int) bool {
	g := a.first - 1
	if g < lo+1 || ts[g].low != "of" && ts[g].low != "in" || !measureNouns[ts[g-1].low] {
		return false
	}
	k := g - 2
	for k >= lo && (ts[k].low == "the" || ts[k].low == "a" || ts[k].low == "an") {
		k--
	}
	return k < lo || strings.ContainsAny(ts[k+1].punctBefore, ",;:")
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
	var out []Mention
	for i, a := range args {
		if a.first < lo || a.last > v {
			continue
		}
		if len(out) == 0 {
			if aside[a.first] != 0 || governed(ts, tags, a, lo) && !measured(ts, a, lo) || appositive(ts, a, lo) || example[i] {
				continue
			}
			out = append(out, a)
			continue
		}
		if coordinated(ts, out[len(out)-1].last, a.first) {
			out = append(out, a)
		}
	}
	return out
}

// coordinated: only list words lie between two arguments ("A, B and C",
// "both A and B").
func coordinated(ts []token, lo, hi int) bool {
	if hi <= lo || hi-lo > 4 {
		return hi == lo && strings.Contains(ts[hi].punctBefore, ",")
	}
	conj := false
	for k := lo; k < hi; k++ {
		switch ts[k].low {
		case "and", "or":
			conj = true
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
		if coordinated(ts, out[len(out)-1].last, a.first) {
			out = append(out, a)
			continue
		}
		break
	}
	return out
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
		if verbal(ts, tags, c) {
			verbs = append(verbs, c)
		}
	}
	agentsOf = map[int][]Mention{}
	subjOf := map[int][]Mention{} // verb index -> its subjects
	var before []Mention          // the subjects of the previous clause's last verb
	for si, sg := range segs {
		var last []Mention // the subjects of the clause's previous verb
		if last != nil {
			before = last
		}
		for vi, v := range verbs {
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
				if len(subj) == 0 && si+1 < len(segs) {
					subj = nil
				}
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
				subj = []Mention{args[sg.antecedent]}
				if si > 0 {
					// "S is a kappa agonist that does not recruit Y": the
					// predicate noun is S.
					if s := copulaSubject(ts, tags, args, aside, example, segs[si-1], args[sg.antecedent]); len(s) > 0 {
						subj = s
					}
				}
			case sg.resume >= 0 && last == nil:
				r := segs[sg.resume]
				subj = pluralAnaphor(ts, tags, headSubject(ts, tags, args, aside, example, r.lo, r.hi), topics, prev)
			default:
				subj = pluralAnaphor(ts, tags, headSubject(ts, tags, args, aside, example, sg.lo, v.i), topics, prev)
				if len(subj) == 0 {
					subj = anaphor(ts, tags, sg.lo, v.i, topics, prev, subjOf, verbs[:vi])
				}
				if len(subj) == 0 && ellipticSubject(ts, tags, sg.lo, v.i) {
					subj = before // "S prevented X but did not reduce Y"
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
			subjOf[vi] = subj
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
			return anaphor(ts, tags, sg.lo, k, topics, prev, nil, nil)
		}
		without(ts, tags, args, verbs, cues, sg, subject, agentsOf, emit)
		effectOn(ts, tags, args, verbs, sg, subject, func() []Mention { return topics }, prev, emit)
		topics = addTopics(topics, predicateNoun(ts, tags, args, verbs, sg, subject, emit))
		differs(ts, tags, args, verbs, sg, subject, possessor(true, topics, prev), emit)
	}
	return topics, agentsOf, own
}

// firstFinite is the first finite verb or modal of the clause before k
// (k when there is none).
func firstFinite(ts []token, tags []string, sg segment, k int) int {
	for i := sg.lo; i < k; i++ {
		switch tags[i] {
		case "VBZ", "VBD", "VBP", "MD":
			return i
		}
	}
	return k
}

// pluralAnaphor: a subject that is an anaphor the rule reading put in
// the previous topic's place ("They", "Neither drug", "These agents")
// stands for all the previous subjects when it is plural.
func pluralAnaphor(ts []token, tags []string, subj, topics, prev []Mention) []Mention {
	if len(subj) != 1 || anaphorAt(ts, subj[0].first) == 0 {
		return subj
	}
	if r := anaphor(ts, tags, subj[0].first, subj[0].last, topics, prev, nil, nil); len(r) > 1 {
		return r
	}
	return subj
}

// copulaSubject: when the noun a is the predicate of a form of "be" in
// clause sg ("S is a G-protein-biased agonist"), the subject of "be".
func copulaSubject(ts []token, tags []string, args []Mention, aside []int, example []bool, sg segment, a Mention) []Mention {
	for k := a.first - 1; k > sg.lo && k >= a.first-4; k-- {
		if beVerbs[ts[k].low] {
			return headSubject(ts, tags, args, aside, example, sg.lo, k)
		}
		if t := tags[k]; t != "DT" && t != "JJ" && t != "RB" && !strings.HasPrefix(t, "NN") {
			return nil
		}
	}
	return nil
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

// ellipticSubject: the clause opens with a conjunction and goes straight
// to its verb group ("but did not reduce Y", "and later increased Y"):
// its subject is the previous clause's.
func ellipticSubject(ts []token, tags []string, lo, v int) bool {
	if !clauseJoiners[ts[lo].low] && ts[lo].low != "or" {
		return false
	}
	for k := lo + 1; k < v; k++ {
		if !auxiliaries[ts[k].low] && !beVerbs[ts[k].low] && tags[k] != "RB" && ts[k].low != "not" {
			return false
		}
	}
	return true
}

// possessor: the drugs or therapies "its" / "their" refer to: the
// sentence's topics, else the previous sentence's subjects.
func possessor(plural bool, topics, prev []Mention) []Mention {
	from := topics
	if len(from) == 0 {
		from = prev
	}
	if !plural && len(from) > 1 {
		from = from[:1]
	}
	return from
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

// addTopics adds the drugs and therapies among subj to the sentence's
// topics, once each.
func addTopics(topics, subj []Mention) []Mention {
	for _, s := range subj {
		if (s.Category == graph.CategoryDrug || s.Category == graph.CategoryTherapy) &&
			!slices.ContainsFunc(topics, func(t Mention) bool { return t.ID == s.ID }) {
			topics = append(topics, s)
		}
	}
	return topics
}

// reducedPassive: a past participle after its noun, with its agent after
// "by" ("hypokalaemia caused by vomiting", "craving induced by cues"):
// the agent acts on the noun.
func reducedPassive(ts []token, tags []string, args []Mention, verbs []cueHit, v cueHit, sg segment, emit emitFunc) ([]Mention, bool) {
	if tags[v.i] != "VBN" || v.j >= sg.hi || ts[v.j].low != "by" || beBefore(ts, tags, v, sg.lo) || v.kind == cueCorrelation {
		return nil, false
	}
	var obj *Mention
	for i, a := range args {
		if a.last == v.i {
			obj = &args[i]
		}
	}
	if obj == nil {
		return nil, false
	}
	agents := objects(ts, tags, args, verbs, v.j+1, sg.hi)
	for _, agent := range agents {
		if clauseEnds(agent, *obj) {
			p, sign := verbSign(ts, v, v.j, agent)
			emit(agent, *obj, p, sign, v, obj.last, agent.first)
		}
	}
	return agents, true
}

// without: "S reduced X without producing Y", "without affecting Y": S
// is said not to act on Y (NEGATED, kept). A harm after a drug is an
// adverse event not had; a direction verb keeps its sign.
func without(ts []token, tags []string, args []Mention, verbs, cues []cueHit, sg segment, subject func(int) []Mention, agentsOf map[int][]Mention, emit emitFunc) {
	for k := sg.lo; k+1 < sg.hi; k++ {
		if ts[k].low != "without" || !strings.HasSuffix(ts[k+1].low, "ing") {
			continue
		}
		objs := objects(ts, tags, args, verbs, k+2, sg.hi)
		if len(objs) == 0 {
			continue
		}
		cue, kind := cueHit{k + 1, k + 2, cueChange}, cueChange
		for _, c := range cues {
			if c.i == k+1 {
				cue, kind = c, c.kind
			}
		}
		subj := subject(k)
		if len(subj) > 0 {
			agentsOf[k+1] = subj
		}
		for _, s := range subj {
			for _, o := range objs {
				harm := (s.Category == graph.CategoryDrug || s.Category == graph.CategoryTherapy) &&
					(o.Category == graph.CategorySafetyRisk || o.Category == graph.CategorySymptom)
				switch {
				case harm:
					emit(s, o, graph.HasAdverseEvent, graph.Unsigned, cue, k, o.first)
				case kind == cueIncrease || kind == cueDecrease:
					if clauseEnds(s, o) {
						emit(s, o, graph.Affects, signOf(kind), cue, k, o.first)
					}
				case kind == cueChange && clauseEnds(s, o):
					emit(s, o, graph.Affects, graph.Unsigned, cue, k, o.first)
				}
			}
		}
	}
}

// differs: "Y did not differ between A and placebo", "Y differed
// between groups": a comparison of arms says whether A acts on Y (a harm
// after a drug is an adverse event); "between groups" compares the
// sentence's (or the previous sentence's) drugs with their comparator.
func differs(ts []token, tags []string, args []Mention, verbs []cueHit, sg segment, subject func(int) []Mention, drugs []Mention, emit emitFunc) {
	for k := sg.lo + 1; k+1 < sg.hi; k++ {
		if !strings.HasPrefix(ts[k].low, "differ") || tags[k] == "JJ" {
			continue
		}
		b := k + 1
		for b < sg.hi && b <= k+2 && ts[b].low != "between" && ts[b].low != "from" {
			b++
		}
		if b >= sg.hi || ts[b].low != "between" && ts[b].low != "from" {
			continue
		}
		var agents []Mention
		for _, a := range objects(ts, tags, args, verbs, b+1, sg.hi) {
			if a.Category == graph.CategoryDrug || a.Category == graph.CategoryTherapy {
				agents = append(agents, a)
			}
		}
		if len(agents) == 0 && b+1 < sg.hi && (ts[b+1].low == "groups" || ts[b+1].low == "arms" || ts[b+1].low == "placebo") {
			agents = drugs
		}
		for _, y := range subject(k) {
			for _, a := range agents {
				harm := a.Category == graph.CategoryDrug && y.Category == graph.CategorySafetyRisk
				cue := cueHit{k, k + 1, cueChange}
				switch {
				case harm:
					emit(a, y, graph.HasAdverseEvent, graph.Unsigned, cue, y.last, k)
				case clauseEnds(a, y):
					emit(a, y, graph.Affects, graph.Unsigned, cue, y.last, k)
				}
			}
		}
	}
}

// effectNouns name an effect of one thing on another.
var effectNouns = map[string]bool{"effect": true, "effects": true, "impact": true, "influence": true}

// effectOn: "the effect of X on Y", "S had no effect on Y": X (or S)
// acts on Y, with no direction given; "no" before makes it NEGATED.
//
// "its effect on Y" is the effect of the sentence's (else the previous
// sentence's) drug or therapy.
func effectOn(ts []token, tags []string, args []Mention, verbs []cueHit, sg segment, subject func(int) []Mention, topics func() []Mention, prev []Mention, emit emitFunc) {
	for k := sg.lo; k+2 < sg.hi; k++ {
		if !effectNouns[ts[k].low] {
			continue
		}
		var agents []Mention
		on := k + 1
		if ts[k+1].low == "of" {
			agents = objects(ts, tags, args, verbs, k+2, sg.hi)
			if n := anaphorAt(ts, k+2); len(agents) == 0 && n > 0 {
				// "the effect of these agents on Y"
				agents, on = possessor(n == 1 && ts[k+2].low == "they" || strings.HasSuffix(ts[k+n+1].low, "s"), topics(), prev), k+2+n
			} else if len(agents) > 0 {
				on = agents[len(agents)-1].last
			}
			if len(agents) == 0 {
				continue
			}
		} else if k > 0 && (ts[k-1].low == "its" || ts[k-1].low == "their") {
			agents = possessor(ts[k-1].low == "their", topics(), prev)
		} else {
			agents = subject(k)
		}
		if on >= sg.hi || ts[on].low != "on" {
			continue
		}
		for _, o := range objects(ts, tags, args, verbs, on+1, sg.hi) {
			for _, a := range agents {
				if clauseEnds(a, o) {
					emit(a, o, graph.Affects, graph.Unsigned, cueHit{k, k + 1, cueChange}, max(k-3, sg.lo), o.first)
				}
			}
		}
	}
}

// roleNouns, after a form of "be", say what the subject does to the noun
// phrase after "of"/"for"/"at" (or the target named before an agent
// noun): "S is a major cause of Y", "S is a potent inhibitor of T",
// "Both are agonists at T", "S is a T agonist".
var roleNouns = map[string]cueKind{"cause": cueIncrease, "causes": cueIncrease, "driver": cueIncrease,
	"drivers": cueIncrease, "agonist": cueIncrease, "agonists": cueIncrease, "activator": cueIncrease,
	"activators": cueIncrease, "inducer": cueIncrease, "inducers": cueIncrease, "enhancer": cueIncrease,
	"antagonist": cueDecrease, "antagonists": cueDecrease, "inhibitor": cueDecrease, "inhibitors": cueDecrease,
	"blocker": cueDecrease, "blockers": cueDecrease, "predictor": cueCorrelation, "predictors": cueCorrelation,
	"factor": cueCorrelation, "factors": cueCorrelation, "marker": cueCorrelation, "markers": cueCorrelation,
	// predicate adjectives with "for": "S is necessary for Y"
	"necessary": cueIncrease, "required": cueIncrease, "essential": cueIncrease, "critical": cueIncrease,
	"responsible": cueIncrease}

// treatWords, after a form of "be" and before "for"/"in" a disorder, say
// the subject treats it: "S is effective for Y", "S is an antidote for
// Y", "S is a candidate treatment for Y".
var treatWords = map[string]bool{"effective": true, "efficacious": true, "indicated": true, "approved": true,
	"antidote": true, "treatment": true, "treatments": true, "therapy": true, "option": true, "options": true}

// treats emits STUDIED_TO_TREAT from the drugs and therapies among subj
// to the disorders after "for"/"in" at e+1.
func treats(ts []token, tags []string, args []Mention, verbs []cueHit, sg segment, e int, subj []Mention, emit emitFunc) []Mention {
	if e+1 >= sg.hi || ts[e+1].low != "for" && ts[e+1].low != "in" {
		return nil
	}
	for _, o := range objects(ts, tags, args, verbs, e+2, sg.hi) {
		for _, s := range subj {
			if (s.Category == graph.CategoryDrug || s.Category == graph.CategoryTherapy) && o.Category == graph.CategoryDisorder {
				emit(s, o, graph.StudiedToTreat, graph.Unsigned, cueHit{e, e + 1, cueTreatment}, s.last, o.first)
			}
		}
	}
	return subj
}

// predicateNoun reads "S is/are (a) ... <role noun> of/for/at Y" and
// returns the subjects it read.
func predicateNoun(ts []token, tags []string, args []Mention, verbs []cueHit, sg segment, subject func(int) []Mention, emit emitFunc) []Mention {
	var read []Mention
	for k := sg.lo + 1; k < sg.hi; k++ {
		if !beVerbs[ts[k].low] || ts[k].low == "be" || ts[k].low == "been" {
			continue
		}
		// the noun group after the copula, up to its role noun
		e := k + 1
		for e < sg.hi && e <= k+8 && !strings.ContainsAny(ts[e].punctBefore, ",;:(") {
			if _, ok := roleNouns[ts[e].low]; ok || treatWords[ts[e].low] {
				break
			}
			e++
		}
		if e >= sg.hi {
			continue
		}
		if treatWords[ts[e].low] {
			read = append(read, treats(ts, tags, args, verbs, sg, e, subject(k), emit)...)
			continue
		}
		kind, ok := roleNouns[ts[e].low]
		if !ok || strings.ContainsAny(ts[e].punctBefore, ",;:(") {
			continue
		}
		if (ts[e].low == "factor" || ts[e].low == "factors") && ts[e-1].low != "risk" {
			continue // only "risk factor"
		}
		if tags[e] == "JJ" || tags[e] == "VBN" {
			if e+1 >= sg.hi || ts[e+1].low != "for" {
				continue // an adjective says what S is needed for: "for" must follow
			}
		}
		var objs []Mention
		if e+1 < sg.hi && (ts[e+1].low == "of" || ts[e+1].low == "for" || ts[e+1].low == "at") {
			objs = objects(ts, tags, args, verbs, e+2, sg.hi)
		}
		if len(objs) == 0 {
			for _, a := range args {
				if a.last == e && a.first > k && a.Category == graph.CategoryMechanism {
					objs = append(objs, a) // "a mu-opioid receptor agonist"
				}
			}
		}
		subj := subject(k)
		read = append(read, subj...)
		p, sign := graph.Affects, signOf(kind)
		if kind == cueCorrelation {
			p, sign = graph.CorrelatedWith, graph.Increases
		}
		lo := k
		if len(subj) > 0 && subj[0].first < k {
			lo = max(subj[0].first-1, sg.lo)
		}
		for _, s := range subj {
			for _, o := range objs {
				if clauseEnds(s, o) || p == graph.CorrelatedWith && o.Category != graph.CategoryPopulation {
					emit(s, o, p, sign, cueHit{e, e + 1, kind}, lo, o.first)
				}
			}
		}
	}
	return read
}

// emitVerb emits one verb group's claims: active (subject acts on
// objects), passive with an agent ("X is reduced by Y": Y acts on X), and
// correlation ("X was associated with Y", never turned round).
// It returns the arguments that act, and false when it read no agent.
func emitVerb(ts []token, tags []string, args []Mention, verbs []cueHit, v cueHit, sg segment, subj []Mention, emit emitFunc) ([]Mention, bool) {
	passive := v.kind != cueCorrelation && beBefore(ts, tags, v, sg.lo) && strings.HasSuffix(ts[v.j-1].low, "ed")
	if passive {
		by := v.j
		for by < sg.hi && by <= v.j+1 && ts[by].low != "by" {
			by++
		}
		if by >= sg.hi || ts[by].low != "by" {
			return nil, false // no agent: "X was reduced in rats"
		}
		agents := objectsAny(ts, tags, args, verbs, by+1, sg.hi)
		for _, agent := range agents {
			for _, o := range subj {
				if clauseEnds(agent, o) {
					p, sign := verbSign(ts, v, by, agent)
					emit(agent, o, p, sign, v, o.last, agent.first)
				}
			}
		}
		return agents, len(agents) > 0
	}
	for _, o := range objects(ts, tags, args, verbs, v.j, sg.hi) {
		for _, s := range subj {
			if clauseEnds(s, o) {
				p, sign := verbSign(ts, v, v.j, o)
				lo := min(s.last, v.i)
				if s.last > v.i {
					lo = max(v.i-3, 0)
				}
				emit(s, o, p, sign, v, lo, o.first)
			}
		}
	}
	return subj, true
}

// objectsAny: the agent after "by": like objects, and a drug may be one.
func objectsAny(ts []token, tags []string, args []Mention, verbs []cueHit, j, hi int) []Mention {
	return objects(ts, tags, args, verbs, j, hi)
}

// verbSign: a correlation verb is signed by a direction word before its
// object ("associated with fewer relapses"), increases by default; a
// change verb is unsigned; a direction verb gives its own sign, unless a
// direction word right before the object turns it ("leads to lower X").
func verbSign(ts []token, v cueHit, from int, o Mention) (graph.Predicate, graph.Sign) {
	dir := graph.Sign("")
	for k := from; k < o.first; k++ {
		if hasPrefixIn(ts[k].low, []string{"lower", "fewer", "less", "reduc", "decreas"}) {
			dir = graph.Decreases
		} else if hasPrefixIn(ts[k].low, []string{"higher", "greater", "more", "increas", "elevat"}) {
			dir = graph.Increases
		}
	}
	switch v.kind {
	case cueCorrelation:
		if dir == "" {
			dir = graph.Increases
		}
		return graph.CorrelatedWith, dir
	case cueChange:
		return graph.Affects, graph.Unsigned
	}
	if dir != "" && v.j-v.i > 1 {
		return graph.Affects, dir // "leads to lower X"
	}
	return graph.Affects, signOf(v.kind)
}

// anaphor resolves a pronoun or definite description in subject place
// before the verb at v ("it", "they", "this drug", "these agents",
// "both"): the sentence's earlier drug or therapy subject, else the
// previous sentence's.
func anaphor(ts []token, tags []string, lo, v int, topics, prev []Mention, subjOf map[int][]Mention, earlier []cueHit) []Mention {
	k := v - 1
	for k >= lo && (auxiliaries[ts[k].low] || beVerbs[ts[k].low] || tags[k] == "RB" || ts[k].low == "not" || ts[k].low == "to" ||
		tags[k] == "VBN" || tags[k] == "VBZ" || tags[k] == "VBD" || tags[k] == "VBP") && v-k < 6 {
		k--
	}
	if k < lo {
		return nil
	}
	n := 0
	switch {
	case pronouns[ts[k].low] || ts[k].low == "both":
		n = 1
	case k > lo && determiners[ts[k-1].low] && anaphorNouns[ts[k].low]:
		n = 2
	default:
		return nil
	}
	from := topics
	if len(from) == 0 {
		from = prev
	}
	if len(from) == 0 {
		return nil
	}
	// "they", "both", "these agents", "neither drug", "each compound"
	// speak of all of them.
	first := ts[k-n+1].low
	plural := first == "they" || first == "both" || first == "these" || first == "neither" || first == "each" ||
		strings.HasSuffix(ts[k].low, "s")
	if !plural {
		from = from[:1]
	}
	out := make([]Mention, len(from))
	for i, m := range from {
		m.Surface, m.Start, m.End, m.first, m.last = ts[k-n+1].raw, ts[k-n+1].start, ts[k].end, k-n+1, k+1
		out[i] = m
	}
	return out
}
