package review

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// trailingCiteRe finds a bracketed citation written after the full stop
// ("... hippocampus. [2] Next"), which belongs to the sentence before it.
var trailingCiteRe = regexp.MustCompile(`^\[\s*\d+(?:\s*[-–—,;]\s*\d+)*\s*\]`)

// maxAbbrevBytes bounds how far back an abbreviation is looked for.
const maxAbbrevBytes = 32

// textSpan is a half-open byte range.
type textSpan struct{ start, end int }

// splitSentences cuts s into sentences and returns their byte ranges,
// trimmed of surrounding space. Ranges rather than strings let the caller
// keep exact file offsets, which the graph needs to point back at the text.
func splitSentences(s string) []textSpan {
	inside := enclosedBytes(s)
	var out []textSpan
	emit := func(a, b int) {
		if t := trimSpan(s, a, b); t.start < t.end {
			out = append(out, t)
		}
	}
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c != '.' && c != '!' && c != '?') || inside[i] {
			continue
		}
		j := i + 1
		for j < len(s) && strings.IndexByte(".!?", s[j]) >= 0 {
			j++
		}
		dot := i
		i = j - 1 // a run of stops is decided once
		j = skipClosers(s, j)
		if j >= len(s) {
			break
		}
		if m := gluedCitationEnd(s, dot, j); m > 0 {
			// "receptors.5 Its", "craving.12,13 The": a superscript
			// citation flattened after the full stop ends the sentence.
			k := skipSpaces(s, m)
			emit(start, m)
			start = k
			i = k - 1
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s[j:]); !unicode.IsSpace(r) {
			continue // "U.S.-based", "0.5", "e.g.,"
		}
		k := skipSpaces(s, j)
		if k >= len(s) {
			break
		}
		end := j
		if m := trailingCiteRe.FindString(s[k:]); m != "" {
			after := skipSpaces(s, k+len(m))
			if after >= len(s) {
				break // the citation closes the text: one sentence
			}
			if !canStartSentence(s[after:]) {
				continue
			}
			end, k = k+len(m), after
		} else if !canStartSentence(s[k:]) {
			continue
		}
		if c == '.' && !periodEndsSentence(s, dot, k) {
			continue
		}
		emit(start, end)
		start = k
		i = k - 1
	}
	emit(start, len(s))
	return out
}

// gluedCitationEnd: after the full stop at dot (closers end at j), a run
// of citation numbers ("5", "12,13", "3-5") glued to the stop, then a space
// and a capitalised word, is a superscript citation flattened by a copy;
// it returns the end of the run, or 0. The stop must follow a lower-case
// letter or a closer, so "0.5 Hz", "Fig.2" and "U.S.5" are no breaks.
func gluedCitationEnd(s string, dot, j int) int {
	if s[dot] != '.' || dot == 0 || j >= len(s) || s[j] < '0' || s[j] > '9' {
		return 0
	}
	if b := s[dot-1]; !(b >= 'a' && b <= 'z' || b == ')' || b == ']' || b == '%') {
		return 0
	}
	m := j
	for m < len(s) && (s[m] >= '0' && s[m] <= '9' || s[m] == ',' || s[m] == '-') {
		m++
	}
	if m-j > 12 || m >= len(s) || s[m] != ' ' || s[m-1] < '0' || s[m-1] > '9' {
		return 0
	}
	k := skipSpaces(s, m)
	if k >= len(s) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s[k:])
	if !unicode.IsUpper(r) {
		return 0
	}
	return m
}

// enclosedBytes marks bytes inside a matched pair of round or square
// brackets. Only matched pairs count, so one stray "(" cannot glue the rest
// of a paragraph into a single sentence.
func enclosedBytes(s string) []bool {
	type opener struct {
		pos  int
		want byte
	}
	depth := make([]int, len(s)+1)
	var stack []opener
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			stack = append(stack, opener{i, ')'})
		case '[':
			stack = append(stack, opener{i, ']'})
		case ')', ']':
			for n := len(stack) - 1; n >= 0; n-- {
				if stack[n].want == s[i] {
					depth[stack[n].pos+1]++
					depth[i]--
					stack = stack[:n]
					break
				}
			}
		}
	}
	in := make([]bool, len(s))
	d := 0
	for i := range s {
		d += depth[i]
		in[i] = d > 0
	}
	return in
}

