package extract

import (
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// crossesClause reports a ";" or ":" between tokens lo and hi: the two
// sides say separate things.
func crossesClause(ts []token, lo, hi int) bool {
	for k := lo; k < hi && k < len(ts); k++ {
		if k > 0 && strings.ContainsAny(ts[k].punctBefore, ";:|") {
			return true
		}
	}
	return hi < len(ts) && hi > lo && strings.ContainsAny(ts[hi].punctBefore, ";:|")
}

func cuesIn(cues []cueHit, lo, hi int) []cueHit {
	var out []cueHit
	for _, c := range cues {
		if c.i >= lo && c.j <= hi {
			out = append(out, c)
		}
	}
	return out
}

func kindIn(cs []cueHit, k cueKind) (cueHit, bool) {
	for _, c := range cs {
		if c.kind == k {
			return c, true
		}
	}
	return cueHit{}, false
}

func signOf(k cueKind) graph.Sign {
	if k == cueDecrease {
		return graph.Decreases
	}
	return graph.Increases
}

// signed decides the predicate and sign a span of cues gives a pair: a
// correlation cue makes CORRELATED_WITH signed by the direction cue after
// it; otherwise the direction cue nearest the object decides AFFECTS.
func signed(span []cueHit) (graph.Predicate, graph.Sign, cueHit, bool) {
	for i, c := range span {
		if c.kind != cueCorrelation {
			continue
		}
		sign := graph.Increases
		for _, d := range span[i+1:] {
			if d.kind == cueIncrease || d.kind == cueDecrease {
				sign = signOf(d.kind)
			}
		}
		return graph.CorrelatedWith, sign, c, true
	}
	for i := len(span) - 1; i >= 0; i-- {
		if c := span[i]; c.kind == cueIncrease || c.kind == cueDecrease {
			return graph.Affects, signOf(c.kind), c, true
		}
	}
	for _, c := range span {
		if c.kind == cueChange {
			return graph.Affects, graph.Unsigned, c, true // "alters": an effect, direction not given
		}
	}
	return "", "", cueHit{}, false
}

// correlationBefore: a correlation verb right before a, and "to" or
// "with" between a and b ("linked X to Y", "associates X with Y"); the
// sign is read from the direction cues near b, increases by default.
func correlationBefore(ts []token, cues []cueHit, a, b Mention) (cueHit, bool) {
	for _, c := range cues {
		if c.kind != cueCorrelation || c.j > a.first || a.first-c.j > 2 || crossesClause(ts, c.j, a.first) {
			continue
		}
		for k := a.last; k < b.first; k++ {
			if ts[k].low == "to" || ts[k].low == "with" {
				return c, true
			}
		}
	}
	return cueHit{}, false
}

// passive: "X is reduced by Y".
func passive(ts []token, c cueHit, b Mention) bool {
	if c.i == 0 || !beVerbs[ts[c.i-1].low] && !(c.i >= 2 && beVerbs[ts[c.i-2].low]) {
		return false
	}
	for k := c.j; k < b.first && k <= c.j+2; k++ {
		if ts[k].low == "by" {
			return true
		}
	}
	return false
}

// signedEnds keeps places, populations and drugs out of the object slot
// and places and populations out of the subject slot of a signed claim.
func signedEnds(subj, obj Mention) bool {
	switch subj.Category {
	case graph.CategoryBrainRegion, graph.CategoryBrainNetwork, graph.CategoryPopulation:
		return false
	}
	switch obj.Category {
	case graph.CategoryDrug:
		// "X releases serotonin": the body's own transmitter, acted on by a drug, is an effect
		return obj.messenger && !messengerNamed(subj) && (subj.Category == graph.CategoryDrug || subj.Category == graph.CategoryTherapy)
	case graph.CategoryBrainRegion, graph.CategoryBrainNetwork, graph.CategoryPopulation, graph.CategoryTherapy:
		return false
	}
	return true
}

// nearestSubject: a is the last argument before the cue, or in a list
// joined to it by "and"/"or"/commas; a is not a co-intervention; a bare
// verb right after a comma ("X, diminish Y") belongs to an earlier
// subject; and a participle after a comma ("X, leading to Y") takes a
// noun, not the object of a preposition ("dimensions of X, catalyzing").
func nearestSubject(ts []token, clause []int, args []Mention, cuesBefore []cueHit, a Mention, c cueHit) bool {
	if c.i < a.last || coIntervention(ts, args, a) {
		return false
	}
	if agentOfNominal(ts, args, a) {
		return false
	}
	prev := a
	for _, o := range args {
		if o.first >= c.i {
			break
		}
		if o.first < prev.last || o.last > c.i || coIntervention(ts, args, o) {
			continue
		}
		if !onlyJoiners(ts, prev.last, o.first) {
			return false
		}
		prev = o
	}
	participle := strings.HasSuffix(ts[c.i].low, "ing")
	comma := false
	for k := a.last; k <= c.i && k < len(ts); k++ {
		if strings.Contains(ts[k].punctBefore, ",") {
			comma = true
		}
	}
	if comma && !participle && verbBefore(clause, cuesBefore, a) &&
		(strings.Contains(ts[c.i].punctBefore, ",") || c.i > 0 && joiners[ts[c.i-1].low] && strings.Contains(ts[c.i-1].punctBefore, ",")) {
		return false
	}
	if comma && participle && a.first > 0 && prepositions[ts[a.first-1].low] {
		return false
	}
	return true
}

// coordinatedVerb: "S reduced X and lowered Y": a finite verb right after
// "and" coordinates with an earlier verb of the clause, whose subject it
// shares; X is that verb's object, not this one's subject. The open
// reading applies it; the curated reading keeps issue 12's rules, which
// the seed's curation (its rejections among them) was written against.
//
// Words of a's own phrase may come between ("S restores X in rats and
// reduces Y"), and the second verb may carry its auxiliaries ("and may
// reduce", "but did not reduce"), as long as no comma or other cue does.
func coordinatedVerb(ts []token, clause []int, cuesBefore []cueHit, a Mention, c cueHit) bool {
	if strings.HasSuffix(ts[c.i].low, "ing") || c.i == 0 {
		return false
	}
	k := c.i - 1
	for k > a.last && (auxiliaries[ts[k].low] || ts[k].low == "not" || ts[k].low == "also") && ts[k+1].punctBefore == "" {
		k--
	}
	if k < a.last || !verbJoiners[ts[k].low] || ts[k+1].punctBefore != "" {
		return false
	}
	for i := a.last; i <= k; i++ {
		if strings.ContainsAny(ts[i].punctBefore, ",;:()") {
			return false
		}
	}
	for _, o := range cuesBefore {
		if o.i >= a.last && o.i < k {
			return false
		}
	}
	return verbBefore(clause, cuesBefore, a)
}

var verbJoiners = map[string]bool{"and": true, "or": true, "but": true}

// verbBefore: a direction cue earlier in a's clause makes a its object,
// so "a, <verb> Y" lists a second verb of that earlier subject.
func verbBefore(clause []int, cues []cueHit, a Mention) bool {
	for _, c := range cues {
		if c.j <= a.first && clause[c.i] == clause[a.first] && (c.kind == cueIncrease || c.kind == cueDecrease || c.kind == cueCorrelation || c.kind == cueChange) {
			return true
		}
	}
	return false
}

var (
	joiners      = map[string]bool{"and": true, "or": true, "the": true, "a": true, "an": true, "its": true, "their": true}
	prepositions = map[string]bool{"of": true, "in": true, "on": true, "at": true, "for": true, "from": true, "to": true, "into": true, "within": true, "with": true}
)

func onlyJoiners(ts []token, lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if !joiners[ts[k].low] {
			return false
		}
	}
	return true
}

