package memory

import (
	"slices"
	"sync/atomic"

	"github.com/kapgraph/kapgraph/graph"
)

// claimRec is an edge that is not plain (plainEdge): a claim, in practice.
// It keeps the fields of graph.Edge that neither its shape (predicate,
// Biolink class, knowledge level, agent type, document) nor its edgeRec
// (ends, id) holds. A graph.Edge kept whole was 480 bytes, most of them
// empty strings, and its evidence was the loader's, with the room append
// left and an allocation per list: at 1M nodes the claims and their
// evidence were 140 MB. Short strings are indexes in the document's
// table (docClaims.strs), lists spans of its arrays. A read builds the
// graph.Edge; its evidence and lists share the document's arrays, so,
// like every edge the store returns, it must not be modified.
type claimRec struct {
	// The id is shape.ids[idOff:idOff+idLen&^ownID], after shape.docID
	// when idLen has ownID set, as a plain edge's.
	idOff, idLen uint32
	strs         [len(claimStrFields)]uint32 // in docClaims.strs
	lists        [len(claimListFields)]span  // in docClaims.lists
	evidence     span                        // in docClaims.evidence
	score        float64
	negated      bool
	hedged       bool
}

// span is a run of an array; n is nilSpan for a nil list.
type span struct{ off, n uint32 }

const nilSpan = 1<<32 - 1

// docClaims holds the claims of one document and the arrays they index.
// built keeps the graph.Edge of each claim a reader has asked for, made
// on the first read: a path search walks the same causal claims question
// after question, and building them at every step tripled its CPU time
// (BenchmarkMechanismPaths/100k, 0.33 -> 1.1 ms), most of it allocation
// and collection. Only the claims read are built, so a server holds the
// 480-byte structs of those it serves, not of every claim; their
// evidence is the document's in either case.
type docClaims struct {
	recs     []claimRec
	built    []atomic.Pointer[graph.Edge]
	strs     []string // strs[0] is ""
	lists    []string // the claims' lists, and their evidence's, end to end
	evidence []graph.Evidence
	cited    []graph.CitationLink
}

// The string fields and the lists of a claim that its claimRec keeps.
var (
	claimStrFields = [...]func(*graph.Edge) *string{
		func(e *graph.Edge) *string { return (*string)(&e.Sign) },
		func(e *graph.Edge) *string { return (*string)(&e.Modality) },
		func(e *graph.Edge) *string { return &e.Origin },
		func(e *graph.Edge) *string { return &e.Curation },
		func(e *graph.Edge) *string { return &e.Note },
		func(e *graph.Edge) *string { return &e.Qualifiers.Mechanism },
		func(e *graph.Edge) *string { return &e.Qualifiers.Aspect },
		func(e *graph.Edge) *string { return &e.Qualifiers.TimePoint },
		func(e *graph.Edge) *string { return &e.Qualifiers.EffectSize },
		func(e *graph.Edge) *string { return &e.Qualifiers.Comparator },
		func(e *graph.Edge) *string { return &e.Qualifiers.Disorder },
		func(e *graph.Edge) *string { return &e.Qualifiers.Population },
		func(e *graph.Edge) *string { return &e.Qualifiers.Location },
	}
	claimListFields = [...]func(*graph.Edge) *[]string{
		func(e *graph.Edge) *[]string { return &e.Concerns },
		func(e *graph.Edge) *[]string { return &e.InferredFrom },
		func(e *graph.Edge) *[]string { return &e.Qualifiers.CombinedWith },
	}
)

// claimPacker builds a document's docClaims.
type claimPacker struct {
	dc     *docClaims
	strIdx map[string]uint32
	in     interner
}

func newClaimPacker(n int, in interner) *claimPacker {
	return &claimPacker{dc: &docClaims{recs: make([]claimRec, 0, n), strs: []string{""}}, strIdx: map[string]uint32{"": 0}, in: in}
}

func (p *claimPacker) str(s string) uint32 {
	i, ok := p.strIdx[s]
	if !ok {
		i = uint32(len(p.dc.strs))
		p.dc.strs = append(p.dc.strs, p.in.of(s))
		p.strIdx[s] = i
	}
	return i
}

// list appends l to the lists, each string interned.
func (p *claimPacker) list(l []string) span {
	if l == nil {
		return span{0, nilSpan}
	}
	sp := span{uint32(len(p.dc.lists)), uint32(len(l))}
	for _, s := range l {
		p.dc.lists = append(p.dc.lists, p.in.of(s))
	}
	return sp
}

