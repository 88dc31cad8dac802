// JATS body: sections (titled or not, at any depth, in the abstract, body
// and back matter), and the paragraph-like containers whose text becomes
// passages: paragraphs, list items, glossary entries, captions and
// display formulas.

package review

import (
	"encoding/xml"
	"strings"
	"unicode"
)

// jatsSectionTitles are the elements that open a section, with the title
// a section of that element takes when it has no <title> of its own. A
// <sec> without a title keeps an empty one, as a text review's preamble
// does.
var jatsSectionTitles = map[string]string{
	"sec": "", "abstract": "Abstract", "trans-abstract": "Abstract", "ack": "Acknowledgements",
	"app-group": "Appendices", "app": "Appendix", "fn-group": "Notes", "glossary": "Glossary",
	"boxed-text": "Box", "ref-list": "References", "notes": "Notes", "bio": "Biography",
}

// abstractTitles names the abstracts JATS tells apart by abstract-type.
var abstractTitles = map[string]string{
	"highlights": "Highlights", "author-highlights": "Highlights", "summary": "Summary",
	"graphical": "Graphical abstract", "executive-summary": "Executive summary", "teaser": "Teaser",
	"short": "Short abstract", "key-points": "Key points", "structured": "Abstract",
}

// jatsSec is an open section: its index in Review.Sections and the depth
// of the element that opened it.
type jatsSec struct {
	index, depth int
	label        string
	titled       bool // a <title> gave the title
}

// jatsPara is an open paragraph-like container: its text, the source line
// of each byte, and the xrefs inside it.
type jatsPara struct {
	elem     string
	depth    int
	kind     string // Passage kind: "" for running text
	listItem bool
	label    string
	b        strings.Builder
	lines    []int
	start    int // byte offset in the file where the text so far began
	xrefs    []jatsXref
	xref     *jatsXref
	supAt    int // length of the text when the last <sup> opened
}

func (c *jatsPara) write(s []byte, line int) {
	for _, b := range s {
		c.b.WriteByte(b)
		c.lines = append(c.lines, line)
		if b == '\n' {
			line++
		}
	}
}

// jatsXref is a cross-reference in a container's text: the rids it names,
// where it sits, and (once its container is emitted) its passage.
type jatsXref struct {
	rids       []string
	refType    string
	start, end int // byte range of the xref's text in the container
	line       int
	passage    int
	group      int    // containers emitted so far: xrefs of one container share it
	text       string // the xref as written, with its brackets when both sides have one
	joined     string // for a range: the text from the first xref to the second
	dashToNext bool   // only a dash lies between this xref and the next
}

// proseContext: the parts of an article whose paragraphs are its text.
func (p *jatsParser) proseContext() bool {
	return p.in("abstract") || p.in("trans-abstract") || p.in("body") || p.in("back") || p.in("floats-group")
}

// skipText: element content that is no prose (labels are read on their
// own; LaTeX and annotations duplicate the MathML; tables are data).
func (p *jatsParser) skipText() bool {
	for _, e := range p.path {
		switch e {
		case "label", "tex-math", "annotation", "alt-text", "object-id", "table", "permissions", "attrib":
			return true
		}
	}
	return false
}

func (p *jatsParser) startBody(t xml.StartElement) {
	name := t.Name.Local
	if name == "body" {
		p.sawBody = true
	}
	if def, ok := jatsSectionTitles[name]; ok && p.opensSection(name) {
		if name == "abstract" || name == "trans-abstract" {
			p.sawAbstract = true
			if at := attr(t, "abstract-type"); at != "" {
				def = abstractTitles[at]
				if def == "" {
					def = strings.ToUpper(at[:1]) + strings.ReplaceAll(at[1:], "-", " ") + " abstract"
				}
			}
		}
		parent := -1
		if len(p.secs) > 0 {
			parent = p.secs[len(p.secs)-1].index
		}
		p.secs = append(p.secs, jatsSec{index: p.newSection(def, parent), depth: len(p.path)})
		return
	}
	switch name {
	case "p", "list-item", "def-item", "caption", "disp-formula", "fn":
		if !p.proseContext() || (name == "disp-formula" && len(p.paras) > 0) {
			return
		}
		if len(p.paras) > 0 {
			switch top := p.paras[len(p.paras)-1]; top.elem {
			case "caption", "def-item", "disp-formula":
				return // their paragraphs are one passage with them
			}
		}
		if name == "caption" && len(p.secs) > 0 && p.secs[len(p.secs)-1].depth == len(p.path)-1 {
			return // a box's caption is its section's title
		}
		c := &jatsPara{elem: name, depth: len(p.path), listItem: name == "list-item"}
		switch name {
		case "caption":
			c.kind, c.label = PassageCaption, p.labels[len(p.path)-1]
		case "disp-formula":
			c.kind = PassageFormula
		}
		if len(p.paras) > 0 {
			top := p.paras[len(p.paras)-1]
			c.listItem = c.listItem || top.listItem
			p.emit(top)
		}
		c.start = int(p.dec.InputOffset())
		p.paras = append(p.paras, c)
	case "xref":
		if len(p.paras) == 0 {
			return
		}
		c := p.paras[len(p.paras)-1]
		rt := attr(t, "ref-type")
		if rt != "" && rt != "bibr" {
			return
		}
		rids := strings.Fields(attr(t, "rid"))
		if len(rids) == 0 {
			if rt == "bibr" {
				p.warn("<xref ref-type=\"bibr\"> has no rid: the citation is not resolved")
			}
			return
		}
		if p.parent() == "sup" && c.b.Len() == c.supAt {
			// A superscript citation is set apart from the word it
			// follows ("animals<sup>1,2</sup>"), so the word stays one.
			if s := c.b.String(); s != "" && unicode.IsLetter(rune(s[len(s)-1])) {
				c.write([]byte(" "), p.line())
				c.supAt = c.b.Len()
			}
		}
		c.xref = &jatsXref{rids: rids, refType: rt, start: c.b.Len(), line: p.line()}
	case "sup":
		if len(p.paras) > 0 {
			p.paras[len(p.paras)-1].supAt = p.paras[len(p.paras)-1].b.Len()
		}
	}
}

