// Head-noun rules: the general English nouns that put a noun phrase into
// a category. A phrase's category is its head's ("alcohol-induced dopamine
// release" is a Mechanism because "release" is). The words are ordinary
// English and pharmacology vocabulary, not any review's terms; drug and
// phenotype names come from the embedded resources instead.

package extract

import "github.com/kapgraph/kapgraph/graph"

var headNounCategory = categoryHeads(map[graph.Category][]string{
	graph.CategoryDrug: {"agonist", "antagonist", "inhibitor", "medication", "psychedelic", "opioid", "stimulant",
		"antidepressant", "modulator", "analogue", "analog", "prodrug", "psychoplastogen", "benzodiazepine",
		"cannabinoid", "amphetamine", "hallucinogen", "antipsychotic", "anticonvulsant", "blocker", "alkaloid",
		"antibody", "vaccine", "pharmacotherapy", "nicotine", "alcohol", "cannabis", "tobacco", "ethanol"},
	graph.CategoryMechanism: {"receptor", "transporter", "release", "signalling", "signaling", "transmission",
		"neurotransmission", "plasticity", "neuroplasticity", "synaptogenesis", "neurogenesis", "homeostasis",
		"exchange", "expression", "activation", "occupancy", "availability", "level", "turnover", "secretion",
		"emptying", "processing", "connectivity", "factor", "channel", "enzyme", "kinase", "bias", "aversion",
		"flexibility", "reward", "experience", "expectancy", "repolarization", "repolarisation", "arrestin",
		"self-efficacy", "insight", "inflammation", "metabolism", "binding", "uptake", "firing", "excitability",
		"stimulation", "conditioning", "extinction", "memory", "learning", "dissolution", "thought", "glutamate",
		"dopamine", "serotonin", "cortisol", "peptide", "hormone", "reinforcement", "growth",
		"neuron", "terminal", "afferent", "efflux", "reuptake", "tone", "adaptation",
		"clearance", "flow", "gating", "pressure", "temperature", "tolerance", "coupling", "subunit", "state",
		"excretion", "proliferation", "contraction", "polymorphism", "variant", "downregulation", "upregulation",
		"inhibition", "formation", "spine", "density"},
	graph.CategoryBrainRegion: {"cortex", "accumbens", "striatum", "amygdala", "insula", "hippocampus", "thalamus",
		"hypothalamus", "septum", "vermis", "postrema", "solitarius", "gyrus", "habenula", "cerebellum",
		"pallidum", "putamen", "caudate", "tegmentum", "midbrain", "brainstem", "area", "coeruleus", "nigra", "pallidus", "claustrum"},
	graph.CategoryBrainNetwork: {"network", "circuit", "circuitry", "pathway", "system"},
	graph.CategoryDisorder: {"disorder", "disease", "dependence", "addiction", "depression", "diabetes", "obesity",
		"cancer", "cirrhosis", "illness", "syndrome", "injury", "schizophrenia", "infection", "asthma", "ptsd",
		"alcoholism", "dementia", "epilepsy", "problem", "impairment"},
	graph.CategorySymptom: {"symptom", "craving", "withdrawal", "anxiety", "anhedonia", "pain", "nausea", "vomiting",
		"headache", "affect", "dysphoria", "insomnia", "ideation", "thinking", "confusion", "hallucination",
		"euphoria", "dissociation", "mood", "distress", "impulsivity", "tremor", "ataxia", "diarrhoea",
		"diarrhea", "constipation", "drowsiness", "dizziness", "taste", "discomfort", "sedation", "dream", "disturbance",
		"deficit", "tightness", "stress", "nightmare"},
	graph.CategoryOutcome: {"use", "intake", "consumption", "drinking", "smoking", "day", "abstinence", "relapse",
		"cessation", "seeking", "self-administration", "reinstatement", "mortality", "hospitalization",
		"hospitalisation", "adherence", "retention", "discontinuation", "preference", "reactivity", "behaviour",
		"behavior", "responding", "loss", "index", "severity", "lapse", "recurrence", "incidence", "test",
		"remission", "response", "quality", "functioning", "disability", "survival", "admission", "overdose",
		"sensitization", "sensitisation", "escalation", "locomotion", "recovery", "volume", "threshold", "rate",
		"activity", "function", "appetite", "intoxication", "outcome", "score", "initiation", "sleep", "cognition",
		"load", "requirement", "completion"}, // how much of a substance a body carries or needs ("sodium load", "morphine requirement")
	graph.CategorySafetyRisk: {"event", "toxicity", "cardiotoxicity", "neurotoxicity", "hepatotoxicity",
		"prolongation", "arrhythmia", "fatality", "reaction", "potential", "interaction", "death", "bradycardia",
		"tachycardia", "pancreatitis", "hypoglycaemia", "hypoglycemia", "dehydration", "harm", "liability",
		"complication", "psychosis", "decompensation", "diversion", "misuse"},
	graph.CategoryTherapy: {"therapy", "psychotherapy", "counselling", "counseling", "management", "session",
		"intervention", "treatment", "monitoring", "titration", "support", "training", "programme", "program",
		"psychoeducation", "care", "rehabilitation", "detoxification", "maintenance", "induction", "prevention"},
	graph.CategoryPopulation: {"rat", "mice", "mouse", "rodent", "monkey", "animal", "primate", "patient",
		"participant", "adult", "adolescent", "smoker", "drinker", "volunteer", "veteran", "people", "women",
		"woman", "men", "man", "human", "individual", "subject", "user", "metabolizer", "metaboliser", "children",
		"child", "youth", "outpatient", "inpatient", "soldier", "civilian", "student", "prisoner", "inmate"},
})

