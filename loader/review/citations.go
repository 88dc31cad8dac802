package review

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Citation kinds.
const (
	KindNumeric    = "numeric"
	KindAuthorYear = "author-year"
)

// surnamePattern is a capitalised surname, with the lower-case particles
// that European surnames carry ("van der Berg", "dos Santos").
const surnamePattern = `(?:` + surnameParticles + `\s+)*\p{Lu}[\p{L}'’-]+`

// surnameParticles are the lower-case words a surname may open with.
const surnameParticles = `(?:van|von|de|der|den|du|da|di|del|della|dos|das|do|le|la|ten|ter)`

var (
	numericCiteRe = regexp.MustCompile(`\[\s*\d+(?:\s*[-–—]\s*\d+)?(?:\s*[,;]\s*\d+(?:\s*[-–—]\s*\d+)?)*\s*\]`)
	// parenNumericRe is "(6)" or "(1, 3-5)": the Vancouver style of
	// journals that cite in parentheses rather than brackets.
	parenNumericRe = regexp.MustCompile(`\(\s*\d{1,3}(?:\s*[-–—]\s*\d{1,3})?(?:\s*[,;]\s*\d{1,3}(?:\s*[-–—]\s*\d{1,3})?)*\s*\)`)
	// superscriptCiteRe is a superscript citation that lost its
	// formatting when the text was copied: "craving.12 The", "trials,3-5
	// and". Only after a word's closing punctuation, never glued to a
	// letter ("CB1", "5-HT2A") or a digit ("0.12").
	superscriptCiteRe = regexp.MustCompile(`[\p{L})\]][.,;:](\d{1,3}(?:\s*[-–—,]\s*\d{1,3})*)(?:\s|$)`)
	citeNumberRe      = regexp.MustCompile(`(\d+)(?:\s*[-–—]\s*(\d+))?`)
	parenGroupRe      = regexp.MustCompile(`\(([^()]+)\)`)
	// citedWorkRe is one author group and its years: "Gray et al., 2012",
	// "Gray et al. 2012, 2017", "McClure et al., 2014a, 2014b", "Barak
	// 2013a, b".
	citedWorkRe = regexp.MustCompile(`^(?:(?:see also|see|e\.g\.,?|cf\.|i\.e\.,?)\s+)?(` + surnamePattern +
		`(?:(?:,\s*` + surnamePattern + `)*,?\s+(?:and|&)\s+` + surnamePattern + `|,?\s+et\s+al\.?)?),?\s+((?:1[6-9]|20)\d{2}[a-z]?(?:\s*,\s*(?:(?:1[6-9]|20)\d{2}[a-z]?|[a-z]))*)$`)
	// corporateWorkRe is an organisation as author and its year: "World
	// Health Organization, 2023", "National Institute on Drug Abuse 2020".
	corporateWorkRe = regexp.MustCompile(`^(\p{Lu}[\p{L}'’-]+(?:\s+(?:of|for|on|and|the|&|\p{Lu}[\p{L}'’-]+)){1,8}),?\s+((?:1[6-9]|20)\d{2}[a-z]?)$`)
	yearItemRe      = regexp.MustCompile(`((?:1[6-9]|20)\d{2})?([a-z])?`)
	// narrativeCiteRe is "Krystal et al. (2013)" or "Harlow and Price
	// (2019)"; a lone capitalised word before a year is too often not a
	// name ("Trial (2019)") to count.
	narrativeCiteRe = regexp.MustCompile(`(` + surnamePattern + `(?:,?\s+et\s+al\.|\s+(?:and|&)\s+(?:colleagues|co-?workers|` + surnamePattern + `)))\s+\(((?:1[6-9]|20)\d{2})([a-z])?\)`)
	surnameRe       = regexp.MustCompile(surnamePattern)
)

// maxCitationRange guards against "[1-2019]"-style typos expanding into
// thousands of numbers.
const maxCitationRange = 100

