// JATS: a review in the XML that publishers deposit in PubMed Central
// (JATS 1.0-1.4 and the NLM 2.3/3.0 DTDs before it), read into the same
// Review the plain-text parser yields, so everything after parsing
// (sections, passages, studies, citations, claims, concerns) is one
// pipeline whatever the input format.
//
// Only XML that is not well-formed (or not an <article>) is refused:
// JATS leaves most elements optional and publishers differ in which they
// give, so a missing title, date, year or reference target is a warning
// on the Review, and the article is read as far as it goes.

package review

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
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
			if se.Name.Local == "pmc-articleset" {
				continue // PubMed Central's efetch wraps its articles
			}
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
	// text holds the character data of the whole article, and textAt the
	// offset in it where each open element began, so any element's text
	// is text[textAt[depth]:] when it ends.
	text   strings.Builder
	textAt []int
	// skipAt is the depth of an element (sub-article, response) whose
	// whole content is not this article's, 0 when none is open.
	skipAt int
	// Sections and paragraph-like containers being read.
	secs      []jatsSec
	paras     []*jatsPara
	paraCount int
	ordinal   map[int]int // per section: paragraphs so far
	labels    map[int]string
	// The reference being read and the reference list so far.
	ref      *jatsRef
	refIDs   map[string]int
	refXrefs []jatsXref // all xrefs, resolved after the ref-list is read
	// Front matter being read.
	given, surname string
	nameDepth      int
	dateKind       string
	dateISO        string
	date           [4]string // year, month, day, season
	idType         string
	contribType    string
	kwdType        string
	sawAbstract    bool
	sawBody        bool
}

// ParseJATS reads a JATS article: front matter (title, authors, journal,
// dates, ids, subjects, keywords, abstracts), sections at any depth with
// or without titles, back matter (acknowledgements, appendices, notes,
// glossary), paragraphs, list items, captions and formulas split into
// passages, the reference list (element-, mixed-, nlm- and citation) and
// the bibliographic xrefs resolved to it, including rid lists, ranges
// ("[1]–[3]", "<sup>1–3</sup>") and author-year xrefs.
func ParseJATS(name string, data []byte) (*Review, error) {
	if len(data) > MaxReviewBytes {
		return nil, reviewSizeError(name, int64(len(data)))
	}
	if !utf8.Valid(data) {
		return nil, &SourceError{File: name, Line: 1 + bytes.Count(data[:FirstInvalid(data)], []byte("\n")), Msg: "file is not valid UTF-8"}
	}
	p := &jatsParser{name: name, data: data, r: &Review{Source: name}, refIDs: map[string]int{},
		ordinal: map[int]int{}, labels: map[int]string{}}
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
			switch {
			case len(p.path) == 0 && t.Name.Local == "pmc-articleset":
				// efetch's wrapper: its first article is the review.
			case len(p.path) == 0 && t.Name.Local != "article":
				return nil, p.errorf("the root element is <%s>, not a JATS <article>", t.Name.Local)
			case t.Name.Local == "article" && (len(p.path) == 0 || len(p.path) == 1 && p.path[0] == "pmc-articleset"):
				if sawArticle {
					p.warn("a second <article> in the file skipped: one review a file")
					p.skipAt = len(p.path) + 1
					break
				}
				sawArticle = true
				p.r.ArticleType = attr(t, "article-type")
			}
			p.path = append(p.path, t.Name.Local)
			p.textAt = append(p.textAt, p.text.Len())
			if p.skipAt == 0 {
				p.start(t)
			}
		case xml.EndElement:
			if p.skipAt == 0 {
				p.end(t.Name.Local)
			}
			if p.skipAt == len(p.path) {
				p.skipAt = 0
			}
			p.path = p.path[:len(p.path)-1]
			p.textAt = p.textAt[:len(p.textAt)-1]
		case xml.CharData:
			if p.skipAt == 0 {
				p.chars(t)
			}
		}
	}
	if !sawArticle {
		return nil, &SourceError{File: name, Line: 1, Msg: "no <article> element: not a JATS file"}
	}
	p.finish()
	return p.r, nil
}

// finish resolves what needs the whole article and warns of what it lacks.
func (p *jatsParser) finish() {
	r := p.r
	p.resolveCitations()
	p.chooseDates()
	if r.Title == "" {
		r.warn(1, "no <article-title> in <front>/<article-meta>/<title-group>: the title is left empty")
	}
	if len(r.Authors) == 0 {
		r.warn(1, "no author (<contrib contrib-type=\"author\"> with a <name>, <string-name> or <collab>)")
	}
	if r.Journal == "" {
		r.warn(1, "no <journal-title> in <journal-meta>")
	}
	if r.Year == 0 {
		r.warn(1, "no publication year (<pub-date> with a <year>): the review's id takes the file name")
	}
	if !p.sawAbstract {
		r.warn(1, "no <abstract>")
	}
	if !p.sawBody {
		r.warn(1, "no <body>: only the front and back matter were read")
	}
	if len(r.Passages) == 0 {
		r.warn(1, "no paragraphs (<p>) in <abstract>, <body> or <back>")
	}
	if len(r.References) == 0 {
		r.warn(1, "no <ref-list>, or it has no <ref>: no citation can be resolved")
	}
	r.Citation = jatsCitation(r)
}

func (p *jatsParser) line() int { l, _ := p.dec.InputPos(); return l }

func (p *jatsParser) errorf(format string, args ...any) error {
	return &SourceError{File: p.name, Line: p.line(), Msg: fmt.Sprintf(format, args...)}
}

func (p *jatsParser) warn(format string, args ...any) { p.r.warn(p.line(), format, args...) }

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

// parent is the name of the element enclosing the current one.
func (p *jatsParser) parent() string {
	if len(p.path) < 2 {
		return ""
	}
	return p.path[len(p.path)-2]
}

// leaf is the whitespace-normalised text of the element now ending.
func (p *jatsParser) leaf() string {
	s := p.text.String()
	return normalizeSpace(s[p.textAt[len(p.textAt)-1]:])
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// start dispatches an opening tag to the part of the reader it concerns.
func (p *jatsParser) start(t xml.StartElement) {
	switch name := t.Name.Local; {
	case name == "sub-article" || name == "response" || name == "trans-abstract":
		// Decision letters, author responses and translations carry their
		// own front matter and body: reading them would mix two articles.
		p.skipAt = len(p.path)
		if name != "trans-abstract" { // a translation of what is read
			p.warn("<%s> skipped: only the main article is read", name)
		}
		return
	case p.ref != nil || name == "ref":
		p.startRef(t)
		return
	case p.in("front") && !p.in("abstract") && !p.in("trans-abstract"):
		p.startFront(t)
	}
	p.startBody(t)
}

func (p *jatsParser) end(name string) {
	switch {
	case p.ref != nil:
		p.endRef(name)
		return
	case p.in("front") && !p.in("abstract") && !p.in("trans-abstract"):
		p.endFront(name)
	}
	p.endBody(name)
}

func (p *jatsParser) chars(c xml.CharData) {
	p.text.Write(c)
	if len(p.paras) > 0 && !p.skipText() {
		p.paras[len(p.paras)-1].write(c, p.line()-bytes.Count(c, []byte("\n")))
	}
}

// jatsCitation writes the review's own citation line from its metadata.
func jatsCitation(r *Review) string {
	year := "n.d."
	if y := ReviewYear(r); y > 0 {
		year = strconv.Itoa(y)
	}
	c := fmt.Sprintf("%s (%s) %s. %s", strings.Join(r.Authors, ", "), year, r.Title, r.Journal)
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
