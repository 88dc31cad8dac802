// Class membership: "GLP-1 receptor agonists such as exenatide and
// semaglutide" says that each drug listed belongs to the class, and the
// class's name says what its members do to their target.

package extract

import (
	"slices"

	"github.com/kapgraph/kapgraph/graph"
)

// members reads an example list after a drug class named by its target
// ("X receptor agonists such as A and B", "Y antagonists (e.g. C)") and
// makes each drug listed act on the class's target, signed by the role
// noun (agonist: increases; antagonist, inhibitor: decreases). The claim
// is what the sentence states (membership), with the clause's modality;
// what the sentence says the class does stays the class's (the gold sets
// annotate it so, and "such as" does not say every member was tested).
//
// emit is called once per member; the caller records the class on the
// candidate it makes.
func members(ts []token, ms []Mention, args []Mention, example []bool, emit func(class, member, target Mention, cue cueHit)) {
	for n := 1; n < len(args); n++ {
		if !example[n] || example[n-1] {
			continue // only the first example of each list finds its class
		}
		class := args[n-1]
		if class.Category != graph.CategoryDrug {
			continue
		}
		kind, ok := roleNouns[ts[class.last-1].low]
		if !ok || kind != cueIncrease && kind != cueDecrease {
			continue
		}
		t := slices.IndexFunc(ms, func(m Mention) bool {
			return m.Category == graph.CategoryMechanism && m.first == class.first && m.last < class.last && m.Pattern == "target of a class"
		})
		if t < 0 {
			continue
		}
		cue := cueHit{i: class.last - 1, j: class.last, kind: kind}
		for k := n; k < len(args) && example[k]; k++ {
			if args[k].Category == graph.CategoryDrug {
				emit(class, args[k], ms[t], cue)
			}
		}
	}
}

// describedExample returns where an example's description opens when an
// article and at most three words stand before the example's name ("such
// as the oral drug X", "including the hallucinogen X"), with no comma or
// joiner between; otherwise first. lo bounds the search (the class's end).
func describedExample(ts []token, lo, first int) int {
	for d := first - 1; d > lo && d >= first-4; d-- {
		if ts[d+1].punctBefore != "" && !ts[d+1].hyphenated {
			return first
		}
		if ts[d].low == "the" || ts[d].low == "a" || ts[d].low == "an" {
			return d // the joiner loop after it reads "such as the X" alike
		}
		if joiners[ts[d].low] {
			return first
		}
	}
	return first
}
