package review

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

	// ArticleType, Subjects and the article ids are JATS metadata: the
	// article's type (article-type), its subject groups in order, and
	// its PubMed and PubMed Central ids.
	ArticleType string   `json:",omitempty"`
	Subjects    []string `json:",omitempty"`
	PMID        string   `json:",omitempty"`
	PMCID       string   `json:",omitempty"`
	// Dates are every dated event the article states (publication in
	// each format, history), partial ones kept as written; Published and
	// Year are chosen from them by DatePrecedence.
	Dates []Date `json:",omitempty"`
	// Warnings are what the reader could not recognise or found missing
	// without it making the graph wrong: the review is still read.
	Warnings []Warning `json:",omitempty"`
}

// Warning is a problem the reader worked around: a missing optional
// element, a line it could not place, a citation it could not resolve.
type Warning struct {
	Line int
	Msg  string
}

func (w Warning) String() string { return fmt.Sprintf("line %d: %s", w.Line, w.Msg) }

// Date is one dated event: Kind is the JATS pub-type or date-type
// ("epub", "ppub", "collection", "received", ...), Value is ISO 8601 at
// the precision given ("2019", "2019-03", "2019-03-14"), Season is a
// season or month range as printed ("Spring", "Jan-Feb").
type Date struct {
	Kind   string
	Value  string
	Season string `json:",omitempty"`
	Line   int
}

// warn records a warning; readers call it instead of refusing the review.
func (r *Review) warn(line int, format string, args ...any) {
	r.Warnings = append(r.Warnings, Warning{Line: line, Msg: fmt.Sprintf(format, args...)})
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
	// Kind is empty for running text, else one of the Passage* kinds: a
	// figure or table caption, a formula, or a plain-text table, each one
	// passage however many sentences it holds.
	Kind string `json:",omitempty"`
}

// Passage kinds other than running text.
const (
	PassageCaption = "caption"
	PassageFormula = "formula"
	PassageTable   = "table"
)

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
	// YearSuffix tells apart two works of one author and year ("2017a").
	YearSuffix string `json:",omitempty"`
	// DOI, PMID, PMCID and URL identify the work where the entry gives
	// them (JATS pub-id and ext-link, or a "doi:" in the text).
	DOI   string `json:",omitempty"`
	PMID  string `json:",omitempty"`
	PMCID string `json:",omitempty"`
	URL   string `json:",omitempty"`
}

// YearSuffixed is the year as cited: "2014a" where two works share one.
func (r Reference) YearSuffixed() string { return strconv.Itoa(r.Year) + r.YearSuffix }

// Citation is one in-text citation of one work (or one numeric bracket).
type Citation struct {
	Passage     int
	Kind        string // KindNumeric or KindAuthorYear
	Numbers     []int  // numeric: expanded, [1-3] -> 1,2,3
	Authors     string // author-year: "Krystal et al."
	FirstAuthor string // author-year: surname, "Krystal"
	Year        int
	YearSuffix  string `json:",omitempty"` // author-year: "a" of "2017a"
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
	// "2017a" must find 2017a, not 2017b; a suffix on one side only
	// still matches, since lists and texts do not always agree on it.
	found, ok := 0, false
	for _, ref := range r.References {
		if ref.Year == c.Year && len(ref.Authors) > 0 && strings.EqualFold(referenceSurname(ref.Authors[0]), c.FirstAuthor) {
			if ref.YearSuffix == c.YearSuffix {
				return ref.Number, true
			}
			if !ok && (ref.YearSuffix == "" || c.YearSuffix == "") {
				found, ok = ref.Number, true
			}
		}
	}
	return found, ok
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
	if err := p.checkTitle(); err != nil {
		return nil, err
	}
	sectionOf, refSection := p.buildSections(items, refs)
	if refSection >= 0 {
		if err := p.parseReferences(refs, p.r.Sections[refSection].Line); err != nil {
			return nil, err
		}
	}
	p.buildPassages(items, sectionOf)
	p.namePreamble()
	if err := p.findCitations(); err != nil {
		return nil, err
	}
	if p.r.Year == 0 && len(p.r.Published) >= 4 {
		p.r.Year, _ = strconv.Atoi(p.r.Published[:4])
	}
	if p.r.Year == 0 {
		// An article without a publication date is dated by its history,
		// acceptance first: that is the year it is cited by.
		for _, date := range []string{p.r.Accepted, p.r.Revised, p.r.Submitted} {
			if len(date) >= 4 {
				p.r.Year, _ = strconv.Atoi(date[:4])
				break
			}
		}
	}
	if p.r.Year == 0 {
		p.r.warn(p.titleBlock[0].num, "no year: the Citation line gives none and there is no publication date; the review's id takes the file name")
	}
	return p.r, nil
}

