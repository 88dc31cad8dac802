package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

// claimsOf27 returns "subject predicate sign modality object" for each
// candidate ExtractOpen makes from one sentence.
func claimsOf27(text string) []string {
	res := ExtractOpen(nil, []Sentence{{Index: 0, Text: text, Section: "Test"}})
	surface := map[string]string{}
	for _, m := range res.Mentions {
		surface[m.ID] = m.Surface
	}
	var cs []string
	for _, c := range res.Candidates {
		cs = append(cs, strings.Join([]string{surface[c.Subject], string(c.Predicate), string(c.Sign), string(c.Modality), surface[c.Object]}, " "))
	}
	return cs
}

// wantClaims27 checks that the claims read in text hold every one of want
// and none of absent (each in claimsOf27's form).
func wantClaims27(t *testing.T, text string, want, absent []string) {
	t.Helper()
	got := claimsOf27(text)
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("%s\n got: %q\nwant: %q", text, got, w)
		}
	}
	for _, a := range absent {
		if slices.Contains(got, a) {
			t.Errorf("%s\n got: %q, which should not hold %q", text, got, a)
		}
	}
}

// TestComparedWith: a measure that was lower or higher with (after,
// following, on) a drug is what the drug did to it; the arm after "than"
// is the comparison; a harm more common with the drug stays an adverse
// event.
func TestComparedWith(t *testing.T) {
	aff := string(graph.Affects)
	tests := []struct {
		name, text   string
		want, absent string
	}{
		{"lower with", "Relapse rates were lower with naltrexone than with placebo.",
			"naltrexone " + aff + " decreases ASSERTED Relapse", "placebo " + aff + " decreases ASSERTED Relapse"},
		{"adverb, after, comparison arm", "Craving was significantly lower after ketamine than after midazolam.",
			"ketamine " + aff + " decreases ASSERTED Craving", "midazolam " + aff + " decreases ASSERTED Craving"},
		{"more likely with", "Abstinence was more likely with varenicline than with placebo.",
			"varenicline " + aff + " increases ASSERTED Abstinence", ""},
		{"higher with, the other drug compared", "Retention was higher with methadone than with buprenorphine.",
			"methadone " + aff + " increases ASSERTED Retention", "buprenorphine " + aff + " increases ASSERTED Retention"},
		{"fewer with", "Heavy drinking days were fewer with topiramate.",
			"topiramate " + aff + " decreases ASSERTED Heavy drinking days", ""},
		{"negated", "Relapse rates were not lower with naltrexone than with placebo.",
			"naltrexone " + aff + " decreases NEGATED Relapse", "naltrexone " + aff + " decreases ASSERTED Relapse"},
		{"a harm more frequent with a drug stays an adverse event", "Nausea was more frequent with nalmefene than with placebo.",
			"nalmefene " + string(graph.HasAdverseEvent) + "  ASSERTED Nausea", "nalmefene " + aff + " increases ASSERTED Nausea"},
		{"a place is no treatment", "Dopamine release was lower in the striatum.",
			"", "striatum " + aff + " decreases ASSERTED Dopamine release"},
	}
	for _, tt := range tests {
		cs := claimsOf27(tt.text)
		if tt.want != "" && !slices.Contains(cs, tt.want) {
			t.Errorf("%s: %q: no %q in %q", tt.name, tt.text, tt.want, cs)
		}
		if tt.absent != "" && slices.Contains(cs, tt.absent) {
			t.Errorf("%s: %q: %q made: %q", tt.name, tt.text, tt.absent, cs)
		}
	}
}

// TestChangedAfter: a measure's own verb of change, then the treatment
// it changed under ("craving declined after ketamine"), says what the
// treatment did; a harm that improved is less of it.
func TestChangedAfter(t *testing.T) {
	aff := string(graph.Affects)
	tests := []struct {
		name, text   string
		want, absent string
	}{
		{"declined after", "Craving declined after ketamine.", "ketamine " + aff + " decreases ASSERTED Craving", ""},
		{"increased after", "Craving increased after cocaine.", "cocaine " + aff + " increases ASSERTED Craving", ""},
		{"improved with, not a harm", "Abstinence improved with varenicline.", "varenicline " + aff + " increases ASSERTED Abstinence", ""},
		{"a harm that improved is less", "Withdrawal symptoms improved after lofexidine.",
			"lofexidine " + aff + " decreases ASSERTED Withdrawal symptoms", "lofexidine " + aff + " increases ASSERTED Withdrawal symptoms"},
		{"hedged", "These data suggest that craving declined after ketamine.", "ketamine " + aff + " decreases HEDGED craving", ""},
	}
	for _, tt := range tests {
		cs := claimsOf27(tt.text)
		if tt.want != "" && !slices.Contains(cs, tt.want) {
			t.Errorf("%s: %q: no %q in %q", tt.name, tt.text, tt.want, cs)
		}
		if tt.absent != "" && slices.Contains(cs, tt.absent) {
			t.Errorf("%s: %q: %q made: %q", tt.name, tt.text, tt.absent, cs)
		}
	}
}
