// Package model holds the Go types that GraphQL object types bind to when
// graph's own types do not fit: one wrapper per node category (GraphQL
// resolves the Node interface by Go type, so each category needs its own),
// and small value types such as Xref. The wrappers add no data: they embed
// the *graph.Node they present.
package model

import (
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// Node is what the GraphQL Node interface binds to: any category wrapper.
type Node interface {
	// GraphNode returns the domain node the wrapper presents.
	GraphNode() *graph.Node
}

// Base carries the fields every category shares and the accessors that turn
// the flat domain struct's zero values into GraphQL nulls.
type Base struct{ *graph.Node }

// GraphNode implements Node.
func (b Base) GraphNode() *graph.Node { return b.Node }

// Xrefs parses the node's cross-references into prefix and local id.
func (b Base) Xrefs() []*Xref {
	out := make([]*Xref, 0, len(b.Node.Xrefs))
	for _, x := range b.Node.Xrefs {
		out = append(out, ParseXref(x))
	}
	return out
}

// Description is nil when the node has none.
func (b Base) Description() *string { return optString(b.Node.Description) }

// Kind is nil when the node has none.
func (b Base) Kind() *string { return optString(b.Node.Kind) }

// Document is the id of the owning review, nil for shared entities.
func (b Base) Document() *string { return optString(b.Node.Document) }

// Title is nil when the node has none.
func (b Base) Title() *string { return optString(b.Node.Title) }

// Affiliation is nil when the node has none.
func (b Base) Affiliation() *string { return optString(b.Node.Affiliation) }

// Keywords is empty (never nil) when the node has none.
func (b Base) Keywords() []string {
	if b.Node.Keywords == nil {
		return []string{}
	}
	return b.Node.Keywords
}

// Warnings is empty (never nil) when the reader had none.
func (b Base) Warnings() []string {
	if b.Node.Warnings == nil {
		return []string{}
	}
	return b.Node.Warnings
}

// CorrespondingAuthor is nil when the node has none.
func (b Base) CorrespondingAuthor() *string { return optString(b.Node.CorrespondingAuthor) }

// ArticleCode is nil when the node has none.
func (b Base) ArticleCode() *string { return optString(b.Node.ArticleCode) }

// Citation is nil when the node has none.
func (b Base) Citation() *string { return optString(b.Node.Citation) }

// Submitted is nil when the node has none.
func (b Base) Submitted() *string { return optString(b.Node.Submitted) }

// Accepted is nil when the node has none.
func (b Base) Accepted() *string { return optString(b.Node.Accepted) }

// Published is nil when the node has none.
func (b Base) Published() *string { return optString(b.Node.Published) }

// Journal is nil when the node has none.
func (b Base) Journal() *string { return optString(b.Node.Journal) }

// Volume is nil when the node has none.
func (b Base) Volume() *string { return optString(b.Node.Volume) }

// Issue is nil when the node has none.
func (b Base) Issue() *string { return optString(b.Node.Issue) }

// Pages is nil when the node has none.
func (b Base) Pages() *string { return optString(b.Node.Pages) }

// Design is nil when no design was assigned.
func (b Base) Design() *string { return optString(b.Node.Design) }

// DesignBasis is nil when no design was assigned.
func (b Base) DesignBasis() *string { return optString(b.Node.DesignBasis) }

// Year is nil when unknown.
func (b Base) Year() *int { return optInt(b.Node.Year) }

// EvidenceLevel is nil when unknown.
func (b Base) EvidenceLevel() *int { return optInt(b.Node.EvidenceLevel) }

// RefNumber is nil for a study cited without a reference-list entry.
func (b Base) RefNumber() *int { return optInt(b.Node.RefNumber) }

// Authors is never nil.
func (b Base) Authors() []string {
	if b.Node.Authors == nil {
		return []string{}
	}
	return b.Node.Authors
}

// Synonyms is never nil.
func (b Base) Synonyms() []string {
	if b.Node.Synonyms == nil {
		return []string{}
	}
	return b.Node.Synonyms
}

// One wrapper per category. The GraphQL type of the same name binds to it.
type (
	Review          struct{ Base }
	Section         struct{ Base }
	Passage         struct{ Base }
	Study           struct{ Base }
	CitationConcern struct{ Base }
	Drug            struct{ Base }
	Mechanism       struct{ Base }
	BrainRegion     struct{ Base }
	BrainNetwork    struct{ Base }
	Disorder        struct{ Base }
	Symptom         struct{ Base }
	Outcome         struct{ Base }
	Therapy         struct{ Base }
	SafetyRisk      struct{ Base }
	Population      struct{ Base }
)

// Title of a section falls back to its name: a heading always has one.
func (s Section) Title() string {
	if s.Node.Title != "" {
		return s.Node.Title
	}
	return s.Node.Name
}

// Title of a review falls back to its name.
func (r Review) Title() string {
	if r.Node.Title != "" {
		return r.Node.Title
	}
	return r.Node.Name
}

// Kind of a citation concern is its concern kind.
func (c CitationConcern) Kind() string {
	if c.Node.ConcernKind != "" {
		return c.Node.ConcernKind
	}
	return c.Node.Kind
}

// Line is nil when the concern points at no line.
func (c CitationConcern) Line() *int { return optInt(c.Node.Line) }

// Line is nil when the reference's line is unknown.
func (s Study) Line() *int { return optInt(s.Node.Line) }

// Message is the concern's explanation for people.
func (c CitationConcern) Message() string {
	for _, s := range []string{c.Node.Text, c.Node.Description, c.Node.Name} {
		if s != "" {
			return s
		}
	}
	return ""
}

// Wrap presents a domain node as the GraphQL type of its category; nil
// stays nil, and so does a node of a category off the allow-list.
func Wrap(n *graph.Node) Node {
	if n == nil {
		return nil
	}
	b := Base{n}
	switch n.Category {
	case graph.CategoryReview:
		return &Review{b}
	case graph.CategorySection:
		return &Section{b}
	case graph.CategoryPassage:
		return &Passage{b}
	case graph.CategoryStudy:
		return &Study{b}
	case graph.CategoryCitationConcern:
		return &CitationConcern{b}
	case graph.CategoryDrug:
		return &Drug{b}
	case graph.CategoryMechanism:
		return &Mechanism{b}
	case graph.CategoryBrainRegion:
		return &BrainRegion{b}
	case graph.CategoryBrainNetwork:
		return &BrainNetwork{b}
	case graph.CategoryDisorder:
		return &Disorder{b}
	case graph.CategorySymptom:
		return &Symptom{b}
	case graph.CategoryOutcome:
		return &Outcome{b}
	case graph.CategoryTherapy:
		return &Therapy{b}
	case graph.CategorySafetyRisk:
		return &SafetyRisk{b}
	case graph.CategoryPopulation:
		return &Population{b}
	}
	return nil
}

// Xref is one ontology cross-reference.
type Xref struct {
	Prefix  string
	LocalID string
	Curie   string
}

// ParseXref splits a CURIE at its first colon; a string without one is
// kept whole as the local id.
func ParseXref(curie string) *Xref {
	curie = strings.TrimSpace(curie)
	prefix, local, ok := strings.Cut(curie, ":")
	if !ok {
		return &Xref{LocalID: curie, Curie: curie}
	}
	return &Xref{Prefix: prefix, LocalID: local, Curie: curie}
}

// QualifierValue is a qualifier as written, with the node it names when
// the text is the id of a node in the graph.
type QualifierValue struct {
	Text string
	ID   string // the id to resolve; empty when the text is not an id
}

func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func optInt(i int) *int {
	if i == 0 {
		return nil
	}
	return &i
}

// SectionID is the id of the enclosing section, nil when none.
func (p Passage) SectionID() *string { return optString(p.Node.Section) }

// Origin is the GraphQL Origin enum; its values are the GraphQL names.
type Origin string

// The values of Origin.
const (
	OriginStated    Origin = "STATED"
	OriginInferred  Origin = "INFERRED"
	OriginExtracted Origin = "EXTRACTED"
)

// Curation is the GraphQL Curation enum; its values are the GraphQL names.
type Curation string

// The values of Curation.
const (
	CurationConfirmed  Curation = "CONFIRMED"
	CurationCorrected  Curation = "CORRECTED"
	CurationAdded      Curation = "ADDED"
	CurationUnreviewed Curation = "UNREVIEWED"
)

// CurationOf converts an edge's curation ("confirmed", ... any case);
// anything else (a lexical edge's empty value) gives nil.
func CurationOf(s string) *Curation {
	out := Curation(strings.ToUpper(s))
	switch out {
	case CurationConfirmed, CurationCorrected, CurationAdded, CurationUnreviewed:
		return &out
	}
	return nil
}

// OriginOf converts an edge's origin ("stated", "inferred" or "extracted", any case);
// anything else gives nil.
func OriginOf(s string) *Origin {
	var out Origin
	switch strings.ToLower(s) {
	case "stated":
		out = OriginStated
	case "inferred":
		out = OriginInferred
	case "extracted":
		out = OriginExtracted
	default:
		return nil
	}
	return &out
}

// Qualifiers presents graph.Qualifiers with nulls for absent values.
type Qualifiers struct{ graph.Qualifiers }

// Mechanism is nil when not given.
func (q Qualifiers) Mechanism() *string { return optString(q.Qualifiers.Mechanism) }

// Aspect is nil when not given.
func (q Qualifiers) Aspect() *string { return optString(q.Qualifiers.Aspect) }

// TimePoint is nil when not given.
func (q Qualifiers) TimePoint() *string { return optString(q.Qualifiers.TimePoint) }

// EffectSize is nil when not given.
func (q Qualifiers) EffectSize() *string { return optString(q.Qualifiers.EffectSize) }

// DisorderID is nil when not given.
func (q Qualifiers) DisorderID() *string { return optString(q.Qualifiers.Disorder) }

// CombinedWithIds is never nil.
func (q Qualifiers) CombinedWithIds() []string {
	if q.Qualifiers.CombinedWith == nil {
		return []string{}
	}
	return q.Qualifiers.CombinedWith
}

// Comparator is nil when not given.
func (q Qualifiers) Comparator() *QualifierValue { return qualifierValue(q.Qualifiers.Comparator) }

// Population is nil when not given.
func (q Qualifiers) Population() *QualifierValue { return qualifierValue(q.Qualifiers.Population) }

// Location is nil when not given.
func (q Qualifiers) Location() *QualifierValue { return qualifierValue(q.Qualifiers.Location) }

func qualifierValue(s string) *QualifierValue {
	if s == "" {
		return nil
	}
	v := &QualifierValue{Text: s}
	if LooksLikeCURIE(s) {
		v.ID = s
	}
	return v
}

// LooksLikeCURIE reports whether s could be a node id: a prefix of letters,
// digits, dots, dashes or underscores, a colon, and no spaces.
func LooksLikeCURIE(s string) bool {
	prefix, local, ok := strings.Cut(s, ":")
	if !ok || prefix == "" || local == "" || strings.ContainsAny(s, " \t\n") {
		return false
	}
	for _, r := range prefix {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}
