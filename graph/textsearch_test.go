package graph

import (
	"strings"
	"testing"
)

func TestSnippet(t *testing.T) {
	long := strings.Repeat("filler words here ", 12) + "the mTOR pathway leads to synaptogenesis " + strings.Repeat("and more words ", 12)
	for _, tc := range []struct{ name, text, query, want string }{
		{"whole short text", "Ketamine activates the mTOR pathway", "mtor", "Ketamine activates the **mTOR** pathway"},
		{"prefix marks the whole word", "strong cravings and craving", "crav", "strong **cravings** and **craving**"},
		{"accents fold", "Lebedev AV, Lövdén M", "lovden", "Lebedev AV, **Lövdén** M"},
		{"every query word", "mindfulness-based relapse prevention", "relapse mindfulness", "**mindfulness**-based **relapse** prevention"},
		{"no match: text as is", "nothing here", "zzz", "nothing here"},
		{"long text cut around the first match", long, "synaptogenesis",
			"…here filler words here the mTOR pathway leads to **synaptogenesis** and more words and more words and more words and more words and more words and more words…"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Snippet(tc.text, SearchTokens(tc.query)); got != tc.want {
				t.Errorf("Snippet = %q\n want     %q", got, tc.want)
			}
		})
	}
}

func TestSearchQueryKinds(t *testing.T) {
	for _, tc := range []struct {
		name  string
		q     SearchQuery
		kinds []SearchKind
		cats  int // -1: do not check
	}{
		{"default: every kind", SearchQuery{Text: "x"}, []SearchKind{SearchEntity, SearchPassage, SearchClaim, SearchReference}, -1},
		{"categories: nodes only", SearchQuery{Text: "x", Categories: []Category{CategoryMechanism}}, []SearchKind{SearchEntity, SearchPassage, SearchReference}, 1},
		{"claims only: no node category", SearchQuery{Text: "x", Kinds: []SearchKind{SearchClaim}}, []SearchKind{SearchClaim}, 0},
		{"references only", SearchQuery{Text: "x", Kinds: []SearchKind{SearchReference}}, []SearchKind{SearchReference}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q, err := tc.q.Normalize()
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(kindStrings(q.Kinds), ",") != strings.Join(kindStrings(tc.kinds), ",") {
				t.Errorf("kinds %v, want %v", q.Kinds, tc.kinds)
			}
			if tc.cats >= 0 && len(q.Categories) != tc.cats {
				t.Errorf("categories %v, want %d", q.Categories, tc.cats)
			}
		})
	}
	if _, err := (SearchQuery{Text: "x", Kinds: []SearchKind{"NOPE"}}).Normalize(); ErrorCode(err) != EINVALID {
		t.Errorf("unknown kind: %v", err)
	}
}

func kindStrings(ks []SearchKind) []string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = string(k)
	}
	return out
}
