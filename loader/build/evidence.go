// What a claim's evidence cites, and which citation concerns reach it.
//
// A sentence's citations are kept whole: every in-text citation, resolved
// or not, is listed with the references it resolved to, whatever subset of
// them the curator counts for the claim. Concerns are attached after every
// rule has run (uncited findings are found last), so that each concern
// reaches every claim resting on the sentence or reference it flags.

package build

import (
	"fmt"
	"slices"

	"github.com/kapgraph/kapgraph/loader/curation"
	"github.com/kapgraph/kapgraph/loader/review"

	"github.com/kapgraph/kapgraph/graph"
)

// evidenceCitations resolves the citations of sentence pi for one piece
// of a claim's evidence: the studies the claim counts (the curator's cites
// when given, else every resolved citation), the citations as written, and
// the links of every citation to the references it resolved to. A curator
// may count only references the sentence actually cites.
func (b *builder) evidenceCitations(cl *curation.Claim, ev *curation.ClaimQuote, pi, line int) (studies, texts []string, links []graph.CitationLink, err error) {
	carried := map[int]bool{}
	type resolved struct {
		c    review.Citation
		nums []int
	}
	var cs []resolved
	for _, c := range b.rev.Citations {
		if c.Passage != pi {
			continue
		}
		nums := slices.Clone(c.Numbers)
		if c.Kind == review.KindAuthorYear {
			if n, ok := b.rev.MatchAuthorYear(c); ok {
				nums = append(nums, n)
			}
		}
		for _, n := range nums {
			carried[n] = true
		}
		cs = append(cs, resolved{c, nums})
	}
	counted := map[int]bool{}
	if ev.Cites != nil {
		for _, n := range *ev.Cites {
			sid, ok := b.studyIDs[n]
			switch {
			case !ok:
				return nil, nil, nil, &review.SourceError{File: b.claims.Source, Line: line, Msg: fmt.Sprintf("claim %s cites reference %d, but %s has no reference %d", cl.ID, n, b.rev.Source, n)}
			case !carried[n]:
				return nil, nil, nil, &review.SourceError{File: b.claims.Source, Line: line, Msg: fmt.Sprintf("claim %s cites reference %d, but its sentence does not cite it (%s)", cl.ID, n, citedList(carried))}
			}
			counted[n] = true
			studies = append(studies, sid)
		}
	} else {
		for n := range carried {
			counted[n] = true
			studies = append(studies, b.studyIDs[n])
		}
	}
	for _, r := range cs {
		link := graph.CitationLink{Text: r.c.Text, Kind: r.c.Kind}
		for _, n := range r.nums {
			link.Studies = append(link.Studies, b.studyIDs[n])
			link.Counted = link.Counted || counted[n]
		}
		texts = append(texts, r.c.Text)
		links = append(links, link)
	}
	slices.Sort(studies)
	return slices.Compact(studies), texts, links, nil
}

func citedList(carried map[int]bool) string {
	if len(carried) == 0 {
		return "it cites no reference"
	}
	var ns []int
	for n := range carried {
		ns = append(ns, n)
	}
	slices.Sort(ns)
	return fmt.Sprintf("it cites %v", ns)
}

// ClaimSpecific reports whether a concern kind is about one claim (the
// claim's topic against the study's) rather than about the sentence.
func ClaimSpecific(kind string) bool {
	return kind == graph.ConcernDrugMismatch || kind == graph.ConcernDisorderMismatch
}

// flagsStudy reports whether a concern kind says the study does not fit
// the claim it is cited for, so that the score counts it as weakest.
func flagsStudy(kind string) bool {
	return ClaimSpecific(kind) || kind == graph.ConcernTrialCitesReview
}

// concernsOnClaims gives every curated claim every concern that reaches
// it, once each:
//   - a drug or disorder mismatch, only the claim it was raised for;
//   - a concern on a sentence and a study (a review cited for a trial),
//     every claim whose evidence on that sentence counts that study;
//   - a concern on a sentence alone (a missing reference, an uncited
//     finding), every claim with evidence on that sentence;
//   - a concern on a study alone, every claim that counts the study.
//
// A study flagged for a claim is recorded in that evidence's Flagged, which
// EdgeScore reads.
func (b *builder) concernsOnClaims() {
	reached := map[string][]string{}
	defer func() {
		for i := range b.doc.Nodes {
			if n := &b.doc.Nodes[i]; n.Category == graph.CategoryCitationConcern {
				n.Claims = reached[n.ID]
			}
		}
	}()
	for i := range b.doc.Edges {
		e := &b.doc.Edges[i]
		if !e.Predicate.Curated() || len(e.Evidence) == 0 {
			continue
		}
		for _, c := range b.rep.Concerns {
			if ClaimSpecific(c.Kind) && c.Claim != e.ID {
				continue
			}
			hit := false
			for j := range e.Evidence {
				ev := &e.Evidence[j]
				onPassage := c.Passage == "" || ev.Passage == c.Passage
				onStudy := c.Study == "" || slices.Contains(ev.Studies, c.Study)
				if !onPassage || !onStudy || (c.Passage == "" && c.Study == "") {
					continue
				}
				hit = true
				if c.Study != "" && flagsStudy(c.Kind) && !slices.Contains(ev.Flagged, c.Study) {
					ev.Flagged = append(ev.Flagged, c.Study)
					slices.Sort(ev.Flagged)
				}
			}
			if hit {
				e.Concerns = append(e.Concerns, c.ID)
				reached[c.ID] = append(reached[c.ID], e.ID)
			}
		}
		slices.Sort(e.Concerns)
		e.Concerns = slices.Compact(e.Concerns)
	}
}