// objectReach: the cue reaches b when nothing but b's list partners (other
// arguments joined by "and"/"or", or one "-ed" cue word right before b,
// as in "synaptogenesis and enhanced neuroplasticity") and the cue's own
// preposition ("linked to A and b") lie between.
func objectReach(ts []token, inMention []bool, c cueHit, b Mention) bool {
	between := false
	for k := c.j; k < b.first; k++ {
		between = between || inMention[k]
	}
	if !between {
		// Words that are not arguments are the object's own phrase
		// ("reduce withdrawal-related ...").
		return true
	}
	for k := c.j; k < b.first; k++ {
		switch {
		case inMention[k], joiners[ts[k].low]:
		case k == c.j && c.kind == cueCorrelation && cuePrepositions[ts[k].low] && ts[k].punctBefore == "":
			// a correlation cue's own preposition before the list
			// ("linked to A and B")
		case k == b.first-1 && strings.HasSuffix(ts[k].low, "ed"):
		default:
			return false
		}
	}
	return true
}

// cuePrepositions follow a correlation cue and open its object ("linked
// to", "correlated with").
var cuePrepositions = map[string]bool{"to": true, "with": true}

// sentenceSubject: a is the clause's first argument and comes before its
// first cue, so it is the grammatical subject that every verb of the
// clause applies to ("Ketamine increases X and activates Y").
func sentenceSubject(ts []token, args []Mention, cues []cueHit, a Mention) bool {
	if a.first > 0 && prepositions[ts[a.first-1].low] || coIntervention(ts, args, a) {
		return false // "dimensions of X": a prepositional object is no subject
	}
	start := 0
	for k := a.first; k > 0; k-- {
		if strings.ContainsAny(ts[k].punctBefore, ";:") {
			start = k
			break
		}
	}
	for _, o := range args {
		if o.first < a.first && o.first >= start {
			return false
		}
	}
	for _, c := range cues {
		if c.i >= start && (c.kind == cueIncrease || c.kind == cueDecrease || c.kind == cueCorrelation || c.kind == cueChange) {
			return c.i >= a.last
		}
	}
	return true
}

