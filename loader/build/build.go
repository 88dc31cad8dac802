package build

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/kapgraph/kapgraph/loader/curation"
	"github.com/kapgraph/kapgraph/loader/review"

	"github.com/kapgraph/kapgraph/graph"
)

// Concern is one citation problem found in a review.
type Concern struct {
	ID      string `json:"id"`
	Kind    string `json:"kind"`
	Message string `json:"message"`
	Passage string `json:"passage,omitempty"`
	Study   string `json:"study,omitempty"`
	Claim   string `json:"claim,omitempty"`
	Line    int    `json:"line"`
}

// Report summarises a build for `kapgraph validate`.
type Report struct {
	Document    string        `json:"document"`
	Source      string        `json:"source"`
	Title       string        `json:"title"`
	Nodes       int           `json:"nodes"`
	Edges       int           `json:"edges"`
	ByCategory  []graph.Count `json:"byCategory"`
	ByPredicate []graph.Count `json:"byPredicate"`
	Sections    int           `json:"sections"`
	Passages    int           `json:"passages"`
	References  int           `json:"references"`
	Citations   int           `json:"citations"`
	Claims      int           `json:"claims"`
	Stated      int           `json:"stated"`
	Inferred    int           `json:"inferred"`
	Mentions    int           `json:"mentions"`
	// Extracted counts the extracted claims the graph keeps; Confirmed
	// and Corrected the curated claims that met a candidate; Rejected
	// the candidates the claims file refused.
	Extracted int             `json:"extracted"`
	Confirmed int             `json:"confirmed"`
	Corrected int             `json:"corrected"`
	Rejected  int             `json:"rejected"`
	Concerns  []Concern       `json:"concerns"`
	Studies   []StudySummary  `json:"studies"`
	Uncovered []UncoveredLine `json:"uncovered,omitempty"`
	// Article is what the reader got from the file: title, references,
	// top-level sections, citations and how many reach a reference, and
	// the reader's warnings. It judges a reader on a new article.
	Article review.Summary `json:"article"`
}

// StudySummary is one reference with its assigned design.
type StudySummary struct {
	ID     string `json:"id"`
	Number int    `json:"number"`
	Label  string `json:"label"`
	Design string `json:"design"`
	Level  int    `json:"evidenceLevel"`
	Basis  string `json:"basis"`
}

// UncoveredLine is a sentence of a covered section with no claim and no
// non-factual entry.
type UncoveredLine struct {
	Line int    `json:"line"`
	Text string `json:"text"`
}

// builder holds the state of one Build.
type builder struct {
	rev          *review.Review
	lex          *curation.Lexicon
	claims       *curation.Claims
	doc          *graph.Document
	rep          *Report
	key          string // document id, also the prefix of its node ids
	studyIDs     map[int]string
	studies      map[string]*graph.Node
	passages     []string // passage index -> id
	sections     []string // section index -> id
	edgeSeen     map[string]bool
	concernCount map[string]int
	concernKeys  map[string]string
	matcher      *curation.MentionMatcher
}

// Build turns a parsed review, the lexicon and the review's claims (lex
// and claims may be nil) into one graph document. It fails, naming the
// file and line, on anything it cannot resolve; nothing is half-built.
func Build(rev *review.Review, lex *curation.Lexicon, claims *curation.Claims) (*graph.Document, *Report, error) {
	b := &builder{
		rev: rev, lex: lex, claims: claims,
		studyIDs: map[int]string{}, studies: map[string]*graph.Node{},
		edgeSeen:     map[string]bool{},
		concernCount: map[string]int{}, concernKeys: map[string]string{},
	}
	b.key = "KAP:" + reviewSlug(rev)
	b.doc = &graph.Document{ID: b.key}
	b.rep = &Report{Document: b.key, Source: rev.Source, Title: rev.Title, Article: review.Summarize(rev)}
	b.rep.Article.Source = "" // the report's own source says it
	b.matcher = curation.NewMentionMatcher(lex)
	b.review()
	b.sectionsAndPassages()
	b.references()
	b.citations()
	b.mentions()
	if lex != nil {
		b.studyTopics()
	}
	if claims != nil {
		if err := b.claimEdges(); err != nil {
			return nil, nil, err
		}
		if err := b.checkInferences(); err != nil {
			return nil, nil, err
		}
		if err := b.coverage(); err != nil {
			return nil, nil, err
		}
	}
	if err := b.extraction(); err != nil {
		return nil, nil, err
	}
	if lex != nil {
		b.entities() // after every edge (curated and extracted), to keep only the entities they touch
	}
	b.uncitedFindings()
	b.uncitedReferences()
	b.concernsOnClaims()
	b.finish()
	if err := b.doc.Validate(nil); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", rev.Source, err)
	}
	return b.doc, b.rep, nil
}

