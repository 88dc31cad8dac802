package trapi

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/biolink"
)

// hasAttribute is the attribute type of kapgraph's own properties, which
// Biolink has no slot for; original_attribute_name says which one (the
// kap_ name the KGX export uses for it).
const hasAttribute = "biolink:has_attribute"

// Query answers one TRAPI query. Errors are domain errors (graph.Error)
// whose code the handler turns into a status.
func (eng *Engine) Query(ctx context.Context, q *Query) (*Response, error) {
	p, err := check(q.Message.QueryGraph)
	if err != nil {
		return nil, err
	}
	ms := make([]graph.Modality, len(q.Modalities))
	for i, m := range q.Modalities {
		ms[i] = graph.Modality(m)
	}
	if p.modalities, err = graph.CheckModalities(ms); err != nil {
		return nil, invalid("kap_modalities: %v", err)
	}
	ans, err := eng.run(ctx, p)
	if err != nil {
		return nil, err
	}
	logs := ans.logs
	total := len(ans.results)
	if total > eng.maxResults {
		ans.results = ans.results[:eng.maxResults]
		logs = append(logs, LogEntry{Level: "WARNING", Code: "Truncated",
			Message: fmt.Sprintf("%d results; only the best %d are returned", total, eng.maxResults)})
	}
	kg, err := eng.knowledgeGraph(ctx, ans)
	if err != nil {
		return nil, err
	}
	results := make([]Result, 0, len(ans.results))
	for _, r := range ans.results {
		res := Result{NodeBindings: map[string][]NodeBinding{}, Analyses: []Analysis{{
			ResourceID: biolink.Infores, Score: r.score, ScoringMethod: "kapgraph evidence score: product over query edges of the best edge's score",
			EdgeBindings: map[string][]EdgeBinding{},
		}}}
		for qn, id := range r.nodes {
			res.NodeBindings[qn] = []NodeBinding{{ID: id, Attributes: []Attribute{}}}
		}
		for qe, es := range r.edges {
			for _, e := range es {
				res.Analyses[0].EdgeBindings[qe] = append(res.Analyses[0].EdgeBindings[qe], EdgeBinding{ID: e.ID, Attributes: []Attribute{}})
			}
		}
		results = append(results, res)
	}
	logs = append(logs, LogEntry{Level: "INFO", Code: "Answered",
		Message: fmt.Sprintf("%d results, %d nodes, %d edges", len(results), len(kg.Nodes), len(kg.Edges))})
	return &Response{
		Message:        Message{QueryGraph: q.Message.QueryGraph, KnowledgeGraph: kg, Results: results},
		Status:         StatusSuccess,
		Description:    fmt.Sprintf("Success. %d results.", len(results)),
		Logs:           logs,
		SchemaVersion:  SchemaVersion,
		BiolinkVersion: BiolinkVersion,
	}, nil
}

// knowledgeGraph holds the nodes and edges the kept results bind, and
// reads the citation concerns those edges carry (one more store read).
func (eng *Engine) knowledgeGraph(ctx context.Context, ans *answer) (*KnowledgeGraph, error) {
	kg := &KnowledgeGraph{Nodes: map[string]Node{}, Edges: map[string]Edge{}}
	var edges []*graph.Edge
	var concernIDs []string
	for _, r := range ans.results {
		for _, id := range r.nodes {
			if _, ok := kg.Nodes[id]; !ok {
				kg.Nodes[id] = toNode(ans.nodes[id])
			}
		}
		for _, es := range r.edges {
			for _, e := range es {
				if !slices.Contains(edges, e) {
					edges = append(edges, e)
					concernIDs = append(concernIDs, e.Concerns...)
				}
			}
		}
	}
	concerns := map[string]*graph.Node{}
	if len(concernIDs) > 0 {
		ns, err := eng.store.NodesByID(ctx, slices.Compact(slices.Sorted(slices.Values(concernIDs))))
		if err != nil {
			return nil, fmt.Errorf("trapi: citation concerns: %w", err)
		}
		for _, n := range ns {
			concerns[n.ID] = n
		}
	}
	for _, e := range edges {
		kg.Edges[e.ID] = toEdge(e, concerns)
	}
	return kg, nil
}

