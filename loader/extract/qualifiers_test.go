package extract

import "testing"

// TestQualifierRules: each claim of a sentence takes the time point and
// dose nearest its own words; phases ("during infusion"), counts of
// administrations ("a single infusion"), dose ranges, levels and
// stimulation frequencies, times after an event of treatment ("shortly
// after injection", "after it was stopped") and "the following week" are
// read; a placebo- or sham-controlled study
// and "non-inferior to X" name the comparator, as do a control arm a
// few words after a comparator word, "differ from X", "between X and Y",
// "unlike X", "as effective as X" and "but not in X"; a count of
// administrations or a route before a drug's name ("repeated ketamine",
// "intravenous psilocybin") is its dose when no amount is as near.
func TestQualifierRules(t *testing.T) {
	for _, c := range []struct {
		text                   string
		subj, obj              string
		time, dose, comparator string
	}{
		// nearest time point and dose to each claim
		{"Lorazepam 2 mg increased sedation at two weeks, and naltrexone 50 mg reduced craving at 12 weeks.",
			"T:drugB", "T:craving", "12 weeks", "50 mg", ""},
		{"Lorazepam 2 mg increased sedation at two weeks, and naltrexone 50 mg reduced craving at 12 weeks.",
			"T:drugA", "T:sedation", "two weeks", "2 mg", ""},
		// a phase named by "during"
		{"During infusion, lorazepam increased sedation.", "T:drugA", "T:sedation", "During infusion", "", ""},
		{"Naltrexone reduced craving during the first week of treatment.", "T:drugB", "T:craving", "during the first week of treatment", "", ""},
		{"Naltrexone reduced craving for several days.", "T:drugB", "T:craving", "several days", "", ""},
		// a time after an event of treatment, "the following week"
		{"Seizures shortly after injection of naltrexone increased sedation.", "T:drugB", "T:sedation", "shortly after injection", "", ""},
		{"Naltrexone reduced relapse after a period of abstinence.", "T:drugB", "T:relapse", "after a period of abstinence", "", ""},
		{"Naltrexone reduced relapse, but not after it was stopped.", "T:drugB", "T:relapse", "after it was stopped", "", ""},
		{"Naltrexone reduced craving in the following week.", "T:drugB", "T:craving", "in the following week", "", ""},
		// counts of administrations, ranges, levels, frequencies
		{"A single naltrexone infusion reduced craving.", "T:drugB", "T:craving", "", "A single naltrexone infusion", ""},
		{"Naltrexone at 30-75 mg/day reduced craving.", "T:drugB", "T:craving", "", "30-75 mg/day", ""},
		{"Naltrexone at subanaesthetic doses reduced craving.", "T:drugB", "T:craving", "", "subanaesthetic doses", ""},
		{"Higher naltrexone doses reduced craving.", "T:drugB", "T:craving", "", "Higher naltrexone doses", ""},
		{"Repeated naltrexone reduced craving.", "T:drugB", "T:craving", "", "Repeated", ""},
		{"Intravenous naltrexone reduced craving.", "T:drugB", "T:craving", "", "Intravenous", ""},
		{"Oral naltrexone 50 mg reduced craving.", "T:drugB", "T:craving", "", "50 mg", ""},
		{"Naltrexone given with 10 Hz stimulation reduced craving.", "T:drugB", "T:craving", "", "10 Hz", ""},
		// comparators named by the design or by "non-inferior to"
		{"In a placebo-controlled trial, naltrexone reduced craving.", "T:drugB", "T:craving", "", "", "placebo"},
		{"In a sham-controlled trial, naltrexone reduced craving.", "T:drugB", "T:craving", "", "", "sham"},
		// a control arm a few words after the comparator word, "differ
		// from", "between X and Y"
		{"Naltrexone reduced craving more than in those given placebo.", "T:drugB", "T:craving", "", "", "placebo"},
		{"Naltrexone reduced craving, but not to an extent different from placebo.", "T:drugB", "T:craving", "", "", "placebo"},
		{"Naltrexone increased sedation, although the difference between naltrexone and lorazepam was small.", "T:drugB", "T:sedation", "", "", "T:drugA"},
		// "unlike X", "as ADJ as X", "but not in X"
		{"Unlike lorazepam, naltrexone reduced craving.", "T:drugB", "T:craving", "", "", "T:drugA"},
		{"Naltrexone reduced craving and was as effective as lorazepam.", "T:drugB", "T:craving", "", "", "T:drugA"},
		{"Naltrexone reduced craving in patients with AUD but not in older adults.", "T:drugB", "T:craving", "", "", "T:elderly"},
		{"Naltrexone was non-inferior to lorazepam in reducing craving.", "T:drugB", "T:craving", "", "", "T:drugA"},
	} {
		res := Extract(testLex, []Sentence{{Text: c.text}})
		var got *Candidate
		for i := range res.Candidates {
			if res.Candidates[i].Subject == c.subj && res.Candidates[i].Object == c.obj {
				got = &res.Candidates[i]
			}
		}
		if got == nil {
			t.Errorf("%q: no %s -> %s in %s", c.text, c.subj, c.obj, describe(res.Candidates))
			continue
		}
		q := got.Qualifiers
		if q.Time != c.time || q.Dose != c.dose || q.Comparator != c.comparator {
			t.Errorf("%q %s -> %s: time %q dose %q comparator %q, want %q %q %q", c.text, c.subj, c.obj,
				q.Time, q.Dose, q.Comparator, c.time, c.dose, c.comparator)
		}
	}
}
