package extract

import (
	"regexp"
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

type cueKind int

const (
	cueIncrease cueKind = iota
	cueDecrease
	cueCorrelation
	cueTreatment
	cueAdverse
)

// cueSpec is a cue: word prefixes matched against consecutive tokens
// ("lead" "to" matches "leading to").
type cueSpec struct {
	words []string
	kind  cueKind
}

// cueTable lists the cues. Prefixes, not whole words, so that one entry
// covers "reduce", "reduces", "reduced", "reducing" and "reduction".
// Package-level because it is a constant table; nothing mutates it.
var cueTable = buildCues(map[cueKind][]string{
	cueIncrease: {"increas", "enhanc", "promot", "upregulat", "up regulat", "stimulat", "boost", "facilitat", "elevat",
		"induc", "activat", "improv", "strengthen", "catalyz", "catalys", "lead to", "led to", "result in",
		"higher", "greater", "doubl", "trigger", "caus", "potentiat", "amplif", "augment", "agonist"},
	cueDecrease: {"reduc", "decreas", "inhibit", "block", "antagoni", "suppress", "attenuat", "diminish", "lower",
		"prevent", "fewer", "less", "impair", "dampen", "mitigat", "alleviat", "reliev", "downregulat",
		"down regulat", "curb", "abolish", "weaken", "declin"},
	cueCorrelation: {"associated with", "association", "link", "correlat", "predict"},
	cueTreatment:   {"treat", "in patient with", "option for", "therapy for", "management of"},
	cueAdverse:     {"advers", "side effect", "risk", "harm", "complication"},
})

func buildCues(m map[cueKind][]string) []cueSpec {
	var out []cueSpec
	for _, k := range []cueKind{cueIncrease, cueDecrease, cueCorrelation, cueTreatment, cueAdverse} {
		for _, c := range m[k] {
			out = append(out, cueSpec{strings.Fields(c), k})
		}
	}
	// Longer cues first, so "associated with" wins over a bare prefix.
	slices.SortStableFunc(out, func(a, b cueSpec) int { return len(b.words) - len(a.words) })
	return out
}

// cueHit is one cue found in a sentence: tokens [i, j).
type cueHit struct {
	i, j int
	kind cueKind
}

var (
	// recommendRe marks a sentence that looks ahead or recommends: what
	// it says is not (yet) a finding.
	recommendRe = regexp.MustCompile(`\b(future|further|more) (research|stud(y|ies)|trials?|work|investigations?|exploration)\b|\b(is|are|remains?) (needed|warranted|required|unknown|unclear)\b|\b(should|must|need to) be\b|\bremains? to be\b`)
	hedgeWords  = []string{"may", "might", "could", "suggest", "potential", "hypothes", "appear", "possibl", "putative", "perhaps", "propos", "likely"}
	negWords    = []string{"not", "no", "never", "neither", "nor", "without", "fail", "lack", "absence"}
	beVerbs     = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true}
	// connectors link a nominal cue's object to its cause: "reductions
	// in X following Y".
	connectors = map[string]bool{"following": true, "after": true, "by": true, "from": true, "with": true, "of": true, "under": true}
	// withWords introduce a co-intervention ("ketamine with psychotherapy").
	withWords = map[string]bool{"with": true, "plus": true, "alongside": true}
)

// findCues returns the cues among the tokens no mention took, in order.
func findCues(ts []token, inMention []bool) []cueHit {
	var out []cueHit
	used := make([]bool, len(ts))
	for _, c := range cueTable {
		n := len(c.words)
	next:
		for i := 0; i+n <= len(ts); i++ {
			for k, w := range c.words {
				if inMention[i+k] || used[i+k] || !strings.HasPrefix(ts[i+k].low, w) || (k > 0 && ts[i+k].punctBefore != "") {
					continue next
				}
			}
			if ts[i].hyphenated { // "psilocybin-facilitated": a name, not a verb
				continue
			}
			for k := i; k < i+n; k++ {
				used[k] = true
			}
			out = append(out, cueHit{i, i + n, c.kind})
		}
	}
	slices.SortFunc(out, func(a, b cueHit) int { return a.i - b.i })
	return out
}

