package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestElidedHeads: the earlier conjuncts of "kappa- and delta-opioid
// receptors" or "cue-, drug- and stress-induced relapse" name the last
// conjunct's entity with their own first word, and the verb's claim
// reaches each; without a hyphen too ("aversive and anxiogenic effects").
// A rebuilt name must be a vocabulary term or written out elsewhere in
// the review, and a plain noun list is left alone.
func TestElidedHeads(t *testing.T) {
	tests := []struct {
		name  string
		sents []string
		want  []string // "surface=name" of the elided mentions, in order
		claim string   // a claim that must be made: "subject>object", by name
	}{
		{"vocabulary term", []string{"Lorazepam is an antagonist at kappa- and delta-opioid receptors."},
			[]string{"kappa=kappa Opioid Receptors"}, "Lorazepam>kappa Opioid Receptors"},
		{"written out elsewhere", []string{"Lorazepam reduced cue- and stress-induced relapse in mice.", "Cue-induced relapse was common."},
			[]string{"cue=cue-induced relapse"}, "Lorazepam>cue-induced relapse"},
		{"a list of three", []string{"Lorazepam prevented cue-, drug- and stress-induced relapse.", "Cue-induced relapse and drug-induced relapse differ."},
			[]string{"cue=cue-induced relapse", "drug=drug-induced relapse"}, "Lorazepam>drug-induced relapse"},
		{"never written out", []string{"Lorazepam reduced cue- and stress-induced relapse in mice."}, nil, ""},
		{"a plain noun list", []string{"Naltrexone reduced craving and opioid withdrawal."}, nil, ""},
		{"adjectives sharing a head", []string{"Lorazepam caused aversive and anxiogenic effects.", "Aversive effects were rare."},
			[]string{"aversive=aversive effects"}, "Lorazepam>aversive effects"},
		{"adjectives, the first name never written out", []string{"Lorazepam caused aversive and anxiogenic effects."}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ss []Sentence
			for i, s := range tt.sents {
				ss = append(ss, Sentence{Index: i, Text: s, Section: "Results"})
			}
			res := ExtractOpen(nil, ss)
			var got []string
			for _, m := range res.Mentions {
				if m.Pattern == "elided head of a coordination" {
					got = append(got, m.Surface+"="+res.Proposed[m.ID])
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("elided mentions %q, want %q", got, tt.want)
			}
			if tt.claim == "" {
				return
			}
			var claims []string
			for _, c := range res.Candidates {
				claims = append(claims, res.Proposed[c.Subject]+">"+res.Proposed[c.Object])
			}
			if !slices.Contains(claims, tt.claim) {
				t.Errorf("claims %s, want %s among them", strings.Join(claims, "; "), tt.claim)
			}
		})
	}
}

// TestSharedCompoundHeads: a substance listed before a hyphenated head
// ("cocaine and heroin self-administration") names the behaviour with
// that head, as before a one-word head ("alcohol or opioid dependence").
func TestSharedCompoundHeads(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Lorazepam reduced cocaine and heroin self-administration in rats.", "cocaine=cocaine self-administration"},
		{"Lorazepam reduced alcohol or nicotine self-administration.", "alcohol=alcohol self-administration"},
		{"Lorazepam reduced alcohol and opioid dependence.", "alcohol=alcohol dependence"},
		{"Lorazepam and heroin-like drugs were compared.", ""},
	}
	for _, tt := range tests {
		res := ExtractOpen(nil, []Sentence{{Index: 0, Text: tt.text, Section: "Results"}})
		got := ""
		for _, m := range res.Mentions {
			if m.Pattern == "shared head of a coordination" {
				got = m.Surface + "=" + res.Proposed[m.ID]
			}
		}
		if got != tt.want {
			t.Errorf("%q: shared head %q, want %q", tt.text, got, tt.want)
		}
	}
}
