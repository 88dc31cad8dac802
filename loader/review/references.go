package review

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	// refNumberRe finds the number that opens an entry: "3. ", "[3] ",
	// "(3) " (as Wiley sets its lists) or "3) ". Up to three digits, so a continuation line that happens to
	// start with a year ("2016. ...") is not taken for entry 2016.
	// A number alone on its line ("12." and the entry below it, as some
	// web pages copy) opens an entry too.
	refNumberRe = regexp.MustCompile(`^(?:\[(\d{1,3})\]|\((\d{1,3})\)|(\d{1,3})[.)])(?:\s+|$)`)
	// refBareNumberRe is an entry number with no stop after it, "3 Smith
	// J, ...", as some journals set Vancouver lists. A wrapped line may
	// start the same way ("27 Suppl 1:..."), so it opens an entry only in
	// a list whose first line is "1 " and only as the next number.
	refBareNumberRe = regexp.MustCompile(`^(\d{1,3})\s+\p{Lu}`)
	// strayBulletRe matches the "- " that PDF-to-text conversion leaves at
	// the start of a wrapped entry's continuation.
	strayBulletRe = regexp.MustCompile(`^[-–•]\s+`)
	refYearRe     = regexp.MustCompile(`^(.*?)\s*\((\d{4})([a-z])?\)\.?\s*(.*)$`)
	refItalicRe   = regexp.MustCompile(`^(.*?)\s*\*+([^*]+?)\*+\s*(.*)$`)
	// refPlainRe is the fallback when the journal is not in italics: the
	// title runs to the first sentence stop, the journal to the volume.
	// The locator may open with letters: "CD001867", "e0123".
	refPlainRe = regexp.MustCompile(`^(.+?[.?!])\s+(\D+?)[.,]?\s+((?:[A-Z]{1,2}|e)?\d.*)$`)
	// refReportRe: a report with its publisher only, "Title. Publisher."
	refReportRe  = regexp.MustCompile(`^(.+?[.?!])\s+(\p{Lu}[^.?!]*?)\.?$`)
	refBookRe    = regexp.MustCompile(`^(.+?[.?!])\s+(\p{Lu}[\p{L} .,'-]*?):\s*([^:]+?)\.?$`)
	refLocatorRe = regexp.MustCompile(`^(\d+[A-Za-z]?)?\s*(?:\(([^)]*)\))?\s*(?:[:,]\s*([A-Za-z]*\d\w*(?:\s*[-–]\s*\w*)?))?\s*\.?\s*(.*)$`)
)

// refNumber is the entry number of a refNumberRe match, whichever of its
// forms opened the entry.
func refNumber(m []string) string { return m[1] + m[2] + m[3] }

type refDraft struct {
	number, line int
	lines        []string // the entry's lines, stray bullets removed
}

// parseReferences reads the numbered list under the References heading.
// The list is checked strictly because a cut or renumbered list silently
// shifts every numeric citation onto the wrong study.
func (p *reviewParser) parseReferences(lines []srcLine, headingLine int) error {
	if len(lines) > 0 && !numberedList(p, lines) {
		return p.parseUnnumbered(lines)
	}
	p.numberedRefs = true
	bare := bareNumberedList(p, lines)
	var drafts []refDraft
	for _, l := range lines {
		t := p.lineText(l)
		if bare {
			if m := refBareNumberRe.FindStringSubmatch(t); m != nil && m[1] == strconv.Itoa(len(drafts)+1) {
				drafts = append(drafts, refDraft{number: len(drafts) + 1, line: l.num, lines: []string{strings.TrimSpace(t[len(m[1]):])}})
				continue
			}
		} else if m := refNumberRe.FindStringSubmatch(t); m != nil {
			n, _ := strconv.Atoi(refNumber(m))
			want := len(drafts) + 1
			switch rest := t[len(m[0]):]; {
			case n == want:
				drafts = append(drafts, refDraft{number: n, line: l.num, lines: []string{rest}})
				continue
			case len(drafts) > 0 && !looksLikeEntry(rest):
				// A wrapped line that happens to open with a number and a
				// stop ("58. 7-12.") continues its entry; only a line that
				// goes on like an entry is a numbering error.
			case len(drafts) == 0:
				return p.errorf(l.num, "the reference list starts at %d, not 1", n)
			case n < want:
				return p.errorf(l.num, "reference number %d repeats (expected %d)", n, want)
			default:
				return p.errorf(l.num, "reference numbering skips from %d to %d", want-1, n)
			}
		}
		if len(drafts) == 0 {
			return p.errorf(l.num, "text before the first numbered reference: %q", shortText(t, 60))
		}
		d := &drafts[len(drafts)-1]
		d.lines = append(d.lines, t)
	}
	if len(drafts) == 0 {
		return p.errorf(headingLine, "the reference list is empty")
	}
	vocab := newVocabulary(string(p.data))
	for i, d := range drafts {
		ref, problem := parseAnyEntry(d.number, joinWrapped(d.lines, vocab))
		if problem != "" && i == len(drafts)-1 {
			// The last entry failing is how a cut file looks: refuse it
			// rather than build a graph from half a list.
			return p.errorf(d.line, "%s", problem)
		}
		if problem != "" {
			p.r.warn(d.line, "%s; kept as written", problem)
		}
		ref.Line = d.line
		p.r.References = append(p.r.References, ref)
	}
	return nil
}

