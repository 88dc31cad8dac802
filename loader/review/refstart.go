// Where an entry of an unnumbered reference list starts, when the list is
// broken across lines with no hanging indent and no blank line between
// entries: the reader must tell a new entry from a wrapped line of the
// one before, or the design rules later see a fragment of a title.

package review

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	// entryStartRe: a line that opens an entry with its first author:
	// "Surname, A." (APA, Harvard), "Surname AB," or "Surname AB." or
	// "Surname A (2016)" (Vancouver, the seed's order), "Surname AB Jr,",
	// or an organisation followed by its year ("Organization. (2019).").
	entryStartRe = regexp.MustCompile(`^` + surnamePattern + `(?:[ -]\p{Lu}[\p{L}'’-]+)*` +
		`(?:,\s*\p{Lu}\.|,\s*\p{Lu}\p{Ll}|\s+\p{Lu}{1,3}(?:\s+(?:Jr|Sr|II|III|IV)\.?)?[,.]|\s+\p{Lu}{1,3}$|\s+\p{Lu}{1,3}\s+\(|\.\s+\(?(?:1[6-9]|20)\d{2}|\s+\((?:1[6-9]|20)\d{2})`)
	// journalYearRe: a wrapped Vancouver entry's journal and year on a
	// line of their own ("BMJ. 2017;357:j1550.", "Lancet 2019; 394:"),
	// which the organisation-and-year form above would take for a start.
	journalYearRe = regexp.MustCompile(`^[\p{L} .&-]+?\.?\s+(?:1[6-9]|20)\d{2}(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?\s*[;:]`)
	// fullEntryStartRe: a line that is an entry's start beyond doubt: two
	// authors and a year, "Smith, J. A., Jones, B. (2019)" or "Smith JA,
	// Jones B (2019)" or "Smith JA, Jones B. Title", two Vancouver names.
	fullEntryStartRe = regexp.MustCompile(`^` + surnamePattern + `(?:,\s*(?:\p{Lu}\.\s*-?)+,?\s+(?:&\s+)?` + surnamePattern + `,\s*\p{Lu}\.|\s+\p{Lu}{1,3},\s+` + surnamePattern + `\s+\p{Lu}{1,3}[,.(\s])`)
	// authorsOpenRe: a line that ends inside an author list or a title.
	authorsOpenRe = regexp.MustCompile(`(?:[,&;:–-]|\band|\bet|\bof|\bthe|\bin|\bfor|\bwith)\s*$`)
	// orgWordRe: a word that makes a capitalised name an organisation.
	orgWordRe = regexp.MustCompile(`^(?:Organi[sz]ations?|Institutes?|Associations?|Society|Agency|Office|Cent(?:re|er)s?|Council|Committee|Department|Administration|Foundation|Collaborat(?:ion|ive)|College|Academy|Board|Commission|Network|Services|Consortium|Group|Ministry|Union|Federation|Trust|Alliance|Coalition|Authority|Programme|Program|Panel|Force|Nations)$`)
)

// opensEntry reports whether line t starts a new entry of an unnumbered
// list, given prev, the last line of the entry so far. A line that starts
// lower-case, with a locator or DOI, or with "&" or "(2014a)" never does;
// an author or organisation opens one only after a line that can close an
// entry, and a journal-and-year line never does.
func opensEntry(t, prev string) bool {
	if journalYearRe.MatchString(t) {
		return false
	}
	if !endsEntry(prev) {
		// An entry that ends with no stop ("... Addiction", "in press")
		// is followed by a new one only where the line is unmistakably
		// an author list with its year and the line before leaves no
		// author list open.
		return fullEntryStartRe.MatchString(t) && !authorsOpenRe.MatchString(prev)
	}
	if entryStartRe.MatchString(t) {
		return true
	}
	// An organisation's name is easily a wrapped title's words ("... the
	// 2020 / National Survey on ..."): only after a closing stop.
	last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(prev))
	return strings.ContainsRune(".)]", last) && organisationStart(t)
}

// looksLikeEntry: the text opens with an author or an organisation, as an
// entry after its number does.
func looksLikeEntry(t string) bool {
	return entryStartRe.MatchString(t) || fullEntryStartRe.MatchString(t) || organisationStart(t)
}

// organisationStart: the line opens with an organisation as author, its
// name closed by a stop, a comma or a bracket ("World Health Organization.
// Global status report ...", "National Institute on Alcohol Abuse and
// Alcoholism, 2020.").
func organisationStart(t string) bool {
	i := strings.IndexAny(t, ".,(")
	if i <= 0 {
		return false
	}
	return organisationName(strings.TrimSpace(t[:i]))
}

// organisationName: every word capitalised or a joining word, and one of
// them names a body ("Office", "Institute", "Administration"), so "United
// Nations Office on Drugs and Crime" is one author, not two.
func organisationName(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 14 {
		return false
	}
	org := false
	for _, w := range words {
		switch w {
		case "of", "on", "and", "for", "the", "&", "in", "to":
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		org = org || orgWordRe.MatchString(strings.Trim(w, "’'"))
	}
	return org
}
