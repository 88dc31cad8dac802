package review

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// parenListReview is a review whose six references are numbered "(1)",
// as some publishers set them, with body as the introduction's text.
func parenListReview(body string) []byte {
	refs := []string{
		"(1) Okoro A, Lind B. Stimulant overdose deaths in two decades. Addict Res. 2020;12:101-9.",
		"(2) Perez C. Incentives for abstinence from cocaine. Drug Alcohol Depend. 2018;180:44-50.",
		"(3) Tanaka D, Roy E, et al. Failed medicines for cocaine dependence: a review. J Subst Treat. 2019;7:1-12.",
		"(4) Haddad F. Dopamine release and craving. Neurosci Lett. 2015;9:20-8.",
		"(5) Novak G, Ortiz H. Cue reactivity in the ventral striatum. Brain Res. 2016;11:300-8.",
		"(6) Berg I. Baclofen in cocaine users: a multicentre trial. Addiction. 2017;112:77-85.",
	}
	return []byte("Parenthesised Numbers in a Review\n\nIntroduction\n\n" + body + "\n\nReferences\n\n" + strings.Join(refs, "\n") + "\n")
}

// TestParenNumberedList: a list numbered "(1)" is read entry by entry,
// and checked as strictly as "1." or "[1]".
func TestParenNumberedList(t *testing.T) {
	r, err := ParseReview("paren.txt", parenListReview("Overdoses rose (1)."))
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, ref := range r.References {
		keys = append(keys, fmt.Sprint(ref.Number, " ", referenceSurname(ref.Authors[0]), " ", ref.Year, " ", ref.Journal))
	}
	want := []string{"1 Okoro 2020 Addict Res", "2 Perez 2018 Drug Alcohol Depend", "3 Tanaka 2019 J Subst Treat",
		"4 Haddad 2015 Neurosci Lett", "5 Novak 2016 Brain Res", "6 Berg 2017 Addiction"}
	if !slices.Equal(keys, want) {
		t.Errorf("references %q\nwant %q", keys, want)
	}
	for _, tc := range []struct{ from, to, msg string }{
		{"(5) Novak", "(4) Novak", "reference number 4 repeats"},
		{"(5) Novak", "(6) Novak", "reference numbering skips from 4 to 6"},
	} {
		_, err := ParseReview("paren.txt", []byte(strings.Replace(string(parenListReview("Overdoses rose (1).")), tc.from, tc.to, 1)))
		if err == nil || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s -> %s: error %v, want %q", tc.from, tc.to, err, tc.msg)
		}
	}
}

// TestParenCitations: in a review whose list is numbered, "(1)", "(4,5)",
// "(2-4)" and "(1, 3–5)" cite; counts, statistics, doses, figures, years,
// numbers beyond the list and the items of an enumeration do not.
func TestParenCitations(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       []string // citation text and the numbers it resolves to
	}{
		{"one", "Overdose deaths rose sharply (1).", []string{"(1)[1]"}},
		{"two with no space", "Cues come to trigger craving (4,5).", []string{"(4,5)[4 5]"}},
		{"range", "Several medicines failed (2-4).", []string{"(2-4)[2 3 4]"}},
		{"list and en-dash range", "The evidence is mixed (1, 3–5).", []string{"(1, 3–5)[1 3 4 5]"}},
		{"two in a sentence", "Overdoses (1) and treatment gaps (2) both rose.", []string{"(1)[1]", "(2)[2]"}},
		{"sample size", "Abstinence rose (n = 24) in one trial (2).", []string{"(2)[2]"}},
		{"confidence interval", "The odds doubled (95% CI 1.2-3.4) in that study (3).", []string{"(3)[3]"}},
		{"p value", "Craving fell (p < 0.05) after dosing (4).", []string{"(4)[4]"}},
		{"dose", "Rats received the drug (2.5 mg/kg) before the session (5).", []string{"(5)[5]"}},
		{"proportion", "Few completed the trial (3 of 10) as planned (6).", []string{"(6)[6]"}},
		{"figure and table", "Binding is shown (Figure 2) and listed (Table 1) with its sources (4).", []string{"(4)[4]"}},
		{"year", "The trial ended early (2019) for safety reasons (6).", []string{"(6)[6]"}},
		{"thousands", "Deaths exceeded (1,000) in a year (1).", []string{"(1)[1]"}},
		{"beyond the list", "One sample held seven sites (7) in all (2).", []string{"(2)[2]"}},
		{"enumeration after a colon", "Two aims remain: (1) to fix the dose, and (2) to fix the timing (3).", []string{"(3)[3]"}},
		{"enumeration mid-sentence", "We ask (1) which dose works, and (2) how long it lasts (3).", []string{"(3)[3]"}},
		{"enumeration of three", "Arms were (1) placebo, (2) low dose and (3) high dose (6).", []string{"(6)[6]"}},
		{"enumeration opening a passage", "(1) dose and (2) timing are open questions (5).", []string{"(5)[5]"}},
		{"citation then a new sentence", "Relapse is common (1). Treatment helps some (2) and fails others.", []string{"(1)[1]", "(2)[2]"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := ParseReview("paren.txt", parenListReview(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range r.Citations {
				got = append(got, fmt.Sprint(c.Text, c.Numbers))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("%q: citations %q, want %q", tc.body, got, tc.want)
			}
		})
	}
}
