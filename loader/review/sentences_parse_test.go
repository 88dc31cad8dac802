package review

import (
	"strings"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"et al. inside a sentence", "Krystal et al. found an effect. It was large.",
			[]string{"Krystal et al. found an effect.", "It was large."}},
		{"et al. before a year", "Okafor et al. (2021) linked this shift. Next one.",
			[]string{"Okafor et al. (2021) linked this shift.", "Next one."}},
		{"et al. ending a sentence", "This was shown by Smith et al. The effect was large.",
			[]string{"This was shown by Smith et al.", "The effect was large."}},
		{"e.g. and i.e.", "Some drugs, e.g. Ketamine, i.e. An NMDA antagonist, act fast. Others do not.",
			[]string{"Some drugs, e.g. Ketamine, i.e. An NMDA antagonist, act fast.", "Others do not."}},
		{"e.g., inside parentheses", "Dual-diagnosis patients (e.g., depression + addiction) respond. Others vary.",
			[]string{"Dual-diagnosis patients (e.g., depression + addiction) respond.", "Others vary."}},
		{"vs. before a capital", "Ketamine vs. Placebo was tested. Results followed.",
			[]string{"Ketamine vs. Placebo was tested.", "Results followed."}},
		{"Dr. title", "Dr. Harlow led the trial. It ended in 2020.",
			[]string{"Dr. Harlow led the trial.", "It ended in 2020."}},
		{"decimal numbers", "Doses of 0.5 mg/kg and 1.5 mg/kg were used. Both worked.",
			[]string{"Doses of 0.5 mg/kg and 1.5 mg/kg were used.", "Both worked."}},
		{"U.S.-based", "More recent U.S.-based research confirms it. Next.",
			[]string{"More recent U.S.-based research confirms it.", "Next."}},
		{"U.K. before a name", "The U.K. Biobank data agree. Next.",
			[]string{"The U.K. Biobank data agree.", "Next."}},
		{"U.K. ending a sentence", "Work came from the U.K. The largest cohort was elsewhere.",
			[]string{"Work came from the U.K.", "The largest cohort was elsewhere."}},
		{"citation before the stop", "It acts in the hippocampus [2]. Another effect follows [3].",
			[]string{"It acts in the hippocampus [2].", "Another effect follows [3]."}},
		{"citation after the stop", "It acts in the hippocampus. [2] Another effect follows.",
			[]string{"It acts in the hippocampus. [2]", "Another effect follows."}},
		{"citation after the last stop", "It acts in the hippocampus. [2, 4]",
			[]string{"It acts in the hippocampus. [2, 4]"}},
		{"stop inside parentheses", "Ketamine (an NMDA antagonist. See text.) is used. Next.",
			[]string{"Ketamine (an NMDA antagonist. See text.) is used.", "Next."}},
		{"author-year parenthetical", "Circuitry normalises (Krystal et al., 2013). Next.",
			[]string{"Circuitry normalises (Krystal et al., 2013).", "Next."}},
		{"question and exclamation", "Does it work? Nobody knows! Trials continue.",
			[]string{"Does it work?", "Nobody knows!", "Trials continue."}},
		{"Fig. before a number", "See Fig. 2 for details. Then read on.",
			[]string{"See Fig. 2 for details.", "Then read on."}},
		{"initials", "The scale by J. H. Krystal was used. It is common.",
			[]string{"The scale by J. H. Krystal was used.", "It is common."}},
		{"lower case after a stop", "The dose was 5 mg. then doubled.",
			[]string{"The dose was 5 mg. then doubled."}},
		{"closing quote", `He said "stop." Then he left.`,
			[]string{`He said "stop."`, "Then he left."}},
		{"no final stop", "A list item without a stop",
			[]string{"A list item without a stop"}},
		{"unbalanced parenthesis", "An open ( bracket. Then text.",
			[]string{"An open ( bracket.", "Then text."}},
		{"en dash range", "It works [1–3]. Next.",
			[]string{"It works [1–3].", "Next."}},
		{"wrapped lines", "First line wraps\nhere. Second\n  sentence.",
			[]string{"First line wraps\nhere.", "Second\n  sentence."}},
		{"approx. before a number", "A dose of approx. 0.3 mg/kg was used. Fine.",
			[]string{"A dose of approx. 0.3 mg/kg was used.", "Fine."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assertSentences(t, tc.in, tc.want)
		})
	}
}

func assertSentences(t *testing.T, in string, want []string) {
	t.Helper()
	var got []string
	for _, sp := range splitSentences(in) {
		got = append(got, in[sp.start:sp.end])
	}
	if strings.Join(got, "\x00") != strings.Join(want, "\x00") {
		t.Errorf("splitSentences(%q)\n got  %q\n want %q", in, got, want)
	}
}

func TestRunInLabel(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Neuroplasticity Enhancement: Ketamine increases glutamate release.", "Neuroplasticity Enhancement"},
		{"Opinion: Given ketamine's ability, it helps.", "Opinion"},
		{"Disruption of Addictive Circuitry: Chronic use dysregulates it.", "Disruption of Addictive Circuitry"},
		{"**Opinion:** Given this, it helps.", "Opinion"},
		{"Results were clear: Ketamine helped.", ""},
		{"In clinical settings, ketamine may be most appropriate for:", ""},
		{"Self-Efficacy: participants describe a shift.", ""},
	}
	for _, tc := range tests {
		if got := runInLabel(tc.in); got != tc.want {
			t.Errorf("runInLabel(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
