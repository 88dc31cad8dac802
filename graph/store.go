package graph

import (
	"context"
)

// Store is what the API needs from a graph engine. graph/memory and
// graph/neo4j implement it; graph/storetest holds the one suite both must
// pass. Queries are validated (Normalize) before an engine sees them, so
// both engines refuse the same requests with the same codes.
//
// Every read the API makes is a method here, none an optional interface
// found by type assertion: a wrapper (graph/traced, a test double) that
// forgot one would silently send the API down a slower path, where now
// the compiler refuses it. An engine without a faster way answers with
// the reference built on its other methods (ReadByCalls, PageByEdgesOf,
// GatherEvidence).
type Store interface {
	// Load writes one document, replacing any earlier version of it
	// atomically: readers see the old document or the new one, never a
	// mixture, and a failed load leaves the old one in place.
	Load(ctx context.Context, doc *Document) (*LoadResult, error)

	// Node returns one node, or an ENOTFOUND error.
	Node(ctx context.Context, id string) (*Node, error)
	// NodesByID returns the nodes that exist among ids, in no fixed order.
	NodesByID(ctx context.Context, ids []string) ([]*Node, error)
	// ListNodes filters, orders and pages nodes.
	ListNodes(ctx context.Context, q NodeQuery) (*NodePage, error)
	// EdgesOf returns the edges touching any of q.NodeIDs, in no fixed
	// order; the API batches per-node relationship fields through it.
	EdgesOf(ctx context.Context, q EdgeQuery) ([]*Edge, error)
	// EdgesByID returns the edges that exist among ids, in no fixed order.
	EdgesByID(ctx context.Context, ids []string) ([]*Edge, error)
	// EdgePages returns one page of claims for each of q.NodeIDs (an empty
	// page for a node without any), so that a node with thousands of
	// claims sends the page, not all of them. PageByEdgesOf is the
	// reference every engine must agree with.
	EdgePages(ctx context.Context, q EdgePageQuery) (map[string]*EdgePage, error)
	// Read answers a whole ReadPlan, the nodes and nested claim pages one
	// GraphQL root field will read; on Neo4j in one statement. ReadByCalls
	// is the reference every engine must agree with.
	Read(ctx context.Context, p ReadPlan) (*ReadResult, error)
	// Claims lists claims across the graph, filtered and paged.
	Claims(ctx context.Context, q ClaimQuery) (*ClaimPage, error)
	// Evidence gathers what the graph says about one drug and one
	// disorder. GatherEvidence is the reference every engine must agree
	// with.
	Evidence(ctx context.Context, drug, disorder string) (*EvidenceReport, error)

	// Neighborhood returns the subgraph within q.Depth hops of a node.
	Neighborhood(ctx context.Context, q NeighborhoodQuery) (*Subgraph, error)
	// Paths returns simple paths between two nodes, shortest and best
	// supported first.
	Paths(ctx context.Context, q PathQuery) ([]*Path, error)
	// ShortestPath returns one shortest path (ties broken by evidence
	// score, then ids), or nil when the nodes are not connected within
	// q.MaxHops.
	ShortestPath(ctx context.Context, q PathQuery) (*Path, error)
	// MechanismPaths returns directed, signed causal chains from a drug
	// or mechanism to clinical outcomes, best supported first.
	MechanismPaths(ctx context.Context, q MechanismPathQuery) ([]*Path, error)

	// Search finds nodes by name and synonyms.
	Search(ctx context.Context, q SearchQuery) ([]*SearchHit, error)
	// Stats counts what the graph holds, for dashboards.
	Stats(ctx context.Context) (*Stats, error)
	// FanOut tells how far one step of a query can fan out in the graph
	// as loaded (see FanOut), for pricing queries; computed once per
	// version of the graph.
	FanOut(ctx context.Context) (*FanOut, error)
	// MetaGraph lists every (subject category, predicate, object
	// category) triple present, with counts.
	MetaGraph(ctx context.Context) ([]*MetaEdge, error)

	// Ping reports whether the engine answers.
	Ping(ctx context.Context) error
	// Close releases the engine's resources.
	Close(ctx context.Context) error
}

// LoadResult says what a load wrote.
type LoadResult struct {
	Document     string `json:"document"`
	Nodes        int    `json:"nodes"`
	Edges        int    `json:"edges"`
	Replaced     bool   `json:"replaced"` // an earlier version was replaced
	RemovedNodes int    `json:"removedNodes"`
	RemovedEdges int    `json:"removedEdges"`
}

// Direction of edges relative to a node.
type Direction string

const (
	Out  Direction = "OUT"
	In   Direction = "IN"
	Both Direction = "BOTH"
)

// NodeOrder is a sort key for ListNodes.
type NodeOrder string

const (
	OrderByName NodeOrder = "NAME"
	OrderByID   NodeOrder = "ID"
	OrderByYear NodeOrder = "YEAR"
)

// NodeQuery filters and pages nodes. Pages are keyset-based: After is the
// opaque cursor of the last node of the previous page.
type NodeQuery struct {
	Category     Category
	NameContains string // case-insensitive substring of name or a synonym
	Kind         string
	Document     string
	Design       string
	MaxEvidence  int // Study: evidence level at most this (1 best)
	YearFrom     int
	YearTo       int
	OrderBy      NodeOrder
	Descending   bool
	First        int
	After        string
}

