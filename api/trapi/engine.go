package trapi

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/biolink"
)

// Limits of one query. Like GraphQL's limits they bound what one request
// can make the store do, whatever the graph grows to.
const (
	// MaxEdges is the number of query edges answered: one-hop and
	// two-hop questions. Longer chains are what mechanismToOutcomePaths
	// is for.
	MaxEdges = 2
	// MaxIDs is the number of ids one query node may pin.
	MaxIDs = 100
	// DefaultMaxResults caps the results of one response; the rest are
	// dropped with a warning in logs.
	DefaultMaxResults = 500
	// maxRows caps the partial answers held while joining two hops, so
	// that a hub node cannot make a two-hop question unbounded.
	maxRows = 20000
)

// Engine answers TRAPI queries over any graph.Store: it uses only the
// Store's reads (NodesByID, EdgesOf, MetaGraph, ListNodes), so both
// engines answer alike.
type Engine struct {
	store      graph.Store
	maxResults int
}

// NewEngine returns an engine over store; maxResults <= 0 means
// DefaultMaxResults.
func NewEngine(store graph.Store, maxResults int) *Engine {
	if maxResults <= 0 {
		maxResults = DefaultMaxResults
	}
	return &Engine{store: store, maxResults: maxResults}
}

// qnode is a checked query node.
type qnode struct {
	key        string
	ids        []string
	categories []string
}

// qedge is a checked query edge with its store-level predicate filter.
type qedge struct {
	key         string
	subject     string
	object      string
	predicates  []string          // Biolink; never empty (related_to by default)
	storePreds  []graph.Predicate // the curated kapgraph predicates that can match
	constraints []QualifierConstraint
	symmetric   bool // some matching Biolink predicate is symmetric
}

// plan is a checked query graph.
type plan struct {
	nodes map[string]*qnode
	edges []*qedge // in key order
	logs  []LogEntry
	// modalities are the claim modalities the answer may use
	// (graph.CheckModalities: ASSERTED unless the query opts in).
	modalities []graph.Modality
}

func invalid(format string, args ...any) error {
	return graph.Errorf(graph.EINVALID, format, args...)
}

