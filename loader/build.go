package loader

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/kapgraph/kapgraph/graph"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
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
	Document    string          `json:"document"`
	Source      string          `json:"source"`
	Title       string          `json:"title"`
	Nodes       int             `json:"nodes"`
	Edges       int             `json:"edges"`
	ByCategory  []graph.Count   `json:"byCategory"`
	ByPredicate []graph.Count   `json:"byPredicate"`
	Sections    int             `json:"sections"`
	Passages    int             `json:"passages"`
	References  int             `json:"references"`
	Citations   int             `json:"citations"`
	Claims      int             `json:"claims"`
	Stated      int             `json:"stated"`
	Inferred    int             `json:"inferred"`
	Mentions    int             `json:"mentions"`
	Concerns    []Concern       `json:"concerns"`
	Studies     []StudySummary  `json:"studies"`
	Uncovered   []UncoveredLine `json:"uncovered,omitempty"`
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
	rev      *Review
	lex      *Lexicon
	claims   *Claims
	doc      *graph.Document
	rep      *Report
	key      string // document id, also the prefix of its node ids
	studyIDs map[int]string
	studies  map[string]*graph.Node
	passages []string // passage index -> id
	sections []string // section index -> id
	edgeSeen map[string]bool
	// concernsByPassage lets claim edges list the sentence-level
	// concerns that touch their evidence.
	concernsByPassage map[string][]string
	concernCount      map[string]int
	concernKeys       map[string]string
	matcher           *mentionMatcher
}

