// Lists and the words around them: codes sharing a head, substance use
// disorders, release codes, fronted phrases and change nouns in lists.

package extract

import (
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// molecularLists reads a list of subtype codes that shares one molecular
// head ("5-HT1A, 5-HT2A and 5-HT1B receptors", "AMPA and kainate
// receptors", "mu- and kappa-opioid receptors" aside): each earlier code
// names its own receptor, channel or transporter, written without the
// head. A conjunct is taken only when it is written as a name (a digit or
// an acronym: codeName or all capitals), so an ordinary noun list ("dopamine
// release and D2 receptors") is left to the chunker.
func (rc *recogniser) molecularLists(idx int, text string, ts []token, out []Mention) []Mention {
	covered := make([]bool, len(ts))
	for _, m := range out {
		for k := m.first; k < m.last; k++ {
			covered[k] = true
		}
	}
	var add []Mention
	for _, m := range out {
		if m.Category != graph.CategoryMechanism || m.last-m.first < 2 || !molecularHeads[ts[m.last-1].stem] || m.first < 2 {
			continue
		}
		head := ts[m.last-1]
		j := m.first - 1 // the conjunction before the last conjunct
		if (ts[j].low != "and" && ts[j].low != "or") || ts[m.first].punctBefore != "" {
			continue
		}
		for n := 0; n < 6 && j > 0; n++ {
			i := j - 1
			for i > 0 && ts[i].hyphenated {
				i-- // "5-HT1A" is one name in several tokens
			}
			if !listedCode(ts[i:j]) || covered[i] || covered[j-1] {
				break
			}
			words := append(append([]token{}, ts[i:j]...), head)
			id := ProposedPrefix + slug(words)
			if _, ok := rc.names[id]; !ok {
				rc.names[id] = text[ts[i].start:ts[j-1].end] + " " + head.low
			}
			add = append(add, Mention{Sentence: idx, ID: id, Category: graph.CategoryMechanism, Surface: text[ts[i].start:ts[j-1].end],
				Start: ts[i].start, End: ts[j-1].end, Proposed: true, Pattern: "code listed before a shared head", first: i, last: j})
			if ts[i].punctBefore != "," || i == 0 {
				break // a comma before the conjunct continues the list
			}
			j = i
		}
	}
	return append(out, add...)
}

// listedCode: the tokens are written as a molecular name: one with a digit
// and a capital ("5-HT1A", "D2") or an acronym ("AMPA", "NMDA").
func listedCode(ts []token) bool {
	w := ""
	for _, t := range ts {
		w += t.raw
	}
	if len(w) < 2 {
		return false
	}
	if codeName(w) {
		return true
	}
	return strings.ToUpper(w) == w && strings.ToLower(w) != w && !strings.ContainsAny(w, "0123456789") && len(w) >= 3
}

// substanceUseDisorders reads "<substance> use disorder" where the
// substance was named on its own first ("opioid" from the drug resource,
// "use" and "disorder" left): the three words name the disorder, as the
// "X use disorder" pattern does for a substance no list knows.
func (rc *recogniser) substanceUseDisorders(idx int, text string, ts []token, out []Mention) []Mention {
	covered := make([]bool, len(ts))
	for _, m := range out {
		for k := m.first; k < m.last; k++ {
			covered[k] = true
		}
	}
	for n, m := range out {
		k := m.last
		if m.Category != graph.CategoryDrug || k+1 >= len(ts) || covered[k] || covered[k+1] ||
			ts[k].stem != "use" || ts[k+1].stem != "disorder" || ts[k].punctBefore != "" || ts[k+1].punctBefore != "" {
			continue
		}
		id := ProposedPrefix + slug(ts[m.first:k+2])
		surface := text[ts[m.first].start:ts[k+1].end]
		if _, ok := rc.names[id]; !ok {
			rc.names[id] = surface
		}
		covered[k], covered[k+1] = true, true
		out[n] = Mention{Sentence: idx, ID: id, Category: graph.CategoryDisorder, Surface: surface, Start: m.Start, End: ts[k+1].end,
			Proposed: true, Pattern: "X use disorder", first: m.first, last: k + 2}
		rc.addAlias(surface, id, graph.CategoryDisorder)
	}
	return out
}

// frontedPhrase: token k ends a phrase a preposition opens the sentence
// with, the first comma closing it ("In a trial in Russia, X reduced Y"):
// an adverbial before the subject, not the first item of a list.
func frontedPhrase(ts []token, k int) bool {
	if k+1 >= len(ts) || !governors[ts[0].low] || !strings.Contains(ts[k+1].punctBefore, ",") {
		return false
	}
	for x := 1; x <= k; x++ {
		if strings.ContainsAny(ts[x].punctBefore, ",;:") {
			return false
		}
	}
	return true
}

// releaseCodes are the release-mechanism abbreviations drug labels join to
// a name ("XR-naltrexone", "ER", "SR", "CR", "IR", "XL", "LA", "DR").
var releaseCodes = setOf("xr", "er", "sr", "cr", "ir", "xl", "la", "dr", "lai")

// listedChange: the cue is a change noun that is an item of a list
// ("anxiety, headache and increases in blood pressure"): the item before
// it is a sibling in the list, not the subject of the change.
func listedChange(ts []token, c cueHit) bool {
	if c.i < 1 || c.j >= len(ts) || (ts[c.j].low != "in" && ts[c.j].low != "of") || !strings.HasSuffix(ts[c.j-1].low, "s") {
		return false
	}
	return ts[c.i-1].low == "and" || ts[c.i-1].low == "or" || strings.Contains(ts[c.i].punctBefore, ",")
}

// subjectChange: a plural change noun ending the subject ("transient
// blood pressure increases and anxiety are common"): a plural "are" or
// "were" follows it, alone or after a coordinated noun, so it is no verb.
func subjectChange(ts []token, c cueHit) bool {
	if c.j-c.i != 1 || !strings.HasSuffix(ts[c.i].low, "es") || c.j >= len(ts) {
		return false
	}
	for k := c.j; k < len(ts) && k <= c.j+3; k++ {
		if k > c.j && ts[k].punctBefore != "" {
			return false
		}
		if ts[k].low == "are" || ts[k].low == "were" {
			return k == c.j || ts[c.j].low == "and" || ts[c.j].low == "or"
		}
	}
	return false
}
