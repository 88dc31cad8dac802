package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// System is one way of answering the mix.
type System interface {
	Name() string
	// Ask asks q about the k-th id of its sample (Params.IDs) once. With
	// check it returns the normalised answer; without, it only makes sure
	// the answer arrived whole and error-free (what the timed loops do).
	Ask(ctx context.Context, q QueryID, k int, check bool) (string, error)
}

// System names.
const (
	SysKapgraphNeo4j = "kapgraph-neo4j"
	SysKapgraphMem   = "kapgraph-embedded"
	SysCypher        = "cypher"
	SysPeer          = "neo4j-graphql"
	// SysKapgraphTraced is kapgraph-neo4j with tracing on (OTLP export of
	// every span), measured on the mix only, for the tracing target.
	SysKapgraphTraced = "kapgraph-neo4j-traced"
)

// Systems in report order.
var Systems = []string{SysKapgraphNeo4j, SysKapgraphMem, SysCypher, SysPeer}

// httpClient is shared by the HTTP systems: keep-alive connections enough
// for every client of the largest concurrency.
var httpClient = &http.Client{
	Transport: &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConns:        256,
		MaxIdleConnsPerHost: 128,
		IdleConnTimeout:     90 * time.Second,
	},
	Timeout: 2 * time.Minute,
}

// GraphQLSystem asks over GraphQL-over-HTTP (POST, JSON).
type GraphQLSystem struct {
	name    string
	url     string
	queries map[QueryID]string
	norm    func(QueryID, []byte) (string, error)
	bodies  map[QueryID][][]byte // by sample index
}

// NewKapgraph is kapgraph at url (…/graphql), with the parameters p; the
// cursors of (c) are cursor's field of p's (Cursor.ForKapgraph or
// Cursor.ForEmbedded), since each server's cursors are its own.
func NewKapgraph(name, url string, p Params, cursor func(Cursor) string) *GraphQLSystem {
	return newGraphQL(name, url, KapgraphQueries, NormKapgraph, p, cursor)
}

// NewPeer is the peer at url.
func NewPeer(url string, p Params) *GraphQLSystem {
	return newGraphQL(SysPeer, url, PeerQueries, NormPeer, p, func(c Cursor) string { return c.Peer })
}

// graphQLVars are the variables of q about id; the two APIs name them
// alike.
func graphQLVars(q QueryID, id string) map[string]any {
	switch q {
	case QEntity, QNeighborhood:
		return map[string]any{"id": id}
	case QPaths4, QPaths6:
		return map[string]any{"from": id}
	}
	return nil
}

// newGraphQL encodes every request body once, so that the timed loop
// spends nothing on encoding.
func newGraphQL(name, url string, queries map[QueryID]string, norm func(QueryID, []byte) (string, error), p Params, cursor func(Cursor) string) *GraphQLSystem {
	s := &GraphQLSystem{name: name, url: url, queries: queries, norm: norm, bodies: map[QueryID][][]byte{}}
	for q, text := range queries {
		var vars []map[string]any
		switch {
		case q == QList:
			for _, c := range p.Cursors() {
				vars = append(vars, map[string]any{"after": cursor(c)})
			}
			if len(vars) == 0 {
				vars = append(vars, map[string]any{"after": nil})
			}
		case p.IDs(q) == nil:
			vars = append(vars, nil)
		default:
			for _, id := range p.IDs(q) {
				vars = append(vars, graphQLVars(q, id))
			}
		}
		for _, v := range vars {
			b, _ := json.Marshal(map[string]any{"query": text, "variables": v})
			s.bodies[q] = append(s.bodies[q], b)
		}
	}
	return s
}

// Name implements System.
func (s *GraphQLSystem) Name() string { return s.name }

// Post sends one GraphQL request and returns the body.
func (s *GraphQLSystem) Post(ctx context.Context, body []byte) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/graphql-response+json, application/json")
	resp, err := httpClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: HTTP %d: %.300s", s.name, resp.StatusCode, out)
	}
	return out, nil
}

