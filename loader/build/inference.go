// Inference discipline: what a claim may say beyond its quotes.
//
// The rules, checked on every curated claim after its quotes are found:
//
//  1. A hedged or future-tense quote supports no factual claim: the claim
//     takes the quote's modality instead (QuoteModality: PROPOSED for a call
//     for research or a recommendation, HEDGED for possibility), and a claim
//     whose file says modality ASSERTED or NEGATED on such a quote is
//     refused. A quote is
//     hedged when the clause that holds it (from the last ",", ";", ":" or
//     dash before the quote to the quote's end) has a modal of possibility,
//     obligation or future (may, might, could, should, would, will, ought
//     to), or when its whole sentence is a call for research ("future
//     research should…", "larger trials are needed") or says the matter is
//     unknown ("whether X helps is unknown"). Reporting verbs that hedge a
//     reported finding ("studies suggest", "appears to") are not hedges
//     here: the finding is still the review's. CONSIDERED_FOR is exempt:
//     it is by definition the review's opinion, not a fact, and is
//     ASSERTED unless its file says otherwise.
//  2. A STATED signed claim (AFFECTS, CORRELATED_WITH) needs at least one
//     quote with a directional cue for its sign (increase words for
//     INCREASES, decrease words for DECREASES; for CORRELATED_WITH a plain
//     "correlated/associated with", "predicts" or "linked to" reads as
//     positive). A direction the text does not give is the curator's: the
//     claim must be INFERRED, with a note and, when it is drawn from other
//     claims, inferred_from naming them.
//  3. inferred_from appears only on inferred claims, names claims of the
//     same file other than itself, without cycles; the edge lists them in
//     Claim.inferredFrom. An inferred claim with no inferred_from is drawn
//     straight from its evidence sentences.

package build

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/kapgraph/kapgraph/loader/curation"
	"github.com/kapgraph/kapgraph/loader/review"

	"github.com/kapgraph/kapgraph/graph"
)

var (
	// modalRe marks possibility, obligation and future: the clause says
	// what might, should or will be, not what is.
	modalRe = regexp.MustCompile(`(?i)\b(?:may|might|could|should|would|will|ought\s+to)\b`)
	// researchCallRe is a sentence asking for more research.
	researchCallRe = regexp.MustCompile(`(?i)\b(?:future|further|more|larger|additional|new)\b[^.]*?\b(?:research|studies|study|trials?|work|investigations?|data)\b[^.]*?\b(?:should|needed|warranted|required)\b` +
		`|\b(?:research|studies|trials?|investigation)\s+(?:is|are)\s+(?:still\s+)?(?:needed|warranted|required)\b`)
	// unknownRe is a sentence saying the matter is open.
	unknownRe = regexp.MustCompile(`(?i)\b(?:is|are|remains?)\s+(?:still\s+)?(?:unknown|unclear|uncertain|untested|unproven)\b`)
	// clauseBreak ends the clause before a quote.
	clauseBreak = regexp.MustCompile(`[,;:—–]`)

	increaseCueRe = regexp.MustCompile(`(?i)\b(?:increas\w*|enhanc\w*|promot\w*|activat\w*|rais\w*|elevat\w*|boost\w*|higher|greater|more|improv\w*|prolong\w*|catalyz\w*|catalys\w*|lead(?:s|ing)?\s+to|led\s+to|driv\w*|trigger\w*|induc\w*|stimulat\w*|amplif\w*|strengthen\w*|doubl\w*|tripl\w*|caus\w*|produc\w*|dysregulat\w*|facilitat\w*|gains?)\b`)
	decreaseCueRe = regexp.MustCompile(`(?i)\b(?:reduc\w*|decreas\w*|diminish\w*|lower\w*|fewer|less|inhibit\w*|block\w*|antagoni\w*|suppress\w*|normali[sz]\w*|damp\w*|reliev\w*|attenuat\w*|prevent\w*|fell|fall(?:s|ing)?|declin\w*|disrupt\w*|impair\w*|curb\w*|cut|lessen\w*|negatively|inverse\w*)\b`)
	// associationCueRe reads as a positive correlation when nothing says
	// otherwise.
	associationCueRe = regexp.MustCompile(`(?i)\b(?:correlat\w*|associat\w*|predict\w*|linked|tied)\b`)
)

// hedged reports why a quote in sentence text is hedged, or "".
func Hedged(text, quote string) string {
	switch {
	case researchCallRe.MatchString(text):
		return "its sentence calls for research"
	case unknownRe.MatchString(text):
		return "its sentence says the matter is unknown"
	}
	at := strings.Index(text, quote)
	if at < 0 {
		return ""
	}
	start := 0
	if locs := clauseBreak.FindAllStringIndex(text[:at], -1); len(locs) > 0 {
		start = locs[len(locs)-1][1]
	}
	if m := modalRe.FindString(text[start : at+len(quote)]); m != "" {
		return fmt.Sprintf("its clause says %q", strings.ToLower(m))
	}
	return ""
}

// QuoteModality is the modality a quote's cues give it in sentence text,
// with the reason when it is not ASSERTED: a call for research, or an
// obligation in the quote's clause ("should", "must", "ought to": a
// recommendation), proposes; a sentence saying the matter is unknown, or
// possibility or future in the clause ("may", "could", "will"), hedges.
func QuoteModality(text, quote string) (graph.Modality, string) {
	why := Hedged(text, quote)
	switch {
	case why == "":
		return graph.ModalityAsserted, ""
	case researchCallRe.MatchString(text) || proposalRe.MatchString(why):
		return graph.ModalityProposed, why
	}
	return graph.ModalityHedged, why
}

