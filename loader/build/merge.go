// Many reviews, one graph: what a review's graph holds of the shared
// entities, and the pass over all reviews of a seeds directory that makes
// a claim stated by two reviews one claim and flags two reviews that
// contradict each other.

package build

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// usedEntities is the set of lexicon entities this review's graph holds:
// those its text mentions and those its edges (claims and their
// qualifiers) name. An entity of the shared lexicon that a review never
// names is no node of that review's graph; another review that names it
// brings it in, as the same node (ids are global).
func (b *builder) usedEntities() map[string]bool {
	used := map[string]bool{}
	add := func(id string) {
		if id != "" && b.lex.Entity(id) != nil {
			used[id] = true
		}
	}
	for _, e := range b.doc.Edges {
		add(e.Subject)
		add(e.Object)
		q := e.Qualifiers
		for _, id := range append([]string{q.Disorder, q.Population, q.Location, q.Comparator}, q.CombinedWith...) {
			add(id)
		}
	}
	return used
}

// claimKey identifies the same claim in two reviews: the same subject,
// predicate, object, sign and negation, scoped to the same disorder,
// population and co-treatments (a claim about alcohol use disorder is not
// the claim about tobacco dependence).
type claimKey struct {
	subject, object, disorder, population string
	combinedWith                          string // co-treatments, sorted: ketamine with psychotherapy is not ketamine alone
	predicate                             graph.Predicate
	sign                                  graph.Sign
	negated                               bool
}

func keyOf(e *graph.Edge) claimKey {
	with := slices.Clone(e.Qualifiers.CombinedWith)
	slices.Sort(with)
	return claimKey{subject: e.Subject, object: e.Object, disorder: e.Qualifiers.Disorder, population: e.Qualifiers.Population,
		combinedWith: strings.Join(with, " "),
		predicate:    e.Predicate, sign: e.Sign, negated: e.Negated}
}

