package review

import "testing"

// hyphenTestdata: words a line break split and compounds it ended, each
// decided by a rule that holds for any review (see hyphen.go), with and
// without the document's own words to consult.
var hyphenTestdata = []struct {
	head, tail string
	doc        string // the document's other text ("" for none)
	join       bool
	why        string
}{
	// Split words.
	{"random", "ized", "", true, "a word ending the document does not use as a word"},
	{"random", "ized", "early open-label and randomized data", true, "the joined word is written elsewhere"},
	{"random", "ised", "", true, "British spelling"},
	{"interven", "tion", "", true, "word ending"},
	{"treat", "ment", "", true, "word ending"},
	{"effective", "ness", "", true, "word ending"},
	{"psycho", "therapy", "ketamine-assisted psychotherapy", true, "the joined word is written elsewhere, over a known head"},
	{"abstin", "ence", "", true, "word ending"},
	{"partici", "pants", "participants were", true, "the joined word is written elsewhere"},
	// Compounds.
	{"mindfulness", "based", "", false, "known compound tail"},
	{"smoking", "cessation", "", false, "no rule says split: kept as written"},
	{"smoking", "cessation", "in a smoking cessation clinic", false, "the two words are written elsewhere"},
	{"placebo", "controlled", "", false, "known compound"},
	{"long", "term", "", false, "known compound head"},
	{"treatment", "resistant", "", false, "known compound"},
	{"anti", "NMDA", "", false, "upper-case continuation"},
	{"dose", "dependent", "", false, "known compound"},
	{"follow", "up", "", false, "known compound"},
	{"ketamine", "assisted", "", false, "known compound tail"},
	{"reward", "ing", "the reward-ing loop", false, "the hyphenated form is written elsewhere within a line"},
	{"cross", "sectional", "", false, "known compound"},
}

func TestJoinHyphenated(t *testing.T) {
	for _, tc := range hyphenTestdata {
		var v *vocabulary
		if tc.doc != "" {
			v = newVocabulary(tc.doc)
		}
		if got := joinHyphenated(tc.head, tc.tail, v); got != tc.join {
			t.Errorf("%s-/%s (doc %q): join %v, want %v (%s)", tc.head, tc.tail, tc.doc, got, tc.join, tc.why)
		}
	}
}

func TestJoinWrapped(t *testing.T) {
	doc := newVocabulary("randomized trials and smoking cessation")
	for _, tc := range []struct {
		lines []string
		want  string
	}{
		{[]string{"A random-", "ized trial of psilocybin."}, "A randomized trial of psilocybin."},
		{[]string{"Mindfulness-", "based relapse prevention."}, "Mindfulness-based relapse prevention."},
		{[]string{"a community smoking-", "cessation clinic."}, "a community smoking-cessation clinic."},
		{[]string{"a pilot study with long", "- term follow-up."}, "a pilot study with long-term follow-up."},
		{[]string{"Ketamine for", "- alcohol use disorder."}, "Ketamine for alcohol use disorder."},
		{[]string{"Effects of 5-", "HT2A agonists."}, "Effects of 5-HT2A agonists."},
		{[]string{"Pages 12 -", "19."}, "Pages 12 - 19."},
	} {
		if got := joinWrapped(tc.lines, doc); got != tc.want {
			t.Errorf("joinWrapped(%q) = %q, want %q", tc.lines, got, tc.want)
		}
	}
}
