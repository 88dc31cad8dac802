// Layout that plain text keeps from a typeset page: numbered headings,
// tables set in columns, captions, run-in labels one per line, and page
// furniture repeated in the body.

package review

import (
	"regexp"
	"strings"
)

var (
	// sectionNumberRe is a heading's number: "2.", "2.1", "2.1.3.", and the
	// bar some journals set after it ("1 | INTRODUCTION").
	sectionNumberRe = regexp.MustCompile(`^\d{1,2}(?:\.\d{1,2}){0,3}\.?(?:\s*\|)?\s+`)
	// captionRe opens a figure or table caption: "Table 1", "Fig. 2.".
	captionRe = regexp.MustCompile(`^(?:Table|Fig\.|Figure|Box|Supplementary (?:Table|Figure))\s+[A-Z]?\d+[a-z]?(?:[.:]|\s|$)`)
	// columnGapRe is the gap between two columns of a plain-text table.
	columnGapRe = regexp.MustCompile(`\S(?:\t+| {2,})\S`)
	// pageNumberRe and runningHeadRe: a page number, or "M. Gonzalez et
	// al." alone on a line, left between pages by PDF-to-text.
	pageNumberRe  = regexp.MustCompile(`^\d{1,4}$`)
	runningHeadRe = regexp.MustCompile(`^(?:\p{Lu}\.\s*)+(?:\p{Lu}[\p{L}'’-]+\s+)*\p{Lu}[\p{L}'’-]+(?:\s+et al\.|\s+and\s+(?:\p{Lu}\.\s*)+\p{Lu}[\p{L}'’-]+)$`)
	runInRe       = regexp.MustCompile(`^\**([A-Z][A-Za-z/&\- ]{1,40}?)\**\s*:\s+\S`)
)

// numberedHeading splits "2.1. Cystine–glutamate exchange" into its depth
// (2) and title; depth 0 when the heading has no number.
func numberedHeading(t string) (int, string) {
	m := sectionNumberRe.FindString(t)
	if m == "" || strings.TrimSpace(t[len(m):]) == "" {
		return 0, t
	}
	return strings.Count(strings.TrimRight(strings.TrimSpace(m), "."), ".") + 1, strings.TrimSpace(t[len(m):])
}

// isTable: a block of at least three lines where most lines hold column
// gaps, or two lines of at least three columns each.
func (p *reviewParser) isTable(b lineBlock) bool {
	if len(b) < 2 {
		return false
	}
	gapped, wide := 0, 0
	for _, l := range b {
		n := len(columnGapRe.FindAllStringIndex(p.lineText(l), -1))
		if n > 0 {
			gapped++
		}
		if n > 1 {
			wide++
		}
	}
	return wide >= 2 || len(b) >= 3 && gapped*2 > len(b)
}

// correspondenceNoteRe opens the corresponding author's footnote, its
// mark perhaps stripped as markup: "* Corresponding author. E-mail ...".
var correspondenceNoteRe = regexp.MustCompile(`(?i)^[*†‡⁎✉]*\s*(?:corresponding authors?[.,]|e-?mail(?: address(?:es)?)?:)`)

// furniture: a line of a page header or footer that PDF-to-text leaves in
// the body (a running header, a copyright line, a DOI).
func (p *reviewParser) furniture(t string) bool {
	low := strings.ToLower(t)
	switch {
	case journalLineRe.MatchString(t) || journalLineSpringerRe.MatchString(t) || doiLineRe.MatchString(t) || journalCitation(t):
		return p.headerLine(t)
	case strings.HasPrefix(t, "©") || strings.Contains(low, "all rights reserved"), pageNumberRe.MatchString(t), runningHeadRe.MatchString(t):
		return true
	case correspondenceNoteRe.MatchString(t):
		// "* Corresponding author. E-mail address: ...": the footnote of
		// the author the asterisk marks, set in the body by the layout.
		return true
	case low == "go to:" || articleIDLineRe.MatchString(t):
		// "Go to:" precedes every heading of a copied PubMed Central page.
		return p.headerLine(t) || low == "go to:"
	}
	return false
}

// splitRunIn splits a block whose lines open with run-in labels (a
// structured abstract: "Background: ...", "Methods: ...") into one
// paragraph per label, so each part keeps its label.
func (p *reviewParser) splitRunIn(b lineBlock) []lineBlock {
	var starts []int
	for i, l := range b {
		if m := runInRe.FindStringSubmatch(p.lineText(l)); m != nil && runInLabel(stripMarkup(p.lineText(l))) != "" {
			starts = append(starts, i)
		}
	}
	if len(starts) < 2 {
		return []lineBlock{b}
	}
	if starts[0] != 0 {
		starts = append([]int{0}, starts...)
	}
	var out []lineBlock
	for k, s := range starts {
		e := len(b)
		if k+1 < len(starts) {
			e = starts[k+1]
		}
		out = append(out, b[s:e])
	}
	return out
}
