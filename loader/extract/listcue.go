// A direction word inside a list of nouns describes the noun it stands
// before, not a change one list member makes in another: in "adverse
// events were muscle tightness, nausea, decreased appetite and
// hyperhidrosis", nausea does not decrease appetite or hyperhidrosis.

package extract

import "strings"

// listedAttribute: the cue c stands before b or another member of b's
// list, after a list's comma, "and" or "or", is tagged as an
// adjective or participle, and nothing but list members and separators
// lies between a and it (no verb, preposition or determiner): a and b are
// members of one list.
func listedAttribute(ts []token, tags []string, a, b Mention, c cueHit) bool {
	if len(tags) != len(ts) || c.i < a.last || c.j > b.first || c.j-c.i != 1 {
		return false
	}
	// A past form the tagger took for a verb counts when a is itself a
	// list member (after a comma or "were"): "were X, Y, decreased/VBD Z".
	member := a.first > 0 && (strings.Contains(ts[a.first].punctBefore, ",") || beVerbs[ts[a.first-1].low])
	if t := tags[c.i]; t != "JJ" && t != "VBN" && t != "JJR" && !(t == "VBD" && member) {
		return false
	}
	// Between the cue and b: b's adjectives, or the member the cue
	// describes and the list's separators ("decreased appetite and
	// hyperhidrosis").
	for k := c.j; k < b.first; k++ {
		w, t := ts[k].low, tags[k]
		member := strings.HasPrefix(t, "JJ") || strings.HasPrefix(t, "NN") || w == "and" || w == "or"
		if !member || strings.ContainsAny(ts[k].punctBefore, ";:()") {
			return false
		}
	}
	listed := strings.Contains(ts[c.i].punctBefore, ",") || ts[c.i-1].low == "and" || ts[c.i-1].low == "or"
	if !listed {
		return false
	}
	for k := a.last; k < c.i; k++ {
		if k > a.last && strings.ContainsAny(ts[k].punctBefore, ";:()") || strings.HasPrefix(tags[k], "VB") || strings.HasPrefix(tags[k], "IN") && ts[k].low != "of" || tags[k] == "DT" {
			// a verb or preposition, or "X, an analogue, reduced Y": an apposition
			return false
		}
	}
	return true
}
