// Mentions: finding the lexicon's names in the text, and the text
// normalisation the matcher and the ids share.

package curation

import (
	"slices"
	"sort"
	"strings"

	"github.com/kapgraph/kapgraph/loader/review"
)

// MentionMatcher finds lexicon surface forms in text, longest first, on
// word boundaries, case-insensitively.
type MentionMatcher struct {
	forms []surface
}

type surface struct {
	text string // folded
	id   string
}

func NewMentionMatcher(lex *Lexicon) *MentionMatcher {
	m := &MentionMatcher{}
	if lex == nil {
		return m
	}
	for _, e := range lex.Entities {
		for _, f := range append([]string{e.Name}, e.Synonyms...) {
			if f = review.Fold(f); len(f) >= 2 {
				m.forms = append(m.forms, surface{f, e.ID})
			}
		}
	}
	sort.SliceStable(m.forms, func(i, j int) bool { return len(m.forms[i].text) > len(m.forms[j].text) })
	return m
}

// find returns the ids of the entities mentioned in text, sorted.
func (m *MentionMatcher) Find(text string) []string {
	t := review.Fold(text)
	taken := make([]bool, len(t))
	ids := map[string]bool{}
	for _, f := range m.forms {
		for from := 0; from < len(t); {
			i := strings.Index(t[from:], f.text)
			if i < 0 {
				break
			}
			i += from
			end := i + len(f.text)
			if wordBoundary(t, i, end) && !anyTaken(taken[i:end]) {
				for k := i; k < end; k++ {
					taken[k] = true
				}
				ids[f.id] = true
			}
			from = i + 1
		}
	}
	out := make([]string, 0, len(ids))
	for id := range ids {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

func anyTaken(ts []bool) bool { return slices.Contains(ts, true) }

func wordBoundary(t string, i, end int) bool {
	isWord := func(r byte) bool { return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 0x80 }
	if i > 0 && isWord(t[i-1]) {
		return false
	}
	return end >= len(t) || !isWord(t[end])
}

// Mentions returns the ids of the lexicon entities text names, exactly as
// the build finds them for MENTIONS edges. It is exported for the
// extraction engine's measurement, which takes these finds as its gold.
func (l *Lexicon) Mentions(text string) []string { return NewMentionMatcher(l).Find(text) }
