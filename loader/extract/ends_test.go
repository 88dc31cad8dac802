package extract

import (
	"slices"
	"testing"
)

// TestClaimEnds holds the claim-end span rules of ends.go: each row names
// a sentence, a surface it must name, and a surface it must not (a span
// too long or too short), or "" for none.
func TestClaimEnds(t *testing.T) {
	for _, c := range []struct {
		rule, text, want, not string
	}{
		// "X is a [manner] agonist at T" defines X as a drug; a role with
		// no target defines nothing.
		{"role at a target", "Mescaline is a partial agonist at serotonin 2A receptors and produces visual effects.", "Mescaline", ""},
		{"role at a target", "Tabernanthine is an antagonist of the NMDA receptor in cortical slices.", "Tabernanthine", ""},
		{"role at a target", "Quietude is an antagonist, in a sense, of arousal.", "", "Quietude"},
		// "X, a small cactus": a psychoactive plant the text defines is
		// the drug taken.
		{"plant as a substance", "Peyote, a small cactus, has been used sacramentally for a century.", "Peyote", ""},
		{"plant as a substance", "Kratom, a tropical plant, is used to self-treat opioid withdrawal.", "Kratom", ""},
		// Head nouns of general pharmacology: a measure of neurons, a
		// symptom, a harm of a medicine, a step of treatment.
		{"head noun", "Ketamine restored dendritic spines in stressed mice.", "dendritic spines", ""},
		{"head noun", "Psilocybin increased dendritic spine density within a day.", "dendritic spine density", ""},
		{"head noun", "Prazosin reduced trauma-related nightmares in veterans.", "trauma-related nightmares", ""},
		{"head noun", "Take-home doses raise concerns about diversion of methadone.", "diversion", ""},
		{"head noun", "Lofexidine eased buprenorphine initiation in the clinic.", "buprenorphine initiation", ""},
		// Where a part of a neuron sits is no part of its name.
		{"site of a cell part", "Ketamine restored prefrontal spine density in rats.", "spine density", "prefrontal spine density"},
		// Named nuclei and regions by their Latin head.
		{"region head", "Opioids inhibit neurons of the locus coeruleus.", "locus coeruleus", ""},
		{"region head", "Rotenone damages the substantia nigra in rats.", "substantia nigra", ""},
		{"region head", "Psilocybin altered the activity of the claustrum.", "claustrum", ""},
		// "without V-ing" says how, not who: the population is the noun.
		{"gerund after with", "Gabapentin reduced drinking in rats without affecting drinking in controls.", "", "rats without affecting drinking"},
		{"gerund after with", "Prazosin helped veterans with drinking problems.", "veterans with drinking problems", ""},
		// A release form is one modifier, never cut at its hyphen.
		{"release form", "In cocaine use disorder, sustained-release dexamphetamine lowered cocaine use.", "sustained-release dexamphetamine", "release dexamphetamine"},
		// A counted time is a duration, no entity.
		{"counted time", "Lofexidine should be tapered over 2-4 days after the last dose.", "", "2-4 days"},
		{"counted time", "Topiramate reduced heavy drinking days over 12 weeks.", "heavy drinking days", "12 weeks"},
		// The word after "who" is the relative clause's verb.
		{"verb after who", "Approximately one in ten people who use cannabis develop cannabis use disorder.", "cannabis use disorder", "use cannabis"},
		// Sleep and cognition are outcomes a drug changes.
		{"head noun", "Suvorexant also improved sleep in people who used cocaine.", "sleep", ""},
		{"head noun", "Whether improving cognition translates into less drug use is unknown.", "cognition", ""},
		// A plural verb before a head noun the tagger read as a verb is
		// the clause's verb, not part of a name.
		{"verb before a head", "Heavy drinking in turn worsens sleep and impairs fear extinction.", "sleep", "turn worsens sleep"},
		// A capital "A" hyphen-joined to a name is a subtype's letter.
		{"isoform A", "Orexin-A and orexin-B are neuropeptides made in the lateral hypothalamus.", "Orexin-A", "Orexin"},
		{"isoform A", "Benzodiazepines act at the GABA-A receptor in the amygdala.", "GABA-A receptor", "GABA"},
		// How a class acts on its target is no part of the class's name,
		// unless the vocabulary's name keeps it.
		{"manner of a class", "We propose that selective OX1R antagonists be tested for stress-induced craving.", "OX1R antagonists", "selective OX1R antagonists"},
		{"manner of a class", "Ayahuasca with selective serotonin reuptake inhibitors risks serotonin toxicity.", "selective serotonin reuptake inhibitors", "serotonin reuptake inhibitors"},
		// A judgement of worth or duration opens no name.
		{"judgement opener", "Salvinorin A produces short-lived dissociation and sedation.", "dissociation", "short-lived dissociation"},
		{"judgement opener", "Heavy users of ketamine showed poorer verbal memory than controls.", "verbal memory", "poorer verbal memory"},
		{"judgement opener", "Kratom alkaloids showed genuine opioid activity in cells.", "opioid activity", "genuine opioid activity"},
		{"judgement opener", "Its sedation requires careful monitoring of patients.", "", "careful monitoring"},
		// How much of a substance a body carries or needs is a measure of
		// its own, not the substance.
		{"amount head", "Each dose contains a substantial sodium load in cirrhosis.", "sodium load", "sodium"},
		{"amount head", "Phenobarbital reduced lorazepam requirement in the first day.", "lorazepam requirement", "lorazepam"},
		{"amount head", "Phenobarbital met no requirement.", "", "requirement"},
		// A cue's participle read as an adjective after a verb or
		// preposition names a kind of the harm; after a noun it is the verb.
		{"kind participle", "Buprenorphine can cause precipitated withdrawal in dependent patients.", "precipitated withdrawal", "withdrawal"},
		{"kind participle", "Induction is often complicated by precipitated withdrawal in fentanyl users.", "precipitated withdrawal", "withdrawal"},
		{"kind participle", "Naloxone precipitated withdrawal in dependent rats.", "withdrawal", "precipitated withdrawal"},
	} {
		wantSpan(t, c.rule, c.text, c.want, c.not)
	}
}

