// Publisher front matter in plain text: the journal header above the
// title, author lines with affiliation markers, the article-history and
// keyword blocks, copyright and DOI lines, and headings set in spaced
// capitals ("A B S T R A C T").

package review

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

var (
	// journalLineRe is a running header such as "Neuroscience and
	// Biobehavioral Reviews 142 (2022) 104870" or "Addiction 117 (2022)
	// 1–12": journal, volume, year, pages or article number.
	journalLineRe = regexp.MustCompile(`^(\p{L}[\p{L}&.,:' -]+?)\s+(\d{1,4})(?:\s*\((\d{1,3})\))?\s+\(((?:1[6-9]|20)\d{2})\)\s+([A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?)$`)
	// journalLineVancouverRe: "Journal of X. 2019;13(4):250-258."
	journalLineVancouverRe = regexp.MustCompile(`^(\p{L}[\p{L}&.,:' -]+?)\.\s+((?:1[6-9]|20)\d{2})(?:\s+[A-Z][a-z]{2,8}(?:\s+\d{1,2})?)?;\s*(\d{1,4})(?:\((\w+)\))?:\s*([A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?)\.?$`)
	// journalLineSpringerRe: "Psychopharmacology (2020) 237:1101–1113".
	journalLineSpringerRe = regexp.MustCompile(`^(\p{L}[\p{L}&.,:' -]+?)\s+\(((?:1[6-9]|20)\d{2})\)\s+(\d{1,4})(?:\((\w+)\))?:\s*([A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?)$`)
	// headerLineRe: lines of a publisher's page header that carry nothing
	// for the graph.
	headerLineRe = regexp.MustCompile(`(?i)^(contents lists available at|journal homepage|available online at|www\.|https?://(?:www\.)?(?:journals|sciencedirect|elsevier|springer|wiley|tandfonline)|issn\b|e-?issn\b|print issn|author information\b.*\b(?:article notes|copyright|disclaimer))`)
	// articleTypes are the labels a publisher prints above the title.
	articleTypes = map[string]bool{"review": true, "review article": true, "original article": true, "research article": true,
		"research paper": true, "article": true, "mini-review": true, "mini review": true, "systematic review": true,
		"perspective": true, "commentary": true, "narrative review": true, "invited review": true, "brief report": true,
		"original research": true, "short communication": true, "editorial": true, "opinion": true}
	// historyLineRe is one line of an article history, with or without a
	// colon: "Received 3 May 2022", "Received in revised form: 12 August 2022".
	historyLineRe = regexp.MustCompile(`(?i)^(received in revised form|revised|received|accepted|available online|published online|first published|published|epub)\s*:?\s+(.+?)\.?$`)
	// articleIDLineRe: "PMCID: PMC3000001", "PMID: 20000001" (a copy of a
	// PubMed Central page).
	articleIDLineRe = regexp.MustCompile(`(?i)^(PMID|PMCID|NIHMSID)\s*:\s*((?:PMC|NIHMS)?\d+)$`)
	// articleHistoryRe opens "Article history: Received ...; Accepted ...".
	articleHistoryRe = regexp.MustCompile(`(?i)^\**article history\**:\s*`)
	historySepRe     = regexp.MustCompile(`\s+/\s+|;\s*`)
	historyDOIRe     = regexp.MustCompile(`(?i)\.\s+doi:`)
	doiLineRe        = regexp.MustCompile(`(?i)^(?:doi:?\s*|https?://(?:dx\.)?doi\.org/)(10\.\d{4,9}/\S+)$`)
	// authorMarkerRe ends an author with an affiliation marker: a lone
	// lower-case letter, digits, digits in parentheses, or footnote
	// symbols ("Berg b", "Ward1*", "Ruiz (1)").
	authorMarkerRe = regexp.MustCompile(`(?:\s+[a-z]\b|\s*\(\d{1,2}\)|[\d*†‡§¶#⁎✉¹²³⁴⁵⁶⁷⁸⁹⁰ᵃᵇᶜᵈᵉ]+)+\s*$`)
	// moreAffiliationRe: an affiliation line after the first, with its
	// marker and an institution's word.
	moreAffiliationRe = regexp.MustCompile(`^(?:[a-z]\s+|\d{1,2}\s*|\(\d{1,2}\)\s*|[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*)(?:\p{Lu}.*\b)?(?:University|Universit|Institute|Institut|Hospital|Center|Centre|Department|School|College|Faculty|Laboratory|Clinic|Foundation)`)
	// affMarkerRe opens an affiliation line with its marker: "a ", "1 ",
	// or digits glued to the name ("1Department of ...").
	affMarkerRe = regexp.MustCompile(`^(?:[a-z]\s+|\d{1,2}\s*|\(\d{1,2}\)\s*|[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰ᵃᵇᶜᵈᵉ]+\s*)(\p{Lu})`)
)

