package extract

import (
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// ExtractedFactor scales an extracted candidate's score below any curated
// edge's (see the package doc).
const ExtractedFactor = 0.5

// Sentence is one sentence of a review as the loader parsed it. A plain
// type rather than the loader's Passage keeps this package free of the
// loader, which will import it.
type Sentence struct {
	Index     int // the loader's passage index, echoed in the output
	Line      int // 1-based line of the review it starts on (0: unknown)
	Text      string
	Section   string // title of the section the sentence is in
	Citations []int  // reference numbers the sentence cites
}

// Candidate is one claim the engine proposes from one sentence.
type Candidate struct {
	Sentence  int
	Section   string
	Text      string
	Citations []int
	Subject   string
	Object    string
	Predicate graph.Predicate
	Sign      graph.Sign
	Cue       string // the cue word as written
	Negated   bool
	Hedged    bool
	// Modality is how the clause states the claim; the flags above are
	// its parts, kept for the measurement.
	Modality graph.Modality
	Score    float64
	// Qualifiers: population or species, comparator, time point and dose
	// the sentence gives.
	Qualifiers Qualifiers
	// Class is the drug class, as written, that the sentence lists the
	// subject under ("GLP-1 receptor agonists such as exenatide"): the
	// claim is the class's action on its target, stated of a member.
	Class string
}

// Result is what the engine finds in a review.
type Result struct {
	Mentions   []Mention
	Candidates []Candidate
	// Proposed maps each proposed id to the surface it was first seen as.
	Proposed map[string]string
}

// Extract reads the sentences in order (acronyms defined in one sentence
// are known in the next) with nothing but the lexicon and the category
// patterns: the reading a curated review gets, so that curation stays the
// graph's knowledge and extraction only proposes beside it.
func Extract(lex []LexEntry, sents []Sentence) Result {
	return extract(lex, sents, nil, nil)
}

// ExtractOpen reads a review nobody curated: besides the lexicon (which
// wins where it names a phrase), the embedded drug and phenotype
// resources and the noun-phrase chunker name the review's entities.
func ExtractOpen(lex []LexEntry, sents []Sentence) Result {
	ix, err := loadResources()
	if err != nil {
		// The resources are embedded at build time: a failure here is a
		// broken build, which the package's tests catch; read on with
		// the chunker's head-noun rules alone.
		ix = &resourceIndex{forms: map[string]resEntry{}}
	}
	texts := make([]string, len(sents))
	for i, s := range sents {
		texts[i] = s.Text
	}
	return extract(lex, sents, ix, tagSentences(texts))
}

func extract(lex []LexEntry, sents []Sentence, ix *resourceIndex, tags [][]string) Result {
	rc := newRecogniser(lex)
	if ix != nil {
		ix = rc.reviewSubstances(ix, sents, tags)
	}
	rc.ix = ix
	var prose strings.Builder
	for _, s := range sents {
		prose.WriteString(strings.ToLower(s.Text))
		prose.WriteByte('\n')
	}
	rc.prose = prose.String()
	var res Result
	var topic, of *Mention     // of: a topic named after "of" (ofTopic)
	var members []Mention      // the drugs the previous sentence listed as examples of its topic class
	var prev, prevMs []Mention // the previous sentence's subjects, and its mentions
	var earlier [][]Mention    // the mentions of the two sentences before the previous one, nearest first
	section := ""
	for i, s := range sents {
		ts := tokenize(s.Text)
		var tg []string
		if tags != nil {
			tg = tags[i]
		}
		ms := rc.find(s.Index, s.Text, ts, tg)
		if mechanismSection(s.Section) {
			ms = rc.labelEntity(s.Index, s.Text, ts, ms)
		}
		if s.Section != section {
			topic, of, prev, prevMs, earlier, section = nil, nil, nil, nil, nil, s.Section // a pronoun does not reach across a heading
		}
		res.Mentions = append(res.Mentions, ms...)
		cs, subjects := claims(s, ts, tg, ms, topic, of, prev, prevMs, earlier, ix != nil)
		if ix != nil {
			cs = memberHarms(cs, ts, s.Index, ms, topic, members)
		}
		if prevMs != nil || earlier != nil {
			earlier = append([][]Mention{prevMs}, earlier[:min(len(earlier), 1)]...)
		}
		prevMs = ms
		res.Candidates = append(res.Candidates, cs...)
		topic, of = nextTopic(ts, tg, ms, subjects, topic, of)
		members = classMembers(ts, ms, topic)
		prev = subjects
		if len(prev) == 0 && topic != nil {
			prev = []Mention{*topic}
		}
	}
	if ix != nil {
		res.Mentions = passingSubstances(res.Mentions, res.Candidates)
	}
	res.Proposed = rc.names
	return res
}

// passingSubstances drops a substance named only as the modifier of a
// behaviour ("heroin" in "heroin seeking", "sucrose" in "sucrose intake",
// "community" in "community use") when the review names it nowhere else
// and no claim joins it: a review about one drug mentions others' use in
// passing, and the behaviour is the entity.
func passingSubstances(ms []Mention, cs []Candidate) []Mention {
	other := map[string]bool{}
	for _, m := range ms {
		if m.Pattern != substanceRule {
			other[m.ID] = true
		}
	}
	for _, c := range cs {
		other[c.Subject], other[c.Object] = true, true
	}
	return slices.DeleteFunc(ms, func(m Mention) bool { return m.Pattern == substanceRule && !other[m.ID] })
}

// weakestCurated is the lowest score graph.EdgeScore gives a curated edge:
// an inferred link, citing nothing, with a citation concern.
func weakestCurated(p graph.Predicate) float64 {
	return graph.EdgeScore(&graph.Edge{Predicate: p, Origin: "inferred", Concerns: []string{"any"}}, nil)
}

// score is the fixed extraction score of the package doc.
func score(p graph.Predicate, hedged bool) float64 {
	s := ExtractedFactor * weakestCurated(p)
	if hedged {
		s *= 0.5
	}
	return s
}
