// The review name table's helpers (substances.go): letter variants of a
// natural product, the table's guards, and two span rules of molecular
// names that the table's figures were measured with.

package extract

import (
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

func stemKeyOf(ts []token, i, j int) string {
	var b strings.Builder
	for k := i; k < j; k++ {
		if k > i {
			b.WriteByte(' ')
		}
		b.WriteString(ts[k].stem)
	}
	return b.String()
}

// letterVariant: tokens k, k+1 are a chemical word and a capital letter
// ("salvinorin B") and some letter variant of the word is a known name
// (the dictionary's or the review's): the pair is a name, with the
// chemical group words before it ("Ethoxymethyl ether", "Mesyl"). It
// returns the name's first token and the dictionary's entry of this very
// variant, if any.
func letterVariant(ix *resourceIndex, names map[string]resEntry, ts []token, k int) (int, resEntry, bool) {
	l := ts[k+1]
	if len(l.raw) != 1 || l.raw[0] < 'A' || l.raw[0] > 'H' || l.punctBefore != "" || l.hyphenated || !chemicalShape(ts[k].low) {
		return 0, resEntry{}, false
	}
	self, selfOK := ix.forms[ts[k].stem+" "+l.low]
	var known resEntry
	ok := selfOK
	if selfOK {
		known = self
	}
	for c := 'a'; c <= 'h' && !ok; c++ {
		key := ts[k].stem + " " + string(c)
		if e, found := ix.forms[key]; found && e.cat == graph.CategoryDrug {
			known, ok = e, true
		} else if e, found := names[key]; found {
			known, ok = e, true
		}
	}
	if !ok || known.cat != graph.CategoryDrug {
		return 0, resEntry{}, false
	}
	i := k
	for i > 0 && ts[i].punctBefore == "" && !ts[i].hyphenated && (chemicalGroups[ts[i-1].low] || strings.HasSuffix(ts[i-1].low, "yl") && len(ts[i-1].low) >= 5) {
		i--
	}
	return i, self, true
}

// reviewSubstances returns the index with the review's own substance
// names read after the embedded ones (a copy: the shared index is never
// written), and makes each name a form of the recogniser, so that it is
// found at every mention, wherever the tagger puts it.
func (rc *recogniser) reviewSubstances(ix *resourceIndex, sents []Sentence, tags [][]string) *resourceIndex {
	texts := make([]string, len(sents))
	for i, s := range sents {
		texts[i] = s.Text
	}
	names, order := reviewNames(ix, texts, tags)
	if len(names) == 0 {
		return ix
	}
	cp := *ix
	cp.review = names
	for _, surface := range order {
		id := ProposedPrefix + slug(tokenize(surface))
		if e := names[joinKey(surface)]; e.id != "" {
			id = e.id
		}
		if _, ok := rc.names[id]; !ok {
			rc.names[id] = surface
		}
		rc.reviewName[id] = true
		rc.addAlias(surface, id, graph.CategoryDrug)
	}
	return &cp
}

// nounTagged: the tagger reads token k as a noun, an adjective or a
// foreign word (a name it does not know), or did not tag it; never a
// verb or an adverb ("remain", "worldwide").
func nounTagged(tags []string, k int) bool {
	if tags == nil || k >= len(tags) {
		return true
	}
	t := tags[k]
	return t == "" || strings.HasPrefix(t, "NN") || t == "JJ" || t == "FW" || t == "CD"
}

// coveredByForm: a longer dictionary form spans tokens [i, j) with words
// on either side.
func coveredByForm(ix *resourceIndex, ts []token, i, j int) bool {
	for a := max(0, i-3); a <= i; a++ {
		for b := j; b <= min(len(ts), j+3); b++ {
			if a == i && b == j || b-a > ix.maxWords {
				continue
			}
			if _, ok := ix.lookup(ts, a, b); ok {
				return true
			}
		}
	}
	return false
}

// metaboliteOfListed: w is a metabolite prefix on a drug the dictionary
// lists ("noribogaine"), which chemicalName reads.
func metaboliteOfListed(ix *resourceIndex, w string) bool {
	for _, p := range metabolitePrefixes {
		rest := strings.TrimPrefix(w, p)
		if rest == w || len(rest) < 5 {
			continue
		}
		key, _ := stemKey(rest)
		if e, ok := ix.forms[key]; ok && e.cat == graph.CategoryDrug {
			return true
		}
	}
	return false
}

// agentOfNominal: a follows "by" right after another argument ("receptor
// occupancy by psilocin predicted ..."): it is the agent of that noun,
// inside the subject's phrase, and not the subject of the verb after.
func agentOfNominal(ts []token, args []Mention, a Mention) bool {
	if a.first < 2 || ts[a.first-1].low != "by" || ts[a.first].punctBefore != "" || ts[a.first-1].punctBefore != "" {
		return false
	}
	for _, o := range args {
		if o.last == a.first-1 {
			return true
		}
	}
	return false
}

// isoformFamilies are protein families whose members are numbered after
// the family's name ("beta-arrestin 2", "synaptic vesicle glycoprotein
// 2"), as molecularHeads' are.
var isoformFamilies = setOf("arrestin", "protein", "glycoprotein", "subunit", "isoform")

func joinKey(surface string) string {
	k, _ := stemKey(surface)
	return k
}

// bracketedMolecules: a molecule's name with its short form in brackets
// before the head noun ("serotonin 2A (5-HT2A) receptor", "N-methyl-D-
// aspartate (NMDA) receptor") is one Mechanism, named by the short form
// and the head ("5-HT2A receptor"), so the review's later "5-HT2A
// receptors" are the same entity. How it is acted on ("non-competitive")
// is not part of the name.
func (rc *recogniser) bracketedMolecules(idx int, text string, ts []token, out []Mention) []Mention {
	for h := 2; h < len(ts); h++ {
		if !molecularHeads[ts[h].stem] || !strings.HasPrefix(ts[h].punctBefore, ")") || ts[h].hyphenated {
			continue
		}
		p := h - 1
		for p > 0 && (ts[p].punctBefore == "" || ts[p].hyphenated) {
			p--
		}
		if !strings.HasSuffix(ts[p].punctBefore, "(") || h-p > 4 || p == 0 {
			continue
		}
		short := text[ts[p].start:ts[h-1].end]
		if strings.ToLower(short) == short {
			continue // "(mostly) receptors": no name in the brackets
		}
		// The words before the bracket, by written word (hyphen-joined
		// tokens are one), back to punctuation or a non-name word.
		s := p
		for n := 0; n < 3 && s > 0; n++ {
			w := s - 1
			for w > 0 && ts[w].hyphenated {
				w--
			}
			if s < p && ts[s].punctBefore != "" || s == p && ts[p-1].punctBefore != "" && !ts[p-1].hyphenated && w == p-1 {
				break
			}
			word := joinStems(text[ts[w].start:ts[s-1].end])
			if stopwords[ts[w].low] || leadingNoise[ts[w].low] || molecularManner[word] || siteAdjectives[word] || cueVerb(ts[w].low) {
				break
			}
			s = w
			if ts[w].punctBefore != "" && !ts[w].hyphenated {
				break
			}
		}
		if s == p {
			continue
		}
		id := ProposedPrefix + slug(append(append([]token{}, ts[p:h]...), ts[h]))
		if _, ok := rc.names[id]; !ok {
			rc.names[id] = short + " " + ts[h].stem
		}
		out = slices.DeleteFunc(out, func(m Mention) bool { return m.first < h+1 && m.last > s })
		out = append(out, Mention{Sentence: idx, ID: id, Category: graph.CategoryMechanism, Surface: text[ts[s].start:ts[h].end],
			Start: ts[s].start, End: ts[h].end, Proposed: true, Pattern: "molecule with its short form", first: s, last: h + 1})
	}
	return out
}

// moleculeLetter: token k is a capital letter written as a word right
// before "protein" ("G protein", "G proteins"): part of the molecule's
// name, where a lower-case "g" is the rest of "e.g.".
func moleculeLetter(ts []token, k int) bool {
	return len(ts[k].raw) == 1 && ts[k].raw[0] >= 'A' && ts[k].raw[0] <= 'Z' && k+1 < len(ts) && ts[k+1].punctBefore == "" &&
		!ts[k+1].hyphenated && ts[k+1].stem == "protein"
}