func toNode(n *graph.Node) Node {
	out := Node{Name: n.Name, Categories: []string{biolink.NodeCategory(n)}, Attributes: []Attribute{}}
	if len(n.Xrefs) > 0 {
		out.Attributes = append(out.Attributes, Attribute{AttributeTypeID: "biolink:xref", Value: n.Xrefs})
	}
	if len(n.Synonyms) > 0 {
		out.Attributes = append(out.Attributes, Attribute{AttributeTypeID: "biolink:synonym", Value: n.Synonyms})
	}
	if n.Description != "" {
		out.Attributes = append(out.Attributes, Attribute{AttributeTypeID: "biolink:description", Value: n.Description})
	}
	out.Attributes = append(out.Attributes, Attribute{AttributeTypeID: hasAttribute, OriginalName: "kap_category",
		Value: string(n.Category), Description: "kapgraph's own category of the node"})
	return out
}

// toEdge renders one claim with the provenance TRAPI consumers filter on:
// kapgraph as primary knowledge source, knowledge level and agent type,
// the review's sentences, the cited studies and the review itself as
// publications, and the citation concerns the loader found.
func toEdge(e *graph.Edge, concerns map[string]*graph.Node) Edge {
	bq := biolink.EdgeQualifiers(e)
	out := Edge{
		Subject: e.Subject, Predicate: biolink.EdgePredicate(e), Object: e.Object,
		Sources:    []Source{{ResourceID: biolink.Infores, ResourceRole: "primary_knowledge_source"}},
		Qualifiers: edgeQualifiers(e),
		Attributes: []Attribute{
			{AttributeTypeID: "biolink:knowledge_level", Value: biolink.OrNotProvided(e.KnowledgeLevel)},
			{AttributeTypeID: "biolink:agent_type", Value: biolink.OrNotProvided(e.AgentType)},
			{AttributeTypeID: "biolink:original_predicate", Value: biolink.PredicatePrefix + string(e.Predicate)},
		},
	}
	var quotes []string
	for _, ev := range e.Evidence {
		quotes = append(quotes, ev.Quote)
	}
	if len(quotes) > 0 {
		out.Attributes = append(out.Attributes, Attribute{AttributeTypeID: "biolink:supporting_text", Value: quotes,
			Description: "the review's sentences the claim rests on"})
	}
	pubs := e.Publications()
	if e.Document != "" && !slices.Contains(pubs, e.Document) {
		pubs = append([]string{e.Document}, pubs...)
	}
	if len(pubs) > 0 {
		out.Attributes = append(out.Attributes, Attribute{AttributeTypeID: "biolink:publications", Value: pubs,
			Description: "the review the claim comes from, then the studies its sentences cite"})
	}
	if e.Negated {
		out.Attributes = append(out.Attributes, Attribute{AttributeTypeID: "biolink:negated", Value: true})
	}
	kap := func(name, desc string, v any) {
		out.Attributes = append(out.Attributes, Attribute{AttributeTypeID: hasAttribute, OriginalName: name, Value: v,
			Description: desc, AttributeSource: biolink.Infores})
	}
	kap("kap_score", "evidence score in [0,1], from the cited studies' designs and the claim's origin", e.Score)
	if e.Sign != graph.Unsigned {
		kap("kap_sign", "direction of the effect or correlation", string(e.Sign))
	}
	if e.Predicate.Curated() {
		kap("kap_modality", "how the review states the claim: ASSERTED, HEDGED, NEGATED (also biolink:negated) or PROPOSED; answers use ASSERTED claims unless the query's kap_modalities names others", string(e.Status()))
	}
	if e.Origin != "" {
		kap("kap_origin", "stated: the review says it; inferred: a curator inferred it from the review; extracted: the loader's rules read it from a sentence, no curator confirmed it (agent_type text_mining_agent)", e.Origin)
	}
	if bq.KapAspect != "" {
		kap("kap_aspect", "aspect of the object affected, outside Biolink's aspect enum", bq.KapAspect)
	}
	if bq.KapMechanism != "" {
		kap("kap_mechanism", "mechanism of the effect, outside Biolink's mechanism enum", bq.KapMechanism)
	}
	for _, id := range e.Concerns {
		a := Attribute{AttributeTypeID: hasAttribute, OriginalName: "kap_citation_concern", Value: id,
			AttributeSource: biolink.Infores, Description: "a citation concern the loader found in the claim's evidence"}
		if c := concerns[id]; c != nil {
			if c.Description != "" {
				a.Description = c.Description
			} else if c.Name != "" {
				a.Description = c.Name
			}
			if c.ConcernKind != "" {
				a.Attributes = []Attribute{{AttributeTypeID: hasAttribute, OriginalName: "kap_concern_kind", Value: c.ConcernKind}}
			}
		}
		out.Attributes = append(out.Attributes, a)
	}
	return out
}

