// JATS front matter: title, authors, affiliation, journal, the article's
// ids, subjects and keywords, volume and pages, and its dates, partial
// ones (a year, a season) included.

package review

import (
	"encoding/xml"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// DatePrecedence orders the publication dates a JATS article may state,
// most preferred first: Published is the first of these with a full
// date, and Year the year of the first with any year. Electronic before
// print because it comes first and is what PubMed Central shows; the
// collection (the issue, often just a year) is the fallback. Other dates
// (pmc-release, an embargo's end; nihms-submitted; ecorrected) are kept
// in Dates but never taken for the publication. JATS 1.1+ writes
// date-type="pub" with publication-format "electronic" or "print", which
// read as "epub" and "ppub".
var DatePrecedence = []string{"epub", "ppub", "epub-ppub", "pub", "collection"}

func (p *jatsParser) startFront(t xml.StartElement) {
	switch t.Name.Local {
	case "pub-date", "date":
		kind := attr(t, "pub-type")
		if kind == "" {
			kind = attr(t, "date-type")
		}
		if kind == "pub" || kind == "publication" || kind == "" && t.Name.Local == "pub-date" {
			switch attr(t, "publication-format") {
			case "electronic":
				kind = "epub"
			case "print":
				kind = "ppub"
			default:
				kind = "pub"
			}
		}
		p.dateKind, p.dateISO, p.date = kind, attr(t, "iso-8601-date"), [4]string{}
	case "article-id":
		p.idType = attr(t, "pub-id-type")
	case "contrib":
		p.contribType = attr(t, "contrib-type")
	case "kwd-group":
		p.kwdType = attr(t, "kwd-group-type")
	case "institution", "addr-line", "country", "city", "state", "postal-code", "named-content":
		// An affiliation's parts are often adjacent elements with no
		// punctuation between them: separate them as printed.
		if i := slices.Index(p.path, "aff"); i >= 0 {
			if s := strings.TrimSpace(p.text.String()[p.textAt[i]:]); s != "" && !strings.ContainsAny(s[len(s)-1:], ",;") {
				p.text.WriteString(", ")
			}
		}
	}
}

// frontAuthor: a name in the article's author list (not an editor's, not
// a reference's).
func (p *jatsParser) frontAuthor() bool {
	return p.in("contrib-group", "contrib") && !p.in("collab", "contrib-group") &&
		(p.contribType == "" || p.contribType == "author")
}

func (p *jatsParser) endFront(name string) {
	r := p.r
	switch name {
	case "article-title":
		if p.parent() == "title-group" && p.in("article-meta") && r.Title == "" {
			r.Title = p.leaf()
		}
	case "subtitle":
		if p.parent() == "title-group" && p.in("article-meta") && r.Title != "" {
			r.Title = strings.TrimRight(r.Title, ":. ") + ": " + p.leaf()
		}
	case "surname":
		p.surname = p.leaf()
	case "given-names":
		p.given = p.leaf()
	case "name", "string-name":
		if p.frontAuthor() {
			n := strings.TrimSpace(p.given + " " + p.surname)
			if p.surname == "" {
				n = p.leaf()
			}
			if n != "" {
				r.Authors = append(r.Authors, n)
			}
		}
		p.given, p.surname = "", ""
	case "collab":
		if p.frontAuthor() {
			if n := p.leaf(); n != "" {
				r.Authors = append(r.Authors, n)
			}
		}
	case "aff":
		if r.Affiliation == "" && !p.in("aff", "aff") {
			aff := p.leaf()
			if l := p.labels[len(p.path)]; l != "" {
				aff = strings.TrimSpace(strings.TrimPrefix(aff, l))
			}
			r.Affiliation = strings.TrimLeft(aff, "0123456789*†, ")
		}
	case "journal-title":
		if p.in("journal-meta") && r.Journal == "" {
			r.Journal = p.leaf()
		}
	case "abbrev-journal-title":
		if p.in("journal-meta") && r.Journal == "" {
			r.Journal = p.leaf()
		}
	case "year", "month", "day", "season":
		if p.parent() == "pub-date" || p.parent() == "date" {
			p.date[map[string]int{"year": 0, "month": 1, "day": 2, "season": 3}[name]] = p.leaf()
		}
	case "pub-date", "date":
		if p.in("article-meta") && !p.in("related-article") {
			p.recordDate()
		}
	case "volume", "issue", "fpage", "lpage", "elocation-id":
		if p.parent() != "article-meta" {
			return
		}
		switch v := p.leaf(); name {
		case "volume":
			r.Volume = v
		case "issue":
			r.Issue = v
		case "fpage", "elocation-id":
			if r.Pages == "" {
				r.Pages = v
			}
		case "lpage":
			if r.Pages != "" && v != "" && v != r.Pages {
				r.Pages += "-" + v
			}
		}
	case "article-id":
		if p.parent() != "article-meta" {
			return
		}
		switch v := p.leaf(); p.idType {
		case "doi":
			r.DOI = v
		case "pmid":
			r.PMID = v
		case "pmcid", "pmc":
			if !strings.HasPrefix(v, "PMC") {
				v = "PMC" + v
			}
			r.PMCID = v
		}
	case "subject":
		if p.in("article-categories") {
			r.Subjects = append(r.Subjects, p.leaf())
		}
	case "kwd":
		if p.in("kwd-group") && !p.in("compound-kwd") && p.kwdType != "research-organism" && p.kwdType != "abbreviations" {
			r.Keywords = append(r.Keywords, p.leaf())
		}
	}
}

var monthNames = map[string]int{}

func init() {
	for m := time.January; m <= time.December; m++ {
		monthNames[strings.ToLower(m.String())] = int(m)
		monthNames[strings.ToLower(m.String()[:3])] = int(m)
	}
}

// recordDate keeps one dated event at the precision it was given; a part
// that is no date is a warning and the event keeps what precedes it.
func (p *jatsParser) recordDate() {
	d := Date{Kind: p.dateKind, Season: p.date[3], Line: p.line()}
	if iso, ok := isoDate(p.dateISO); ok {
		d.Value = iso
	} else {
		y, err := strconv.Atoi(p.date[0])
		if err != nil || y < 1000 || y > 9999 {
			if p.date[0] != "" || p.dateISO == "" {
				p.warn("<%s> date %q has no year: the date is left out", p.dateKind, strings.Join(p.date[:3], "-"))
			}
			return
		}
		d.Value = fmt.Sprintf("%04d", y)
		m, err := strconv.Atoi(p.date[1])
		if err != nil {
			m = monthNames[strings.ToLower(strings.TrimSuffix(p.date[1], "."))]
		}
		switch {
		case p.date[1] == "":
		case m < 1 || m > 12:
			p.warn("<%s> month %q is not a month: the date keeps its year", p.dateKind, p.date[1])
		default:
			d.Value += fmt.Sprintf("-%02d", m)
			if p.date[2] != "" {
				if iso, ok := isoDate(fmt.Sprintf("%s-%s", d.Value, p.date[2])); ok {
					d.Value = iso
				} else {
					p.warn("<%s> day %q is not a day of %s: the date keeps its month", p.dateKind, p.date[2], d.Value)
				}
			}
		}
	}
	p.r.Dates = append(p.r.Dates, d)
}

// chooseDates sets Published, Year and the history dates from Dates.
func (p *jatsParser) chooseDates() {
	r := p.r
	full := func(kind string) string {
		for _, d := range r.Dates {
			if d.Kind == kind && len(d.Value) == len("2006-01-02") {
				return d.Value
			}
		}
		return ""
	}
	for _, k := range DatePrecedence {
		if v := full(k); v != "" && r.Published == "" {
			r.Published = v
		}
		for _, d := range r.Dates {
			if d.Kind == k && r.Year == 0 {
				r.Year, _ = strconv.Atoi(d.Value[:4])
			}
		}
	}
	r.Submitted, r.Revised, r.Accepted = full("received"), full("rev-recd"), full("accepted")
}