// opensSection: a section element counts where it holds the article's
// prose, and a ref-list or fn-group only when no section element already
// stands for it.
func (p *jatsParser) opensSection(name string) bool {
	switch {
	case p.in("table-wrap") || p.in("fig") || p.in("author-notes"):
		return false
	case name == "abstract" || name == "trans-abstract":
		return p.in("front") || p.in("front-stub")
	case name == "ref-list" && p.parent() == "sec":
		return false
	}
	return p.proseContext()
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

// section is the innermost open section, opening an untitled one for text
// that JATS allows outside any section (a body of bare paragraphs, floats
// at the end).
func (p *jatsParser) section() int {
	if len(p.secs) > 0 {
		return p.secs[len(p.secs)-1].index
	}
	title := "Main text"
	switch {
	case p.in("floats-group"):
		title = "Figures and tables"
	case p.in("back"):
		title = "Back matter"
	}
	for i := len(p.r.Sections) - 1; i >= 0; i-- {
		if s := p.r.Sections[i]; s.Level == 1 && s.Title == title {
			return i
		}
	}
	return p.newSection(title, -1)
}

func (p *jatsParser) endBody(name string) {
	depth := len(p.path)
	if len(p.paras) > 0 {
		c := p.paras[len(p.paras)-1]
		switch {
		case c.depth == depth:
			p.emit(c)
			p.paras = p.paras[:len(p.paras)-1]
			if len(p.paras) > 0 {
				p.paras[len(p.paras)-1].start = int(p.dec.InputOffset())
			}
		case name == "xref" && c.xref != nil:
			c.xref.end = c.b.Len()
			c.xrefs = append(c.xrefs, *c.xref)
			c.xref = nil
		case name == "title" && c.elem == "caption", name == "term" && c.elem == "def-item":
			sep := ". "
			if name == "term" {
				sep = ": "
			}
			if t := strings.TrimSpace(c.b.String()); t != "" && !strings.ContainsAny(t[len(t)-1:], ".:?!") {
				c.write([]byte(sep), p.line())
			} else {
				c.write([]byte(" "), p.line())
			}
		}
	}
	if len(p.secs) > 0 {
		s := &p.secs[len(p.secs)-1]
		sec := &p.r.Sections[s.index]
		switch {
		case s.depth == depth:
			sec.End = int(p.dec.InputOffset())
			if !s.titled && s.label != "" {
				sec.Title = s.label
			}
			p.secs = p.secs[:len(p.secs)-1]
		case name == "title" && (s.depth == depth-1 || s.depth == depth-2 && p.parent() == "caption"):
			if t := p.leaf(); t != "" && !s.titled {
				sec.Title, s.titled = t, true
			}
		case s.depth == depth-1 && name == "label":
			s.label = p.leaf()
		}
	}
	if name == "label" {
		p.labels[depth-1] = p.leaf()
	} else {
		delete(p.labels, depth)
	}
}

// emit turns a container's text so far into passages (sentences, or one
// passage for a caption or formula) and places its xrefs in them.
func (p *jatsParser) emit(c *jatsPara) {
	text := c.b.String()
	xrefs := c.xrefs
	lines := c.lines
	start := c.start
	c.b.Reset()
	c.lines, c.xrefs, c.xref = nil, nil, nil
	if strings.TrimSpace(text) == "" {
		return
	}
	sec := p.section()
	p.ordinal[sec]++
	var spans []textSpan
	if c.kind != "" {
		spans = []textSpan{trimSpan(text, 0, len(text))}
	} else {
		spans = splitSentences(text)
	}
	end := max(int(p.dec.InputOffset()), start)
	first := len(p.r.Passages)
	for k, sp := range spans {
		line := lines[min(sp.start, len(lines)-1)]
		ps := Passage{Index: len(p.r.Passages), Section: sec, Text: normalizeSpace(text[sp.start:sp.end]),
			Start: start, End: end, Line: line, Paragraph: p.ordinal[sec], ListItem: c.listItem, Kind: c.kind}
		if k == 0 && c.label != "" {
			ps.Label = c.label
			ps.Text = normalizeSpace(c.label + ". " + ps.Text)
		}
		p.r.Passages = append(p.r.Passages, ps)
	}
	p.paraCount++
	for i := range xrefs {
		x := &xrefs[i]
		x.passage, x.group = first, p.paraCount
		for k, sp := range spans {
			if x.start >= sp.start {
				x.passage = first + k
			}
		}
		x.text = normalizeSpace(text[x.start:x.end])
		pre, post := x.start, x.end
		if pre > 0 && post < len(text) && (text[pre-1] == '[' && text[post] == ']' || text[pre-1] == '(' && text[post] == ')') {
			x.text = normalizeSpace(text[pre-1 : post+1])
		}
		if i+1 < len(xrefs) {
			y := xrefs[i+1]
			if y.start >= x.end && rangeDashRe.MatchString(text[x.end:y.start]) {
				x.dashToNext = true
				a, b := x.start, y.end
				if a > 0 && text[a-1] == '[' {
					a--
				}
				if b < len(text) && text[b] == ']' {
					b++
				}
				x.joined = normalizeSpace(text[a:b])
			}
		}
	}
	p.refXrefs = append(p.refXrefs, xrefs...)
}