// MetaKnowledgeGraph lists what kapgraph can answer: the curated
// (subject category, predicate, object category) triples the store holds,
// and the id prefixes of each category's nodes.
func (eng *Engine) MetaKnowledgeGraph(ctx context.Context) (*MetaKnowledgeGraph, error) {
	triples, err := eng.store.MetaGraph(ctx)
	if err != nil {
		return nil, fmt.Errorf("trapi: meta graph: %w", err)
	}
	mkg := &MetaKnowledgeGraph{Nodes: map[string]MetaNode{}, Edges: []MetaEdge{}}
	seen := map[string]bool{}
	cats := map[graph.Category]bool{}
	for _, t := range triples {
		if !t.Predicate.Curated() {
			continue
		}
		cats[t.Subject], cats[t.Object] = true, true
		signs := []graph.Sign{graph.Unsigned}
		if t.Predicate.Signed() {
			signs = []graph.Sign{graph.Increases, graph.Decreases}
		}
		for _, s := range signs {
			me := MetaEdge{Subject: t.Subject.Biolink(), Predicate: t.Predicate.Biolink(s), Object: t.Object.Biolink(), KnowledgeTypes: []string{"lookup"}}
			if t.Predicate == graph.Affects {
				me.Qualifiers = []MetaQualifier{
					{TypeID: "biolink:qualified_predicate", ApplicableValues: []string{biolink.Causes}},
					{TypeID: "biolink:object_direction_qualifier", ApplicableValues: []string{"increased", "decreased"}},
					{TypeID: "biolink:object_aspect_qualifier"},
					{TypeID: "biolink:causal_mechanism_qualifier"},
				}
			}
			key := me.Subject + " " + me.Predicate + " " + me.Object
			if !seen[key] {
				seen[key] = true
				mkg.Edges = append(mkg.Edges, me)
			}
		}
	}
	slices.SortFunc(mkg.Edges, func(a, b MetaEdge) int {
		return cmp.Or(cmp.Compare(a.Subject, b.Subject), cmp.Compare(a.Predicate, b.Predicate), cmp.Compare(a.Object, b.Object))
	})
	for c := range cats {
		prefixes, err := eng.idPrefixes(ctx, c)
		if err != nil {
			return nil, err
		}
		bl := c.Biolink()
		mn := mkg.Nodes[bl]
		mn.IDPrefixes = slices.Compact(slices.Sorted(slices.Values(append(mn.IDPrefixes, prefixes...))))
		mkg.Nodes[bl] = mn
	}
	return mkg, nil
}

// idPrefixes pages through one category's nodes and collects the CURIE
// prefixes of their ids.
func (eng *Engine) idPrefixes(ctx context.Context, c graph.Category) ([]string, error) {
	var out []string
	q := graph.NodeQuery{Category: c, OrderBy: graph.OrderByID, First: graph.MaxPageSize}
	for {
		page, err := eng.store.ListNodes(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("trapi: nodes of %s: %w", c, err)
		}
		for _, n := range page.Nodes {
			if i := strings.IndexByte(n.ID, ':'); i > 0 {
				out = append(out, n.ID[:i])
			}
		}
		if !page.HasNext {
			return out, nil
		}
		q.After = page.EndCursor
	}
}

// marshal renders a response the way the handler writes it (and the
// golden files hold it): indented, with <, > and & as they are (the
// review's sentences hold them).
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("trapi: encoding the response: %w", err)
	}
	return buf.Bytes(), nil
}
