// Front matter: the title, authors and affiliation the style gives by
// position, and the labelled lines (citation, dates, keywords) it gives
// anywhere.

package review

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// frontMatter takes the title, author and affiliation lines, which the
// style gives by position rather than by label, and returns the index of
// the first block after them.
func (p *reviewParser) frontMatter(blocks []lineBlock) (int, error) {
	i := 0
	for i < len(blocks)-1 && p.headerBlock(blocks[i]) {
		i++ // a publisher's page header above the title
	}
	p.titleBlock = blocks[i]
	title := stripMarkup(p.blockText(blocks[i]))
	if why := notATitle(title); why != "" {
		return 0, p.errorf(blocks[i][0].num, "no title: the first line %s", why)
	}
	p.r.Title = title
	i++
	var positional []lineBlock
	if i < len(blocks) && p.authorsWithAffiliations(blocks[i]) {
		// The author line with its affiliation lines under it, no blank
		// line between: "Ana Ruiz (1), Karl Berg (2)" then "(1) Department
		// of ...", "(2) Institute of ...".
		b := blocks[i]
		p.r.Authors, p.r.CorrespondingAuthor = splitAuthors(strings.ReplaceAll(p.lineText(b[0]), "**", ""))
		p.r.Affiliation = affiliationText(stripMarkup(p.lineText(b[1])))
		i++
		for i < len(blocks) && len(blocks[i]) <= 2 && moreAffiliationRe.MatchString(stripMarkup(p.lineText(blocks[i][0]))) {
			i++
		}
		return i, nil
	}
	for i < len(blocks) && len(positional) < 2 && (len(blocks[i]) <= 2 || len(positional) == 1 && len(blocks[i]) <= 8) {
		t := stripMarkup(p.blockText(blocks[i]))
		if len(blocks[i]) == 1 && len(positional) > 0 && (p.furniture(t) || p.headerLine(t)) {
			i++ // "Author information Article notes ..." between a copied page's authors and affiliations
			continue
		}
		if frontLabelRe.MatchString(t) || standardHeading(collapseSpaced(p.lineText(blocks[i][0]))) != "" || len(strings.Fields(t)) > 40 || numericCiteRe.MatchString(t) ||
			historyLineRe.MatchString(t) || strings.EqualFold(collapseSpaced(p.lineText(blocks[i][0])), "ARTICLE INFO") {
			break
		}
		positional = append(positional, blocks[i])
		i++
	}
	if len(positional) > 0 {
		p.r.Authors, p.r.CorrespondingAuthor = splitAuthors(strings.ReplaceAll(p.blockText(positional[0]), "**", ""))
	}
	if len(positional) > 1 {
		p.r.Affiliation = affiliationText(stripMarkup(p.lineText(positional[1][0])))
		// Further affiliations, one block each ("b Center for ...").
		for i < len(blocks) && len(blocks[i]) <= 2 && moreAffiliationRe.MatchString(stripMarkup(p.lineText(blocks[i][0]))) {
			i++
		}
	}
	return i, nil
}

// authorsWithAffiliations: a block of an author line followed by two or
// more affiliation lines, each opened by its marker and naming an
// institution. With one affiliation line the positional reading already
// takes the block as authors.
func (p *reviewParser) authorsWithAffiliations(b lineBlock) bool {
	if len(b) < 3 || len(b) > 9 || moreAffiliationRe.MatchString(stripMarkup(p.lineText(b[0]))) {
		return false
	}
	for _, l := range b[1:] {
		if !moreAffiliationRe.MatchString(stripMarkup(p.lineText(l))) {
			return false
		}
	}
	return true
}

// headerBlock: every line of the block is page furniture.
func (p *reviewParser) headerBlock(b lineBlock) bool {
	for _, l := range b {
		t := stripMarkup(p.lineText(l))
		if p.headerLine(t) {
			continue
		}
		// "Published online 2021 Sep 9." above the title, or a whole
		// history on one line: "Received ...; Accepted ...".
		for _, part := range historyParts(t) {
			part = strings.TrimSpace(part)
			if doiLineRe.MatchString(part) {
				continue
			}
			m := historyLineRe.FindStringSubmatch(part)
			if m == nil {
				return false
			}
			if _, ok := isoDate(m[2]); !ok {
				return false
			}
		}
	}
	for _, l := range b {
		if t := stripMarkup(p.lineText(l)); !p.headerLine(t) {
			if err := p.historyLine(l); err != nil {
				return false
			}
		}
	}
	return true
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
	case len(splitSentences(t)) > 1 && endsLikeSentence(t):
		// A title and its subtitle ("X and Y. A Review of Z") split
		// into two sentences too, but a title does not end with a
		// full stop the way a paragraph of body text does.
		return "holds several sentences, like body text"
	}
	return ""
}

// endsLikeSentence reports whether t ends as prose does: with a full stop,
// possibly inside closing quotes or brackets.
func endsLikeSentence(t string) bool {
	t = strings.TrimRight(strings.TrimSpace(t), "\"')]”’")
	return strings.HasSuffix(t, ".")
}

// checkTitle catches a missing title that the first line would otherwise
// stand in for: when the first line is exactly the author list of the
// Citation line, the real title was lost.
func (p *reviewParser) checkTitle() error {
	first := p.titleBlock
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
	case strings.HasPrefix(key, "corresponding") && strings.HasSuffix(key, " at"):
		// "Corresponding author at: <address>": the name is the author
		// marked with an asterisk.
		r.CorrespondingAddress = strings.TrimSuffix(value, ".")
	case strings.HasPrefix(key, "corresponding"), strings.HasPrefix(key, "correspondence"):
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
		for _, layout := range []string{"2 January 2006", "January 2, 2006", "2 Jan 2006", "Jan 2, 2006", "January 2 2006", "2006 Jan 2", "2006 January 2"} {
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
