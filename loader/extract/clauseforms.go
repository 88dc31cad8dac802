// Clause forms beyond a verb and its object: reduced passives, "without
// V-ing", "the effect of X on Y", comparisons of arms, and what a form of
// "be" says of its subject (role nouns, predicate adjectives, treatment).

package extract

import (
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

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
			if len(agents) == 0 {
				// "a trial of S found no effect on Y": what the study tested
				agents = studiedAgents(ts, args, sg.lo, k)
			}
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

// roleKind: the direction the role noun at e gives, from roleNouns or a
// signed modulator ("a negative allosteric modulator of T").
func roleKind(ts []token, e int) (cueKind, bool) {
	if k, ok := roleNouns[ts[e].low]; ok {
		return k, true
	}
	return modulatorKind(ts, e)
}

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
		for e < sg.hi && e <= k+12 && !strings.ContainsAny(ts[e].punctBefore, ",;:(") {
			if _, ok := roleKind(ts, e); ok || treatWords[ts[e].low] {
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
		kind, ok := roleKind(ts, e)
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
				sign := sign
				if p == graph.Affects && effectBefore(ts, e, o.first) {
					sign = graph.Unsigned // "required for its effect on Y": the effect's direction is not S's
				}
				if clauseEnds(s, o) || p == graph.CorrelatedWith && o.Category != graph.CategoryPopulation {
					emit(s, o, p, sign, cueHit{e, e + 1, kind}, lo, o.first)
				}
			}
		}
	}
	return read
}

// harmAdjectives, after a form of "be", say how often a harm occurs with
// a drug: "Tremor is common during X treatment".
var harmAdjectives = map[string]bool{"common": true, "frequent": true, "rare": true, "uncommon": true}

// comparatives, after a form of "be", compare the subject with another
// arm on a measure: "S was superior to Y on Z".
var comparatives = map[string]bool{"superior": true, "inferior": true, "better": true, "worse": true}

// copulaForms reads "H is common during/with/after D" (D HAS_ADVERSE_EVENT
// each harm or symptom of the subject) and "S was superior to Y on Z" (S
// acts on Z; which way the text leaves to the measure, so unsigned).
func copulaForms(ts []token, tags []string, args []Mention, verbs []cueHit, sg segment, subject func(int) []Mention, emit emitFunc) {
	for k := sg.lo + 1; k+2 < sg.hi; k++ {
		if !beVerbs[ts[k].low] {
			continue
		}
		e := k + 1
		for e < sg.hi && e <= k+3 && adverb(ts[e].low, tags[e]) {
			e++
		}
		if e+1 >= sg.hi {
			continue
		}
		switch w := ts[e].low; {
		case harmAdjectives[w] && (ts[e+1].low == "during" || ts[e+1].low == "with" || ts[e+1].low == "after" || ts[e+1].low == "following"):
			for _, d := range objects(ts, tags, args, verbs, e+2, sg.hi) {
				if d.Category != graph.CategoryDrug && d.Category != graph.CategoryTherapy {
					continue
				}
				for _, h := range subject(k) {
					if h.Category == graph.CategorySymptom || h.Category == graph.CategorySafetyRisk {
						emit(d, h, graph.HasAdverseEvent, graph.Unsigned, cueHit{e, e + 1, cueAdverse}, h.last, e)
					}
				}
			}
		case comparatives[w] && (ts[e+1].low == "to" || ts[e+1].low == "than"):
			on := e + 2
			for on < sg.hi && on <= e+8 && ts[on].low != "on" && ts[on].low != "in" && !strings.ContainsAny(ts[on].punctBefore, ",;:") {
				on++
			}
			if on >= sg.hi || ts[on].low != "on" && ts[on].low != "in" {
				continue
			}
			for _, z := range objects(ts, tags, args, verbs, on+1, sg.hi) {
				for _, s := range subject(k) {
					if clauseEnds(s, z) {
						emit(s, z, graph.Affects, graph.Unsigned, cueHit{e, e + 1, cueChange}, s.last, e)
					}
				}
			}
		}
	}
}

// adverb: a word between a verb and its complement ("are nevertheless
// common", "was not superior"), which the tagger sometimes calls an
// adjective.
func adverb(w, tag string) bool {
	return tag == "RB" || w == "not" || w == "nevertheless" || w == "nonetheless" || w == "generally" ||
		w == "usually" || w == "also" || w == "often"
}

// effectBefore: "effect"/"effects" stands between the role word at e and
// the object at o ("necessary for its effect on Y").
func effectBefore(ts []token, e, o int) bool {
	for k := e + 1; k < o && k < len(ts); k++ {
		if ts[k].stem == "effect" {
			return true
		}
	}
	return false
}