func (b *builder) node(n graph.Node) {
	if n.Biolink == "" {
		n.Biolink = n.Category.Biolink()
	}
	b.doc.Nodes = append(b.doc.Nodes, n)
}

// lexEdge adds a structural edge once; its id hashes its ends so the same
// input always gives the same id.
func (b *builder) lexEdge(subj string, p graph.Predicate, obj string) {
	b.lexEdgeBy(subj, p, obj, graph.StructuralAgent(p))
}

// lexEdgeBy is lexEdge with an agent other than the type's rule (a
// subsection's nesting, graph.SubsectionAgent).
func (b *builder) lexEdgeBy(subj string, p graph.Predicate, obj, agent string) {
	id := lexEdgeID(b.key, subj, p, obj)
	if b.edgeSeen[id] {
		return
	}
	b.edgeSeen[id] = true
	b.doc.Edges = append(b.doc.Edges, graph.Edge{
		ID: id, Subject: subj, Predicate: p, Object: obj, Biolink: p.Biolink(graph.Unsigned),
		AgentType: agent, KnowledgeLevel: graph.StructuralKnowledgeLevel, Document: b.key,
	})
}

// lexEdgeID is the id of a structural edge of document key.
func lexEdgeID(key, subj string, p graph.Predicate, obj string) string {
	return graph.StructuralEdgeID(key, subj, p, obj)
}

func (b *builder) review() {
	r := b.rev
	b.node(graph.Node{
		ID: b.key, Category: graph.CategoryReview, Name: r.Title, Title: r.Title, Document: b.key,
		Authors: r.Authors, Affiliation: r.Affiliation, Citation: r.Citation, Journal: r.Journal,
		Volume: r.Volume, Issue: r.Issue, Pages: r.Pages, Year: review.ReviewYear(r),
		Submitted: r.Submitted, Accepted: r.Accepted, Published: r.Published,
		Keywords: r.Keywords, CorrespondingAuthor: r.CorrespondingAuthor, ArticleCode: r.ArticleCode, Warnings: warnings(r),
		Description: "The source review of this document.", Xrefs: articleIDs(r),
	})
}

// articleIDs are the review's own identifiers as CURIEs (Biolink's DOI,
// PMID and PMCID prefixes), so a client can find the article elsewhere.
func articleIDs(r *review.Review) []string {
	var out []string
	for _, id := range []struct{ prefix, v string }{{"DOI", r.DOI}, {"PMID", r.PMID}, {"PMCID", r.PMCID}} {
		if id.v != "" {
			out = append(out, id.prefix+":"+id.v)
		}
	}
	return out
}

func (b *builder) sectionsAndPassages() {
	for _, s := range b.rev.Sections {
		id := fmt.Sprintf("%s.s%d", b.key, s.Index+1)
		b.sections = append(b.sections, id)
		n := graph.Node{ID: id, Category: graph.CategorySection, Name: s.Title, Title: s.Title, Level: s.Level,
			Ordinal: s.Index + 1, Start: s.Start, End: s.End, Line: s.Line, Document: b.key}
		if s.Parent >= 0 {
			n.Section = b.sections[s.Parent]
			b.lexEdgeBy(n.Section, graph.HasSection, id, graph.SubsectionAgent)
		} else {
			b.lexEdge(b.key, graph.HasSection, id)
		}
		b.node(n)
	}
	b.rep.Sections = len(b.rev.Sections)
	for _, p := range b.rev.Passages {
		id := fmt.Sprintf("%s.p%d", b.key, p.Index+1)
		b.passages = append(b.passages, id)
		sec := b.sections[p.Section]
		b.node(graph.Node{ID: id, Category: graph.CategoryPassage, Name: review.Shorten(p.Text, 80), Text: p.Text,
			Section: sec, Ordinal: p.Index + 1, Start: p.Start, End: p.End, Line: p.Line, Kind: passageKind(p), Document: b.key})
		b.lexEdge(sec, graph.HasPassage, id)
	}
	b.rep.Passages = len(b.rev.Passages)
}

// warnings are the reader's, as "line N: message".
func warnings(r *review.Review) []string {
	var out []string
	for _, w := range r.Warnings {
		out = append(out, w.String())
	}
	return out
}

func passageKind(p review.Passage) string {
	if p.Kind != "" {
		return p.Kind
	}
	if p.ListItem {
		return "list-item"
	}
	return "sentence"
}

