// A clause that ", and" (", but", ", yet") opens with a subject of its own
// says a separate thing, however long that subject is: "X occurred in a
// fifth of participants, and the first dose of prazosin can cause Y",
// "... were diarrhoea and fatigue, and at the higher doses used in
// epilepsy CBD elevated Z". independentClauses (claimargs.go) sees the
// short form, a subject right before its verb; this reads the long one,
// which the dev set's wrong pairs showed crossing the boundary.

package extract

import (
	"strings"
)

// subjectClauses starts a new clause at ", and" / ", but" / ", yet" when a
// finite verb (or a modal) follows within the same stretch of the
// sentence, after a noun: the joiner then opens a clause with its own
// subject, and no claim joins an argument before it to one after it. A
// verb right after the joiner ("X, and reduced Y") or after an adjective
// alone is a second verb of the first subject, left to the other rules.
func subjectClauses(ts []token, tags []string, clause []int) []int {
	if len(tags) != len(ts) {
		return clause
	}
	var starts []int
	for j := 1; j < len(ts)-2; j++ {
		if !subjectJoiners[ts[j].low] || !strings.Contains(ts[j].punctBefore, ",") {
			continue
		}
		if clauseOpens(ts, tags, j) {
			starts = append(starts, j)
		}
	}
	return renumberFrom(clause, starts, 2000)
}

// clauseOpens: a noun, then a finite verb or a modal, follow the joiner at
// j before any comma, semicolon or subordinator.
func clauseOpens(ts []token, tags []string, j int) bool {
	noun := false
	for f := j + 1; f < len(ts) && f <= j+16; f++ {
		if f > j+1 && strings.ContainsAny(ts[f].punctBefore, ",;:") || subordinators[ts[f].low] || relatives[ts[f].low] {
			return false
		}
		t := tags[f]
		verb := t == "VBD" || t == "VBZ" || t == "VBP" || t == "MD" || t == "VBN" && strings.HasPrefix(tags[f-1], "NN")
		if verb && beVerbs[ts[f].low] && f == j+1 {
			return false
		}
		if verb {
			if beVerbs[ts[f].low] || linking[ts[f].low] {
				return false // "and Y remains the most effective treatment" still speaks of X
			}
			prev := tags[f-1]
			if prev == "JJ" && f-1 > j && !strings.HasPrefix(t, "VBN") {
				// "and lofexidine/JJ appears to cause Y": no adjective
				// stands right before a finite verb; the tagger
				// missed a name.
				noun, prev = true, "NN"
			}
			return noun && (strings.HasPrefix(prev, "NN") || prev == "CD" || prev == "RB" || strings.Contains(ts[f].punctBefore, ")"))
		}
		if t == "PRP" || anaphoric[ts[f].low] {
			return false // "and in mice it inhibited Y", "and their combination caused Y": the subject refers back
		}
		if strings.HasPrefix(t, "NN") {
			noun = true
		}
		if (t == "VBN" || t == "VBG") && f+1 < len(ts) && strings.HasPrefix(tags[f+1], "NN") {
			continue // "and elevated blood pressure occurred": an adjective
		}
		if strings.HasPrefix(t, "VB") {
			return false // a participle or gerund before any finite verb: no subject of its own
		}
	}
	return false
}

var (
	subjectJoiners = map[string]bool{"and": true, "but": true, "yet": true}
	linking        = map[string]bool{"remains": true, "remain": true, "remained": true, "becomes": true, "become": true, "became": true, "seems": true, "seem": true, "seemed": true}
	anaphoric      = map[string]bool{"its": true, "their": true, "this": true, "these": true, "those": true, "such": true, "his": true, "her": true}
)
