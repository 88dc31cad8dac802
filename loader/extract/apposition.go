// Noun-phrase structure around a claim's ends (branch extract13).
// Appositive descriptions: "Yohimbine, an alpha-2 antagonist that
// increases noradrenaline release, reinstated alcohol seeking". The noun
// phrase after the comma and article describes the drug before it; what
// the description (or the clause after it) does, the drug does. Also the
// coordinator "as well as", and a cue word that only describes a noun in
// a subject list.

package extract

import (
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// appositiveOf returns the drug or therapy that the mention a, standing in
// an appositive description right after it ("X, a Y antagonist", "X, an
// antidepressant that ..."), describes. The description opens with a
// comma and an article and reaches a within five words, with no other
// comma, colon or semicolon between.
func appositiveOf(ts []token, args []Mention, a Mention) (Mention, bool) {
	k := slices.IndexFunc(args, func(d Mention) bool {
		if d.Category != graph.CategoryDrug && d.Category != graph.CategoryTherapy || d.last >= a.first || a.first-d.last > 5 {
			return false
		}
		open := ts[d.last]
		if !strings.Contains(open.punctBefore, ",") || open.low != "a" && open.low != "an" {
			return false
		}
		for i := d.last + 1; i <= a.first; i++ {
			if strings.ContainsAny(ts[i].punctBefore, ",;:") {
				return false
			}
		}
		return true
	})
	if k < 0 || args[k].ID == a.ID {
		return Mention{}, false
	}
	return args[k], true
}

// asWellAs: "as well as" starts at k, a coordinator like "and".
func asWellAs(ts []token, k int) bool {
	return k+2 < len(ts) && ts[k].low == "as" && ts[k+1].low == "well" && ts[k+2].low == "as" &&
		ts[k+1].punctBefore == "" && ts[k+2].punctBefore == ""
}

// attributiveCue: the cue c stands right before b, after a list's "and" or
// comma, and b is followed by a form of "be" ("craving, negative affect
// and impaired executive function are predictors of relapse"): the cue
// word describes b inside a subject list; it is no verb between a and b.
func attributiveCue(ts []token, c cueHit, b Mention) bool {
	if c.j != b.first || c.i == 0 || b.last >= len(ts) || !beVerbs[ts[b.last].low] {
		return false
	}
	return ts[c.i-1].low == "and" || ts[c.i-1].low == "or" || strings.Contains(ts[c.i].punctBefore, ",")
}
