package extract

import "github.com/kapgraph/kapgraph/graph"

// combinations: "naltrexone plus bupropion", "injectable naltrexone
// combined with oral bupropion": two drugs given together are a regimen
// of their own, which findings are about ("the combination reduced
// craving"); each drug stays an entity too.
func combinations(ts []token, nps []nounPhrase) []nounPhrase {
	var out []nounPhrase
	for n := 0; n+1 < len(nps); n++ {
		a, b := nps[n], nps[n+1]
		if a.cat != graph.CategoryDrug || b.cat != graph.CategoryDrug || a.j >= len(ts) {
			continue
		}
		link := a.j
		switch {
		case b.i == link+1 && ts[link].low == "plus" && ts[link].punctBefore == "":
		case b.i == link+2 && ts[link].low == "combined" && ts[link+1].low == "with" && ts[link].punctBefore == "":
		default:
			continue
		}
		out = append(out, nounPhrase{i: a.i, j: b.j, cat: graph.CategoryDrug, rule: "drug combination"})
	}
	return append(nps, out...)
}