type reviewParser struct {
	name  string
	data  []byte
	lines []srcLine
	r     *Review
	// titleBlock is the block read as the title, after any page header.
	titleBlock lineBlock
	// numberedRefs: the reference list numbers its entries, so a number
	// in the text can cite one.
	numberedRefs bool
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
	onePerLine := p.paragraphPerLine()
	for _, l := range p.lines {
		if onePerLine && l.start != l.end {
			// Rows of a table set in columns stay one block there too.
			if n := len(out); n > 0 && p.columnGaps(l) > 0 && p.columnGaps(out[n-1][len(out[n-1])-1]) > 0 {
				out[n-1] = append(out[n-1], l)
			} else {
				out = append(out, lineBlock{l})
			}
			continue
		}
		if l.start == l.end {
			if cur != nil {
				out = p.appendBlock(out, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	if cur != nil {
		out = p.appendBlock(out, cur)
	}
	return out
}

// appendBlock adds a block, or each of its lines as a block when it is
// written one paragraph to a line: a text whose blank lines set off the
// front matter and the sections, but not the paragraphs within them. A
// line past 200 bytes, which no wrapping editor writes, tells it.
func (p *reviewParser) appendBlock(out []lineBlock, b lineBlock) []lineBlock {
	if len(b) > 1 && slices.ContainsFunc(b, func(l srcLine) bool { return l.end-l.start > 200 }) {
		for i := 0; i < len(b); i++ {
			// Rows of a table set in columns stay one block, as the
			// table they are.
			j := i + 1
			for j < len(b) && p.columnGaps(b[j]) > 0 && p.columnGaps(b[i]) > 0 {
				j++
			}
			out = append(out, b[i:j])
			i = j - 1
		}
		return out
	}
	return append(out, b)
}

// columnGaps counts the gaps between a line's columns.
func (p *reviewParser) columnGaps(l srcLine) int {
	return len(columnGapRe.FindAllStringIndex(p.lineText(l), -1))
}

// paragraphPerLine reports a text written one paragraph to a line with no
// blank line between them (as word processors and many exports save it):
// there blank lines cannot separate the blocks, so every line is one.
// It is told from a hard-wrapped text without blank lines by its long
// lines: two or more run past 200 bytes, which no wrapping editor writes.
func (p *reviewParser) paragraphPerLine() bool {
	var lines, long int
	for i, l := range p.lines {
		if l.start == l.end {
			if i < len(p.lines)-1 {
				return false // a blank line inside the text separates blocks
			}
			continue
		}
		lines++
		if l.end-l.start > 200 {
			long++
		}
	}
	return lines >= 8 && long >= 2
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
	frontLabelRe  = regexp.MustCompile(`(?i)^(citation|corresponding authors?(?: at)?|correspondence(?: to)?|received|submitted|revised|accepted|published(?: online)?|copyright|keywords|key words|doi|e-?mail(?: address(?:es)?)?|academic editor|editor)\s*:\s*(.*)$`)
	citeLineRe    = regexp.MustCompile(`^(.*?)\s*\((\d{4})\)\.?\s*(.*)$`)
	citeSourceRe  = regexp.MustCompile(`^(.+?)\s+(\d+)\s*(?:\(([^)]+)\))?\s*[,:]\s*([A-Za-z]*\d+\w*(?:\s*[-–]\s*[A-Za-z]*\d+\w*)?)\.?\s*(.*)$`)
	numericDateRe = regexp.MustCompile(`^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$`)
	isoDateRe     = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	authorSepRe   = regexp.MustCompile(`\s*(?:,|;|&|\band\b)\s*`)
	bulletRe      = regexp.MustCompile(`^[-•–▪◦*]\s+`)
	acronymRe     = regexp.MustCompile(`^\(\p{Lu}[\p{Lu}\d&/-]+\p{Ll}?\)$`)
)
