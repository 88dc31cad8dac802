package extract

import (
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// sharedHeads reads coordination that shares a head ("cocaine and
// cannabis use disorders", "alcohol or opioid dependence", "cocaine and
// heroin self-administration"): the first
// conjunct names the disorder (or outcome) with the second's head, not the
// bare substance. The new mention spans the first conjunct as written.
func (rc *recogniser) sharedHeads(idx int, text string, ts []token, tags []string, out []Mention) []Mention {
	for _, m := range slices.Clone(out) {
		if m.last-m.first < 2 || m.first < 2 || !substanceHead[compoundStem(ts, m.first+1, m.last)] ||
			m.Category != graph.CategoryDisorder && m.Category != graph.CategoryOutcome {
			continue
		}
		conj, a := m.first-1, m.first-2
		if (ts[conj].low != "and" && ts[conj].low != "or") || ts[conj].punctBefore != "" || ts[m.first].punctBefore != "" ||
			ts[a].hyphenated || len(tags) == len(ts) && !(tags[a] == "" || tags[a] == "NN" || tags[a] == "NNP" || tags[a] == "JJ") {
			continue
		}
		// The first conjunct is a bare substance: a one-word drug
		// mention, or a noun no mention took.
		at := -1
		for i, d := range out {
			if d.first <= a && d.last > a {
				at = i
			}
		}
		if at >= 0 && (out[at].first != a || out[at].last != a+1 || out[at].Category != graph.CategoryDrug) {
			continue
		}
		words := append([]token{ts[a]}, ts[m.first+1:m.last]...)
		id := ProposedPrefix + slug(words)
		if _, ok := rc.names[id]; !ok {
			rc.names[id] = ts[a].raw + " " + text[ts[m.first+1].start:ts[m.last-1].end]
		}
		nm := Mention{Sentence: idx, ID: id, Category: m.Category, Surface: ts[a].raw, Start: ts[a].start, End: ts[a].end,
			Proposed: true, Pattern: "shared head of a coordination", first: a, last: a + 1}
		if at >= 0 {
			out[at] = nm
		} else {
			out = append(out, nm)
		}
	}
	return out
}

// compoundStem is the hyphen-joined stems of the compound that opens at
// token i, before end ("self-administration", "use").
func compoundStem(ts []token, i, end int) string {
	s := ts[i].stem
	for k := i + 1; k < end && ts[k].hyphenated; k++ {
		s += "-" + ts[k].stem
	}
	return s
}

// elidedHeads reads a coordination whose earlier conjuncts leave out the
// head the last one writes: "kappa- and delta-opioid receptors", "cue-,
// drug- and stress-induced reinstatement" (a hyphen marks the ellipsis),
// and "mu and kappa receptors", "aversive and sedative effects" (no
// hyphen: nouns or adjectives, no quantity or judgement). A rebuilt name
// no vocabulary knows must be written out somewhere in the review
// ("cue-induced reinstatement", "aversive effects" in another sentence),
// so that an ordinary noun list, "craving and opioid withdrawal", stays
// two nouns.
// Each earlier conjunct names the last one's entity with its own first
// word: a mention spanning that word as written, as sharedHeads makes.
func (rc *recogniser) elidedHeads(idx int, text string, ts []token, tags []string, out []Mention) []Mention {
	covered := make([]bool, len(ts))
	single := map[int]int{} // token -> the one-word mention on it
	for n, m := range out {
		for k := m.first; k < m.last; k++ {
			covered[k] = true
		}
		if m.last-m.first == 1 {
			single[m.first] = n
		}
	}
	var add []Mention
	drop := map[int]bool{}
	for _, m := range out {
		if m.last-m.first < 2 || m.first < 2 || ts[m.first].punctBefore != "" || ts[m.first].hyphenated {
			continue
		}
		conj := m.first - 1
		if ts[conj].low != "and" && ts[conj].low != "or" {
			continue
		}
		hyphen := ts[conj].punctBefore == "-" && ts[m.first+1].hyphenated
		if !hyphen && ts[conj].punctBefore != "" {
			continue
		}
		for a := conj - 1; a >= 0; a-- {
			// A hyphen says the word is a modifier: a one-word mention
			// on it ("cocaine- and stress-induced") gives way.
			n, one := single[a]
			if covered[a] && !(hyphen && one) || ts[a].hyphenated || len(tags) == len(ts) && !hyphen && !(elidable(tags[a]) && elidable(tags[m.first])) ||
				!hyphen && (leadingNoise[ts[a].low] || stopwords[ts[a].low]) {
				break
			}
			words := append([]token{ts[a]}, ts[m.first+1:m.last]...)
			id, name := "", ts[a].raw+"-"+text[ts[m.first+1].start:ts[m.last-1].end]
			if !hyphen {
				name = ts[a].raw + " " + text[ts[m.first+1].start:ts[m.last-1].end]
			}
			if rc.ix != nil {
				if e, ok := rc.ix.lookup(words, 0, len(words)); ok {
					id = e.id
					if id == "" {
						id = ProposedPrefix + slug(tokenize(e.name))
					}
					if e.name != "" {
						name = e.name
					}
				}
			}
			// A name no vocabulary knows is taken only when the review
			// writes it out elsewhere: a guess at an unchecked name
			// ("context-induced ...") is no entity.
			if id == "" && !strings.Contains(rc.prose, strings.TrimSuffix(strings.ToLower(name), "s")) {
				break
			}
			if id == "" {
				id = ProposedPrefix + slug(words)
			}
			if _, ok := rc.names[id]; !ok {
				rc.names[id] = name
			}
			if covered[a] {
				drop[n] = true
			}
			add = append(add, Mention{Sentence: idx, ID: id, Category: m.Category, Surface: ts[a].raw, Start: ts[a].start, End: ts[a].end,
				Proposed: strings.HasPrefix(id, ProposedPrefix), Pattern: "elided head of a coordination", first: a, last: a + 1})
			// "cue-, drug- and": a comma before the conjunct (after its
			// hyphen, when the list has them) continues the list.
			more := "-,"
			if !hyphen {
				more = ","
			}
			if ts[a].punctBefore != more {
				break
			}
		}
	}
	kept := out[:0:0]
	for n, m := range out {
		if !drop[n] {
			kept = append(kept, m)
		}
	}
	return append(kept, add...)
}

// elidable: a word that can stand for a modifier whose head is left out
// ("mu", "serotonin", "dopaminergic"): a noun or adjective.
func elidable(tag string) bool {
	return tag == "" || strings.HasPrefix(tag, "NN") || tag == "JJ"
}
