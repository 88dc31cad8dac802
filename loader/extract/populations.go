// Phrase shapes that change what a noun phrase names. Populations: who a
// finding is about ("people with obesity", "patients receiving
// methadone", "smokers who do not want to stop"), read whole so that the
// defining phrase qualifies a claim instead of becoming a node of its
// own. And phrases that name no entity of a finding: population and
// design nouns used as modifiers ("human studies", "a reinstatement
// model"), rating instruments, a study's biases, adverb-shaped words and
// cells as places.

package extract

import (
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// populationLinks join a population noun to what defines it.
var populationLinks = map[string]bool{"with": true, "on": true, "without": true}

// populationSpan reads the population whose head noun ends the run
// [k, j) with its defining phrase after it: a prepositional phrase ("with
// X or Y"), a relative clause ("who use X") or a participle ("receiving
// X", "motivated to quit"). It returns the span and where the defining
// phrase begins; ok is false when no defining phrase follows.
func populationSpan(ix *resourceIndex, ts []token, tags []string, free []bool, k, j int) (start, end int, ok bool) {
	if j >= len(ts) || headCategory(ts[j-1].stem) != graph.CategoryPopulation || ts[j].punctBefore != "" {
		return 0, 0, false
	}
	var e int
	switch {
	case populationLinks[ts[j].low]:
		from := j + 1
		if from+1 < len(ts) && (ts[from].low == "and" || ts[from].low == "or") && populationLinks[ts[from+1].low] {
			from += 2 // "smokers with and without psychiatric disorders"
		}
		if gerundOpens(ts, tags, from) {
			return 0, 0, false
		}
		e = definingPhrase(ix, ts, tags, free, from)
		// "men with cocaine or alcohol dependence", "people with
		// hypertension or cardiovascular disease": the phrase is a
		// coordination of what defines them.
		// With "and", a single word is more often the next item of the
		// sentence's list than a second condition.
		if e > j+1 && e+1 < len(ts) && (ts[e].low == "or" || ts[e].low == "and") && ts[e].punctBefore == "" {
			if e2 := definingPhrase(ix, ts, tags, free, e+1); e2 > e+1 && nounEnd(ts, tags, free, e2) && (ts[e].low == "or" || e2 > e+2 || namedLast(ix, ts, free, e+1)) {
				e = e2
			}
		}
	case studySample[ts[j-1].stem]:
		return 0, 0, false // "participants who received X": a study's arm, defined by the study
	case ts[j].low == "who" && pluralNoun(ts, tags, j-1):
		e = definingClauseEnd(ix, ts, tags, free, j+1)
	case (tags[j] == "VBG" || tags[j] == "VBN" || ts[j].low == "not" && j+1 < len(ts) && (tags[j+1] == "JJ" || tags[j+1] == "VBN")) && !cueVerb(ts[j].low) && ts[j].stem != "compared" && pluralNoun(ts, tags, j-1):
		e = definingClauseEnd(ix, ts, tags, free, j)
	default:
		return 0, 0, false
	}
	if e <= j+1 || !nounEnd(ts, tags, free, e) && !strings.HasPrefix(tags[e-1], "VB") && tags[e-1] != "RB" {
		return 0, 0, false
	}
	if n := phrases(ix, ts, tags, k, j); len(n) > 0 && n[0].cat == graph.CategoryPopulation && n[0].j == j {
		i := n[0].i
		for i < j-1 && (tags[i] == "CD" || cardinals[ts[i].low]) {
			i++ // "ten volunteers with alcohol dependence": the count is the sample's size, not who they are
		}
		for i > 0 && ts[i].hyphenated && free[i-1] && !stopwords[ts[i-1].low] {
			i-- // "active-duty soldiers": a hyphenated modifier is one word
		}
		if i+3 < j && isDigits(ts[i].low) && ts[i+1].hyphenated && ts[i+1].stem == "year" && ts[i+2].hyphenated && ts[i+2].low == "old" {
			i += 3 // "a 36-year-old man with X": an age describes one case, not who the population is
		}
		return i, e, true
	}
	if j-k == 1 {
		return k, e, true // "people", which names no one alone, does with its phrase
	}
	return 0, 0, false
}

// namedLast: token k is a term already named, or one the vocabularies
// name, that ends the phrase: punctuation or the sentence's end comes
// after it ("civilians with PTSD and AUD (16)"), where a list's next item
// would go on. Before a preposition or a verb the second condition is as
// often what the finding is about ("in veterans with PTSD and AUD,
// prazosin ...") and is left to the claim.
func namedLast(ix *resourceIndex, ts []token, free []bool, k int) bool {
	if _, ok := ix.lookup(ts, k, k+1); free[k] && !ok {
		return false
	}
	return k+1 == len(ts) || ts[k+1].punctBefore != "" && !ts[k+1].hyphenated
}

// cardinals are the counts English writes out before a sample ("ten
// volunteers", "two hundred smokers").
var cardinals = setOf("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
	"fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "dozen")

// studySample: nouns for a study's own sample, defined by the study's
// design rather than by who they are.
var studySample = map[string]bool{"participant": true, "subject": true, "completer": true, "responder": true}

// emptyVerbs carry no meaning of their own at the end of a relative
// clause ("patients who were", "participants who had").
var emptyVerbs = map[string]bool{"be": true, "were": true, "was": true, "are": true, "is": true, "been": true,
	"being": true, "having": true}

// pluralNoun: token k names several ("smokers", "people", "men").
func pluralNoun(ts []token, tags []string, k int) bool {
	return tags[k] == "NNS" || ts[k].low != ts[k].stem || irregularPlurals[ts[k].low]
}

// irregularPlurals are the population nouns English makes plural without
// an "-s".
var irregularPlurals = map[string]bool{"people": true, "men": true, "women": true, "children": true, "mice": true}

// nounEnd: the phrase [.., e) ends on a noun or a term already named.
func nounEnd(ts []token, tags []string, free []bool, e int) bool {
	return strings.HasPrefix(tags[e-1], "NN") || tags[e-1] == "" || !free[e-1]
}

// degreeWords grade what defines a population ("patients with high
// stress reactivity", "participants with low baseline use", "patients
// with mild liver disease"): part of who they are.
var degreeWords = map[string]bool{"high": true, "low": true, "mild": true, "moderate": true, "severe": true,
	"very": true, "heavy": true, "light": true}

// conditionModifier: an adjective or participle right before the
// condition that defines a population ("people with co-occurring
// depression", "patients with uncontrolled hypertension", "people with
// more severe dependence") grades or qualifies it and belongs to the
// phrase. (A hyphenated modifier, "co-occurring", is left out: joining
// hyphens here split a defined population's condition from the claims it
// carries on the dev set.) Only before a term already named, so a free adjective never
// starts a phrase of its own.
func conditionModifier(ts []token, tags []string, free []bool, e int) bool {
	if !free[e] || ts[e].punctBefore != "" {
		return false
	}
	if ts[e].low == "more" || ts[e].low == "less" {
		return e+1 < len(ts) && conditionModifier(ts, tags, free, e+1)
	}
	if tags[e] != "JJ" && tags[e] != "VBN" && tags[e] != "VBG" {
		return false
	}
	return e+1 < len(ts) && !free[e+1] && ts[e+1].punctBefore == ""
}

// definingPhrase extends a noun phrase from e: a term already named
// ("people with obesity": the population spans it, and the term stays an
// entity of its own), an article ("patients with a history of
// pancreatitis") and "of" inside it.
func definingPhrase(ix *resourceIndex, ts []token, tags []string, free []bool, e int) int {
	s := e
	for e < len(ts) && (!free[e] || inPhrase(ix, ts, tags, e) || e > s && ts[e].low == "of" || ts[e].low == "a" || ts[e].low == "an" ||
		degreeWords[ts[e].low] && e+1 < len(ts) && ts[e+1].punctBefore == "" || conditionModifier(ts, tags, free, e)) &&
		(ts[e].punctBefore == "" || e > s && ts[e].hyphenated && strings.HasPrefix(tags[e], "NN")) {
		if degreeRange(ts, e) {
			e += 2 // "moderate to severe PTSD": a range of degrees is one
		}
		e++
	}
	for e > s && ts[e-1].low == "of" {
		e--
	}
	for e > s && e < len(ts) && ts[e].hyphenated {
		e-- // "cocaine self-administration": a compound is read whole or not at all
	}
	return e
}

// degreeRange: token e begins a range of degrees ("moderate to severe",
// "mild to moderate"), which grades a condition as one degree does.
func degreeRange(ts []token, e int) bool {
	return e+3 < len(ts) && degreeWords[ts[e].low] && ts[e+1].low == "to" && degreeWords[ts[e+2].low] &&
		ts[e+1].punctBefore == "" && ts[e+2].punctBefore == "" && ts[e+3].punctBefore == ""
}

// definingClauseEnd reads a relative clause or participle that defines a
// population: its verb group ("do not want to stop", "have", "maintained
// on"), then at most one noun phrase ("methamphetamine", "sex with men").
func definingClauseEnd(ix *resourceIndex, ts []token, tags []string, free []bool, e int) int {
	s := e
	for e < len(ts) && free[e] && ts[e].punctBefore == "" && (strings.HasPrefix(tags[e], "VB") || tags[e] == "RB" || tags[e] == "MD" ||
		tags[e] == "TO" || tags[e] == "RP" || tags[e] == "JJ" && (e == s || ts[e-1].low == "not")) && !cueVerb(ts[e].low) {
		e++
	}
	meaning := false // a verb of its own, not "were", "had" alone ("patients who were abstinent")
	for k := s; k < e; k++ {
		meaning = meaning || strings.HasPrefix(tags[k], "VB") && !auxiliaries[ts[k].low] && !emptyVerbs[ts[k].low]
	}
	if !meaning {
		return s
	}
	verbs := e
	if e < len(ts) && (ts[e].low == "on" || ts[e].low == "with") && ts[e].punctBefore == "" {
		e++
	}
	if n := definingPhrase(ix, ts, tags, free, e); n > e && nounEnd(ts, tags, free, n) {
		e = n
		if e+1 < len(ts) && ts[e].low == "with" && ts[e].punctBefore == "" {
			if n2 := definingPhrase(ix, ts, tags, free, e+1); n2 > e+1 && nounEnd(ts, tags, free, n2) {
				e = n2
			}
		}
		return e
	}
	last := verbs - 1
	if tags[last] == "RB" && last > s {
		last--
	}
	if (tags[last] == "VB" || tags[last] == "VBG") && !auxiliaries[ts[last].low] && !emptyVerbs[ts[last].low] {
		return verbs // "smokers who do not want to stop abruptly", "smokers motivated to quit"
	}
	return s
}

// populationModifier: a singular population noun right before another
// noun modifies it ("human laboratory studies", "rodent data",
// "inpatient trial"): English compounds take the singular, and such a
// phrase is about evidence, not a population.
func populationModifier(ts []token, tags []string, np nounPhrase) bool {
	h := np.j - 1
	return np.cat == graph.CategoryPopulation && np.j < len(ts) && ts[h].low == ts[h].stem && !irregularPlurals[ts[h].low] && ts[np.j].punctBefore == "" &&
		strings.HasPrefix(tags[np.j], "NN")
}

// adverbForm: the shapes of English adverbs a tagger may take for nouns
// ("weakly", "thereby", "whereby").
func adverbForm(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ly") || strings.HasPrefix(w, "there") && len(w) > 6 || strings.HasPrefix(w, "where") && len(w) > 6
}

// pluralMolecule: a plural molecule or cell noun modifies no noun after
// it either ("mu-opioid receptors disinhibits dopamine neurons": the word
// after is the verb the tagger took for a noun).
func pluralMolecule(ts []token, tags []string, k int) bool {
	return tags[k] == "NNS" && ts[k].low != ts[k].stem && (molecularHeads[ts[k].stem] || ts[k].stem == "neuron")
}

// cellNouns name cells and their parts, which a preposition of place
// makes a place.
var cellNouns = map[string]bool{"neuron": true, "terminal": true, "afferent": true, "cell": true, "synapse": true}

// cellPlace: m names cells after a preposition of place ("on dopamine
// neurons", "in dopaminergic neurons"): where a molecule acts, like a
// brain region, not what it changes.
func cellPlace(ts []token, m Mention) bool {
	return m.first > 0 && m.last > m.first && cellNouns[ts[m.last-1].stem] && locativeLinks[ts[m.first-1].low]
}

// designNouns name an experiment's design; the noun phrase right before
// one says which design ("a reinstatement model", "rodent relapse
// models", "brain stimulation paradigms"), not a finding's entity.
var designNouns = map[string]bool{"model": true, "paradigm": true, "procedure": true, "assay": true}

func designModifier(ts []token, np nounPhrase) bool {
	return np.j < len(ts) && ts[np.j].punctBefore == "" && designNouns[ts[np.j].stem] && np.cat != graph.CategoryDrug
}

// instrumentHeads end the names of rating instruments and tests.
var instrumentHeads = map[string]bool{"index": true, "scale": true, "test": true, "questionnaire": true, "inventory": true}

// instrument: a capitalised name of a rating scale or test ("Addiction
// Severity Index", "Subjective Opiate Withdrawal Scale", "Trier Social
// Stress Test") is how a finding was measured, not what it is about.
func instrument(ts []token, np nounPhrase) bool {
	if np.j-np.i < 2 || np.cat == graph.CategoryDrug {
		return false
	}
	head := np.j - 1
	if np.j < len(ts) && instrumentHeads[ts[np.j].stem] && ts[np.j].punctBefore == "" && capitalised(ts[np.j].raw) {
		head = np.j // "the Subjective Opiate Withdrawal Scale": the phrase stopped before its head
	}
	if !instrumentHeads[ts[head].stem] {
		return false
	}
	for k := np.i; k <= head; k++ {
		if !capitalised(ts[k].raw) && !ts[k].hyphenated {
			return false
		}
	}
	return true
}

func capitalised(w string) bool {
	return w != "" && w[0] >= 'A' && w[0] <= 'Z'
}

// studyBiases are the biases of a study's method, which say how far to
// trust a finding, not what it is about ("publication bias", "selection
// bias"); an attentional bias is a finding.
var studyBiases = map[string]bool{"publication": true, "selection": true, "reporting": true, "recall": true,
	"attrition": true, "detection": true, "sampling": true, "ascertainment": true}

func studyBias(ts []token, np nounPhrase) bool {
	return np.j-np.i == 2 && (ts[np.j-1].low == "bias" || ts[np.j-1].low == "biases") && studyBiases[ts[np.i].low]
}
