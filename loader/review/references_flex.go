// Reference lists as other publishers set them: unnumbered (APA, Harvard,
// Vancouver without numbers, alphabetical) with entries broken across
// lines, and entries in the Harvard and Vancouver orders, where the year
// follows the authors without brackets or follows the journal.

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
	// harvardRe: "Baker, D.A., McFarland, K., 2003. Title. Journal 6, 1–9."
	harvardRe = regexp.MustCompile(`^(.+?),?\s+((?:1[6-9]|20)\d{2})([a-z])?\.\s+(.+)$`)
	// vancouverRe: "Baker DA, Lake RW, et al. Title. Nat Neurosci. 2003;6(7):743-9."
	vancouverRe = regexp.MustCompile(`^(.+?)\.\s+(.+?[.?!])\s+(.+?)\.?\s+((?:1[6-9]|20)\d{2})([a-z])?(?:\s+[A-Z][a-z]{2,8}(?:\s+\d{1,2})?)?\s*[;.:]\s*(.*)$`)
	// vancouverBookRe: a report or book, "WHO. Title. Geneva: WHO; 2024."
	vancouverBookRe = regexp.MustCompile(`^(.+?)\.\s+(.+?[.?!])\s+(\p{Lu}[^:;]*?(?:\s*\([A-Z]{2}\))?):\s*([^:;]+?)[;,]\s*((?:1[6-9]|20)\d{2})([a-z])?\.?$`)
	// pmcLinksRe: the links a copied PubMed Central page puts after each
	// entry ("[PMC free article] [PubMed] [Google Scholar]").
	pmcLinksRe  = regexp.MustCompile(`\s*\[(?:PMC free article|PubMed|Google Scholar|DOI|CrossRef|Cross Ref|Ref list|Europe PMC|Free full text)\]`)
	anyYearRe   = regexp.MustCompile(`\b((?:1[6-9]|20)\d{2})([a-z])?\b`)
	doiInTextRe = regexp.MustCompile(`(?i)(?:doi:\s*|doi\.org/)(10\.\d{4,9}/[^\s,;]+[^\s,;.])`)
)

// numberedList: the list opens its entries with numbers ("1.", "[1]",
// "(1)", "1)", or a bare "1 " on its first line); a list in which no line is
// entry 1 is unnumbered.
func numberedList(p *reviewParser, lines []srcLine) bool {
	for _, l := range lines {
		if m := refNumberRe.FindStringSubmatch(p.lineText(l)); m != nil && refNumber(m) == "1" {
			return true
		}
	}
	return bareNumberedList(p, lines)
}

// bareNumberedList: the list's first line is entry 1 with no stop after
// the number ("1 Smith J, ..."), and no entry opens with "1.", "[1]" or "(1)".
func bareNumberedList(p *reviewParser, lines []srcLine) bool {
	if len(lines) == 0 {
		return false
	}
	for _, l := range lines {
		if m := refNumberRe.FindStringSubmatch(p.lineText(l)); m != nil && refNumber(m) == "1" {
			return false
		}
	}
	m := refBareNumberRe.FindStringSubmatch(p.lineText(lines[0]))
	return m != nil && m[1] == "1"
}

// parseUnnumbered splits an unnumbered list into entries and numbers them
// in order. Where a wrapped entry's lines are indented (a hanging indent),
// the indent decides; else a blank line, or a line that opens like an
// entry after one that ends like one. An entry it cannot read is kept as
// written, with a warning.
func (p *reviewParser) parseUnnumbered(lines []srcLine) error {
	indent := func(l srcLine) int { return l.start - l.raw }
	base := indent(lines[0])
	hanging := false
	for _, l := range lines {
		base = min(base, indent(l))
	}
	for _, l := range lines[1:] {
		hanging = hanging || indent(l) > base
	}
	hanging = hanging && indent(lines[0]) == base
	var drafts []refDraft
	for i, l := range lines {
		t := p.lineText(l)
		start := i == 0 || l.num > lines[i-1].num+1
		if !start {
			prev := drafts[len(drafts)-1].lines
			if hanging {
				start = indent(l) == base
			} else {
				start = opensEntry(t, prev[len(prev)-1])
			}
		}
		if start {
			drafts = append(drafts, refDraft{number: len(drafts) + 1, line: l.num, lines: []string{t}})
			continue
		}
		d := &drafts[len(drafts)-1]
		d.lines = append(d.lines, t)
	}
	vocab := newVocabulary(string(p.data))
	for _, d := range drafts {
		ref, problem := parseAnyEntry(d.number, joinWrapped(d.lines, vocab))
		if problem != "" {
			p.r.warn(d.line, "%s; kept as written", problem)
		}
		ref.Line = d.line
		p.r.References = append(p.r.References, ref)
	}
	return nil
}

