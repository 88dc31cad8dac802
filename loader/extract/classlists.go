// Claims a class makes of the drugs it lists: "agonist-like stimulants
// such as lisdexamfetamine and methylphenidate may improve retention".

package extract

import (
	"slices"
	"strings"

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
			out = toMembers(out, have, c, listed, class.Surface)
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

// classMembers returns the drugs or therapies a sentence lists as examples
// of its topic class ("Benzodiazepines such as A and B are widely
// prescribed"), to carry the class's harms into the next sentence.
func classMembers(ts []token, ms []Mention, topic *Mention) []Mention {
	if topic == nil {
		return nil
	}
	args := arguments(ts, ms)
	example := exemplars(ts, args)
	var out []Mention
	for n := 1; n < len(args); n++ {
		if !example[n] || example[n-1] || args[n-1].first != topic.first || args[n-1].ID != topic.ID {
			continue
		}
		for k := n; k < len(args) && example[k]; k++ {
			if args[k].Category == graph.CategoryDrug || args[k].Category == graph.CategoryTherapy {
				out = append(out, args[k])
			}
		}
	}
	return out
}

// memberHarms: a harm sentence whose agent is the previous sentence's
// topic class, not named again ("Benzodiazepines such as A and B reduced
// craving. Sedation and anxiety are also common."), says it of the
// members that sentence listed too, as distributeClass does within one
// sentence: each member gets a copy with the class recorded. Only a
// sentence about harms (a word of harm, or "are common") does so: a verb
// like "produce" or "report" names harms of what the sentence is about,
// and the class may not be that.
func memberHarms(cs []Candidate, ts []token, sentence int, ms []Mention, topic *Mention, members []Mention) []Candidate {
	if topic == nil || len(members) == 0 || slices.ContainsFunc(ms, func(m Mention) bool { return m.ID == topic.ID }) || !statesHarms(ts) {
		return cs
	}
	have := map[[3]string]bool{}
	for _, c := range cs {
		have[[3]string{c.Subject, c.Object, string(c.Predicate)}] = true
	}
	n := len(cs)
	for i := 0; i < n; i++ {
		c := cs[i]
		if c.Sentence != sentence || c.Subject != topic.ID || c.Predicate != graph.HasAdverseEvent || c.Class != "" {
			continue
		}
		cs = toMembers(cs, have, c, members, topic.Surface)
	}
	return cs
}

// strongHarmWords name harms as harms, whatever the verb.
var strongHarmWords = []string{"advers", "side effect", "toxic", "complication", "risk", "tolerab", "safety"}

// statesHarms: the sentence is about harms: a word of harm, or harms
// said to be common or rare.
func statesHarms(ts []token) bool {
	for _, t := range ts {
		for _, w := range strongHarmWords {
			if strings.HasPrefix(t.low, w) || w == "side effect" && t.low == "side" {
				return true
			}
		}
	}
	return commonHarms(ts)
}

// toMembers gives the class's claim c to each listed member that has no
// such claim yet (have, keyed by subject, object and predicate), marking
// the copy with the class's surface.
func toMembers(cs []Candidate, have map[[3]string]bool, c Candidate, members []Mention, class string) []Candidate {
	for _, m := range members {
		key := [3]string{m.ID, c.Object, string(c.Predicate)}
		if have[key] || m.ID == c.Object {
			continue
		}
		have[key] = true
		d := c
		d.Subject, d.Class = m.ID, class
		cs = append(cs, d)
	}
	return cs
}
