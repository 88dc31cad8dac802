// A change named as a noun that a finding reports: "a trial of S in
// patients found no reduction in X and no improvement in Y", "S produced
// a small increase in Z", "the studies showed reductions in X". The noun
// says the direction, the clause's subject (or the drug of its "trial
// of") is the agent, and "no" before the noun denies the finding, which
// is kept as NEGATED, never dropped.

package extract

import (
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// findingVerbs report or bring about what their object names: a change
// noun after one is the subject's change.
var findingVerbs = setOf("found", "find", "finds", "showed", "shown", "show", "shows", "produced", "produces", "produce",
	"reported", "reports", "report", "observed", "observe", "yielded", "yields", "yield", "caused", "causes", "cause",
	"demonstrated", "demonstrates", "demonstrate", "saw", "induced", "induces", "induce", "achieved", "achieves")

// findingPhrases are two-word verbs of the same kind: "led to a reduction in X".
var findingPhrases = map[[2]string]bool{{"led", "to"}: true, {"leads", "to"}: true, {"lead", "to"}: true,
	{"resulted", "in"}: true, {"results", "in"}: true, {"result", "in"}: true}

// changeModifiers may stand between the verb and the change noun: "no",
// "a small", "significant", "a similar", "dose-dependent".
var changeModifiers = setOf("a", "an", "no", "any", "the", "similar", "further", "greater", "larger", "smaller", "small",
	"large", "modest", "marked", "significant", "robust", "sustained", "rapid", "transient", "persistent", "clear")

// reportedChange reads the change nouns of segment sg that a finding verb
// (or "and" after such a noun) governs; each reached one's agents are
// recorded in agentsOf, so that the rule reading's nearest noun (often
// the first change's object, or the population a trial enrolled) is not
// taken for the agent.
func reportedChange(ts []token, tags []string, args []Mention, aside []int, example []bool, verbs, cues []cueHit, sg segment, subject func(int) []Mention, agentsOf map[int][]Mention, emit emitFunc) {
	var agents []Mention // the agents of the previous change noun read
	prevEnd := -1        // where that noun's objects end
	for _, c := range cues {
		if c.i < sg.lo || c.j >= sg.hi || c.j-c.i != 1 || c.kind != cueIncrease && c.kind != cueDecrease ||
			!strings.HasPrefix(tags[c.i], "NN") || ts[c.j].low != "in" && ts[c.j].low != "of" || ts[c.j].punctBefore != "" {
			continue
		}
		k := c.i - 1
		for k > sg.lo && c.i-k <= 4 && ts[k+1].punctBefore == "" && (changeModifiers[ts[k].low] || tags[k] == "RB" || tags[k] == "JJ" || tags[k] == "CD") {
			k--
		}
		if ts[k+1].punctBefore != "" || k < sg.lo {
			continue
		}
		var subj []Mention
		switch {
		case findingVerbs[ts[k].low] || k > sg.lo && findingPhrases[[2]string{ts[k-1].low, ts[k].low}]:
			v := k
			if !findingVerbs[ts[k].low] {
				v = k - 1
			}
			lo := joinedClause(ts, sg.lo, v)
			if lo > sg.lo {
				// "X is common, and S produces a reduction in Y": the
				// verb's clause starts after the joiner.
				subj = headSubject(ts, tags, args, aside, example, lo, v)
			} else {
				subj = subject(v)
			}
			if len(subj) == 0 {
				subj = studiedAgents(ts, args, lo, v)
			}
			if len(subj) == 0 {
				subj = examplesIn(args, example, lo, v) // "drugs such as A and B produce ..."
			}
		case (ts[k].low == "and" || ts[k].low == "or") && len(agents) > 0 && prevEnd == k:
			subj = agents // "no reduction in X and no improvement in Y"
		default:
			continue
		}
		objs := objects(ts, tags, args, verbs, c.j+1, sg.hi)
		agents, prevEnd = nil, -1
		if len(subj) == 0 || len(objs) == 0 {
			continue
		}
		end := objs[len(objs)-1].last
		if d, ok := connectorAfter(ts, args, end, sg.hi); ok {
			// "showed no increase in X after cocaine": the connector
			// names the agent, which the rule reading links (rules.go);
			// the clause's subject does not act.
			agentsOf[c.i] = []Mention{d}
			continue
		}
		read := false
		for _, o := range objs {
			for _, s := range subj {
				if clauseEnds(s, o) {
					emit(s, o, graph.Affects, signOf(c.kind), c, k+1, o.first)
					read = true
				}
			}
		}
		if read {
			// A subject that can act on none of the objects ("a man
			// who received S reported a reduction in Y": the man) leaves
			// the change to the rule reading.
			agents, prevEnd = subj, end
			agentsOf[c.i] = subj
		}
	}
}

// studiedAgents: the drugs or therapies of a study noun phrase before v
// ("a placebo-controlled trial of S in patients", "two trials of A and
// B"): the clause's subject is the study; what it tested is the agent.
func studiedAgents(ts []token, args []Mention, lo, v int) []Mention {
	for k := lo; k+2 < v; k++ {
		w := strings.TrimSuffix(ts[k].low, "s")
		if w == "studie" {
			w = "study"
		}
		if !studyNouns[w] || ts[k+1].low != "of" || ts[k+2].punctBefore != "" {
			continue
		}
		j := k + 2
		for j < v && determinersPossessive[ts[j].low] {
			j++
		}
		return listAt(ts, args, j, func(m Mention) bool {
			return m.last <= v && (m.Category == graph.CategoryDrug || m.Category == graph.CategoryTherapy)
		})
	}
	return nil
}

// connectorAfter: the drug or therapy that follows the change's objects
// after "after", "following", "with" or "by" before hi.
func connectorAfter(ts []token, args []Mention, end, hi int) (Mention, bool) {
	for _, a := range args {
		if a.first < end || a.first >= hi || a.first-end > 4 {
			continue
		}
		return a, connectorBefore(ts, a) && (a.Category == graph.CategoryDrug || a.Category == graph.CategoryTherapy)
	}
	return Mention{}, false
}

// joinedClause: the start of the clause a ", and" / ", but" / ", while"
// after lo opens before v (lo when none does).
func joinedClause(ts []token, lo, v int) int {
	for k := v - 1; k > lo; k-- {
		if strings.Contains(ts[k].punctBefore, ",") && (ts[k].low == "and" || ts[k].low == "but" || ts[k].low == "while" || ts[k].low == "whereas") {
			return k + 1
		}
	}
	return lo
}

// examplesIn: the arguments in [lo, v) listed as examples of a noun
// that names no entity ("approved medications such as A and B").
func examplesIn(args []Mention, example []bool, lo, v int) []Mention {
	var out []Mention
	for i, a := range args {
		if example[i] && a.first >= lo && a.last <= v {
			out = append(out, a)
		}
	}
	return out
}

// changeNounStart: the first token of a change noun's phrase, across the
// modifiers before it ("no significant increase", "a marked reduction"),
// so that a "no" among them denies the change.
func changeNounStart(ts []token, c cueHit) int {
	k := c.i
	for k > 0 && c.i-k < 4 && ts[k].punctBefore == "" && (changeModifiers[ts[k-1].low] || strings.HasSuffix(ts[k-1].low, "ly")) {
		k--
	}
	return k
}

// correlatedChanges reads a correlation whose other side is a change
// noun: "scores correlated with the reduction in X and Y", "S was
// associated with reductions in X and with increases in Z". The noun
// gives each object's sign, and a repeated "with" opens another change.
// The change nouns' agents are recorded, so that the object of the first
// change is not read as acting on the second's.
func correlatedChanges(ts []token, tags []string, args []Mention, verbs, cues []cueHit, sg segment, subject func(int) []Mention, agentsOf map[int][]Mention, emit emitFunc) {
	for _, v := range verbs {
		if v.kind != cueCorrelation || v.i < sg.lo || v.i >= sg.hi {
			continue
		}
		p := v.j - 1
		if ts[p].low != "with" {
			p = v.j
			for p < sg.hi && p <= v.j+2 && adverb(ts[p].low, tags[p]) {
				p++
			}
		}
		if p >= sg.hi || ts[p].low != "with" {
			continue
		}
		var subj []Mention
		for p < sg.hi && ts[p].low == "with" {
			c, ok := changeNounAt(ts, tags, cues, p+1, sg.hi)
			if !ok {
				break
			}
			objs := objects(ts, tags, args, verbs, c.j+1, sg.hi)
			if len(objs) == 0 {
				break
			}
			if subj == nil {
				if subj = subject(v.i); len(subj) == 0 {
					break
				}
			}
			agentsOf[c.i] = subj
			for _, o := range objs {
				for _, s := range subj {
					if clauseEnds(s, o) {
						emit(s, o, graph.CorrelatedWith, signOf(c.kind), c, min(s.last, v.i), o.first)
					}
				}
			}
			// "... and with increases in Z": the next change.
			p = objs[len(objs)-1].last
			for p < sg.hi && p <= objs[len(objs)-1].last+4 && ts[p].low != "with" && !strings.ContainsAny(ts[p].punctBefore, ";:(") {
				if ts[p].low == "and" && p+1 < sg.hi && ts[p+1].low == "with" {
					p++
					break
				}
				p++
			}
			if p >= sg.hi || ts[p].low != "with" || ts[p-1].low != "and" {
				break
			}
		}
	}
}

// changeNounAt: the increase or decrease noun that opens the noun phrase
// at j, across its modifiers, followed by "in" or "of".
func changeNounAt(ts []token, tags []string, cues []cueHit, j, hi int) (cueHit, bool) {
	k := j
	for k < hi && k-j < 4 && (changeModifiers[ts[k].low] || tags[k] == "JJ" || tags[k] == "RB" || tags[k] == "DT") {
		k++
	}
	for _, c := range cues {
		if c.i == k && c.j-c.i == 1 && (c.kind == cueIncrease || c.kind == cueDecrease) && c.j < hi &&
			strings.HasPrefix(tags[c.i], "NN") && (ts[c.j].low == "in" || ts[c.j].low == "of") && ts[c.j].punctBefore == "" {
			return c, true
		}
	}
	return cueHit{}, false
}
