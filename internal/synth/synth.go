// Package synth generates kapgraph graphs of any size for benchmarks and
// for the engines' tests at scale: many synthetic reviews, each one
// graph.Document shaped as the loader shapes a real one (a review, its
// sections and sentences, its reference list with study designs and
// evidence levels, citation concerns, mentions, and curated claims whose
// evidence quotes the review's own sentences), all sharing one growing pool
// of curated entities.
//
// The output is deterministic: document i depends only on the seed and i,
// so the graph of a smaller size is exactly the first documents of a larger
// one, and a load can grow a database from one size to the next.
//
// Degrees are skewed the way a literature graph's are: entities are named
// and pointed at with a Zipf law over their age, so old, well-known
// entities (the ketamines and cravings of the field) become hubs. Causal
// claims (AFFECTS, CORRELATED_WITH, signed) climb the levels of a
// mechanism-to-outcome chain, Drug → receptor → neurochemical → signaling
// → plasticity → circuit → Symptom → Outcome, sometimes skipping a level,
// so mechanism paths of 4 to 6 hops exist. Their subjects are drawn
// uniformly within a level and only their objects by the Zipf law: a hub
// collects many causes but does not fan out to thousands of effects, which
// keeps path counts from any one drug bounded as the graph grows, as they
// are in the literature.
//
// It lives under internal/ and imports only graph, whose vocabulary
// (categories, predicates, study designs and their evidence levels,
// concern kinds) it uses as the loader does: the engines' tests and the
// benchmark both depend on it, and it depends on nothing but the domain.
package synth

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// Config says what to generate.
type Config struct {
	Seed uint64
	// Nodes is the target node count of the whole graph; Documents derives
	// the number of reviews from it.
	Nodes int
	// Passages per review (default 1800): with its studies, sections and
	// concerns a review owns about 2,300 nodes, and names a few hundred
	// shared entities.
	Passages int
}

// DefaultSeed is the seed of every published run.
const DefaultSeed = 20250611

// Sizes are the graph sizes of the full benchmark.
var Sizes = map[string]int{"10k": 10_000, "100k": 100_000, "1m": 1_000_000}

func (c Config) withDefaults() Config {
	if c.Seed == 0 {
		c.Seed = DefaultSeed
	}
	if c.Passages <= 0 {
		c.Passages = 1800
	}
	return c
}

// per-document shape, derived from Passages.
type shape struct {
	passages, studies, concerns, sections int
	causal, other                         int // curated claims
	newEntities                           int // pool growth per document
}

func (c Config) shape() shape {
	p := c.Passages
	return shape{
		passages:    p,
		studies:     p / 4,
		concerns:    p / 30,
		sections:    4 + p/150,
		causal:      p / 12,
		other:       p / 8,
		newEntities: p / 10,
	}
}

// DocNodes is about how many nodes a document adds to the graph (its own
// nodes and the new shared entities it brings).
func (c Config) DocNodes() int {
	c = c.withDefaults()
	s := c.shape()
	return 1 + s.sections + s.passages + s.studies + s.concerns + s.newEntities
}

// Documents is the number of reviews for the target size (at least 1).
func (c Config) Documents() int {
	c = c.withDefaults()
	n := (c.Nodes - basePool + c.DocNodes()/2) / c.DocNodes()
	return max(1, n)
}

// basePool is the number of shared entities before the first review.
const basePool = 300

// ---- documents --------------------------------------------------------------

// designShares says how common each study design is in a reference list
// (per mille). The levels are not here: a study's level is always
// graph.EvidenceLevel of its design, as the loader gives it, so synthetic
// graphs score studies exactly as real ones do.
var designShares = []struct {
	design string
	share  int
}{
	{graph.DesignSystematicReview, 80},
	{graph.DesignRCT, 140},
	{graph.DesignPlaceboRCT, 60},
	{graph.DesignPilotRCT, 60},
	{graph.DesignControlled, 60},
	{graph.DesignCohort, 90},
	{graph.DesignOpenLabel, 60},
	{graph.DesignProofOfConcept, 20},
	{graph.DesignFollowUp, 20},
	{graph.DesignObservational, 120},
	{graph.DesignImaging, 20},
	{graph.DesignCaseSeries, 50},
	{graph.DesignNarrativeReview, 120},
	{graph.DesignGuideline, 20},
	{graph.DesignPreclinical, 20},
	{graph.DesignExpertOpinion, 30},
	{graph.DesignUnclassified, 30},
}

// DocumentID is the id of review i.
func DocumentID(i int) string { return fmt.Sprintf("KAP:syn-review-%05d", i) }

