package bench

import (
	"encoding/json"
	"fmt"
)

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
