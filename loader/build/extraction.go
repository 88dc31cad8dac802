// Extraction in the build: the rules of loader/extract read every review,
// curated or not, and what they find joins the graph below curation.

package build

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/loader/curation"
	"github.com/kapgraph/kapgraph/loader/review"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/loader/extract"
)

// Values of graph.Edge.Curation.
const (
	CurationConfirmed  = "confirmed"
	CurationCorrected  = "corrected"
	CurationAdded      = "added"
	CurationUnreviewed = "unreviewed"
)

// Extract runs the extraction rules over a parsed review with the lexicon
// (nil: proposals only). The build and `kapgraph draft` both call it, so a
// draft proposes exactly what the build would add. open reads a review
// nobody curated (no claims file): the embedded vocabularies and the
// noun-phrase chunker name its entities (extract.ExtractOpen); a curated
// review keeps the lexicon and patterns alone, so that its graph stays
// what its curators wrote.
func Extract(rev *review.Review, lex *curation.Lexicon, open bool) extract.Result {
	var entries []extract.LexEntry
	if lex != nil {
		for _, e := range lex.Entities {
			entries = append(entries, extract.LexEntry{ID: e.ID, Category: graph.Category(e.Category), Name: e.Name, Synonyms: e.Synonyms})
		}
	}
	if open {
		return extract.ExtractOpen(entries, Sentences(rev))
	}
	return extract.Extract(entries, Sentences(rev))
}

// Sentences gives the engine each passage with its section title
// and the reference numbers it cites (author-year citations resolved).
func Sentences(rev *review.Review) []extract.Sentence {
	cites := map[int][]int{}
	for _, c := range rev.Citations {
		cites[c.Passage] = append(cites[c.Passage], c.Numbers...)
		if c.Kind != review.KindNumeric {
			if n, ok := rev.MatchAuthorYear(c); ok {
				cites[c.Passage] = append(cites[c.Passage], n)
			}
		}
	}
	out := make([]extract.Sentence, 0, len(rev.Passages))
	for _, p := range rev.Passages {
		ns := cites[p.Index]
		slices.Sort(ns)
		out = append(out, extract.Sentence{Index: p.Index, Line: p.Line, Text: p.Text, Section: rev.Sections[p.Section].Title, Citations: slices.Compact(ns)})
	}
	return out
}

// extracted is one extracted claim being built: candidates from several
// sentences on the same triple, sign and negation merge into one edge.
type extracted struct {
	edge    graph.Edge
	hedged  bool // every sentence hedges
	cues    []string
	dose    string   // the dose the first sentence gives (no edge qualifier holds one)
	classes []string // the drug classes a sentence lists the subject under
}

func tripleKey(s string, p graph.Predicate, o string) string {
	return s + "\x00" + string(p) + "\x00" + o
}