// Generator makes the documents of one configuration.
type Generator struct {
	cfg  Config
	sh   shape
	pool *pool
}

// New returns a generator.
func New(cfg Config) *Generator {
	cfg = cfg.withDefaults()
	return &Generator{cfg: cfg, sh: cfg.shape(), pool: poolFor(cfg.Seed)}
}

// Config is the configuration, defaults filled in.
func (g *Generator) Config() Config { return g.cfg }

// PoolSize is the number of shared entities document i may name.
func (g *Generator) PoolSize(i int) int { return basePool + g.sh.newEntities*(i+1) }

// Entity returns pool entity j.
func (g *Generator) Entity(j int) graph.Node {
	g.pool.grow(j + 1)
	g.pool.mu.Lock()
	defer g.pool.mu.Unlock()
	return g.pool.nodes[j]
}

// docBuilder is the state of one document.
type docBuilder struct {
	g       *Generator
	r       *rand.Rand
	v       view
	doc     *graph.Document
	key     string
	used    map[int]bool // pool entities named
	levels  map[string]int
	zipf    map[int]*rand.Zipf // per kind
	lexSeen map[string]bool    // structural edge ids added
	studies []string
	// passages
	pIDs     []string
	pSection []int
	pText    []string
	pCites   [][]string // study ids per passage
	sIDs     []string
	sTitles  []string
}

// Document builds review i. It is safe to call from several goroutines.
func (g *Generator) Document(i int) *graph.Document {
	b := &docBuilder{
		g: g, r: rand.New(rand.NewPCG(g.cfg.Seed, uint64(i))),
		v:   g.pool.view(g.PoolSize(i)),
		key: DocumentID(i), used: map[int]bool{}, levels: map[string]int{}, zipf: map[int]*rand.Zipf{},
	}
	b.doc = &graph.Document{ID: b.key}
	b.build(i)
	return b.doc
}

// pick draws an entity of kind k: Zipf over age when skewed (entity 0 of
// the kind is the most popular), uniform otherwise.
func (b *docBuilder) pick(k int, skewed bool) int {
	js := b.v.byKind[k]
	if len(js) == 0 {
		return -1
	}
	if !skewed {
		return js[b.r.IntN(len(js))]
	}
	z := b.zipf[k]
	if z == nil {
		z = rand.NewZipf(b.r, 1.15, 2, uint64(len(js)-1))
		b.zipf[k] = z
	}
	return js[z.Uint64()]
}

// pickLevel draws an entity of a causal level.
func (b *docBuilder) pickLevel(lv int, skewed bool) int {
	var ks []int
	for k, ek := range entityKinds {
		if ek.level == lv {
			ks = append(ks, k)
		}
	}
	return b.pick(ks[b.r.IntN(len(ks))], skewed)
}

func kindIndex(c graph.Category) int {
	for k, ek := range entityKinds {
		if ek.cat == c {
			return k
		}
	}
	panic("no kind for " + string(c))
}

// use marks pool entity j as named by the document and returns its id.
func (b *docBuilder) use(j int) string {
	b.used[j] = true
	return b.v.nodes[j].ID
}

// lexEdge adds a structural edge with the id the loader gives it
// (graph.StructuralEdgeID), so an engine stores it as it stores a real
// review's (graph/neo4j keeps such edges slim). A (subject, type, object)
// the document already has is not added again, as in the loader.
func (b *docBuilder) lexEdge(s string, p graph.Predicate, o string) {
	b.lexEdgeBy(s, p, o, graph.StructuralAgent(p))
}

// lexEdgeBy is lexEdge with an agent other than the type's rule (a
// subsection's nesting, graph.SubsectionAgent).
func (b *docBuilder) lexEdgeBy(s string, p graph.Predicate, o, agent string) {
	id := graph.StructuralEdgeID(b.key, s, p, o)
	if b.lexSeen[id] {
		return
	}
	if b.lexSeen == nil {
		b.lexSeen = map[string]bool{}
	}
	b.lexSeen[id] = true
	e := graph.Edge{ID: id, Subject: s, Predicate: p, Object: o,
		Biolink: p.Biolink(graph.Unsigned), AgentType: agent, KnowledgeLevel: graph.StructuralKnowledgeLevel, Document: b.key}
	e.Score = graph.EdgeScore(&e, nil)
	b.doc.Edges = append(b.doc.Edges, e)
}

