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
// table (docClaims.strs), lists spans of its arrays, evidence evRecs. A
// read builds the graph.Edge with its evidence; its lists share the
// document's arrays, so, like every edge the store returns, it must not
// be modified.
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
// 480-byte structs and decoded evidence of those it serves, not of every
// claim.
type docClaims struct {
	recs     []claimRec
	built    []atomic.Pointer[graph.Edge]
	strs     []string // strs[0] is ""
	lists    []string // the claims' lists, and their evidence's, end to end
	evidence []evRec
	cited    []graph.CitationLink
}

// evRec is one graph.Evidence: its strings as indexes in docClaims.strs,
// its lists as spans. A graph.Evidence is 176 bytes of string and slice
// headers; this is 52, and the evidence was most of a claim's memory.
// A read decodes it into the graph.Edge it builds.
type evRec struct {
	quote, passage, section, sectionTitle, document uint32
	studies, citations, flagged, cited              span // cited: in docClaims.cited
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
	dc           *docClaims
	strIdx       map[string]uint32
	in           interner
	citedStudies []span // by link, in dc.cited
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
		for i := range e.Evidence {
			dc.evidence = append(dc.evidence, p.ev(&e.Evidence[i]))
		}
	}
	dc.recs = append(dc.recs, c)
	return uint32(len(dc.recs) - 1)
}

func (p *claimPacker) ev(ev *graph.Evidence) evRec {
	r := evRec{quote: p.str(ev.Quote), passage: p.str(ev.Passage), section: p.str(ev.Section),
		sectionTitle: p.str(ev.SectionTitle), document: p.str(ev.Document),
		studies: p.list(ev.Studies), citations: p.list(ev.Citations), flagged: p.list(ev.Flagged), cited: span{0, nilSpan}}
	if ev.Cited != nil {
		r.cited = span{uint32(len(p.dc.cited)), uint32(len(ev.Cited))}
		for _, l := range ev.Cited {
			l.Text, l.Kind = p.in.of(l.Text), p.in.of(l.Kind)
			// The studies as a span for now (finish makes them a slice
			// once lists stops growing): their offset, then their count.
			sp := p.list(l.Studies)
			p.citedStudies = append(p.citedStudies, sp)
			l.Studies = nil
			p.dc.cited = append(p.dc.cited, l)
		}
	}
	return r
}

// finish returns the docClaims, its arrays without the room append left.
func (p *claimPacker) finish() *docClaims {
	dc := p.dc
	dc.strs, dc.lists = slices.Clone(dc.strs), slices.Clone(dc.lists)
	dc.recs, dc.evidence, dc.cited = slices.Clone(dc.recs), slices.Clone(dc.evidence), slices.Clone(dc.cited)
	for i, sp := range p.citedStudies {
		dc.cited[i].Studies = dc.listOf(sp)
	}
	dc.built = make([]atomic.Pointer[graph.Edge], len(dc.recs))
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
// Its evidence goes in *buf when buf is not nil (a scratch edge, read
// and dropped), else in a new array.
func (dc *docClaims) fill(e *graph.Edge, c *claimRec, buf *[]graph.Evidence) {
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
		var out []graph.Evidence
		if buf != nil {
			out = slices.Grow((*buf)[:0], int(sp.n))[:sp.n]
			*buf = out
		} else {
			out = make([]graph.Evidence, sp.n)
		}
		for i, r := range dc.evidence[sp.off : sp.off+sp.n] {
			out[i] = graph.Evidence{Quote: dc.strs[r.quote], Passage: dc.strs[r.passage], Section: dc.strs[r.section],
				SectionTitle: dc.strs[r.sectionTitle], Document: dc.strs[r.document],
				Studies: dc.listOf(r.studies), Citations: dc.listOf(r.citations), Flagged: dc.listOf(r.flagged)}
			switch r.cited.n {
			case nilSpan:
			case 0:
				out[i].Cited = []graph.CitationLink{}
			default:
				out[i].Cited = dc.cited[r.cited.off : r.cited.off+r.cited.n : r.cited.off+r.cited.n]
			}
		}
		e.Evidence = out
	}
	e.Score, e.Negated, e.Hedged = c.score, c.negated, c.hedged
}
