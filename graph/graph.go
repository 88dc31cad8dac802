// Package graph is kapgraph's domain: the node and edge model every layer
// shares, the Store interface the two engines implement, and the rules
// (allow-lists, path scoring, error codes) that must give the same answer
// whichever engine serves a request. Keeping these here, free of any
// database or HTTP import, is what lets the embedded store and Neo4j pass
// one conformance suite.
package graph

import (
	"slices"
	"sort"
)

// Category is a node category. Each maps to one Neo4j label and one GraphQL
// type, so the set is closed and checked (see Categories).
type Category string

// Node categories. The lexical layer (Review, Section, Passage, Study,
// CitationConcern) comes from the text itself; the rest from the lexicon.
const (
	CategoryReview          Category = "Review"
	CategorySection         Category = "Section"
	CategoryPassage         Category = "Passage"
	CategoryStudy           Category = "Study"
	CategoryCitationConcern Category = "CitationConcern"
	CategoryDrug            Category = "Drug"
	CategoryMechanism       Category = "Mechanism"
	CategoryBrainRegion     Category = "BrainRegion"
	CategoryBrainNetwork    Category = "BrainNetwork"
	CategoryDisorder        Category = "Disorder"
	CategorySymptom         Category = "Symptom"
	CategoryOutcome         Category = "Outcome"
	CategoryTherapy         Category = "Therapy"
	CategorySafetyRisk      Category = "SafetyRisk"
	CategoryPopulation      Category = "Population"
)

// categoryInfo is the allow-list behind Category: its Biolink class and
// whether curators may put it in a lexicon.
var categoryInfo = map[Category]struct {
	biolink string
	lexicon bool
}{
	CategoryReview:          {"biolink:Publication", false},
	CategorySection:         {"biolink:InformationContentEntity", false},
	CategoryPassage:         {"biolink:InformationContentEntity", false},
	CategoryStudy:           {"biolink:Article", false},
	CategoryCitationConcern: {"biolink:InformationContentEntity", false},
	CategoryDrug:            {"biolink:SmallMolecule", true},
	CategoryMechanism:       {"biolink:BiologicalProcess", true},
	CategoryBrainRegion:     {"biolink:GrossAnatomicalStructure", true},
	CategoryBrainNetwork:    {"biolink:AnatomicalEntity", true},
	CategoryDisorder:        {"biolink:Disease", true},
	CategorySymptom:         {"biolink:BehavioralFeature", true},
	CategoryOutcome:         {"biolink:ClinicalFinding", true},
	CategoryTherapy:         {"biolink:Treatment", true},
	CategorySafetyRisk:      {"biolink:PhenotypicFeature", true},
	CategoryPopulation:      {"biolink:PopulationOfIndividualOrganisms", true},
}

// Categories lists every category in a fixed order.
func Categories() []Category {
	out := make([]Category, 0, len(categoryInfo))
	for c := range categoryInfo {
		out = append(out, c)
	}
	slices.Sort(out)
	return out
}

// Valid reports whether c is on the allow-list.
func (c Category) Valid() bool { _, ok := categoryInfo[c]; return ok }

// Biolink is the Biolink Model class of the category.
func (c Category) Biolink() string { return categoryInfo[c].biolink }

// Curated reports whether the category belongs in a lexicon (rather than
// being derived from the text).
func (c Category) Curated() bool { return categoryInfo[c].lexicon }

// Mechanism kinds, ordered from receptor to mind: the levels a
// mechanism-to-outcome path climbs through.
var MechanismKinds = []string{"receptor", "neurochemical", "signaling", "plasticity", "circuit", "psychological"}