// headerLine reports whether a front block is page furniture above the
// title, recording the journal, volume, year and pages of a running
// header as it goes.
func (p *reviewParser) headerLine(t string) bool {
	r := p.r
	if m := journalLineRe.FindStringSubmatch(t); m != nil {
		if r.Journal == "" {
			r.Journal, r.Volume, r.Issue, r.Pages = strings.TrimSpace(m[1]), m[2], m[3], m[5]
			r.Year, _ = strconv.Atoi(m[4])
		}
		return true
	}
	for _, re := range []*regexp.Regexp{journalLineVancouverRe, journalLineSpringerRe} {
		if m := re.FindStringSubmatch(t); m != nil {
			if r.Journal == "" {
				r.Journal, r.Volume, r.Issue, r.Pages = strings.TrimSpace(m[1]), m[3], m[4], m[5]
				r.Year, _ = strconv.Atoi(m[2])
			}
			return true
		}
	}
	if c, ok := parseJournalCitation(t); ok {
		if r.Journal == "" {
			r.Journal, r.Volume, r.Issue, r.Pages, r.Year = c.journal, c.volume, c.issue, c.pages, c.year
		}
		return true
	}
	low := strings.ToLower(strings.TrimRight(t, ". "))
	switch {
	case headerLineRe.MatchString(t), articleTypes[low], r.Journal != "" && strings.EqualFold(t, r.Journal):
		return true
	case strings.HasPrefix(t, "©") || strings.Contains(low, "all rights reserved") || strings.HasPrefix(low, "copyright"):
		return true
	}
	if m := doiLineRe.FindStringSubmatch(t); m != nil {
		r.DOI = m[1]
		return true
	}
	if m := articleIDLineRe.FindStringSubmatch(t); m != nil {
		switch strings.ToUpper(m[1]) {
		case "PMID":
			r.PMID = m[2]
		case "PMCID":
			r.PMCID = m[2]
		}
		return true
	}
	return false
}

// collapseSpaced undoes letter-spacing: "A R T I C L E  I N F O" gives
// "ARTICLE INFO". Other text comes back unchanged.
func collapseSpaced(t string) string {
	words := strings.Split(t, "  ")
	var out []string
	for _, w := range words {
		letters := strings.Fields(w)
		if len(letters) < 3 {
			return t
		}
		for _, l := range letters {
			if len([]rune(l)) != 1 || !unicode.IsLetter([]rune(l)[0]) {
				return t
			}
		}
		out = append(out, strings.Join(letters, ""))
	}
	return strings.Join(out, " ")
}

// splitAuthors reads an author line: names separated by commas, "and" or
// "&", each perhaps followed by affiliation markers, which are dropped.
// The author whose markers hold an asterisk is the corresponding one.
// academicDegreeRe is a degree or title set after an author's name.
var academicDegreeRe = regexp.MustCompile(`^(?:MD|PhD|Ph\.D\.|M\.D\.|DPhil|MSc|MSci|BSc|BA|MA|MS|MPH|MBA|MBBS|MBChB|MRCPsych|FRCPsych|FRCP|FRANZCP|PharmD|PsyD|DO|RN|BPharm|MPhil|DSc|Dr\.?|Prof\.?)$`)

// leadingMarkerRe: affiliation digits set after a comma, before the next
// author's name.
var leadingMarkerRe = regexp.MustCompile(`^\d{1,2}(?:,\d{1,2})*\s+`)

