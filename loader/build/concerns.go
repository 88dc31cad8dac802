// Citation concerns: recording one, and the rules over the whole review
// (uncited references and findings) and over each claim's evidence
// (cited studies about another drug or disorder, a review cited for a
// trial).

package build

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/loader/curation"
	"github.com/kapgraph/kapgraph/loader/review"

	"github.com/kapgraph/kapgraph/graph"
)

// concern records a citation concern and returns its id. A fault is
// recorded once: a mismatch once per claim and study, a sentence-level
// fault once per sentence and study, however many claims rest on it.
func (b *builder) concern(kind, msg, passage, study, claim string, line int) string {
	key := kind + "\x00" + study + "\x00" + passage
	if kind == graph.ConcernDrugMismatch || kind == graph.ConcernDisorderMismatch {
		key += "\x00" + claim
	}
	if id, ok := b.concernKeys[key]; ok && passage+study != "" {
		return id
	}
	b.concernCount[kind]++
	id := fmt.Sprintf("%s.concern.%s-%d", b.key, kind, b.concernCount[kind])
	b.node(graph.Node{ID: id, Category: graph.CategoryCitationConcern, Name: kind, Kind: kind, ConcernKind: kind, Text: msg, Line: line, Document: b.key})
	if passage != "" {
		b.lexEdge(id, graph.Flags, passage)
	}
	if study != "" {
		b.lexEdge(id, graph.Flags, study)
	}
	b.concernKeys[key] = id
	b.rep.Concerns = append(b.rep.Concerns, Concern{ID: id, Kind: kind, Message: msg, Passage: passage, Study: study, Claim: claim, Line: line})
	return id
}

func (b *builder) uncitedReferences() {
	cited := map[string]bool{}
	for _, e := range b.doc.Edges {
		if e.Predicate == graph.Cites {
			cited[e.Object] = true
		}
	}
	for _, ref := range b.rev.References {
		if id := b.studyIDs[ref.Number]; !cited[id] {
			b.concern(graph.ConcernUncitedReference, fmt.Sprintf("reference %d (%s) is never cited in the text", ref.Number, studyLabel(ref)), "", id, "", ref.Line)
		}
	}
}

// uncitedFindings flags sentences that report research findings without
// citing anything: by their structure (reportsFinding), or because a curator marked a claim on the
// sentence as a single study's observation.
func (b *builder) uncitedFindings() {
	hasCitation := map[int]bool{}
	for _, c := range b.rev.Citations {
		hasCitation[c.Passage] = true
	}
	observed := map[int]bool{}
	if b.claims != nil {
		for _, cl := range b.claims.Claims {
			if cl.KnowledgeLevel != "observation" {
				continue
			}
			for _, ev := range cl.Evidence {
				if i, ok := b.findPassage(ev.Quote); ok {
					observed[i] = true
				}
			}
		}
	}
	for i, p := range b.rev.Passages {
		if hasCitation[i] || !(reportsFinding(p.Text, p.ListItem) || observed[i]) {
			continue
		}
		b.concern(graph.ConcernUncitedFinding, fmt.Sprintf("a finding is stated with no citation: %q", review.Shorten(p.Text, 120)), b.passages[i], "", "", p.Line)
	}
}

// aboutTopics are the categories a study's title links it to (ABOUT):
// what the study is about, as the drug- and disorder-mismatch concerns
// read it, and in whom.
var aboutTopics = []graph.Category{graph.CategoryDrug, graph.CategoryDisorder, graph.CategoryPopulation}

// studyTopics links each cited study to the lexicon's drugs, disorders
// and populations its title names: the reading topicConcerns checks
// claims against, shown in the graph rather than only in a concern.
func (b *builder) studyTopics() {
	for _, ref := range b.rev.References {
		sid := b.studyIDs[ref.Number]
		for _, id := range b.matcher.Find(ref.Title) {
			if e := b.lex.Entity(id); e != nil && slices.Contains(aboutTopics, graph.Category(e.Category)) {
				b.lexEdge(sid, graph.About, id)
			}
		}
	}
}

// topicConcerns applies the claim-level rules to one piece of evidence.
func (b *builder) topicConcerns(cl *curation.Claim, claimID, pid string, ps review.Passage, studies []string) []string {
	var out []string
	claimDrugs, claimDisorders := b.claimTopics(cl)
	for _, sid := range studies {
		st := b.studies[sid]
		titleEntities := b.matcher.Find(st.Title)
		var drugs, disorders []string
		for _, id := range titleEntities {
			switch graph.Category(b.lex.Entity(id).Category) {
			case graph.CategoryDrug:
				drugs = append(drugs, id)
			case graph.CategoryDisorder:
				disorders = append(disorders, id)
			}
		}
		if len(claimDrugs) > 0 && len(drugs) > 0 && !overlaps(claimDrugs, drugs, nil) {
			out = append(out, b.concern(graph.ConcernDrugMismatch, fmt.Sprintf("claim %s is about %s, but the study it cites (%s) is about %s",
				cl.ID, b.names(claimDrugs), st.Name, b.names(drugs)), pid, sid, claimID, ps.Line))
		}
		if len(claimDisorders) > 0 && len(disorders) > 0 && !overlaps(claimDisorders, disorders, b.related) {
			out = append(out, b.concern(graph.ConcernDisorderMismatch, fmt.Sprintf("claim %s is about %s, but the study it cites (%s) is about %s",
				cl.ID, b.names(claimDisorders), st.Name, b.names(disorders)), pid, sid, claimID, ps.Line))
		}
		if trialWords.MatchString(ps.Text) && graph.IsReviewDesign(st.Design) {
			out = append(out, b.concern(graph.ConcernTrialCitesReview, fmt.Sprintf("the sentence reports a trial, but its citation (%s) is a %s", st.Name, st.Design),
				pid, sid, claimID, ps.Line))
		}
	}
	return out
}

func (b *builder) claimTopics(cl *curation.Claim) (drugs, disorders []string) {
	for _, id := range append([]string{cl.Subject, cl.Object, cl.Qualifiers.Disorder}, cl.Qualifiers.CombinedWith...) {
		e := b.lex.Entity(id)
		if e == nil {
			continue
		}
		switch graph.Category(e.Category) {
		case graph.CategoryDrug:
			drugs = append(drugs, id)
		case graph.CategoryDisorder:
			disorders = append(disorders, id)
		}
	}
	return drugs, disorders
}

// related reports whether two entities are the same or one is (through
// broader links) a kind of the other.
func (b *builder) related(x, y string) bool {
	return x == y || b.isA(x, y, 0) || b.isA(y, x, 0)
}

func (b *builder) isA(x, y string, depth int) bool {
	e := b.lex.Entity(x)
	if e == nil || depth > 10 {
		return false
	}
	for _, p := range e.Broader {
		if p == y || b.isA(p, y, depth+1) {
			return true
		}
	}
	return false
}

func overlaps(a, b []string, rel func(x, y string) bool) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y || (rel != nil && rel(x, y)) {
				return true
			}
		}
	}
	return false
}

func (b *builder) names(ids []string) string {
	var ns []string
	for _, id := range ids {
		ns = append(ns, b.lex.Entity(id).Name)
	}
	return strings.Join(ns, ", ")
}
