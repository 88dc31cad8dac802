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
		// How a class acts on its target is no part of the class's name,
		// unless the vocabulary's name keeps it.
		{"manner of a class", "We propose that selective OX1R antagonists be tested for stress-induced craving.", "OX1R antagonists", "selective OX1R antagonists"},
		{"manner of a class", "Ayahuasca with selective serotonin reuptake inhibitors risks serotonin toxicity.", "selective serotonin reuptake inhibitors", "serotonin reuptake inhibitors"},
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
