// Substances the drug dictionary lacks, named by the review itself: a
// research compound, a metabolite, a plant source. Every review names
// some (the compounds of its preclinical studies, a drug's metabolites),
// and no dictionary can list them all; what a review always gives is the
// context that says what the word is ("its metabolite X", "X, a partial
// agonist", "antagonists such as X and Y", "X (Genus species)") and a
// chemist's spelling ("7-hydroxy...", "U50,488"). A name read once is a
// name everywhere in the review, before and after the sentence that
// defined it: one name table per review.

package extract

import (
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// chemicalSuffixes end the names chemists give alkaloids, amines, amides,
// alcohols, ketones, salts and peptides ("mitragynine", "psilocin",
// "naloxone", "noribogaine"). Too many English words end so ("medicine",
// "protein") for the ending alone to make a drug: a context must say so.
var chemicalSuffixes = []string{"ine", "ide", "ol", "one", "ate", "in", "ane", "ene", "yl", "ium", "ole", "an", "il", "am"}

// chemicalPrefixes open a derivative's name after a locant ("7-hydroxy",
// "N-methyl", "4-fluoro", "5-methoxy").
var chemicalPrefixes = []string{"hydroxy", "methoxy", "ethoxy", "methyl", "ethyl", "propyl", "chloro", "fluoro", "bromo",
	"iodo", "amino", "acetyl", "nor", "des", "dihydro", "tetrahydro", "deoxy", "oxo", "carboxy", "dimethyl", "trimethyl"}

// chemicalGroups are separate words of a derivative's name before the
// parent ("ethoxymethyl ether", "acetyl ester"): a group ("-yl") or a
// functional class.
var chemicalGroups = setOf("ether", "ester", "amide", "salt", "hydrochloride", "sulfate", "sulphate", "tartrate", "citrate")

// metabolismVerbs turn one substance into another ("converted into X",
// "dephosphorylated to X"): what they yield is a substance.
var metabolismVerbs = setOf("converted", "metabolised", "metabolized", "dephosphorylated", "demethylated", "hydrolysed",
	"hydrolyzed", "oxidised", "oxidized", "biotransformed", "transformed")

// bindingVerbs are what a ligand does to its target: a chemical name
// followed by ", which binds" is a substance.
var bindingVerbs = setOf("bind", "activate", "block", "antagonize", "antagonise", "inhibit")

// listOpeners introduce the members of a class ("antagonists such as").
var listOpeners = [][]string{{"such", "as"}, {"including"}, {"namely"}, {"like"}}

// suffixWords are common English words with a chemical ending, which no
// context makes a substance.
var suffixWords = setOf("medicine", "routine", "baseline", "decline", "online", "guideline", "discipline", "machine",
	"engine", "determine", "examine", "combine", "define", "imagine", "outline", "protein", "within", "domain", "remain",
	"retain", "obtain", "maintain", "contain", "sustain", "certain", "worldwide", "nationwide", "provide", "divide",
	"decide", "outside", "inside", "beside", "control", "protocol", "someone", "everyone", "anyone", "estimate", "climate",
	"moderate", "separate", "adequate", "ultimate", "accurate", "candidate", "immediate", "intermediate", "appropriate",
	"doctrine", "feminine", "masculine", "genuine", "origin", "margin", "bulletin", "cabin", "curtain", "mountain",
	"fountain", "captain", "villain", "plain", "explain", "terrain", "bargain", "urban", "human", "woman", "german",
	"pilgrim", "program", "diagram", "problem", "system", "daily", "until", "council", "pencil", "stencil", "fossil")

func chemicalShape(w string) bool {
	if len(w) < 6 || !isLetters(w) || suffixWords[w] {
		return false
	}
	for _, s := range chemicalSuffixes {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

func isLetters(w string) bool {
	for _, r := range w {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return w != ""
}

// devCode: a compound's development code, letters and digits ("U50",
// "LY2456302") or capitals mixed with lower case inside the word
// ("JDTic", more capitals than lower case, so not "McKenna"): no English
// word is written so. A lower-case letter with digits is a gene or a
// receptor ("mGluR5"), not a compound.
func devCode(raw string) bool {
	if len(raw) < 3 || raw[0] < 'A' || raw[0] > 'Z' {
		return false
	}
	digits, upper, lower := 0, 0, 0
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c >= 'a' && c <= 'z':
			lower++
		case c >= 'A' && c <= 'Z':
			upper++
		default:
			return false
		}
	}
	return digits > 0 && digits < 8 && lower == 0 || digits == 0 && lower > 0 && upper >= 2 && upper >= lower && len(raw) >= 4
}

// substanceClass: the word names a class or kind of substance, which a
// name after it is a member of ("the alkaloid X", "agonists such as X").
func substanceClass(t token) bool {
	s := t.stem
	return drugClassNouns[s] || pharmRoles[s] || kindNouns[s] || headCategory(s) == graph.CategoryDrug && !stopwords[t.low] ||
		plantNouns[s]
}

// plantNouns name a plant source ("the plant X", "X is a tree whose
// leaves").
var plantNouns = setOf("plant", "tree", "shrub", "herb", "vine", "cactus", "mushroom", "fungus", "leaf")

// nameSpan returns the end of a substance name starting at token i, or
// i when none starts there: one word of chemical or code shape, with a
// prefix joined by a hyphen ("nor-binaltorphimine", "7-hydroxy..."), a
// code's comma part ("U50,488"), and a variant letter ("salvinorin A").
// loose also takes a plain word (the context alone says it is a name).
func nameSpan(text string, ts []token, i int, loose bool) int {
	if i >= len(ts) || ts[i].hyphenated && i > 0 {
		return i
	}
	j := i
	for j+1 < len(ts) && ts[j+1].hyphenated && ts[j+1].punctBefore == "-" && j-i < 2 {
		j++
	}
	last := ts[j]
	w := last.low
	if stopwords[w] || leadingNoise[w] || headCategory(last.stem) != "" || molecularHeads[last.stem] || verbsNotNouns[last.stem] || cueVerb(w) {
		return i
	}
	code := j == i && devCode(last.raw)
	if !code && !chemicalShape(w) && !(loose && isLetters(w) && len(w) >= 4 && last.raw[1:] == w[1:]) {
		return i
	}
	if !code && strings.ToUpper(last.raw) == last.raw {
		return i // an acronym: the abbreviation rules read it
	}
	e := j + 1
	if end := ts[j].end; end < len(text) && (text[end] == '-' || text[end] == '(') {
		return i // "exendin-(9-39)": the name goes on in a form this reading cannot span
	}
	if code && e < len(ts) && ts[e].punctBefore == "," && ts[e].start == ts[j].end+1 && isDigits(ts[e].low) {
		e++ // "U50,488": a code's comma has no space after it
	}
	if e < len(ts) && len(ts[e].raw) == 1 && ts[e].raw[0] >= 'A' && ts[e].raw[0] <= 'Z' && ts[e].punctBefore == "" && !code && ts[e].raw != "I" {
		e++ // "salvinorin A": the letter of a natural product's variant
	}
	return e
}

// locantName: token i opens a derivative's name with a locant and a
// chemical prefix ("7-hydroxymitragynine", "N-methyl..."), which only
// chemicals are named with.
func locantName(ts []token, i int) bool {
	if i+1 >= len(ts) || !ts[i+1].hyphenated || ts[i+1].punctBefore != "-" || ts[i].hyphenated {
		return false
	}
	if !(isDigits(ts[i].low) && len(ts[i].low) <= 2 || ts[i].raw == "N" || ts[i].raw == "O") {
		return false
	}
	w := ts[i+1].low
	for _, p := range chemicalPrefixes {
		if strings.HasPrefix(w, p) && len(w) > len(p)+4 && chemicalShape(w) {
			return true
		}
	}
	return false
}

// reviewSubstance is one name found by its context.
type reviewSubstance struct{ i, j int }

// definedNames finds the substance names one sentence defines.
func definedNames(text string, ts []token, tags []string) []reviewSubstance {
	var out []reviewSubstance
	add := func(i, j int) {
		last := j - 1
		if last > i && len(ts[last].raw) == 1 {
			last-- // a variant's letter, tagged as an article
		}
		if j > i && nounTagged(tags, last) {
			out = append(out, reviewSubstance{i, j})
		}
	}
	for k := 0; k < len(ts); k++ {
		if locantName(ts, k) {
			add(k, k+2)
			continue
		}
		// "its metabolite X", "the alkaloid, X", "the antagonist JDTic"
		if k > 0 && substanceClass(ts[k-1]) && ts[k-1].raw == ts[k-1].low && (ts[k].punctBefore == "" || ts[k].punctBefore == ",") && !ts[k].hyphenated {
			e := nameSpan(text, ts, k, false)
			add(k, e)
			// "the agonists X and Y": a plural class names a list.
			if e > k && ts[k-1].low != ts[k-1].stem && e+1 < len(ts) && ts[e].low == "and" && ts[e].punctBefore == "" {
				add(e+1, nameSpan(text, ts, e+1, false))
			}
		}
		// "X (Genus species)": a plant source with its botanical name.
		if k+2 < len(ts) && ts[k+1].punctBefore == "(" && binomial(ts, k+1) && strings.HasPrefix(ts[k+3].punctBefore, ")") {
			add(k, nameSpan(text, ts, k, true))
		}
		// "converted into X", "dephosphorylated to X"
		if k > 1 && (ts[k-1].low == "to" || ts[k-1].low == "into") && metabolismVerbs[ts[k-2].low] && ts[k].punctBefore == "" {
			if e := nameSpan(text, ts, k, false); e > k {
				out = append(out, reviewSubstance{k, e}) // after "to" the tagger takes any word for a verb
			}
		}
		// "X, which binds"; "X, a partial agonist"; "X is a ... alkaloid"
		if e := nameSpan(text, ts, k, false); e > k && definedAfter(ts, e) {
			add(k, e)
		}
	}
	// "antagonists such as X, Y and Z"
	for k := 1; k < len(ts); k++ {
		n := openerAt(ts, k)
		if n == 0 || !substanceClass(ts[k-1]) || ts[k-1].low == ts[k-1].stem {
			continue
		}
		for x := k + n; x < len(ts); {
			e := nameSpan(text, ts, x, false)
			if e == x {
				if _, ok := knownShape(ts, x); !ok {
					break
				}
				e = x + 1
			} else {
				add(x, e)
			}
			if e < len(ts) && (ts[e].low == "and" || ts[e].low == "or") {
				x = e + 1
				continue
			}
			if e < len(ts) && ts[e].punctBefore == "," {
				x = e
				if ts[x].low == "and" || ts[x].low == "or" {
					x++
				}
				continue
			}
			break
		}
	}
	return out
}

// knownShape lets a list go on over a word no shape names (a drug the
// dictionary lists is a plain word): one lower-case word, not a stopword.
func knownShape(ts []token, x int) (int, bool) {
	if x >= len(ts) || stopwords[ts[x].low] || !isLetters(ts[x].raw) || headCategory(ts[x].stem) != "" {
		return x, false
	}
	return x + 1, true
}

func openerAt(ts []token, k int) int {
	for _, o := range listOpeners {
		if k+len(o) <= len(ts) && ts[k].punctBefore != "(" {
			ok := true
			for n, w := range o {
				if ts[k+n].low != w {
					ok = false
				}
			}
			if ok {
				return len(o)
			}
		}
	}
	return 0
}

// definedAfter: after the name at e comes its definition, an appositive
// or a copula with a substance class within five words (", a partial
// agonist", " is a considerably more potent mu-opioid agonist"), or a
// relative clause of binding (", which binds").
func definedAfter(ts []token, e int) bool {
	if e >= len(ts) {
		return false
	}
	k := e
	switch {
	case ts[k].punctBefore == "," && (ts[k].low == "a" || ts[k].low == "an"):
	case ts[k].punctBefore == "" && (ts[k].low == "is" || ts[k].low == "was") && k+1 < len(ts) && (ts[k+1].low == "a" || ts[k+1].low == "an"):
		k++
	case ts[k].punctBefore == "," && ts[k].low == "which" && k+1 < len(ts) && bindingVerbs[stem(ts[k+1].low)]:
		return true
	default:
		return false
	}
	for x := k + 1; x < len(ts) && x <= k+6; x++ {
		if x > k+1 && ts[x].punctBefore != "" && !ts[x].hyphenated {
			return false
		}
		if substanceClass(ts[x]) && !(x+1 < len(ts) && ts[x+1].punctBefore == "" && strings.HasPrefix(ts[x+1].low, "receptor")) {
			return true
		}
	}
	return false
}

// binomial: tokens k, k+1 are a Latin binomial ("Mitragyna speciosa"):
// a capitalised genus, a lower-case epithet.
func binomial(ts []token, k int) bool {
	g, s := ts[k], ts[k+1]
	if !isLetters(g.raw) || !isLetters(s.raw) || len(g.raw) < 4 || len(s.raw) < 4 || g.raw[0] < 'A' || g.raw[0] > 'Z' ||
		strings.ToLower(g.raw[1:]) != g.raw[1:] || s.raw != s.low || s.punctBefore != "" {
		return false
	}
	return true
}

// reviewNames reads every sentence of a review for the substance names it
// defines and returns them as resource entries keyed as lookup keys them,
// with their surfaces in the order first met. A name is a Drug with no
// grounded id: a curator maps it.
func reviewNames(ix *resourceIndex, texts []string, tags [][]string) (map[string]resEntry, []string) {
	names := map[string]resEntry{}
	var order []string
	for n, text := range texts {
		ts := tokenize(text)
		var tg []string
		if n < len(tags) && len(tags[n]) == len(ts) {
			tg = tags[n]
		}
		for _, s := range definedNames(text, ts, tg) {
			if coveredByForm(ix, ts, s.i, s.j) {
				continue // part of a longer name the dictionary lists ("lysergic acid diethylamide")
			}
			key := ""
			for k := s.i; k < s.j; k++ {
				if k > s.i {
					key += " "
				}
				key += ts[k].stem
			}
			if compoundCodeForm.MatchString(strings.ReplaceAll(text[ts[s.i].start:ts[s.j-1].end], "-", "")) {
				continue // a code chemicalName reads at every mention, with its descriptor's target
			}
			if s.j-s.i == 1 && metaboliteOfListed(ix, ts[s.i].low) {
				continue // "noribogaine": chemicalName reads a listed drug's metabolite where a noun phrase has it
			}
			if _, ok := ix.forms[key]; ok {
				continue // the dictionary knows it already
			}
			if _, ok := names[key]; ok {
				continue
			}
			surface := text[ts[s.i].start:ts[s.j-1].end]
			names[key] = resEntry{name: surface, cat: graph.CategoryDrug}
			order = append(order, surface)
		}
	}
	// Letter variants, once every name is known: "salvinorin A" (which
	// the dictionary may list, but whose letter the chunker reads as an
	// article) and its derivatives "mesyl salvinorin B".
	for _, text := range texts {
		ts := tokenize(text)
		for k := 0; k+1 < len(ts); k++ {
			i, self, ok := letterVariant(ix, names, ts, k)
			if !ok {
				continue
			}
			key := stemKeyOf(ts, i, k+2)
			if _, ok := names[key]; ok {
				continue
			}
			surface := text[ts[i].start:ts[k+1].end]
			e := resEntry{name: surface, cat: graph.CategoryDrug}
			if i == k && self.id != "" {
				e = self // the dictionary's own entry, found whole
			}
			names[key] = e
			order = append(order, surface)
		}
	}
	return names, order
}