func (b *docBuilder) build(i int) {
	r := b.r
	sh := b.g.sh
	year := 2000 + r.IntN(26)
	title := fmt.Sprintf("Synthetic review %d: %s and %s in addiction", i, word(r, 3), word(r, 2))
	b.doc.Nodes = append(b.doc.Nodes, graph.Node{
		ID: b.key, Category: graph.CategoryReview, Biolink: graph.CategoryReview.Biolink(), Name: title, Title: title,
		Document: b.key, Authors: []string{word(r, 2) + " A", word(r, 3) + " B"}, Journal: "Journal of Synthetic Psychiatry",
		Year: year, Volume: fmt.Sprint(1 + i%40), Pages: fmt.Sprintf("%d-%d", i, i+12), Published: fmt.Sprintf("%d-06-01", year),
		Description: "A generated review.",
	})

	// Sections: a few top-level ones with subsections.
	for s := 0; s < sh.sections; s++ {
		id := fmt.Sprintf("%s/s%d", b.key, s+1)
		t := fmt.Sprintf("%d %s", s+1, strings.ToUpper(word(r, 2)[:1])+word(r, 3))
		n := graph.Node{ID: id, Category: graph.CategorySection, Biolink: graph.CategorySection.Biolink(), Name: t, Title: t,
			Level: 1, Ordinal: s + 1, Start: s * 1000, End: s*1000 + 999, Line: 10 + s*20, Document: b.key}
		if s%4 != 0 {
			n.Level = 2
			n.Section = b.sIDs[s-s%4]
			b.lexEdgeBy(n.Section, graph.HasSection, id, graph.SubsectionAgent)
		} else {
			b.lexEdge(b.key, graph.HasSection, id)
		}
		b.sIDs = append(b.sIDs, id)
		b.sTitles = append(b.sTitles, t)
		b.doc.Nodes = append(b.doc.Nodes, n)
	}

	// Studies: the reference list.
	for k := 0; k < sh.studies; k++ {
		id := fmt.Sprintf("KAP:study/syn-%05d-%04d", i, k+1)
		design := pickDesign(r)
		level := graph.EvidenceLevel(design)
		sy := 1975 + int(50*(1-r.Float64()*r.Float64()))
		label := fmt.Sprintf("%s et al. (%d)", strings.ToUpper(word(r, 1)[:1])+word(r, 2), sy)
		n := graph.Node{ID: id, Category: graph.CategoryStudy, Biolink: graph.CategoryStudy.Biolink(), Name: label,
			Title: fmt.Sprintf("%s of %s in %s", design, word(r, 3), word(r, 2)), Authors: []string{word(r, 2), word(r, 3)},
			Year: sy, Journal: "J " + word(r, 2), Volume: fmt.Sprint(1 + r.IntN(80)), Pages: fmt.Sprintf("%d-%d", k, k+9),
			RefNumber: k + 1, Design: design, EvidenceLevel: level, DesignBasis: "generated", Line: 500 + k,
			Citation: label + ". " + word(r, 4) + ".", Document: b.key}
		n.Biolink = graph.StudyBiolink(design)
		b.levels[id] = level
		b.studies = append(b.studies, id)
		b.doc.Nodes = append(b.doc.Nodes, n)
		b.lexEdge(b.key, graph.HasReference, id)
	}

	// Passages: sentences naming entities and citing studies.
	for k := 0; k < sh.passages; k++ {
		id := fmt.Sprintf("%s/p%d", b.key, k+1)
		sec := k * sh.sections / sh.passages
		var named []int
		for range 1 + r.IntN(3) {
			named = append(named, b.pick(r.IntN(len(entityKinds)), true))
		}
		var cites []string
		if r.IntN(10) < 6 {
			for range 1 + r.IntN(2) {
				cites = append(cites, b.studies[r.IntN(len(b.studies))])
			}
			slices.Sort(cites)
			cites = slices.Compact(cites)
		}
		var text strings.Builder
		fmt.Fprintf(&text, "In %s, %s", word(r, 2), b.v.nodes[named[0]].Name)
		for _, j := range named[1:] {
			fmt.Fprintf(&text, " %s %s", []string{"modulates", "increases", "reduces", "predicts"}[r.IntN(4)], b.v.nodes[j].Name)
		}
		fmt.Fprintf(&text, " across %s %s (passage %d).", word(r, 3), word(r, 2), k+1)
		for _, c := range cites {
			fmt.Fprintf(&text, " [%d]", b.refNumber(c))
		}
		t := text.String()
		b.doc.Nodes = append(b.doc.Nodes, graph.Node{ID: id, Category: graph.CategoryPassage, Biolink: graph.CategoryPassage.Biolink(),
			Name: shorten(t, 80), Text: t, Section: b.sIDs[sec], Ordinal: k + 1, Start: k * 200, End: k*200 + len(t),
			Line: 12 + k, Kind: "sentence", Document: b.key})
		b.lexEdge(b.sIDs[sec], graph.HasPassage, id)
		for _, c := range cites {
			b.lexEdge(id, graph.Cites, c)
		}
		slices.Sort(named)
		for _, j := range slices.Compact(named) {
			b.lexEdge(id, graph.Mentions, b.use(j))
		}
		b.pIDs = append(b.pIDs, id)
		b.pSection = append(b.pSection, sec)
		b.pText = append(b.pText, t)
		b.pCites = append(b.pCites, cites)
	}

	// Citation concerns.
	concernsBy := map[string][]string{}
	concernKinds := graph.ConcernKinds()
	for k := 0; k < sh.concerns; k++ {
		kind := concernKinds[r.IntN(len(concernKinds))]
		id := fmt.Sprintf("%s/concern/%s-%d", b.key, kind, k+1)
		pi := r.IntN(len(b.pIDs))
		b.doc.Nodes = append(b.doc.Nodes, graph.Node{ID: id, Category: graph.CategoryCitationConcern,
			Biolink: graph.CategoryCitationConcern.Biolink(), Name: kind, Kind: kind, ConcernKind: kind,
			Text: "generated concern about passage " + b.pIDs[pi], Line: 12 + pi, Document: b.key})
		b.lexEdge(id, graph.Flags, b.pIDs[pi])
		concernsBy[b.pIDs[pi]] = append(concernsBy[b.pIDs[pi]], id)
		if len(b.pCites[pi]) > 0 {
			b.lexEdge(id, graph.Flags, b.pCites[pi][0])
		}
	}

	// Causal claims up the chain.
	for k := 0; k < sh.causal; k++ {
		ls := pickSourceLevel(r)
		lo := min(lvOutcome, ls+jump(r))
		s := b.pickLevel(ls, ls == lvDrug && r.IntN(3) == 0)
		o := b.pickLevel(lo, true)
		p := graph.Affects
		if lo >= lvSymptom && r.IntN(10) < 3 {
			p = graph.CorrelatedWith
		}
		sign := graph.Increases
		if r.IntN(5) < 2 {
			sign = graph.Decreases
		}
		var dis string
		if r.IntN(10) < 3 {
			dis = b.use(b.pick(kindIndex(graph.CategoryDisorder), true))
		}
		b.claim(k, s, p, o, sign, dis, concernsBy)
	}
	// Other curated claims.
	type rel struct {
		p    graph.Predicate
		s, o graph.Category
	}
	rels := []rel{
		{graph.StudiedToTreat, graph.CategoryDrug, graph.CategoryDisorder},
		{graph.HasAdverseEvent, graph.CategoryDrug, graph.CategorySafetyRisk},
		{graph.LocatedIn, graph.CategoryMechanism, graph.CategoryBrainRegion},
		{graph.PartOf, graph.CategoryBrainRegion, graph.CategoryBrainNetwork},
		{graph.HasPart, graph.CategoryBrainNetwork, graph.CategoryBrainRegion},
		{graph.ConsideredFor, graph.CategoryTherapy, graph.CategoryDisorder},
		{graph.ConsideredFor, graph.CategoryTherapy, graph.CategoryPopulation},
		{graph.AssociatedWith, graph.CategorySymptom, graph.CategoryDisorder},
	}
	for k := 0; k < sh.other; k++ {
		rl := rels[r.IntN(len(rels))]
		sk := kindIndex(rl.s)
		if rl.s == graph.CategoryMechanism {
			sk = 1 + r.IntN(6)
		}
		s := b.pick(sk, false)
		o := b.pick(kindIndex(rl.o), true)
		b.claim(sh.causal+k, s, rl.p, o, graph.Unsigned, "", concernsBy)
	}

	// The shared entities the document names, as the loader includes its
	// lexicon's.
	js := make([]int, 0, len(b.used))
	for j := range b.used {
		js = append(js, j)
	}
	slices.Sort(js)
	for _, j := range js {
		n := b.v.nodes[j]
		n.Synonyms = slices.Clone(n.Synonyms)
		n.Xrefs = slices.Clone(n.Xrefs)
		b.doc.Nodes = append(b.doc.Nodes, n)
	}
}

func (b *docBuilder) refNumber(study string) int {
	var n int
	fmt.Sscanf(study[strings.LastIndexByte(study, '-')+1:], "%d", &n)
	return n
}
