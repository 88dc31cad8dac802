package extract

import (
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// claims proposes the candidates of one sentence.
func claims(s Sentence, ts []token, tags []string, ms []Mention, topic, of *Mention, prev, prevMs []Mention, earlier [][]Mention, open bool) ([]Candidate, []Mention) {
	if len(ts) > maxSentenceTokens {
		return nil, nil
	}
	inMention := make([]bool, len(ts))
	for _, m := range ms {
		for k := m.first; k < m.last; k++ {
			inMention[k] = true
		}
	}
	args := arguments(ts, ms)
	lessOf := -1 // the first token of "this attenuation": a decrease of the event it names
	if open && len(tags) == len(ts) {
		// "this dopamine signal": an event named before, in subject place.
		if m, ok := eventAnaphor(ts, tags, ms, prevMs); ok {
			m.Sentence = s.Index
			if decreaseNouns[ts[m.last-1].stem] {
				lessOf = m.first
			}
			kept := args[:0:0]
			for _, a := range args {
				if a.last <= m.first || a.first >= m.last {
					kept = append(kept, a)
				}
			}
			args = append(kept, m)
			slices.SortStableFunc(args, func(x, y Mention) int { return x.first - y.first })
		}
	}
	if open && len(tags) == len(ts) {
		args = placeActivity(ts, tags, args)
	}
	if open {
		markMessengers(ts, args)
	}
	if p, ok := pronounSubject(ts, tags, args, topic, of); ok {
		args = append([]Mention{p}, args...)
	} else if p, kept, ok := bareUseSubject(ts, tags, args, topic); open && ok {
		args = append([]Mention{p}, kept...)
	}
	// "It reduced X, but it did not alter Y": a later clause's pronoun
	// stands for the same drug, whether named or itself a pronoun.
	if p, ok := clausePronoun(ts, args); ok {
		args = append(args, p)
		slices.SortStableFunc(args, func(x, y Mention) int { return x.first - y.first })
	}
	var excluded []exclusion
	if open {
		// "X, but not Y, reduced Z": Y is read apart (exclusion.go).
		args, excluded = exclusions(ts, args)
		if len(excluded) > 0 && len(tags) == len(ts) {
			tags = slices.Clone(tags)
		}
		for _, e := range excluded {
			for k := e.lo; k < e.hi; k++ {
				// The parenthesis is read as punctuation: no noun in
				// it is the verb's subject or object, and its "but"
				// opens no clause.
				inMention[k] = true
				if len(tags) == len(ts) {
					tags[k] = ","
				}
			}
			// "X, but not Y, reduced/VBN Z", "increased/JJ Z": a past
			// form right after the parenthesis is the verb the subject
			// before it governs.
			if len(tags) == len(ts) && e.hi < len(ts) && (tags[e.hi] == "VBN" || tags[e.hi] == "JJ" && strings.HasSuffix(ts[e.hi].low, "ed")) {
				tags[e.hi] = "VBD"
			}
		}
	}
	cues, agents := splitAgentCues(ts, args, findCues(ts, inMention))
	example := exemplars(ts, args)
	clause := clauses(ts)
	mergeExclusions(clause, excluded)
	if open {
		clause = independentClauses(ts, args, cues, clause)
		clause = subjectClauses(ts, tags, clause)
	}
	aside := asides(ts)
	muted := recommending(ts, clause)
	hedgedAt := hedgeScope(ts, tags, args, inMention, clause, open)
	var out []Candidate
	seen := map[[3]string]bool{}
	var cueOf []int // per candidate, the token its cue starts at
	emit := func(a, b Mention, p graph.Predicate, sign graph.Sign, cue cueHit, lo, hi int) {
		if c, ok := symptomsOf(ts, args, b); open && ok {
			b = c // "the autonomic symptoms of withdrawal": withdrawal
		}
		key := [3]string{a.ID, b.ID, string(p)}
		if a.ID == b.ID || seen[key] || a.Category == graph.CategoryPopulation || b.Category == graph.CategoryPopulation {
			return // a population qualifies a claim; it is no claim's end
		}
		if cellPlace(ts, b) {
			return // "binds receptors on dopamine neurons": where it acts, no effect
		}
		// actsFor makes d the subject in a's place: false when d is the
		// object itself or the claim is already made.
		actsFor := func(d Mention) bool {
			if d.ID == b.ID {
				return false
			}
			a, key = d, [3]string{d.ID, b.ID, string(p)}
			return !seen[key]
		}
		if open && cue.i != a.last {
			// "the Y antagonist X reduced Z": X acts, Y only describes it.
			if d, ok := describes(ts, args, a); ok && !actsFor(d) {
				return
			}
		}
		if open {
			// "X, an antagonist that increases Y": X increases Y.
			if d, ok := appositiveOf(ts, args, a); ok && !actsFor(d) {
				return
			}
		}
		if open && p == graph.Affects && agentCueOf(ts, cue) && a.Category != graph.CategoryDrug && a.Category != graph.CategoryTherapy {
			return // "synaptogenesis was abolished by the mTOR inhibitor rapamycin": the drug is the inhibitor
		}
		if open && (p == graph.Affects || p == graph.CorrelatedWith) && cue.i >= a.last && gerundObject(ts, a) {
			return // "Blocking alpha-1 receptors is thought to restore X": the blocking acts, not the receptor
		}
		if open && b.first > cue.i && duringPhrase(ts, tags, b) {
			return // "reduced anxiety during withdrawal": when, not what changed
		}
		if open && p != graph.StudiedToTreat && definedPopulation(ts, tags, a, b) {
			return // "in people whose drinking is driven by stress": who was studied (compared.go)
		}
		if k := comparedAt(ts, tags, args, a); open && k >= 0 && !comparedEffect(ts, a, cue) {
			// "as effective as clonidine and causes less hypotension":
			// what a finding is set against is not its agent.
			if d, ok := comparisonSubject(args, clause, k, b); !ok || !actsFor(d) {
				return
			}
		}
		if f := frontedSetting(ts, a, cue); open && f > 0 && (p == graph.Affects || p == graph.CorrelatedWith) {
			// "During abstinence, reduced dopamine tone contributes to
			// X": a setting is no agent; the clause's subject is.
			if d, ok := clauseOpener(args, f, cue.i); !ok || !actsFor(d) {
				return
			}
		}
		if open && (p == graph.Affects || p == graph.CorrelatedWith) && unnamedAntecedent(ts, tags, inMention, a, cue) {
			return // "disrupt the plasticity that underlies relapse": the plasticity does
		}
		if open && (p == graph.Affects || p == graph.CorrelatedWith) {
			// "S blocks X and reduces Y": S reduces Y, X does not.
			if v := earlierVerbObject(ts, tags, a, cue); v >= 0 {
				if d, ok := verbSubject(ts, tags, clause, out, cueOf, args, v); !ok || !actsFor(d) {
					return
				}
			}
			if listedAttribute(ts, tags, a, b, cue) {
				return // "nausea, decreased appetite and hyperhidrosis": one list, no change
			}
		}
		if open && sign == graph.Increases && improvedHarm(ts, cue, a, b) {
			sign = graph.Decreases // "an improvement in insomnia": less insomnia (improvement.go)
		}
		if a.first == lessOf && a.last < len(ts) && sign != graph.Unsigned {
			// "this attenuation correlated with reduced use": less of
			// the event went with less use, so the event goes with it.
			sign = map[graph.Sign]graph.Sign{graph.Increases: graph.Decreases, graph.Decreases: graph.Increases}[sign]
		}
		// A clause that looks ahead or recommends proposes what it says:
		// kept, as PROPOSED, not dropped.
		proposed := muted[a.first] || muted[b.first]
		seen[key] = true
		cueOf = append(cueOf, cue.i)
		// "Neither X nor Y", "No X", "Neither compound": the subject
		// itself is denied.
		negated := negatedBetween(ts, inMention, lo, hi) || deniedSubject(ts, a) || open && deniedReport(ts, min(a.first, cue.i)) ||
			b.first > cue.i && contrastedAway(ts, b.first)
		if negated && proposed && p == graph.Affects {
			// "whether X reduces Y without causing Z", "neither drug
			// reduces Y, and both should be used with caution": the
			// modality says PROPOSED, and a denied direction is no
			// effect to serve. A denied correlation ("whether X is not
			// associated with Y") keeps the direction its cue gives.
			sign = graph.Unsigned
		}
		// The clause of the cue (the verb) and of the object decide.
		hedged := cue.i < len(ts) && hedgedAt[cue.i] || b.first < len(ts) && hedgedAt[b.first]
		out = append(out, Candidate{
			Sentence: s.Index, Section: s.Section, Text: s.Text, Citations: s.Citations,
			Subject: a.ID, Object: b.ID, Predicate: p, Sign: sign,
			Cue:     s.Text[ts[cue.i].start:ts[cue.j-1].end],
			Negated: negated, Hedged: hedged, Score: score(p, hedged),
			Modality: graph.ModalityOf(negated, hedged, proposed),
		})
		qualify(s, ts, ms, &out[len(out)-1], a, b)
	}
	for ai, a := range args {
		for _, b := range args[ai+1:] {
			if b.first-a.last > maxPairGap {
				break // args are in text order: every later b is farther
			}
			if crossesClause(ts, a.last, b.first) || clause[a.first] != clause[b.first] {
				continue // ";", ":" or ", whereas": the two sides say separate things
			}
			if open && aside[a.first] != aside[b.first] {
				continue // "(body mass index above 30)": a parenthesis is an aside
			}
			span := cuesIn(cues, a.last, b.first)
			if d, o, ok := treatmentPair(a, b); ok {
				if c, ok := treatmentCue(ts, cues, a, b, o); ok {
					emit(d, o, graph.StudiedToTreat, graph.Unsigned, c, a.last, b.first)
				} else if c, ok := forList(ts, args, d, o); ok && open {
					emit(d, o, graph.StudiedToTreat, graph.Unsigned, c, a.last, b.first)
				}
			} else if c, ok := treatsSymptom(ts, a, b); ok {
				emit(a, b, graph.StudiedToTreat, graph.Unsigned, c, a.last, b.first)
			}
			if d, o, ok := adversePair(a, b); ok {
				if c, ok := kindIn(span, cueAdverse); ok {
					emit(d, o, graph.HasAdverseEvent, graph.Unsigned, c, a.last, b.first)
				} else if c, ok := kindIn(cuesIn(cues, o.first-3, o.first), cueAdverse); ok && o.first > a.last {
					emit(d, o, graph.HasAdverseEvent, graph.Unsigned, c, a.last, b.first)
				}
			}
			if open {
				span = slices.DeleteFunc(slices.Clone(span), func(c cueHit) bool { return attributiveCue(ts, c, b) })
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
				if open && example[ai] && cue.i >= listEnd(args, example, ai) && !relativeBefore(ts, listEnd(args, example, ai), cue.i) {
					continue // "X such as A and B reduced Y": X is the subject
				}
				linked := p == graph.Affects && sentenceSubject(ts, args, cues, a)
				for _, c := range span {
					if c.kind != cueTreatment && c.kind != cueAdverse && !listedChange(ts, c) && !subjectChange(ts, c) && nearestSubject(ts, clause, args, cues, a, c) && objectReach(ts, inMention, c, b) &&
						!(open && coordinatedVerb(ts, clause, cues, a, c)) {
						linked = true
					}
				}
				if open && !linked && relativeSubject(ts, clause, cues, a, cue) {
					linked = true // "X, which stimulates Y and reduces Z"
				}
				if linked && signedEnds(subj, obj) {
					emit(subj, obj, p, sign, cue, a.last, b.first)
				}
				continue
			}
			// "reductions in X following Y": the cue comes before both.
			// The negation's reach starts at the noun's own modifiers:
			// "no increase in X after Y" denies the change.
			if c, ok := nominalCue(ts, cues, a); ok && connectorBefore(ts, b) && !argBetween(ts, args, a, b) && signedEnds(b, a) {
				emit(b, a, graph.Affects, signOf(c.kind), c, changeNounStart(ts, c), b.first)
			} else if c, ok := nominalOf(ts, cues, a, b); ok && !argBetween(ts, args, a, b) && signedEnds(b, a) {
				emit(b, a, graph.Affects, signOf(c.kind), c, changeNounStart(ts, c), b.first)
			}
		}
	}
	// "NMDA receptor antagonist": the drug the noun describes acts on X.
	for _, ag := range agents {
		obj := ag.object
		// "the 5-HT2A antagonist ketanserin": the drug the agent noun
		// names right after it is the one that acts.
		if k := slices.IndexFunc(args, func(d Mention) bool { return d.first == ag.cue.j && d.Category == graph.CategoryDrug }); k >= 0 {
			emit(args[k], obj, graph.Affects, signOf(ag.cue.kind), ag.cue, obj.last, args[k].first)
			continue
		}
		for i := len(args) - 1; i >= 0; i-- {
			d := args[i]
			if d.last <= obj.first && d.Category == graph.CategoryDrug && !crossesClause(ts, d.last, obj.first) &&
				!(open && clause[d.first] != clause[obj.first]) {
				if open && len(tags) == len(ts) {
					if s := predicateHolder(ts, tags, args, aside, example, clause, d, ag.cue.i); len(s) > 0 {
						for _, h := range s {
							emit(h, obj, graph.Affects, signOf(ag.cue.kind), ag.cue, h.last, obj.first)
						}
						break
					}
				}
				emit(d, obj, graph.Affects, signOf(ag.cue.kind), ag.cue, d.last, obj.first)
				break
			}
		}
	}
	// "Reduction in Craving and Anhedonia: Ketamine ...": a run-in label
	// that names a change says what the clause's subject does.
	labelClaims(ts, args, cues, emit)
	labelSubject(ts, args, cues, emit)
	if open {
		// before the sentence's harm reading, whose negation ("does not
		// produce the X associated with Y") is not Y's
		harmsAssociated(ts, args, emit)
	}
	adverseEvents(ts, args, cues, topic, prev, prevMs, earlier, emit)
	if open {
		possessedHarms(ts, args, clause, emit)
		studiedIn(ts, args, emit)
		treatedSymptoms(ts, args, clause, emit)
		locatedIn(ts, args, clause, emit)
		if len(tags) == len(ts) {
			cooccur(ts, tags, args, aside, example, clause, emit)
		}
	}
	var subjects []Mention
	if open && len(tags) == len(ts) {
		n := len(out)
		// The clause reading's candidates are kept apart from the rule
		// reading's until the rule reading's are checked against it.
		clear(seen)
		var agentsOf map[int][]Mention
		var own []int
		subjects, agentsOf, own = clauseClaims(ts, tags, args, cues, clause, aside, example, pairAntecedents(ts, prev, prevMs, earlier), emit)
		roleTargets(ts, tags, args, ms, emit)
		out = attached(out[:n], cueOf[:n], agentsOf, own, args, out[n:])
		roleSigns(ts, args, agents, out)
	}
	if open && refuted(ts) {
		// "... linked X to Y, but these associations were not
		// confirmed": the sentence reports the finding as refuted.
		for k := range out {
			if out[k].Modality != graph.ModalityProposed {
				out[k].Negated = true
				out[k].Modality = graph.ModalityOf(true, out[k].Hedged, false)
			}
		}
	}
	if open {
		// Membership is read apart from the verbs: no clause
		// reading's subject replaces it.
		members(ts, ms, args, example, func(class, member, target Mention, cue cueHit) {
			n := len(out)
			emit(member, target, graph.Affects, signOf(cue.kind), cue, target.last, member.first)
			if len(out) > n {
				out[n].Class = class.Surface
			}
		})
		out = distributeClass(ms, args, example, out)
		comorbidity(ts, ms, args, emit)
		n := len(out)
		impliedAgent(ts, tags, args, cues, topic, prevMs, emit)
		armClaims(ts, ms, args, func(a, b Mention, p graph.Predicate, sign graph.Sign, cue cueHit, lo, hi int) {
			if !slices.ContainsFunc(out, func(c Candidate) bool { return c.Subject == a.ID && c.Object == b.ID }) {
				emit(a, b, p, sign, cue, lo, hi) // an arm already read by the clause rules is not read twice
			}
		})
		inheritPopulation(out[n:], prevMs)
		out = coordinatedSubjects(ts, tags, clause, args, out)
		out = excludedClaims(args, excluded, out)
	}
	return out, subjects
}

// clauses numbers the clauses of a sentence per token: a new clause starts
// after ";", ":" or a table's "|" and at a contrast ("though", "but", "whereas") after a
// comma.
func clauses(ts []token) []int {
	out := make([]int, len(ts)+1)
	n := 0
	for k, t := range ts {
		if k > 0 && (strings.ContainsAny(t.punctBefore, ";:|") ||
			strings.Contains(t.punctBefore, ",") && contrastWords[t.low]) {
			n++
		}
		out[k] = n
	}
	out[len(ts)] = n
	return out
}

var contrastWords = map[string]bool{"though": true, "although": true, "but": true, "whereas": true, "yet": true}

// recommending marks the tokens of the clauses that look ahead or
// recommend: from the recommendation's clause start, or from a later ", and"
// / ", so" that opens a coordinated clause before it ("X increases blood
// pressure, and the brew should be used with caution": the finding stays
// asserted), to the clause's end.
func recommending(ts []token, clause []int) []bool {
	var b strings.Builder
	starts := make([]int, len(ts))
	for k, t := range ts {
		if k > 0 {
			b.WriteByte(' ')
		}
		starts[k] = b.Len()
		b.WriteString(t.low)
	}
	out := make([]bool, len(ts)+1)
	for _, loc := range recommendRe.FindAllStringIndex(b.String(), -1) {
		k, found := slices.BinarySearch(starts, loc[0])
		if !found && k > 0 {
			k--
		}
		if k >= len(ts) {
			continue
		}
		lo := k
		for lo > 0 && clause[lo-1] == clause[k] {
			lo--
		}
		for i := k; i > lo; i-- {
			if strings.Contains(ts[i].punctBefore, ",") && (ts[i].low == "and" || ts[i].low == "so") {
				lo = i
				break
			}
		}
		for i := lo; i < len(ts) && clause[i] == clause[k]; i++ {
			out[i] = true
		}
		statedCause(ts, clause, out, lo, k)
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
