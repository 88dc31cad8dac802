package extract

import "testing"

// TestPluralEventAnaphor: "these changes" (a plural event noun, looked up
// by its stem as the word set stores it) stands for the change the
// sentence named before it; opening a sentence it names no one of the
// previous sentence's several changes. With the plural unread the first
// case gave no pair.
func TestPluralEventAnaphor(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"these changes in the sentence", []string{"Lorazepam produces lasting changes in dopamine release, and these changes are thought to underlie relapse."},
			"T:drugA AFFECTS increases T:dopamine; T:dopamine AFFECTS T:relapse hedged"},
		{"these changes opening the next sentence", []string{"Lorazepam increases dopamine release and BDNF signalling.", "These changes are thought to reduce relapse."}, ""},
	})
}
