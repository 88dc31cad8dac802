package trapi

import "encoding/json"

// TRAPI and Biolink versions the responses declare. TRAPI 1.5's shapes
// are checked by scripts/trapi-check.py with reasoner-pydantic 6.0.0.
const (
	SchemaVersion  = "1.5.0"
	BiolinkVersion = "4.4.6"
)

// Response statuses. TRAPI leaves the names to the server beyond
// "Success"; these follow the GraphQL error codes' meanings.
const (
	StatusSuccess      = "Success"
	StatusBadRequest   = "BadRequest"
	StatusNotTraversed = "QueryNotTraversable"
	StatusTooLarge     = "RequestTooLarge"
	StatusUnavailable  = "ServiceUnavailable"
	StatusTimeout      = "Timeout"
	StatusInternal     = "InternalError"
)

// Query is the body of POST /trapi/query. Fields kapgraph does not use
// (workflow, submitter, bypass_cache) are accepted and ignored, as TRAPI
// allows.
type Query struct {
	Message  QueryMessage `json:"message"`
	LogLevel string       `json:"log_level,omitempty"`
	// Modalities is kapgraph's opt-in beyond findings: the claim
	// modalities (ASSERTED, HEDGED, NEGATED, PROPOSED) the answer may use;
	// omitted, ASSERTED only (graph.DefaultModalities).
	Modalities []string `json:"kap_modalities,omitempty"`
}

// QueryMessage holds the query graph; a knowledge graph or results sent
// along are ignored (kapgraph answers lookups only).
type QueryMessage struct {
	QueryGraph json.RawMessage `json:"query_graph"`
}

// QueryGraph is the question: nodes and edges keyed by the caller's names.
type QueryGraph struct {
	Nodes map[string]QNode `json:"nodes"`
	Edges map[string]QEdge `json:"edges"`
}

// QNode is one query node.
type QNode struct {
	IDs               []string          `json:"ids"`
	Categories        []string          `json:"categories"`
	SetInterpretation string            `json:"set_interpretation"`
	MemberIDs         []string          `json:"member_ids"`
	Constraints       []json.RawMessage `json:"constraints"`
}

// QEdge is one query edge.
type QEdge struct {
	Subject              string                `json:"subject"`
	Object               string                `json:"object"`
	Predicates           []string              `json:"predicates"`
	KnowledgeType        string                `json:"knowledge_type"`
	AttributeConstraints []json.RawMessage     `json:"attribute_constraints"`
	QualifierConstraints []QualifierConstraint `json:"qualifier_constraints"`
}

// QualifierConstraint is met when every qualifier of its set is on the
// edge; a query edge's constraints are met when any one of them is.
type QualifierConstraint struct {
	QualifierSet []Qualifier `json:"qualifier_set"`
}

// Qualifier is one Biolink qualifier, on a query edge or a result edge.
type Qualifier struct {
	TypeID string `json:"qualifier_type_id"`
	Value  string `json:"qualifier_value"`
}

// Response is TRAPI's answer, for a success and for an error alike (an
// error has an empty message, a status other than Success and the reason
// in description and logs).
type Response struct {
	Message        Message    `json:"message"`
	Status         string     `json:"status"`
	Description    string     `json:"description"`
	Logs           []LogEntry `json:"logs"`
	SchemaVersion  string     `json:"schema_version"`
	BiolinkVersion string     `json:"biolink_version"`
}

// Message is the answer proper.
type Message struct {
	QueryGraph     json.RawMessage `json:"query_graph,omitempty"`
	KnowledgeGraph *KnowledgeGraph `json:"knowledge_graph"`
	Results        []Result        `json:"results"`
}

// LogEntry is one TRAPI log line.
type LogEntry struct {
	Timestamp string `json:"timestamp,omitempty"`
	Level     string `json:"level"`
	Code      string `json:"code,omitempty"`
	Message   string `json:"message"`
}

// KnowledgeGraph holds the nodes and edges the results bind.
type KnowledgeGraph struct {
	Nodes map[string]Node `json:"nodes"`
	Edges map[string]Edge `json:"edges"`
}

// Node is a knowledge-graph node.
type Node struct {
	Name       string      `json:"name,omitempty"`
	Categories []string    `json:"categories"`
	Attributes []Attribute `json:"attributes"`
}

// Edge is a knowledge-graph edge: one kapgraph claim.
type Edge struct {
	Subject    string      `json:"subject"`
	Predicate  string      `json:"predicate"`
	Object     string      `json:"object"`
	Sources    []Source    `json:"sources"`
	Qualifiers []Qualifier `json:"qualifiers,omitempty"`
	Attributes []Attribute `json:"attributes"`
}

// Source is a TRAPI RetrievalSource.
type Source struct {
	ResourceID          string   `json:"resource_id"`
	ResourceRole        string   `json:"resource_role"`
	UpstreamResourceIDs []string `json:"upstream_resource_ids,omitempty"`
}

// Attribute is a TRAPI attribute. AttributeTypeID is a Biolink slot where
// one has the meaning, else biolink:has_attribute with kapgraph's own
// property in OriginalName.
type Attribute struct {
	AttributeTypeID string      `json:"attribute_type_id"`
	Value           any         `json:"value"`
	ValueTypeID     string      `json:"value_type_id,omitempty"`
	OriginalName    string      `json:"original_attribute_name,omitempty"`
	Description     string      `json:"description,omitempty"`
	AttributeSource string      `json:"attribute_source,omitempty"`
	Attributes      []Attribute `json:"attributes,omitempty"`
}

// Result is one answer: a binding of every query node, and the edges that
// support it in one analysis.
type Result struct {
	NodeBindings map[string][]NodeBinding `json:"node_bindings"`
	Analyses     []Analysis               `json:"analyses"`
}

// NodeBinding binds a query node to a knowledge-graph node.
type NodeBinding struct {
	ID         string      `json:"id"`
	Attributes []Attribute `json:"attributes"`
}

// Analysis is kapgraph's support for a result: the edges bound to each
// query edge and the result's evidence score.
type Analysis struct {
	ResourceID    string                   `json:"resource_id"`
	Score         float64                  `json:"score"`
	ScoringMethod string                   `json:"scoring_method,omitempty"`
	EdgeBindings  map[string][]EdgeBinding `json:"edge_bindings"`
}

// EdgeBinding binds a query edge to a knowledge-graph edge.
type EdgeBinding struct {
	ID         string      `json:"id"`
	Attributes []Attribute `json:"attributes"`
}

// MetaKnowledgeGraph is the answer of GET /trapi/meta_knowledge_graph.
type MetaKnowledgeGraph struct {
	Nodes map[string]MetaNode `json:"nodes"`
	Edges []MetaEdge          `json:"edges"`
}

// MetaNode lists the id prefixes of one category's nodes.
type MetaNode struct {
	IDPrefixes []string `json:"id_prefixes"`
}

// MetaEdge is one (subject category, predicate, object category) kapgraph
// holds, with the qualifiers its edges may carry.
type MetaEdge struct {
	Subject        string          `json:"subject"`
	Predicate      string          `json:"predicate"`
	Object         string          `json:"object"`
	Qualifiers     []MetaQualifier `json:"qualifiers,omitempty"`
	KnowledgeTypes []string        `json:"knowledge_types"`
}

// MetaQualifier is one qualifier type with the values kapgraph emits.
type MetaQualifier struct {
	TypeID           string   `json:"qualifier_type_id"`
	ApplicableValues []string `json:"applicable_values,omitempty"`
}