func (b *builder) references() {
	citing := map[int][]string{}
	cited := map[int]bool{}
	for _, c := range b.rev.Citations {
		cited[c.Passage] = true
	}
	for _, c := range b.rev.Citations {
		text := b.rev.Passages[c.Passage].Text
		for _, n := range c.Numbers {
			citing[n] = append(citing[n], text)
		}
		if c.Kind == "author-year" {
			if n, ok := b.rev.MatchAuthorYear(c); ok {
				citing[n] = append(citing[n], text)
				if next, ok := continuation(b.rev.Passages, c, cited); ok {
					citing[n] = append(citing[n], next)
				}
			}
		}
	}
	used := map[string]int{}
	for _, ref := range b.rev.References {
		slug := studySlug(ref)
		used[slug]++
		if used[slug] > 1 {
			slug = fmt.Sprintf("%s-%d", slug, used[slug])
		}
		id := "KAP:study." + slug
		design, level, basis := ClassifyStudy(ref, citing[ref.Number])
		n := graph.Node{ID: id, Category: graph.CategoryStudy, Name: studyLabel(ref), Title: ref.Title,
			Authors: ref.Authors, Year: ref.Year, Journal: ref.Journal, Volume: ref.Volume, Issue: ref.Issue,
			Pages: ref.Pages, RefNumber: ref.Number, Design: design, EvidenceLevel: level, DesignBasis: basis,
			Line: ref.Line, Citation: ref.Raw, Document: b.key, Biolink: graph.StudyBiolink(design)}
		b.studyIDs[ref.Number] = id
		b.node(n)
		st := b.doc.Nodes[len(b.doc.Nodes)-1]
		b.studies[id] = &st
		b.lexEdge(b.key, graph.HasReference, id)
		b.rep.Studies = append(b.rep.Studies, StudySummary{ID: id, Number: ref.Number, Label: n.Name, Design: design, Level: level, Basis: basis})
	}
	b.rep.References = len(b.rev.References)
}

func (b *builder) citations() {
	for _, c := range b.rev.Citations {
		pid := b.passages[c.Passage]
		for _, n := range c.Numbers {
			b.lexEdge(pid, graph.Cites, b.studyIDs[n])
		}
		if c.Kind != "author-year" {
			continue
		}
		if n, ok := b.rev.MatchAuthorYear(c); ok {
			b.lexEdge(pid, graph.Cites, b.studyIDs[n])
			continue
		}
		b.concern(graph.ConcernMissingReference, fmt.Sprintf("%s is cited in the text but has no entry in the reference list", c.Text),
			pid, "", "", c.Line)
	}
	b.rep.Citations = len(b.rev.Citations)
}

func (b *builder) mentions() {
	for i, p := range b.rev.Passages {
		for _, id := range b.matcher.Find(p.Text) {
			b.lexEdge(b.passages[i], graph.Mentions, id)
			b.rep.Mentions++
		}
	}
}

func (b *builder) entities() {
	used := b.usedEntities()
	for _, e := range b.lex.Entities {
		if !used[e.ID] {
			continue
		}
		syn := slices.Clone(e.Synonyms)
		b.node(graph.Node{ID: e.ID, Category: graph.Category(e.Category), Name: e.Name, Synonyms: syn,
			Xrefs: slices.Clone(e.Xrefs), Kind: e.Kind, Description: e.Description})
	}
}

// findPassage finds the one passage containing quote.
func (b *builder) findPassage(quote string) (int, bool) {
	q := review.NormSpace(quote)
	for i, p := range b.rev.Passages {
		if strings.Contains(p.Text, q) {
			return i, true
		}
	}
	return 0, false
}