// joinWrapped rejoins an entry broken across lines, with a space, or with
// nothing where a line ends in a hyphen: the hyphen is dropped when the
// break split a word ("random-" / "ized" gives "randomized") and kept when
// it ends a compound ("mindfulness-" / "based"); joinHyphenated (hyphen.go)
// decides, from the document's own words (vocab, may be nil). A stray
// bullet ("- ") that PDF-to-text conversion puts at the start of a
// continuation is dropped; when it stands for the hyphen of a compound the
// break cut ("long" / "- term"), the hyphen is restored.
func joinWrapped(lines []string, vocab *vocabulary) string {
	var b strings.Builder
	for i, next := range lines {
		bullet := i > 0 && strayBulletRe.MatchString(next)
		if bullet {
			next = strayBulletRe.ReplaceAllString(next, "")
		}
		if i > 0 {
			prev := lines[i-1]
			head, tail := lastWord(strings.TrimSuffix(prev, "-")), firstWord(next)
			before, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(prev, "-"))
			after, _ := utf8.DecodeRuneInString(next)
			alnum := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
			switch {
			case strings.HasSuffix(prev, "-") && len(prev) > 1 && alnum(before) && alnum(after):
				// A hyphen between letters or digits is no dash: the
				// parts join with no space, and without the hyphen
				// only when the break split a word.
				if joinHyphenated(head, tail, vocab) {
					s := b.String()
					b.Reset()
					b.WriteString(strings.TrimSuffix(s, "-"))
				}
			case bullet && lastWord(prev) != "" && unicode.IsLower(after) && bulletWasHyphen(lastWord(prev), tail, vocab):
				b.WriteByte('-')
			default:
				b.WriteByte(' ')
			}
		}
		b.WriteString(next)
	}
	return b.String()
}

// bulletWasHyphen reports whether head and tail, split by a line break and
// a stray bullet, form a known hyphenated compound: written so elsewhere
// in the document, or of a known compound head or tail.
func bulletWasHyphen(head, tail string, v *vocabulary) bool {
	h, t := strings.ToLower(head), strings.ToLower(tail)
	if v != nil && v.compounds[h+"-"+t] {
		return true
	}
	return compoundHeads[h] && compoundTails[t]
}

// parseReferenceEntry returns the entry, or a message saying what is
// missing; a missing part almost always means the entry was cut short.
func parseReferenceEntry(number int, entry string) (Reference, string) {
	text := normalizeSpace(entry)
	ref := Reference{Number: number, Raw: normalizeSpace(strings.ReplaceAll(text, "*", ""))}
	if last, _ := utf8.DecodeLastRuneInString(text); strings.ContainsRune(":,;-–(", last) {
		return ref, fmt.Sprintf("reference %d ends mid-entry (%q): the list looks cut short", number, shortTail(text, 40))
	}
	if strings.Count(text, "*")%2 != 0 {
		return ref, fmt.Sprintf("reference %d has unclosed italics (entry cut short?)", number)
	}
	m := refYearRe.FindStringSubmatch(text)
	if m == nil {
		return ref, fmt.Sprintf("reference %d has no year in parentheses (entry cut short?)", number)
	}
	ref.Year, _ = strconv.Atoi(m[2])
	ref.YearSuffix = m[3]
	ref.Authors, ref.EtAl = splitReferenceAuthors(m[1])
	if len(ref.Authors) == 0 {
		return ref, fmt.Sprintf("reference %d has no authors before the year", number)
	}
	return titleJournal(ref, m[4])
}