// NodePage is one page of ListNodes.
type NodePage struct {
	Nodes       []*Node
	Cursors     []string // one per node
	HasNext     bool
	TotalCount  int
	StartCursor string
	EndCursor   string
}

// EdgeQuery selects the edges touching a set of nodes.
type EdgeQuery struct {
	NodeIDs    []string
	Direction  Direction
	Predicates []Predicate // empty: all
}

// NeighborhoodQuery asks for the subgraph around one node.
type NeighborhoodQuery struct {
	ID         string
	Depth      int
	Predicates []Predicate // empty: curated predicates
	Limit      int         // maximum number of nodes
	// NodeFields, when not nil, are the Node fields (by JSON name) the
	// caller reads of the subgraph's nodes, and ClaimFields those of its
	// edges: an engine may then return nodes with only those fields (and
	// id and category, always), as PlanNode.Fields, and edges with only
	// those (and id, predicate, subject and object, always), as
	// PlanPage.ClaimFields. A neighbourhood is mostly ids and names, and a
	// claim's evidence is most of its bytes. Such a subgraph answers the
	// question's own places only: a node or edge cache must not keep it.
	NodeFields  []string
	ClaimFields []string
}

// Subgraph is a self-contained set of nodes and the edges among them,
// ready for a graph visualiser.
type Subgraph struct {
	Nodes     []*Node
	Edges     []*Edge
	Truncated bool // Limit cut the neighbourhood short
}

// PathQuery asks for paths between two nodes.
type PathQuery struct {
	From       string
	To         string
	Predicates []Predicate // empty: curated predicates
	MaxHops    int
	First      int
	Directed   bool   // follow edges only from subject to object
	StatedOnly bool   // leave out inferred claims (PathSearch.StatedOnly)
	Via        string // optional: every path passes through this node
	// Modalities are the claims' modalities paths may follow; empty:
	// DefaultModalities (PathSearch.Modalities).
	Modalities []Modality
}

// MechanismPathQuery asks for causal chains to clinical outcomes.
type MechanismPathQuery struct {
	From     string // a Drug or Mechanism
	To       string // optional: one Outcome or Symptom
	Disorder string // optional: leave out hops specific to another disorder
	MaxHops  int
	First    int
	// StatedOnly, Via and Modalities as in PathQuery. Whatever the
	// modalities, a chain only follows signed effects (Edge.SignedEffect):
	// never an unsigned or a NEGATED claim.
	StatedOnly bool
	Via        string
	Modalities []Modality
}

// Hop is one step of a path. Forward is false when an undirected path
// walks the edge from object to subject.
type Hop struct {
	Edge    *Edge
	From    string
	To      string
	Forward bool
}

// Path is a chain of hops with its derived measures.
type Path struct {
	Nodes  []string // Nodes[i] and Nodes[i+1] are joined by Hops[i]
	Hops   []Hop
	Length int
	Sign   Sign    // composed sign of the hops; Unsigned if any hop is
	Score  float64 // product of the hops' evidence scores
	// Resolved holds Nodes whole, in order, when the engine read them
	// with the path (nil otherwise; nil at i for a dangling id), so that
	// the nodes a path query selects cost no further round trip.
	Resolved []*Node `json:"-"`
}

// ResolvePathNodes fills each path's Resolved from node.
func ResolvePathNodes(ps []*Path, node func(id string) *Node) {
	for _, p := range ps {
		if p == nil {
			continue
		}
		p.Resolved = make([]*Node, len(p.Nodes))
		for i, id := range p.Nodes {
			p.Resolved[i] = node(id)
		}
	}
}

// SearchQuery is a full-text query over entity names and synonyms,
// passages, claim quotes and references (see textsearch.go).
type SearchQuery struct {
	Text string
	// Categories restricts node hits; empty: every curated category, Study
	// and Passage (as far as Kinds wants them).
	Categories []Category
	// Kinds restricts hits by kind; empty: every kind, or, when Categories
	// is given, the node kinds only (a category search finds nodes, as it
	// did before claims were searchable).
	Kinds []SearchKind
	First int
}

// SearchHit is one search result.
type SearchHit struct {
	// Node is the node found; for a claim hit, the passage of the quote
	// that matched.
	Node    *Node
	Claim   *Edge // the claim of a claim hit, else nil
	Score   float64
	Matched string     // the text that matched best, whole
	Kind    SearchKind // what was found
	Field   string     // which text of it matched: name, synonym, text, title, authors, quote
	Snippet string     // Matched around the query's words, marked (Snippet)
}

// Count is one bucket of a histogram.
type Count struct {
	Key   string `json:"key"`
	Count int    `json:"count"`
}

// Stats is what dashboards chart.
type Stats struct {
	Nodes           int     `json:"nodes"`
	Edges           int     `json:"edges"`
	Documents       int     `json:"documents"`
	ByCategory      []Count `json:"byCategory"`
	ByPredicate     []Count `json:"byPredicate"`
	ByDesign        []Count `json:"byDesign"`
	ByEvidenceLevel []Count `json:"byEvidenceLevel"`
	ByYear          []Count `json:"byYear"`
	ByConcernKind   []Count `json:"byConcernKind"`
}

// MetaEdge is one (subject category, predicate, object category) triple.
type MetaEdge struct {
	Subject   Category  `json:"subject"`
	Predicate Predicate `json:"predicate"`
	Object    Category  `json:"object"`
	Count     int       `json:"count"`
}
