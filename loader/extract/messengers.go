// The body's own messengers: transmitters and hormones that the drug
// resources list as drugs (serotonin, dopamine, cortisol) but that a
// review names as what a drug raises or lowers.

package extract

import (
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// messengerNames are endogenous transmitters and hormones, general
// pharmacology rather than any review's drugs.
var messengerNames = setOf("serotonin", "dopamine", "noradrenaline", "norepinephrine", "adrenaline", "epinephrine",
	"glutamate", "gaba", "acetylcholine", "histamine", "glycine", "oxytocin", "vasopressin", "cortisol",
	"corticosterone", "testosterone", "melatonin", "anandamide", "endorphin", "enkephalin", "dynorphin")

// markMessengers marks the Drug arguments that name one of the body's
// messengers, alone or with a place or measure before it ("plasma
// oxytocin", "beta-endorphin"), so that a drug's signed claim may reach
// them where it may not reach a drug. Not after "of", with the list it
// heads: "inhibits the reuptake of dopamine and noradrenaline", "the
// release of dopamine" name a process, and the process is the effect.
func markMessengers(ts []token, args []Mention) {
	for i := range args {
		if args[i].Category != graph.CategoryDrug || !messengerNamed(args[i]) {
			continue
		}
		j := i
		for j > 0 && args[j-1].last <= args[j].first && onlyJoiners(ts, args[j-1].last, args[j].first) {
			j--
		}
		if k := args[j].first - 1; k >= 0 && ts[k].low == "of" {
			continue
		}
		if n := i + 1; n < len(args) && args[n].first >= args[i].last && onlyJoiners(ts, args[i].last, args[n].first) &&
			args[n].Category != graph.CategoryDrug && len(strings.Fields(args[n].Surface)) > 1 {
			continue // "noradrenaline and serotonin release": the first is the second's head cut short
		}
		args[i].messenger = true
	}
}

// messengerNamed: the mention's last word names a messenger.
func messengerNamed(m Mention) bool {
	ws := strings.FieldsFunc(m.Surface, func(r rune) bool { return r == ' ' || r == '-' })
	return len(ws) > 0 && messengerNames[joinStems(ws[len(ws)-1])]
}
