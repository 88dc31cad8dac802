package neo4j

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph"
)

// Storage layout.
//
// Every node carries the common label :Entity plus exactly one category
// label from graph.Categories(). The uniqueness constraint on :Entity(id)
// is the one index every lookup by id goes through; each category label
// has its own uniqueness constraint too, so label-scoped lookups and the
// per-category counts stay index-backed.
//
// Every edge is a relationship whose type is its predicate, with its id,
// document and evidence as properties; a structural edge of the loader's
// shape is stored slim, without its document and Biolink predicate
// (slimEdge). Relationship indexes are per type, so each type has a range
// index on id (EdgesByID, and a reload's prefix seek for the slim ones)
// and on document (the delete step of a reload; a slim relationship has
// no entry in it).
//
// A :KapgraphDocument node per loaded document records that the document
// exists (LoadResult.Replaced, Stats.Documents). It does not carry :Entity,
// so it is never a graph node to any query.
const (
	labelEntity   = "Entity"
	labelDocument = "KapgraphDocument"
	searchIndex   = "kapgraph_entity_search"
	claimIndex    = "kapgraph_claim_search"
)

// schemaStatement is one IF NOT EXISTS command and the name of what it
// creates.
type schemaStatement struct {
	name   string
	cypher string
}

func schemaStatements() []schemaStatement {
	var out []schemaStatement
	add := func(name, format string, args ...any) {
		out = append(out, schemaStatement{name, fmt.Sprintf("CREATE "+format, append([]any{name}, args...)...)})
	}
	add("kapgraph_entity_id", "CONSTRAINT %s IF NOT EXISTS FOR (n:%s) REQUIRE n.id IS UNIQUE", labelEntity)
	add("kapgraph_document_id", "CONSTRAINT %s IF NOT EXISTS FOR (d:%s) REQUIRE d.id IS UNIQUE", labelDocument)
	// Load MERGEs summary groups by id; the constraint makes concurrent
	// loads agree on one node per group.
	add("kapgraph_stat_id", "CONSTRAINT %s IF NOT EXISTS FOR (s:%s) REQUIRE s.id IS UNIQUE", labelStat)
	for _, c := range graph.Categories() {
		if !c.Valid() {
			continue
		}
		add("kapgraph_"+strings.ToLower(string(c))+"_id", "CONSTRAINT %s IF NOT EXISTS FOR (n:%s) REQUIRE n.id IS UNIQUE", c)
	}
	add("kapgraph_entity_document", "INDEX %s IF NOT EXISTS FOR (n:%s) ON (n.document)", labelEntity)
	// Study lists by year read their page in the index's order (see
	// ListNodes), not by sorting every study.
	add("kapgraph_study_year", "INDEX %s IF NOT EXISTS FOR (n:%s) ON (n.year)", graph.CategoryStudy)
	// The search index holds the tokens graph.SearchTokens makes (see
	// searchText), split on whitespace only, and the category, matched
	// exactly.
	add(searchIndex, "FULLTEXT INDEX %s IF NOT EXISTS FOR (n:%s) ON EACH [n.%s, n.category] "+
		"OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: false}}",
		labelEntity, propSearch)
	// The claim index holds the tokens of the curated claims' evidence
	// quotes (graph.ClaimSearchTokens), as the search index holds nodes'.
	var curated []string
	for _, p := range graph.Predicates() {
		if p.Valid() && p.Curated() {
			curated = append(curated, string(p))
		}
	}
	add(claimIndex, "FULLTEXT INDEX %s IF NOT EXISTS FOR ()-[r:%s]-() ON EACH [r.%s] "+
		"OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: false}}",
		strings.Join(curated, "|"), propQuoteSearch)
	for _, p := range graph.Predicates() {
		if !p.Valid() {
			continue
		}
		lp := strings.ToLower(string(p))
		add("kapgraph_rel_"+lp+"_id", "INDEX %s IF NOT EXISTS FOR ()-[r:%s]-() ON (r.id)", p)
		add("kapgraph_rel_"+lp+"_document", "INDEX %s IF NOT EXISTS FOR ()-[r:%s]-() ON (r.document)", p)
	}
	return out
}

// EnsureSchema creates the constraints and indexes the engine relies on,
// if they are missing, and waits until they are online. It is idempotent
// and cheap once the schema exists. Every operation runs it on first use
// (and again after a failure), and the loader may call it up front.
func (s *Store) EnsureSchema(ctx context.Context) error {
	s.schemaMu.Lock()
	defer s.schemaMu.Unlock()
	if s.schemaOK.Load() {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return s.mapErr(ctx, "schema", err)
	}
	if s.down.Load() {
		if err := s.driver.VerifyConnectivity(ctx); err != nil {
			return s.mapErr(ctx, "schema", err)
		}
		s.down.Store(false)
	}
	writers := neo4j.ExecuteQueryWithWritersRouting()
	recs, err := s.executeRaw(ctx, "schema", "SHOW INDEXES YIELD name RETURN name", nil, writers)
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for _, r := range recs {
		if name, ok := r.Values[0].(string); ok {
			have[name] = true
		}
	}
	created := 0
	for _, st := range schemaStatements() {
		if have[st.name] {
			continue
		}
		if _, err := s.executeRaw(ctx, "schema", st.cypher, nil, writers); err != nil {
			if lostSchemaRace(err) {
				// Another process (a second loader, a parallel test
				// package) created the same rule between our SHOW and
				// our CREATE: IF NOT EXISTS does not cover that window.
				continue
			}
			return err
		}
		created++
	}
	wait := 300 * time.Second
	if dl, ok := ctx.Deadline(); ok {
		wait = time.Until(dl)
	}
	if _, err := s.executeRaw(ctx, "schema", "CALL db.awaitIndexes($seconds)",
		map[string]any{"seconds": max(1, int64(wait.Seconds()))}, writers); err != nil {
		return err
	}
	if created > 0 {
		s.log.Info("neo4j: schema created", "statements", created, "database", s.cfg.Database)
	}
	s.schemaOK.Store(true)
	return nil
}

// schemaRaceCodes are the server's answers when a concurrent CREATE ...
// IF NOT EXISTS won: the rule we asked for exists, which is what we want.
var schemaRaceCodes = map[string]bool{
	"Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists": true,
	"Neo.ClientError.Schema.IndexAlreadyExists":                true,
	"Neo.ClientError.Schema.ConstraintAlreadyExists":           true,
}

// lostSchemaRace reports whether err only says that the schema rule being
// created already exists.
func lostSchemaRace(err error) bool {
	var ne *neo4j.Neo4jError
	return errors.As(err, &ne) && schemaRaceCodes[ne.Code]
}