// coIntervention: "ketamine with psychotherapy", "combined with": the
// second is given alongside a first drug or therapy, not acting alone.
func coIntervention(ts []token, args []Mention, a Mention) bool {
	if a.first == 0 || !withWords[ts[a.first-1].low] {
		return false
	}
	for _, o := range args {
		if o.first >= a.first {
			break // args are in text order
		}
		if o.Category == graph.CategoryDrug || o.Category == graph.CategoryTherapy {
			return true
		}
	}
	return false
}

// nominalCue: an increase or decrease noun followed by "in" right before a.
func nominalCue(ts []token, cues []cueHit, a Mention) (cueHit, bool) {
	if a.first < 2 || ts[a.first-1].low != "in" {
		return cueHit{}, false
	}
	for _, c := range cues {
		if c.j == a.first-1 && (c.kind == cueIncrease || c.kind == cueDecrease) {
			return c, true
		}
	}
	return cueHit{}, false
}

// connectorBefore: "following a single Y", "after Y", "by Y".
func connectorBefore(ts []token, b Mention) bool {
	for k := b.first - 1; k >= 0 && k >= b.first-3; k-- {
		if connectors[ts[k].low] {
			return true
		}
	}
	return false
}

// argBetween reports another argument (not a co-intervention) between a
// and b.
func argBetween(ts []token, args []Mention, a, b Mention) bool {
	for _, o := range args {
		if o.first >= a.last && o.last <= b.first && !coIntervention(ts, args, o) {
			return true
		}
	}
	return false
}

func treatmentPair(a, b Mention) (Mention, Mention, bool) {
	isAgent := func(m Mention) bool {
		return m.Category == graph.CategoryDrug || m.Category == graph.CategoryTherapy
	}
	switch {
	case isAgent(a) && b.Category == graph.CategoryDisorder:
		return a, b, true
	case isAgent(b) && a.Category == graph.CategoryDisorder:
		return b, a, true
	}
	return Mention{}, Mention{}, false
}

// treatmentCue: treatment wording between the two, "for <disorder>", or
// "<disorder> treatment".
func treatmentCue(ts []token, cues []cueHit, a, b, disorder Mention) (cueHit, bool) {
	if c, ok := kindIn(cuesIn(cues, a.last, b.first), cueTreatment); ok {
		return c, true
	}
	if k := disorder.first - 1; k >= 0 && ts[k].low == "for" {
		return cueHit{k, k + 1, cueTreatment}, true
	}
	if k := disorder.last; k < len(ts) && strings.HasPrefix(ts[k].low, "treat") {
		return cueHit{k, k + 1, cueTreatment}, true
	}
	return cueHit{}, false
}

