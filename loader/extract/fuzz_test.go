package extract

import (
	"strings"
	"testing"
)

// FuzzExtract checks what must hold for any text: no panic, mentions and
// cues inside the sentence, no claim of an entity on itself.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Naltrexone, a mu-opioid receptor antagonist, is licensed.",
		"Reduction in Craving: naltrexone was given (NTX) for 12 weeks; it helped.",
		"It lowers craving.", "(", "a-", "5-HT2A receptors", "X (AB", "reductions in relapse following",
		"Ketamine\u2019s ability to reduce craving [3].",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		res := Extract(testLex, []Sentence{{Index: 0, Text: "Naltrexone is used.", Section: "S"}, {Index: 1, Text: text, Section: "S"}})
		for _, m := range res.Mentions {
			src := "Naltrexone is used."
			if m.Sentence == 1 {
				src = text
			}
			if m.Start < 0 || m.End > len(src) || m.Start >= m.End || src[m.Start:m.End] != m.Surface {
				t.Fatalf("mention %+v outside its sentence %q", m, src)
			}
			if m.Proposed != strings.HasPrefix(m.ID, ProposedPrefix) {
				t.Fatalf("mention %+v: proposed flag and id disagree", m)
			}
		}
		for _, c := range res.Candidates {
			if c.Subject == c.Object || c.Cue == "" || !c.Predicate.Valid() {
				t.Fatalf("bad candidate %+v", c)
			}
		}
	})
}
