package loader

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// MaxReviewBytes caps the size of a review. Reviews in this style are a few
// pages; a file this large is the wrong file, and refusing it before
// reading keeps a stray dump from exhausting memory.
const MaxReviewBytes = 8 << 20

// Review is a review article parsed from its plain-text form.
type Review struct {
	Source      string // file name as given, for messages
	Title       string
	Authors     []string
	Affiliation string
	Citation    string // the full "Citation:" line text after the label
	Journal     string
	Volume      string
	Issue       string
	Pages       string
	Year        int
	ArticleCode string
	// Dates are ISO 8601 (YYYY-MM-DD); "Received" counts as Submitted.
	Submitted, Revised, Accepted, Published string
	CorrespondingAuthor                     string
	CorrespondingAddress                    string // what follows the name on the corresponding-author line
	Keywords                                []string
	DOI                                     string
	Sections                                []Section // document order
	Passages                                []Passage // body sentences, abstract through conclusion
	References                              []Reference
	Citations                               []Citation // in-text citations, document order
}

// Section is a heading and the body under it.
type Section struct {
	Index  int
	Title  string
	Level  int // 1 top, 2 subsection
	Parent int // index of the parent section, -1 for top level
	Line   int
	// Start and End are byte offsets of the body; a top-level section's
	// body includes its subsections.
	Start, End int
	// Merged is set on a subsection whose heading shared a line with its
	// parent's ("Clinical Evidence ... Alcohol Use Disorder (AUD)").
	Merged bool
}

// Passage is one sentence of the body.
type Passage struct {
	Index      int
	Section    int    // index into Sections
	Text       string // the sentence, whitespace-normalised
	Start, End int    // data[Start:End] is the sentence as written
	Line       int    // 1-based line of Start
	Paragraph  int    // 1-based paragraph ordinal within the section
	Label      string // run-in label ("Opinion" in "Opinion: Given ..."); Text keeps it
	ListItem   bool   // a short line of a list introduced by a line ending in ':'
}

// Reference is one entry of the numbered reference list.
type Reference struct {
	Number  int
	Authors []string // as written, e.g. "Krystal J H"
	EtAl    bool
	Year    int
	Title   string
	Journal string // without markdown asterisks
	Volume  string
	Issue   string
	Pages   string // page range or article number
	Raw     string // the entry on one line, markup and number removed
	Line    int
}

// Citation is one in-text citation of one work (or one numeric bracket).
type Citation struct {
	Passage     int
	Kind        string // KindNumeric or KindAuthorYear
	Numbers     []int  // numeric: expanded, [1-3] -> 1,2,3
	Authors     string // author-year: "Krystal et al."
	FirstAuthor string // author-year: surname, "Krystal"
	Year        int
	Text        string // as written, whitespace-normalised
	Start, End  int
	Line        int
}

// MatchAuthorYear finds the reference an author-year citation points at,
// by first-author surname and year. No match is not an error: reviews in
// this style often cite works missing from their list.
func (r *Review) MatchAuthorYear(c Citation) (refNumber int, ok bool) {
	if c.Kind != KindAuthorYear || c.FirstAuthor == "" {
		return 0, false
	}
	for _, ref := range r.References {
		if ref.Year == c.Year && len(ref.Authors) > 0 && strings.EqualFold(referenceSurname(ref.Authors[0]), c.FirstAuthor) {
			return ref.Number, true
		}
	}
	return 0, false
}

// ReadReview reads and parses a review file, checking its size before
// reading so that an oversized file fails at once.
func ReadReview(path string) (*Review, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open review: %w", err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("stat review: %w", err)
	}
	if info.Size() > MaxReviewBytes {
		return nil, reviewSizeError(path, info.Size())
	}
	// The limit also holds for files that grow or misreport their size.
	data, err := io.ReadAll(io.LimitReader(f, MaxReviewBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read review %s: %w", path, err)
	}
	return ParseReview(path, data)
}

