// Hedging per clause: a hedge qualifies the clause it stands in, not the
// whole sentence ("X reduced craving, although it may increase nausea":
// the first finding is asserted, the second hedged).

package extract

import "strings"

// reportingHedges are hedges that report a finding as a conjecture
// ("suggest that", "it is possible that", "is thought to"): they reach
// the clauses after them, up to a contrast or a semicolon. The other
// hedge words are modals and adjectives ("may", "potential") that qualify
// their own clause only.
var reportingHedges = []string{"suggest", "hypothes", "propos", "possibl", "likely", "appear", "thought", "believed"}

// hedgeAt reports whether token k starts a hedge: a hedge word, the
// modal "can" (whole word: not "cannabis") unless a stated cause comes
// before it, or "thought to" / "believed to" / "expected to" / "designed
// to" / "intended to" ("is thought to work": an expectation, not a
// finding).
func hedgeAt(ts []token, inMention []bool, k int) bool {
	if inMention[k] {
		return false
	}
	w := ts[k].low
	if (w == "thought" || w == "believed" || w == "expected" || w == "designed" || w == "intended") && k+1 < len(ts) && ts[k+1].low == "to" {
		return true
	}
	if w == "can" {
		// "can cause": a possibility, not a finding; but after a stated
		// cause ("because X is an antagonist, it can precipitate
		// withdrawal") the capability is the cause's consequence, asserted.
		return !causeBefore(ts, k)
	}
	return hasPrefixIn(w, hedgeWords)
}

// hedgeScope marks the tokens a hedge qualifies. With no clause reading
// (no tags), the whole sentence is hedged when any hedge stands in it. With
// one, a hedge marks the rest of its own clause (segments: "X reduces Y
// and may increase Z" hedges Z only) and a reporting hedge
// everything after it within its base clause (base: cut at ";", ":" and
// contrasts).
func hedgeScope(ts []token, tags []string, args []Mention, inMention []bool, base []int, open bool) []bool {
	out := make([]bool, len(ts)+1)
	var segs []segment
	if open && len(tags) == len(ts) {
		segs = segments(ts, tags, args, base)
	}
	for k := range ts {
		if !hedgeAt(ts, inMention, k) {
			continue
		}
		if segs == nil {
			for i := range out {
				out[i] = true
			}
			return out
		}
		for _, sg := range segs {
			if sg.lo <= k && k < sg.hi {
				for i := k; i < sg.hi; i++ {
					out[i] = true
				}
			}
		}
		if hasPrefixIn(ts[k].low, reportingHedges) {
			for i := k; i < len(ts) && base[i] == base[k]; i++ {
				out[i] = true
			}
		}
	}
	return out
}

// refuted: a later clause of the sentence says the finding was not borne
// out: a contrast (", but", "however", "although") and, after it, a
// negation within three words before a verb of confirmation ("these
// associations were not confirmed", "have not confirmed an increased
// risk", "failed to replicate").
func refuted(ts []token) bool {
	contrast := -1
	for k, t := range ts {
		if k > 0 && (contrastWords[t.low] || t.low == "however") && strings.Contains(t.punctBefore, ",") {
			contrast = k
		}
		if contrast < 0 || k <= contrast || !hasPrefixIn(t.low, confirmVerbs) {
			continue
		}
		for i := max(contrast, k-3); i < k; i++ {
			if ts[i].low == "not" || ts[i].low == "never" || strings.HasPrefix(ts[i].low, "fail") {
				return true
			}
		}
	}
	return false
}

// confirmVerbs say a finding was borne out by later work.
var confirmVerbs = []string{"confirm", "replicat", "reproduc", "substantiat", "corroborat"}

// deniedReport: the clause at k is the complement of a negated verb of
// showing ("trials have not shown that it reduces drug use", "did not
// find that", "no evidence that"): what the complement says was not
// found. k is the first token of the complement's subject.
func deniedReport(ts []token, k int) bool {
	that := -1
	for i := k - 1; i >= 0 && i >= k-2; i-- {
		if ts[i].low == "that" {
			that = i
			break
		}
	}
	if that < 1 {
		return false
	}
	report := false
	for i := that - 1; i >= 0 && i >= that-4; i-- {
		if strings.ContainsAny(ts[i+1].punctBefore, ",;:") {
			break
		}
		if hasPrefixIn(ts[i].low, showVerbs) {
			report = true
			continue
		}
		if report && (ts[i].low == "not" || ts[i].low == "no" || ts[i].low == "never" || strings.HasPrefix(ts[i].low, "fail")) {
			return true
		}
	}
	return false
}

// showVerbs report a finding: "shown", "found", "demonstrated",
// "established", "evidence".
var showVerbs = []string{"show", "shown", "found", "find", "demonstrat", "establish", "evidence", "prove", "proven"}

// causeBefore reports whether a causal conjunction ("because", "since",
// "as a result") stands before token k in the sentence: what a modal
// after it says follows from a stated cause.
func causeBefore(ts []token, k int) bool {
	for i := 0; i < k; i++ {
		if ts[i].low == "because" || ts[i].low == "since" && i == 0 {
			return true
		}
	}
	return false
}

// statedCause unmarks, in a recommending clause that starts at lo and
// whose recommendation is at k, a causal clause ("because X lowers blood
// pressure, it should be monitored"; "patients must be free of opioids,
// because X precipitates withdrawal"): the reason given is a finding the
// text asserts, not part of the advice. Before the recommendation the
// causal clause ends at the next comma; after it, at the clause's end.
func statedCause(ts []token, clause []int, out []bool, lo, k int) {
	for c := lo; c < len(ts) && clause[c] == clause[k]; c++ {
		if ts[c].low != "because" && !(ts[c].low == "since" && (c == 0 || strings.Contains(ts[c].punctBefore, ","))) {
			continue
		}
		if c < k {
			for i := c; i < k && (i == c || !strings.Contains(ts[i].punctBefore, ",")); i++ {
				out[i] = false
			}
			continue
		}
		for i := c; i < len(ts) && clause[i] == clause[k]; i++ {
			out[i] = false
		}
		return
	}
}