func hasPrefixIn(w string, list []string) bool {
	for _, p := range list {
		if w == p || len(p) > 3 && strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// claims proposes the candidates of one sentence.
func claims(s Sentence, ts []token, ms []Mention, topic *Mention) []Candidate {
	if len(ts) > maxSentenceTokens {
		return nil
	}
	inMention := make([]bool, len(ts))
	for _, m := range ms {
		for k := m.first; k < m.last; k++ {
			inMention[k] = true
		}
	}
	args := arguments(ts, ms)
	if p, ok := pronounSubject(ts, args, topic); ok {
		args = append([]Mention{p}, args...)
	}
	cues, agents := splitAgentCues(ts, args, findCues(ts, inMention))
	clause := clauses(ts)
	muted := recommending(ts, clause)
	hedged := false
	for k, t := range ts {
		if !inMention[k] && hasPrefixIn(t.low, hedgeWords) {
			hedged = true
		}
	}
	var out []Candidate
	seen := map[[3]string]bool{}
	emit := func(a, b Mention, p graph.Predicate, sign graph.Sign, cue cueHit, lo, hi int) {
		key := [3]string{a.ID, b.ID, string(p)}
		if a.ID == b.ID || seen[key] || muted[clause[a.first]] || muted[clause[b.first]] {
			return
		}
		seen[key] = true
		out = append(out, Candidate{
			Sentence: s.Index, Section: s.Section, Text: s.Text, Citations: s.Citations,
			Subject: a.ID, Object: b.ID, Predicate: p, Sign: sign,
			Cue:     s.Text[ts[cue.i].start:ts[cue.j-1].end],
			Negated: negatedBetween(ts, inMention, lo, hi), Hedged: hedged, Score: score(p, hedged),
		})
	}
	for ai, a := range args {
		for _, b := range args[ai+1:] {
			if b.first-a.last > maxPairGap {
				break // args are in text order: every later b is farther
			}
			if crossesClause(ts, a.last, b.first) {
				continue
			}
			span := cuesIn(cues, a.last, b.first)
			if d, o, ok := treatmentPair(a, b); ok {
				if c, ok := treatmentCue(ts, cues, a, b, o); ok {
					emit(d, o, graph.StudiedToTreat, graph.Unsigned, c, a.last, b.first)
				}
			}
			if d, o, ok := adversePair(a, b); ok {
				if c, ok := kindIn(span, cueAdverse); ok {
					emit(d, o, graph.HasAdverseEvent, graph.Unsigned, c, a.last, b.first)
				} else if c, ok := kindIn(cuesIn(cues, o.first-3, o.first), cueAdverse); ok && o.first > a.last {
					emit(d, o, graph.HasAdverseEvent, graph.Unsigned, c, a.last, b.first)
				}
			}
			p, sign, cue, ok := signed(span)
			if c, found := correlationBefore(ts, cues, a, b); found && (!ok || p == graph.Affects) {
				// "linked X to fewer Y": the verb comes before both.
				if !ok {
					sign = graph.Increases
				}
				emit(a, b, graph.CorrelatedWith, sign, c, a.last, b.first)
				continue
			}
			if ok {
				subj, obj := a, b
				if passive(ts, cue, b) {
					subj, obj = b, a
				}
				linked := p == graph.Affects && sentenceSubject(ts, args, cues, a)
				for _, c := range span {
					if c.kind != cueTreatment && c.kind != cueAdverse && nearestSubject(ts, clause, args, cues, a, c) && objectReach(ts, inMention, c, b) {
						linked = true
					}
				}
				if linked && signedEnds(subj, obj) {
					emit(subj, obj, p, sign, cue, a.last, b.first)
				}
				continue
			}
			// "reductions in X following Y": the cue comes before both.
			if c, ok := nominalCue(ts, cues, a); ok && connectorBefore(ts, b) && !argBetween(ts, args, a, b) && signedEnds(b, a) {
				emit(b, a, graph.Affects, signOf(c.kind), c, c.j, b.first)
			}
		}
	}
	// "NMDA receptor antagonist": the drug the noun describes acts on X.
	for _, ag := range agents {
		obj := ag.object
		for i := len(args) - 1; i >= 0; i-- {
			d := args[i]
			if d.last <= obj.first && d.Category == graph.CategoryDrug && !crossesClause(ts, d.last, obj.first) {
				emit(d, obj, graph.Affects, signOf(ag.cue.kind), ag.cue, d.last, obj.first)
				break
			}
		}
	}
	// "Reduction in Craving and Anhedonia: Ketamine ...": a run-in label
	// that names a change says what the clause's subject does.
	labelClaims(ts, args, cues, emit)
	return out
}

// agentCue is a cue written as an agent noun right after its object.
type agentCue struct {
	cue    cueHit
	object Mention
}

// splitAgentCues takes out "X antagonist", "X inhibitor", "X agonist":
// nouns naming what acts on X, which link no two arguments of the clause.
func splitAgentCues(ts []token, args []Mention, cues []cueHit) ([]cueHit, []agentCue) {
	var rest []cueHit
	var agents []agentCue
	for _, c := range cues {
		w := ts[c.j-1].stem
		isAgent := (c.kind == cueIncrease || c.kind == cueDecrease) && c.j-c.i == 1 &&
			agentNoun(w)
		found := false
		if isAgent {
			for _, a := range args {
				if a.last == c.i {
					agents = append(agents, agentCue{c, a})
					found = true
				}
			}
		}
		if !found {
			rest = append(rest, c)
		}
	}
	return rest, agents
}

// agentNoun: "antagonist", "agonist", "inhibitor", "activator",
// "blocker", "enhancer" — but not the verb or comparative "lower".
func agentNoun(w string) bool {
	for _, suf := range []string{"ist", "tor", "ker", "cer"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// clauses numbers the clauses of a sentence per token: a new clause starts
// after ";" or ":" and at a contrast ("though", "but", "whereas") after a
// comma.
func clauses(ts []token) []int {
	out := make([]int, len(ts)+1)
	n := 0
	for k, t := range ts {
		if k > 0 && (strings.ContainsAny(t.punctBefore, ";:") ||
			strings.Contains(t.punctBefore, ",") && contrastWords[t.low]) {
			n++
		}
		out[k] = n
	}
	out[len(ts)] = n
	return out
}

var contrastWords = map[string]bool{"though": true, "although": true, "but": true, "whereas": true, "yet": true}

// recommending returns the clauses that look ahead or recommend.
func recommending(ts []token, clause []int) map[int]bool {
	var b strings.Builder
	starts := make([]int, len(ts))
	for k, t := range ts {
		if k > 0 {
			b.WriteByte(' ')
		}
		starts[k] = b.Len()
		b.WriteString(t.low)
	}
	out := map[int]bool{}
	for _, loc := range recommendRe.FindAllStringIndex(b.String(), -1) {
		k, found := slices.BinarySearch(starts, loc[0])
		if !found && k > 0 {
			k--
		}
		if k < len(ts) {
			out[clause[k]] = true
		}
	}
	return out
}

// labelClaims reads a run-in label ("Reduction in Craving: ...") that
// holds a direction cue and entities, and applies it to the first drug or
// therapy of the text after it.
func labelClaims(ts []token, args []Mention, cues []cueHit, emit func(a, b Mention, p graph.Predicate, sign graph.Sign, cue cueHit, lo, hi int)) {
	colon := -1
	for k := 1; k < len(ts) && k <= 8; k++ {
		if strings.Contains(ts[k].punctBefore, ":") {
			colon = k
			break
		}
	}
	if colon < 0 {
		return
	}
	var dir *cueHit
	for _, c := range cues {
		if c.j <= colon && (c.kind == cueIncrease || c.kind == cueDecrease) {
			dir = &c
			break
		}
	}
	if dir == nil {
		return
	}
	var subj *Mention
	for _, a := range args {
		if a.first >= colon && (a.Category == graph.CategoryDrug || a.Category == graph.CategoryTherapy) {
			subj = &a
			break
		}
	}
	if subj == nil {
		return
	}
	for _, a := range args {
		if a.last <= colon && signedEnds(*subj, a) {
			emit(*subj, a, graph.Affects, signOf(dir.kind), *dir, a.last, subj.first)
		}
	}
	return
}

// arguments are the mentions that can be a claim's ends: a mention used
// as a modifier ("placebo-controlled") is not, and neither is a nested
// drug inside a proposed therapy ("psilocybin" in "psilocybin-assisted
// therapy"), since the therapy is the argument.
func arguments(ts []token, ms []Mention) []Mention {
	// Sorted by start, longer first, a mention is nested when one seen
	// before it reaches as far: one pass, not a comparison of every pair.
	order := slices.Clone(ms)
	slices.SortStableFunc(order, func(x, y Mention) int {
		if x.first != y.first {
			return x.first - y.first
		}
		return y.last - x.last
	})
	var out []Mention
	reach := -1
	for _, m := range order {
		nested := m.last <= reach
		reach = max(reach, m.last)
		if nested || m.last < len(ts) && ts[m.last].hyphenated {
			continue
		}
		out = append(out, m)
	}
	return out
}

// maxPairGap bounds the words between a claim's two ends. A claim spans
// one clause, and the bound keeps a run-on "sentence" (a bad split, a
// table flattened into text) from costing the square of its length.
const maxPairGap = 40

// maxSentenceTokens: a longer "sentence" is a bad split or flattened
// table; its mentions are kept but it yields no claim, since the rules
// read clauses and their cost grows with the square of the length.
const maxSentenceTokens = 250

// crossesClause reports a ";" or ":" between tokens lo and hi: the two
// sides say separate things.
func crossesClause(ts []token, lo, hi int) bool {
	for k := lo; k < hi && k < len(ts); k++ {
		if k > 0 && strings.ContainsAny(ts[k].punctBefore, ";:") {
			return true
		}
	}
	return hi < len(ts) && hi > lo && strings.ContainsAny(ts[hi].punctBefore, ";:")
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
	case graph.CategoryBrainRegion, graph.CategoryBrainNetwork, graph.CategoryPopulation, graph.CategoryDrug, graph.CategoryTherapy:
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

// verbBefore: a direction cue earlier in a's clause makes a its object,
// so "a, <verb> Y" lists a second verb of that earlier subject.
func verbBefore(clause []int, cues []cueHit, a Mention) bool {
	for _, c := range cues {
		if c.j <= a.first && clause[c.i] == clause[a.first] && (c.kind == cueIncrease || c.kind == cueDecrease || c.kind == cueCorrelation) {
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
// as in "synaptogenesis and enhanced neuroplasticity") lies between.
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
		case k == b.first-1 && strings.HasSuffix(ts[k].low, "ed"):
		default:
			return false
		}
	}
	return true
}

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
		if c.i >= start && (c.kind == cueIncrease || c.kind == cueDecrease || c.kind == cueCorrelation) {
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

// negatedBetween looks for a negation between the two ends.
func negatedBetween(ts []token, inMention []bool, lo, hi int) bool {
	for k := max(lo, 0); k < hi && k < len(ts); k++ {
		if !inMention[k] && hasPrefixIn(ts[k].low, negWords) {
			return true
		}
	}
	return false
}

// pronouns that open a sentence and stand for the previous one's topic.
var pronouns = map[string]bool{"it": true, "they": true}

// pronounSubject: a sentence that opens with "It" (or "They") before any
// argument speaks of the previous sentence's topic; the pronoun becomes
// that entity, at the pronoun's place.
func pronounSubject(ts []token, args []Mention, topic *Mention) (Mention, bool) {
	if topic == nil || len(ts) == 0 || !pronouns[ts[0].low] || len(args) > 0 && args[0].first == 0 {
		return Mention{}, false
	}
	m := *topic
	m.Surface, m.Start, m.End, m.first, m.last = ts[0].raw, ts[0].start, ts[0].end, 0, 1
	return m, true
}

// topicOf is the entity a sentence is about, for a pronoun in the next:
// its first drug or therapy that is not the object of a preposition.
func topicOf(ts []token, ms []Mention) *Mention {
	for _, m := range arguments(ts, ms) {
		if (m.Category == graph.CategoryDrug || m.Category == graph.CategoryTherapy) && !(m.first > 0 && prepositions[ts[m.first-1].low]) {
			return &m
		}
	}
	return nil
}
