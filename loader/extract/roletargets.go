// Role phrases that name their target inside themselves: "GSK598809, a
// selective D3 antagonist, ...", "Buprenorphine is a partial mu-opioid
// agonist and a KOR antagonist". The chunker reads "D3 antagonist" as one
// drug-class mention with the target nested in it, so no argument is left
// for the role noun to act on; the drug the phrase describes acts on the
// nested target as the role says.

package extract

import (
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// roleTargets emits, for each drug-class argument that ends in a role
// noun with a direction ("antagonist", "agonist", "inhibitor") and holds
// a mechanism right before that noun, the claim of the drug it is an
// appositive to (", a ... antagonist,") or a predicate noun of ("X is a
// ... antagonist"): that drug acts on the mechanism.
func roleTargets(ts []token, tags []string, args, ms []Mention, emit emitFunc) {
	for _, a := range args {
		if a.Category != graph.CategoryDrug || a.last-a.first < 2 || !pharmRoles[ts[a.last-1].stem] {
			continue
		}
		kind, ok := roleKind(ts, a.last-1)
		if !ok || kind != cueIncrease && kind != cueDecrease {
			continue
		}
		var target Mention
		found := false
		for _, m := range ms {
			// the target is a name, not a describing adjective before a
			// name ("a lipophilic alpha-1 antagonist"); an adjective
			// hyphen-joined to what follows is part of it ("alpha-2")
			if m.Category == graph.CategoryMechanism && m.first >= a.first && m.last == a.last-1 && !describedName(ts, tags, m) {
				target, found = m, true
			}
		}
		if !found {
			continue
		}
		d, ok := appositiveOf(ts, args, a)
		if !ok {
			d, ok = copulaOf(ts, args, a)
		}
		if !ok {
			continue
		}
		emit(d, target, graph.Affects, signOf(kind), cueHit{a.last - 1, a.last, kind}, d.last, target.first)
	}
}

// copulaOf: the drug that a is said to be, "D is/are (a) ... a", with no
// punctuation between and at most one other predicate noun before a
// ("D is a partial mu-opioid agonist and a KOR antagonist").
func copulaOf(ts []token, args []Mention, a Mention) (Mention, bool) {
	for _, d := range args {
		if d.Category != graph.CategoryDrug && d.Category != graph.CategoryTherapy || d.last >= a.first || a.first-d.last > 10 {
			continue
		}
		if !beVerbs[ts[d.last].low] || ts[d.last].low == "be" || ts[d.last].low == "been" {
			continue
		}
		clean := true
		for i := d.last + 1; i <= a.first; i++ {
			if strings.ContainsAny(ts[i].punctBefore, ",;:(") {
				clean = false
			}
		}
		if clean {
			return d, true
		}
	}
	return Mention{}, false
}

// describedName: m opens with an adjective the tagger marked that is not
// hyphen-joined to the word after it ("lipophilic alpha-1").
func describedName(ts []token, tags []string, m Mention) bool {
	return len(tags) == len(ts) && m.last-m.first > 1 && tags[m.first] == "JJ" && !ts[m.first+1].hyphenated
}
