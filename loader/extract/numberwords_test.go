package extract

import (
	"slices"
	"testing"
)

// TestNumberWordTags: a word the tagger calls a number by its ending
// ("methadone/CD or buprenorphine") is a noun, so a drug listed with
// "or" is still named; a real number word stays a number and names
// nothing.
func TestNumberWordTags(t *testing.T) {
	tests := []struct {
		text string
		want []string // surfaces of the mentions, in order
	}{
		{"Patients received methadone or naltrexone.", []string{"methadone", "naltrexone"}},
		{"Patients received methadone or buprenorphine.", []string{"methadone", "buprenorphine"}},
		{"Patients received one or two doses of lorazepam.", []string{"lorazepam"}},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range ExtractOpen(nil, []Sentence{{Index: 0, Text: tt.text, Section: "Methods"}}).Mentions {
			got = append(got, m.Surface)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: mentions %q, want %q", tt.text, got, tt.want)
		}
	}
	for _, w := range []string{"one", "twelve", "iii", "2b", "million"} {
		if !numberWord(w) {
			t.Errorf("numberWord(%q) = false", w)
		}
	}
	for _, w := range []string{"methadone", "naltrexone", "cortisone"} {
		if numberWord(w) {
			t.Errorf("numberWord(%q) = true", w)
		}
	}
}

// TestCueVerbAfterNoun: a cue verb's third person the tagger read as a
// plural noun after the subject ("ketamine causes/NNS ...") is the
// clause's verb, so every member of its object list gets the claim.
func TestCueVerbAfterNoun(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"after a fronted phrase", []string{"At low doses, ketamine causes sedation, elevated anxiety and relapse."},
			"DRUGBANK:DB01221 AFFECTS increases T:sedation; DRUGBANK:DB01221 AFFECTS increases T:anxiety; DRUGBANK:DB01221 AFFECTS increases T:relapse"},
	})
}