// findCitations records every in-text citation of every passage. A numeric
// citation must resolve, because the graph links it by number; an
// author-year one is kept even when no entry matches, so the graph can
// report it as a citation concern instead of failing the whole review.
func (p *reviewParser) findCitations() error {
	paren := p.parenNumericStyle()
	superscript := paren && !p.anyParenCitation()
	for pi, ps := range p.r.Passages {
		text := string(p.data[ps.Start:ps.End])
		var found []Citation
		add := func(c Citation, a, b int) {
			c.Passage, c.Start, c.End = pi, ps.Start+a, ps.Start+b
			c.Text = normalizeSpace(text[a:b])
			c.Line = p.lineAt(c.Start)
			found = append(found, c)
		}
		for _, loc := range numericCiteRe.FindAllStringIndex(text, -1) {
			add(Citation{Kind: KindNumeric}, loc[0], loc[1])
			c := &found[len(found)-1]
			nums, err := p.citationNumbers(c)
			if err != nil {
				return err
			}
			c.Numbers = nums
		}
		if paren {
			for _, loc := range parenCitationSpans(text) {
				c := Citation{Kind: KindNumeric, Text: normalizeSpace(text[loc[0]:loc[1]]), Line: p.lineAt(ps.Start + loc[0])}
				// "(2)" may also number a list or a step: only numbers
				// that all name entries of the list are citations.
				if nums, err := p.citationNumbers(&c); err == nil {
					add(Citation{Kind: KindNumeric, Numbers: nums}, loc[0], loc[1])
				}
			}
		}
		if superscript {
			for _, loc := range superscriptCiteRe.FindAllStringSubmatchIndex(text, -1) {
				c := Citation{Kind: KindNumeric, Text: text[loc[2]:loc[3]], Line: p.lineAt(ps.Start + loc[2])}
				if nums, err := p.citationNumbers(&c); err == nil {
					add(Citation{Kind: KindNumeric, Numbers: nums}, loc[2], loc[3])
				}
			}
		}
		for _, loc := range parenGroupRe.FindAllStringSubmatchIndex(text, -1) {
			for _, w := range citedWorks(text, loc[2], loc[3]) {
				if w.corporate {
					if _, ok := p.r.MatchAuthorYear(Citation{Kind: KindAuthorYear, FirstAuthor: w.first, Year: w.year, YearSuffix: w.suffix}); !ok {
						continue // two capitalised words and a year need not be a citation
					}
				}
				a, b := w.start, w.end
				if w.whole {
					a, b = loc[0], loc[1]
				}
				add(Citation{Kind: KindAuthorYear, Authors: w.authors, FirstAuthor: w.first, Year: w.year, YearSuffix: w.suffix}, a, b)
			}
		}
		for _, loc := range narrativeCiteRe.FindAllStringSubmatchIndex(text, -1) {
			if r, _ := utf8.DecodeLastRuneInString(text[:loc[0]]); loc[0] > 0 && unicode.IsLetter(r) {
				continue
			}
			authors := normalizeSpace(text[loc[2]:loc[3]])
			year, _ := strconv.Atoi(text[loc[4]:loc[5]])
			suffix := ""
			if loc[6] >= 0 {
				suffix = text[loc[6]:loc[7]]
			}
			add(Citation{Kind: KindAuthorYear, Authors: authors, FirstAuthor: surnameRe.FindString(authors), Year: year, YearSuffix: suffix}, loc[0], loc[1])
		}
		sort.SliceStable(found, func(i, j int) bool { return found[i].Start < found[j].Start })
		p.r.Citations = append(p.r.Citations, found...)
	}
	return nil
}

// parenNumericStyle: the review cites by number in parentheses, "(6)".
// Only a review whose reference list is numbered and whose text has no
// bracketed citation is read so, because parenthesised numbers are
// otherwise counts, list items and doses as often as citations.
func (p *reviewParser) parenNumericStyle() bool {
	if !p.numberedRefs || len(p.r.References) == 0 {
		return false
	}
	return !p.anyMatch(numericCiteRe)
}

// enumerationPrevRe ends the text before a list item's number: a colon,
// a comma or semicolon, "and"/"or", or nothing.
var enumerationPrevRe = regexp.MustCompile(`(?:^|[:;,]|\b(?:and|or))\s*$`)

// enumerationItem: "(1) which dose, and (2) how long" numbers the items
// of a list; a citation follows the words it supports ("craving (4)").
func enumerationItem(text string, a, b int) bool {
	return followedByWord(text, b) && enumerationPrevRe.MatchString(text[:a])
}

// anyMatch: some passage of the review has a match of re.
func (p *reviewParser) anyMatch(re *regexp.Regexp) bool {
	for _, ps := range p.r.Passages {
		if re.Match(p.data[ps.Start:ps.End]) {
			return true
		}
	}
	return false
}

// anyParenCitation: some "(6)" of the review is a citation rather than a
// list item's number.
func (p *reviewParser) anyParenCitation() bool {
	for _, ps := range p.r.Passages {
		if len(parenCitationSpans(string(p.data[ps.Start:ps.End]))) > 0 {
			return true
		}
	}
	return false
}

