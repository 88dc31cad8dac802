package extract

import (
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// listedHarms adds to harms the disorders and outcomes named in one list
// with a harm ("Paraesthesia, anorexia and weight loss are common",
// "difficulty with concentration, memory problems and word-finding
// difficulty were reported"): the members of one list share its role,
// whatever category each has on its own. A list is mentions joined only
// by commas, "and" or "or".
func listedHarms(ts []token, args, harms []Mention) []Mention {
	if len(harms) == 0 {
		return harms
	}
	ordered := slices.Clone(args)
	slices.SortFunc(ordered, func(a, b Mention) int { return a.first - b.first })
	isHarm := func(m Mention) bool {
		return slices.ContainsFunc(harms, func(h Mention) bool { return h.first == m.first && h.last == m.last })
	}
	out := harms
	for i := 0; i < len(ordered); {
		j := i + 1
		for j < len(ordered) && listJoined(ts, ordered[j-1].last, ordered[j].first) {
			j++
		}
		group := ordered[i:j]
		if len(group) > 1 && slices.ContainsFunc(group, isHarm) && !conditionsHad(ts, group[0].first, group[len(group)-1].last) {
			for _, m := range group {
				if (m.Category == graph.CategoryOutcome || m.Category == graph.CategoryDisorder) && !isHarm(m) {
					out = append(out, m)
				}
			}
		}
		i = j
	}
	return out
}

// listJoined: a list's joiners only stand between the mention ending at
// lo and the one starting at hi: a comma, "and" or "or", or a comma and
// one of them; a comma and a focusing adverb; or "as well as".
func listJoined(ts []token, lo, hi int) bool {
	if hi < lo || hi >= len(ts) {
		return false
	}
	// "A, particularly B", "A, as well as B": a focusing adverb or "as
	// well as" after the comma keeps B in A's list.
	if hi-lo == 1 && focusWords[ts[lo].low] && strings.Contains(ts[lo].punctBefore, ",") && ts[hi].punctBefore == "" {
		return true
	}
	if hi-lo == 3 && asWellAs(ts, lo) && ts[hi].punctBefore == "" {
		return true
	}
	if hi-lo > 1 {
		return false
	}
	if hi == lo+1 && ts[lo].low != "and" && ts[lo].low != "or" {
		return false
	}
	return ts[hi].punctBefore == "" && hi > lo || ts[lo].punctBefore == "," || ts[hi].punctBefore == ","
}

// conditionsHad: the list starting at k names what someone has, not what
// a drug did ("smokers, who frequently have undiagnosed hypertension or
// coronary artery disease"), or conditions said to co-occur ("depression
// and substance use disorders frequently co-occur").
func conditionsHad(ts []token, k, end int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if havingVerbs[ts[j].stem] {
			return true
		}
	}
	for j := end; j < len(ts) && j <= end+2; j++ {
		w := ts[j].low
		if strings.HasPrefix(w, "cooccur") || strings.HasPrefix(w, "coexist") || (w == "co" && j+1 < len(ts) && strings.HasPrefix(ts[j+1].low, "occur")) {
			return true
		}
	}
	return false
}

// focusWords single out a member of a list without leaving it ("nausea,
// particularly vomiting").
var focusWords = map[string]bool{"particularly": true, "especially": true, "notably": true, "mainly": true,
	"mostly": true, "chiefly": true, "primarily": true}
