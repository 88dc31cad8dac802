package extract

import (
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// substanceKinds are nouns a review defines a substance by ("Ayahuasca,
// a psychoactive brew ...", "X is a plant extract", "Peyote, a small
// cactus": a psychoactive plant is taken as the drug), beside the drug
// head nouns and the kinds of drug (kindNouns). General English of
// pharmacy, not any review's terms.
var substanceKinds = setOf("brew", "decoction", "tea", "extract", "preparation", "infusion", "tincture", "resin",
	"cactus", "mushroom", "shrub", "vine", "herb", "plant")

// definedSubstances finds a name the sentence defines as a substance by
// an appositive or a copula right after it, "X, a/an [modifiers] K" or
// "X is a/an [modifiers] K", where K is a drug head noun or a kind of
// substance and X is one word no other rule named: the review's own
// definition says what X is, so X is a drug from here on.
func definedSubstances(ts []token, tags []string, taken []bool) []proposal {
	var out []proposal
	for x := 0; x+3 < len(ts); x++ {
		if taken[x] || x > 0 && !strings.ContainsAny(ts[x].punctBefore, ",;:(") || ts[x].hyphenated || x+1 < len(ts) && ts[x+1].hyphenated {
			continue
		}
		w := ts[x].low
		if len(w) < 4 || stopwords[w] || leadingNoise[w] || verbsNotNouns[ts[x].stem] || headCategory(ts[x].stem) != "" || isDigits(w) ||
			len(tags) == len(ts) && !strings.HasPrefix(tags[x], "NN") && tags[x] != "JJ" && tags[x] != "" {
			continue
		}
		k := x + 1
		switch {
		case strings.Contains(ts[k].punctBefore, ",") && (ts[k].low == "a" || ts[k].low == "an"):
		case ts[k].punctBefore == "" && (ts[k].low == "is" || ts[k].low == "was") && k+1 < len(ts) && (ts[k+1].low == "a" || ts[k+1].low == "an"):
			k++
		default:
			continue
		}
		// The kind noun ends the indefinite phrase, within four words.
		for e := k + 1; e < len(ts) && e <= k+4; e++ {
			if e > k+1 && ts[e].punctBefore != "" && !ts[e].hyphenated {
				break
			}
			kind := ts[e].stem
			if (headCategory(kind) == graph.CategoryDrug || kindNouns[kind] || substanceKinds[kind]) && (!pharmRoles[kind] || roleAtTarget(ts, e)) &&
				(e+1 == len(ts) || ts[e+1].punctBefore != "" || !strings.HasPrefix(tagAt(tags, e+1), "NN")) {
				out = append(out, proposal{x, x + 1, graph.CategoryDrug, "defined as a substance"})
				break
			}
		}
	}
	return out
}

func tagAt(tags []string, k int) string {
	if k < len(tags) {
		return tags[k]
	}
	return ""
}

// acronymRule names the reading of an undefined acronym as a subject.
const acronymRule = "acronym as a subject"

// acronymSubjects finds an acronym the review never defines used as a
// clause's subject ("rTMS uses magnetic fields", "DBS is invasive",
// "tDCS reduced craving"): it names something that acts, an intervention,
// and it is that for the rest of the review.
func acronymSubjects(ts []token, tags []string, taken []bool) []proposal {
	var out []proposal
	for k := 0; k+1 < len(ts); k++ {
		r := ts[k].raw
		if taken[k] || len(r) < 3 || !isAcronym(r) || strings.ContainsAny(r, "0123456789") || ts[k].hyphenated || ts[k+1].hyphenated ||
			k > 0 && !strings.ContainsAny(ts[k].punctBefore, ",;:") {
			continue
		}
		next := tagAt(tags, k+1)
		if ts[k+1].punctBefore == "" && (next == "VBZ" || next == "VBD" || next == "MD" || cueVerb(ts[k+1].low)) {
			out = append(out, proposal{k, k + 1, graph.CategoryTherapy, acronymRule})
		}
	}
	return out
}
