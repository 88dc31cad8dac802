// JATS references: each <ref> of the reference list, in any of the four
// citation elements, and the in-text xrefs resolved to them.

package review

import (
	"encoding/xml"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// jatsRef is the reference being read, with what only reading needs.
type jatsRef struct {
	Reference
	ids        []string // the ref's id and its citation elements' ids
	depth      int
	groupType  string // person-group-type of the open person-group
	editors    []string
	raw        string // the text of the first citation element
	publisher  string
	sawCiteElm bool
	// ignoreAt is the depth of a second citation element of the same ref
	// (citation-alternatives gives one work in two forms), 0 if none.
	ignoreAt int
}

var (
	// rangeDashRe is what lies between two xrefs that make a range:
	// "[1]–[3]" or "1–3".
	rangeDashRe = regexp.MustCompile(`^\]?\s*[-–—]\s*\[?$`)
	// yearInTextRe finds a year in a citation that has no <year>.
	yearInTextRe = regexp.MustCompile(`\b((?:1[6-9]|20)\d{2})([a-z])?\b`)
	yearFieldRe  = regexp.MustCompile(`^\D*(\d{4})([a-z])?`)
)

func (p *jatsParser) startRef(t xml.StartElement) {
	switch t.Name.Local {
	case "ref":
		if p.ref != nil {
			return
		}
		p.ref = &jatsRef{Reference: Reference{Number: len(p.r.References) + 1, Line: p.line()}, depth: len(p.path)}
		if id := attr(t, "id"); id != "" {
			p.ref.ids = append(p.ref.ids, id)
		} else {
			p.warn("<ref> has no id, so no citation can point at it")
		}
	case "element-citation", "mixed-citation", "nlm-citation", "citation":
		if id := attr(t, "id"); id != "" {
			p.ref.ids = append(p.ref.ids, id)
		}
		if p.ref.sawCiteElm && p.ref.ignoreAt == 0 {
			p.ref.ignoreAt = len(p.path)
		}
	case "person-group":
		p.ref.groupType = attr(t, "person-group-type")
	case "pub-id", "object-id":
		p.idType = attr(t, "pub-id-type")
	}
}

func (p *jatsParser) endRef(name string) {
	r := p.ref
	if name == "ref" && len(p.path) == r.depth {
		p.finishRef()
		return
	}
	if r.ignoreAt > 0 {
		if len(p.path) == r.ignoreAt {
			r.ignoreAt = 0
		}
		return
	}
	author := r.groupType == "" || r.groupType == "author" || r.groupType == "compiler"
	switch name {
	case "surname":
		p.surname = p.leaf()
	case "given-names":
		p.given = p.leaf()
	case "name", "string-name":
		n := strings.TrimSpace(p.surname + " " + initials(p.given))
		if p.surname == "" {
			n = p.leaf()
		}
		p.given, p.surname = "", ""
		if n == "" {
			return
		}
		if author {
			r.Authors = append(r.Authors, n)
		} else {
			r.editors = append(r.editors, n)
		}
	case "collab":
		if n := p.leaf(); n != "" && author {
			r.Authors = append(r.Authors, n)
		}
	case "etal":
		r.EtAl = r.EtAl || author
	case "person-group":
		if author && strings.Contains(strings.ToLower(p.leaf()), "et al") {
			r.EtAl = true
		}
		r.groupType = ""
	case "article-title", "chapter-title":
		if r.Title == "" {
			r.Title = strings.TrimSuffix(p.leaf(), ".")
		}
	case "source":
		if r.Journal == "" {
			r.Journal = strings.TrimSuffix(p.leaf(), ".")
		}
	case "year":
		if m := yearFieldRe.FindStringSubmatch(p.leaf()); m != nil && r.Year == 0 {
			r.Year, _ = strconv.Atoi(m[1])
			r.YearSuffix = m[2]
		}
	case "volume":
		r.Volume = first(r.Volume, p.leaf())
	case "issue":
		r.Issue = first(r.Issue, p.leaf())
	case "fpage", "elocation-id":
		r.Pages = first(r.Pages, p.leaf())
	case "lpage":
		if v := p.leaf(); r.Pages != "" && v != "" && !strings.Contains(r.Pages, "-") {
			r.Pages += "-" + v
		}
	case "pub-id", "object-id":
		switch v := p.leaf(); p.idType {
		case "doi":
			r.DOI = first(r.DOI, v)
		case "pmid":
			r.PMID = first(r.PMID, v)
		case "pmcid", "pmc":
			r.PMCID = first(r.PMCID, v)
		}
	case "ext-link", "uri":
		r.URL = first(r.URL, p.leaf())
	case "publisher-name":
		r.publisher = first(r.publisher, p.leaf())
	case "element-citation", "mixed-citation", "nlm-citation", "citation":
		if !r.sawCiteElm {
			r.raw, r.sawCiteElm = p.leaf(), true
		}
	}
}

func first(have, v string) string {
	if have != "" {
		return have
	}
	return v
}

// finishRef checks the reference just read, filling from its text what
// the markup left out, and adds it to the list.
func (p *jatsParser) finishRef() {
	r := p.ref
	p.ref = nil
	id := "(no id)"
	if len(r.ids) > 0 {
		id = r.ids[0]
	}
	if (len(r.Authors) == 0 || r.Title == "") && r.raw != "" {
		// A mixed-citation of plain text, without element markup: read it
		// as a text reference list entry would be read.
		if t, problem := parseAnyEntry(r.Number, r.raw); problem == "" && len(t.Authors) > 0 && unicode.IsUpper([]rune(t.Authors[0])[0]) {
			if len(r.Authors) == 0 {
				r.Authors, r.EtAl = t.Authors, r.EtAl || t.EtAl
			}
			if r.Title == "" {
				r.Title, r.Journal = t.Title, first(r.Journal, t.Journal)
			}
			if r.Year == 0 {
				r.Year, r.YearSuffix = t.Year, t.YearSuffix
			}
			r.Volume, r.Issue, r.Pages, r.DOI = first(r.Volume, t.Volume), first(r.Issue, t.Issue), first(r.Pages, t.Pages), first(r.DOI, t.DOI)
		}
	}
	if r.Year == 0 {
		if m := yearInTextRe.FindStringSubmatch(r.raw); m != nil {
			r.Year, _ = strconv.Atoi(m[1])
			r.YearSuffix = m[2]
		} else {
			p.r.warn(r.Line, "<ref id=%q> has no <year>", id)
		}
	}
	if len(r.Authors) == 0 {
		if r.Authors = r.editors; len(r.Authors) == 0 {
			p.r.warn(r.Line, "<ref id=%q> has no author (<person-group> with <name>, <string-name> or <collab>)", id)
		}
	}
	if r.Title == "" {
		// A book: its <source> is its title, and it has a publisher, not
		// a journal.
		if r.Title, r.Journal = r.Journal, r.publisher; r.Title == "" {
			p.r.warn(r.Line, "<ref id=%q> has no <article-title> or <source>", id)
		}
	}
	year := "n.d."
	if r.Year > 0 {
		year = strconv.Itoa(r.Year) + r.YearSuffix
	}
	r.Raw = fmt.Sprintf("%s (%s) %s. %s", strings.Join(r.Authors, ", "), year, r.Title, r.Journal)
	if r.Volume != "" {
		r.Raw += " " + r.Volume
	}
	if r.Pages != "" {
		r.Raw += ": " + r.Pages
	}
	if len(r.Authors) == 0 && r.Title == "" && r.raw != "" {
		r.Raw = r.raw
	}
	p.r.References = append(p.r.References, r.Reference)
	for _, id := range r.ids {
		if prev, dup := p.refIDs[id]; dup {
			p.r.warn(r.Line, "duplicate <ref id=%q>: citations of it go to reference %d", id, prev)
			continue
		}
		p.refIDs[id] = r.Number
	}
}

func initials(given string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(given, func(r rune) bool { return r == ' ' || r == '.' || r == '-' }) {
		if isInitials(w) {
			b.WriteString(w) // already initials: "BJ"
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(r)
	}
	return b.String()
}

// numberText: the xref is written as a reference number ("3", "[3]").
func numberText(x jatsXref) bool {
	_, err := strconv.Atoi(strings.Trim(x.text, "[]() "))
	return err == nil
}

// resolveCitations turns the xrefs into citations of reference numbers,
// once the reference list is known: an rid list is one citation of each
// reference named, and two numbered xrefs joined by a dash ("[1]–[3]")
// cite the whole range. An rid that names no reference is a warning and
// leaves that part of the citation unresolved.
func (p *jatsParser) resolveCitations() {
	xs := p.refXrefs
	for i := 0; i < len(xs); i++ {
		x := xs[i]
		var nums []int
		var missing []string
		for _, rid := range x.rids {
			if n, ok := p.refIDs[rid]; ok {
				nums = append(nums, n)
			} else {
				missing = append(missing, rid)
			}
		}
		if x.refType == "" && len(nums) == 0 {
			continue // an untyped xref to a figure, table or note
		}
		for _, rid := range missing {
			p.r.warn(x.line, "<xref rid=%q> points at no <ref id> of the reference list: the citation is not resolved", rid)
		}
		text := x.text
		if x.dashToNext && i+1 < len(xs) && len(nums) == 1 && len(x.rids) == 1 {
			y := xs[i+1]
			to, ok := p.refIDs[strings.Join(y.rids, " ")]
			switch {
			case y.group != x.group || y.passage != x.passage || !numberText(x) || !numberText(y) || !ok:
			case to <= nums[0] || to-nums[0] > maxCitationRange:
				p.r.warn(x.line, "citation range %s runs from reference %d to %d: read as two citations", x.joined, nums[0], to)
			default:
				for n := nums[0] + 1; n <= to; n++ {
					nums = append(nums, n)
				}
				text = x.joined
				i++
			}
		}
		c := Citation{Passage: x.passage, Kind: KindNumeric, Numbers: nums, Text: text, Line: x.line}
		if len(nums) == 0 {
			authorYear(&c)
		}
		p.r.Citations = append(p.r.Citations, c)
	}
}

// authorYear reads an unresolved xref written as author and year
// ("Smith et al., 2010") as a text citation is read, so it can still find
// its reference by name, or be reported as missing from the list.
func authorYear(c *Citation) {
	t := strings.TrimSpace(c.Text)
	if m := narrativeCiteRe.FindStringSubmatch(t); m != nil {
		c.Kind, c.Authors, c.FirstAuthor = KindAuthorYear, normalizeSpace(m[1]), surnameRe.FindString(m[1])
		c.Year, _ = strconv.Atoi(m[2])
		c.YearSuffix = m[3]
		return
	}
	inner := strings.TrimSuffix(strings.TrimPrefix(t, "("), ")")
	if ws := citedWorks(inner, 0, len(inner)); len(ws) > 0 {
		c.Kind, c.Authors, c.FirstAuthor, c.Year, c.YearSuffix = KindAuthorYear, ws[0].authors, ws[0].first, ws[0].year, ws[0].suffix
	}
}
