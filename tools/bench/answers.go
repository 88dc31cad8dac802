package bench

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Answers are normalised to one shape per question whatever system gave
// them: ids, sets and counts, floats at 1e-6, signs in lower case, lists
// whose order the question does not fix sorted. Two systems agree when the
// JSON of their normalised answers is byte-identical.

// AnsCount is one histogram bucket.
type AnsCount struct {
	Key   string `json:"key"`
	Count int    `json:"count"`
}

// AnsStats is (a).
type AnsStats struct {
	Nodes           int        `json:"nodes"`
	Edges           int        `json:"edges"`
	Documents       int        `json:"documents"`
	ByCategory      []AnsCount `json:"byCategory"`
	ByPredicate     []AnsCount `json:"byPredicate"`
	ByDesign        []AnsCount `json:"byDesign"`
	ByEvidenceLevel []AnsCount `json:"byEvidenceLevel"`
	ByYear          []AnsCount `json:"byYear"`
	ByConcernKind   []AnsCount `json:"byConcernKind"`
}

// AnsEvidence is one evidence sentence.
type AnsEvidence struct {
	Quote   string   `json:"quote"`
	Passage string   `json:"passage"`
	Studies []string `json:"studies"`
}

// AnsClaim is one claim of (b) with its object.
type AnsClaim struct {
	ID       string        `json:"id"`
	Sign     string        `json:"sign"`
	Score    string        `json:"score"`
	Evidence []AnsEvidence `json:"evidence"`
	Object   *AnsEntity    `json:"object"`
}

// AnsEntity is (b): a node, its claims' total and the page of them.
type AnsEntity struct {
	ID     string     `json:"id"`
	Name   string     `json:"name"`
	Total  *int       `json:"total,omitempty"`
	Claims []AnsClaim `json:"claims,omitempty"`
}

// AnsStudy is one row of (c).
type AnsStudy struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Year   int    `json:"year"`
	Design string `json:"design"`
	Level  int    `json:"evidenceLevel"`
}

// AnsList is (c).
type AnsList struct {
	Total   int        `json:"total"`
	HasNext bool       `json:"hasNext"`
	Studies []AnsStudy `json:"studies"`
}

// AnsPath is one path of (d) and (e).
type AnsPath struct {
	Length int      `json:"length"`
	Sign   string   `json:"sign"`
	Score  string   `json:"score"`
	Nodes  []string `json:"nodes"` // "id name"
	Claims []string `json:"claims"`
}

// AnsSubgraph is (f).
type AnsSubgraph struct {
	Truncated bool     `json:"truncated"`
	Nodes     []string `json:"nodes"` // "id|name|category", sorted
	Edges     []string `json:"edges"` // "id|predicate|subject|object", sorted
}

func score(f float64) string { return fmt.Sprintf("%.6f", f) }

func sign(s *string) string {
	if s == nil {
		return ""
	}
	return strings.ToLower(*s)
}

// canonical is the JSON of a normalised answer.
func canonical(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}

// evidenceOf normalises kapgraph's evidence list.
func normEvidence(evs []AnsEvidence) []AnsEvidence {
	out := make([]AnsEvidence, len(evs))
	for i, ev := range evs {
		ev.Studies = slices.Clone(ev.Studies)
		slices.Sort(ev.Studies)
		if ev.Studies == nil {
			ev.Studies = []string{}
		}
		out[i] = ev
	}
	return out
}

// evidenceJSON reads evidence as kapgraph stores it on a relationship
// (graph.Evidence as JSON).
func evidenceJSON(s *string) ([]AnsEvidence, error) {
	if s == nil || *s == "" {
		return []AnsEvidence{}, nil
	}
	var evs []struct {
		Quote   string   `json:"quote"`
		Passage string   `json:"passage"`
		Studies []string `json:"studies"`
	}
	if err := json.Unmarshal([]byte(*s), &evs); err != nil {
		return nil, fmt.Errorf("evidence_json: %w", err)
	}
	out := make([]AnsEvidence, len(evs))
	for i, ev := range evs {
		out[i] = AnsEvidence{Quote: ev.Quote, Passage: ev.Passage, Studies: ev.Studies}
	}
	return normEvidence(out), nil
}

// ---- kapgraph's GraphQL answers ----------------------------------------------

