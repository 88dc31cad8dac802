package extract

import (
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// Improvement of a harm is less of it: "an improvement in insomnia",
// "improvements in withdrawal symptoms", "X improved depression",
// "relief of craving". The words of making better are increase cues
// ("improves mood"), so without this rule a harm that improved was
// served as increased.

// harmCategory: the categories whose improvement means less of them.
func harmCategory(c graph.Category) bool {
	return c == graph.CategoryDisorder || c == graph.CategorySymptom || c == graph.CategorySafetyRisk
}

// betterNouns name making a harm better; each takes the harm after "of"
// or "in" ("relief of symptoms", "improvement in AUD").
var betterNouns = setOf("relief", "resolution", "remission")

// improvedHarm: one end of a signed claim is a harm that improved, either
// the increase cue itself is a word of improving and the object a harm
// ("improved insomnia", "insomnia improved"), or a word of improving
// stands right before a harm end, "in" or "of" between ("improvement in
// AUD was associated with ...", "associated with relief of craving").
func improvedHarm(ts []token, cue cueHit, a, b Mention) bool {
	if cue.kind == cueIncrease && cue.i < len(ts) && strings.HasPrefix(ts[cue.i].low, "improv") && improvesByLess(ts, b) && improvedObject(ts, cue, b) {
		return true
	}
	for _, e := range []Mention{a, b} {
		if !improvesByLess(ts, e) {
			continue
		}
		k := e.first - 1
		if k >= 1 && (ts[k].low == "in" || ts[k].low == "of") && ts[k].punctBefore == "" {
			k--
		}
		if k >= 0 && k < len(ts) && ts[k+1].punctBefore == "" && (strings.HasPrefix(ts[k].low, "improv") || betterNouns[ts[k].stem] && ts[k+1].low == "of") {
			return true
		}
	}
	return false
}

// improvedObject: b is what the improving verb governs: right before it
// ("insomnia improved"), or after it with no preposition or contrast
// between ("improved mood, sleep and craving", not "improves outcomes in
// people with OUD", "improved abstinence without worsening psychosis").
func improvedObject(ts []token, cue cueHit, b Mention) bool {
	if b.last <= cue.i {
		return b.last == cue.i && ts[cue.i].punctBefore == ""
	}
	if b.first < cue.j || crossesClause(ts, cue.j, b.first) {
		return false
	}
	for k := cue.j; k < b.first; k++ {
		if objectBreaks[ts[k].low] || strings.ContainsAny(ts[k].punctBefore, ";:(") {
			return false
		}
	}
	return true
}

// objectBreaks end an improving verb's object list.
var objectBreaks = map[string]bool{"in": true, "of": true, "for": true, "with": true, "without": true, "but": true, "than": true, "while": true, "whereas": true, "although": true}