// Ask implements System.
func (s *GraphQLSystem) Ask(ctx context.Context, q QueryID, k int, check bool) (string, error) {
	bodies := s.bodies[q]
	if k < 0 || k >= len(bodies) {
		return "", fmt.Errorf("%s: no query %s #%d", s.name, q, k)
	}
	body := bodies[k]
	out, err := s.Post(ctx, body)
	if err != nil {
		return "", err
	}
	if !check {
		if bytes.Contains(out, []byte(`"errors"`)) {
			_, err := decodeGraphQL(out)
			return "", fmt.Errorf("%s %s: %v", s.name, q, err)
		}
		return "", nil
	}
	a, err := s.norm(q, out)
	if err != nil {
		return "", fmt.Errorf("%s %s: %w", s.name, q, err)
	}
	return a, nil
}

// Raw asks any query text (setup: cursors).
func (s *GraphQLSystem) Raw(ctx context.Context, query string, vars map[string]any) (json.RawMessage, error) {
	b, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	out, err := s.Post(ctx, b)
	if err != nil {
		return nil, err
	}
	return decodeGraphQL(out)
}

// CypherSystem asks the hand-written Cypher through the Go driver, one
// auto-committed read per question: the floor.
type CypherSystem struct {
	driver neo4j.DriverWithContext
	db     string
	stmts  map[QueryID]string
	params map[QueryID][]map[string]any // by sample index
}

// NewCypher is the floor over driver.
func NewCypher(driver neo4j.DriverWithContext, db string, p Params) *CypherSystem {
	s := &CypherSystem{driver: driver, db: db,
		stmts: map[QueryID]string{
			QStats: CypherStats, QEntity: CypherEntity, QList: CypherList,
			QPaths4: CypherPaths(4), QPaths6: CypherPaths(6), QNeighborhood: CypherNeighborhood,
		},
		params: map[QueryID][]map[string]any{
			QStats: {{}},
		}}
	for _, c := range p.Cursors() {
		s.params[QList] = append(s.params[QList], map[string]any{"year": c.Year, "after": c.ID})
	}
	for _, id := range p.IDs(QEntity) {
		s.params[QEntity] = append(s.params[QEntity], map[string]any{"id": id})
	}
	for _, id := range p.IDs(QPaths4) {
		s.params[QPaths4] = append(s.params[QPaths4], map[string]any{"from": id, "first": pathsFirst})
		s.params[QPaths6] = append(s.params[QPaths6], map[string]any{"from": id, "first": pathsFirst})
	}
	for _, id := range p.IDs(QNeighborhood) {
		s.params[QNeighborhood] = append(s.params[QNeighborhood], map[string]any{"id": id, "limit": neighbourhood})
	}
	return s
}

// Name implements System.
func (s *CypherSystem) Name() string { return SysCypher }

// Ask implements System.
func (s *CypherSystem) Ask(ctx context.Context, q QueryID, k int, check bool) (string, error) {
	params := s.params[q]
	if k < 0 || k >= len(params) {
		return "", fmt.Errorf("cypher: no query %s #%d", q, k)
	}
	// Like kapgraph, the floor hands its deadline to the server, so that a
	// request given up on stops using the database.
	var txc []neo4j.ExecuteQueryConfigurationOption
	if dl, ok := ctx.Deadline(); ok {
		if left := time.Until(dl).Truncate(time.Millisecond); left > 0 {
			txc = append(txc, neo4j.ExecuteQueryWithTransactionConfig(neo4j.WithTxTimeout(left)))
		}
	}
	res, err := neo4j.ExecuteQuery(ctx, s.driver, s.stmts[q], params[k], neo4j.EagerResultTransformer,
		append([]neo4j.ExecuteQueryConfigurationOption{neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithReadersRouting()}, txc...)...)
	if err != nil {
		return "", fmt.Errorf("cypher %s: %w", q, err)
	}
	if !check {
		return "", nil
	}
	rows := make([]map[string]any, len(res.Records))
	for i, r := range res.Records {
		rows[i] = r.AsMap()
	}
	a, err := NormCypher(q, rows)
	if err != nil {
		return "", fmt.Errorf("cypher %s: %w", q, err)
	}
	return a, nil
}
