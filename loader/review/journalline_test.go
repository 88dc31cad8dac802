package review

import "testing"

func TestParseJournalCitation(t *testing.T) {
	tests := []struct {
		line string
		want journalCite
		ok   bool
	}{
		{"Addiction Research and Therapy 2026; 18(2): 141-156", journalCite{"Addiction Research and Therapy", "18", "2", "141-156", 2026}, true},
		{"Clinical Neuropharmacology Reviews 2026; 31: e70112", journalCite{"Clinical Neuropharmacology Reviews", "31", "", "e70112", 2026}, true},
		{"Alcohol and Alcoholism Reviews, 2026, Vol. 61, No. 3, pp. 214-229", journalCite{"Alcohol and Alcoholism Reviews", "61", "3", "214-229", 2026}, true},
		{"Journal of Translational Neuropsychopharmacology, 2026, 12(3), 201-219", journalCite{"Journal of Translational Neuropsychopharmacology", "12", "3", "201-219", 2026}, true},
		{"Journal of Alcohol Pharmacotherapy Reviews, 2025, Volume 11, Issue 2, pages 88–104", journalCite{"Journal of Alcohol Pharmacotherapy Reviews", "11", "2", "88–104", 2025}, true},
		{"Psychedelic Medicine Perspectives | Review Article | Vol. 3, No. 1 (2025): 22–37", journalCite{"Psychedelic Medicine Perspectives", "3", "1", "22–37", 2025}, true},
		{"Journal of Addiction Pharmacotherapy 2026; 14(3): 211-229 | Review Article", journalCite{"Journal of Addiction Pharmacotherapy", "14", "3", "211-229", 2026}, true},
		{"Addict Sci Clin Pract. 2024; 19: 55.", journalCite{"Addict Sci Clin Pract", "19", "", "55", 2024}, true},
		// Headings and sentences with numbers are not citations.
		{"Phase 2 trials", journalCite{}, false},
		{"The 2012 Re-analysis", journalCite{}, false},
		{"Results 2019", journalCite{}, false},
		{"Trials Published 2015-2020", journalCite{}, false},
		{"In 2019, 12 trials enrolled 1200 people.", journalCite{}, false},
		{"2.1 Cystine–glutamate exchange", journalCite{}, false},
		{"Smith J | Opinion piece | 2020; 3: 4", journalCite{}, false},
	}
	for _, tc := range tests {
		got, ok := parseJournalCitation(tc.line)
		if ok != tc.ok || ok && got != tc.want {
			t.Errorf("parseJournalCitation(%q) = %+v, %v; want %+v, %v", tc.line, got, ok, tc.want, tc.ok)
		}
	}
}
