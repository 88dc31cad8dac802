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

// NormPeer normalises the peer's answer to q.
func NormPeer(q QueryID, body []byte) (string, error) {
	data, err := decodeGraphQL(body)
	if err != nil {
		return "", err
	}
	switch q {
	case QStats, QPaths4, QPaths6, QNeighborhood:
		return NormKapgraph(q, body) // same shapes
	case QEntity:
		var d struct{ Entities []peerNode }
		if err := json.Unmarshal(data, &d); err != nil || len(d.Entities) != 1 {
			return "", fmt.Errorf("entities: %v %.200s", err, data)
		}
		a, err := d.Entities[0].norm()
		if err != nil {
			return "", err
		}
		return canonical(a)
	case QList:
		var d struct{ StudiesConnection *listJSON }
		if err := json.Unmarshal(data, &d); err != nil || d.StudiesConnection == nil {
			return "", fmt.Errorf("studiesConnection: %v %.200s", err, data)
		}
		return canonical(d.StudiesConnection.norm())
	}
	return "", fmt.Errorf("unknown query %s", q)
}

// ---- Cypher's answers --------------------------------------------------------

// cypherClaim is the map CypherEntity returns per claim.
type cypherClaim struct {
	ID       string  `json:"id"`
	Sign     *string `json:"sign"`
	Score    float64 `json:"score"`
	Evidence *string `json:"evidence"`
	Object   struct {
		ID     string        `json:"id"`
		Name   string        `json:"name"`
		Total  *int          `json:"total"`
		Claims []cypherClaim `json:"claims"`
	} `json:"object"`
}

func (c cypherClaim) norm() (AnsClaim, error) {
	evs, err := evidenceJSON(c.Evidence)
	if err != nil {
		return AnsClaim{}, err
	}
	o := AnsEntity{ID: c.Object.ID, Name: c.Object.Name, Total: c.Object.Total}
	if c.Object.Total != nil {
		o.Claims = []AnsClaim{}
		for _, s := range c.Object.Claims {
			sc, err := s.norm()
			if err != nil {
				return AnsClaim{}, err
			}
			o.Claims = append(o.Claims, sc)
		}
	}
	return AnsClaim{ID: c.ID, Sign: sign(c.Sign), Score: score(c.Score), Evidence: evs, Object: &o}, nil
}

// NormCypher normalises the records of the hand-written Cypher, given as
// JSON (see cypherSystem).
func NormCypher(q QueryID, rows []map[string]any) (string, error) {
	pick := func(col string, v any) error {
		if len(rows) != 1 {
			return fmt.Errorf("%s: %d rows, want 1", q, len(rows))
		}
		b, err := json.Marshal(rows[0][col])
		if err != nil {
			return err
		}
		return json.Unmarshal(b, v)
	}
	switch q {
	case QStats:
		var s AnsStats
		if err := pick("stats", &s); err != nil {
			return "", err
		}
		return canonical(s)
	case QEntity:
		var e struct {
			ID     string        `json:"id"`
			Name   string        `json:"name"`
			Total  int           `json:"total"`
			Claims []cypherClaim `json:"claims"`
		}
		if err := pick("entity", &e); err != nil {
			return "", err
		}
		a := AnsEntity{ID: e.ID, Name: e.Name, Total: &e.Total, Claims: []AnsClaim{}}
		for _, c := range e.Claims {
			nc, err := c.norm()
			if err != nil {
				return "", err
			}
			a.Claims = append(a.Claims, nc)
		}
		return canonical(a)
	case QList:
		var total int
		var page []studyJSON
		if err := pick("total", &total); err != nil {
			return "", err
		}
		if err := pick("page", &page); err != nil {
			return "", err
		}
		a := AnsList{Total: total, HasNext: len(page) > listFirst, Studies: []AnsStudy{}}
		for _, n := range page[:min(len(page), listFirst)] {
			a.Studies = append(a.Studies, AnsStudy{n.ID, n.Name, n.Year, n.Design, n.EvidenceLevel})
		}
		return canonical(a)
	case QPaths4, QPaths6:
		var ps []kgPath
		for _, r := range rows {
			b, _ := json.Marshal(r["path"])
			var p kgPath
			if err := json.Unmarshal(b, &p); err != nil {
				return "", err
			}
			ps = append(ps, p)
		}
		return canonical(normPaths(ps))
	case QNeighborhood:
		var s subgraphJSON
		if err := pick("subgraph", &s); err != nil {
			return "", err
		}
		return canonical(s.norm())
	}
	return "", fmt.Errorf("unknown query %s", q)
}
