package neo4j

import (
	"strings"
	"unicode/utf8"

	"github.com/kapgraph/kapgraph/graph"
)

// parseEvidenceJSON reads an edge's evidence_json the way json.Unmarshal
// into []graph.Evidence does, for the JSON the codec writes: no escapes,
// no nulls, valid UTF-8, the field names exactly as tagged, each once. Anything else
// answers ok false and the caller falls back to json.Unmarshal. Every claim
// of a plan carries its evidence, and reflection-driven decoding of it was
// an eighth of the server's CPU for the benchmark's b-entity question.
// FuzzEvidenceJSON holds it to json.Unmarshal.
func parseEvidenceJSON(s string) (out []graph.Evidence, ok bool) {
	return (*evArena)(nil).parse(s)
}

// evArena holds the evidence of the claims one Read decodes, and their
// lists of strings, in a few blocks instead of a slice each: each claim's
// slices are capped views of a block, so appending to one copies it
// rather than writing over the next.
type evArena struct {
	evs  []graph.Evidence
	strs []string
}

// parse is parseEvidenceJSON into a's blocks (nil: new slices).
func (a *evArena) parse(s string) (out []graph.Evidence, ok bool) {
	if strings.IndexByte(s, '\\') >= 0 || !utf8.ValidString(s) {
		return nil, false
	}
	p := &jsonScan{s: s, a: a}
	evs := []graph.Evidence{}
	start := 0
	if a != nil {
		if a.evs == nil {
			a.evs = make([]graph.Evidence, 0, 32)
		}
		evs, start = a.evs, len(a.evs)
	}
	ok = p.array(func() bool {
		var ev graph.Evidence
		if !p.object(func(key string) bool {
			switch key {
			case "quote":
				return p.str(&ev.Quote)
			case "passage":
				return p.str(&ev.Passage)
			case "section":
				return p.str(&ev.Section)
			case "sectionTitle":
				return p.str(&ev.SectionTitle)
			case "studies":
				return p.strs(&ev.Studies)
			case "citations":
				return p.strs(&ev.Citations)
			case "flagged":
				return p.strs(&ev.Flagged)
			case "document":
				return p.str(&ev.Document)
			case "cited":
				ev.Cited = []graph.CitationLink{}
				return p.array(func() bool {
					var c graph.CitationLink
					if !p.object(func(key string) bool {
						switch key {
						case "text":
							return p.str(&c.Text)
						case "kind":
							return p.str(&c.Kind)
						case "studies":
							return p.strs(&c.Studies)
						case "counted":
							return p.boolean(&c.Counted)
						}
						return false
					}) {
						return false
					}
					ev.Cited = append(ev.Cited, c)
					return true
				})
			}
			return false
		}) {
			return false
		}
		evs = append(evs, ev)
		return true
	})
	if a != nil {
		a.evs = evs[:start] // kept below only when the whole text reads
	}
	if !ok {
		return nil, false
	}
	p.space()
	if p.i != len(p.s) {
		return nil, false
	}
	if a != nil {
		a.evs = evs
	}
	return evs[start:len(evs):len(evs)], true
}

// jsonScan walks a JSON text without escapes (parseEvidenceJSON checks).
type jsonScan struct {
	s string
	i int
	a *evArena // nil: lists of strings are slices of their own
}

func (p *jsonScan) space() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t' || p.s[p.i] == '\n' || p.s[p.i] == '\r') {
		p.i++
	}
}

// peek skips white space and reports whether the next byte is c,
// consuming it if so.
func (p *jsonScan) peek(c byte) bool {
	p.space()
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

// array reads [elem, elem, ...], calling elem at each element.
func (p *jsonScan) array(elem func() bool) bool {
	if !p.peek('[') {
		return false
	}
	if p.peek(']') {
		return true
	}
	for {
		if !elem() {
			return false
		}
		if p.peek(']') {
			return true
		}
		if !p.peek(',') {
			return false
		}
	}
}

// object reads {"key": value, ...}, calling field at each key with the
// scanner before its value.
func (p *jsonScan) object(field func(key string) bool) bool {
	if !p.peek('{') {
		return false
	}
	if p.peek('}') {
		return true
	}
	var seen [12]string // a repeated key decodes over the first in json.Unmarshal: left to it
	n := 0
	for {
		var key string
		if !p.str(&key) || !p.peek(':') {
			return false
		}
		for _, k := range seen[:n] {
			if k == key {
				return false
			}
		}
		if n == len(seen) {
			return false
		}
		seen[n], n = key, n+1
		if !field(key) {
			return false
		}
		if p.peek('}') {
			return true
		}
		if !p.peek(',') {
			return false
		}
	}
}

// str reads a string without escapes.
func (p *jsonScan) str(dst *string) bool {
	if !p.peek('"') {
		return false
	}
	start := p.i
	for p.i < len(p.s) {
		switch c := p.s[p.i]; {
		case c == '"':
			*dst = p.s[start:p.i]
			p.i++
			return true
		case c < 0x20:
			return false
		}
		p.i++
	}
	return false
}

// strs reads an array of strings into a new slice (json.Unmarshal's
// reading of a list: [] is empty, not nil).
func (p *jsonScan) strs(dst *[]string) bool {
	out, start := []string{}, 0
	if p.a != nil {
		if p.a.strs == nil {
			p.a.strs = make([]string, 0, 64)
		}
		out, start = p.a.strs, len(p.a.strs)
	}
	if !p.array(func() bool {
		var s string
		if !p.str(&s) {
			return false
		}
		out = append(out, s)
		return true
	}) {
		return false
	}
	if p.a != nil {
		p.a.strs = out
	}
	*dst = out[start:len(out):len(out)]
	return true
}

func (p *jsonScan) boolean(dst *bool) bool {
	p.space()
	switch {
	case strings.HasPrefix(p.s[p.i:], "true"):
		*dst, p.i = true, p.i+4
	case strings.HasPrefix(p.s[p.i:], "false"):
		*dst, p.i = false, p.i+5
	default:
		return false
	}
	return true
}