func adversePair(a, b Mention) (Mention, Mention, bool) {
	isAgent := func(m Mention) bool {
		return m.Category == graph.CategoryDrug || m.Category == graph.CategoryTherapy
	}
	if isAgent(a) && b.Category == graph.CategorySafetyRisk {
		return a, b, true
	}
	return Mention{}, Mention{}, false
}

// negatedBetween looks for a negation between the two ends. A contrast
// after the negation ends its reach: "X did not reduce use but was
// associated with lower craving" denies the first finding, not the second.
func negatedBetween(ts []token, inMention []bool, lo, hi int) bool {
	negated := false
	for k := max(lo, 0); k < hi && k < len(ts); k++ {
		if inMention[k] {
			continue
		}
		if hasPrefixIn(ts[k].low, negWords) && !notOnly(ts, k) {
			negated = true
		} else if negated && (ts[k].low == "but" || ts[k].low == "yet") {
			negated = false
		}
	}
	return negated
}

// contrastedAway: the object at k is what the clause sets aside, "rather
// than" or "instead of" it ("X acts on A rather than on the rewarding
// effect of B"): the claim on it is denied, not made. Only prepositions
// and determiners may stand between.
func contrastedAway(ts []token, k int) bool {
	for j := k - 1; j >= 1 && j >= k-4; j-- {
		switch {
		case ts[j].low == "than" && ts[j-1].low == "rather", ts[j].low == "of" && ts[j-1].low == "instead":
			return true
		case !determinersPossessive[ts[j].low] && !contrastPreps[ts[j].low]:
			return false
		}
	}
	return false
}

// contrastPreps may stand between "rather than" and the object it sets
// aside ("rather than on", "instead of in").
var contrastPreps = map[string]bool{"on": true, "in": true, "at": true, "to": true, "with": true, "by": true, "through": true, "via": true, "for": true, "from": true}

// exemplarOpeners introduce examples of the noun before them: "GLP-1
// receptor agonists such as exenatide and liraglutide".
var exemplarOpeners = map[string]bool{"including": true, "like": true}

// exemplars marks the arguments listed as examples of an earlier one
// ("X such as A, B and C", "X, including A"): the verb after the list
// has X as its subject, not the examples.
func exemplars(ts []token, args []Mention) []bool {
	out := make([]bool, len(args))
	for n := 1; n < len(args); n++ {
		a, prev := args[n], args[n-1]
		k := describedExample(ts, prev.last, a.first)
		for k > prev.last && joiners[ts[k-1].low] {
			k--
		}
		switch {
		case (k-prev.last == 2 && ts[k-2].low == "such" && ts[k-1].low == "as" ||
			k-prev.last == 1 && exemplarOpeners[ts[k-1].low] ||
			k-prev.last == 2 && ts[k-2].low == "e" && ts[k-1].low == "g") && sameKind(prev, a):
			out[n] = true
		case out[n-1] && k == prev.last && (k < a.first || strings.Contains(ts[a.first].punctBefore, ",")):
			out[n] = true // the list goes on
		case out[n-1] && a.first == prev.last && ts[a.first].punctBefore == "" && sameKind(prev, a):
			out[n] = true // "including the hallucinogen X": the class word describes the name after it
		}
	}
	return out
}

// sameKind: examples are of their class's kind ("pharmacotherapies for
// opioid use disorder, such as methadone": methadone is no example of
// the disorder); a drug and a therapy count as one kind.
func sameKind(class, example Mention) bool {
	agent := func(c graph.Category) bool { return c == graph.CategoryDrug || c == graph.CategoryTherapy }
	return class.Category == example.Category || agent(class.Category) && agent(example.Category)
}

// listEnd is the token after the last example in the list holding args[n].
func listEnd(args []Mention, example []bool, n int) int {
	for n+1 < len(args) && example[n+1] {
		n++
	}
	return args[n].last
}

// relativeWords open a relative clause whose subject is the noun before.
var relativeWords = map[string]bool{"which": true, "that": true, "who": true}

// relativeBefore: a relative pronoun right after lo (", which also
// activates Y") makes the noun before lo the subject of the verb at hi.
func relativeBefore(ts []token, lo, hi int) bool {
	return lo < hi && lo < len(ts) && relativeWords[ts[lo].low]
}
