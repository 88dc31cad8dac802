// Claims a class makes of the drugs it lists: "agonist-like stimulants
// such as lisdexamfetamine and methylphenidate may improve retention".

package extract

import (
	"slices"

	"github.com/kapgraph/kapgraph/graph"
)

// distributeClass: a drug class (or group of therapies) with an example
// list ("Xs such as A and B", "Xs, including A and B", "Xs (e.g. A)")
// is the subject of a verb after the list; what the sentence says of the
// class it says of the members it names, so each listed drug or therapy
// gets a copy of the class's claim, with the same predicate, sign and
// modality, and the class recorded. Only claims whose object stands after
// the list are copied ("Xs such as A reduce Y", not a claim inside the
// list), and a member never gets a claim on itself or on another member.
func distributeClass(ms, args []Mention, example []bool, out []Candidate) []Candidate {
	have := map[[3]string]bool{}
	for _, c := range out {
		have[[3]string{c.Subject, c.Object, string(c.Predicate)}] = true
	}
	for n := 1; n < len(args); n++ {
		if !example[n] || example[n-1] {
			continue
		}
		class := args[n-1]
		if class.Category != graph.CategoryDrug && class.Category != graph.CategoryTherapy || namedByTarget(ms, class) {
			continue
		}
		end := listEnd(args, example, n)
		var listed []Mention
		for k := n; k < len(args) && example[k]; k++ {
			if args[k].Category == graph.CategoryDrug || args[k].Category == graph.CategoryTherapy {
				listed = append(listed, args[k])
			}
		}
		after := map[string]bool{}
		for _, a := range args {
			if a.first >= end {
				after[a.ID] = true
			}
		}
		for i := range out {
			c := out[i]
			if c.Subject != class.ID || !after[c.Object] || c.Class != "" {
				continue
			}
			for _, m := range listed {
				key := [3]string{m.ID, c.Object, string(c.Predicate)}
				if have[key] || m.ID == c.Object {
					continue
				}
				have[key] = true
				d := c
				d.Subject, d.Class = m.ID, class.Surface
				out = append(out, d)
			}
		}
	}
	return out
}

// namedByTarget: the class is named by its target ("GLP-1 receptor
// agonists"). members gives each listed drug the class's action on that
// target; what such a class does beyond it (on appetite, on drinking) is
// the class's physiology, which the review states once for the class and
// does not claim each member was shown to have.
func namedByTarget(ms []Mention, class Mention) bool {
	return slices.ContainsFunc(ms, func(m Mention) bool {
		return m.first == class.first && m.last < class.last && m.Pattern == "target of a class"
	})
}