// ParseReview parses a review in the plain-text style of the seeds. name is
// used only in messages. Faults that would make the graph wrong (a cut
// reference list, a citation with no entry, bad bytes) are *SourceError.
func ParseReview(name string, data []byte) (*Review, error) {
	if len(data) > MaxReviewBytes {
		return nil, reviewSizeError(name, int64(len(data)))
	}
	p := &reviewParser{name: name, data: data, r: &Review{Source: name}}
	if err := p.checkBytes(); err != nil {
		return nil, err
	}
	p.scanLines()
	blocks := p.blocks()
	if len(blocks) == 0 {
		if len(data) == 0 {
			return nil, p.errorf(1, "review is empty")
		}
		return nil, p.errorf(1, "review is empty (only white space)")
	}
	next, err := p.frontMatter(blocks)
	if err != nil {
		return nil, err
	}
	items, refs, err := p.classify(blocks[next:])
	if err != nil {
		return nil, err
	}
	if err := p.checkTitle(blocks[0]); err != nil {
		return nil, err
	}
	sectionOf, refSection := p.buildSections(items, refs)
	if refSection >= 0 {
		if err := p.parseReferences(refs, p.r.Sections[refSection].Line); err != nil {
			return nil, err
		}
	}
	p.buildPassages(items, sectionOf)
	if err := p.findCitations(); err != nil {
		return nil, err
	}
	if p.r.Year == 0 && len(p.r.Published) >= 4 {
		p.r.Year, _ = strconv.Atoi(p.r.Published[:4])
	}
	return p.r, nil
}

type reviewParser struct {
	name  string
	data  []byte
	lines []srcLine
	r     *Review
}

type srcLine struct {
	num        int // 1-based
	raw        int // offset of the line's first byte
	start, end int // the line's text without surrounding white space
}

// lineBlock is a run of non-blank lines: a paragraph, heading or list item.
type lineBlock []srcLine

func (p *reviewParser) errorf(line int, format string, args ...any) error {
	return &SourceError{File: p.name, Line: line, Msg: fmt.Sprintf(format, args...)}
}

func (p *reviewParser) lineOfOffset(off int) int {
	return 1 + bytes.Count(p.data[:off], []byte("\n"))
}

func (p *reviewParser) checkBytes() error {
	if i := bytes.IndexByte(p.data, 0); i >= 0 {
		return p.errorf(p.lineOfOffset(i), "NUL byte in the text (a binary file?)")
	}
	for i := 0; i < len(p.data); {
		r, n := utf8.DecodeRune(p.data[i:])
		if r == utf8.RuneError && n <= 1 {
			return p.errorf(p.lineOfOffset(i), "invalid UTF-8 (byte 0x%02x); save the file as UTF-8", p.data[i])
		}
		i += n
	}
	return nil
}

func (p *reviewParser) scanLines() {
	pos := 0
	if bytes.HasPrefix(p.data, []byte("\xef\xbb\xbf")) {
		pos = 3 // a byte-order mark is not text
	}
	for num := 1; pos <= len(p.data); num++ {
		end, next := len(p.data), len(p.data)+1
		if nl := bytes.IndexByte(p.data[pos:], '\n'); nl >= 0 {
			end, next = pos+nl, pos+nl+1
		}
		t := trimSpan(string(p.data[pos:end]), 0, end-pos)
		p.lines = append(p.lines, srcLine{num: num, raw: pos, start: pos + t.start, end: pos + t.end})
		pos = next
	}
}