// Node is one vertex. The struct is flat on purpose: every engine stores it
// as a property map, and category-specific fields are simply empty
// elsewhere.
type Node struct {
	ID          string   `json:"id"` // a CURIE, globally unique
	Category    Category `json:"category"`
	Biolink     string   `json:"biolink"`
	Name        string   `json:"name"`
	Synonyms    []string `json:"synonyms,omitempty"`
	Xrefs       []string `json:"xrefs,omitempty"`
	Kind        string   `json:"kind,omitempty"`
	Description string   `json:"description,omitempty"`
	// Document is the review that owns the node (lexical layer); empty for
	// shared entities, which outlive any one document.
	Document string `json:"document,omitempty"`

	// Review.
	Authors     []string `json:"authors,omitempty"` // also Study
	Affiliation string   `json:"affiliation,omitempty"`
	Citation    string   `json:"citation,omitempty"`
	Submitted   string   `json:"submitted,omitempty"`
	Accepted    string   `json:"accepted,omitempty"`
	Published   string   `json:"published,omitempty"`
	// Keywords as printed under the abstract, CorrespondingAuthor's name
	// and the journal's ArticleCode (end of the citation line).
	Keywords            []string `json:"keywords,omitempty"`
	CorrespondingAuthor string   `json:"correspondingAuthor,omitempty"`
	ArticleCode         string   `json:"articleCode,omitempty"`
	// Warnings are what the reader worked around in the review's file
	// ("line 12: <ref id=\"r4\"> has no <year>"): the review was read,
	// but these parts may be missing from the graph.
	Warnings []string `json:"warnings,omitempty"`

	// Study (and Review where it applies).
	RefNumber     int    `json:"refNumber,omitempty"`
	Year          int    `json:"year,omitempty"`
	Title         string `json:"title,omitempty"`
	Journal       string `json:"journal,omitempty"`
	Volume        string `json:"volume,omitempty"`
	Issue         string `json:"issue,omitempty"`
	Pages         string `json:"pages,omitempty"`
	Design        string `json:"design,omitempty"`
	EvidenceLevel int    `json:"evidenceLevel,omitempty"` // 1 strongest .. 5 weakest
	DesignBasis   string `json:"designBasis,omitempty"`   // why the design was assigned

	// Section and Passage.
	Text    string `json:"text,omitempty"`
	Section string `json:"section,omitempty"` // id of the enclosing section
	Level   int    `json:"level,omitempty"`
	Ordinal int    `json:"ordinal,omitempty"`
	Start   int    `json:"start,omitempty"`
	End     int    `json:"end,omitempty"`
	Line    int    `json:"line,omitempty"`

	// CitationConcern.
	ConcernKind string `json:"concernKind,omitempty"`
	// Claims are the ids of the claims a concern reaches (see the loader's
	// concernsOnClaims): the reverse of Edge.Concerns, kept on the concern
	// because no engine indexes claims by their evidence sentences.
	Claims []string `json:"claims,omitempty"`
}

// Sign is the direction of a causal or correlational edge, and the net
// direction of a path.
type Sign string

const (
	Increases Sign = "increases"
	Decreases Sign = "decreases"
	Unsigned  Sign = ""
)

// Times composes two signs the way signed path search does: increases
// then decreases gives decreases.
func (s Sign) Times(o Sign) Sign {
	if s == Unsigned || o == Unsigned {
		return Unsigned
	}
	if s == o {
		return Increases
	}
	return Decreases
}

// SignOrNil is the edge's sign, nil when it is Unsigned: the nullable
// sign the APIs serve, read in place as a plain field (no resolver, no
// copy).
func (e *Edge) SignOrNil() *Sign { return e.Sign.orNil() }

// SignOrNil is the path's composed sign, nil when it is Unsigned (see
// Edge.SignOrNil).
func (p *Path) SignOrNil() *Sign { return p.Sign.orNil() }

func (s *Sign) orNil() *Sign {
	if *s == Unsigned {
		return nil
	}
	return s
}

// Qualifiers refine an edge the way Biolink qualifiers do.
type Qualifiers struct {
	Mechanism    string   `json:"mechanism,omitempty"`
	Aspect       string   `json:"aspect,omitempty"`
	CombinedWith []string `json:"combinedWith,omitempty"`
	TimePoint    string   `json:"timePoint,omitempty"`
	EffectSize   string   `json:"effectSize,omitempty"`
	Comparator   string   `json:"comparator,omitempty"`
	Disorder     string   `json:"disorder,omitempty"`
	Population   string   `json:"population,omitempty"`
	Location     string   `json:"location,omitempty"`
}

// Evidence is one sentence of the review that supports an edge.
type Evidence struct {
	Quote        string   `json:"quote"`
	Passage      string   `json:"passage"`
	Section      string   `json:"section"`
	SectionTitle string   `json:"sectionTitle"`
	Studies      []string `json:"studies,omitempty"`
	// Citations are the in-text citations as written ("[2]",
	// "(Krystal et al., 2013)"), including those with no reference entry.
	Citations []string `json:"citations,omitempty"`
	// Cited is every in-text citation of the sentence, in text order, with
	// the references it resolved to, so an unresolved one stays visible
	// beside the resolved ones instead of vanishing from the evidence.
	Cited []CitationLink `json:"cited,omitempty"`
	// Flagged are the studies of Studies that a citation concern flags for
	// this claim (another drug or disorder, a review cited for a trial);
	// EdgeScore counts them at most as the weakest evidence level.
	Flagged []string `json:"flagged,omitempty"`
	// Document is the review the sentence is from. A claim stated by two
	// reviews is one edge holding both reviews' sentences, so the edge's
	// own Document (its owner for loading) does not say it alone.
	Document string `json:"document,omitempty"`
}

