package review

import (
	"strings"
	"testing"
)

func TestSplitMergedHeading(t *testing.T) {
	tests := []struct {
		name, line, next string
		pre, tail        string // empty: no split
	}{
		{"acronym tail", "Clinical Evidence Supporting Ketamine for SUDs Alcohol Use Disorder (AUD)", "Opioid Use Disorder (OUD)",
			"Clinical Evidence Supporting Ketamine for SUDs", "Alcohol Use Disorder (AUD)"},
		{"sibling is not split", "Opioid Use Disorder (OUD)", "Cocaine and Stimulant Use Disorders", "", ""},
		{"prefix ending in a minor word", "Treatment of Opioid Use Disorder (OUD)", "Alcohol Use Disorder (AUD)", "", ""},
		{"different head noun", "Mechanisms of Action in Addiction Treatment", "Clinical Evidence Supporting Ketamine for SUDs Alcohol Use Disorder (AUD)", "", ""},
		{"unrelated top-level headings", "Clinical Opinions and Considerations", "Safety and Risk Management", "", ""},
		{"tail as long as the sibling", "Clinical Trial Evidence Open-Label Studies", "Randomized Studies",
			"Clinical Trial Evidence", "Open-Label Studies"},
		{"nearest length whose prefix stands alone", "Trial Evidence Open-Label Studies", "Randomized Controlled Studies",
			"Trial Evidence", "Open-Label Studies"},
		{"standard-name prefix", "Results Smoking Outcomes", "Craving Outcomes", "Results", "Smoking Outcomes"},
		{"hyphenated acronym words", "Comorbid Conditions Post-Traumatic Stress Disorder (PTSD)", "Major Depressive Disorder (MDD)",
			"Comorbid Conditions", "Post-Traumatic Stress Disorder (PTSD)"},
		{"sentence case", "Clinical evidence Alcohol use disorder (AUD)", "Opioid use disorder (OUD)",
			"Clinical evidence", "Alcohol use disorder (AUD)"},
		{"prefix ending in an adjective", "REPETITIVE TRANSCRANIAL MAGNETIC STIMULATION", "DEEP BRAIN STIMULATION", "", ""},
		{"no next heading", "Clinical Evidence Alcohol Use Disorder (AUD)", "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pre, tail, ok := splitMergedHeading(tc.line, tc.next)
			if ok != (tc.pre != "") || pre != tc.pre || tail != tc.tail {
				t.Errorf("splitMergedHeading(%q, %q) = %q, %q, %v; want %q, %q", tc.line, tc.next, pre, tail, ok, tc.pre, tc.tail)
			}
		})
	}
}

func TestIsoDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"04.04.2025", "2025-04-04"},
		{"15.04.2025", "2025-04-15"},
		{"2025-04-15", "2025-04-15"},
		{"4/15/2025", "2025-04-15"},
		{"15 April 2025", "2025-04-15"},
		{"April 15, 2025", "2025-04-15"},
		{"31.02.2025", ""},
		{"soon", ""},
	}
	for _, tc := range tests {
		got, ok := isoDate(tc.in)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("isoDate(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
}

func TestNotATitle(t *testing.T) {
	tests := []struct {
		line string
		want string // a part of the reason; "" when the line may be a title
	}{
		{"Ketamine-Assisted Psychotherapy for Addiction: Mechanisms, Evidence, and Clinical Implications", ""},
		{"Combination Pharmacotherapy for Stimulant Use Disorder: Two Drugs. A Review of Mechanisms and Trials", ""},
		{"Can Psychedelics Treat Addiction? A Narrative Review", ""},
		{"Ketamine reduced craving in two trials. It was well tolerated.", "several sentences"},
		{"Ketamine reduced craving (Smith, 2020). Its effect lasted a week (Lee, 2021).", "several sentences"},
		{"Abstract", "heading"},
		{"In two trials, ketamine reduced craving,", "ends with"},
	}
	for _, tc := range tests {
		got := notATitle(tc.line)
		if (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
			t.Errorf("notATitle(%q) = %q, want a reason containing %q", tc.line, got, tc.want)
		}
	}
}