// mergeReviews joins the documents of one seeds directory into one graph:
//   - every evidence sentence names its review;
//   - a claim that a later review (in load order) states again is dropped
//     from that review's document and its sentences join the first
//     review's claim, which keeps its id: one claim, both evidences;
//   - two reviews asserting opposite signs for the same subject, predicate
//     and object (for the same disorder, or one of them for none) raise a
//     contradiction concern, owned by the later review, that names both
//     sentences and is listed on both claims.
//
// Entities need no merging: they are nodes without a document, one per
// id, whichever reviews name them. A document still loads alone (its
// edges point at its own nodes and at entities), but a merged claim holds
// sentences of both reviews, so reviews that share claims are loaded
// together.
func MergeReviews(bs []Built) {
	for _, b := range bs {
		for i := range b.Document.Edges {
			e := &b.Document.Edges[i]
			for j := range e.Evidence {
				if e.Evidence[j].Document == "" {
					e.Evidence[j].Document = e.Document
				}
			}
		}
	}
	if len(bs) < 2 {
		return
	}
	levels := map[string]int{}
	passages := map[string]graph.Node{}
	for _, b := range bs {
		for _, n := range b.Document.Nodes {
			switch n.Category {
			case graph.CategoryStudy:
				levels[n.ID] = n.EvidenceLevel
			case graph.CategoryPassage:
				passages[n.ID] = n
			}
		}
	}
	level := func(id string) int { return levels[id] }

	// One claim, both evidences.
	first := map[claimKey]*graph.Edge{}
	changed := map[*graph.Edge]bool{}
	for _, b := range bs {
		doc := b.Document
		kept := make([]graph.Edge, 0, len(doc.Edges)) // never grows past its capacity: pointers into it stay valid
		for _, e := range doc.Edges {
			if !e.Predicate.Curated() || len(e.Evidence) == 0 {
				kept = append(kept, e)
				continue
			}
			k := keyOf(&e)
			if f := first[k]; f != nil && f.Document != doc.ID {
				f.Evidence = append(f.Evidence, e.Evidence...)
				f.Concerns = append(f.Concerns, e.Concerns...)
				fillQualifiers(&f.Qualifiers, e.Qualifiers)
				changed[f] = true
				continue
			}
			kept = append(kept, e)
			if first[k] == nil {
				first[k] = &kept[len(kept)-1]
			}
		}
		doc.Edges = kept
	}

	// Contradictions: opposite signs across reviews.
	type spo struct {
		s, o string
		p    graph.Predicate
	}
	bySPO := map[spo][]*graph.Edge{}
	var order []spo
	for _, b := range bs {
		for i := range b.Document.Edges {
			e := &b.Document.Edges[i]
			if !e.Predicate.Signed() || e.Negated || len(e.Evidence) == 0 {
				continue
			}
			k := spo{e.Subject, e.Object, e.Predicate}
			if bySPO[k] == nil {
				order = append(order, k)
			}
			bySPO[k] = append(bySPO[k], e)
		}
	}
	docIndex := map[string]int{}
	for i, b := range bs {
		docIndex[b.Document.ID] = i
	}
	count := map[string]int{}
	// Added after the pass: appending to a document's edges now could
	// move them and leave es pointing at stale copies.
	addNodes, addEdges := map[int][]graph.Node{}, map[int][]graph.Edge{}
	for _, k := range order {
		es := bySPO[k]
		for i := 0; i < len(es); i++ {
			for j := i + 1; j < len(es); j++ {
				a, c := es[i], es[j]
				if a.Sign == c.Sign || a.Document == c.Document || !sameScope(a.Qualifiers.Disorder, c.Qualifiers.Disorder) {
					continue
				}
				if docIndex[a.Document] > docIndex[c.Document] {
					a, c = c, a
				}
				li := docIndex[c.Document]
				later := bs[li]
				ea, ec := a.Evidence[0], c.Evidence[0]
				pa, pc := passages[ea.Passage], passages[ec.Passage]
				msg := fmt.Sprintf("%s %s %s: %s says %s (line %d: %q), %s says %s (line %d: %q)",
					k.s, k.p, k.o, a.Document, a.Sign, pa.Line, ea.Quote, c.Document, c.Sign, pc.Line, ec.Quote)
				count[later.Document.ID]++
				id := fmt.Sprintf("%s.concern.%s-%d", later.Document.ID, graph.ConcernContradiction, count[later.Document.ID])
				addNodes[li] = append(addNodes[li], graph.Node{ID: id, Category: graph.CategoryCitationConcern,
					Biolink: graph.CategoryCitationConcern.Biolink(), Name: graph.ConcernContradiction, Kind: graph.ConcernContradiction,
					ConcernKind: graph.ConcernContradiction, Text: msg, Line: pc.Line, Document: later.Document.ID})
				addEdges[li] = append(addEdges[li], graph.Edge{ID: lexEdgeID(later.Document.ID, id, graph.Flags, ec.Passage), Subject: id, Predicate: graph.Flags,
					Object: ec.Passage, Biolink: graph.Flags.Biolink(graph.Unsigned), AgentType: graph.StructuralAgent(graph.Flags),
					KnowledgeLevel: graph.StructuralKnowledgeLevel, Document: later.Document.ID})
				later.Report.Concerns = append(later.Report.Concerns, Concern{ID: id, Kind: graph.ConcernContradiction, Message: msg,
					Passage: ec.Passage, Claim: c.ID, Line: pc.Line})
				a.Concerns = append(a.Concerns, id)
				c.Concerns = append(c.Concerns, id)
				changed[a], changed[c] = true, true
			}
		}
	}
	for e := range changed {
		slices.Sort(e.Concerns)
		e.Concerns = slices.Compact(e.Concerns)
		e.Score = graph.EdgeScore(e, level)
	}
	for i, b := range bs {
		b.Document.Nodes = append(b.Document.Nodes, addNodes[i]...)
		b.Document.Edges = append(b.Document.Edges, addEdges[i]...)
		b.Document.Sort()
		recount(b)
	}
}

// sameScope reports whether two claims' disorders leave them about the
// same thing: the same disorder, or one of them for any.
func sameScope(a, b string) bool { return a == "" || b == "" || a == b }

// fillQualifiers gives the kept claim the qualifiers only the other
// review's version states.
func fillQualifiers(q *graph.Qualifiers, o graph.Qualifiers) {
	for _, f := range []struct {
		dst *string
		src string
	}{
		{&q.Mechanism, o.Mechanism}, {&q.Aspect, o.Aspect}, {&q.TimePoint, o.TimePoint}, {&q.EffectSize, o.EffectSize},
		{&q.Comparator, o.Comparator}, {&q.Location, o.Location},
	} {
		if *f.dst == "" {
			*f.dst = f.src
		}
	}
}

// recount refreshes a report's counts after merging changed its document.
func recount(b Built) {
	cats, preds := map[string]int{}, map[string]int{}
	for _, n := range b.Document.Nodes {
		cats[string(n.Category)]++
	}
	for _, e := range b.Document.Edges {
		preds[string(e.Predicate)]++
	}
	r := b.Report
	r.Nodes, r.Edges = len(b.Document.Nodes), len(b.Document.Edges)
	r.ByCategory, r.ByPredicate = graph.Counts(cats), graph.Counts(preds)
	sort.Slice(r.Concerns, func(i, j int) bool { return r.Concerns[i].ID < r.Concerns[j].ID })
}
