package export

import (
	"bufio"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

const (
	// GraphMLNamespace is the GraphML 1.0 namespace.
	GraphMLNamespace = "http://graphml.graphdrawing.org/xmlns"
	// GraphMLFile is the file name a GraphML export is written to.
	GraphMLFile = "kapgraph.graphml"
)

// listDesc documents the one encoding GraphML leaves to the writer: it has
// no list type, so multi-valued attributes are joined.
const listDesc = `List: items joined by |, with a | or \ inside an item escaped as \| or \\.`

// attr is one typed GraphML attribute. Keys are declared whether or not a
// value occurs, so every export has the same schema and viewers see the
// same columns with the same types.
type attr[T any] struct {
	id, name, typ, desc string
	// value returns the attribute's text and whether to write it; absent
	// values are left out rather than written as "" or 0.
	value func(T) (string, bool)
}

func str[T any](f func(T) string) func(T) (string, bool) {
	return func(v T) (string, bool) { s := f(v); return s, s != "" }
}

func integer[T any](f func(T) int) func(T) (string, bool) {
	return func(v T) (string, bool) { n := f(v); return strconv.Itoa(n), n != 0 }
}

func list[T any](f func(T) []string) func(T) (string, bool) {
	return func(v T) (string, bool) { l := f(v); return joinList(l), len(l) > 0 }
}

// joinList encodes a list as listDesc says; no GraphML tool splits it,
// so the escaping only has to be unambiguous for a reader that does.
func joinList(items []string) string {
	esc := make([]string, len(items))
	for i, s := range items {
		s = strings.ReplaceAll(s, `\`, `\\`)
		esc[i] = strings.ReplaceAll(s, `|`, `\|`)
	}
	return strings.Join(esc, "|")
}

// nodeAttrs are the node attributes. start and end are named text_start
// and text_end because Gephi reads attributes called start and end as a
// time interval.
func nodeAttrs() []attr[*graph.Node] {
	type N = *graph.Node
	return []attr[N]{
		{"n_label", "label", "string", "Display label (the name), for viewers such as Gephi.", str(func(n N) string { return n.Name })},
		{"n_name", "name", "string", "Name.", str(func(n N) string { return n.Name })},
		{"n_category", "category", "string", "Biolink class (CURIE).", str(nodeBiolink)},
		{"n_kap_category", "kap_category", "string", "kapgraph category (Drug, Study, Passage, ...).", str(func(n N) string { return string(n.Category) })},
		{"n_description", "description", "string", "Description.", str(func(n N) string { return n.Description })},
		{"n_synonym", "synonym", "string", "Synonyms. " + listDesc, list(func(n N) []string { return n.Synonyms })},
		{"n_xref", "xref", "string", "Cross-references (CURIEs). " + listDesc, list(func(n N) []string { return n.Xrefs })},
		{"n_kind", "kind", "string", "Mechanism level or passage kind.", str(func(n N) string { return n.Kind })},
		{"n_document", "document", "string", "Owning document (review); empty for shared entities.", str(func(n N) string { return n.Document })},
		{"n_authors", "authors", "string", "Authors. " + listDesc, list(func(n N) []string { return n.Authors })},
		{"n_affiliation", "affiliation", "string", "Review: affiliation.", str(func(n N) string { return n.Affiliation })},
		{"n_citation", "citation", "string", "Citation as written.", str(func(n N) string { return n.Citation })},
		{"n_submitted", "submitted", "string", "Review: submission date.", str(func(n N) string { return n.Submitted })},
		{"n_accepted", "accepted", "string", "Review: acceptance date.", str(func(n N) string { return n.Accepted })},
		{"n_published", "published", "string", "Review: publication date.", str(func(n N) string { return n.Published })},
		{"n_keywords", "keywords", "string", "Review: keywords. " + listDesc, list(func(n N) []string { return n.Keywords })},
		{"n_corresponding_author", "corresponding_author", "string", "Review: corresponding author.", str(func(n N) string { return n.CorrespondingAuthor })},
		{"n_article_code", "article_code", "string", "Review: the journal's article code.", str(func(n N) string { return n.ArticleCode })},
		{"n_ref_number", "ref_number", "int", "Study: number in the review's reference list.", integer(func(n N) int { return n.RefNumber })},
		{"n_year", "year", "int", "Study: publication year.", integer(func(n N) int { return n.Year })},
		{"n_title", "title", "string", "Title.", str(func(n N) string { return n.Title })},
		{"n_journal", "journal", "string", "Study: journal.", str(func(n N) string { return n.Journal })},
		{"n_volume", "volume", "string", "Study: volume.", str(func(n N) string { return n.Volume })},
		{"n_issue", "issue", "string", "Study: issue.", str(func(n N) string { return n.Issue })},
		{"n_pages", "pages", "string", "Study: pages.", str(func(n N) string { return n.Pages })},
		{"n_design", "design", "string", "Study: design.", str(func(n N) string { return n.Design })},
		{"n_evidence_level", "evidence_level", "int", fmt.Sprintf("Study: evidence level, %d strongest to %d weakest.", graph.StrongestEvidence, graph.WeakestEvidence), integer(func(n N) int { return n.EvidenceLevel })},
		{"n_design_basis", "design_basis", "string", "Study: why the design was assigned.", str(func(n N) string { return n.DesignBasis })},
		{"n_text", "text", "string", "Section or passage text; citation concern message.", str(func(n N) string { return n.Text })},
		{"n_section", "section", "string", "Passage: id of the enclosing section.", str(func(n N) string { return n.Section })},
		{"n_level", "level", "int", "Section: heading level.", integer(func(n N) int { return n.Level })},
		{"n_ordinal", "ordinal", "int", "Position among siblings, from 1.", integer(func(n N) int { return n.Ordinal })},
		{"n_text_start", "text_start", "int", "Byte offset where the text starts in the review.", integer(func(n N) int { return n.Start })},
		{"n_text_end", "text_end", "int", "Byte offset where the text ends in the review.", integer(func(n N) int { return n.End })},
		{"n_line", "line", "int", "Line in the review's source file.", integer(func(n N) int { return n.Line })},
		{"n_concern_kind", "concern_kind", "string", "Citation concern: kind.", str(func(n N) string { return n.ConcernKind })},
		{"n_claims", "claims", "string", "Citation concern: the claims it reaches (ids). " + listDesc, list(func(n N) []string { return n.Claims })},
	}
}

func edgeAttrs() []attr[*graph.Edge] {
	type E = *graph.Edge
	return []attr[E]{
		{"e_label", "label", "string", "Display label (the kapgraph predicate), for viewers such as Gephi.", str(func(e E) string { return string(e.Predicate) })},
		{"e_predicate", "predicate", "string", "Biolink predicate (CURIE).", str(edgeBiolink)},
		{"e_kap_predicate", "kap_predicate", "string", "kapgraph predicate (AFFECTS, CITES, ...).", str(func(e E) string { return string(e.Predicate) })},
		{"e_sign", "sign", "string", "Direction: increases or decreases.", str(func(e E) string { return string(e.Sign) })},
		{"e_negated", "negated", "boolean", "A null result: the assertion is negated.", func(e E) (string, bool) { return strconv.FormatBool(e.Negated), true }},
		{"e_modality", "modality", "string", "How the review states the claim: ASSERTED, HEDGED, NEGATED or PROPOSED.", str(func(e E) string { return string(e.Modality) })},
		{"e_mechanism", "mechanism", "string", "Qualifier: causal mechanism.", str(func(e E) string { return e.Qualifiers.Mechanism })},
		{"e_aspect", "aspect", "string", "Qualifier: aspect of the object affected.", str(func(e E) string { return e.Qualifiers.Aspect })},
		{"e_combined_with", "combined_with", "string", "Qualifier: given together with (ids). " + listDesc, list(func(e E) []string { return e.Qualifiers.CombinedWith })},
		{"e_time_point", "time_point", "string", "Qualifier: time point.", str(func(e E) string { return e.Qualifiers.TimePoint })},
		{"e_effect_size", "effect_size", "string", "Qualifier: effect size as reported.", str(func(e E) string { return e.Qualifiers.EffectSize })},
		{"e_comparator", "comparator", "string", "Qualifier: comparator.", str(func(e E) string { return e.Qualifiers.Comparator })},
		{"e_disorder", "disorder", "string", "Qualifier: disorder context (id).", str(func(e E) string { return e.Qualifiers.Disorder })},
		{"e_population", "population", "string", "Qualifier: population context (id).", str(func(e E) string { return e.Qualifiers.Population })},
		{"e_location", "location", "string", "Qualifier: anatomical location (id).", str(func(e E) string { return e.Qualifiers.Location })},
		{"e_origin", "origin", "string", "stated (the review says it), inferred (a curator's link) or extracted (read by the loader's rules, unconfirmed).", str(func(e E) string { return e.Origin })},
		{"e_curation", "curation", "string", "How curation met extraction: confirmed, corrected, added (curated claims) or unreviewed (extracted).", str(func(e E) string { return e.Curation })},
		{"e_hedged", "hedged", "boolean", "An extracted claim whose sentence hedges it: a proposal, not a fact.", func(e E) (string, bool) { return strconv.FormatBool(e.Hedged), e.Hedged }},
		{"e_knowledge_level", "knowledge_level", "string", "Biolink knowledge level.", str(func(e E) string { return e.KnowledgeLevel })},
		{"e_agent_type", "agent_type", "string", "Biolink agent type.", str(func(e E) string { return e.AgentType })},
		{"e_note", "note", "string", "Curator's note.", str(func(e E) string { return e.Note })},
		{"e_score", "score", "double", "Evidence strength in [0,1].", func(e E) (string, bool) { return strconv.FormatFloat(e.Score, 'g', -1, 64), true }},
		{"e_publications", "publications", "string", "Cited studies (ids). " + listDesc, list(func(e E) []string { return e.Publications() })},
		{"e_supporting_text", "supporting_text", "string", "Verbatim supporting sentences. " + listDesc, list(func(e E) []string {
			var q []string
			for _, ev := range e.Evidence {
				q = append(q, ev.Quote)
			}
			return q
		})},
		{"e_concerns", "concerns", "string", "Citation concern ids. " + listDesc, list(func(e E) []string { return e.Concerns })},
		{"e_inferred_from", "inferred_from", "string", "Inferred claim: the claims it was drawn from (ids). " + listDesc, list(func(e E) []string { return e.InferredFrom })},
		{"e_evidence", "evidence", "string", "Evidence as a JSON array of {quote, passage, section, sectionTitle, studies, citations}.", func(e E) (string, bool) {
			if len(e.Evidence) == 0 {
				return "", false
			}
			b, _ := json.Marshal(e.Evidence) // plain strings and slices: cannot fail
			return string(b), true
		}},
		{"e_document", "document", "string", "Owning document (review).", str(func(e E) string { return e.Document })},
	}
}

// xmlWriter keeps the first write error so that the writer reads as a
// straight sequence of writes.
type xmlWriter struct {
	w   *bufio.Writer
	err error
}

func (x *xmlWriter) raw(s string) {
	if x.err == nil {
		_, x.err = x.w.WriteString(s)
	}
}

// text writes s escaped for element content or a quoted attribute
// (xml.EscapeText escapes quotes too). Characters XML 1.0 cannot carry at
// all (most C0 controls) become U+FFFD.
func (x *xmlWriter) text(s string) {
	if x.err == nil {
		x.err = xml.EscapeText(x.w, []byte(s))
	}
}

func writeKeys[T any](x *xmlWriter, forWhat string, attrs []attr[T]) {
	for _, a := range attrs {
		x.raw(`  <key id="`)
		x.text(a.id)
		x.raw(`" for="` + forWhat + `" attr.name="`)
		x.text(a.name)
		x.raw(`" attr.type="` + a.typ + `"><desc>`)
		x.text(a.desc)
		x.raw("</desc></key>\n")
	}
}

func writeData[T any](x *xmlWriter, attrs []attr[T], v T) {
	for _, a := range attrs {
		s, ok := a.value(v)
		if !ok {
			continue
		}
		x.raw(`      <data key="` + a.id + `">`)
		x.text(s)
		x.raw("</data>\n")
	}
}

// WriteGraphML writes g as one directed GraphML graph with typed
// attributes, for NetworkX, Gephi, Cytoscape and yEd.
func WriteGraphML(w io.Writer, g *Graph) error {
	x := &xmlWriter{w: bufio.NewWriter(w)}
	na, ea := nodeAttrs(), edgeAttrs()
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.raw(`<graphml xmlns="` + GraphMLNamespace + `" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="` +
		GraphMLNamespace + ` http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	writeKeys(x, "node", na)
	writeKeys(x, "edge", ea)
	x.raw(`  <graph id="kapgraph" edgedefault="directed">` + "\n")
	for _, n := range g.Nodes {
		x.raw(`    <node id="`)
		x.text(n.ID)
		x.raw("\">\n")
		writeData(x, na, n)
		x.raw("    </node>\n")
	}
	for _, e := range g.Edges {
		x.raw(`    <edge id="`)
		x.text(e.ID)
		x.raw(`" source="`)
		x.text(e.Subject)
		x.raw(`" target="`)
		x.text(e.Object)
		x.raw("\">\n")
		writeData(x, ea, e)
		x.raw("    </edge>\n")
	}
	x.raw("  </graph>\n</graphml>\n")
	if x.err == nil {
		x.err = x.w.Flush()
	}
	if x.err != nil {
		return fmt.Errorf("export graphml: %w", x.err)
	}
	return nil
}
