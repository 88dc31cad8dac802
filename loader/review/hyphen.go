package review

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Line-break hyphenation.
//
// A reference entry wrapped at a hyphen ("random-" / "ized trial",
// "mindfulness-" / "based relapse prevention") may be a word the
// typesetter split or a compound that keeps its hyphen. Nothing in the
// line says which, so the decision uses what generalises across reviews,
// in this order (the first that applies decides):
//
//  1. the document itself: the joined word written elsewhere in the text
//     without a hyphen ("randomized") means a split word; the hyphenated
//     compound written elsewhere within a line ("smoking-cessation"), or
//     the two parts written elsewhere as two words ("smoking cessation"),
//     means a compound;
//  2. the continuation's case: an upper-case or non-letter continuation
//     ("anti-" / "NMDA", "5-" / "HT2A") is a compound;
//  3. known compound parts: a head that forms compounds with a hyphen
//     (self-, non-, long-, well-, dose-, ...) or a tail that does
//     (-based, -related, -induced, -assisted, -term, ...) means a
//     compound;
//  4. the continuation is a word-ending fragment ("ized", "tion", "ment",
//     "ness", ...) that the document never uses as a word: a split word;
//  5. otherwise the hyphen is kept (as written: a wrong join would make a
//     word that exists nowhere, a kept hyphen only an odd one).
//
// hyphenTestdata in hyphen_test.go holds cases of both kinds.

// compoundHeads are first parts that join the next word with a hyphen.
var compoundHeads = setOf("self", "non", "well", "long", "short", "high", "low", "dose", "double", "single", "multi",
	"co", "re", "pre", "post", "anti", "semi", "sub", "inter", "intra", "cross", "open", "placebo", "treatment",
	"sex", "age", "drug", "alcohol", "opioid", "cocaine", "nicotine", "tobacco", "ketamine", "psilocybin",
	"evidence", "community", "population", "mid", "all", "full", "part", "first", "second", "third", "follow",
	"meta", "quasi", "neuro", "psycho", "treatment", "substance", "trauma", "mindfulness", "health", "family")

// compoundTails are last parts that join the word before with a hyphen.
var compoundTails = setOf("based", "related", "induced", "assisted", "facilitated", "associated", "dependent",
	"specific", "resistant", "controlled", "blind", "label", "term", "free", "like", "naive", "level", "up",
	"year", "month", "week", "day", "dose", "risk", "wide", "scale", "informed", "focused", "oriented",
	"centred", "centered", "mediated", "seeking", "taking", "using", "analysis", "arm", "site", "center",
	"centre", "sectional", "control", "lasting", "acting", "world", "care", "making")

// wordEndings are fragments that end a word split at the line break.
var wordEndings = []string{"ized", "ised", "ization", "isation", "ation", "ition", "tion", "sion", "ment",
	"ments", "ness", "ity", "ities", "ence", "ences", "ance", "ances", "ical", "ically", "ally", "able",
	"ible", "ous", "ive", "ives", "ated", "ating", "ing", "ings", "ers", "ed", "es", "ly", "al", "ic", "ics",
	"ist", "ists", "ism", "ure", "ures", "logy", "logical", "ogy", "ia", "ine", "ines", "ant", "ants", "ent", "ents"}

func setOf(ws ...string) map[string]bool {
	m := map[string]bool{}
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// vocabulary is what the document shows of its words: the whole words
// (lower-cased), the hyphenated compounds written within a line, and the
// text with runs of white space made single spaces, for two-word phrases.
type vocabulary struct {
	words, compounds map[string]bool
	flat             string
}

func newVocabulary(text string) *vocabulary {
	v := &vocabulary{words: map[string]bool{}, compounds: map[string]bool{}}
	for _, line := range strings.Split(text, "\n") {
		for _, tok := range strings.FieldsFunc(strings.ToLower(line), func(r rune) bool {
			return !unicode.IsLetter(r) && r != '-'
		}) {
			tok = strings.Trim(tok, "-")
			if tok == "" {
				continue
			}
			if strings.Contains(tok, "-") {
				v.compounds[tok] = true
				for _, part := range strings.Split(tok, "-") {
					v.words[part] = true
				}
				continue
			}
			v.words[tok] = true
		}
	}
	v.flat = " " + strings.Join(strings.Fields(strings.ToLower(text)), " ") + " "
	return v
}

// joinHyphenated decides whether head (the letters before a line-end
// hyphen) and tail (the letters that open the next line) are one word
// split by the line break (true: join without the hyphen) or a compound
// (false: keep the hyphen). v may be nil (no document to consult).
func joinHyphenated(head, tail string, v *vocabulary) bool {
	first, _ := utf8.DecodeRuneInString(tail)
	if head == "" || tail == "" || !unicode.IsLower(first) {
		return false
	}
	h, t := strings.ToLower(head), strings.ToLower(tail)
	if v != nil {
		switch {
		case v.words[h+t]:
			return true
		case v.compounds[h+"-"+t], strings.Contains(v.flat, " "+h+" "+t+" "):
			return false
		}
	}
	if compoundHeads[h] || compoundTails[t] {
		return false
	}
	if v == nil || !v.words[t] {
		for _, e := range wordEndings {
			if t == e {
				return true
			}
		}
	}
	return false
}

// lastWord is the run of letters that ends s; firstWord the run that
// opens s.
func lastWord(s string) string {
	i := len(s)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) {
			break
		}
		i -= n
	}
	return s[i:]
}

func firstWord(s string) string {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			break
		}
		i += n
	}
	return s[:i]
}