// titleJournal reads "Title. Journal vol(issue): pages" after the year.
func titleJournal(ref Reference, rest string) (Reference, string) {
	number := ref.Number
	var title, tail string
	if im := refItalicRe.FindStringSubmatch(rest); im != nil {
		title, ref.Journal, tail = im[1], normalizeSpace(im[2]), im[3]
	} else if pm := refPlainRe.FindStringSubmatch(rest); pm != nil {
		title, ref.Journal, tail = pm[1], normalizeSpace(pm[2]), pm[3]
	} else if bm := refBookRe.FindStringSubmatch(rest); bm != nil {
		// A book or report: "Title. Place: Publisher." The publisher
		// stands where a journal would.
		title, ref.Journal = bm[1], normalizeSpace(bm[3])
	} else if rm := refReportRe.FindStringSubmatch(rest); rm != nil {
		title, ref.Journal = rm[1], normalizeSpace(rm[2])
	} else {
		return ref, fmt.Sprintf("reference %d has no journal after its title %q (entry cut short?)", number, shortText(rest, 50))
	}
	ref.Title = strings.TrimSuffix(strings.TrimSpace(title), ".")
	ref.Journal = strings.TrimSuffix(ref.Journal, ".")
	if ref.Title == "" {
		return ref, fmt.Sprintf("reference %d has no title", number)
	}
	if ref.Journal == "" {
		return ref, fmt.Sprintf("reference %d has no journal", number)
	}
	if lm := refLocatorRe.FindStringSubmatch(strings.TrimSpace(tail)); lm != nil {
		ref.Volume, ref.Issue, ref.Pages = lm[1], strings.TrimSpace(lm[2]), strings.Join(strings.Fields(lm[3]), "")
	}
	return ref, ""
}

// splitReferenceAuthors splits "Dakwar E, Levin FR, et al." into names,
// keeping each name as written ("Krystal J H") so nothing is lost.
func splitReferenceAuthors(s string) ([]string, bool) {
	if org := strings.TrimSuffix(normalizeSpace(s), "."); organisationName(org) {
		return []string{org}, false
	}
	s = strings.ReplaceAll(s, " & ", ", ")
	s = strings.ReplaceAll(s, " and ", ", ")
	var names []string
	etAl, merged := false, false
	for _, a := range strings.Split(s, ",") {
		a = normalizeSpace(a)
		low := strings.ToLower(a)
		switch {
		case a == "":
		case len(names) > 0 && !merged && initialsOnly(a):
			// "Baker, D. A.": the initials belong to the surname before.
			names[len(names)-1] += " " + a
			merged = true
			continue
		case low == "et al." || low == "et al":
			etAl = true
		case strings.HasSuffix(low, " et al.") || strings.HasSuffix(low, " et al"):
			etAl = true
			names = append(names, strings.TrimSpace(a[:strings.LastIndex(low, " et al")]))
		default:
			names = append(names, a)
		}
		merged = false
	}
	return names, etAl
}

// initialsOnly: "D. A.", "P.W.", "K" — a name part of initials alone.
func initialsOnly(s string) bool {
	f := strings.Fields(s)
	for _, w := range f {
		if !isInitials(w) {
			return false
		}
	}
	return len(f) > 0
}

// referenceSurname drops trailing initials ("Krystal J H" -> "Krystal",
// "Morgan CJA" -> "Morgan") so a surname can be compared with an
// author-year citation.
func referenceSurname(author string) string {
	f := strings.Fields(strings.ReplaceAll(author, ",", " "))
	for len(f) > 1 && (isInitials(f[len(f)-1]) || nameSuffix[strings.TrimSuffix(f[len(f)-1], ".")]) {
		f = f[:len(f)-1]
	}
	return strings.Join(f, " ")
}

// nameSuffix: a generational suffix after the initials ("Santo T Jr"),
// not part of the surname a citation gives.
var nameSuffix = map[string]bool{"Jr": true, "Sr": true, "II": true, "III": true, "IV": true}

func isInitials(w string) bool {
	w = strings.NewReplacer(".", "", "-", "").Replace(w)
	if w == "" || utf8.RuneCountInString(w) > 4 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func shortText(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

func shortTail(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return "…" + string(r[len(r)-n:])
}