func splitAuthors(line string) (names []string, corresponding string) {
	var out []string
	for _, a := range authorSepRe.Split(line, -1) {
		// "Ferrer,1 Tomasz Wójcik,2": the marker after the comma opens
		// the next name.
		a = leadingMarkerRe.ReplaceAllString(a, "")
		orig, marked := a, false
		for {
			b := authorMarkerRe.ReplaceAllString(a, "")
			if b == a {
				break
			}
			marked = marked || strings.ContainsAny(a[len(b):], "*⁎")
			a = b
		}
		a = strings.TrimSpace(a)
		letters := 0
		for _, r := range a {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if academicDegreeRe.MatchString(a) {
			continue // "Ines Moreau, MD; Karl Vogt, PhD": a degree, not an author
		}
		if letters < 2 {
			// "Berg b,*": the "*" came apart from its name.
			if strings.ContainsAny(orig, "*⁎") && len(out) > 0 && corresponding == "" {
				corresponding = out[len(out)-1]
			}
			continue
		}
		out = append(out, a)
		if marked && corresponding == "" {
			corresponding = a
		}
	}
	return out, corresponding
}

// affiliationText is an affiliation line without its marker.
func affiliationText(line string) string {
	if m := affMarkerRe.FindStringSubmatchIndex(line); m != nil {
		line = line[m[2]:]
	}
	return strings.TrimSuffix(strings.TrimSpace(line), ".")
}

// frontBlock reads a block of labelled front matter that spans lines:
// "Article history:" or "Keywords:" and one item a line, or history lines
// standing alone. It reports whether the block was one.
func (p *reviewParser) frontBlock(b lineBlock) (bool, error) {
	first := stripMarkup(p.lineText(b[0]))
	low := strings.ToLower(strings.TrimRight(first, ": "))
	rest := b[1:]
	switch {
	case articleHistoryRe.MatchString(first) && len(articleHistoryRe.FindString(first)) < len(first):
		// "Article history: Received ...; Accepted ..." on one line.
		l := b[0]
		l.start += len(articleHistoryRe.FindString(p.lineText(l)))
		for _, l := range append([]srcLine{l}, rest...) {
			if err := p.historyLine(l); err != nil {
				return true, err
			}
		}
		return true, nil
	case low == "article history" || low == "history" || low == "article info" || strings.EqualFold(collapseSpaced(p.lineText(b[0])), "ARTICLE INFO"):
		for _, l := range rest {
			if err := p.historyLine(l); err != nil {
				return true, err
			}
		}
		return true, nil
	case (low == "keywords" || low == "key words") && strings.HasSuffix(first, ":") && len(rest) > 0:
		for _, l := range rest {
			for _, k := range strings.FieldsFunc(stripMarkup(p.lineText(l)), func(r rune) bool { return r == ',' || r == ';' }) {
				if k = strings.TrimSuffix(strings.TrimSpace(k), "."); k != "" {
					p.r.Keywords = append(p.r.Keywords, k)
				}
			}
		}
		return true, nil
	case historyLineRe.MatchString(first):
		// The first date stands before any separator; a line whose part
		// before it is no history item ("Accepted / 0") is body text too.
		m := historyLineRe.FindStringSubmatch(historySepRe.Split(first, 2)[0])
		if m == nil {
			return false, nil
		}
		if _, ok := isoDate(m[2]); !ok {
			return false, nil // "Received wisdom holds ..." is body text
		}
		for _, l := range b {
			if err := p.historyLine(l); err != nil {
				return true, err
			}
		}
		return true, nil
	}
	return false, nil
}

// historyLine records one dated line; one it cannot read is a warning.
func (p *reviewParser) historyLine(l srcLine) error {
	// Springer sets a history on one line: "Received: ... / Accepted: ...",
	// others with semicolons.
	for _, t := range historyParts(stripMarkup(p.lineText(l))) {
		if strings.TrimSpace(t) == "" {
			continue
		}
		if err := p.historyItem(l, strings.TrimSpace(t)); err != nil {
			return err
		}
	}
	return nil
}

// historyParts splits a history set on one line into its items; a DOI
// after a full stop is an item of its own ("Published online 2024 Aug 6.
// doi: 10.1186/...", as PubMed Central prints it).
func historyParts(t string) []string {
	return historySepRe.Split(historyDOIRe.ReplaceAllString(t, "; doi:"), -1)
}

func (p *reviewParser) historyItem(l srcLine, t string) error {
	m := historyLineRe.FindStringSubmatch(t)
	if m == nil {
		if !p.headerLine(t) {
			p.r.warn(l.num, "front-matter line not recognised, left out: %q", shortText(t, 60))
		}
		return nil
	}
	key := strings.ToLower(m[1])
	switch {
	case strings.Contains(key, "revised"):
		key = "revised"
	case key == "available online" || key == "published online" || key == "first published" || key == "epub":
		key = "published"
	}
	if _, ok := isoDate(m[2]); !ok {
		p.r.warn(l.num, "%s date %q is not a date: left out", m[1], m[2])
		return nil
	}
	return p.recordLabel(key, m[2], l.num)
}
