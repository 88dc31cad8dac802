// Noun phrases: the chunker that names entities no lexicon lists, from
// part-of-speech tags, the embedded resources and head-noun rules.

package extract

import (
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// nounPhrase is a token range [i, j) the chunker proposes.
type nounPhrase struct {
	i, j int
	cat  graph.Category
	id   string // a resource's grounded id, or ""
	name string // the resource's name for it, or ""
	rule string
}

// modifierTag: tags a noun phrase is built of (nouns, adjectives, numbers
// joined by a hyphen, foreign words, participles used as modifiers).
func modifierTag(tag string) bool {
	switch tag {
	case "NN", "NNS", "NNP", "NNPS", "JJ", "FW", "VBG", "VBN", "CD", "JJR":
		return true
	}
	return false
}

// phraseEnd extends a phrase from token e over the free words that
// continue it unbroken by punctuation (a hyphen joins).
func phraseEnd(ix *resourceIndex, ts []token, tags []string, free []bool, e int) int {
	for e < len(ts) && free[e] && inPhrase(ix, ts, tags, e) && (ts[e].punctBefore == "" || ts[e].hyphenated) {
		e++
	}
	return e
}

// chunk returns the noun phrases of a sentence that name an entity, over
// the tokens free[k]. A phrase is a maximal run of noun-phrase tags not
// broken by punctuation (a hyphen joins); leading articles, numbers and
// evaluative adjectives ("significant", "reduced") are not part of a name.
// The category comes from, in order: the resources (the whole phrase is a
// drug or phenotype), the head noun (head-noun rules), a resource drug as
// the head (an appositive "the agonist semaglutide" names semaglutide),
// and "X use"/"X use disorder"/"X dependence"/"X self-administration"
// making X a substance.
func chunk(ix *resourceIndex, ts []token, tags []string, free []bool) []nounPhrase {
	tags = nounSlots(ts, tags)
	var out []nounPhrase
	for k := 0; k < len(ts); {
		if e, ok := listedHarmChange(ix, ts, free, k); ok {
			out = append(out, e)
			k = e.j
			continue
		}
		if e, ok := substanceFree(ix, ts, tags, free, k); ok {
			out = append(out, e)
			k = e.j
			continue
		}
		if e, ok := timeToEvent(ix, ts, tags, free, k); ok {
			out = append(out, e)
			k = e.j
			continue
		}
		if !free[k] || !inPhrase(ix, ts, tags, k) || interiorVerb(ix, ts, tags, k) {
			k++
			continue
		}
		if e, ok := bridgedTerm(ix, ts, tags, free, k); ok {
			out = append(out, e)
			k = e.j
			continue
		}
		j := k + 1
		for j < len(ts) && free[j] && inPhrase(ix, ts, tags, j) && (ts[j].punctBefore == "" || ts[j].hyphenated) &&
			!pluralPopulation(ts, tags, j-1) && !pluralMolecule(ts, tags, j-1) && !interiorVerb(ix, ts, tags, j) {
			j++
		}
		// "cigarettes per day", "drinks per drinking day": a rate is one
		// measure.
		if j+1 < len(ts) && ts[j].low == "per" && ts[j].punctBefore == "" && free[j+1] && inPhrase(ix, ts, tags, j+1) {
			e := phraseEnd(ix, ts, tags, free, j+1)
			if strings.HasPrefix(tags[j-1], "NN") {
				i := k
				for i < j-1 && leadingNoise[ts[i].low] {
					i++
				}
				out = append(out, nounPhrase{i: i, j: e, cat: graph.CategoryOutcome, rule: "X per Y"})
				k = e
				continue
			}
		}
		// "reinstatement of drug seeking", "time to relapse", "escalation
		// of drinking", "percentage of days abstinent": a measure of an
		// event is named with the event.
		if j+1 < len(ts) && measureOfEvent(ts, tags, k, j) && ts[j].punctBefore == "" &&
			free[j+1] && inPhrase(ix, ts, tags, j+1) && ts[j+1].punctBefore == "" {
			e := phraseEnd(ix, ts, tags, free, j+2)
			e = measureLink(ix, ts, tags, free, e)
			i := k
			for i < j-1 && leadingNoise[ts[i].low] {
				i++
			}
			out = append(out, nounPhrase{i: i, j: e, cat: graph.CategoryOutcome, rule: "measure of an event"})
			k = e
			continue
		}
		// "abstinence from alcohol", "retention in treatment": an
		// outcome named with what it is of (endspans.go).
		if e, ok := outcomeComplement(ix, ts, tags, free, k, j); ok {
			i := k
			for i < j-1 && leadingNoise[ts[i].low] {
				i++
			}
			out = append(out, nounPhrase{i: i, j: e, cat: graph.CategoryOutcome, rule: "outcome and its complement"})
			k = e
			continue
		}
		// "people with obesity", "patients maintained on methadone": a
		// population's defining phrase belongs to it.
		if start, e, ok := populationSpan(ix, ts, tags, free, k, j); ok {
			out = append(out, nounPhrase{i: start, j: e, cat: graph.CategoryPopulation, rule: "population with X"})
			k = j + 1 // the defining phrase names its own entities
			continue
		}
		out = append(out, phrases(ix, ts, tags, mannerStart(ts, tags, free, k, j), j)...)
		k = j
	}
	out = isoforms(ts, tags, free, out)
	out = slices.DeleteFunc(out, func(np nounPhrase) bool {
		return populationModifier(ts, tags, np) || designModifier(ts, np) || instrument(ts, np) || studyBias(ts, np)
	})
	return combinations(ts, coordinatedDrugs(ts, tags, free, out))
}

// substanceRule names the rule that reads "X" of "X use" as a substance.
const substanceRule = "substance of X use"

// harmKinds are the heads of "adverse events", "side effects".
var harmKinds = setOf("event", "effect", "reaction")

// kindDescriptor marks "an indole alkaloid": a drug's kind, no entity.
const kindDescriptor = "kind of a drug"

// givenHeads: a drug followed by one of these names the drug as given.
var givenHeads = map[string]bool{"treatment": true, "administration": true, "infusion": true, "dosing": true,
	"exposure": true, "session": true, "dose": true, "injection": true, "pretreatment": true}

// species are populations named by the head noun alone.
var species = map[string]bool{"rat": true, "mice": true, "mouse": true, "rodent": true, "primate": true}

// verbOpeners come before a base-form verb: after them a head noun's
// spelling is the verb ("to use", "may release").
var verbOpeners = map[string]bool{"to": true, "may": true, "might": true, "can": true, "could": true, "will": true,
	"would": true, "should": true, "must": true, "we": true, "they": true, "i": true, "you": true, "not": true,
	"did": true, "does": true, "do": true}

// inPhrase: token k can be part of a noun phrase.
func inPhrase(ix *resourceIndex, ts []token, tags []string, k int) bool {
	w := ts[k].low
	joined := k+1 < len(ts) && ts[k+1].hyphenated // "evidence-based": a word joined to the next is a modifier
	if leadingNoise[w] && headCategory(ts[k].stem) != "" && k > 0 && strings.HasPrefix(tags[k-1], "NN") && ts[k].punctBefore == "" &&
		!(k+1 < len(ts) && strings.HasPrefix(tags[k+1], "NN")) {
		return true // "abuse potential": after a noun, at the end of the run, the word is the head noun
	}
	if ts[k].stem == "effect" && k > 0 && (effectKinds[ts[k-1].low] || drugEffect(ts, k)) {
		return true // "subjective effects", "reinforcing effects": an outcome of a drug
	}
	if paceOfTherapy(ts, k, k+2) || paceOfTherapy(ts, k, k+3) {
		return true // "slow titration": the pace is part of the name
	}
	if isoformA(ts, k) {
		return true // "GABA-A", "Orexin-A": a letter joined to a name, not the article
	}
	if afterWho(ts, k) {
		return false // "people who use/NN cannabis": the relative clause's verb
	}
	if keptInRun(ix, ts, k) {
		return true // "heart rate", "drinking outcomes", "self-efficacy", "slow-release"
	}
	if moleculeLetter(ts, k) {
		return true // "G protein signalling": the letter names the protein, not "e.g."
	}
	if stopwords[w] && w != "use" && w != "dose" || leadingNoise[w] && !joined && w != "acute" && w != "chronic" && !abstinenceMeasure(ts, k, k+2) && !innerNoun(ts, tags, k) || verbsNotNouns[ts[k].stem] && !joined {
		return false
	}
	if _, ok := ix.lookup(ts, k, k+1); ok || chemicalName(ix, ts, k, k+1) {
		return true // a drug the tagger took for a verb ("exenatide/VB")
	}
	if (w == "use" || w == "misuse") && k > 0 && ts[k].punctBefore == "" {
		if e, ok := ix.lookup(ts, k-1, k); ok && e.cat == graph.CategoryDrug {
			return true // "reduce illicit opioid use/VBP": use of a drug is a noun after the drug
		}
	}
	if headCategory(ts[k].stem) != "" && (!genericHeads[ts[k].stem] || nounOnly(ts[k].low)) && (tags[k] == "VB" || tags[k] == "VBP") &&
		(k == 0 || !verbOpeners[ts[k-1].low]) {
		return true // a head noun read as a verb after a drug the tagger did not know ("alcohol/VB intake/VB")
	}
	if ts[k].hyphenated && k+1 < len(ts) && ts[k+1].punctBefore == "" && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en")) && k > 0 && !cueVerb(ts[k-1].low) {
		// "alcohol-induced", "cue-evoked", "cue-driven": a participle
		// joined to the word before modifies the noun after; it is no
		// verb of the clause.
		return true
	}
	if kindParticiple(ts, tags, k) {
		return true // "can cause precipitated withdrawal": a kind of the harm, not a verb
	}
	if cueVerb(w) {
		return false // "X increases Y" tagged as one noun run
	}
	if tags[k] == "" {
		return true
	}
	if tags[k] == "CD" {
		// "GLP-1", "5-HT2A", and a number between two nouns ("type 2
		// diabetes"); a number elsewhere is a quantity.
		return ts[k].hyphenated || k+1 < len(ts) && ts[k+1].hyphenated ||
			k > 0 && k+1 < len(ts) && strings.HasPrefix(tags[k-1], "NN") && ts[k].punctBefore == "" && ts[k+1].punctBefore == "" &&
				(strings.HasPrefix(tags[k+1], "NN") || tags[k+1] == "JJ")
	}
	if tags[k] == "VBN" || tags[k] == "VBG" || tags[k] == "VBD" || tags[k] == "VB" || tags[k] == "VBZ" || tags[k] == "VBP" {
		// A participle modifies a noun only when a noun follows it in
		// the phrase ("conditioned place preference", "drinking days")
		// or it is hyphen-joined ("alcohol-induced"); a finite verb never.
		if ts[k].hyphenated || k+1 < len(ts) && ts[k+1].hyphenated {
			return true
		}
		if tags[k] == "VBG" && headCategory(ts[k].stem) != "" {
			return true // "smoking", "drinking", "seeking" as nouns
		}
		return (tags[k] == "VBN" || tags[k] == "VBG") && k+1 < len(ts) && ts[k+1].punctBefore == "" &&
			(strings.HasPrefix(tags[k+1], "NN") || tags[k+1] == "")
	}
	return modifierTag(tags[k])
}

