// Clause boundaries and anaphora for the clause analyser: where a
// sentence's clauses begin and end, and what a pronoun or definite
// description in subject place stands for.

package extract

import (
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

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
		case w == "which" && governors[ts[k-1].low] && subjectThenVerb(ts, tags, k+1):
			// "a model of relapse, in which DBS normalised X": after a
			// preposition the relative clause has a subject of its own.
			cuts = append(cuts, k)
			own[k] = true
		case w == "which" || w == "who" || w == "that" && (relativeThat(ts, tags, k) || listRelative(ts, args, k)) || ownActivity(ts, k):
			cuts = append(cuts, k)
			ante[k] = -1
			for i, a := range args {
				if a.last == k || a.last == k-1 && (ts[k-1].low == "in" || ts[k-1].low == "by") {
					ante[k] = placeHead(ts, args, i)
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

// ownActivity: "whose activation", "whose activity", "whose
// stimulation" after a noun: what the relative clause says of that
// activity it says of the antecedent ("the GABA-B receptor, whose
// activation dampens dopamine release": the receptor dampens it). A
// possessed noun that turns the antecedent's action ("whose blockade")
// is left alone.
func ownActivity(ts []token, k int) bool {
	return ts[k].low == "whose" && k+1 < len(ts) && ownActivityNouns[ts[k+1].low]
}

// ownActivityNouns are what an entity itself does, in the same direction
// as the entity.
var ownActivityNouns = setOf("activation", "activity", "stimulation", "signalling", "signaling", "firing", "release",
	"expression", "levels", "level", "engagement")

// listRelative: "that" right after the last of a list of arguments, with
// a verb form of any tag after it ("the anxiety and craving/VBG that
// precipitate/NN relapse"): the tagger misreads words around a list, but
// a list of noun phrases followed by "that" and a word is a noun phrase
// and its relative clause.
func listRelative(ts []token, args []Mention, k int) bool {
	if k+1 >= len(ts) || ts[k+1].punctBefore != "" {
		return false
	}
	for i := 1; i < len(args); i++ {
		if args[i].last == k && coordinated(ts, args[i-1].last, args[i].first) {
			return true
		}
	}
	return false
}

// relativeVerb: a direction cue right after a relative pronoun that
// follows an argument is the relative clause's verb, whatever its tag
// ("the anxiety and craving that precipitate/NN relapse"); a noun there
// would take "in" or "of" ("that reductions in X").
func relativeVerb(ts []token, args []Mention, c cueHit) bool {
	if c.kind != cueIncrease && c.kind != cueDecrease || c.i < 2 || c.j-c.i != 1 || !relativePronouns[ts[c.i-1].low] ||
		ts[c.i].punctBefore != "" || c.j < len(ts) && (ts[c.j].low == "in" || ts[c.j].low == "of") {
		return false
	}
	return slices.ContainsFunc(args, func(a Mention) bool { return a.last == c.i-1 })
}

// relativePronouns stand for the subject of the clause they open.
var relativePronouns = setOf("that", "which", "who")

// placeHead: the argument a relative clause hangs on when the noun
// right before it is a place in a phrase of another argument
// ("dopamine release in the nucleus accumbens, which is thought to
// mediate Y", "reduced tone in the amygdala and prefrontal cortex, which
// drives Y"): the relative clause speaks of what happens there, not of
// the place. Otherwise i itself.
func placeHead(ts []token, args []Mention, i int) int {
	if !place(args[i]) {
		return i
	}
	n := i
	for n > 0 && place(args[n-1]) && coordinated(ts, args[n-1].last, args[n].first) {
		n--
	}
	if n == 0 {
		return i
	}
	k := args[n].first - 1
	if k >= 0 && ts[k].low == "the" {
		k--
	}
	if k < 1 || !activityLinks[ts[k].low] || args[n-1].last != k || place(args[n-1]) || ts[k].punctBefore != "" {
		return i
	}
	return n - 1
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
	if r := anaphor(ts, tags, subj[0].first, subj[0].last, topics, prev); len(r) > 1 {
		return r
	}
	return subj
}

// doseRelative: the clause is a relative clause on a dose ("at doses that
// also caused sedation", "at a concentration which blocks Y"): what it
// says is said of the drug given at that dose, the previous clause's
// subject, not of the dose.
func doseRelative(ts []token, lo int) bool {
	return lo > 0 && (ts[lo].low == "that" || ts[lo].low == "which") && doseNouns[ts[lo-1].stem]
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

// anaphor resolves a pronoun or definite description in subject place
// before the verb at v ("it", "they", "this drug", "these agents",
// "both"): the sentence's earlier drug or therapy subject, else the
// previous sentence's.
func anaphor(ts []token, tags []string, lo, v int, topics, prev []Mention) []Mention {
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

// antecedents: a relative clause after a list hangs on the whole list
// ("A and B, which may contribute to Y", "the anxiety and craving that
// precipitate relapse"): the argument it follows and those coordinated
// with it before.
func antecedents(ts []token, args []Mention, i int) []Mention {
	n := i
	for n > 0 && coordinated(ts, args[n-1].last, args[n].first) {
		n--
	}
	return slices.Clone(args[n : i+1])
}
