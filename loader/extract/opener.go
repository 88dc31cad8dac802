// Subjects a later clause or sentence takes from an earlier one when its
// own subject is a pronoun and no cue verb read the earlier subject.

package extract

import (
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// openingSubject is the drug or therapy that is the subject of the
// sentence's first clause though no cue verb follows it ("Lofexidine is
// more selective than clonidine, which explains why it lowers blood
// pressure less"): a pronoun in a later clause speaks of it before the
// previous sentence's subjects. It is nil when the first clause's subject
// is anything else.
func openingSubject(ts []token, tags []string, args []Mention, aside []int, example []bool, segs []segment) []Mention {
	if len(segs) == 0 {
		return nil
	}
	sg := segs[0]
	v := sg.hi
	for k := sg.lo; k < sg.hi; k++ {
		if t := tags[k]; t == "VBZ" || t == "VBD" || t == "VBP" || t == "MD" {
			v = k
			break
		}
	}
	if v == sg.hi {
		return nil
	}
	var out []Mention
	for _, m := range headSubject(ts, tags, args, aside, example, sg.lo, v) {
		if m.Category != graph.CategoryDrug && m.Category != graph.CategoryTherapy || anaphorAt(ts, m.first) > 0 {
			// an anaphor itself ("Neither compound is ..."): the later
			// pronoun speaks of what it stands for
			return nil
		}
		out = append(out, m)
	}
	return out
}

// doseAnaphor: a determiner and a dose noun in subject place ("Both doses
// lowered Y", "The dose was well tolerated") speak of the drug the
// previous sentence named last, though as the object of a preposition
// ("2.16 mg/day of X") it was not that sentence's subject.
func doseAnaphor(ts []token) bool {
	for k := 0; k+1 < len(ts); k++ {
		if determiners[ts[k].low] && doseNouns[ts[k+1].low] && (k == 0 || strings.Contains(ts[k].punctBefore, ",")) {
			return true
		}
	}
	return false
}
