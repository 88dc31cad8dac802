package export

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/biolink"
)

// KGX constants. The Biolink mapping itself is package biolink's, shared
// with the TRAPI endpoint.
const (
	BiolinkVersion = biolink.Version
	// Infores is kapgraph's information-resource id: the
	// primary_knowledge_source of every edge and provided_by of every node.
	Infores = biolink.Infores
	// PredicatePrefix turns a kapgraph predicate into the CURIE that
	// original_predicate needs (its Biolink range is uriorcurie).
	PredicatePrefix = biolink.PredicatePrefix
	// KGX file names, in the directory a CLI export writes and in the
	// tar.gz the HTTP handler serves.
	KGXNodesFile    = "nodes.jsonl"
	KGXEdgesFile    = "edges.jsonl"
	KGXManifestFile = "manifest.json"
)

// kgxNode is one line of nodes.jsonl. Biolink slots first, then kapgraph's
// own properties, all prefixed kap_ so that no consumer mistakes them for
// Biolink slots (KGX allows non-Biolink properties).
type kgxNode struct {
	ID          string   `json:"id"`
	Category    []string `json:"category"`
	Name        string   `json:"name,omitempty"`
	Description string   `json:"description,omitempty"`
	Synonym     []string `json:"synonym,omitempty"`
	Xref        []string `json:"xref,omitempty"`
	ProvidedBy  []string `json:"provided_by"`

	KapCategory      graph.Category `json:"kap_category"`
	KapKind          string         `json:"kap_kind,omitempty"`
	KapDocument      string         `json:"kap_document,omitempty"`
	KapAuthors       []string       `json:"kap_authors,omitempty"`
	KapAffiliation   string         `json:"kap_affiliation,omitempty"`
	KapCitation      string         `json:"kap_citation,omitempty"`
	KapSubmitted     string         `json:"kap_submitted,omitempty"`
	KapAccepted      string         `json:"kap_accepted,omitempty"`
	KapPublished     string         `json:"kap_published,omitempty"`
	KapKeywords      []string       `json:"kap_keywords,omitempty"`
	KapCorresponding string         `json:"kap_corresponding_author,omitempty"`
	KapArticleCode   string         `json:"kap_article_code,omitempty"`
	KapRefNumber     int            `json:"kap_ref_number,omitempty"`
	KapYear          int            `json:"kap_year,omitempty"`
	KapTitle         string         `json:"kap_title,omitempty"`
	KapJournal       string         `json:"kap_journal,omitempty"`
	KapVolume        string         `json:"kap_volume,omitempty"`
	KapIssue         string         `json:"kap_issue,omitempty"`
	KapPages         string         `json:"kap_pages,omitempty"`
	KapDesign        string         `json:"kap_design,omitempty"`
	KapEvidenceLevel int            `json:"kap_evidence_level,omitempty"`
	KapDesignBasis   string         `json:"kap_design_basis,omitempty"`
	KapText          string         `json:"kap_text,omitempty"`
	KapSection       string         `json:"kap_section,omitempty"`
	KapLevel         int            `json:"kap_level,omitempty"`
	KapOrdinal       int            `json:"kap_ordinal,omitempty"`
	KapStart         int            `json:"kap_start,omitempty"`
	KapEnd           int            `json:"kap_end,omitempty"`
	KapLine          int            `json:"kap_line,omitempty"`
	KapConcernKind   string         `json:"kap_concern_kind,omitempty"`
	KapClaims        []string       `json:"kap_claims,omitempty"`
}