type kgCounts []AnsCount

type kgClaim struct {
	ID       string  `json:"id"`
	Sign     *string `json:"sign"`
	Score    float64 `json:"score"`
	Evidence []struct {
		Quote     string `json:"quote"`
		PassageID string `json:"passageId"`
		Studies   []struct {
			ID string `json:"id"`
		} `json:"studies"`
	} `json:"evidence"`
	Object *kgNode `json:"object"`
}

type kgConn struct {
	TotalCount int `json:"totalCount"`
	Edges      []struct {
		Node kgClaim `json:"node"`
	} `json:"edges"`
}

type kgNode struct {
	ID     string  `json:"id"`
	Name   string  `json:"name"`
	Claims *kgConn `json:"claims"`
}

func (c kgClaim) norm() AnsClaim {
	evs := make([]AnsEvidence, len(c.Evidence))
	for i, ev := range c.Evidence {
		evs[i] = AnsEvidence{Quote: ev.Quote, Passage: ev.PassageID}
		for _, s := range ev.Studies {
			evs[i].Studies = append(evs[i].Studies, s.ID)
		}
	}
	a := AnsClaim{ID: c.ID, Sign: sign(c.Sign), Score: score(c.Score), Evidence: normEvidence(evs)}
	if c.Object != nil {
		o := c.Object.norm()
		a.Object = &o
	}
	return a
}

func (n kgNode) norm() AnsEntity {
	a := AnsEntity{ID: n.ID, Name: n.Name}
	if n.Claims != nil {
		t := n.Claims.TotalCount
		a.Total = &t
		a.Claims = []AnsClaim{}
		for _, e := range n.Claims.Edges {
			a.Claims = append(a.Claims, e.Node.norm())
		}
	}
	return a
}

