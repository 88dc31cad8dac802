package loader

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/loader/review"
)

// TestCurationErrorsHelp: a curation mistake's message lists the allowed
// values, a quote across two sentences says so, and a rejection that
// matches nothing is named; each at its file and line.
func TestCurationErrorsHelp(t *testing.T) {
	claimsName := strings.TrimSuffix(seedReviewName, ".txt") + ClaimsSuffix
	rejectedEntry := "  - subject: KAP:withdrawal_affective_symptoms\n    predicate: AFFECTS\n    object: KAP:treatment_retention\n"
	cases := []struct {
		name, file string
		edit       func(t *testing.T, s string) (string, int)
		msgs       []string
	}{
		{"unknown predicate", claimsName, func(t *testing.T, s string) (string, int) {
			s = strings.Replace(s, "predicate: AFFECTS", "predicate: CAUSES", 1)
			return s, lineOf(t, s, "  - id: ketamine-antagonizes-nmda-receptor")
		}, []string{`unknown predicate "CAUSES"`, "valid: AFFECTS, ASSOCIATED_WITH, CONSIDERED_FOR, CORRELATED_WITH, HAS_ADVERSE_EVENT, HAS_PART, LOCATED_IN, PART_OF, STUDIED_TO_TREAT"}},
		{"unknown category", LexiconFile, func(t *testing.T, s string) (string, int) {
			s = strings.Replace(s, "category: Drug", "category: Potion", 1)
			return s, lineOf(t, s, "  - id: CHEBI:6121")
		}, []string{`unknown category "Potion"`, "valid: BrainNetwork, BrainRegion, Disorder, Drug, Mechanism"}},
		{"unknown knowledge level", claimsName, func(t *testing.T, s string) (string, int) {
			s = strings.Replace(s, "knowledge_level: observation", "knowledge_level: anecdote", 1)
			return s, 0
		}, []string{`unknown knowledge_level "anecdote"`, "valid: knowledge_assertion"}},
		{"quote across two sentences", claimsName, func(t *testing.T, s string) (string, int) {
			s = strings.Replace(s, `"Ketamine increases glutamate release"`,
				`"the salience network. Ketamine appears to normalize this circuitry"`, 1)
			return s, lineOf(t, s, "the salience network. Ketamine appears")
		}, []string{"spans a sentence boundary", "ward-2025-ketamine-assisted-psychotherapy-addiction.txt:35"}},
		{"quote not in the text", claimsName, func(t *testing.T, s string) (string, int) {
			s = strings.Replace(s, `"Ketamine increases glutamate release"`, `"Ketamine increases unicorn release"`, 1)
			return s, lineOf(t, s, "unicorn release")
		}, []string{"quote not found"}},
		{"rejection matching nothing", claimsName, func(t *testing.T, s string) (string, int) {
			s = strings.Replace(s, rejectedEntry, strings.Replace(rejectedEntry, "KAP:treatment_retention", "KAP:craving", 1), 1)
			return s, lineOf(t, s, "  - subject: KAP:withdrawal_affective_symptoms\n    predicate: AFFECTS\n    object: KAP:craving")
		}, []string{"matches no extracted candidate"}},
		{"rejection without reason", claimsName, func(t *testing.T, s string) (string, int) {
			i := strings.Index(s, "    reason: ketamine is the subject of both verbs")
			return s[:i], lineOf(t, s, rejectedEntry)
		}, []string{"give a reason"}},
		{"rejection with an unknown predicate", claimsName, func(t *testing.T, s string) (string, int) {
			s = strings.Replace(s, rejectedEntry, strings.Replace(rejectedEntry, "AFFECTS", "CAUSES", 1), 1)
			return s, lineOf(t, s, "  - subject: KAP:withdrawal_affective_symptoms\n    predicate: CAUSES")
		}, []string{`unknown predicate "CAUSES"`, "valid: AFFECTS"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := copySeeds(t)
			path := filepath.Join(dir, tc.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			s, line := tc.edit(t, string(data))
			if s == string(data) {
				t.Fatal("the edit changed nothing")
			}
			if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err = LoadDir(dir)
			var se *review.SourceError
			if !errors.As(err, &se) {
				t.Fatalf("want a SourceError, got %v", err)
			}
			if filepath.Base(se.File) != tc.file || (line > 0 && se.Line != line) {
				t.Errorf("got %v; want %s:%d", err, tc.file, line)
			}
			for _, m := range tc.msgs {
				if !strings.Contains(se.Msg, m) {
					t.Errorf("message %q lacks %q", se.Msg, m)
				}
			}
		})
	}
}
