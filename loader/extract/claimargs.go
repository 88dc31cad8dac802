// Claim arguments and clauses: which mentions can be a claim's ends,
// and the asides, independent clauses and subjects that decide which
// pairs a sentence states.

package extract

import (
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

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

// asides numbers the parentheses of a sentence per token (0 outside any):
// what a parenthesis says is an aside to the clause around it.
func asides(ts []token) []int {
	out := make([]int, len(ts)+1)
	depth, n, cur := 0, 0, 0
	for k, t := range ts {
		for _, r := range t.punctBefore {
			switch r {
			case '(', '[':
				depth++
				if depth == 1 {
					n++
					cur = n
				}
			case ')', ']':
				if depth > 0 {
					depth--
				}
				if depth == 0 {
					cur = 0
				}
			}
		}
		out[k] = cur
	}
	return out
}

// auxiliaries open a verb group: "has", "may", "did".
var auxiliaries = map[string]bool{"has": true, "have": true, "had": true, "may": true, "might": true, "can": true,
	"could": true, "will": true, "would": true, "should": true, "must": true, "did": true, "does": true, "do": true}

// independentClauses starts a new clause at ", and" (", but", ", while")
// when a subject and its verb follow: "Psilocybin increased X, and the
// 5-HT2A receptor is considered necessary": the first verb's subject does
// not reach the second clause's subject.
func independentClauses(ts []token, args []Mention, cues []cueHit, clause []int) []int {
	var starts []int
	for _, a := range args {
		k := a.first
		for k > 0 && (determinersPossessive[ts[k-1].low]) && ts[k].punctBefore == "" {
			k--
		}
		if k < 1 || !clauseJoiners[ts[k-1].low] || !strings.Contains(ts[k-1].punctBefore, ",") {
			continue
		}
		if a.last >= len(ts) || ts[a.last].punctBefore != "" {
			continue
		}
		v := a.last
		verb := beVerbs[ts[v].low] || auxiliaries[ts[v].low]
		for _, c := range cues {
			if c.i == v {
				verb = true
			}
		}
		if verb {
			starts = append(starts, k-1)
		}
	}
	return renumberFrom(clause, starts, 1000)
}

// renumberFrom gives the tokens from each start on a fresh clause number
// (step added once per start, greater than any number before it), so that
// every rule reading clause numbers sees a new clause open there; clause
// itself is left as it was.
func renumberFrom(clause, starts []int, step int) []int {
	if len(starts) == 0 {
		return clause
	}
	out := slices.Clone(clause)
	for _, st := range starts {
		for k := st; k < len(out); k++ {
			out[k] += step
		}
	}
	return out
}

var (
	clauseJoiners         = map[string]bool{"and": true, "but": true, "while": true, "yet": true}
	determinersPossessive = map[string]bool{"the": true, "this": true, "these": true, "its": true, "their": true, "a": true, "an": true}
)

// relativeSubject: a is the antecedent of a relative clause (", which",
// ", that") whose verb group is c or a verb coordinated with it by "and":
// "X, which stimulates Y and reduces Z" makes X the subject of both.
func relativeSubject(ts []token, clause []int, cues []cueHit, a Mention, c cueHit) bool {
	k := a.last
	if k >= len(ts) || !relativeWords[ts[k].low] || !strings.Contains(ts[k].punctBefore, ",") || clause[k] != clause[c.i] {
		return false
	}
	first := -1
	for _, o := range cues {
		if o.i > k && o.i <= k+3 && (o.kind == cueIncrease || o.kind == cueDecrease || o.kind == cueCorrelation || o.kind == cueChange) {
			first = o.i
			break
		}
	}
	if first < 0 {
		return false
	}
	return c.i == first || c.i > first && c.i > 0 && ts[c.i-1].low == "and"
}

// attached drops a rule reading's signed or correlation candidate whose
// verb the clause analysis read with other subjects: the clause's
// subject, not the nearest argument, is what acts.
//
// own numbers the clauses per token, a clause with a subject of its own
// starting a new number: a rule candidate whose ends lie in two such
// clauses crosses a clause boundary the rules did not see.
func attached(rules []Candidate, cueOf []int, agentsOf map[int][]Mention, own []int, ms []Mention, clause []Candidate) []Candidate {
	out := make([]Candidate, 0, len(rules)+len(clause))
	for k, c := range rules {
		directed := c.Predicate == graph.Affects || c.Predicate == graph.CorrelatedWith
		agents, read := agentsOf[cueOf[k]]
		if read && directed && !slices.ContainsFunc(agents, func(m Mention) bool { return m.ID == c.Subject }) {
			continue
		}
		if directed && crossesOwn(own, ms, c) {
			continue
		}
		out = append(out, c)
	}
	for _, c := range clause {
		if !slices.ContainsFunc(out, func(o Candidate) bool {
			return o.Subject == c.Subject && o.Object == c.Object && o.Predicate == c.Predicate
		}) {
			out = append(out, c)
		}
	}
	return out
}

// crossesOwn: no mention of c's subject and one of its object lie in the
// same clause of own.
func crossesOwn(own []int, ms []Mention, c Candidate) bool {
	for _, a := range ms {
		if a.ID != c.Subject || a.first >= len(own) {
			continue
		}
		for _, b := range ms {
			if b.ID == c.Object && b.first < len(own) && own[a.first] == own[b.first] {
				return false
			}
		}
	}
	return true
}

// deniedSubject: the subject opens with, or follows, "neither" or "no",
// or follows "nor" ("neither A nor B reduced Y" denies it of both);
// or it follows the auxiliary of a clause a negative opens, with subject
// and auxiliary inverted ("In neither trial did MDMA increase X", "nor
// does it reduce Y", "At no dose did S ...", "Never has S ...").
func deniedSubject(ts []token, a Mention) bool {
	for _, k := range []int{a.first, a.first - 1} {
		if k >= 0 && k < len(ts) && (ts[k].low == "neither" || ts[k].low == "no") {
			return true
		}
	}
	if a.first > 0 && ts[a.first-1].low == "nor" {
		return true
	}
	aux := a.first - 1
	if aux < 0 || !inversionAux[ts[aux].stem] || ts[a.first].punctBefore != "" {
		return false
	}
	for i := aux - 1; i >= 0 && i >= aux-5; i-- {
		if fronting[ts[i].low] {
			return true
		}
		if strings.ContainsAny(ts[i+1].punctBefore, ",;:") {
			return false // the negative must open the clause the auxiliary is in
		}
	}
	return false
}

// fronting are the negatives that invert subject and auxiliary when they
// open a clause; inversionAux the auxiliaries that then precede the subject.
var (
	fronting     = setOf("neither", "nor", "no", "never", "nowhere", "none")
	inversionAux = setOf("did", "does", "do", "has", "have", "had", "was", "were", "is", "are", "could", "would", "can", "will")
)
