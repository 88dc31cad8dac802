// Claim ends: rules that make a noun phrase's entity come out with the
// span a reader gives it, so that the claim it ends joins the right node.

package extract

import (
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// actsOnNamedTarget: [i, j) is a drug class named by what it does to a
// target ("selective OX1R antagonists", "a partial 5-HT1A agonist"), not
// a vocabulary term whose name keeps the manner word ("selective
// serotonin reuptake inhibitors"): how the class acts is then no part of
// its name, as it is no part of a molecule's.
func actsOnNamedTarget(ix *resourceIndex, ts []token, i, j int) bool {
	if j-i < 3 || !pharmRoles[ts[j-1].stem] || ts[j-1].hyphenated {
		return false
	}
	_, named := ix.lookup(ts, i, j)
	return !named
}

// roleAtTarget: the role noun at e is followed by the target it acts on
// ("a partial agonist at serotonin 2A receptors", "an antagonist of the
// kappa receptor"): "X is a partial agonist at T" defines X as a drug,
// as "X is a plant extract" does; a role with no target ("X is an
// antagonist") may be said of a receptor's ligand of any kind.
func roleAtTarget(ts []token, e int) bool {
	return e+2 < len(ts) && ts[e+1].punctBefore == "" && (ts[e+1].low == "at" || ts[e+1].low == "of")
}

// cellParts are the parts of a neuron a review counts or measures
// ("dendritic spines", "spine density"): like a molecule, where the part
// sits ("prefrontal spine density") is no part of its name.
var cellParts = setOf("spine", "dendrite", "synapse", "axon")

// hasCellPart: a word of [i, j) names a part of a neuron.
func hasCellPart(ts []token, i, j int) bool {
	for k := i; k < j; k++ {
		if cellParts[ts[k].stem] {
			return true
		}
	}
	return false
}

// transmitterAdjective: a word naming the transmitter system an activity
// runs on ("noradrenergic", "dopaminergic", "GABAergic"): "noradrenergic
// hyperactivity in the locus coeruleus" names an activity of its own, as
// "GABA-B receptor activation in the amygdala" does, not only the place.
func transmitterAdjective(w string) bool {
	return len(w) > 8 && strings.HasSuffix(w, "ergic")
}

// gerundOpens: the phrase at k opens with a verb's -ing form that heads no
// entity ("without affecting drinking"): after "with"/"without" it says
// how something was done, not who a population is ("rats without
// affecting drinking" are rats); "with drinking problems" still defines.
func gerundOpens(ts []token, tags []string, k int) bool {
	return k < len(ts) && k < len(tags) && tags[k] == "VBG" && headCategory(ts[k].stem) == "" && !ts[k].hyphenated
}

// releaseForm: the phrase [i, j) opens with a release form whose first
// part is also an opener of no meaning ("sustained-release
// dexamphetamine"): the compound is one modifier, the drug's formulation,
// and is not cut at its hyphen ("release dexamphetamine").
func releaseForm(ts []token, i, j int) bool {
	return i+2 < j && ts[i+1].hyphenated && !ts[i+2].hyphenated && (ts[i+1].low == "release" || ts[i+1].low == "acting")
}

// timeUnits count a duration.
var timeUnits = setOf("day", "week", "month", "year", "hour", "minute")

// countedTime: [i, j) is a number or range of a time unit ("2-4 days",
// "12 weeks"): a duration, a claim's time point, no entity; "drinking
// days" and "abstinent days" still name a measure.
func countedTime(ts []token, i, j int) bool {
	if j-i < 2 || !timeUnits[ts[j-1].stem] {
		return false
	}
	for k := i; k < j-1; k++ {
		if !isDigits(ts[k].low) && !cardinals[ts[k].low] {
			return false
		}
	}
	return true
}

// afterWho: token k follows "who" directly. "Who" asks or relates a
// person and is followed by the clause's verb (or an adverb), never by a
// noun phrase, so a word there that the tagger took for a noun ("people
// who use/NN cannabis") opens no entity ("use cannabis").
func afterWho(ts []token, k int) bool {
	return k > 0 && ts[k-1].low == "who" && ts[k].punctBefore == "" && !ts[k].hyphenated
}

// headAsVerb: token k is a head noun the tagger read as a verb ("worsens
// sleep/VBP"), which the chunker reads as a noun: a plural verb form
// before it is the verb of the clause ("in turn worsens sleep" names
// sleep, not "turn worsens sleep").
func headAsVerb(ts []token, tags []string, k int) bool {
	return (tags[k] == "VB" || tags[k] == "VBP") && headCategory(ts[k].stem) != "" && !genericHeads[ts[k].stem]
}

// isoformA: token k is a capital "A" hyphen-joined to the word before
// ("GABA-A receptor", "Orexin-A"): a subtype's letter, part of the name,
// not the article "a" that opens a phrase.
func isoformA(ts []token, k int) bool {
	return k > 0 && ts[k].hyphenated && ts[k].raw == "A"
}

// kindParticiple: token k is a cue verb's past participle that the tagger
// read as an adjective, after a verb (or a cue the tagger took for a
// noun), preposition or article and before a
// noun phrase whose head is a symptom or disorder ("can cause
// precipitated/JJ withdrawal", "complicated by precipitated withdrawal"):
// it names a kind of the harm, which keeps it ("precipitated withdrawal"
// is not any withdrawal). After a noun it is the clause's verb ("naloxone
// precipitated/VBD withdrawal").
func kindParticiple(ts []token, tags []string, k int) bool {
	if k == 0 || tags[k] != "JJ" && tags[k] != "VBN" && tags[k] != "VBD" || !strings.HasSuffix(ts[k].low, "ed") || ts[k].hyphenated || ts[k].punctBefore != "" {
		return false
	}
	if p := tags[k-1]; !strings.HasPrefix(p, "VB") && p != "MD" && p != "IN" && p != "DT" && !cueVerb(ts[k-1].low) {
		return false
	}
	for e := k + 1; e < len(ts) && e <= k+3 && ts[e].punctBefore == ""; e++ {
		if !strings.HasPrefix(tags[e], "NN") && tags[e] != "JJ" {
			return false
		}
		if c := headCategory(ts[e].stem); c == graph.CategorySymptom || c == graph.CategoryDisorder {
			return true
		}
	}
	return false
}
