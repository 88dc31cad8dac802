// Mentions: finding the lexicon's names in the text, and the text
// normalisation the matcher and the ids share.

package loader

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// mentionMatcher finds lexicon surface forms in text, longest first, on
// word boundaries, case-insensitively.
type mentionMatcher struct {
	forms []surface
}

type surface struct {
	text string // folded
	id   string
}

func newMentionMatcher(lex *Lexicon) *mentionMatcher {
	m := &mentionMatcher{}
	if lex == nil {
		return m
	}
	for _, e := range lex.Entities {
		for _, f := range append([]string{e.Name}, e.Synonyms...) {
			if f = fold(f); len(f) >= 2 {
				m.forms = append(m.forms, surface{f, e.ID})
			}
		}
	}
	sort.SliceStable(m.forms, func(i, j int) bool { return len(m.forms[i].text) > len(m.forms[j].text) })
	return m
}

// find returns the ids of the entities mentioned in text, sorted.
func (m *mentionMatcher) find(text string) []string {
	t := fold(text)
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

// fold lower-cases, strips accents and unifies apostrophes so surface
// forms match however the text typesets them; the result keeps one byte
// per ASCII letter so offsets stay simple.
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	out = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u2014", " ", "\u2013", "-").Replace(out)
	return strings.ToLower(out)
}

func normSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// Mentions returns the ids of the lexicon entities text names, exactly as
// the build finds them for MENTIONS edges. It is exported for the
// extraction engine's measurement, which takes these finds as its gold.
func (l *Lexicon) Mentions(text string) []string { return newMentionMatcher(l).find(text) }