type kgPath struct {
	Length int     `json:"length"`
	Sign   *string `json:"sign"`
	Score  float64 `json:"score"`
	Nodes  []struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"nodes"`
	Hops []struct {
		Claim struct {
			ID string `json:"id"`
		} `json:"claim"`
	} `json:"hops"`
	Claims []string `json:"claims"` // the peer's and Cypher's shape
}

func (p kgPath) norm() AnsPath {
	a := AnsPath{Length: p.Length, Sign: sign(p.Sign), Score: score(p.Score), Nodes: []string{}, Claims: []string{}}
	for _, n := range p.Nodes {
		a.Nodes = append(a.Nodes, n.ID+" "+n.Name)
	}
	for _, h := range p.Hops {
		a.Claims = append(a.Claims, h.Claim.ID)
	}
	a.Claims = append(a.Claims, p.Claims...)
	return a
}

type subgraphJSON struct {
	Truncated bool `json:"truncated"`
	Nodes     []struct {
		ID       string `json:"id"`
		Name     string `json:"name"`
		Category string `json:"category"`
	} `json:"nodes"`
	Edges []struct {
		ID        string          `json:"id"`
		Predicate string          `json:"predicate"`
		Subject   json.RawMessage `json:"subject"` // {"id": ...} or "..."
		Object    json.RawMessage `json:"object"`
	} `json:"edges"`
}

func endID(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var o struct {
		ID string `json:"id"`
	}
	json.Unmarshal(raw, &o)
	return o.ID
}

func (s subgraphJSON) norm() AnsSubgraph {
	a := AnsSubgraph{Truncated: s.Truncated, Nodes: []string{}, Edges: []string{}}
	for _, n := range s.Nodes {
		a.Nodes = append(a.Nodes, n.ID+"|"+n.Name+"|"+n.Category)
	}
	for _, e := range s.Edges {
		a.Edges = append(a.Edges, e.ID+"|"+e.Predicate+"|"+endID(e.Subject)+"|"+endID(e.Object))
	}
	slices.Sort(a.Nodes)
	slices.Sort(a.Edges)
	return a
}

type studyJSON struct {
	ID            string `json:"id"`
	Name          string `json:"name"`
	Year          int    `json:"year"`
	Design        string `json:"design"`
	EvidenceLevel int    `json:"evidenceLevel"`
}

type listJSON struct {
	TotalCount int `json:"totalCount"`
	PageInfo   struct {
		HasNextPage bool   `json:"hasNextPage"`
		EndCursor   string `json:"endCursor"`
	} `json:"pageInfo"`
	Edges []struct {
		Node studyJSON `json:"node"`
	} `json:"edges"`
}

func (l listJSON) norm() AnsList {
	a := AnsList{Total: l.TotalCount, HasNext: l.PageInfo.HasNextPage, Studies: []AnsStudy{}}
	for _, e := range l.Edges {
		n := e.Node
		a.Studies = append(a.Studies, AnsStudy{n.ID, n.Name, n.Year, n.Design, n.EvidenceLevel})
	}
	return a
}

// graphQLResponse is the envelope of every GraphQL answer.
type graphQLResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message string `json:"message"`
	} `json:"errors"`
}

func decodeGraphQL(body []byte) (json.RawMessage, error) {
	var r graphQLResponse
	if err := json.Unmarshal(body, &r); err != nil {
		return nil, fmt.Errorf("decoding response: %w: %.200s", err, body)
	}
	if len(r.Errors) > 0 {
		return nil, fmt.Errorf("GraphQL error: %s", r.Errors[0].Message)
	}
	return r.Data, nil
}

// NormKapgraph normalises kapgraph's answer to q.
func NormKapgraph(q QueryID, body []byte) (string, error) {
	data, err := decodeGraphQL(body)
	if err != nil {
		return "", err
	}
	switch q {
	case QStats:
		var d struct{ Stats *AnsStats }
		if err := json.Unmarshal(data, &d); err != nil || d.Stats == nil {
			return "", fmt.Errorf("stats: %v %.200s", err, data)
		}
		return canonical(d.Stats)
	case QEntity:
		var d struct{ Node *kgNode }
		if err := json.Unmarshal(data, &d); err != nil || d.Node == nil {
			return "", fmt.Errorf("node: %v %.200s", err, data)
		}
		return canonical(d.Node.norm())
	case QList:
		var d struct{ Studies *listJSON }
		if err := json.Unmarshal(data, &d); err != nil || d.Studies == nil {
			return "", fmt.Errorf("studies: %v %.200s", err, data)
		}
		return canonical(d.Studies.norm())
	case QPaths4, QPaths6:
		var d struct{ MechanismToOutcomePaths []kgPath }
		if err := json.Unmarshal(data, &d); err != nil {
			return "", err
		}
		return canonical(normPaths(d.MechanismToOutcomePaths))
	case QNeighborhood:
		var d struct{ Neighborhood *subgraphJSON }
		if err := json.Unmarshal(data, &d); err != nil || d.Neighborhood == nil {
			return "", fmt.Errorf("neighborhood: %v %.200s", err, data)
		}
		return canonical(d.Neighborhood.norm())
	}
	return "", fmt.Errorf("unknown query %s", q)
}

func normPaths(ps []kgPath) []AnsPath {
	out := []AnsPath{}
	for _, p := range ps {
		out = append(out, p.norm())
	}
	return out
}

// ---- the peer's answers ------------------------------------------------------

type peerClaimEdge struct {
	Properties struct {
		ID           string  `json:"id"`
		Sign         *string `json:"sign"`
		Score        float64 `json:"score"`
		EvidenceJSON *string `json:"evidence_json"`
	} `json:"properties"`
	Node peerNode `json:"node"`
}

type peerNode struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Conn *struct {
		TotalCount int             `json:"totalCount"`
		Edges      []peerClaimEdge `json:"edges"`
	} `json:"affectsConnection"`
}

func (n peerNode) norm() (AnsEntity, error) {
	a := AnsEntity{ID: n.ID, Name: n.Name}
	if n.Conn == nil {
		return a, nil
	}
	t := n.Conn.TotalCount
	a.Total = &t
	a.Claims = []AnsClaim{}
	for _, e := range n.Conn.Edges {
		evs, err := evidenceJSON(e.Properties.EvidenceJSON)
		if err != nil {
			return a, err
		}
		o, err := e.Node.norm()
		if err != nil {
			return a, err
		}
		a.Claims = append(a.Claims, AnsClaim{ID: e.Properties.ID, Sign: sign(e.Properties.Sign), Score: score(e.Properties.Score), Evidence: evs, Object: &o})
	}
	return a, nil
}

// ---- Cypher's answers --------------------------------------------------------