// CitationLink is one in-text citation of an evidence sentence and what
// it resolved to.
type CitationLink struct {
	Text string `json:"text"` // as written: "[2, 3]", "(Krystal et al., 2013)"
	Kind string `json:"kind"` // "numeric" or "author-year"
	// Studies are the ids of the reference entries the citation resolved
	// to; empty when it matches none.
	Studies []string `json:"studies,omitempty"`
	// Counted says whether the claim's score counts these references: a
	// curator may restrict a claim to some of its sentence's citations.
	Counted bool `json:"counted,omitempty"`
}

// Edge is one assertion. Curated claims carry evidence; lexical edges
// (HAS_SECTION, CITES, MENTIONS, ...) carry none because the edge is the
// text's own structure.
type Edge struct {
	ID        string    `json:"id"`
	Subject   string    `json:"subject"`
	Predicate Predicate `json:"predicate"`
	Object    string    `json:"object"`
	Biolink   string    `json:"biolink"`
	Sign      Sign      `json:"sign,omitempty"`
	// Negated mirrors Modality NEGATED (Biolink's negated flag).
	Negated bool `json:"negated,omitempty"`
	// Modality is how the text states a claim (see Modality, Status):
	// set on every claim the loader builds; empty on lexical edges.
	Modality   Modality   `json:"modality,omitempty"`
	Qualifiers Qualifiers `json:"qualifiers"`
	Origin     string     `json:"origin,omitempty"` // "stated", "inferred" or "extracted"
	// Hedged marks an extracted claim whose sentence hedges ("may",
	// "suggest"): it is kept as a proposal, never as a plain fact.
	Hedged bool `json:"hedged,omitempty"`
	// Curation says how curation met extraction on this claim: "confirmed"
	// (a curated claim on the same subject, predicate and object as an
	// extracted candidate, same sign), "corrected" (same triple, other
	// sign or negation), "added" (curated, no candidate found it) or
	// "unreviewed" (extracted, no curated claim on it). Empty for lexical
	// edges.
	Curation       string     `json:"curation,omitempty"`
	KnowledgeLevel string     `json:"knowledgeLevel,omitempty"`
	AgentType      string     `json:"agentType,omitempty"`
	Note           string     `json:"note,omitempty"`
	Evidence       []Evidence `json:"evidence,omitempty"`
	Concerns       []string   `json:"concerns,omitempty"` // CitationConcern ids
	// InferredFrom lists the claims an inferred claim was drawn from (edge
	// ids); the sentences it rests on are its Evidence.
	InferredFrom []string `json:"inferredFrom,omitempty"`
	Document     string   `json:"document"`
	// Score is the edge's evidence strength in [0,1] (see EdgeScore); it
	// is derived at load time so engines can rank without re-deriving it.
	Score float64 `json:"score"`
}

// Publications lists the distinct studies cited by the edge's evidence.
func (e *Edge) Publications() []string {
	var out []string
	for _, ev := range e.Evidence {
		out = append(out, ev.Studies...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Documents lists the reviews the edge comes from: its own document and
// that of every evidence sentence, sorted.
func (e *Edge) Documents() []string {
	out := []string{e.Document}
	for _, ev := range e.Evidence {
		if ev.Document != "" {
			out = append(out, ev.Document)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Document is one review turned into graph form: the unit of loading and
// of atomic replacement.
type Document struct {
	ID    string `json:"id"`
	Nodes []Node `json:"nodes"`
	Edges []Edge `json:"edges"`
}

// Sort puts the document in a canonical order so that two builds of the
// same input are byte-identical.
func (d *Document) Sort() {
	sort.Slice(d.Nodes, func(i, j int) bool { return d.Nodes[i].ID < d.Nodes[j].ID })
	sort.Slice(d.Edges, func(i, j int) bool { return d.Edges[i].ID < d.Edges[j].ID })
}
