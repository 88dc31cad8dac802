package extract

import (
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// activityNouns name what a brain region or network does: "decreased
// activity in the default mode network", "reduced functional
// connectivity within the DMN", "activation of the ventral striatum".
// A change in it is a change of the place, which is how reviews of
// imaging state their findings.
var activityNouns = setOf("activity", "hypoactivity", "hyperactivity", "activation", "connectivity",
	"hypoconnectivity", "hyperconnectivity", "integrity", "reactivity", "deactivation")

// activityLinks join an activity noun to its place.
var activityLinks = setOf("in", "within", "of")

// placeActivity reads "<activity noun> in/within/of [the] <region or
// network>" (and the regions listed with it) as arguments that name the
// place: the claim's object is the region whose activity changed. The
// activity noun, or the mention it heads, gives way to them.
func placeActivity(ts []token, tags []string, args []Mention) []Mention {
	var out []Mention
	changed := false
	for i := 0; i < len(args); i++ {
		r := args[i]
		if !place(r) {
			out = append(out, r)
			continue
		}
		k := r.first - 1
		if k >= 0 && ts[k].low == "the" {
			k--
		}
		if e := elaboratedActivity(ts, r.first); e > 0 {
			// "increased connectivity, particularly between the A
			// and B": the activity named before stays; the places
			// the elaboration names changed with it.
			changed = true
			out = append(out, asActivity(ts, r, r.first))
			for i+1 < len(args) && place(args[i+1]) && onlyJoiners(ts, args[i].last, args[i+1].first) {
				i++
				out = append(out, asActivity(ts, args[i], args[i].first))
			}
			continue
		}
		if k < 1 || !activityLinks[ts[k].low] || ts[k].punctBefore != "" || !activityNouns[ts[k-1].stem] {
			out = append(out, r)
			continue
		}
		start := k - 1
		if n := len(out); n > 0 && out[n-1].last == k {
			// "functional connectivity": the mention the noun heads, when
			// its modifiers only say what kind of activity; "GABA-B
			// receptor activation in the amygdala" and "cue-induced
			// activation" name an activity of their own.
			if !plainAdjectives(ts, tags, out[n-1].first, k-1) {
				out = append(out, r)
				continue
			}
			start = out[n-1].first
			out = out[:n-1]
		}
		changed = true
		out = append(out, asActivity(ts, r, start))
		// "activation of the ventral striatum and insula": the regions
		// listed with the first.
		for i+1 < len(args) && place(args[i+1]) && (onlyJoiners(ts, args[i].last, args[i+1].first) || partsOf(ts, args[i].last, args[i+1].first)) {
			i++
			out = append(out, asActivity(ts, args[i], args[i].first))
		}
	}
	if !changed {
		return args
	}
	slices.SortStableFunc(out, func(x, y Mention) int { return x.first - y.first })
	return out
}

// elaborators open, after a comma, a phrase that names the parts of the
// place before it.
var elaborators = setOf("including", "particularly", "especially", "notably")

// partsOf: the tokens [lo, hi) open an elaboration that names the parts
// of the place before them (", including the A", ", particularly in A"):
// the activity of the parts changed with the whole's.
func partsOf(ts []token, lo, hi int) bool {
	if lo >= hi || !elaborators[ts[lo].low] || !strings.Contains(ts[lo].punctBefore, ",") {
		return false
	}
	k := lo + 1
	if k < hi && activityLinks[ts[k].low] || k < hi && ts[k].low == "between" {
		k++
	}
	if k < hi && ts[k].low == "the" {
		k++
	}
	return k == hi
}

// elaboratedActivity: the place at first follows an elaboration of an
// activity noun (", particularly between the", ", especially in"): the
// elaborator's index, or 0.
func elaboratedActivity(ts []token, first int) int {
	k := first - 1
	if k >= 0 && ts[k].low == "the" {
		k--
	}
	if k >= 0 && (activityLinks[ts[k].low] || ts[k].low == "between") && ts[k].punctBefore == "" {
		k--
	}
	if k < 1 || !elaborators[ts[k].low] || !strings.Contains(ts[k].punctBefore, ",") || !activityNouns[ts[k-1].stem] {
		return 0
	}
	return k
}

func place(m Mention) bool {
	return m.Category == graph.CategoryBrainRegion || m.Category == graph.CategoryBrainNetwork
}

// asActivity: the place as the thing that changes (a Mechanism, so that
// it may be a signed claim's object), spanning from start.
func asActivity(ts []token, r Mention, start int) Mention {
	r.Category = graph.CategoryMechanism
	r.first = start
	r.Start = ts[start].start
	return r
}

// plainAdjectives: the tokens [i, j) are adjectives, none hyphen-joined.
func plainAdjectives(ts []token, tags []string, i, j int) bool {
	for k := i; k < j; k++ {
		if k >= len(tags) || tags[k] != "JJ" || ts[k].hyphenated || k+1 < len(ts) && ts[k+1].hyphenated || transmitterAdjective(ts[k].low) {
			return false
		}
	}
	return true
}