// check validates the query graph and refuses what kapgraph cannot answer
// faithfully: TRAPI asks a server to fail rather than ignore a constraint.
func check(raw json.RawMessage) (*plan, error) {
	if len(bytes.TrimSpace(raw)) == 0 || string(bytes.TrimSpace(raw)) == "null" {
		return nil, invalid("message.query_graph is required")
	}
	var qg QueryGraph
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&qg); err != nil {
		return nil, invalid("message.query_graph: %v", err)
	}
	if len(qg.Edges) == 0 {
		return nil, invalid("the query graph has no edges; kapgraph answers one-hop and two-hop questions")
	}
	if len(qg.Edges) > MaxEdges {
		return nil, graph.Errorf(graph.ELIMIT, "the query graph has %d edges; kapgraph answers at most %d (one-hop and two-hop questions)", len(qg.Edges), MaxEdges)
	}
	p := &plan{nodes: map[string]*qnode{}}
	pinned := false
	for _, key := range slices.Sorted(maps.Keys(qg.Nodes)) {
		n := qg.Nodes[key]
		if n.SetInterpretation != "" && n.SetInterpretation != "BATCH" {
			return nil, invalid("query node %s: set_interpretation %s is not supported (only BATCH)", key, n.SetInterpretation)
		}
		if len(n.Constraints) > 0 {
			return nil, invalid("query node %s: attribute constraints are not supported", key)
		}
		if len(n.IDs) > MaxIDs {
			return nil, graph.Errorf(graph.ELIMIT, "query node %s: %d ids, above the limit of %d", key, len(n.IDs), MaxIDs)
		}
		for _, c := range n.Categories {
			if !strings.HasPrefix(c, "biolink:") {
				return nil, invalid("query node %s: category %q is not a biolink: CURIE", key, c)
			}
		}
		ids := slices.Compact(slices.Sorted(slices.Values(n.IDs)))
		if len(ids) > 0 {
			pinned = true
		}
		p.nodes[key] = &qnode{key: key, ids: ids, categories: n.Categories}
	}
	used := map[string]bool{}
	for _, key := range slices.Sorted(maps.Keys(qg.Edges)) {
		e := qg.Edges[key]
		for _, end := range []string{e.Subject, e.Object} {
			if _, ok := p.nodes[end]; !ok {
				return nil, invalid("query edge %s: %q is not a query node", key, end)
			}
			used[end] = true
		}
		if e.KnowledgeType != "" && e.KnowledgeType != "lookup" {
			return nil, invalid("query edge %s: knowledge_type %s is not supported (kapgraph answers lookups)", key, e.KnowledgeType)
		}
		if len(e.AttributeConstraints) > 0 {
			return nil, invalid("query edge %s: attribute constraints are not supported", key)
		}
		qe := &qedge{key: key, subject: e.Subject, object: e.Object, predicates: e.Predicates, constraints: e.QualifierConstraints}
		if len(qe.predicates) == 0 {
			qe.predicates = []string{"biolink:related_to"}
		}
		for _, pr := range qe.predicates {
			if !strings.HasPrefix(pr, "biolink:") {
				return nil, invalid("query edge %s: predicate %q is not a biolink: CURIE", key, pr)
			}
		}
		for _, qc := range e.QualifierConstraints {
			for _, q := range qc.QualifierSet {
				if !strings.HasPrefix(q.TypeID, "biolink:") {
					return nil, invalid("query edge %s: qualifier type %q is not a biolink: CURIE", key, q.TypeID)
				}
			}
		}
		qe.storePreds = storePredicates(qe.predicates)
		for bl := range symmetricPredicates {
			if matchesAny(predicateAncestors, bl, qe.predicates) {
				qe.symmetric = true
			}
		}
		p.edges = append(p.edges, qe)
	}
	for key := range p.nodes {
		if !used[key] {
			return nil, invalid("query node %s is on no query edge", key)
		}
	}
	if len(p.edges) == 2 {
		a, b := p.edges[0], p.edges[1]
		if a.subject != b.subject && a.subject != b.object && a.object != b.subject && a.object != b.object {
			return nil, invalid("the two query edges share no node")
		}
	}
	if !pinned {
		return nil, graph.Errorf(graph.ELIMIT, "no query node has ids: the question is too broad; pin at least one node with ids")
	}
	p.warnUnknown()
	return p, nil
}

// warnUnknown says, in logs, which query terms no kapgraph node or edge
// can ever match, so that an empty answer is not a mystery.
func (p *plan) warnUnknown() {
	cats, preds := knownTerms(categoryAncestors), knownTerms(predicateAncestors)
	for _, key := range slices.Sorted(maps.Keys(p.nodes)) {
		for _, c := range p.nodes[key].categories {
			if !cats[c] {
				p.logs = append(p.logs, LogEntry{Level: "WARNING", Code: "UnsupportedCategory",
					Message: fmt.Sprintf("query node %s: no kapgraph node is a %s", key, c)})
			}
		}
	}
	for _, e := range p.edges {
		for _, pr := range e.predicates {
			if !preds[pr] {
				p.logs = append(p.logs, LogEntry{Level: "WARNING", Code: "UnsupportedPredicate",
					Message: fmt.Sprintf("query edge %s: no kapgraph edge is a %s", e.key, pr)})
			}
		}
	}
}