// genericHeads name nothing without a modifier: "use", "levels",
// "treatment" alone are the sentence's words, not an entity. "drinking"
// alone is the outcome reviews name ("X reduced drinking"), so it is none.
var genericHeads = setOf("use", "day", "level", "test", "event", "session", "treatment", "loss", "index",
	"response", "quality", "release", "exchange", "expression", "reaction", "potential", "pathway", "network",
	"management", "experience", "factor", "channel", "receptor", "transporter", "support", "care", "program", "programme", "maintenance",
	"training", "intervention", "monitoring", "activation", "availability", "processing", "interaction",
	"thinking", "mood", "affect", "taste", "discomfort", "binding", "uptake", "memory", "learning", "admission",
	"harm", "liability", "complication", "behaviour", "behavior", "circuit", "therapy", "smoking",
	"subject", "individual", "user", "animal", "adult", "seeking", "reward", "severity", "dissolution",
	"thought", "peptide", "hormone", "recovery", "survival", "functioning", "disability", "stimulation",
	"conditioning", "discontinuation", "neuron", "terminal", "afferent", "tone", "adaptation", "efflux", "reuptake", "bias", "insight", "flexibility", "extinction", "preference", "emptying", "turnover",
	"secretion", "transmission", "reactivity", "responding", "incidence", "lapse", "recurrence", "signalling",
	"signaling", "escalation", "system", "area", "patient", "participant", "drug", "medication", "disorder",
	"symptom", "agonist", "antagonist", "inhibitor", "antibody", "prodrug", "alkaloid", "analogue", "analog",
	"modulator", "pharmacotherapy", "intake", "consumption", "self-administration", "enzyme", "connectivity",
	"expectancy", "level", "man", "woman", "child", "people", "volume", "threshold", "rate", "activity", "function",
	"growth", "dream", "clearance", "flow", "gating", "pressure", "temperature", "problem", "impairment", "induction", "coupling", "outcome", "state",
	"inhibition", "formation", "variant", "proliferation", "downregulation", "upregulation", "prevention", "score",
	"density", "initiation", "load", "requirement", "completion")

// substanceHead: "X use", "X dependence", "X self-administration": X is
// a substance, which the phrase names as a Drug.
var substanceHead = setOf("use", "intake", "consumption", "dependence", "self-administration", "seeking",
	"withdrawal", "craving", "smoking", "drinking", "disorder")