// kgxEdge is one line of edges.jsonl.
type kgxEdge struct {
	ID                       string   `json:"id"`
	Subject                  string   `json:"subject"`
	Predicate                string   `json:"predicate"`
	Object                   string   `json:"object"`
	OriginalPredicate        string   `json:"original_predicate"`
	Negated                  bool     `json:"negated,omitempty"`
	QualifiedPredicate       string   `json:"qualified_predicate,omitempty"`
	ObjectDirectionQualifier string   `json:"object_direction_qualifier,omitempty"`
	ObjectAspectQualifier    string   `json:"object_aspect_qualifier,omitempty"`
	CausalMechanismQualifier string   `json:"causal_mechanism_qualifier,omitempty"`
	KnowledgeLevel           string   `json:"knowledge_level"`
	AgentType                string   `json:"agent_type"`
	PrimaryKnowledgeSource   string   `json:"primary_knowledge_source"`
	Publications             []string `json:"publications,omitempty"`
	SupportingText           []string `json:"supporting_text,omitempty"`

	KapSign              graph.Sign       `json:"kap_sign,omitempty"`
	KapMechanism         string           `json:"kap_mechanism,omitempty"`
	KapAspect            string           `json:"kap_aspect,omitempty"`
	KapCombinedWith      []string         `json:"kap_combined_with,omitempty"`
	KapTimePoint         string           `json:"kap_time_point,omitempty"`
	KapEffectSize        string           `json:"kap_effect_size,omitempty"`
	KapComparator        string           `json:"kap_comparator,omitempty"`
	KapDisorderContext   string           `json:"kap_disorder_context,omitempty"`
	KapPopulationContext string           `json:"kap_population_context,omitempty"`
	KapLocationContext   string           `json:"kap_location_context,omitempty"`
	KapOrigin            string           `json:"kap_origin,omitempty"`
	KapCuration          string           `json:"kap_curation,omitempty"`
	KapHedged            bool             `json:"kap_hedged,omitempty"`
	KapModality          graph.Modality   `json:"kap_modality,omitempty"`
	KapNote              string           `json:"kap_note,omitempty"`
	KapScore             float64          `json:"kap_score"`
	KapConcerns          []string         `json:"kap_concerns,omitempty"`
	KapInferredFrom      []string         `json:"kap_inferred_from,omitempty"`
	KapEvidence          []graph.Evidence `json:"kap_evidence,omitempty"`
	KapDocument          string           `json:"kap_document,omitempty"`
}

func nodeBiolink(n *graph.Node) string { return biolink.NodeCategory(n) }

func edgeBiolink(e *graph.Edge) string { return biolink.EdgePredicate(e) }

func toKGXNode(n *graph.Node) kgxNode {
	return kgxNode{
		ID: n.ID, Category: []string{nodeBiolink(n)}, Name: n.Name, Description: n.Description,
		Synonym: n.Synonyms, Xref: n.Xrefs, ProvidedBy: []string{Infores},
		KapCategory: n.Category, KapKind: n.Kind, KapDocument: n.Document,
		KapAuthors: n.Authors, KapAffiliation: n.Affiliation, KapCitation: n.Citation,
		KapSubmitted: n.Submitted, KapAccepted: n.Accepted, KapPublished: n.Published,
		KapKeywords: n.Keywords, KapCorresponding: n.CorrespondingAuthor, KapArticleCode: n.ArticleCode,
		KapRefNumber: n.RefNumber, KapYear: n.Year, KapTitle: n.Title, KapJournal: n.Journal,
		KapVolume: n.Volume, KapIssue: n.Issue, KapPages: n.Pages,
		KapDesign: n.Design, KapEvidenceLevel: n.EvidenceLevel, KapDesignBasis: n.DesignBasis,
		KapText: n.Text, KapSection: n.Section, KapLevel: n.Level, KapOrdinal: n.Ordinal,
		KapStart: n.Start, KapEnd: n.End, KapLine: n.Line, KapConcernKind: n.ConcernKind,
		KapClaims: n.Claims,
	}
}

