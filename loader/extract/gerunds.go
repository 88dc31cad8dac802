// Gerunds that open a clause: "Blocking alpha-1 receptors is thought to
// restore X" says what the act of blocking does, not what the receptors do.

package extract

import "strings"

// gerundObject: a is the object of a gerund of increase or decrease that
// opens its clause ("Blocking alpha-1 receptors ...", "Activating the
// receptor ..."): the clause's subject is that act, which a undergoes; a
// is no agent. (A gerund of giving, "Combining X with Y may precipitate
// Z", leaves X the agent.)
func gerundObject(ts []token, a Mention) bool {
	k := a.first - 1
	for k >= 0 && (ts[k].low == "the" || ts[k].low == "these" || ts[k].low == "its") && ts[k+1].punctBefore == "" {
		k--
	}
	if k < 0 || !strings.HasSuffix(ts[k].low, "ing") || ts[k+1].punctBefore != "" || !directionWord(ts[k].low) {
		return false
	}
	return k == 0 || strings.ContainsAny(ts[k].punctBefore, ",;:")
}

// directionWord: w begins with a one-word cue of increase or decrease.
func directionWord(w string) bool {
	for _, k := range []cueKind{cueIncrease, cueDecrease} {
		for _, c := range cueWords[k] {
			if !strings.Contains(c, " ") && strings.HasPrefix(w, c) {
				return true
			}
		}
	}
	return false
}