// leadingNoise are words that open a noun phrase but are no part of a
// name: quantities, evaluations and changes ("reduced craving" names
// craving; the change is the claim's sign).
var leadingNoise = setOf("significant", "significantly", "massive", "effective", "routine", "promising", "numerous", "greater", "lower", "higher", "reduced", "increased",
	"decreased", "improved", "stronger", "weaker", "small", "smaller", "large", "larger", "modest", "robust",
	"marked", "several", "many", "other", "further", "more", "less", "fewer", "same", "similar", "different",
	"new", "novel", "current", "recent", "previous", "initial", "subsequent", "overall", "total", "mean",
	"average", "substantial", "sustained", "rapid", "early", "potential", "possible", "key", "important",
	"major", "main", "primary", "secondary", "enhanced", "elevated", "attenuated", "diminished", "lasting",
	"persistent", "transient", "dose-dependent", "greatest", "lowest", "highest", "best", "better", "worse",
	"fewer", "some", "any", "all", "most", "each", "every", "both", "either", "neither", "no", "few", "little",
	"much", "whole", "entire", "certain", "specific", "general", "common", "rare", "frequent", "limited",
	"additional", "independent", "relevant", "prior", "later", "first", "second", "third", "final", "last",
	"next", "whether", "however", "thus", "therefore", "also", "only", "even", "still", "already", "often",
	"particularly", "especially", "notably", "here", "there", "what", "which", "who", "whom", "whose", "how",
	"we", "they", "it", "he", "she", "our", "your", "my", "i", "e", "g", "ie", "eg", "et", "al", "vs", "versus",
	"fig", "figure", "table", "ref", "up", "down", "out", "mild", "moderate", "severe", "intense", "ongoing",
	"repeated", "continuous", "concurrent", "pre-existing", "successful", "stable", "exaggerated", "heightened",
	"weekly", "daily", "monthly", "baseline", "standard", "established", "unproven", "plausible", "approved",
	"local", "male", "female", "affected", "meaningful", "long-term", "short-term", "chronic", "acute",
	"including", "excluding", "whereas", "whether", "chiefly", "mainly", "mostly", "largely", "self-reported",
	"reported", "observed", "available", "existing", "principal", "potent", "safer", "wide", "active", "candidate", "voluntary", "laboratory", "experimental",
	"systolic", "diastolic", "peak", "weak", "strong",
	// judgements of worth or kind a review passes on what it names
	// ("poorer verbal memory", "careful monitoring", "a practical KOR
	// agonist", "genuine opioid activity")
	"poorer", "careful", "acceptable", "practical", "genuine",
	// "its own abuse potential", "their own withdrawal syndrome": whose
	// it is, not what
	"own")

// verbsNotNouns are words the tagger often reads as nouns in this prose
// but that are the clause's verbs or cues ("effects", "reduces").
// A study's kind ("case series") and a reporting verb ("describe") open no
// name either: "case series describe ketamine dependence" names ketamine
// dependence.
var verbsNotNouns = setOf("effect", "role", "evidence", "finding", "result", "study", "trial", "review",
	"data", "analysis", "report", "outcome", "measure", "number", "proportion", "change", "difference",
	"group", "week", "month", "year", "hour", "time", "rate", "odds", "ratio", "risk", "score", "scale",
	"questionnaire", "dose", "doses", "mg", "kg", "ml", "percent", "case", "model", "sample", "cohort",
	"period", "phase", "arm", "condition", "context", "mechanism", "target", "action", "property", "approach",
	"way", "part", "form", "kind", "class", "range", "degree", "extent", "region",
	"site", "benefit", "efficacy", "safety", "tolerability", "profile", "feature", "concern",
	"increase", "decrease", "reduction", "improvement", "association", "correlation",
	"series", "describe")

func categoryHeads(m map[graph.Category][]string) map[string]graph.Category {
	out := map[string]graph.Category{}
	for c, ws := range m {
		for _, w := range ws {
			out[joinStems(w)] = c
		}
	}
	return out
}

// joinStems is a word's stemmed form as headWord builds it: hyphenated
// parts joined by "-".
func joinStems(w string) string {
	s := ""
	for i, p := range stems(w) {
		if i > 0 {
			s += "-"
		}
		s += p
	}
	return s
}

// evaluativeCompounds judge a treatment or say where it stands in
// practice; they open a phrase without naming anything.
var evaluativeCompounds = setOf("evidence-based", "stand-alone", "first-line", "second-line", "well-established",
	"well-tolerated", "well-known", "so-called", "short-lived", "long-lasting")

// relationalOpeners say how a condition stands to another ("co-occurring
// depression", "comorbid anxiety", "pre-existing heart disease").
var relationalOpeners = map[string]bool{"co-occurring": true, "comorbid": true, "concurrent": true, "coexisting": true,
	"co-existing": true, "concomitant": true, "pre-existing": true, "underlying": true}