// parenCitationSpans are the "(6)"s of a passage that may cite, leaving
// out the numbers of an enumeration. An item is known by what comes
// before it (enumerationItem); so is an item that opens a run of them
// mid-sentence, "we ask (1) which dose, and (2) how long", by the next
// number of the run in the same sentence.
func parenCitationSpans(text string) [][]int {
	locs := parenNumericRe.FindAllStringIndex(text, -1)
	enum := make([]bool, len(locs))
	for i, loc := range locs {
		enum[i] = enumerationItem(text, loc[0], loc[1])
	}
	for i := len(locs) - 2; i >= 0; i-- {
		a, b := locs[i], locs[i+1]
		n, okA := loneNumber(text[a[0]:a[1]])
		m, okB := loneNumber(text[b[0]:b[1]])
		if !enum[i] && enum[i+1] && okA && okB && m == n+1 && followedByWord(text, a[1]) && !sentenceBreakRe.MatchString(text[a[1]:b[0]]) {
			enum[i] = true
		}
	}
	var out [][]int
	for i, loc := range locs {
		if !enum[i] {
			out = append(out, loc)
		}
	}
	return out
}

// sentenceBreakRe: a sentence ends between two parentheses.
var sentenceBreakRe = regexp.MustCompile(`[.?!]\s+\p{Lu}`)

// loneNumber: "(2)" holds one number and nothing else.
func loneNumber(paren string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(strings.Trim(paren, "()")))
	return n, err == nil
}

// followedByWord: the text after position b goes on with a word, as a
// list item does, not with a stop or a comma, as a citation often does.
func followedByWord(text string, b int) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(text[b:], " "))
	return unicode.IsLetter(r)
}

// citationNumbers expands "[1, 3-5]" and checks every number against the
// reference list.
func (p *reviewParser) citationNumbers(c *Citation) ([]int, error) {
	var nums []int
	for _, m := range citeNumberRe.FindAllStringSubmatch(c.Text, -1) {
		lo, _ := strconv.Atoi(m[1])
		hi := lo
		if m[2] != "" {
			hi, _ = strconv.Atoi(m[2])
		}
		switch {
		case hi < lo:
			return nil, p.errorf(c.Line, "citation %s has a backwards range %d-%d", c.Text, lo, hi)
		case hi-lo > maxCitationRange:
			return nil, p.errorf(c.Line, "citation %s spans more than %d references", c.Text, maxCitationRange)
		}
		for n := lo; n <= hi; n++ {
			if n < 1 || n > len(p.r.References) {
				if len(p.r.References) == 0 {
					return nil, p.errorf(c.Line, "citation %s refers to reference %d, but the review has no reference list", c.Text, n)
				}
				return nil, p.errorf(c.Line, "citation %s refers to reference %d, but the reference list has %d entries", c.Text, n, len(p.r.References))
			}
			nums = append(nums, n)
		}
	}
	return nums, nil
}

type citedWork struct {
	start, end int // the work's own text inside the parentheses
	whole      bool
	authors    string
	first      string
	year       int
	suffix     string
	// corporate: an organisation as author ("World Health Organization,
	// 2023"), counted only when the reference list has it.
	corporate bool
}

// citedWorks splits a parenthetical such as "(A & B, 2010; C et al., 2012)"
// into one work per ";"-part. A lone work keeps its parentheses in the
// citation text, as a reader would quote it; parts of a group do not.
func citedWorks(text string, a, b int) []citedWork {
	var works []citedWork
	for pos := a; pos <= b; {
		end := strings.IndexByte(text[pos:b], ';')
		if end < 0 {
			end = b
		} else {
			end += pos
		}
		part := trimSpan(text, pos, end)
		if m := citedWorkRe.FindStringSubmatch(text[part.start:part.end]); m != nil {
			authors := normalizeSpace(m[1])
			// One work per year: "2014a, 2014b" and "2013a, b" are two.
			year := 0
			for _, item := range strings.Split(m[2], ",") {
				ym := yearItemRe.FindStringSubmatch(strings.TrimSpace(item))
				if ym[1] != "" {
					year, _ = strconv.Atoi(ym[1])
				}
				works = append(works, citedWork{start: part.start, end: part.end, authors: authors,
					first: surnameRe.FindString(authors), year: year, suffix: ym[2]})
			}
		} else if m := corporateWorkRe.FindStringSubmatch(text[part.start:part.end]); m != nil {
			year, _ := strconv.Atoi(m[2][:4])
			works = append(works, citedWork{start: part.start, end: part.end, authors: normalizeSpace(m[1]),
				first: normalizeSpace(m[1]), year: year, suffix: m[2][4:], corporate: true})
		}
		pos = end + 1
	}
	if len(works) == 1 && !strings.Contains(text[a:b], ";") {
		works[0].whole = true
	}
	return works
}
