// A journal's citation line set under the authors or above the abstract,
// in the many orders publishers print it: "Addiction 2026; 18(2): 141-156",
// "Alcohol Reviews, 2026, Vol. 61, No. 3, pp. 214-229", "Journal of X,
// 2026, 12(3), 201-219", "X Perspectives | Review Article | Vol. 3, No. 1
// (2025): 22–37". The fixed regular expressions of frontheader.go each
// take one order; this reads any order of the same parts.

package review

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	// citeStartRe: where the numbers begin, with a "Vol." before them.
	citeStartRe = regexp.MustCompile(`(?i)(?:\bvol(?:ume)?\.?\s*)?\d`)
	// citeJournalRe: a journal's name, and no more than its words.
	citeJournalRe = regexp.MustCompile(`^\p{Lu}[\p{L}&'.: -]*\p{L}$`)
	// citeRestRe: the parts after the name: numbers, the words that label
	// them, and punctuation; nothing a sentence or heading would hold.
	citeRestRe = regexp.MustCompile(`(?i)^(?:[\s,;:().–-]|vol(?:ume)?\.?|no\.?|issue|pp?\.?|pages?|[a-z]?\d+)+$`)
	citeYearRe = regexp.MustCompile(`\b(?:1[6-9]|20)\d{2}\b`)
	// citePagesRe: the last part, a page range or an article number.
	citePagesRe = regexp.MustCompile(`[A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?$`)
	// citeIssueRe: an issue in parentheses or after "No." or "Issue".
	citeIssueRe  = regexp.MustCompile(`(?i)\((\w{1,6})\)|\b(?:no\.?|issue)\s*(\w{1,6})`)
	citeVolumeRe = regexp.MustCompile(`\d+`)
)

// journalCite is what a journal citation line gives.
type journalCite struct {
	journal, volume, issue, pages string
	year                          int
}

func journalCitation(t string) bool {
	_, ok := parseJournalCitation(t)
	return ok
}

// parseJournalCitation reads a journal citation line: a name, then a
// year, a volume and pages (or an article number) with any issue, in any
// order and punctuation.
func parseJournalCitation(line string) (journalCite, bool) {
	var c journalCite
	t := strings.TrimSuffix(strings.TrimSpace(line), ".")
	if len(t) > 160 {
		return c, false
	}
	// Segments set off by "|" that only name the article's type ("Review
	// Article") are dropped, before or after the citation.
	var keep []string
	for _, seg := range strings.Split(t, "|") {
		if seg = strings.TrimSpace(seg); seg != "" && !articleTypes[strings.ToLower(seg)] {
			keep = append(keep, seg)
		}
	}
	t = strings.Join(keep, ", ")
	loc := citeStartRe.FindStringIndex(t)
	if loc == nil || loc[0] == 0 {
		return c, false
	}
	c.journal = strings.TrimRight(strings.TrimSpace(t[:loc[0]]), ",;:.")
	rest := t[loc[0]:]
	if !citeJournalRe.MatchString(c.journal) || len(strings.Fields(c.journal)) > 12 || !citeRestRe.MatchString(rest) {
		return c, false
	}
	pages := citePagesRe.FindStringIndex(rest)
	if pages == nil {
		return c, false
	}
	years := citeYearRe.FindAllStringIndex(rest[:pages[0]], -1)
	if len(years) == 0 {
		return c, false // the year comes before the pages
	}
	c.year, _ = strconv.Atoi(rest[years[0][0]:years[0][1]])
	c.pages = rest[pages[0]:pages[1]]
	mid := rest[:years[0][0]] + " " + rest[years[0][1]:pages[0]]
	if m := citeIssueRe.FindStringSubmatch(mid); m != nil {
		c.issue = m[1] + m[2]
		mid = strings.Replace(mid, m[0], " ", 1)
	}
	c.volume = citeVolumeRe.FindString(mid)
	if c.volume == "" {
		return c, false // a year and a page are a date and a number, not a citation
	}
	return c, true
}
