package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// token is one word of a sentence. Rules read the folded and stemmed
// forms; the byte offsets point back at the text so that a mention or a cue
// can be quoted as written.
type token struct {
	start, end  int    // text[start:end] is the word as written
	raw         string // as written
	low         string // folded: lower case, no accents
	stem        string // low without plural or possessive ending
	hyphenated  bool   // joined to the previous word by a hyphen ("ketamine-assisted")
	punctBefore string // non-space punctuation between the previous token and this one
}

// foldWord lower-cases and strips accents, as the loader's matcher does; a
// transformer is stateful, so each call builds its own chain rather than
// sharing one.
func foldWord(s string) string {
	if isASCII(s) { // no accents to strip: skip building a chain per word
		return strings.ToLower(s)
	}
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.ToLower(out)
}

// tokenize cuts s into words: runs of letters and digits. A lone "s"
// after an apostrophe is the possessive and is dropped, so "ketamine's"
// reads as "ketamine". A slash joins a number to a name ending in one
// ("mGluR2/3", "D2/3") as a hyphen does: one receptor pair, one name.
func tokenize(s string) []token {
	var out []token
	prevEnd := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if !isWordRune(r2) {
				break
			}
			j += n2
		}
		between := strings.TrimSpace(s[prevEnd:i])
		raw := s[i:j]
		if (raw == "s" || raw == "S") && (strings.HasSuffix(between, "'") || strings.HasSuffix(between, "\u2019")) && len(out) > 0 {
			prevEnd, i = j, j
			continue
		}
		low := foldWord(raw)
		out = append(out, token{
			start: i, end: j, raw: raw, low: low, stem: stem(low),
			hyphenated: len(out) > 0 && (prevEnd == i-1 && s[i-1] == '-' || prevEnd == i-len(enDash) && strings.HasSuffix(s[:i], enDash) ||
				prevEnd == i-1 && s[i-1] == '/' && isDigits(low) && strings.ContainsAny(s[i-2:i-1], "0123456789")),
			punctBefore: between,
		})
		prevEnd, i = j, j
	}
	return out
}

// enDash joins the two halves of a compound as a hyphen does
// ("cystine–glutamate exchange", "prefrontal–accumbens pathway").
const enDash = "\u2013"

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// stem removes a plural ending only: anything more (a Porter stemmer)
// would merge words the lexicon keeps apart, and plurals are what the
// curated surface forms miss.
func stem(w string) string {
	switch {
	case len(w) <= 3:
		return w
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1]
	}
	return w
}

// stems returns the stemmed words of a lexicon form.
func stems(s string) []string {
	ts := tokenize(s)
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.stem
	}
	return out
}

// slug makes the local part of a proposed id from its words: lower case,
// the head noun in the singular ("kappa-opioid-receptor" for "kappa opioid
// receptors"), so that one entity gets one id whatever its number.
func slug(ts []token) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.low
		if i == len(ts)-1 && headNouns[t.stem] {
			parts[i] = t.stem
		}
	}
	return strings.Join(parts, "-")
}

// headNouns are the pattern heads whose plural names the same entity.
var headNouns = map[string]bool{"receptor": true, "disorder": true, "network": true, "infusion": true}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