// endsEntry: a line that can close an entry (a full stop, a page range, a
// DOI or URL).
func endsEntry(t string) bool {
	last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(t))
	return last == '.' || last == ')' || last == ']' || unicode.IsDigit(last) || strings.Contains(t, "doi") || strings.Contains(t, "http")
}

// parseAnyEntry reads an entry in the seed's order (authors (year) title
// journal), APA, Harvard or Vancouver; when none fits it keeps what it
// can (the first author, a year, the text) and says what is missing.
func parseAnyEntry(number int, entry string) (Reference, string) {
	entry = abbrevGuard.Replace(pmcLinksRe.ReplaceAllString(entry, ""))
	ref, problem := parseReferenceEntry(number, entry)
	if problem == "" || strings.Contains(problem, "ends mid-entry") || strings.Contains(problem, "unclosed italics") {
		return withIDs(ref), problem
	}
	text := normalizeSpace(strings.ReplaceAll(entry, "*", ""))
	if m := harvardRe.FindStringSubmatch(text); m != nil && !refYearRe.MatchString(m[1]) {
		r := Reference{Number: number, Raw: text, YearSuffix: m[3]}
		r.Year, _ = strconv.Atoi(m[2])
		if r.Authors, r.EtAl = splitReferenceAuthors(m[1]); len(r.Authors) > 0 {
			if r2, pr := titleJournal(r, m[4]); pr == "" {
				return withIDs(r2), ""
			}
		}
	}
	if m := vancouverBookRe.FindStringSubmatch(text); m != nil {
		r := Reference{Number: number, Raw: text, YearSuffix: m[6],
			Title: strings.TrimSuffix(m[2], "."), Journal: strings.TrimSpace(m[4])}
		r.Year, _ = strconv.Atoi(m[5])
		if r.Authors, r.EtAl = splitReferenceAuthors(m[1]); len(r.Authors) > 0 {
			return withIDs(r), ""
		}
	}
	if m := vancouverRe.FindStringSubmatch(text); m != nil {
		r := Reference{Number: number, Raw: text, YearSuffix: m[5],
			Title: strings.TrimSuffix(m[2], "."), Journal: strings.TrimSuffix(strings.TrimSpace(m[3]), ".")}
		r.Year, _ = strconv.Atoi(m[4])
		r.Authors, r.EtAl = splitReferenceAuthors(m[1])
		if lm := refLocatorRe.FindStringSubmatch(strings.TrimSpace(m[6])); lm != nil {
			r.Volume, r.Issue, r.Pages = lm[1], strings.TrimSpace(lm[2]), strings.Join(strings.Fields(lm[3]), "")
		}
		if len(r.Authors) > 0 && r.Title != "" && r.Journal != "" {
			return withIDs(r), ""
		}
	}
	// Keep the entry: its first author and year still let an author-year
	// citation find it.
	r := Reference{Number: number, Raw: text}
	if m := anyYearRe.FindStringSubmatch(text); m != nil {
		r.Year, _ = strconv.Atoi(m[1])
		r.YearSuffix = m[2]
	}
	head := text
	if i := strings.IndexAny(head, "(."); i > 0 {
		head = head[:i]
	}
	r.Authors, r.EtAl = splitReferenceAuthors(head)
	if len(r.Authors) > 0 {
		r.Authors = r.Authors[:1]
	}
	if refYearRe.MatchString(text) || r.Year == 0 {
		return withIDs(r), problem // the seed's order, cut short: say what is missing
	}
	return withIDs(r), fmt.Sprintf("reference %d is in no layout the reader knows (%q)", number, shortText(text, 60))
}

// abbrevGuard hides the stops of country abbreviations ("PTSD in U.S.
// military veterans") while an entry is split into title and journal,
// since a title runs to its first stop; withIDs puts them back.
var (
	abbrevGuard   = strings.NewReplacer("U.S.A.", "U\uE000S\uE000A\uE000", "U.S.", "U\uE000S\uE000", "U.K.", "U\uE000K\uE000")
	abbrevRestore = strings.NewReplacer("\uE000", ".")
)

// withIDs takes a DOI written in the entry and restores what abbrevGuard
// hid.
func withIDs(r Reference) Reference {
	r.Raw, r.Title, r.Journal = abbrevRestore.Replace(r.Raw), abbrevRestore.Replace(r.Title), abbrevRestore.Replace(r.Journal)
	for i, a := range r.Authors {
		r.Authors[i] = abbrevRestore.Replace(a)
	}
	if m := doiInTextRe.FindStringSubmatch(r.Raw); m != nil {
		r.DOI = m[1]
	}
	return r
}
