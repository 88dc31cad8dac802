// Body classification: which blocks are headings, paragraphs or list
// items, by the heuristics plain-text reviews leave to go on.

package review

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

type itemKind int

const (
	kindParagraph itemKind = iota
	kindListItem
	kindHeading
	kindTable   // a plain-text table, with its caption when it has one
	kindCaption // a figure or table caption standing alone
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
		if len(b) == 1 {
			if c := collapseSpaced(p.lineText(b[0])); c != p.lineText(b[0]) {
				// Letter-spacing is typography: "A B S T R A C T" is the
				// Abstract heading.
				text = strings.ToUpper(c[:1]) + strings.ToLower(c[1:])
			}
		}
		if !inRefs {
			if ok, err := p.frontBlock(b); ok || err != nil {
				if err != nil {
					return nil, nil, err
				}
				continue
			}
			if len(b) == 1 && p.furniture(stripMarkup(text)) {
				continue
			}
		}
		if len(b) > 1 && p.allLabelled(b) {
			for _, l := range b {
				m := frontLabelRe.FindStringSubmatch(stripMarkup(p.lineText(l)))
				if err := p.recordLabel(m[1], normalizeSpace(m[2]), l.num); err != nil {
					return nil, nil, err
				}
			}
			continue
		}
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
		case p.isTable(b):
			items = append(items, bodyItem{kind: kindTable, lines: b, text: text})
			listOpen = false
		case captionRe.MatchString(text):
			items = append(items, bodyItem{kind: kindCaption, lines: b, text: text})
			listOpen = false
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
			for _, part := range p.splitRunIn(b) {
				items = append(items, bodyItem{kind: kindParagraph, lines: part, text: p.blockText(part)})
			}
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

// allLabelled: every line of the block is a labelled front-matter line
// ("Corresponding author at: ...", "E-mail address: ...").
func (p *reviewParser) allLabelled(b lineBlock) bool {
	for _, l := range b {
		if !frontLabelRe.MatchString(stripMarkup(p.lineText(l))) {
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
	if t == "" || len(t) > 150 || len(strings.Fields(t)) > 15 || strings.Count(t, ",") >= 3 {
		return false // three commas: a list of abbreviations under a table, an address
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
	s := strings.ToLower(strings.TrimRight(sectionNumberRe.ReplaceAllString(stripMarkup(t), ""), ".: "))
	switch s {
	case "abstract", "summary", "introduction", "background", "methods", "materials and methods", "methodology",
		"results", "discussion", "conclusion", "conclusions", "limitations", "future directions",
		"acknowledgements", "acknowledgments", "funding", "conflict of interest", "conflicts of interest",
		"references", "bibliography", "literature cited", "works cited", "reference list",
		"highlights", "graphical abstract", "declaration of competing interest", "competing interests",
		"author contributions", "data availability", "abbreviations":
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

// adjectiveShaped: a word with an adjective's ending ("Transcranial",
// "Pharmacological", "Dopaminergic", "Previous"), which modifies the word
// after it and so ends no heading. Short words are left out: "Trial",
// "Clinic" are nouns.
func adjectiveShaped(w string) bool {
	w = strings.ToLower(w)
	n := utf8.RuneCountInString(w)
	switch {
	case strings.HasSuffix(w, "ical"), strings.HasSuffix(w, "ous"), strings.HasSuffix(w, "ular"):
		return true
	case strings.HasSuffix(w, "ial"):
		return n >= 7
	case strings.HasSuffix(w, "ic"):
		return n >= 8
	}
	return false
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
		if k == 0 || (len(pre) < 2 && standardHeading(pre[0]) == "") || isMinorWord(pre[len(pre)-1]) || adjectiveShaped(pre[len(pre)-1]) {
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
