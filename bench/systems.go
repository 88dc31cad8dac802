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
	// Ask asks q once. With check it returns the normalised answer;
	// without, it only makes sure the answer arrived whole and error-free
	// (what the timed loops do).
	Ask(ctx context.Context, q QueryID, check bool) (string, error)
}

// System names.
const (
	SysKapgraphNeo4j = "kapgraph-neo4j"
	SysKapgraphMem   = "kapgraph-embedded"
	SysCypher        = "cypher"
	SysPeer          = "neo4j-graphql"
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
	vars    func(QueryID) map[string]any
	norm    func(QueryID, []byte) (string, error)
	bodies  map[QueryID][]byte
}

// NewKapgraph is kapgraph at url (…/graphql), with the parameters p and the
// list cursor of this server.
func NewKapgraph(name, url string, p Params, cursor string) *GraphQLSystem {
	return newGraphQL(name, url, KapgraphQueries, NormKapgraph, func(q QueryID) map[string]any {
		switch q {
		case QEntity:
			return map[string]any{"id": p.Entity}
		case QList:
			return map[string]any{"after": cursor}
		case QPaths4, QPaths6:
			return map[string]any{"from": p.PathFrom}
		case QNeighborhood:
			return map[string]any{"id": p.Centre}
		}
		return nil
	})
}

// NewPeer is the peer at url.
func NewPeer(url string, p Params) *GraphQLSystem {
	return newGraphQL(SysPeer, url, PeerQueries, NormPeer, func(q QueryID) map[string]any {
		switch q {
		case QEntity:
			return map[string]any{"id": p.Entity}
		case QList:
			return map[string]any{"after": p.ListAfter.Peer}
		case QPaths4, QPaths6:
			return map[string]any{"from": p.PathFrom}
		case QNeighborhood:
			return map[string]any{"id": p.Centre}
		}
		return nil
	})
}

func newGraphQL(name, url string, queries map[QueryID]string, norm func(QueryID, []byte) (string, error), vars func(QueryID) map[string]any) *GraphQLSystem {
	s := &GraphQLSystem{name: name, url: url, queries: queries, vars: vars, norm: norm, bodies: map[QueryID][]byte{}}
	for q, text := range queries {
		b, _ := json.Marshal(map[string]any{"query": text, "variables": vars(q)})
		s.bodies[q] = b
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
func (s *GraphQLSystem) Ask(ctx context.Context, q QueryID, check bool) (string, error) {
	body, ok := s.bodies[q]
	if !ok {
		return "", fmt.Errorf("%s: no query %s", s.name, q)
	}
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
	params map[QueryID]map[string]any
}

// NewCypher is the floor over driver.
func NewCypher(driver neo4j.DriverWithContext, db string, p Params) *CypherSystem {
	return &CypherSystem{driver: driver, db: db,
		stmts: map[QueryID]string{
			QStats: CypherStats, QEntity: CypherEntity, QList: CypherList,
			QPaths4: CypherPaths(4), QPaths6: CypherPaths(6), QNeighborhood: CypherNeighborhood,
		},
		params: map[QueryID]map[string]any{
			QStats:        {},
			QEntity:       {"id": p.Entity},
			QList:         {"year": p.ListAfter.Year, "after": p.ListAfter.ID},
			QPaths4:       {"from": p.PathFrom, "first": pathsFirst},
			QPaths6:       {"from": p.PathFrom, "first": pathsFirst},
			QNeighborhood: {"id": p.Centre, "limit": neighbourhood},
		}}
}

// Name implements System.
func (s *CypherSystem) Name() string { return SysCypher }

// Ask implements System.
func (s *CypherSystem) Ask(ctx context.Context, q QueryID, check bool) (string, error) {
	// Like kapgraph, the floor hands its deadline to the server, so that a
	// request given up on stops using the database.
	var txc []neo4j.ExecuteQueryConfigurationOption
	if dl, ok := ctx.Deadline(); ok {
		if left := time.Until(dl).Truncate(time.Millisecond); left > 0 {
			txc = append(txc, neo4j.ExecuteQueryWithTransactionConfig(neo4j.WithTxTimeout(left)))
		}
	}
	res, err := neo4j.ExecuteQuery(ctx, s.driver, s.stmts[q], s.params[q], neo4j.EagerResultTransformer,
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
