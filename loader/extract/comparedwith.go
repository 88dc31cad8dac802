package extract

import (
	"slices"

	"github.com/kapgraph/kapgraph/graph"
)

// A measure compared across treatments: "Relapse rates were lower with
// X than with placebo", "Craving was significantly lower after X",
// "withdrawal was less severe after X exposure". The measure is the
// subject and the drug sits in a prepositional phrase, so no verb reads
// the pair; the comparative gives the direction, as it does for a study
// arm (arms.go).

// measureComparatives: the comparative words of a measure's size, with
// the direction they give.
var measureComparatives = map[string]cueKind{"less": cueDecrease, "fewer": cueDecrease, "lower": cueDecrease,
	"smaller": cueDecrease, "more": cueIncrease, "higher": cueIncrease, "greater": cueIncrease, "larger": cueIncrease}

// measureAdjectives may follow the comparative: how often, how likely or
// how severe ("more frequent with X", "less severe after X").
var measureAdjectives = setOf("frequent", "common", "likely", "severe", "prevalent", "pronounced")

// treatedWith: the prepositions that name the treatment a measure was
// taken under ("with X", "after X", "following X", "during X", "on X").
var treatedWith = setOf("with", "after", "following", "during", "on", "under")

// comparedWith reads "S was/were (adverbs) <comparative> (adjective)
// with/after/... D": D AFFECTS each measure of the subject in the
// comparative's direction. A harm that is more common with D is an
// adverse event, which copulaForms and the adverse-event rules read; an
// arm after "than" is the comparison and is never reached, since D must
// follow the preposition at once.
func comparedWith(ts []token, tags []string, args []Mention, verbs []cueHit, sg segment, subject func(int) []Mention, emit emitFunc) {
	for k := sg.lo + 1; k+2 < sg.hi; k++ {
		if !beVerbs[ts[k].low] {
			continue
		}
		e := k + 1
		for e < sg.hi && e <= k+3 && adverb(ts[e].low, tags[e]) {
			if _, cmp := measureComparatives[ts[e].low]; cmp {
				break // "more", "less": the comparative, though tagged an adverb
			}
			e++
		}
		kind, ok := measureComparatives[ts[min(e, sg.hi-1)].low]
		if !ok || e+2 >= sg.hi {
			continue
		}
		p := e + 1
		if measureAdjectives[ts[p].low] {
			p++
		}
		for _, d := range treatmentsAt(ts, tags, args, verbs, sg, p) {
			for _, s := range subject(k) {
				switch s.Category {
				case graph.CategoryDrug, graph.CategoryTherapy, graph.CategoryPopulation:
					continue
				case graph.CategorySymptom, graph.CategorySafetyRisk:
					if kind == cueIncrease {
						continue // a harm more common with D: an adverse event, read elsewhere
					}
				}
				if clauseEnds(d, s) {
					emit(d, s, graph.Affects, signOf(kind), cueHit{e, e + 1, kind}, s.last, p+1)
				}
			}
		}
	}
}

// treatmentsAt are the drugs and therapies a preposition of treatment at
// p ("with", "after", "during", "on") names right after it, before the
// segment ends: what a measure was compared or changed under.
func treatmentsAt(ts []token, tags []string, args []Mention, verbs []cueHit, sg segment, p int) []Mention {
	if p+1 >= sg.hi || !treatedWith[ts[p].low] || ts[p].punctBefore != "" {
		return nil
	}
	ds := objects(ts, tags, args, verbs, p+1, sg.hi)
	if len(ds) == 0 || ds[0].first != p+1 {
		return nil
	}
	var out []Mention
	for _, d := range ds {
		if d.Category == graph.CategoryDrug || d.Category == graph.CategoryTherapy {
			out = append(out, d)
		}
	}
	return out
}

// changedAfter reads "M declined/increased/improved after (with, during,
// following, on) D": a measure's own verb of change, finite and with no
// object, then the treatment it changed under; D AFFECTS M in the verb's
// direction ("craving declined after ketamine", "drinking decreased with
// naltrexone"). A harm that improved is less of it (improvement.go).
func changedAfter(ts []token, tags []string, args []Mention, verbs []cueHit, sg segment, subject func(int) []Mention, emit emitFunc) {
	for _, v := range verbs {
		if v.i <= sg.lo || v.j+1 >= sg.hi || v.j-v.i != 1 || v.kind != cueIncrease && v.kind != cueDecrease {
			continue
		}
		if t := tags[v.i]; t != "VBD" && t != "VBZ" && t != "VBP" && t != "VBN" || beVerbs[ts[v.i-1].low] {
			continue // a verb ("decreased" the tagger may call a participle), not "was reduced with X", a passive read as one
		}
		p := v.j
		for p < sg.hi && p <= v.j+2 && adverb(ts[p].low, tags[p]) {
			p++ // "declined significantly after"
		}
		for _, d := range treatmentsAt(ts, tags, args, verbs, sg, p) {
			for _, s := range subject(v.i) {
				if s.Category == graph.CategoryDrug || s.Category == graph.CategoryTherapy || s.Category == graph.CategoryPopulation || s.last != v.i {
					continue // the measure stands right before its verb
				}
				if clauseEnds(d, s) {
					emit(d, s, graph.Affects, signOf(v.kind), v, s.last, p+1)
				}
			}
		}
	}
}

// experienceVerbs say what people had under a treatment: "patients had
// fewer X on D than on placebo".
var experienceVerbs = setOf("had", "have", "has", "showed", "show", "shows", "reported", "report", "reports",
	"experienced", "experience", "achieved", "achieve")

// hadUnder reads "<people> had/showed/reported <comparative> M on/with/
// after D (than on C)": D AFFECTS each measure in the comparative's
// direction (a harm more common under a drug is its adverse event). The
// subject is the people treated, never a drug: "S had fewer X" is S's
// own verb, read elsewhere. The arm after "than" is the comparison.
func hadUnder(ts []token, tags []string, args []Mention, verbs []cueHit, sg segment, subject func(int) []Mention, emit emitFunc) {
	for k := sg.lo + 1; k+3 < sg.hi; k++ {
		if !experienceVerbs[ts[k].low] {
			continue
		}
		e := k + 1
		for e < sg.hi && e <= k+2 && adverb(ts[e].low, tags[e]) {
			if _, cmp := measureComparatives[ts[e].low]; cmp {
				break
			}
			e++
		}
		kind, ok := measureComparatives[ts[min(e, sg.hi-1)].low]
		if !ok || e+1 >= sg.hi {
			continue
		}
		if slices.ContainsFunc(subject(k), func(m Mention) bool {
			return m.Category == graph.CategoryDrug || m.Category == graph.CategoryTherapy
		}) {
			continue
		}
		ms := objects(ts, tags, args, verbs, e+1, sg.hi)
		if len(ms) == 0 {
			continue
		}
		for _, d := range treatmentsAt(ts, tags, args, verbs, sg, ms[len(ms)-1].last) {
			for _, m := range ms {
				cue := cueHit{e, e + 1, kind}
				switch {
				case kind == cueIncrease && d.Category == graph.CategoryDrug && (m.Category == graph.CategorySymptom || m.Category == graph.CategorySafetyRisk):
					emit(d, m, graph.HasAdverseEvent, graph.Unsigned, cue, m.last, d.first)
				case clauseEnds(d, m):
					emit(d, m, graph.Affects, signOf(kind), cue, m.last, d.first)
				}
			}
		}
	}
}