// storePredicates are the curated kapgraph predicates whose Biolink
// predicate (under any sign) descends from one of qpreds: the filter
// handed to the store. The lexical layer (sections, passages, mentions)
// is not served over TRAPI: it is the text's structure, not knowledge.
func storePredicates(qpreds []string) []graph.Predicate {
	var out []graph.Predicate
	for _, p := range graph.Predicates() {
		if !p.Curated() {
			continue
		}
		for _, s := range []graph.Sign{graph.Unsigned, graph.Increases, graph.Decreases} {
			if matchesAny(predicateAncestors, p.Biolink(s), qpreds) {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

func matchesAny(table map[string][]string, term string, queried []string) bool {
	for _, q := range queried {
		if isA(table, term, q) {
			return true
		}
	}
	return false
}

// edgeQualifiers lists the Biolink qualifiers of a kapgraph edge, as the
// KGX export emits them.
func edgeQualifiers(e *graph.Edge) []Qualifier {
	bq := biolink.EdgeQualifiers(e)
	var out []Qualifier
	for _, q := range []Qualifier{
		{"biolink:qualified_predicate", bq.QualifiedPredicate},
		{"biolink:object_direction_qualifier", bq.ObjectDirection},
		{"biolink:object_aspect_qualifier", bq.ObjectAspect},
		{"biolink:causal_mechanism_qualifier", bq.CausalMechanism},
	} {
		if q.Value != "" {
			out = append(out, q)
		}
	}
	return out
}

// meetsConstraints applies TRAPI's rule: no constraint matches any edge;
// else some qualifier set must be wholly on the edge. A value matches
// itself, and activity_or_abundance matches activity and abundance.
func meetsConstraints(e *graph.Edge, cs []QualifierConstraint) bool {
	if len(cs) == 0 {
		return true
	}
	have := edgeQualifiers(e)
	if e.EffectSign() == graph.Unsigned {
		// A NEGATED claim keeps its direction for Biolink's negated
		// reading ("did not decrease"), but never answers a question
		// about a signed effect.
		have = slices.DeleteFunc(have, func(q Qualifier) bool { return q.TypeID == "biolink:object_direction_qualifier" })
	}
	for _, c := range cs {
		all := true
		for _, want := range c.QualifierSet {
			found := false
			for _, q := range have {
				if q.TypeID == want.TypeID && (q.Value == want.Value || slices.Contains(aspectChildren[want.Value], q.Value) && q.TypeID == "biolink:object_aspect_qualifier") {
					found = true
					break
				}
			}
			if !found {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// row is one partial answer: a node per bound query node, an edge per
// joined query edge.
type row struct {
	nodes map[string]string
	edges map[string]*graph.Edge
}

func (r row) extend(qn, id, qe string, e *graph.Edge) row {
	out := row{nodes: maps.Clone(r.nodes), edges: maps.Clone(r.edges)}
	out.nodes[qn] = id
	out.edges[qe] = e
	return out
}

// answer is what a query found, before it is rendered.
type answer struct {
	results []*result
	nodes   map[string]*graph.Node
	logs    []LogEntry
}

type result struct {
	key   string
	nodes map[string]string
	edges map[string][]*graph.Edge
	score float64
}

// run joins the query edges from the pinned nodes outwards, one store
// read per query edge plus one for the nodes each read reaches.
func (eng *Engine) run(ctx context.Context, p *plan) (*answer, error) {
	ans := &answer{nodes: map[string]*graph.Node{}, logs: p.logs}
	// Pinned nodes are read first: an unknown id binds nothing, and a
	// pinned node's categories must hold too.
	var ids []string
	for _, n := range p.nodes {
		ids = append(ids, n.ids...)
	}
	if err := eng.readNodes(ctx, ans.nodes, ids); err != nil {
		return nil, err
	}
	for _, key := range slices.Sorted(maps.Keys(p.nodes)) {
		for _, id := range p.nodes[key].ids {
			if ans.nodes[id] == nil {
				ans.logs = append(ans.logs, LogEntry{Level: "WARNING", Code: "UnknownID",
					Message: fmt.Sprintf("query node %s: kapgraph has no node %s", key, id)})
			}
		}
	}
	start := ""
	for _, key := range slices.Sorted(maps.Keys(p.nodes)) {
		if len(p.nodes[key].ids) > 0 {
			start = key
			break
		}
	}
	var rows []row
	for _, id := range p.nodes[start].ids {
		if n := ans.nodes[id]; n != nil && eng.nodeMatches(p.nodes[start], n) {
			rows = append(rows, row{nodes: map[string]string{start: id}, edges: map[string]*graph.Edge{}})
		}
	}
	done := map[string]bool{}
	for range p.edges {
		if len(rows) == 0 {
			break
		}
		// The next edge is one with a bound end; edges are connected,
		// so there always is one.
		var qe *qedge
		for _, e := range p.edges {
			if done[e.key] {
				continue
			}
			if _, ok := rows[0].nodes[e.subject]; ok {
				qe = e
				break
			}
			if _, ok := rows[0].nodes[e.object]; ok {
				qe = e
				break
			}
		}
		done[qe.key] = true
		var err error
		rows, err = eng.join(ctx, p, qe, rows, ans)
		if err != nil {
			return nil, err
		}
	}
	ans.results = group(p, rows)
	return ans, nil
}