// add packs e, whose id is at (idOff, idLen) in the shape's ids, and
// returns its index in recs.
func (p *claimPacker) add(e *graph.Edge, idOff, idLen uint32) uint32 {
	dc := p.dc
	c := claimRec{idOff: idOff, idLen: idLen, score: e.Score, negated: e.Negated, hedged: e.Hedged}
	for i, f := range claimStrFields {
		c.strs[i] = p.str(*f(e))
	}
	for i, f := range claimListFields {
		c.lists[i] = p.list(*f(e))
	}
	if e.Evidence == nil {
		c.evidence = span{0, nilSpan}
	} else {
		c.evidence = span{uint32(len(dc.evidence)), uint32(len(e.Evidence))}
		for _, ev := range e.Evidence {
			ev.Quote, ev.Passage, ev.Section = p.in.of(ev.Quote), p.in.of(ev.Passage), p.in.of(ev.Section)
			ev.SectionTitle, ev.Document = p.in.of(ev.SectionTitle), p.in.of(ev.Document)
			// The lists for now as spans; finish makes them slices once
			// the arrays stop growing.
			dc.evidence = append(dc.evidence, ev)
		}
	}
	dc.recs = append(dc.recs, c)
	return uint32(len(dc.recs) - 1)
}

// finish copies the evidence's lists into the document's arrays and
// returns the docClaims, its arrays without the room append left.
func (p *claimPacker) finish() *docClaims {
	dc := p.dc
	type evLists struct{ studies, citations, flagged span }
	spans := make([]evLists, len(dc.evidence))
	var citedStudies []span // by link, in dc.cited
	citedAt := make([]span, len(dc.evidence))
	for i := range dc.evidence {
		ev := &dc.evidence[i]
		spans[i] = evLists{p.list(ev.Studies), p.list(ev.Citations), p.list(ev.Flagged)}
		if ev.Cited == nil {
			citedAt[i] = span{0, nilSpan}
			continue
		}
		citedAt[i] = span{uint32(len(dc.cited)), uint32(len(ev.Cited))}
		for _, l := range ev.Cited {
			citedStudies = append(citedStudies, p.list(l.Studies))
			l.Text, l.Kind, l.Studies = p.in.of(l.Text), p.in.of(l.Kind), nil
			dc.cited = append(dc.cited, l)
		}
	}
	dc.strs, dc.lists = slices.Clone(dc.strs), slices.Clone(dc.lists)
	dc.recs, dc.evidence, dc.cited = slices.Clone(dc.recs), slices.Clone(dc.evidence), slices.Clone(dc.cited)
	dc.built = make([]atomic.Pointer[graph.Edge], len(dc.recs))
	for i, sp := range citedStudies {
		dc.cited[i].Studies = dc.listOf(sp)
	}
	for i := range dc.evidence {
		ev := &dc.evidence[i]
		ev.Studies, ev.Citations, ev.Flagged = dc.listOf(spans[i].studies), dc.listOf(spans[i].citations), dc.listOf(spans[i].flagged)
		if sp := citedAt[i]; sp.n == nilSpan {
			ev.Cited = nil
		} else {
			ev.Cited = dc.cited[sp.off : sp.off+sp.n : sp.off+sp.n]
		}
	}
	return dc
}

// listOf is the list sp spans, nil for nilSpan and empty, not nil, for
// an empty one.
func (dc *docClaims) listOf(sp span) []string {
	switch sp.n {
	case nilSpan:
		return nil
	case 0:
		return []string{}
	}
	return dc.lists[sp.off : sp.off+sp.n : sp.off+sp.n]
}

// fill sets in e the fields of claim c that the shape and ends do not.
func (dc *docClaims) fill(e *graph.Edge, c *claimRec) {
	for i, f := range claimStrFields {
		*f(e) = dc.strs[c.strs[i]]
	}
	for i, f := range claimListFields {
		*f(e) = dc.listOf(c.lists[i])
	}
	switch sp := c.evidence; sp.n {
	case nilSpan:
	case 0:
		e.Evidence = []graph.Evidence{}
	default:
		e.Evidence = dc.evidence[sp.off : sp.off+sp.n : sp.off+sp.n]
	}
	e.Score, e.Negated, e.Hedged = c.score, c.negated, c.hedged
}
