package extract

import (
	"slices"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

// mentionSurfaces is the surfaces ExtractOpen names in one sentence.
func mentionSurfaces(text string) []string {
	res := ExtractOpen(nil, []Sentence{{Index: 0, Line: 1, Text: text}})
	var out []string
	for _, m := range res.Mentions {
		out = append(out, m.Surface)
	}
	return out
}

// TestEntitySpans holds the entity rules of this file's commits: each row
// names a sentence, a surface it must name, and a surface it must not (a
// span too long or too short), or "" for none.
func TestEntitySpans(t *testing.T) {
	for _, c := range []struct {
		rule, text, want, not string
	}{
		// HPO's "Increased heart rate", "Elevated blood pressure",
		// "Prolonged QT interval": the quantity is a term.
		{"HPO quantity", "MDMA raises blood pressure and heart rate in most participants.", "heart rate", ""},
		{"HPO quantity", "Methadone lengthens the QT interval in a dose-dependent way.", "QT interval", ""},
		// "problems" heads a condition: "mental health problems", "dental problems".
		{"problem head", "Lifetime psychedelic use was not associated with mental health problems.", "mental health problems", "mental health"},
		{"problem head", "Long-term methadone causes dental problems.", "dental problems", ""},
		// "hyper-"/"hypo-" + a head noun: the head's category, so the
		// phrase keeps its modifiers.
		{"degree prefix", "Clonidine reduces noradrenergic hyperactivity during withdrawal.", "noradrenergic hyperactivity", "hyperactivity"},
		{"degree prefix", "Alcohol withdrawal leaves a state of neuronal hyperexcitability.", "neuronal hyperexcitability", ""},
		// "feelings of X", "quality of X": a measure named with what it
		// measures.
		{"measure of X", "The rise in oxytocin correlates with the feelings of closeness that participants report.", "feelings of closeness", "closeness"},
		{"measure of X", "Gabapentin improved sleep and quality of life in the trial.", "quality of life", ""},
		// "time to X": after "to" the tagger reads the event as a verb;
		// "time" alone, or before a verb, names nothing.
		{"time to event", "Topiramate lengthened the time to relapse in the trial.", "time to relapse", ""},
		{"time to event", "Varenicline delayed the time to first lapse after the quit date.", "time to first lapse", ""},
		{"time to event", "Methadone did not prolong the time to resumption of heroin use.", "time to resumption of heroin use", "time to resumption"},
		{"time to event", "Patients need time to adjust to the dose.", "", "time to adjust"},
		// A compartment before a substance names its level there; a
		// region's adjective or a route does not.
		{"substance where measured", "Oxytocin lowered plasma cortisol during the stress test.", "plasma cortisol", "cortisol"},
		{"substance where measured", "Ceftriaxone normalised extrasynaptic glutamate in the accumbens.", "extrasynaptic glutamate", "glutamate"},
		{"substance where measured", "Bupropion raises synaptic dopamine in the striatum.", "synaptic dopamine", "dopamine"},
		{"substance where measured", "Patients on oral naltrexone relapsed more often.", "oral naltrexone", "plasma naltrexone"},
		{"substance where measured", "Cortisol rose after the session.", "Cortisol", ""},
		// A drug the tagger reads as a verb still opens the phrase.
		{"drug tagged as a verb", "Oxytocin reduced alcohol intake but not heroin self-administration in rats.", "heroin self-administration", "self-administration"},
		{"drug tagged as a verb", "Oxytocin reduces heroin seeking after abstinence.", "heroin seeking", ""},
		// A drug named with how it is made or given is a product of its
		// own: "oral", and "slow-release" although "slow" is a cue verb.
		{"formulation", "Slow-release oral morphine was non-inferior to methadone in reducing heroin use.", "Slow-release oral morphine", "morphine"},
		{"formulation", "Patients on oral naltrexone relapsed more often than those on the injection.", "oral naltrexone", "naltrexone"},
		// General English heads of harm, dysfunction and adaptation.
		{"harm heads", "Common adverse events were muscle tightness and nausea.", "muscle tightness", ""},
		{"harm heads", "Heavy use of ecstasy is associated with memory deficits in users.", "memory deficits", ""},
		{"harm heads", "Some patients described visual disturbances after the session.", "visual disturbances", ""},
		{"harm heads", "Gabapentin should be dosed carefully in renal impairment.", "renal impairment", ""},
		{"adaptation heads", "Methadone may limit the development of tolerance.", "tolerance", ""},
		{"adaptation heads", "Gabapentin binds the alpha-2-delta subunit of calcium channels.", "alpha-2-delta subunit", ""},
		// Alone, "impairments" and "induction" name nothing.
		{"generic alone", "NAC normalized the impairments in long-term potentiation.", "", "impairments"},
		// The outcomes of a behaviour are its measure; "primary outcome"
		// names nothing.
		{"behaviour outcomes", "Gabapentin improved drinking outcomes in patients with more severe withdrawal.", "drinking outcomes", ""},
		{"behaviour outcomes", "The primary outcome was the percentage of heavy drinking days.", "", "primary outcome"},
		// A hyphenated compound head keeps a part the lists keep out of runs
		// ("efficacy" alone is a word of the sentence).
		{"compound head", "Psilocybin may act by increasing psychological flexibility and self-efficacy.", "self-efficacy", ""},
		// "X state" names a state; a name in capitals is no category's.
		{"state head", "LSD is thought to produce the psychedelic state through 5-HT2A receptors.", "psychedelic state", ""},
		{"proper name", "In the United States, overdose deaths involving stimulants rose.", "", "United States"},
		// "mice" is plural whatever the tagger says: it ends its phrase.
		{"irregular plural", "In rats it failed, whereas in mice LSD has reduced alcohol preference.", "mice", ""},
		// "stress" heads a symptom; the HPO resource leaves it out as too
		// common a word alone, the head rule reads it as a noun.
		{"stress head", "Oxytocin attenuates responses to psychosocial stress in dependent patients.", "psychosocial stress", ""},
		// A phenotype term read whole over a word no noun phrase takes.
		{"bridged term", "Methadone has been linked to torsades de pointes in case reports.", "torsades de pointes", ""},
		// How strong an action is is not part of what is named.
		{"strength words", "Oxytocin has weak antidiuretic activity at high doses.", "antidiuretic activity", "weak antidiuretic activity"},
		// Heads of biological processes and variants.
		{"process heads", "In cultured neurons, LSD promoted dendritic growth and spine formation.", "spine formation", ""},
		{"process heads", "Oxytocin causes uterine contractions at high doses.", "uterine contractions", ""},
		{"process heads", "Topiramate enhances GABAergic inhibition in the amygdala.", "GABAergic inhibition", ""},
		{"process heads", "Carriers of the rs53576 polymorphism showed greater stress reactivity.", "rs53576 polymorphism", ""},
		{"process heads", "Baclofen did not precipitate decompensation in patients with cirrhosis.", "decompensation", ""},
		{"generic alone", "Tolerance develops through downregulation of 5-HT2A receptors.", "", "downregulation"},
		// "acute"/"chronic" before a symptom name its course, as before a
		// disease or harm.
		{"clinical course", "Acute anxiety and paranoia occurred in a minority of sessions.", "Acute anxiety", "anxiety"},
		// A phenotype named with its change, as an item of a list of
		// harms after a comma, keeps the change word; as a verb after a
		// subject it is the claim's sign.
		{"listed change", "Mirtazapine commonly causes sedation, increased appetite and weight gain.", "increased appetite", "appetite"},
		{"listed change", "Adverse events were muscle tightness, nausea, decreased appetite and hyperhidrosis.", "decreased appetite", "appetite"},
		{"listed change", "Mirtazapine increased appetite in most participants.", "appetite", "increased appetite"},
		// "prevention" heads a programme that prevents ("relapse
		// prevention"); it is no cue verb and names nothing alone.
		{"prevention head", "Oxytocin may be tested as an adjunct to mindfulness-based relapse prevention.", "mindfulness-based relapse prevention", "mindfulness-based relapse"},
		{"prevention head", "Ketamine was given with relapse prevention therapy in the trial.", "relapse prevention therapy", "relapse"},
		{"prevention head", "The prevention of relapse remains the goal of treatment.", "", "prevention"},
		// The pace of a procedure says which procedure.
		{"pace of therapy", "These adverse events can be minimized by slow titration.", "slow titration", "titration"},
		{"pace of therapy", "Gradual titration over six weeks reduces these effects.", "Gradual titration", "titration"},
		{"pace of therapy", "Topiramate was slow to act in the trial.", "", "slow"},
		// An instrument's scores are the measure a trial reports.
		{"instrument scores", "MDMA-assisted therapy lowered AUDIT scores in participants who drank.", "AUDIT scores", ""},
		{"instrument scores", "Ibogaine lowered CAPS scores at one month.", "CAPS scores", ""},
		{"instrument scores", "The scores fell after treatment.", "", "scores"},
		// An "-s" word between a singular noun and more of a noun phrase
		// is the clause's verb.
		{"interior verb", "Disulfiram deters drinking by causing an aversive reaction.", "Disulfiram", "Disulfiram deters drinking"},
		{"interior verb", "In rats, ibogaine attenuated naloxone-precipitated withdrawal signs such as jumping.", "", "naloxone-precipitated withdrawal"},
		// A drug class word in adjective use modifies; it names no drug.
		{"adjective drug", "Ephedrine produced sympathomimetic arousal without perceptual change.", "Ephedrine", "sympathomimetic"},
		{"adjective drug", "Prazosin and doxazosin are inexpensive generic drugs.", "Prazosin", "generic"},
	} {
		got := mentionSurfaces(c.text)
		if c.want != "" && !slices.Contains(got, c.want) {
			t.Errorf("%s: %q names %q, want %q among them", c.rule, c.text, got, c.want)
		}
		if c.not != "" && slices.Contains(got, c.not) {
			t.Errorf("%s: %q names %q, which should not be a span of its own", c.rule, c.text, c.not)
		}
	}
}

// TestAddQuantities: the quantity forms come from HPO's change names, only
// of two words or more, and never override a resource's own entry.
func TestAddQuantities(t *testing.T) {
	ix := &resourceIndex{forms: map[string]resEntry{}}
	for _, f := range []struct{ surface, id string }{
		{"increased heart rate", "HP:1"}, {"increased appetite", "HP:2"}, {"elevated blood pressure", "HP:3"},
		{"blood pressure", "X:9"}, {"persistent heart murmur", "HP:4"},
	} {
		k, _ := stemKey(f.surface)
		ix.forms[k] = resEntry{id: f.id, cat: graph.CategorySymptom}
	}
	ix.addQuantities()
	for _, c := range []struct {
		text string
		ok   bool
		id   string
	}{{"heart rate", true, ""}, {"appetite", false, ""}, {"blood pressure", true, "X:9"}, {"heart murmur", false, ""}} {
		ts := tokenize(c.text)
		e, ok := ix.lookup(ts, 0, len(ts))
		if ok != c.ok || ok && e.id != c.id {
			t.Errorf("%s: %+v %v, want found=%v id %q", c.text, e, ok, c.ok, c.id)
		}
	}
}

func TestDegreeHead(t *testing.T) {
	for _, c := range []struct {
		w    string
		want graph.Category
	}{
		{"hyperexcitability", graph.CategoryMechanism}, {"hypoactivity", graph.CategoryOutcome},
		{"hyperactivity", graph.CategoryOutcome}, {"hyperbole", ""}, {"hypothesis", ""}, {"hyperexcitability", headCategory("hyperexcitability")},
	} {
		if got := degreeHead(c.w); got != c.want {
			t.Errorf("degreeHead(%q) = %q, want %q", c.w, got, c.want)
		}
	}
}
