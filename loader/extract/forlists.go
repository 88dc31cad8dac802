// Treatment lists: "prescribed for anxiety disorders and insomnia",
// "used for anxiety, insomnia and panic disorder". "For" governs the
// whole list, so every condition in it is what the drug is for, not only
// the one right after "for".

package extract

import "github.com/kapgraph/kapgraph/graph"

// condition: a disorder or symptom, what a treatment list names.
func condition(m Mention) bool {
	return m.Category == graph.CategoryDisorder || m.Category == graph.CategorySymptom
}

// listOpener is the first token of the run of conditions that m ends or
// belongs to ("anxiety disorders and insomnia", "A, B or C"): the
// arguments before m that only "and", "or", commas and articles join to
// it. m itself is the run when nothing joins it.
func listOpener(ts []token, args []Mention, m Mention) int {
	i := -1
	for n, a := range args {
		if a.first == m.first && a.ID == m.ID {
			i = n
		}
	}
	first := m.first
	for n := i; n > 0 && condition(args[n-1]) && args[n-1].last <= args[n].first && onlyJoiners(ts, args[n-1].last, args[n].first); n-- {
		first = args[n-1].first
	}
	return first
}

// forList: "for" right before the list holding m, after the agent d ("d
// is prescribed for A and m"): the treatment cue of a condition that is
// not the list's first.
func forList(ts []token, args []Mention, d, m Mention) (cueHit, bool) {
	k := listOpener(ts, args, m) - 1
	if k < 0 || k >= m.first-1 || k < d.last || ts[k].low != "for" || ts[k].punctBefore != "" {
		return cueHit{}, false
	}
	return cueHit{k, k + 1, cueTreatment}, true
}