// extraction adds the proposed entities, their MENTIONS edges and the
// extracted claims, and marks each curated claim confirmed, corrected or
// added. It runs after claimEdges, so curation is known.
func (b *builder) extraction() error {
	res := Extract(b.rev, b.lex, b.claims == nil)
	// Proposed entities become nodes, mentioned where found.
	seenNode := map[string]bool{}
	for _, m := range res.Mentions {
		if !m.Proposed || b.lex.Entity(m.ID) != nil {
			continue // a lexicon entity (an accepted proposal too) is a node already
		}
		if !seenNode[m.ID] {
			seenNode[m.ID] = true
			name := res.Proposed[m.ID]
			if name == "" {
				name = m.Surface
			}
			desc := fmt.Sprintf("Proposed by the extraction rules (pattern %q) from the review's text; no ontology id yet: a curator maps it in the lexicon.", m.Pattern)
			if !strings.HasPrefix(m.ID, extract.ProposedPrefix) {
				desc = fmt.Sprintf("Named in the review's text (as %q) and found in an embedded vocabulary, which gives the id; not curated.", m.Surface)
			}
			b.node(graph.Node{ID: m.ID, Category: m.Category, Name: name, Description: desc})
		}
		b.lexEdge(b.passages[m.Sentence], graph.Mentions, m.ID)
		b.rep.Mentions++
	}
	// Curated claims by triple.
	curated := map[string][]int{}
	for i := range b.doc.Edges {
		e := &b.doc.Edges[i]
		if e.AgentType == "manual_agent" && e.Predicate.Curated() {
			e.Curation = CurationAdded
			curated[tripleKey(e.Subject, e.Predicate, e.Object)] = append(curated[tripleKey(e.Subject, e.Predicate, e.Object)], i)
		}
	}
	var rejections []*curation.Rejection
	if b.claims != nil {
		rejections = b.claims.Rejected
	}
	used := make([]bool, len(rejections))
	byKey := map[string]*extracted{}
	var order []string
	for _, c := range res.Candidates {
		mod := c.Modality
		if mod == "" {
			mod = graph.ModalityOf(c.Negated, c.Hedged, false)
		}
		negated := mod == graph.ModalityNegated
		rejected := false
		for i, r := range rejections {
			if r.Matches(c) {
				used[i], rejected = true, true
			}
		}
		if rejected {
			b.rep.Rejected++
			continue
		}
		if idx := curated[tripleKey(c.Subject, c.Predicate, c.Object)]; len(idx) > 0 {
			for _, i := range idx {
				e := &b.doc.Edges[i]
				if e.Sign == c.Sign && e.Negated == negated {
					e.Curation = CurationConfirmed
				} else if e.Curation != CurationConfirmed {
					e.Curation = CurationCorrected
				}
			}
			continue
		}
		key := fmt.Sprintf("%s\x00%s\x00%t", tripleKey(c.Subject, c.Predicate, c.Object), c.Sign, negated)
		if mod == graph.ModalityProposed {
			key += "\x00" + string(mod) // a proposal is another claim than the finding; a hedge merges with it
		}
		x := byKey[key]
		if x == nil {
			h := sha1.Sum([]byte(key))
			x = &extracted{hedged: true, edge: graph.Edge{
				ID: b.key + ".extracted." + hex.EncodeToString(h[:8]), Subject: c.Subject, Predicate: c.Predicate, Object: c.Object,
				Biolink: c.Predicate.Biolink(c.Sign), Sign: c.Sign, Negated: negated, Modality: mod, Origin: graph.OriginExtracted,
				AgentType: "text_mining_agent", Curation: CurationUnreviewed, Document: b.key,
				Qualifiers: graph.Qualifiers{Population: c.Qualifiers.Population, Comparator: c.Qualifiers.Comparator, TimePoint: c.Qualifiers.Time},
			}, dose: c.Qualifiers.Dose}
			byKey[key] = x
			order = append(order, key)
		}
		x.hedged = x.hedged && (c.Hedged || mod == graph.ModalityHedged)
		if c.Class != "" && !slices.Contains(x.classes, c.Class) {
			x.classes = append(x.classes, c.Class)
		}
		if !slices.Contains(x.cues, c.Cue) && c.Cue != "" {
			x.cues = append(x.cues, c.Cue)
		}
		pid := b.passages[c.Sentence]
		if !slices.ContainsFunc(x.edge.Evidence, func(ev graph.Evidence) bool { return ev.Passage == pid }) {
			x.edge.Evidence = append(x.edge.Evidence, b.sentenceEvidence(c.Sentence))
		}
	}
	for i, r := range rejections {
		if !used[i] {
			return &review.SourceError{File: b.claims.Source, Line: r.Line, Msg: fmt.Sprintf("rejected %s %s %s matches no extracted candidate of %s; remove it",
				r.Subject, r.Predicate, r.Object, b.rev.Source)}
		}
	}
	for _, k := range order {
		x := byKey[k]
		e := x.edge
		e.Hedged = x.hedged
		if e.Modality != graph.ModalityProposed {
			e.Modality = graph.ModalityOf(e.Negated, e.Hedged, false)
		}
		e.KnowledgeLevel = "knowledge_assertion"
		if e.Hedged {
			e.KnowledgeLevel = "prediction" // the text proposes it, it does not assert it
		}
		e.Note = "Extracted by rule, cue " + strings.Join(QuoteAll(x.cues), ", ")
		if x.dose != "" {
			e.Note += "; dose " + x.dose
		}
		if len(x.classes) > 0 {
			e.Note += "; the sentence lists the subject as a member of " + strings.Join(QuoteAll(x.classes), ", ")
		}
		switch {
		case e.Negated && e.Hedged:
			e.Note += "; the sentence negates and hedges it"
		case e.Negated:
			e.Note += "; the sentence negates it"
		case e.Hedged:
			e.Note += "; the sentence hedges it"
		}
		b.doc.Edges = append(b.doc.Edges, e)
		b.rep.Extracted++
	}
	for _, e := range b.doc.Edges {
		switch e.Curation {
		case CurationConfirmed:
			b.rep.Confirmed++
		case CurationCorrected:
			b.rep.Corrected++
		}
	}
	return nil
}

func QuoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// sentenceEvidence is the evidence of passage pi with the sentence's own
// citations, as a curated claim without `cites:` gets it.
func (b *builder) sentenceEvidence(pi int) graph.Evidence {
	ps := b.rev.Passages[pi]
	evd := graph.Evidence{Quote: ps.Text, Passage: b.passages[pi], Section: b.sections[ps.Section], SectionTitle: b.rev.Sections[ps.Section].Title, Document: b.key}
	for _, c := range b.rev.Citations {
		if c.Passage != pi {
			continue
		}
		evd.Citations = append(evd.Citations, c.Text)
		for _, n := range c.Numbers {
			evd.Studies = append(evd.Studies, b.studyIDs[n])
		}
		if c.Kind == review.KindAuthorYear {
			if n, ok := b.rev.MatchAuthorYear(c); ok {
				evd.Studies = append(evd.Studies, b.studyIDs[n])
			}
		}
	}
	slices.Sort(evd.Studies)
	evd.Studies = slices.Compact(evd.Studies)
	return evd
}