// Build turns a parsed review, the lexicon and the review's claims (lex
// and claims may be nil) into one graph document. It fails, naming the
// file and line, on anything it cannot resolve; nothing is half-built.
func Build(rev *Review, lex *Lexicon, claims *Claims) (*graph.Document, *Report, error) {
	b := &builder{
		rev: rev, lex: lex, claims: claims,
		studyIDs: map[int]string{}, studies: map[string]*graph.Node{},
		edgeSeen: map[string]bool{}, concernsByPassage: map[string][]string{},
		concernCount: map[string]int{}, concernKeys: map[string]string{},
	}
	b.key = "KAP:" + reviewSlug(rev)
	b.doc = &graph.Document{ID: b.key}
	b.rep = &Report{Document: b.key, Source: rev.Source, Title: rev.Title}
	b.matcher = newMentionMatcher(lex)
	b.review()
	b.sectionsAndPassages()
	b.references()
	b.citations()
	b.mentions()
	if lex != nil {
		b.entities()
	}
	if claims != nil {
		if err := b.claimEdges(); err != nil {
			return nil, nil, err
		}
		if err := b.coverage(); err != nil {
			return nil, nil, err
		}
	}
	b.uncitedFindings()
	b.uncitedReferences()
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
func (b *builder) lexEdge(subj string, p graph.Predicate, obj, agent string) {
	h := sha1.Sum([]byte(string(p) + "\x00" + subj + "\x00" + obj))
	id := b.key + ".e." + hex.EncodeToString(h[:8])
	if b.edgeSeen[id] {
		return
	}
	b.edgeSeen[id] = true
	b.doc.Edges = append(b.doc.Edges, graph.Edge{
		ID: id, Subject: subj, Predicate: p, Object: obj, Biolink: p.Biolink(graph.Unsigned),
		AgentType: agent, KnowledgeLevel: "not_provided", Document: b.key,
	})
}

func (b *builder) review() {
	r := b.rev
	b.node(graph.Node{
		ID: b.key, Category: graph.CategoryReview, Name: r.Title, Title: r.Title, Document: b.key,
		Authors: r.Authors, Affiliation: r.Affiliation, Citation: r.Citation, Journal: r.Journal,
		Volume: r.Volume, Issue: r.Issue, Pages: r.Pages, Year: reviewYear(r),
		Submitted: r.Submitted, Accepted: r.Accepted, Published: r.Published,
		Description: "The source review of this document.",
	})
}

func (b *builder) sectionsAndPassages() {
	for _, s := range b.rev.Sections {
		id := fmt.Sprintf("%s.s%d", b.key, s.Index+1)
		b.sections = append(b.sections, id)
		n := graph.Node{ID: id, Category: graph.CategorySection, Name: s.Title, Title: s.Title, Level: s.Level,
			Ordinal: s.Index + 1, Start: s.Start, End: s.End, Line: s.Line, Document: b.key}
		if s.Parent >= 0 {
			n.Section = b.sections[s.Parent]
			b.lexEdge(n.Section, graph.HasSection, id, "manual_agent")
		} else {
			b.lexEdge(b.key, graph.HasSection, id, "automated_agent")
		}
		b.node(n)
	}
	b.rep.Sections = len(b.rev.Sections)
	for _, p := range b.rev.Passages {
		id := fmt.Sprintf("%s.p%d", b.key, p.Index+1)
		b.passages = append(b.passages, id)
		sec := b.sections[p.Section]
		b.node(graph.Node{ID: id, Category: graph.CategoryPassage, Name: shorten(p.Text, 80), Text: p.Text,
			Section: sec, Ordinal: p.Index + 1, Start: p.Start, End: p.End, Line: p.Line, Kind: passageKind(p), Document: b.key})
		b.lexEdge(sec, graph.HasPassage, id, "automated_agent")
	}
	b.rep.Passages = len(b.rev.Passages)
}

func passageKind(p Passage) string {
	if p.ListItem {
		return "list-item"
	}
	return "sentence"
}

func (b *builder) references() {
	citing := map[int][]string{}
	for _, c := range b.rev.Citations {
		text := b.rev.Passages[c.Passage].Text
		for _, n := range c.Numbers {
			citing[n] = append(citing[n], text)
		}
		if c.Kind == "author-year" {
			if n, ok := b.rev.MatchAuthorYear(c); ok {
				citing[n] = append(citing[n], text)
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
		b.lexEdge(b.key, graph.HasReference, id, "automated_agent")
		b.rep.Studies = append(b.rep.Studies, StudySummary{ID: id, Number: ref.Number, Label: n.Name, Design: design, Level: level, Basis: basis})
	}
	b.rep.References = len(b.rev.References)
}

func (b *builder) citations() {
	for _, c := range b.rev.Citations {
		pid := b.passages[c.Passage]
		for _, n := range c.Numbers {
			b.lexEdge(pid, graph.Cites, b.studyIDs[n], "automated_agent")
		}
		if c.Kind != "author-year" {
			continue
		}
		if n, ok := b.rev.MatchAuthorYear(c); ok {
			b.lexEdge(pid, graph.Cites, b.studyIDs[n], "automated_agent")
			continue
		}
		b.concern(graph.ConcernMissingReference, fmt.Sprintf("%s is cited in the text but has no entry in the reference list", c.Text),
			pid, "", "", c.Line)
	}
	b.rep.Citations = len(b.rev.Citations)
}

func (b *builder) mentions() {
	for i, p := range b.rev.Passages {
		for _, id := range b.matcher.find(p.Text) {
			b.lexEdge(b.passages[i], graph.Mentions, id, "text_mining_agent")
			b.rep.Mentions++
		}
	}
}

func (b *builder) entities() {
	for _, e := range b.lex.Entities {
		syn := slices.Clone(e.Synonyms)
		b.node(graph.Node{ID: e.ID, Category: graph.Category(e.Category), Name: e.Name, Synonyms: syn,
			Xrefs: slices.Clone(e.Xrefs), Kind: e.Kind, Description: e.Description})
	}
}

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
		b.lexEdge(id, graph.Flags, passage, "automated_agent")
		b.concernsByPassage[passage] = append(b.concernsByPassage[passage], id)
	}
	if study != "" {
		b.lexEdge(id, graph.Flags, study, "automated_agent")
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
// citing anything: by wording, or because a curator marked a claim on the
// sentence as a single study's observation.
func (b *builder) uncitedFindings() {
	hasCitation := map[int]bool{}
	for _, c := range b.rev.Citations {
		hasCitation[c.Passage] = true
	}
	observed := map[int]bool{}
	if b.claims != nil {
		for _, cl := range b.claims.Claims {
			if cl.KnowledgeLevel != "observation" || cl.Origin != "stated" {
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
		if hasCitation[i] || !(findingWords.MatchString(p.Text) || observed[i]) {
			continue
		}
		b.concern(graph.ConcernUncitedFinding, fmt.Sprintf("a finding is stated with no citation: %q", shorten(p.Text, 120)), b.passages[i], "", "", p.Line)
	}
}

// findPassage finds the one passage containing quote.
func (b *builder) findPassage(quote string) (int, bool) {
	q := normSpace(quote)
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
			quote := normSpace(ev.Quote)
			var hits []int
			for i, ps := range b.rev.Passages {
				if strings.Contains(ps.Text, quote) {
					hits = append(hits, i)
				}
			}
			switch {
			case len(hits) == 0:
				return &SourceError{File: src, Line: line, Msg: fmt.Sprintf("claim %s: quote not found in %s: %q", cl.ID, b.rev.Source, shorten(quote, 80))}
			case len(hits) > 1:
				return &SourceError{File: src, Line: line, Msg: fmt.Sprintf("claim %s: quote %q occurs in %d sentences; quote more of it", cl.ID, shorten(quote, 60), len(hits))}
			}
			pi := hits[0]
			pid := b.passages[pi]
			ps := b.rev.Passages[pi]
			evd := graph.Evidence{Quote: quote, Passage: pid, Section: b.sections[ps.Section], SectionTitle: b.rev.Sections[ps.Section].Title}
			if ev.Cites != nil {
				for _, n := range *ev.Cites {
					sid, ok := b.studyIDs[n]
					if !ok {
						return &SourceError{File: src, Line: line, Msg: fmt.Sprintf("claim %s cites reference %d, but %s has no reference %d", cl.ID, n, b.rev.Source, n)}
					}
					evd.Studies = append(evd.Studies, sid)
					evd.Citations = append(evd.Citations, fmt.Sprintf("[%d]", n))
				}
			} else {
				for _, c := range b.rev.Citations {
					if c.Passage != pi {
						continue
					}
					evd.Citations = append(evd.Citations, c.Text)
					for _, n := range c.Numbers {
						evd.Studies = append(evd.Studies, b.studyIDs[n])
					}
					if c.Kind == "author-year" {
						if n, ok := b.rev.MatchAuthorYear(c); ok {
							evd.Studies = append(evd.Studies, b.studyIDs[n])
						}
					}
				}
			}
			slices.Sort(evd.Studies)
			evd.Studies = slices.Compact(evd.Studies)
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

// topicConcerns applies the claim-level rules to one piece of evidence.
func (b *builder) topicConcerns(cl *Claim, claimID, pid string, ps Passage, studies []string) []string {
	var out []string
	claimDrugs, claimDisorders := b.claimTopics(cl)
	for _, sid := range studies {
		st := b.studies[sid]
		titleEntities := b.matcher.find(st.Title)
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
	return append(out, b.concernsByPassage[pid]...)
}

func (b *builder) claimTopics(cl *Claim) (drugs, disorders []string) {
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
			return &SourceError{File: b.claims.Source, Line: nf.Line, Msg: fmt.Sprintf("non_factual quote not found in %s: %q", b.rev.Source, shorten(nf.Quote, 80))}
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
		return &SourceError{File: b.rev.Source, Line: u.Line, Msg: fmt.Sprintf("%d sentence(s) of covered sections have no claim and are not listed as non_factual in %s; first: %q",
			len(b.rep.Uncovered), b.claims.Source, shorten(u.Text, 100))}
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

// mentionMatcher finds lexicon surface forms in text, longest first, on
// word boundaries, case-insensitively.
type mentionMatcher struct {
	forms []surface
}

type surface struct {
	text string // folded
	id   string
}

func newMentionMatcher(lex *Lexicon) *mentionMatcher {
	m := &mentionMatcher{}
	if lex == nil {
		return m
	}
	for _, e := range lex.Entities {
		for _, f := range append([]string{e.Name}, e.Synonyms...) {
			if f = fold(f); len(f) >= 2 {
				m.forms = append(m.forms, surface{f, e.ID})
			}
		}
	}
	sort.SliceStable(m.forms, func(i, j int) bool { return len(m.forms[i].text) > len(m.forms[j].text) })
	return m
}

// find returns the ids of the entities mentioned in text, sorted.
func (m *mentionMatcher) find(text string) []string {
	t := fold(text)
	taken := make([]bool, len(t))
	ids := map[string]bool{}
	for _, f := range m.forms {
		for from := 0; from < len(t); {
			i := strings.Index(t[from:], f.text)
			if i < 0 {
				break
			}
			i += from
			end := i + len(f.text)
			if wordBoundary(t, i, end) && !anyTaken(taken[i:end]) {
				for k := i; k < end; k++ {
					taken[k] = true
				}
				ids[f.id] = true
			}
			from = i + 1
		}
	}
	out := make([]string, 0, len(ids))
	for id := range ids {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

func anyTaken(ts []bool) bool { return slices.Contains(ts, true) }

func wordBoundary(t string, i, end int) bool {
	isWord := func(r byte) bool { return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 0x80 }
	if i > 0 && isWord(t[i-1]) {
		return false
	}
	return end >= len(t) || !isWord(t[end])
}

// fold lower-cases, strips accents and unifies apostrophes so surface
// forms match however the text typesets them; the result keeps one byte
// per ASCII letter so offsets stay simple.
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	out = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u2014", " ", "\u2013", "-").Replace(out)
	return strings.ToLower(out)
}

func normSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

var stopWords = map[string]bool{"a": true, "an": true, "the": true, "of": true, "and": true, "in": true, "for": true, "to": true, "on": true, "with": true, "by": true}

func slugWords(s string) []string {
	return strings.FieldsFunc(fold(s), func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') })
}

func firstSignificant(title string) string {
	for _, w := range slugWords(title) {
		w = strings.Trim(w, "-")
		if w != "" && !stopWords[w] {
			return w
		}
	}
	return "untitled"
}

func surname(author string) string {
	ws := slugWords(author)
	if len(ws) == 0 {
		return "anon"
	}
	return strings.Trim(ws[0], "-")
}

func studySlug(r Reference) string {
	first := "anon"
	if len(r.Authors) > 0 {
		first = surname(r.Authors[0])
	}
	return fmt.Sprintf("%s-%d-%s", first, r.Year, firstSignificant(r.Title))
}

func studyLabel(r Reference) string {
	names := make([]string, 0, 2)
	for _, a := range r.Authors {
		if f := strings.Fields(a); len(f) > 0 {
			names = append(names, f[0])
		}
	}
	switch {
	case len(names) == 0:
		return fmt.Sprintf("Anonymous (%d)", r.Year)
	case len(names) == 1 && !r.EtAl:
		return fmt.Sprintf("%s (%d)", names[0], r.Year)
	case len(names) == 2 && !r.EtAl:
		return fmt.Sprintf("%s & %s (%d)", names[0], names[1], r.Year)
	}
	return fmt.Sprintf("%s et al. (%d)", names[0], r.Year)
}

func reviewYear(r *Review) int {
	if len(r.Published) >= 4 {
		var y int
		if _, err := fmt.Sscan(r.Published[:4], &y); err == nil {
			return y
		}
	}
	return r.Year
}

func reviewSlug(r *Review) string {
	first := "anon"
	if len(r.Authors) > 0 {
		ws := slugWords(r.Authors[0])
		if len(ws) > 0 {
			first = strings.Trim(ws[len(ws)-1], "-") // "Ryan Ward" -> ward
		}
	}
	return fmt.Sprintf("%s-%d-%s", first, reviewYear(r), firstSignificant(r.Title))
}