// wantSpan checks that text names want as a span of its own (unless
// empty) and does not name not.
func wantSpan(t *testing.T, rule, text, want, not string) {
	t.Helper()
	got := mentionSurfaces(text)
	if want != "" && !slices.Contains(got, want) {
		t.Errorf("%s: %q names %q, want %q among them", rule, text, got, want)
	}
	if not != "" && slices.Contains(got, not) {
		t.Errorf("%s: %q names %q, which should not be a span of its own", rule, text, not)
	}
}

// claimObjects is the surfaces of the objects of the claims ExtractOpen
// reads in one sentence.
func claimObjects(text string) []string {
	res := ExtractOpen(nil, []Sentence{{Index: 0, Line: 1, Text: text}})
	surface := map[string]string{}
	for _, m := range res.Mentions {
		surface[m.ID] = m.Surface
	}
	var out []string
	for _, c := range res.Candidates {
		out = append(out, surface[c.Object])
	}
	return out
}

// TestActivityOfItsOwn: an activity named by its transmitter system
// ("noradrenergic hyperactivity in the locus coeruleus") is the claim's
// end, not only its place; an activity of plain adjectives gives way to
// the place ("reduced functional connectivity of the claustrum").
func TestActivityOfItsOwn(t *testing.T) {
	for _, c := range []struct{ text, want, not string }{
		{"Clonidine dampens noradrenergic hyperactivity in the locus coeruleus.", "noradrenergic hyperactivity", "locus coeruleus"},
		{"Ketamine reduced dopaminergic activity in the ventral striatum.", "dopaminergic activity", "ventral striatum"},
		{"Psilocybin reduced functional connectivity of the claustrum.", "claustrum", "functional connectivity"},
	} {
		got := claimObjects(c.text)
		if !slices.Contains(got, c.want) || slices.Contains(got, c.not) {
			t.Errorf("%q: claim objects %q, want %q and not %q", c.text, got, c.want, c.not)
		}
	}
}
