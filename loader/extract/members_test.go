package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestDescribedExamples: an example a list introduces may carry an
// article and a description ("such as the oral drug X", "including the
// antidepressant X"): it is still an example, and gets the class's claim
// (a class not named by its target) or the class's action on its target.
func TestDescribedExamples(t *testing.T) {
	tests := []struct {
		text string
		want string // "subject>object" by surface, among the claims
	}{
		{"Opioid antagonists, including the prototype naltrexone, reduce craving.", "naltrexone>craving"},
		{"Opioid antagonists such as the long-acting drug naltrexone reduce craving.", "naltrexone>craving"},
		{"Opioid antagonists, including the antidepressant bupropion, reduce craving.", "bupropion>craving"},
		{"Mu-opioid receptor agonists, including the analgesic methadone, relieve withdrawal.", "methadone>mu-opioid receptor"},
	}
	for _, tt := range tests {
		res := ExtractOpen(nil, []Sentence{{Index: 0, Text: tt.text, Section: "Results"}})
		surface := map[string]string{}
		for _, m := range res.Mentions {
			if _, ok := surface[m.ID]; !ok {
				surface[m.ID] = m.Surface
			}
		}
		var got []string
		for _, c := range res.Candidates {
			got = append(got, strings.ToLower(surface[c.Subject]+">"+surface[c.Object]))
		}
		if !slices.Contains(got, tt.want) {
			t.Errorf("%q: claims %q, want %q among them", tt.text, got, tt.want)
		}
	}
}
