package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kapgraph/kapgraph/graph"
)

// maxLabelWords bounds a run-in label that can name an entity: longer
// ones are sentences, not names.
const maxLabelWords = 4

// mechanismSection says whether a section's title announces mechanisms
// ("Proposed Mechanisms", "Mechanisms of Action ..."): there, a run-in
// label names a mechanism.
func mechanismSection(title string) bool {
	return strings.Contains(strings.ToLower(title), "mechanism")
}

// runInLabel returns the token index of the colon that ends a run-in
// label ("Self-Efficacy: Participants ..."), or -1.
func runInLabel(ts []token) int {
	for k := 1; k < len(ts) && k <= maxLabelWords; k++ {
		if strings.Contains(ts[k].punctBefore, ":") {
			return k
		}
	}
	return -1
}

// labelEntity proposes the Mechanism a run-in label names in a mechanisms
// section: a title-case label of at most four words that no mention
// covers and that holds no cue ("Reduction in Craving" is a claim about
// craving, not a name).
func (rc *recogniser) labelEntity(idx int, text string, ts []token, ms []Mention) []Mention {
	colon := runInLabel(ts)
	if colon < 0 {
		return ms
	}
	for _, m := range ms {
		if m.first < colon {
			return ms
		}
	}
	for _, t := range ts[:colon] {
		r, _ := utf8.DecodeRuneInString(t.raw)
		if !unicode.IsUpper(r) && !(t.hyphenated && unicode.IsLetter(r)) {
			return ms
		}
	}
	for _, c := range findCues(ts, make([]bool, len(ts))) {
		if c.i < colon {
			return ms
		}
	}
	id := ProposedPrefix + slug(ts[:colon])
	surface := text[ts[0].start:ts[colon-1].end]
	if _, ok := rc.names[id]; !ok {
		rc.names[id] = surface
	}
	rc.addAlias(surface, id, graph.CategoryMechanism)
	ms = append(slices.Clone(ms), Mention{Sentence: idx, ID: id, Category: graph.CategoryMechanism, Surface: surface,
		Start: ts[0].start, End: ts[colon-1].end, Proposed: true, Pattern: "run-in label in a mechanisms section", first: 0, last: colon})
	sort.Slice(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	return ms
}

// labelSubject reads a label that names an entity as the subject of a
// body that begins with no argument of its own before its cue
// ("Mystical-Type Experience: Intensity of the acute experience ...
// predicted abstinence"): the label is what the body speaks of.
func labelSubject(ts []token, args []Mention, cues []cueHit, emit func(a, b Mention, p graph.Predicate, sign graph.Sign, cue cueHit, lo, hi int)) {
	colon := runInLabel(ts)
	if colon < 0 {
		return
	}
	var label *Mention
	for i, a := range args {
		if a.first == 0 && a.last == colon {
			label = &args[i]
		}
	}
	if label == nil {
		return
	}
	for _, b := range args {
		if b.first < colon {
			continue
		}
		p, sign, cue, ok := signed(cuesIn(cues, colon, b.first))
		if ok && signedEnds(*label, b) && !crossesClause(ts, cue.j, b.first) {
			emit(*label, b, p, sign, cue, colon, b.first)
		}
		return // only the body's first argument, and only after a cue
	}
}