func (b *builder) claimEdges() error {
	src := b.claims.Source
	for _, cl := range b.claims.Claims {
		id := fmt.Sprintf("%s.claim.%s", b.key, cl.ID)
		p := graph.Predicate(cl.Predicate)
		sign := graph.Sign(cl.Sign)
		q := cl.Qualifiers
		e := graph.Edge{
			ID: id, Subject: cl.Subject, Predicate: p, Object: cl.Object, Biolink: p.Biolink(sign), Sign: sign,
			Negated: cl.Negated, Origin: cl.Origin, KnowledgeLevel: cl.KnowledgeLevel, AgentType: "manual_agent",
			Note: strings.TrimSpace(cl.Note), Document: b.key,
			Qualifiers: graph.Qualifiers{Mechanism: q.Mechanism, Aspect: q.Aspect, CombinedWith: q.CombinedWith,
				TimePoint: q.TimePoint, EffectSize: q.EffectSize, Comparator: q.Comparator, Disorder: q.Disorder,
				Population: q.Population, Location: q.Location},
		}
		if e.KnowledgeLevel == "" {
			e.KnowledgeLevel = "knowledge_assertion"
		}
		var concerns []string
		for _, ev := range cl.Evidence {
			line := ev.Line
			if line == 0 {
				line = cl.Line
			}
			quote := review.NormSpace(ev.Quote)
			var hits []int
			for i, ps := range b.rev.Passages {
				if strings.Contains(ps.Text, quote) {
					hits = append(hits, i)
				}
			}
			switch {
			case len(hits) == 0:
				return b.quoteNotFound(src, line, "claim "+cl.ID, quote)
			case len(hits) > 1:
				return &review.SourceError{File: src, Line: line, Msg: fmt.Sprintf("claim %s: quote %q occurs in %d sentences; quote more of it", cl.ID, review.Shorten(quote, 60), len(hits))}
			}
			pi := hits[0]
			pid := b.passages[pi]
			ps := b.rev.Passages[pi]
			evd := graph.Evidence{Quote: quote, Passage: pid, Section: b.sections[ps.Section], SectionTitle: b.rev.Sections[ps.Section].Title, Document: b.key}
			var err error
			if evd.Studies, evd.Citations, evd.Cited, err = b.evidenceCitations(cl, ev, pi, line); err != nil {
				return err
			}
			e.Evidence = append(e.Evidence, evd)
			concerns = append(concerns, b.topicConcerns(cl, id, pid, ps, evd.Studies)...)
		}
		e.Concerns = concerns
		b.doc.Edges = append(b.doc.Edges, e)
		b.rep.Claims++
		if cl.Origin == "inferred" {
			b.rep.Inferred++
		} else {
			b.rep.Stated++
		}
	}
	return nil
}

// coverage enforces that every sentence of the sections the claims file
// lists is either supported by a claim or declared non-factual.
func (b *builder) coverage() error {
	covered := map[int]bool{}
	for _, cl := range b.claims.Claims {
		for _, ev := range cl.Evidence {
			if i, ok := b.findPassage(ev.Quote); ok {
				covered[i] = true
			}
		}
	}
	for _, nf := range b.claims.NonFactual {
		i, ok := b.findPassage(nf.Quote)
		if !ok {
			return b.quoteNotFound(b.claims.Source, nf.Line, "non_factual", nf.Quote)
		}
		covered[i] = true
	}
	if len(b.claims.Coverage) == 0 {
		return nil
	}
	inScope := func(sec int) bool {
		for sec >= 0 {
			for _, pre := range b.claims.Coverage {
				if strings.HasPrefix(strings.ToLower(b.rev.Sections[sec].Title), strings.ToLower(pre)) {
					return true
				}
			}
			sec = b.rev.Sections[sec].Parent
		}
		return false
	}
	for i, p := range b.rev.Passages {
		if inScope(p.Section) && !covered[i] {
			b.rep.Uncovered = append(b.rep.Uncovered, UncoveredLine{Line: p.Line, Text: p.Text})
		}
	}
	if len(b.rep.Uncovered) > 0 {
		u := b.rep.Uncovered[0]
		return &review.SourceError{File: b.rev.Source, Line: u.Line, Msg: fmt.Sprintf("%d sentence(s) of covered sections have no claim and are not listed as non_factual in %s; first: %q",
			len(b.rep.Uncovered), b.claims.Source, review.Shorten(u.Text, 100))}
	}
	return nil
}

// finish scores the edges and fills the report's counts.
func (b *builder) finish() {
	level := func(id string) int {
		if s := b.studies[id]; s != nil {
			return s.EvidenceLevel
		}
		return 0
	}
	for i := range b.doc.Edges {
		e := &b.doc.Edges[i]
		slices.Sort(e.Concerns)
		e.Concerns = slices.Compact(e.Concerns)
		e.Score = graph.EdgeScore(e, level)
	}
	b.doc.Sort()
	cats, preds := map[string]int{}, map[string]int{}
	for _, n := range b.doc.Nodes {
		cats[string(n.Category)]++
	}
	for _, e := range b.doc.Edges {
		preds[string(e.Predicate)]++
	}
	b.rep.Nodes, b.rep.Edges = len(b.doc.Nodes), len(b.doc.Edges)
	b.rep.ByCategory, b.rep.ByPredicate = graph.Counts(cats), graph.Counts(preds)
	sort.Slice(b.rep.Concerns, func(i, j int) bool { return b.rep.Concerns[i].ID < b.rep.Concerns[j].ID })
}
