// JATS: a review in the XML of PubMed Central's open-access articles,
// read into the same Review the plain-text parser yields, so everything
// after parsing (sections, passages, studies, citations, claims, concerns)
// is one pipeline whatever the input format.

package review

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// JATSSuffix ends the file name of a review in JATS XML.
const JATSSuffix = ".xml"

// IsJATS reports whether data is a JATS article: XML whose root element
// is <article>. A seeds directory may hold one under any review name.
func IsJATS(data []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	for {
		tok, err := d.Token()
		if err != nil {
			return false
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se.Name.Local == "article"
		}
	}
}

// ParseAny parses a review in whichever format data is in: JATS when the
// name ends in .xml or the content is an <article>, else the plain-text
// style.
func ParseAny(name string, data []byte) (*Review, error) {
	if strings.HasSuffix(name, JATSSuffix) || IsJATS(data) {
		return ParseJATS(name, data)
	}
	return ParseReview(name, data)
}

// jatsParser walks the token stream once, keeping the element path.
type jatsParser struct {
	name string
	data []byte
	dec  *xml.Decoder
	r    *Review
	path []string
	// The paragraph being read: its text, the source line of each of its
	// bytes, and the bibliographic cross-references inside it.
	para      *strings.Builder
	paraLines []int
	paraStart int
	xrefs     []jatsXref
	xref      *jatsXref
	// The section stack (indices into r.Sections), -1 for none.
	secs []int
	// Front matter and references being read.
	text     *strings.Builder // collects the text of a leaf element
	given    string
	surname  string
	ref      *Reference
	refID    string
	refIDs   map[string]int
	refXrefs []jatsXref // all xrefs, resolved after the ref-list is read
	pubType  string
	idType   string
	dates    map[string]string
	date     [3]string
	abstract int // section index of the abstract, -1 before it
}

type jatsXref struct {
	rids       []string
	start, end int // byte range of the xref's text in the paragraph
	passage    int
	line       int
	text       string
	paragraph  int // ordinal of the paragraph, to group ranges
}

// ParseJATS reads a JATS article: front matter (title, authors, journal,
// year, DOI, keywords, abstract), sections (sec/title, nested), paragraphs
// split into sentences, the reference list (ref with element-citation or
// mixed-citation) and bibliographic xrefs resolved to it, including
// ranges ("[1]–[3]") and lists (rid="r1 r2").
func ParseJATS(name string, data []byte) (*Review, error) {
	if len(data) > MaxReviewBytes {
		return nil, reviewSizeError(name, int64(len(data)))
	}
	if !utf8.Valid(data) {
		return nil, &SourceError{File: name, Line: 1 + bytes.Count(data[:FirstInvalid(data)], []byte("\n")), Msg: "file is not valid UTF-8"}
	}
	p := &jatsParser{name: name, data: data, r: &Review{Source: name}, refIDs: map[string]int{}, dates: map[string]string{}, abstract: -1}
	p.dec = xml.NewDecoder(bytes.NewReader(data))
	p.dec.Entity = xml.HTMLEntity
	sawArticle := false
	for {
		tok, err := p.dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, _ := p.dec.InputPos()
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				line = se.Line
			}
			return nil, &SourceError{File: name, Line: line, Msg: "not well-formed XML: " + strings.TrimPrefix(err.Error(), "XML syntax error on line "+strconv.Itoa(line)+": ")}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(p.path) == 0 {
				if t.Name.Local != "article" {
					return nil, p.errorf("the root element is <%s>, not a JATS <article>", t.Name.Local)
				}
				sawArticle = true
			}
			p.path = append(p.path, t.Name.Local)
			if err := p.start(t); err != nil {
				return nil, err
			}
		case xml.EndElement:
			if err := p.end(t.Name.Local); err != nil {
				return nil, err
			}
			p.path = p.path[:len(p.path)-1]
		case xml.CharData:
			p.chars(t)
		}
	}
	if !sawArticle {
		return nil, &SourceError{File: name, Line: 1, Msg: "no <article> element: not a JATS file"}
	}
	if p.r.Title == "" {
		return nil, &SourceError{File: name, Line: 1, Msg: "no <article-title> in <front>/<article-meta>"}
	}
	if len(p.r.Passages) == 0 {
		return nil, &SourceError{File: name, Line: 1, Msg: "no paragraphs (<p>) in <abstract> or <body>"}
	}
	if err := p.resolveCitations(); err != nil {
		return nil, err
	}
	if d := p.dates["epub"]; d != "" {
		p.r.Published = d
	} else if d := p.dates["ppub"]; d != "" {
		p.r.Published = d
	}
	p.r.Submitted, p.r.Accepted = p.dates["received"], p.dates["accepted"]
	p.r.Citation = jatsCitation(p.r)
	return p.r, nil
}

