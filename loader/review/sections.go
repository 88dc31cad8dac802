// Sections and passages: the heading tree built from the classified body,
// each section's span, and the sentences that become passages.

package review

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// buildSections turns heading items into sections with levels, and
// returns the section of every item plus the index of the references
// section (-1 if none). Levels follow three rules: conventional names are
// top level; a heading right under a top-level heading with no text
// between is its subsection, as is a heading split off a merged line; and
// later headings shaped like the current subsections (headingSig) stay
// subsections until one is not.
func (p *reviewParser) buildSections(items []bodyItem, refs []srcLine) ([]int, int) {
	r := p.r
	sectionOf := make([]int, len(items))
	headItem := []int{} // per section: the item holding its heading, -1 for a preamble
	add := func(title string, level, parent int, l srcLine, item int, merged bool) int {
		i := len(r.Sections)
		r.Sections = append(r.Sections, Section{Index: i, Title: strings.TrimRight(title, ": "), Level: level,
			Parent: parent, Line: l.num, Start: l.end, End: l.end, Merged: merged})
		headItem = append(headItem, item)
		return i
	}
	var heads []int
	for i, it := range items {
		if it.kind == kindHeading {
			heads = append(heads, i)
		}
	}
	cur, top, refSection := -1, -1, -1
	structured := false
	if len(items) > 0 && items[0].kind != kindHeading {
		cur = add("", 1, -1, items[0].lines[0], -1, false) // text before any heading
		top = cur
	}
	var group []headSig
	inGroup := func(s headSig) bool {
		return slices.ContainsFunc(group, s.matches)
	}
	for hi, ii := range heads {
		h := items[ii]
		t, l := stripMarkup(h.text), h.lines[0]
		next := ""
		if hi+1 < len(heads) && standardHeading(items[heads[hi+1]].text) == "" {
			next = stripMarkup(items[heads[hi+1]].text)
		}
		sig := headingSig(t)
		depth, bare := numberedHeading(t)
		// A structured abstract set as headings: "Abstract" and, right
		// under it, "Background", "Methods", ...: its parts, not sections.
		if abstractPart(t) && top >= 0 && (structured || cur == top && ii > 0 && items[ii-1].kind == kindHeading &&
			(standardHeading(r.Sections[top].Title) == "abstract" || standardHeading(r.Sections[top].Title) == "summary")) {
			structured = true
			cur = add(bare, 2, top, l, ii, false)
			for i := ii; i < len(items) && (i == ii || items[i].kind != kindHeading); i++ {
				sectionOf[i] = cur
			}
			continue
		}
		structured = false
		switch {
		case standardHeading(t) != "":
			cur = add(bare, 1, -1, l, ii, false)
			top, group = cur, nil
			if isReferenceHeading(t) {
				refSection = cur
			}
		case depth == 1 || depth > 1 && top < 0:
			cur = add(bare, 1, -1, l, ii, false)
			top, group = cur, nil
		case depth > 1:
			cur = add(bare, 2, top, l, ii, false)
			group = nil
		case group != nil && inGroup(sig):
			cur = add(t, 2, top, l, ii, false)
			if len(group) < maxGroupShapes && !slices.ContainsFunc(group, func(g headSig) bool { return g.noun == sig.noun }) {
				group = append(group, sig)
			}
		case ii > 0 && items[ii-1].kind == kindHeading && cur == top && cur >= 0:
			cur = add(t, 2, top, l, ii, false)
			group = []headSig{sig}
		default:
			if pre, tail, ok := splitMergedHeading(t, next); ok {
				top = add(pre, 1, -1, l, ii, false)
				cur = add(tail, 2, top, l, ii, true)
				group = []headSig{headingSig(tail)}
			} else {
				cur = add(t, 1, -1, l, ii, false)
				top, group = cur, nil
			}
		}
		for i := ii; i < len(items) && (i == ii || items[i].kind != kindHeading); i++ {
			sectionOf[i] = cur
		}
	}
	for i := range items {
		if len(heads) > 0 && i < heads[0] {
			sectionOf[i] = 0
		}
	}
	p.sectionSpans(items, headItem, refs, refSection)
	return sectionOf, refSection
}

