package extract

import (
	"slices"
	"testing"
)

// TestPopulationSpans holds the population rules of this file's commit:
// each row names a sentence, the population it must name whole, and a
// shorter or longer span it must not name instead.
func TestPopulationSpans(t *testing.T) {
	for _, c := range []struct {
		rule, text, want, not string
	}{
		// An adjective or participle before the defining condition
		// grades it and belongs to the population.
		{"condition modifier", "Esketamine was tested in patients with uncontrolled hypertension and found unsafe.", "patients with uncontrolled hypertension", ""},
		{"condition modifier", "Naltrexone helped patients with comorbid alcohol dependence more than others.", "patients with comorbid alcohol dependence", ""},
		// A written-out count is the sample's size, not who they are.
		{"leading count", "A pilot study in ten volunteers with alcohol dependence found large effects.", "volunteers with alcohol dependence", "ten volunteers with alcohol dependence"},
		// General English nouns for people.
		{"population heads", "Prazosin improved sleep in soldiers with alcohol dependence.", "soldiers with alcohol dependence", ""},
		{"population heads", "Prazosin reduced drinking in civilians with alcohol dependence.", "civilians with alcohol dependence", ""},
		// A hyphenated modifier is one word with its head.
		{"hyphenated modifier", "Prazosin improved sleep in active-duty soldiers with alcohol dependence.", "active-duty soldiers with alcohol dependence", "duty soldiers with alcohol dependence"},
		// An age describes one case, not who the population is.
		{"age", "A 36-year-old man with severe cocaine use disorder reported less craving.", "man with severe cocaine use disorder", "36-year-old man with severe cocaine use disorder"},
		// A range of degrees grades the condition as one degree does.
		{"degree range", "MDMA was tested in participants with moderate to severe PTSD at three sites.", "participants with moderate to severe PTSD", "participants with moderate"},
		{"degree range", "Prazosin reduced drinking in patients with mild to moderate alcohol dependence.", "patients with mild to moderate alcohol dependence", "patients with mild"},
		// A hyphenated noun compound in the condition is read whole, never
		// cut at its hyphen.
		// A second condition of one named word ends the phrase: the
		// population has both; before more words it may be a list's
		// next item.
		{"named coordination", "Prazosin reduced drinking in veterans with depression and insomnia.", "veterans with depression and insomnia", "veterans with depression"},
		{"named coordination", "Prazosin reduced drinking in veterans with depression and insomnia in a pilot.", "veterans with depression", "veterans with depression and insomnia"},
		{"noun compound", "In rats with a history of cocaine self-administration, stimulation reduced seeking.", "rats with a history of cocaine self-administration", "rats with a history of cocaine self"},
	} {
		got := mentionSurfaces(c.text)
		if !slices.Contains(got, c.want) {
			t.Errorf("%s: %q names %q, want %q among them", c.rule, c.text, got, c.want)
		}
		if c.not != "" && slices.Contains(got, c.not) {
			t.Errorf("%s: %q names %q, which should not be a span of its own", c.rule, c.text, c.not)
		}
	}
}