func (p *reviewParser) blocks() []lineBlock {
	var out []lineBlock
	var cur lineBlock
	for _, l := range p.lines {
		if l.start == l.end {
			if cur != nil {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	if cur != nil {
		out = append(out, cur)
	}
	return out
}

// lineAt returns the 1-based line holding byte offset off.
func (p *reviewParser) lineAt(off int) int {
	i := sort.Search(len(p.lines), func(i int) bool { return p.lines[i].raw > off })
	return p.lines[i-1].num
}

func (p *reviewParser) lineText(l srcLine) string { return string(p.data[l.start:l.end]) }

func (p *reviewParser) blockText(b lineBlock) string {
	return normalizeSpace(string(p.data[b[0].start:b[len(b)-1].end]))
}

// stripMarkup removes markdown emphasis, which the style uses for bold
// labels and italic journals but which is never part of the words.
func stripMarkup(s string) string {
	return normalizeSpace(strings.ReplaceAll(s, "*", ""))
}

var (
	frontLabelRe  = regexp.MustCompile(`(?i)^(citation|corresponding authors?|received|submitted|revised|accepted|published(?: online)?|copyright|keywords|key words|doi|e-?mail|academic editor|editor)\s*:\s*(.*)$`)
	citeLineRe    = regexp.MustCompile(`^(.*?)\s*\((\d{4})\)\.?\s*(.*)$`)
	citeSourceRe  = regexp.MustCompile(`^(.+?)\s+(\d+)\s*(?:\(([^)]+)\))?\s*[,:]\s*([A-Za-z]*\d+\w*(?:\s*[-–]\s*[A-Za-z]*\d+\w*)?)\.?\s*(.*)$`)
	numericDateRe = regexp.MustCompile(`^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$`)
	isoDateRe     = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	authorSepRe   = regexp.MustCompile(`\s*(?:,|;|&|\band\b)\s*`)
	bulletRe      = regexp.MustCompile(`^[-•–▪◦*]\s+`)
	acronymRe     = regexp.MustCompile(`^\(\p{Lu}[\p{Lu}\d&/-]+\p{Ll}?\)$`)
)

// frontMatter takes the title, author and affiliation lines, which the
// style gives by position rather than by label, and returns the index of
// the first block after them.
func (p *reviewParser) frontMatter(blocks []lineBlock) (int, error) {
	title := stripMarkup(p.blockText(blocks[0]))
	if why := notATitle(title); why != "" {
		return 0, p.errorf(blocks[0][0].num, "no title: the first line %s", why)
	}
	p.r.Title = title
	i := 1
	var positional []string
	for i < len(blocks) && len(positional) < 2 && len(blocks[i]) <= 2 {
		t := stripMarkup(p.blockText(blocks[i]))
		if frontLabelRe.MatchString(t) || standardHeading(t) != "" || len(strings.Fields(t)) > 40 || numericCiteRe.MatchString(t) {
			break
		}
		positional = append(positional, t)
		i++
	}
	if len(positional) > 0 {
		for _, a := range authorSepRe.Split(positional[0], -1) {
			if a = strings.TrimRight(a, "0123456789*†‡§ "); a != "" {
				p.r.Authors = append(p.r.Authors, a)
			}
		}
	}
	if len(positional) > 1 {
		p.r.Affiliation = strings.TrimSuffix(positional[1], ".")
	}
	return i, nil
}

func notATitle(t string) string {
	switch {
	case frontLabelRe.MatchString(t):
		return fmt.Sprintf("is a labelled line (%q)", shortText(t, 40))
	case standardHeading(t) != "":
		return fmt.Sprintf("is the %q heading", t)
	case refNumberRe.MatchString(t):
		return "is a numbered reference"
	case strings.HasSuffix(t, ":") || strings.HasSuffix(t, ";") || strings.HasSuffix(t, ","):
		return fmt.Sprintf("ends with %q, like body text", t[len(t)-1:])
	case len(strings.Fields(t)) > 40:
		return "is too long for a title"
	case len(splitSentences(t)) > 1:
		return "holds several sentences, like body text"
	}
	return ""
}

// checkTitle catches a missing title that the first line would otherwise
// stand in for: when the first line is exactly the author list of the
// Citation line, the real title was lost.
func (p *reviewParser) checkTitle(first lineBlock) error {
	m := citeLineRe.FindStringSubmatch(p.r.Citation)
	if m != nil && m[1] != "" && strings.EqualFold(normalizeSpace(m[1]), p.r.Title) {
		return p.errorf(first[0].num, "no title: the first line %q is the author list of the Citation line", p.r.Title)
	}
	return nil
}

// recordLabel stores a front-matter line such as "Submitted: 04.04.2025".
func (p *reviewParser) recordLabel(label, value string, line int) error {
	r := p.r
	date := func(dst *string) error {
		iso, ok := isoDate(value)
		if !ok {
			return p.errorf(line, "%s date %q is not a date (want DD.MM.YYYY)", label, value)
		}
		*dst = iso
		return nil
	}
	switch key := strings.ToLower(label); {
	case key == "citation":
		r.Citation = value
		p.parseCitationLine(value)
	case strings.HasPrefix(key, "corresponding"):
		name, addr, _ := strings.Cut(value, ",")
		r.CorrespondingAuthor = strings.TrimSuffix(strings.TrimSpace(name), ".")
		r.CorrespondingAddress = strings.TrimSuffix(strings.TrimSpace(addr), ".")
	case key == "received" || key == "submitted":
		return date(&r.Submitted)
	case key == "revised":
		return date(&r.Revised)
	case key == "accepted":
		return date(&r.Accepted)
	case strings.HasPrefix(key, "published"):
		return date(&r.Published)
	case key == "keywords" || key == "key words":
		for _, k := range strings.FieldsFunc(strings.TrimSuffix(value, "."), func(r rune) bool { return r == ',' || r == ';' }) {
			if k = strings.TrimSpace(k); k != "" {
				r.Keywords = append(r.Keywords, k)
			}
		}
	case key == "doi":
		r.DOI = value
	}
	return nil
}

// parseCitationLine reads "Authors (Year) Title. Journal Vol(Issue), Pages.
// Code". The known title is preferred for finding where the journal
// starts, because titles may contain full stops and colons.
func (p *reviewParser) parseCitationLine(value string) {
	m := citeLineRe.FindStringSubmatch(value)
	if m == nil {
		return
	}
	p.r.Year, _ = strconv.Atoi(m[2])
	rest, after := m[3], ""
	if t := p.r.Title; t != "" && len(rest) >= len(t) && strings.EqualFold(rest[:len(t)], t) {
		after = strings.TrimLeft(rest[len(t):], ".?! ")
	} else if i := strings.Index(rest, ". "); i >= 0 {
		after = rest[i+2:]
	}
	if s := citeSourceRe.FindStringSubmatch(after); s != nil {
		p.r.Journal, p.r.Volume, p.r.Issue, p.r.Pages = s[1], s[2], s[3], s[4]
		p.r.ArticleCode = strings.TrimSuffix(s[5], ".")
	}
}

// isoDate accepts day-first numeric dates (the style's DD.MM.YYYY), ISO
// dates and dates with month names, and rejects impossible ones.
func isoDate(s string) (string, bool) {
	s = strings.TrimSuffix(strings.TrimSpace(s), ".")
	var y, mo, d int
	if m := numericDateRe.FindStringSubmatch(s); m != nil {
		d, _ = strconv.Atoi(m[1])
		mo, _ = strconv.Atoi(m[2])
		y, _ = strconv.Atoi(m[3])
		if mo > 12 && d <= 12 {
			d, mo = mo, d // month first, as in US dates
		}
	} else if m := isoDateRe.FindStringSubmatch(s); m != nil {
		y, _ = strconv.Atoi(m[1])
		mo, _ = strconv.Atoi(m[2])
		d, _ = strconv.Atoi(m[3])
	} else {
		for _, layout := range []string{"2 January 2006", "January 2, 2006", "2 Jan 2006", "Jan 2, 2006", "January 2 2006"} {
			if t, err := time.Parse(layout, s); err == nil {
				return t.Format(time.DateOnly), true
			}
		}
		return "", false
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != mo || t.Day() != d {
		return "", false
	}
	return t.Format(time.DateOnly), true
}

type itemKind int

const (
	kindParagraph itemKind = iota
	kindListItem
	kindHeading
)

type bodyItem struct {
	kind  itemKind
	lines []srcLine
	text  string // whitespace-normalised, markup kept
}

// List case styles: a list keeps one style, so a Title Case line after
// sentence-case items is a heading that ends the list.
const (
	styleUnknown = iota
	styleSentence
	styleTitle
)

// classify sorts the body blocks into headings, paragraphs and list items,
// records labelled front-matter lines wherever they occur, and hands back
// the lines under the References heading.
func (p *reviewParser) classify(blocks []lineBlock) ([]bodyItem, []srcLine, error) {
	var items []bodyItem
	var refs []srcLine
	inRefs, listOpen, listStyle := false, false, styleUnknown
	heading := func(l srcLine, t string) {
		items = append(items, bodyItem{kind: kindHeading, lines: []srcLine{l}, text: t})
		listOpen, listStyle = false, styleUnknown
		inRefs = isReferenceHeading(t)
	}
	listItem := func(l srcLine) {
		t := p.lineText(l)
		if listStyle == styleUnknown {
			listStyle = styleSentence
			if titleCase(bulletRe.ReplaceAllString(t, "")) {
				listStyle = styleTitle
			}
		}
		items = append(items, bodyItem{kind: kindListItem, lines: []srcLine{l}, text: normalizeSpace(t)})
	}
	for _, b := range blocks {
		text := p.blockText(b)
		if m := frontLabelRe.FindStringSubmatch(stripMarkup(text)); m != nil {
			if err := p.recordLabel(m[1], normalizeSpace(m[2]), b[0].num); err != nil {
				return nil, nil, err
			}
			continue
		}
		if inRefs {
			refs = append(refs, b...)
			continue
		}
		// A standard heading glued to the text under it.
		if first := normalizeSpace(p.lineText(b[0])); len(b) > 1 && standardHeading(first) != "" {
			heading(b[0], first)
			if b = b[1:]; inRefs {
				refs = append(refs, b...)
				continue
			}
			text = p.blockText(b)
		}
		switch {
		case listOpen && p.isListBlock(b):
			if len(b) == 1 && headingInList(text, listStyle) {
				heading(b[0], text)
				continue
			}
			for _, l := range b {
				listItem(l)
			}
		case len(b) == 1 && (standardHeading(text) != "" || headingShaped(text)):
			heading(b[0], text)
		case p.allBulleted(b):
			for _, l := range b {
				listItem(l)
			}
			listOpen = true
		default:
			items = append(items, bodyItem{kind: kindParagraph, lines: b, text: text})
			listOpen, listStyle = strings.HasSuffix(text, ":"), styleUnknown
		}
	}
	return items, refs, nil
}

// isListBlock: every line is short and does not end a sentence, or wears a
// bullet. Full sentences after a colon are paragraphs, not items.
func (p *reviewParser) isListBlock(b lineBlock) bool {
	for _, l := range b {
		t := p.lineText(l)
		if len(t) > 200 || len(strings.Fields(t)) > 25 {
			return false
		}
		if last, _ := utf8.DecodeLastRuneInString(t); strings.ContainsRune(".!?", last) && !bulletRe.MatchString(t) {
			return false
		}
	}
	return true
}

func (p *reviewParser) allBulleted(b lineBlock) bool {
	for _, l := range b {
		if !bulletRe.MatchString(p.lineText(l)) {
			return false
		}
	}
	return true
}

// headingShaped: a short line that starts with a capital or digit and
// does not end like a sentence or clause.
func headingShaped(t string) bool {
	if t == "" || len(t) > 150 || len(strings.Fields(t)) > 15 {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(t); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	switch {
	case strings.ContainsRune(".!:;,", last):
		return false
	case last == '?' && !titleCase(t):
		return false
	}
	return !numericCiteRe.MatchString(t) && !bulletRe.MatchString(t)
}

// headingInList tells a heading from one more list item after a list:
// only a standard section name, or a Title Case line where the list so far
// was in sentence case, ends the list.
func headingInList(t string, style int) bool {
	if standardHeading(t) != "" {
		return true
	}
	upper, _ := letterCase(t)
	return style == styleSentence && headingShaped(t) && titleCase(t) && upper >= 1
}

// letterCase counts significant words (and parts of hyphenated words)
// after the first that start upper- or lower-case. Minor words are
// skipped because Title Case leaves them lower-case.
func letterCase(s string) (upper, lower int) {
	for i, w := range strings.Fields(s) {
		w = strings.Trim(w, `()[]"'“”‘’,;:.`)
		if w == "" || (i > 0 && isMinorWord(w)) {
			continue
		}
		for j, part := range strings.Split(w, "-") {
			if (i == 0 && j == 0) || part == "" || (j > 0 && isMinorWord(part)) {
				continue
			}
			switch r, _ := utf8.DecodeRuneInString(part); {
			case unicode.IsUpper(r):
				upper++
			case unicode.IsLower(r):
				lower++
			}
		}
	}
	return upper, lower
}

func titleCase(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s, `("'“‘`))
	_, lower := letterCase(s)
	return unicode.IsUpper(r) && lower == 0
}

func isMinorWord(w string) bool {
	switch strings.ToLower(w) {
	case "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "for", "to", "with", "by", "at", "from",
		"as", "vs", "vs.", "via", "into", "per":
		return true
	}
	return false
}

// standardHeading returns the canonical name of a conventional section
// heading, which is always top level and never a list item.
func standardHeading(t string) string {
	s := strings.ToLower(strings.TrimRight(stripMarkup(t), ".: "))
	switch s {
	case "abstract", "summary", "introduction", "background", "methods", "materials and methods", "methodology",
		"results", "discussion", "conclusion", "conclusions", "limitations", "future directions",
		"acknowledgements", "acknowledgments", "funding", "conflict of interest", "conflicts of interest",
		"references", "bibliography", "literature cited", "works cited", "reference list":
		return s
	}
	return ""
}

func isReferenceHeading(t string) bool {
	switch standardHeading(t) {
	case "references", "bibliography", "literature cited", "works cited", "reference list":
		return true
	}
	return false
}

// maxGroupShapes bounds the head nouns remembered for one run of
// subsections; real reviews use one or two.
const maxGroupShapes = 8

// headSig is what sibling subheadings share: the head noun (last word,
// singular) and whether they end in a parenthesised acronym.
type headSig struct {
	noun    string
	acronym bool
}

func headingSig(t string) headSig {
	words := strings.Fields(t)
	var sig headSig
	if n := len(words); n > 1 && acronymRe.MatchString(words[n-1]) {
		sig.acronym = true
		words = words[:n-1]
	}
	if len(words) > 0 {
		sig.noun = singular(strings.ToLower(strings.Trim(words[len(words)-1], `.,;:()[]"'`)))
	}
	return sig
}

func (a headSig) matches(b headSig) bool {
	return (a.noun != "" && a.noun == b.noun) || (a.acronym && b.acronym)
}

func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// acronymStart finds where the words abbreviated by a trailing "(ACR)"
// begin: "... for SUDs Alcohol Use Disorder (AUD)" gives the index of
// "Alcohol". Minor words may be skipped; hyphenated words may give one
// letter or one per part.
func acronymStart(words []string) (int, bool) {
	n := len(words)
	if n < 2 || !acronymRe.MatchString(words[n-1]) {
		return 0, false
	}
	var letters []rune
	for _, r := range strings.Trim(words[n-1], "()") {
		if unicode.IsUpper(r) {
			letters = append(letters, unicode.ToLower(r))
		}
	}
	li := len(letters) - 1
	for k := n - 2; k >= 0; k-- {
		parts := strings.Split(words[k], "-")
		matched := false
		for _, ps := range [][]string{parts, parts[:1]} {
			if len(ps) > li+1 {
				continue
			}
			ok := true
			for j, part := range ps {
				r, _ := utf8.DecodeRuneInString(part)
				if unicode.ToLower(r) != letters[li-len(ps)+1+j] {
					ok = false
					break
				}
			}
			if ok {
				li -= len(ps)
				matched = true
				break
			}
		}
		switch {
		case !matched && isMinorWord(words[k]):
			continue
		case !matched:
			return 0, false
		case li < 0:
			return k, true
		}
	}
	return 0, false
}

// splitMergedHeading splits a heading line that carries its first
// subheading on the same line. The tail must look like the next heading
// (same head noun, or both end in an acronym): its start is where the
// acronym's words begin, or else the split whose tail length is closest
// to the next heading's. The prefix must stand alone as a heading.
func splitMergedHeading(t, next string) (string, string, bool) {
	if next == "" {
		return "", "", false
	}
	words := strings.Fields(t)
	nextSig := headingSig(next)
	var starts []int
	if k, ok := acronymStart(words); ok {
		starts = []int{k}
	} else {
		n := len(strings.Fields(next))
		if nextSig.acronym {
			n--
		}
		for d := 0; d < len(words); d++ {
			for _, l := range []int{n - d, n + d} {
				if l >= 2 && l < len(words) && !slices.Contains(starts, len(words)-l) {
					starts = append(starts, len(words)-l)
				}
			}
		}
	}
	for _, k := range starts {
		pre, tail := words[:k], words[k:]
		if k == 0 || (len(pre) < 2 && standardHeading(pre[0]) == "") || isMinorWord(pre[len(pre)-1]) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(tail[0]); !unicode.IsUpper(r) {
			continue
		}
		if tailText := strings.Join(tail, " "); headingSig(tailText).matches(nextSig) {
			return strings.Join(pre, " "), tailText, true
		}
	}
	return "", "", false
}

// buildSections turns heading items into sections with levels, and
// returns the section of every item plus the index of the references
// section (-1 if none). Levels follow three rules: conventional names are
// top level; a heading right under a top-level heading with no text
// between is its subsection, as is a heading split off a merged line; and
// later headings shaped like the current subsections (headingSig) stay
// subsections until one is not.
func (p *reviewParser) buildSections(items []bodyItem, refs []srcLine) ([]int, int) {
	r := p.r
	sectionOf := make([]int, len(items))
	headItem := []int{} // per section: the item holding its heading, -1 for a preamble
	add := func(title string, level, parent int, l srcLine, item int, merged bool) int {
		i := len(r.Sections)
		r.Sections = append(r.Sections, Section{Index: i, Title: strings.TrimRight(title, ": "), Level: level,
			Parent: parent, Line: l.num, Start: l.end, End: l.end, Merged: merged})
		headItem = append(headItem, item)
		return i
	}
	var heads []int
	for i, it := range items {
		if it.kind == kindHeading {
			heads = append(heads, i)
		}
	}
	cur, top, refSection := -1, -1, -1
	if len(items) > 0 && items[0].kind != kindHeading {
		cur = add("", 1, -1, items[0].lines[0], -1, false) // text before any heading
		top = cur
	}
	var group []headSig
	inGroup := func(s headSig) bool {
		return slices.ContainsFunc(group, s.matches)
	}
	for hi, ii := range heads {
		h := items[ii]
		t, l := stripMarkup(h.text), h.lines[0]
		next := ""
		if hi+1 < len(heads) && standardHeading(items[heads[hi+1]].text) == "" {
			next = stripMarkup(items[heads[hi+1]].text)
		}
		sig := headingSig(t)
		switch {
		case standardHeading(t) != "":
			cur = add(t, 1, -1, l, ii, false)
			top, group = cur, nil
			if isReferenceHeading(t) {
				refSection = cur
			}
		case group != nil && inGroup(sig):
			cur = add(t, 2, top, l, ii, false)
			if len(group) < maxGroupShapes && !slices.ContainsFunc(group, func(g headSig) bool { return g.noun == sig.noun }) {
				group = append(group, sig)
			}
		case ii > 0 && items[ii-1].kind == kindHeading && cur == top && cur >= 0:
			cur = add(t, 2, top, l, ii, false)
			group = []headSig{sig}
		default:
			if pre, tail, ok := splitMergedHeading(t, next); ok {
				top = add(pre, 1, -1, l, ii, false)
				cur = add(tail, 2, top, l, ii, true)
				group = []headSig{headingSig(tail)}
			} else {
				cur = add(t, 1, -1, l, ii, false)
				top, group = cur, nil
			}
		}
		for i := ii; i < len(items) && (i == ii || items[i].kind != kindHeading); i++ {
			sectionOf[i] = cur
		}
	}
	for i := range items {
		if len(heads) > 0 && i < heads[0] {
			sectionOf[i] = 0
		}
	}
	p.sectionSpans(items, headItem, refs, refSection)
	return sectionOf, refSection
}

// sectionSpans sets each section's body span: from its first content item
// to its last before a heading of the same or a higher level. Levels are
// only 1 and 2, so two "next heading" tables make this linear.
func (p *reviewParser) sectionSpans(items []bodyItem, headItem []int, refs []srcLine, refSection int) {
	n := len(items)
	topLevel := make([]int, n) // lowest level a heading item opens
	for s, ii := range headItem {
		if ii >= 0 && (topLevel[ii] == 0 || p.r.Sections[s].Level < topLevel[ii]) {
			topLevel[ii] = p.r.Sections[s].Level
		}
	}
	// nextAny[i], nextTop[i], nextContent[i]: the first item at or after i
	// that is any heading, a level-1 heading, or not a heading (n if none);
	// prevContent[i]: the last non-heading item at or before i (-1 if none).
	nextAny, nextTop, nextContent := make([]int, n+1), make([]int, n+1), make([]int, n+1)
	nextAny[n], nextTop[n], nextContent[n] = n, n, n
	for i := n - 1; i >= 0; i-- {
		nextAny[i], nextTop[i], nextContent[i] = nextAny[i+1], nextTop[i+1], nextContent[i+1]
		if items[i].kind == kindHeading {
			nextAny[i] = i
			if topLevel[i] == 1 {
				nextTop[i] = i
			}
		} else {
			nextContent[i] = i
		}
	}
	prevContent := make([]int, n)
	for i := range items {
		switch {
		case items[i].kind != kindHeading:
			prevContent[i] = i
		case i > 0:
			prevContent[i] = prevContent[i-1]
		default:
			prevContent[i] = -1
		}
	}
	for s := range p.r.Sections {
		sec := &p.r.Sections[s]
		if s == refSection && len(refs) > 0 {
			sec.Start, sec.End = refs[0].start, refs[len(refs)-1].end
			continue
		}
		from := headItem[s] + 1
		stop := nextAny[from]
		if sec.Level == 1 {
			stop = nextTop[from]
		}
		first := nextContent[from]
		if first >= stop {
			continue
		}
		last := prevContent[stop-1]
		sec.Start = items[first].lines[0].start
		sec.End = items[last].lines[len(items[last].lines)-1].end
	}
}

// buildPassages splits paragraphs and list items into sentences.
func (p *reviewParser) buildPassages(items []bodyItem, sectionOf []int) {
	paragraphs := make([]int, len(p.r.Sections))
	for i, it := range items {
		if it.kind == kindHeading {
			continue
		}
		sec := sectionOf[i]
		paragraphs[sec]++
		start, end := it.lines[0].start, it.lines[len(it.lines)-1].end
		if it.kind == kindListItem {
			start += len(bulletRe.FindString(string(p.data[start:end])))
		}
		text := string(p.data[start:end])
		for k, sp := range splitSentences(text) {
			ps := Passage{Index: len(p.r.Passages), Section: sec, Start: start + sp.start, End: start + sp.end,
				Paragraph: paragraphs[sec], ListItem: it.kind == kindListItem}
			ps.Text = normalizeSpace(text[sp.start:sp.end])
			ps.Line = p.lineAt(ps.Start)
			if k == 0 && it.kind == kindParagraph {
				ps.Label = runInLabel(ps.Text)
			}
			p.r.Passages = append(p.r.Passages, ps)
		}
	}
}

// runInLabel returns a short Title Case lead-in ended by a colon, as in
// "Addiction Potential: Especially in ...". Requiring Title Case and a
// capital after the colon keeps ordinary clauses ("Results were clear:
// ...") out.
func runInLabel(sentence string) string {
	s := stripMarkup(sentence)
	i := strings.Index(s, ": ")
	if i <= 0 || i > 60 {
		return ""
	}
	label := s[:i]
	if strings.ContainsAny(label, `.!?;,()[]"`) || len(strings.Fields(label)) > 6 || !titleCase(label) {
		return ""
	}
	if r, _ := utf8.DecodeRuneInString(s[i+2:]); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return ""
	}
	return label
}