func (p *jatsParser) line() int { l, _ := p.dec.InputPos(); return l }

func (p *jatsParser) errorf(format string, args ...any) error {
	return &SourceError{File: p.name, Line: p.line(), Msg: fmt.Sprintf(format, args...)}
}

// in reports whether the element path contains every name, in order.
func (p *jatsParser) in(names ...string) bool {
	i := 0
	for _, e := range p.path {
		if i < len(names) && e == names[i] {
			i++
		}
	}
	return i == len(names)
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (p *jatsParser) start(t xml.StartElement) error {
	switch t.Name.Local {
	case "sec":
		if !p.in("body") {
			return nil
		}
		parent := -1
		if len(p.secs) > 0 {
			parent = p.secs[len(p.secs)-1]
		}
		p.secs = append(p.secs, p.newSection("", parent))
	case "abstract":
		if p.in("front") && p.abstract < 0 && attr(t, "abstract-type") == "" {
			p.abstract = p.newSection("Abstract", -1)
			p.secs = append(p.secs, p.abstract)
		}
	case "ref-list":
		if len(p.secs) == 0 {
			p.newSection("References", -1)
		}
	case "p":
		if p.in("body") || p.in("front", "abstract") {
			if len(p.secs) == 0 {
				return p.errorf("a paragraph outside any <sec>: put body text in a <sec> with a <title>")
			}
			p.para, p.paraLines, p.xrefs = &strings.Builder{}, nil, nil
			p.paraStart = int(p.dec.InputOffset())
		}
	case "xref":
		if p.para != nil && attr(t, "ref-type") == "bibr" {
			rid := strings.Fields(attr(t, "rid"))
			if len(rid) == 0 {
				return p.errorf("<xref ref-type=\"bibr\"> has no rid")
			}
			p.xref = &jatsXref{rids: rid, start: p.para.Len(), line: p.line()}
		}
	case "ref":
		p.ref = &Reference{Number: len(p.r.References) + 1, Line: p.line()}
		p.refID = attr(t, "id")
		if p.refID == "" {
			return p.errorf("<ref> has no id, so no citation can point at it")
		}
		if _, dup := p.refIDs[p.refID]; dup {
			return p.errorf("duplicate <ref id=%q>", p.refID)
		}
	case "pub-date":
		p.pubType = attr(t, "pub-type")
		if p.pubType == "" {
			p.pubType = attr(t, "date-type")
		}
		p.date = [3]string{}
	case "date":
		p.pubType = attr(t, "date-type")
		p.date = [3]string{}
	case "article-id":
		p.idType = attr(t, "pub-id-type")
	}
	if p.para == nil || t.Name.Local == "p" {
		p.text = &strings.Builder{}
	}
	return nil
}

func (p *jatsParser) newSection(title string, parent int) int {
	i := len(p.r.Sections)
	level := 1
	if parent >= 0 {
		level = p.r.Sections[parent].Level + 1
	}
	off := int(p.dec.InputOffset())
	p.r.Sections = append(p.r.Sections, Section{Index: i, Title: title, Level: level, Parent: parent, Line: p.line(), Start: off, End: off})
	return i
}

func (p *jatsParser) chars(c xml.CharData) {
	if p.para != nil {
		line := p.line() - bytes.Count(c, []byte("\n"))
		for _, b := range c {
			p.para.WriteByte(b)
			p.paraLines = append(p.paraLines, line)
			if b == '\n' {
				line++
			}
		}
		return
	}
	if p.text != nil {
		p.text.Write(c)
	}
}

func (p *jatsParser) leaf() string {
	if p.text == nil {
		return ""
	}
	return normalizeSpace(p.text.String())
}

func (p *jatsParser) end(name string) error {
	switch name {
	case "sec":
		if p.in("body") && len(p.secs) > 0 {
			s := &p.r.Sections[p.secs[len(p.secs)-1]]
			s.End = int(p.dec.InputOffset())
			if s.Title == "" {
				return &SourceError{File: p.name, Line: s.Line, Msg: "<sec> has no <title>"}
			}
			p.secs = p.secs[:len(p.secs)-1]
		}
	case "abstract":
		if p.abstract >= 0 && len(p.secs) == 1 && p.secs[0] == p.abstract {
			p.r.Sections[p.abstract].End = int(p.dec.InputOffset())
			p.secs = nil
		}
	case "title":
		if p.in("body", "sec") && len(p.secs) > 0 && p.path[len(p.path)-2] == "sec" {
			p.r.Sections[p.secs[len(p.secs)-1]].Title = p.leaf()
		}
	case "xref":
		if p.xref != nil {
			p.xref.end = p.para.Len()
			p.xrefs = append(p.xrefs, *p.xref)
			p.xref = nil
		}
	case "p":
		if p.para != nil {
			p.paragraph()
			p.para = nil
		}
	case "article-title":
		switch {
		case p.ref != nil:
			p.ref.Title = strings.TrimSuffix(p.leaf(), ".")
		case p.in("front", "article-meta", "title-group"):
			p.r.Title = p.leaf()
		}
	case "surname":
		p.surname = p.leaf()
	case "given-names":
		p.given = p.leaf()
	case "name":
		switch {
		case p.ref != nil:
			p.ref.Authors = append(p.ref.Authors, strings.TrimSpace(p.surname+" "+initials(p.given)))
		case p.in("front", "contrib-group", "contrib"):
			p.r.Authors = append(p.r.Authors, strings.TrimSpace(p.given+" "+p.surname))
		}
		p.given, p.surname = "", ""
	case "etal":
		if p.ref != nil {
			p.ref.EtAl = true
		}
	case "aff":
		if p.in("front") && p.r.Affiliation == "" {
			p.r.Affiliation = strings.TrimLeft(p.leaf(), "0123456789 ")
		}
	case "journal-title":
		if p.in("front", "journal-meta") {
			p.r.Journal = p.leaf()
		}
	case "source":
		if p.ref != nil {
			p.ref.Journal = p.leaf()
		}
	case "year":
		y, _ := strconv.Atoi(p.leaf())
		switch {
		case p.ref != nil:
			p.ref.Year = y
		case p.in("front"):
			p.date[0] = p.leaf()
			if p.r.Year == 0 && p.in("pub-date") {
				p.r.Year = y
			}
		}
	case "month":
		p.date[1] = p.leaf()
	case "day":
		p.date[2] = p.leaf()
	case "pub-date", "date":
		if d, err := jatsDate(p.date); err == nil && p.pubType != "" {
			p.dates[p.pubType] = d
		} else if err != nil && p.date[0] != "" {
			return p.errorf("%s", err)
		}
	case "volume":
		if p.ref != nil {
			p.ref.Volume = p.leaf()
		} else if p.in("article-meta") {
			p.r.Volume = p.leaf()
		}
	case "issue":
		if p.ref != nil {
			p.ref.Issue = p.leaf()
		} else if p.in("article-meta") {
			p.r.Issue = p.leaf()
		}
	case "fpage", "elocation-id":
		if p.ref != nil {
			p.ref.Pages = p.leaf()
		} else if p.in("article-meta") {
			p.r.Pages = p.leaf()
		}
	case "lpage":
		if p.ref != nil {
			p.ref.Pages += "-" + p.leaf()
		} else if p.in("article-meta") {
			p.r.Pages += "-" + p.leaf()
		}
	case "article-id":
		if p.idType == "doi" && p.in("front") {
			p.r.DOI = p.leaf()
		}
	case "kwd":
		if p.in("front") {
			p.r.Keywords = append(p.r.Keywords, p.leaf())
		}
	case "ref":
		r := p.ref
		if r == nil {
			return nil
		}
		if r.Year == 0 {
			return &SourceError{File: p.name, Line: r.Line, Msg: fmt.Sprintf("<ref id=%q> has no <year>", p.refID)}
		}
		if len(r.Authors) == 0 {
			return &SourceError{File: p.name, Line: r.Line, Msg: fmt.Sprintf("<ref id=%q> has no author (<person-group>/<name>)", p.refID)}
		}
		r.Raw = fmt.Sprintf("%s (%d) %s. %s", strings.Join(r.Authors, ", "), r.Year, r.Title, r.Journal)
		if r.Volume != "" {
			r.Raw += " " + r.Volume
		}
		if r.Pages != "" {
			r.Raw += ": " + r.Pages
		}
		p.r.References = append(p.r.References, *r)
		p.refIDs[p.refID] = r.Number
		p.ref = nil
	}
	return nil
}

func initials(given string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(given, func(r rune) bool { return r == ' ' || r == '.' || r == '-' }) {
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(r)
	}
	return b.String()
}

func jatsDate(d [3]string) (string, error) {
	y, err := strconv.Atoi(d[0])
	if err != nil || y < 1000 {
		return "", fmt.Errorf("date year %q is not a year", d[0])
	}
	if d[1] == "" || d[2] == "" {
		return "", fmt.Errorf("date %s has no month or day", d[0])
	}
	m, err1 := strconv.Atoi(d[1])
	day, err2 := strconv.Atoi(d[2])
	if err1 != nil || err2 != nil || m < 1 || m > 12 || day < 1 || day > 31 {
		return "", fmt.Errorf("date %s-%s-%s is not a date", d[0], d[1], d[2])
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, day), nil
}

// paragraph splits the paragraph just read into sentences (passages) and
// assigns each bibliographic xref to the sentence holding it.
func (p *jatsParser) paragraph() {
	text := p.para.String()
	sec := p.secs[len(p.secs)-1]
	ordinal := 1
	for _, q := range p.r.Passages {
		if q.Section == sec {
			ordinal = q.Paragraph + 1
		}
	}
	spans := splitSentences(text)
	first := len(p.r.Passages)
	for _, sp := range spans {
		line := p.paraStartLine()
		if sp.start < len(p.paraLines) {
			line = p.paraLines[sp.start]
		}
		p.r.Passages = append(p.r.Passages, Passage{Index: len(p.r.Passages), Section: sec, Text: normalizeSpace(text[sp.start:sp.end]),
			Start: p.paraStart, End: int(p.dec.InputOffset()), Line: line, Paragraph: ordinal})
	}
	for _, x := range p.xrefs {
		x.passage = first
		for k, sp := range spans {
			if x.start >= sp.start {
				x.passage = first + k
			}
		}
		x.paragraph = first
		x.text = text[x.start:x.end]
		// Keep the brackets around the xref in the citation as written.
		pre, post := x.start, x.end
		if pre > 0 && (text[pre-1] == '[' || text[pre-1] == '(') {
			pre--
		}
		if post < len(text) && (text[post] == ']' || text[post] == ')') {
			post++
		}
		x.start, x.end = pre, post
		x.text = normalizeSpace(text[pre:post])
		p.refXrefs = append(p.refXrefs, x)
	}
}

func (p *jatsParser) paraStartLine() int {
	return 1 + bytes.Count(p.data[:min(p.paraStart, len(p.data))], []byte("\n"))
}

var rangeDashRe = regexp.MustCompile(`^\]?\s*[-–—]\s*\[?$`)

// resolveCitations turns the xrefs into citations of reference numbers,
// once the reference list is known: an rid list is one citation of each
// reference named, and two xrefs joined by a dash ("[1]–[3]") cite the
// whole range.
func (p *jatsParser) resolveCitations() error {
	xs := p.refXrefs
	for i := 0; i < len(xs); i++ {
		x := xs[i]
		var nums []int
		for _, rid := range x.rids {
			n, ok := p.refIDs[rid]
			if !ok {
				return &SourceError{File: p.name, Line: x.line, Msg: fmt.Sprintf("<xref rid=%q> points at no <ref id> of the reference list", rid)}
			}
			nums = append(nums, n)
		}
		text := x.text
		if i+1 < len(xs) && xs[i+1].paragraph == x.paragraph && xs[i+1].passage == x.passage && len(nums) == 1 && len(xs[i+1].rids) == 1 {
			between := p.between(x, xs[i+1])
			if rangeDashRe.MatchString(between) {
				to, ok := p.refIDs[xs[i+1].rids[0]]
				if !ok {
					return &SourceError{File: p.name, Line: xs[i+1].line, Msg: fmt.Sprintf("<xref rid=%q> points at no <ref id> of the reference list", xs[i+1].rids[0])}
				}
				if to < nums[0] {
					return &SourceError{File: p.name, Line: x.line, Msg: fmt.Sprintf("citation range runs backwards: %d to %d", nums[0], to)}
				}
				for n := nums[0] + 1; n <= to; n++ {
					nums = append(nums, n)
				}
				text = normalizeSpace(strings.TrimSuffix(x.text, "]") + between + strings.TrimPrefix(xs[i+1].text, "["))
				i++
			}
		}
		p.r.Citations = append(p.r.Citations, Citation{Passage: x.passage, Kind: KindNumeric, Numbers: nums, Text: text, Line: x.line})
	}
	return nil
}

// between is the paragraph text between two xrefs of one sentence.
func (p *jatsParser) between(a, b jatsXref) string {
	// Both xrefs' texts are in the same sentence: the sentence text holds
	// "a.text ... b.text"; take what lies between them.
	s := p.r.Passages[a.passage].Text
	i := strings.Index(s, a.text)
	if i < 0 {
		return "?"
	}
	rest := s[i+len(a.text):]
	j := strings.Index(rest, b.text)
	if j < 0 {
		return "?"
	}
	return rest[:j]
}

// jatsCitation writes the review's own citation line from its metadata.
func jatsCitation(r *Review) string {
	c := fmt.Sprintf("%s (%d) %s. %s", strings.Join(r.Authors, ", "), ReviewYear(r), r.Title, r.Journal)
	if r.Volume != "" {
		c += " " + r.Volume
		if r.Issue != "" {
			c += "(" + r.Issue + ")"
		}
	}
	if r.Pages != "" {
		c += ", " + r.Pages
	}
	return c + "."
}
