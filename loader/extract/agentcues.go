// Agent nouns as cues: "X antagonist", "an inhibitor of X", "the
// kappa-opioid receptor antagonist nalmefene": nouns naming what acts
// on a target, read apart from the clause's verbs.

package extract

import (
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// agentCue is a cue written as an agent noun right after its object.
type agentCue struct {
	cue    cueHit
	object Mention
}

// splitAgentCues takes out "X antagonist", "X inhibitor", "X agonist":
// nouns naming what acts on X, which link no two arguments of the clause.
func splitAgentCues(ts []token, args []Mention, cues []cueHit) ([]cueHit, []agentCue) {
	var rest []cueHit
	var agents []agentCue
	for _, c := range cues {
		w := ts[c.j-1].stem
		isAgent := (c.kind == cueIncrease || c.kind == cueDecrease) && c.j-c.i == 1 &&
			agentNoun(w)
		found := false
		if isAgent {
			for _, a := range args {
				// "NMDA receptor antagonist", and "an antagonist at
				// nicotinic receptors", "an inhibitor of the transporter".
				if a.last == c.i || c.j < len(ts) && agentLinks[ts[c.j].low] && (a.first == c.j+1 || a.first == c.j+2 && joiners[ts[c.j+1].low]) &&
					a.Category == graph.CategoryMechanism {
					agents = append(agents, agentCue{c, a})
					found = true
				}
			}
		}
		if !found && !(isAgent && pharmRoles[w] && nounAfterArticle(ts, c.i)) {
			// "Psilocybin, a serotonin 2A (5-HT2A) receptor agonist,
			// has been ...": a role noun whose target is not named
			// links nothing; it is no verb.
			rest = append(rest, c)
		}
	}
	return rest, agents
}

// describes: the argument a is a descriptor's target, followed by a role
// noun and the drug it describes ("the kappa-opioid receptor antagonist
// nor-binaltorphimine"), which it returns: a acts only through that role.
func describes(ts []token, args []Mention, a Mention) (Mention, bool) {
	if a.last+1 >= len(ts) || !pharmRoles[ts[a.last].stem] || ts[a.last].punctBefore != "" {
		return Mention{}, false
	}
	k := slices.IndexFunc(args, func(d Mention) bool { return d.first == a.last+1 && d.Category == graph.CategoryDrug })
	if k < 0 {
		return Mention{}, false
	}
	return args[k], true
}

// nounAfterArticle: the word at k is in a noun phrase an article opens
// within three words before it ("a partial agonist", "the 5-HT2A
// antagonist").
func nounAfterArticle(ts []token, k int) bool {
	for i := k - 1; i >= 0 && i >= k-4; i-- {
		switch ts[i].low {
		case "a", "an", "the":
			return true
		}
		if ts[i+1].punctBefore != "" && !ts[i+1].hyphenated && !strings.ContainsAny(ts[i+1].punctBefore, "()") {
			return false
		}
	}
	return false
}

// agentLinks join an agent noun to its target: "antagonist at X",
// "inhibitor of X".
var agentLinks = map[string]bool{"at": true, "of": true}

// agentNoun: "antagonist", "agonist", "inhibitor", "activator",
// "blocker", "enhancer" — but not the verb or comparative "lower".
func agentNoun(w string) bool {
	for _, suf := range []string{"ist", "tor", "ker", "cer"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}