// toKGXEdge maps an edge onto Biolink slots where Biolink has one with the
// same meaning, and onto kap_ properties where it has none or where the
// value would break the slot's range (free-text effect sizes, time points,
// mechanisms outside the enum).
func toKGXEdge(e *graph.Edge) kgxEdge {
	q := e.Qualifiers
	k := kgxEdge{
		ID: e.ID, Subject: e.Subject, Predicate: edgeBiolink(e), Object: e.Object,
		OriginalPredicate: PredicatePrefix + string(e.Predicate), Negated: e.Status() == graph.ModalityNegated, KapModality: e.Modality,
		KnowledgeLevel: biolink.OrNotProvided(e.KnowledgeLevel), AgentType: biolink.OrNotProvided(e.AgentType),
		PrimaryKnowledgeSource: Infores, Publications: e.Publications(),
		KapSign: e.Sign, KapCombinedWith: q.CombinedWith, KapTimePoint: q.TimePoint,
		KapEffectSize: q.EffectSize, KapComparator: q.Comparator, KapDisorderContext: q.Disorder,
		KapPopulationContext: q.Population, KapLocationContext: q.Location,
		KapOrigin: e.Origin, KapCuration: e.Curation, KapHedged: e.Hedged, KapNote: e.Note, KapScore: e.Score, KapConcerns: e.Concerns,
		KapInferredFrom: e.InferredFrom, KapEvidence: e.Evidence, KapDocument: e.Document,
	}
	for _, ev := range e.Evidence {
		k.SupportingText = append(k.SupportingText, ev.Quote)
	}
	bq := biolink.EdgeQualifiers(e)
	k.QualifiedPredicate, k.ObjectDirectionQualifier = bq.QualifiedPredicate, bq.ObjectDirection
	k.ObjectAspectQualifier, k.KapAspect = bq.ObjectAspect, bq.KapAspect
	k.CausalMechanismQualifier, k.KapMechanism = bq.CausalMechanism, bq.KapMechanism
	return k
}

// newLineEncoder writes one compact JSON value a line, leaving <, > and &
// as they are: the records are data files, not HTML.
func newLineEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}