// sectionSpans sets each section's body span: from its first content item
// to its last before a heading of the same or a higher level. Levels are
// only 1 and 2, so two "next heading" tables make this linear.
func (p *reviewParser) sectionSpans(items []bodyItem, headItem []int, refs []srcLine, refSection int) {
	n := len(items)
	topLevel := make([]int, n) // lowest level a heading item opens
	for s, ii := range headItem {
		if ii >= 0 && (topLevel[ii] == 0 || p.r.Sections[s].Level < topLevel[ii]) {
			topLevel[ii] = p.r.Sections[s].Level
		}
	}
	// nextAny[i], nextTop[i], nextContent[i]: the first item at or after i
	// that is any heading, a level-1 heading, or not a heading (n if none);
	// prevContent[i]: the last non-heading item at or before i (-1 if none).
	nextAny, nextTop, nextContent := make([]int, n+1), make([]int, n+1), make([]int, n+1)
	nextAny[n], nextTop[n], nextContent[n] = n, n, n
	for i := n - 1; i >= 0; i-- {
		nextAny[i], nextTop[i], nextContent[i] = nextAny[i+1], nextTop[i+1], nextContent[i+1]
		if items[i].kind == kindHeading {
			nextAny[i] = i
			if topLevel[i] == 1 {
				nextTop[i] = i
			}
		} else {
			nextContent[i] = i
		}
	}
	prevContent := make([]int, n)
	for i := range items {
		switch {
		case items[i].kind != kindHeading:
			prevContent[i] = i
		case i > 0:
			prevContent[i] = prevContent[i-1]
		default:
			prevContent[i] = -1
		}
	}
	for s := range p.r.Sections {
		sec := &p.r.Sections[s]
		if s == refSection && len(refs) > 0 {
			sec.Start, sec.End = refs[0].start, refs[len(refs)-1].end
			continue
		}
		from := headItem[s] + 1
		stop := nextAny[from]
		if sec.Level == 1 {
			stop = nextTop[from]
		}
		first := nextContent[from]
		if first >= stop {
			continue
		}
		last := prevContent[stop-1]
		sec.Start = items[first].lines[0].start
		sec.End = items[last].lines[len(items[last].lines)-1].end
	}
}

// buildPassages splits paragraphs and list items into sentences.
func (p *reviewParser) buildPassages(items []bodyItem, sectionOf []int) {
	paragraphs := make([]int, len(p.r.Sections))
	for i, it := range items {
		if it.kind == kindHeading {
			continue
		}
		sec := sectionOf[i]
		paragraphs[sec]++
		start, end := it.lines[0].start, it.lines[len(it.lines)-1].end
		if it.kind == kindListItem {
			start += len(bulletRe.FindString(string(p.data[start:end])))
		}
		text := string(p.data[start:end])
		if it.kind == kindTable || it.kind == kindCaption {
			// A table or caption is one citable passage: its rows and
			// labels are no sentences.
			ps := Passage{Index: len(p.r.Passages), Section: sec, Start: start, End: end, Paragraph: paragraphs[sec],
				Text: normalizeSpace(text), Line: p.lineAt(start), Kind: PassageTable}
			if it.kind == kindCaption {
				ps.Kind = PassageCaption
			}
			if m := captionRe.FindString(ps.Text); m != "" {
				ps.Label = strings.TrimRight(strings.TrimSpace(m), ".:")
			}
			p.r.Passages = append(p.r.Passages, ps)
			continue
		}
		for k, sp := range splitSentences(text) {
			ps := Passage{Index: len(p.r.Passages), Section: sec, Start: start + sp.start, End: start + sp.end,
				Paragraph: paragraphs[sec], ListItem: it.kind == kindListItem}
			ps.Text = normalizeSpace(text[sp.start:sp.end])
			ps.Line = p.lineAt(ps.Start)
			if k == 0 && it.kind == kindParagraph {
				ps.Label = runInLabel(ps.Text)
			}
			p.r.Passages = append(p.r.Passages, ps)
		}
	}
}

// namePreamble titles the untitled text before the first heading by the
// run-in label it opens with, when that label names an abstract
// ("Abstract: ..."), as the publisher's JATS twin does with <abstract>.
func (p *reviewParser) namePreamble() {
	r := p.r
	if len(r.Sections) == 0 || r.Sections[0].Title != "" {
		return
	}
	for _, ps := range r.Passages {
		if ps.Section != 0 {
			return
		}
		if s := standardHeading(ps.Label); s == "abstract" || s == "summary" {
			r.Sections[0].Title = ps.Label
		}
		return
	}
}

// runInLabel returns a short Title Case lead-in ended by a colon, as in
// "Addiction Potential: Especially in ...". Requiring Title Case and a
// capital after the colon keeps ordinary clauses ("Results were clear:
// ...") out.
func runInLabel(sentence string) string {
	s := stripMarkup(sentence)
	i := strings.Index(s, ": ")
	if i <= 0 || i > 60 {
		return ""
	}
	label := s[:i]
	if strings.ContainsAny(label, `.!?;,()[]"`) || len(strings.Fields(label)) > 6 || !titleCase(label) {
		return ""
	}
	if r, _ := utf8.DecodeRuneInString(s[i+2:]); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return ""
	}
	return label
}

// abstractPart: a heading of a structured abstract's parts.
func abstractPart(t string) bool {
	switch strings.ToLower(strings.TrimRight(stripMarkup(t), ".: ")) {
	case "background", "objective", "objectives", "aim", "aims", "purpose", "context",
		"methods", "method", "design", "materials and methods", "results", "findings",
		"conclusion", "conclusions", "interpretation", "significance", "implications":
		return true
	}
	return false
}