// phrases reads the run [i, j) as entity names.
func phrases(ix *resourceIndex, ts []token, tags []string, i, j int) []nounPhrase {
	i0 := i // where the phrase began, before its openers are dropped
	// A vocabulary term is read whole before any opener is dropped
	// ("chronic obstructive pulmonary disease").
	if e, ok := ix.lookup(ts, i, j); ok && j-i > 1 && leadingNoise[ts[i].low] {
		return []nounPhrase{{i, j, e.cat, e.id, e.name, "resource"}}
	}
	for i < j && !moleculeLetter(ts, i) && !clinicalCourse(ts, i, j) && !abstinenceMeasure(ts, i, j) && !paceOfTherapy(ts, i, j) && !(i+1 < j && ts[i+1].hyphenated && evaluativeCompounds[ts[i].low+"-"+ts[i+1].low]) && !releaseForm(ts, i, j) && (leadingNoise[ts[i].low] || leadingNoise[joinStems(ts[i].low)] || tags[i] == "CD" && !ts[i+min(1, j-i-1)].hyphenated ||
		i+1 < j && !ts[i+1].hyphenated && (tags[i] == "VBG" || tags[i] == "VB" || tags[i] == "VBP") && headCategory(ts[i].stem) == "" && !effectKinds[ts[i].low] && !taggedDrug(ix, ts, i)) {
		i++
	}
	// "evidence-based psychosocial treatment", "stand-alone treatment",
	// "first-line treatments": how good or how usual a treatment is is not
	// part of what it is.
	for i+2 < j && ts[i+1].hyphenated && !ts[i+2].hyphenated && evaluativeCompounds[ts[i].low+"-"+ts[i+1].low] {
		i += 2
	}
	// "co-occurring depression", "comorbid opioid use disorder": how a
	// condition stands to another is not part of what it is.
	for i+1 < j && !ts[i+1].hyphenated && relationalOpeners[ts[i].low] {
		i++
	}
	if i+2 < j && ts[i+1].hyphenated && !ts[i+2].hyphenated && relationalOpeners[ts[i].low+"-"+ts[i+1].low] {
		i += 2
	}
	// "dose-dependent", "glucose-dependent": how an effect varies is not
	// part of what it is; "opioid-dependent patients" are who they are,
	// and a molecule's name keeps its words ("voltage-dependent calcium
	// channel").
	for i+2 < j && ts[i+1].hyphenated && ts[i+1].low == "dependent" && !ts[i+2].hyphenated && strings.HasPrefix(tags[i+2], "NN") &&
		headCategory(ts[j-1].stem) != graph.CategoryPopulation && !molecularHeads[ts[j-1].stem] {
		i += 2
	}
	// "non-competitive NMDA receptor", "presynaptic metabotropic glutamate
	// receptors", "striatal dopamine transporter availability": how a
	// molecule is acted on and where it sits are not part of its name.
	if hasMolecule(ts, i, j) || actsOnNamedTarget(ix, ts, i, j) || hasCellPart(ts, i, j) {
		for i+1 < j {
			if i+2 < j && ts[i+1].hyphenated && !ts[i+2].hyphenated && molecularManner[ts[i].low+"-"+ts[i+1].low] {
				i += 2
			} else if !ts[i+1].hyphenated && (molecularManner[ts[i].low] || siteAdjectives[ts[i].low]) {
				i++
			} else {
				break
			}
		}
	}
	// "left dorsolateral prefrontal cortex", "bilateral insula": the side
	// is where, not which, region.
	for i+1 < j && sideWords[ts[i].low] && !ts[i+1].hyphenated {
		i++
	}
	// "rigid self-referential processing", "comorbid depression": a
	// judgement or a co-occurrence is not part of what is named.
	for i+1 < j && judgements[ts[i].low] && !ts[i+1].hyphenated {
		i++
	}
	// A species is named by its head alone ("male Wistar rats" are rats).
	if j-i > 1 && species[ts[j-1].stem] && !ts[j-1].hyphenated {
		i = j - 1
	}
	// A trailing participle or adjective is no head ("craving reduced").
	// A word the vocabularies name is a noun, not an adjective
	// ("buprenorphine/JJ reduce").
	for j > i && (tags[j-1] == "VBN" || tags[j-1] == "VBD" || tags[j-1] == "JJ" && headCategory(ts[j-1].stem) == "") && !ts[j-1].hyphenated {
		if _, named := ix.lookup(ts, i, j); (named || chemicalName(ix, ts, j-1, j)) && tags[j-1] == "JJ" {
			break
		}
		j--
	}
	if i >= j || countedTime(ts, i, j) {
		return nil
	}
	// The whole phrase is a resource term. Its head noun still decides
	// the category: the drug dictionary lists targets too ("kappa opioid
	// receptor" is a Mechanism, whatever list names it).
	if e, ok := ix.lookup(ts, i, j); ok {
		cat := e.cat
		if hc := headCategory(ts[j-1].stem); hc != "" && j-i > 1 {
			cat = hc
		}
		return []nounPhrase{{i, j, cat, e.id, e.name, "resource"}}
	}
	head := j - 1
	for head > i && ts[head].hyphenated {
		head--
	}
	hw := headWord(ts, head, j)
	cat := headCategory(hw)
	if cat == "" {
		cat = headCategory(ts[j-1].stem)
	}
	if cat == "" && hw == ts[j-1].stem && strings.HasPrefix(tags[j-1], "NN") && oneWord(ts, i, j) {
		cat = ix.wordHead(hw) // "shame", "self-compassion": WordNet files the noun as a feeling or condition
	}
	if cat == "" && hw == "effect" && head > i && effectKinds[ts[head-1].low] {
		cat = graph.CategoryOutcome
	}
	// "plasma cortisol", "extrasynaptic glutamate": a substance where it
	// is measured, before any reading of the drug as an appositive.
	if out, ok := measuredSubstance(ix, ts, tags, i, j); ok {
		return out // "plasma cortisol", "extrasynaptic glutamate"
	}
	// An appositive: the head itself is a resource term ("the GLP-1
	// receptor agonist semaglutide"); not a molecule the drug dictionary
	// lists ("serotonin 5-HT2A receptors" is one receptor). A descriptor that is itself a drug
	// class ("the 5-HT2A antagonist ketanserin") only describes the drug.
	for k := i + 1; k < j; k++ {
		if e, ok := ix.lookup(ts, k, j); ok && e.cat == graph.CategoryDrug && formulation(ts, i, k) {
			if routeOnly(ts, i, k) {
				// "oral naltrexone", "intranasal oxytocin": the route
				// alone says how the same drug is given; the phrase
				// keeps its words and names the drug.
				if e.id == "" && e.name == "" {
					for x := k; x < j; x++ {
						e.name += " " + ts[x].raw // the id the drug's own name gets (slug of its words)
					}
					e.name = strings.TrimSpace(e.name)
				}
				return []nounPhrase{{i, j, graph.CategoryDrug, e.id, e.name, "drug by its route"}}
			}
			// "extended-release injectable naltrexone": a drug named with
			// its formulation is a product of its own.
			return []nounPhrase{{i: i, j: j, cat: graph.CategoryDrug, rule: "drug and its formulation"}}
		}
		if e, ok := ix.lookup(ts, k, j); ok && e.cat == graph.CategoryDrug && cat != graph.CategoryDrug && !molecularHeads[ts[j-1].stem] {
			var out []nounPhrase
			for _, d := range phrases(ix, ts, tags, i, k) {
				if d.cat != graph.CategoryDrug {
					out = append(out, d)
				}
			}
			// "the 5-HT2A antagonist ketanserin": the descriptor's
			// modifiers name the target the drug acts on.
			if k-1 > i && pharmRoles[ts[k-1].stem] && !ts[k-1].hyphenated && namedTarget(ts, tags, i, k-1) &&
				!slices.ContainsFunc(out, func(d nounPhrase) bool { return d.j >= k-1 }) {
				out = append(out, nounPhrase{i: targetStart(ts, i, k-1), j: k - 1, cat: graph.CategoryMechanism, rule: "target of a descriptor"})
			}
			return append(out, nounPhrase{k, j, e.cat, e.id, e.name, "resource"})
		}
	}
	// "ibogaine treatment", "NAC administration", "psilocybin sessions":
	// a drug given is the drug.
	if head-i == 1 && givenHeads[hw] {
		if e, ok := ix.lookup(ts, i, head); ok && e.cat == graph.CategoryDrug {
			return []nounPhrase{{i, head, e.cat, e.id, e.name, "drug given"}}
		}
	}
	// "a serotonin 2A receptor agonist": an indefinite descriptor names
	// the target, and its agent noun stays a cue for the drug it
	// describes (the curated reading's "X agonist" rule).
	if i0 > 0 && (ts[i0-1].low == "a" || ts[i0-1].low == "an") && agentNoun(hw) && head > i &&
		headCategory(ts[head-1].stem) == graph.CategoryMechanism {
		return []nounPhrase{{i: i, j: head, cat: graph.CategoryMechanism, rule: "target of a descriptor"}}
	}
	// "NAC, a mucolytic agent and antidote", "ibogaine, an indole
	// alkaloid": an indefinite noun of a drug's kind describes the drug
	// named beside it; it names no entity of its own.
	if i0 > 0 && (ts[i0-1].low == "a" || ts[i0-1].low == "an") && head == j-1 && kindNouns[hw] && cat == graph.CategoryDrug {
		// Kept until coordinatedDrugs has read it ("tabernanthalog, a
		// non-hallucinogenic analogue" names a drug), then dropped.
		return []nounPhrase{{i: i, j: j, cat: cat, rule: kindDescriptor}}
	}
	// "a partial agonist", "a potent inhibitor", "receptor agonist": an
	// agent noun whose modifiers name no target is a role, not an
	// entity; the cue rules read it.
	if pharmRoles[hw] && head == j-1 && !namedTarget(ts, tags, i, head) {
		return nil
	}
	// "its metabolite noribogaine", "the congener X": a name after a
	// drug-class noun is a drug.
	if cat == "" && j-i >= 2 && !ts[j-1].hyphenated && (strings.HasPrefix(tags[j-1], "NN") || tags[j-1] == "") &&
		drugClassNouns[ts[j-2].stem] && len(ts[j-1].low) >= 5 && !strings.HasSuffix(ts[j-1].low, "ing") {
		return []nounPhrase{{i: j - 1, j: j, cat: graph.CategoryDrug, rule: "named after its class"}}
	}
	// "GS39783", "WAY-100635", "noribogaine": a drug named by a
	// chemist's convention.
	if cat == "" && chemicalName(ix, ts, i, j) {
		return []nounPhrase{{i: i, j: j, cat: graph.CategoryDrug, rule: "chemical name"}}
	}
	if np, ok := phenotypeCompound(ix, ts, tags, i, j); cat == "" && ok {
		return []nounPhrase{np}
	}
	if cat == "" {
		// No head rule: a resource term inside the phrase still names
		// itself ("nausea" in "nausea severity" is read by the head).
		var out []nounPhrase
		for a := i; a < j; a++ {
			for b := j; b > a; b-- {
				if e, ok := ix.lookup(ts, a, b); ok {
					if adjectiveDrug(ts, tags, e, a, b, j) {
						break // "sympathomimetic arousal", "generic drugs": a drug class as an adjective
					}
					out = append(out, nounPhrase{a, b, e.cat, e.id, e.name, "resource"})
					a = b - 1
					break
				}
			}
		}
		return out
	}
	if properName(ts, i, j) {
		return nil // "United States": a name written with capitals, whose last word is no category's head
	}
	if j-i == 1 && genericHeads[hw] {
		return nil // "use", "levels", "system" alone name nothing
	}
	if j-i == 2 && (ts[i].low == "adverse" || ts[i].low == "side") && harmKinds[hw] {
		// "adverse events", "side effects": the kind of finding, no
		// entity; "serious adverse events" and "gastrointestinal adverse
		// events" still name one.
		return nil
	}
	np := nounPhrase{i: i, j: j, cat: cat, rule: "head noun"}
	out := []nounPhrase{np}
	// "cocaine use", "nicotine self-administration", "alcohol use
	// disorder": the modifier is a substance.
	if (cat == graph.CategoryOutcome || cat == graph.CategoryDisorder) && substanceHead[hw] && head-i == 1 && !genericHeads[ts[i].stem] {
		if e, ok := ix.lookup(ts, i, i+1); ok && e.cat == graph.CategoryDrug {
			out = append(out, nounPhrase{i, i + 1, graph.CategoryDrug, e.id, e.name, substanceRule})
		} else if strings.HasPrefix(tags[i], "NN") || tags[i] == "" {
			out = append(out, nounPhrase{i: i, j: i + 1, cat: graph.CategoryDrug, rule: substanceRule})
		}
	}
	return out
}