// WriteKGXNodes writes nodes.jsonl. JSON Lines rather than one KGX JSON
// object lets consumers (kgx, KG-Hub loaders) stream a release.
func WriteKGXNodes(w io.Writer, g *Graph) error {
	bw := bufio.NewWriter(w)
	enc := newLineEncoder(bw)
	for _, n := range g.Nodes {
		if err := enc.Encode(toKGXNode(n)); err != nil {
			return fmt.Errorf("export kgx: node %s: %w", n.ID, err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export kgx nodes: %w", err)
	}
	return nil
}

// WriteKGXEdges writes edges.jsonl, the edge half of the release.
func WriteKGXEdges(w io.Writer, g *Graph) error {
	bw := bufio.NewWriter(w)
	enc := newLineEncoder(bw)
	for _, e := range g.Edges {
		if err := enc.Encode(toKGXEdge(e)); err != nil {
			return fmt.Errorf("export kgx: edge %s: %w", e.ID, err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export kgx edges: %w", err)
	}
	return nil
}

// Meta is what an export says about itself beyond the graph.
type Meta struct {
	// Date is the build date of the release; it is passed in rather than
	// read from the clock so that a release (and a golden file) is
	// reproducible.
	Date time.Time
	// Version is the kapgraph version that wrote the export (optional).
	Version string
}

// Manifest describes a KGX release: what it is, which Biolink release its
// records target, when it was built, and counts and checksums a consumer
// can verify the files against.
type Manifest struct {
	Name             string         `json:"name"`
	Description      string         `json:"description"`
	Format           string         `json:"format"`
	BiolinkVersion   string         `json:"biolink_version"`
	Date             string         `json:"date"`
	Infores          string         `json:"infores"`
	KapgraphVersion  string         `json:"kapgraph_version,omitempty"`
	PropertyPrefix   string         `json:"property_prefix"`
	Documents        []string       `json:"documents"`
	NodeCount        int            `json:"node_count"`
	EdgeCount        int            `json:"edge_count"`
	Files            []ManifestFile `json:"files"`
	NodesByCategory  map[string]int `json:"nodes_by_category"`
	EdgesByPredicate map[string]int `json:"edges_by_predicate"`
	KapCategories    map[string]int `json:"kap_categories"`
	KapPredicates    map[string]int `json:"kap_predicates"`
}

// ManifestFile is one file of a KGX release.
type ManifestFile struct {
	Path    string `json:"path"`
	Records int    `json:"records"`
	Bytes   int64  `json:"bytes"`
	SHA256  string `json:"sha256"`
}

// hashed runs a writer into a digest, so that the manifest can name the
// checksum of a file without the file being kept in memory.
func hashed(path string, records int, write func(io.Writer, *Graph) error, g *Graph) (ManifestFile, error) {
	h := sha256.New()
	cw := &countingWriter{w: h}
	if err := write(cw, g); err != nil {
		return ManifestFile{}, err
	}
	return ManifestFile{Path: path, Records: records, Bytes: cw.n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// NewManifest builds the manifest of the KGX files WriteKGXNodes and
// WriteKGXEdges write for g. It renders both files to hash them, so the
// checksums are those of exactly what a writer produces.
func NewManifest(g *Graph, meta Meta) (*Manifest, error) {
	m := &Manifest{
		Name:            "kapgraph",
		Description:     "Knowledge graph of ketamine-assisted psychotherapy for addiction, built from a review's text and curated claims.",
		Format:          "KGX JSON Lines (https://github.com/biolink/kgx/blob/master/docs/kgx_format.md)",
		BiolinkVersion:  BiolinkVersion,
		Infores:         Infores,
		KapgraphVersion: meta.Version,
		PropertyPrefix:  "kap_",
		Documents:       g.Documents,
		NodeCount:       len(g.Nodes),
		EdgeCount:       len(g.Edges),
		NodesByCategory: map[string]int{}, EdgesByPredicate: map[string]int{},
		KapCategories: map[string]int{}, KapPredicates: map[string]int{},
	}
	if m.Documents == nil {
		m.Documents = []string{}
	}
	if !meta.Date.IsZero() {
		m.Date = meta.Date.UTC().Format(time.DateOnly)
	}
	for _, n := range g.Nodes {
		m.NodesByCategory[nodeBiolink(n)]++
		m.KapCategories[string(n.Category)]++
	}
	for _, e := range g.Edges {
		m.EdgesByPredicate[edgeBiolink(e)]++
		m.KapPredicates[string(e.Predicate)]++
	}
	nf, err := hashed(KGXNodesFile, len(g.Nodes), WriteKGXNodes, g)
	if err != nil {
		return nil, err
	}
	ef, err := hashed(KGXEdgesFile, len(g.Edges), WriteKGXEdges, g)
	if err != nil {
		return nil, err
	}
	m.Files = []ManifestFile{nf, ef}
	return m, nil
}

// WriteKGXManifest writes manifest.json. KGX files carry no header, so
// without it a release would not say which Biolink version or build it is.
func WriteKGXManifest(w io.Writer, g *Graph, meta Meta) error {
	m, err := NewManifest(g, meta)
	if err != nil {
		return err
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("export kgx manifest: %w", err)
	}
	if _, err := w.Write(append(b, '\n')); err != nil {
		return fmt.Errorf("export kgx manifest: %w", err)
	}
	return nil
}

// WriteKGXArchive writes the three KGX files as one gzip-compressed tar,
// for a download that cannot leave a release half-fetched. Entry times are
// the build date, so the archive is reproducible.
func WriteKGXArchive(w io.Writer, g *Graph, meta Meta) error {
	mtime := meta.Date
	if mtime.IsZero() {
		mtime = time.Unix(0, 0)
	}
	zw := gzip.NewWriter(w)
	zw.ModTime = mtime
	tw := tar.NewWriter(zw)
	files := []struct {
		name  string
		write func(io.Writer) error
	}{
		{KGXNodesFile, func(w io.Writer) error { return WriteKGXNodes(w, g) }},
		{KGXEdgesFile, func(w io.Writer) error { return WriteKGXEdges(w, g) }},
		{KGXManifestFile, func(w io.Writer) error { return WriteKGXManifest(w, g, meta) }},
	}
	for _, f := range files {
		// tar needs each entry's size up front.
		var buf bytes.Buffer
		if err := f.write(&buf); err != nil {
			return err
		}
		hdr := &tar.Header{Name: f.name, Mode: 0o644, Size: int64(buf.Len()), ModTime: mtime}
		if err := tw.WriteHeader(hdr); err != nil {
			return fmt.Errorf("export kgx archive: %w", err)
		}
		if _, err := buf.WriteTo(tw); err != nil {
			return fmt.Errorf("export kgx archive: %w", err)
		}
	}
	if err := tw.Close(); err != nil {
		return fmt.Errorf("export kgx archive: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("export kgx archive: %w", err)
	}
	return nil
}