func skipClosers(s string, i int) int {
	for i < len(s) {
		switch {
		case strings.IndexByte(`"')]`, s[i]) >= 0:
			i++
		case strings.HasPrefix(s[i:], "”"), strings.HasPrefix(s[i:], "’"), strings.HasPrefix(s[i:], "»"):
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
		default:
			return i
		}
	}
	return i
}

func skipSpaces(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

func trimSpan(s string, a, b int) textSpan {
	for a < b {
		r, n := utf8.DecodeRuneInString(s[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		a += n
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(s[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= n
	}
	return textSpan{a, b}
}

// canStartSentence is the cheap test that rules out most false breaks: a
// new sentence starts with a capital, a digit or an opening quote/bracket.
func canStartSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'“‘([", r)
}

// periodEndsSentence decides a full stop that is followed by something
// that could start a sentence. Abbreviations are split three ways: those
// that never end a sentence (titles, "e.g."), those that only precede
// numbers ("Fig. 2"), and ambiguous ones ("et al.", "U.S.", initials) that
// end a sentence only before a word that typically opens one.
func periodEndsSentence(s string, dot, next int) bool {
	w := wordBefore(s, dot)
	lw := strings.ToLower(w)
	nextWord := leadingWord(s[next:])
	nextIsDigit := nextWord != "" && nextWord[0] >= '0' && nextWord[0] <= '9'
	switch {
	case neverEndsSentence(lw):
		return false
	case precedesNumber(lw) && nextIsDigit:
		return false
	case lw == "al" && strings.ToLower(wordBefore(s, len(strings.TrimRightFunc(s[:dot-len(w)], unicode.IsSpace)))) == "et",
		lw == "etc",
		strings.Contains(w, "."),
		utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0]):
		return opensSentence(nextWord)
	}
	return true
}

// wordBefore returns the letters and inner dots that end just before s[i].
// The look-back is bounded: abbreviations are short, and an unbounded scan
// would make a long run like "a.a.a.a" quadratic.
func wordBefore(s string, i int) string {
	a := i
	for a > 0 && i-a < maxAbbrevBytes {
		r, n := utf8.DecodeLastRuneInString(s[:a])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		a -= n
	}
	return strings.TrimLeft(s[a:i], ".")
}

func leadingWord(s string) string {
	s = strings.TrimLeft(s, "\"'([“‘")
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if end < 0 {
		return s
	}
	return s[:end]
}

func neverEndsSentence(lw string) bool {
	switch lw {
	case "e.g", "i.e", "vs", "viz", "cf", "approx", "ca", "dr", "drs", "mr", "mrs", "ms", "prof", "st", "mt",
		"incl", "resp", "esp", "ph.d", "m.d":
		return true
	}
	return false
}

func precedesNumber(lw string) bool {
	switch lw {
	case "fig", "figs", "no", "nos", "vol", "vols", "eq", "eqs", "ref", "refs", "p", "pp", "ch", "sec", "tab",
		"suppl", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "n":
		return true
	}
	return false
}

// opensSentence lists words that rarely follow an abbreviation inside a
// sentence but often open the next one.
func opensSentence(w string) bool {
	switch w {
	case "The", "This", "These", "Those", "That", "It", "Its", "In", "A", "An", "We", "Our", "However",
		"Moreover", "Thus", "Therefore", "Such", "There", "They", "Their", "He", "She", "Although",
		"While", "When", "Most", "Many", "Some", "Only", "Both", "Further", "Furthermore", "Additionally",
		"Importantly", "Finally", "First", "Second", "As", "For", "To", "By", "On", "At", "Follow", "Other",
		"Despite", "After", "Before", "Similarly", "Likewise", "Nevertheless", "Yet", "Here", "Each":
		return true
	}
	return false
}

// normalizeSpace collapses every run of white space to one blank, so that
// text wrapped across lines compares equal to the same text on one line.
func normalizeSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