// proposalRe picks, from Hedged's reason, the modals of obligation.
var proposalRe = regexp.MustCompile(`"(?:should|ought\s+to|must)"`)

// strongerModality is the modality of a claim resting on quotes of a and
// b: one quote that asserts is enough to assert (or deny), and a proposal
// is weaker than a hedge. "" is no quote yet.
func strongerModality(a, b graph.Modality) graph.Modality {
	rank := map[graph.Modality]int{"": 0, graph.ModalityProposed: 1, graph.ModalityHedged: 2, graph.ModalityNegated: 3, graph.ModalityAsserted: 3}
	if rank[b] > rank[a] {
		return b
	}
	return a
}

// hasCue reports whether a quote carries a directional cue for sign.
func hasCue(p graph.Predicate, sign graph.Sign, quote string) bool {
	switch sign {
	case graph.Increases:
		return increaseCueRe.MatchString(quote) || (p == graph.CorrelatedWith && associationCueRe.MatchString(quote))
	case graph.Decreases:
		return decreaseCueRe.MatchString(quote)
	}
	return true
}

// checkInferences applies the rules above to every claim and fills each
// edge's InferredFrom.
func (b *builder) checkInferences() error {
	src := b.claims.Source
	byID := map[string]*curation.Claim{}
	for _, cl := range b.claims.Claims {
		byID[cl.ID] = cl
	}
	edges := map[string]*graph.Edge{}
	for i := range b.doc.Edges {
		edges[b.doc.Edges[i].ID] = &b.doc.Edges[i]
	}
	for _, cl := range b.claims.Claims {
		p := graph.Predicate(cl.Predicate)
		fail := func(line int, format string, args ...any) error {
			if line == 0 {
				line = cl.Line
			}
			return &review.SourceError{File: src, Line: line, Msg: fmt.Sprintf("claim %s: ", cl.ID) + fmt.Sprintf(format, args...)}
		}
		cued := false
		given := graph.Modality(cl.Modality)
		read := graph.Modality("") // the quotes' own modality: the strongest of them
		for _, ev := range cl.Evidence {
			quote := review.NormSpace(ev.Quote)
			pi, _ := b.findPassage(quote)
			text := b.rev.Passages[pi].Text
			m, why := QuoteModality(text, quote)
			if p == graph.ConsideredFor {
				m, why = graph.ModalityAsserted, "" // the review's opinion by definition
			}
			if why != "" && (given == graph.ModalityAsserted || given == graph.ModalityNegated) {
				return fail(ev.Line, "the quote %q is hedged (%s): a hedged or future-tense sentence supports no %s claim; give the claim modality %s (or HEDGED), list the sentence under non_factual, or quote a sentence that states the fact",
					review.Shorten(quote, 80), why, given, m)
			}
			read = strongerModality(read, m)
			cued = cued || hasCue(p, graph.Sign(cl.Sign), quote)
		}
		if e := edges[fmt.Sprintf("%s.claim.%s", b.key, cl.ID)]; e != nil {
			switch {
			case given != "":
				e.Modality = given
			case cl.Negated && read == graph.ModalityAsserted:
				e.Modality = graph.ModalityNegated
			default:
				e.Modality = read
			}
			e.Negated = e.Modality == graph.ModalityNegated
		}
		if p.Signed() && cl.Origin == "stated" && !cued {
			return fail(0, "it is stated with sign %s, but no quote carries a cue for that direction; the direction is then the curator's: make it origin: inferred with a note and inferred_from naming the claims it is drawn from, or quote the sentence that states the direction", cl.Sign)
		}
		if len(cl.InferredFrom) > 0 && cl.Origin != "inferred" {
			return fail(0, "inferred_from is only for inferred claims")
		}
		e := edges[fmt.Sprintf("%s.claim.%s", b.key, cl.ID)]
		for _, from := range cl.InferredFrom {
			switch {
			case from == cl.ID:
				return fail(0, "it cannot be inferred from itself")
			case byID[from] == nil:
				return fail(0, "inferred_from names %s, which is no claim of %s", from, src)
			}
			e.InferredFrom = append(e.InferredFrom, fmt.Sprintf("%s.claim.%s", b.key, from))
		}
	}
	for _, cl := range b.claims.Claims {
		if cycle := inferenceCycle(cl.ID, byID, map[string]int{}); cycle != "" {
			return &review.SourceError{File: src, Line: cl.Line, Msg: fmt.Sprintf("claim %s: inferred_from goes round in a circle (%s)", cl.ID, cycle)}
		}
	}
	return nil
}

// inferenceCycle finds a cycle of inferred_from reachable from id, as
// "a -> b -> a", or "". state: 1 on the current walk, 2 done.
func inferenceCycle(id string, byID map[string]*curation.Claim, state map[string]int) string {
	state[id] = 1
	for _, next := range byID[id].InferredFrom {
		switch state[next] {
		case 1:
			return id + " -> " + next
		case 0:
			if c := inferenceCycle(next, byID, state); c != "" {
				return id + " -> " + c
			}
		}
	}
	state[id] = 2
	return ""
}
