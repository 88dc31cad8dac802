package reliability_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	neo4jdriver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/kapgraph/kapgraph/api/gql"
	"github.com/kapgraph/kapgraph/api/httpapi"
	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/memory"
	"github.com/kapgraph/kapgraph/graph/neo4j"
	"github.com/kapgraph/kapgraph/internal/app"
	"github.com/kapgraph/kapgraph/loader"
	"github.com/kapgraph/kapgraph/resolvers"
	"github.com/kapgraph/kapgraph/resolvers/batch"
)

// TestInjection sends every string argument of the schema (found by
// walking the schema, so a new argument is covered the day it is added)
// a set of payloads written to break out of Cypher, Lucene or JSON, to
// both engines: the embedded one and a real Neo4j. Each must be taken as
// data: the only errors allowed are NOT_FOUND and BAD_USER_INPUT (plus
// LIMIT_EXCEEDED for the payload longer than the limits, and
// GRAPHQL_VALIDATION_FAILED for a string posing as an enum value, which
// never reaches a resolver), both engines must give the same answer, and
// the database must hold exactly what it held before, counted with the
// driver rather than through the store.
//
// A write through the read path is refused by Neo4j itself:
// graph/neo4j's TestReadTransactionRefusesWrites checks that reads run in
// read transactions.

// payloads are the hostile strings. Each is sent as it is.
var payloads = []string{
	// Cypher: quotes, comments, clause injection, parameters, procedures.
	`' OR 1=1 //`,
	`" OR 1=1 //`,
	`CHEBI:6121' OR '1'='1`,
	`x'}) MATCH (n) DETACH DELETE n //`,
	`x"}) MATCH (n) DETACH DELETE n //`,
	`x') DETACH DELETE n RETURN ('`,
	"`x`",
	"x` MATCH (n) DETACH DELETE n //",
	"Entity`) DETACH DELETE n //",
	`x}) CREATE (:Pwned {at: timestamp()}) //`,
	`x] ) MERGE (p:Pwned) //`,
	`/* */ MATCH (n) SET n.pwned = true /* */`,
	`// comment`,
	`x */ RETURN 1 /*`,
	`$id`,
	`{id: 'CHEBI:6121'}`,
	`x' CALL dbms.security.createUser('evil', 'evil-password', false) //`,
	`' CALL db.clearQueryCaches() //`,
	`' LOAD CSV FROM 'http://127.0.0.1:1/x' AS l RETURN l //`,
	`' CALL apoc.cypher.runWrite('MATCH (n) DETACH DELETE n', {}) YIELD value RETURN value //`,
	`\' OR \'1\'=\'1`,
	`\\' OR 1=1 //`,
	`x" UNION MATCH (n) RETURN n //`,
	`CHEBI:6121` + "\n" + `MATCH (n) DETACH DELETE n`,
	// Lucene query syntax (search runs a full-text query on Neo4j).
	`*`,
	`?`,
	`*:*`,
	`keta*`,
	`name:*`,
	`category:Drug OR *:*`,
	`ketamine~2`,
	`"ketamine"^100`,
	`[a TO z]`,
	`/.*/`,
	`+-&&||!(){}[]^"~*?:\/`,
	`AND OR NOT`,
	`\`,
	`ketamine) OR (category:*`,
	// Unicode and escapes.
	"\x00",
	"CHEBI:6121\x00' OR 1=1",
	"\u2028\u2029",
	"\u202eenimatek",
	"ʼ OR 1=1 //", // modifier letter apostrophe
	"＇ OR 1=1 //", // fullwidth apostrophe
	"%27%20OR%201%3D1",
	`\u0027 OR 1=1 //`,
	`\x27 OR 1=1`,
	"ke\u0301tamine",
	"\ufeffketamine",
	"💊' OR '💊'='💊",
	// Longer than the limits (nameContains and search take 200 bytes,
	// ids 512).
	strings.Repeat(`'"`+"`/*", 150),
}

// enumPayloads try to pass something else as an enum value: the values
// spliced into Cypher as labels and relationship types come from enums.
var enumPayloads = []string{
	"AFFECTS|MENTIONS",
	"AFFECTS]->() MATCH (n) DETACH DELETE n //",
	"Drug:Pwned",
	"Drug` MATCH (n) DETACH DELETE n //",
	"affects",
	"",
	"AFFECTS\u0000",
	"\"AFFECTS\"",
}

// cursorPayloads are what a malformed cursor can look like; well-formed
// cursors carry every payload.
var cursorPayloads = []string{"", "not-a-cursor", "e30", "eyJrIjoiYSJ9", "' OR 1=1 //", "\x00", "%%%%"}

// target is one argument to inject into.
type target struct {
	name     string // Type.field(arg) or Type.field(arg.inputField)
	query    string // takes the payload as $v
	value    func(payload string) any
	enum     bool     // the argument is an enum: a string must not pass as one
	payloads []string // default: payloads
}

func (t target) tries() []string {
	if t.payloads != nil {
		return t.payloads
	}
	return payloads
}

// allowedCodes for an injected value.
func allowedCodes(t target, payload string) []string {
	codes := []string{gql.CodeNotFound, gql.CodeBadUserInput}
	if t.enum {
		codes = append(codes, "GRAPHQL_VALIDATION_FAILED")
	}
	if len(payload) > 200 {
		codes = append(codes, gql.CodeLimitExceeded)
	}
	return codes
}

// sample ids of each category, for required arguments and nested fields.
var sampleIDs = map[string]string{}

func requiredValue(field, arg string, typ *ast.Type) (string, bool) {
	switch {
	case field == "evidence" && arg == "drug":
		return `"CHEBI:6121"`, true
	case field == "evidence" && arg == "disorder":
		return `"MONDO:0002046"`, true
	case arg == "to":
		return `"KAP:abstinence"`, true
	case arg == "from":
		return `"CHEBI:6121"`, true
	}
	switch typ.Name() {
	case "ID":
		if typ.Elem != nil {
			return `["CHEBI:6121"]`, true
		}
		return `"CHEBI:6121"`, true
	case "String":
		return `"ketamine"`, true
	}
	return "", false
}

// targets walks the schema: every argument of a Query field, and of a
// field of a Node type (reached through node(id:)), that is a String or
// ID, a list of them, an input object with such fields, or an enum.
func targets(tb testing.TB) []target {
	tb.Helper()
	schema := resolvers.NewExecutableSchema(memory.New(), batch.Options{}, nil).Schema()
	var out []target
	// A field of the Node interface (claims, related, ...) is one
	// resolver whatever the type: it is injected once, on the first type
	// that has it.
	seen := map[string]bool{}
	typeNames := make([]string, 0, len(schema.Types))
	for n := range schema.Types {
		typeNames = append(typeNames, n)
	}
	sort.Strings(typeNames)
	for _, tn := range typeNames {
		def := schema.Types[tn]
		if def.Kind != ast.Object || strings.HasPrefix(tn, "__") {
			continue
		}
		isRoot := tn == "Query"
		isNode := slices.Contains(def.Interfaces, "Node")
		if !isRoot && !isNode {
			// Arguments on other types would need their own way in.
			for _, f := range def.Fields {
				if len(f.Arguments) > 0 {
					tb.Errorf("%s.%s has arguments but %s is neither Query nor a Node: extend targets()", tn, f.Name, tn)
				}
			}
			continue
		}
		for _, f := range def.Fields {
			for _, a := range f.Arguments {
				argType := schema.Types[a.Type.Name()]
				if argType == nil {
					tb.Fatalf("%s.%s(%s): unknown type %s", tn, f.Name, a.Name, a.Type.Name())
				}
				build := func(inner string) string {
					var others []string
					for _, o := range f.Arguments {
						if o.Name == a.Name || !o.Type.NonNull || o.DefaultValue != nil {
							continue
						}
						v, ok := requiredValue(f.Name, o.Name, o.Type)
						if !ok {
							tb.Fatalf("%s.%s: no value for required argument %s", tn, f.Name, o.Name)
						}
						others = append(others, o.Name+": "+v)
					}
					sel := ""
					if rt := schema.Types[f.Type.Name()]; rt != nil && rt.IsCompositeType() {
						sel = " { __typename }"
					}
					args := append([]string{a.Name + ": $v"}, others...)
					call := fmt.Sprintf("%s(%s)%s", f.Name, strings.Join(args, ", "), sel)
					if isRoot {
						return fmt.Sprintf("query($v: %s) { %s }", inner, call)
					}
					id, ok := sampleIDs[tn]
					if !ok {
						tb.Fatalf("no sample node of type %s", tn)
					}
					return fmt.Sprintf("query($v: %s) { node(id: %q) { ... on %s { %s } } }", inner, id, tn, call)
				}
				name := fmt.Sprintf("%s.%s(%s)", tn, f.Name, a.Name)
				if !isRoot {
					key := f.Name + "(" + a.Name + ")"
					if seen[key] {
						continue
					}
					seen[key] = true
				}
				list := a.Type.Elem != nil
				wrap := func(p any) any {
					if list {
						return []any{p}
					}
					return p
				}
				switch {
				case argType.Kind == ast.Scalar && (argType.Name == "String" || argType.Name == "ID"):
					tg := target{name: name, query: build(a.Type.String()), value: func(p string) any { return wrap(p) }}
					if a.Name == "after" {
						tg.payloads = cursorPayloads
					}
					out = append(out, tg)
					if a.Name == "after" {
						// A well-formed cursor carrying the payload, so
						// that it reaches the keyset comparison.
						out = append(out, target{name: name + " as a cursor", query: build(a.Type.String()),
							value: func(p string) any { return graph.EncodeCursor(graph.Cursor{Key: p, ID: p}) }})
					}
				case argType.Kind == ast.InputObject:
					for _, in := range argType.Fields {
						if n := in.Type.Name(); n == "String" || n == "ID" {
							field := in.Name
							out = append(out, target{name: fmt.Sprintf("%s.%s(%s.%s)", tn, f.Name, a.Name, field), query: build(a.Type.String()),
								value: func(p string) any { return wrap(map[string]any{field: p}) }})
						}
					}
				case argType.Kind == ast.Enum:
					out = append(out, target{name: name + " (enum)", query: build(a.Type.String()), enum: true,
						value: func(p string) any { return wrap(p) }, payloads: enumPayloads})
				}
			}
		}
	}
	return out
}

// engine is one store behind the full HTTP stack.
type engine struct {
	name  string
	base  string
	count func() (nodes, edges int)
}

func serveStore(tb testing.TB, store graph.Store) string {
	tb.Helper()
	// A generous deadline: this test is about what the engines make of
	// the values, not how fast a busy machine answers.
	h := app.NewServer(app.Config{
		HTTP:    httpapi.Config{RequestTimeout: 30 * time.Second},
		GraphQL: gql.Options{Limits: gql.Limits{Introspection: true}},
	}, store, slog.New(slog.DiscardHandler))
	srv := httptest.NewServer(h) // 127.0.0.1
	tb.Cleanup(srv.Close)
	return srv.URL
}

func seedDocs(tb testing.TB) []*graph.Document {
	tb.Helper()
	built, err := loader.LoadDir(repoRoot() + "/seeds")
	if err != nil {
		tb.Fatal(err)
	}
	return loader.Documents(built)
}

func memoryEngine(tb testing.TB) engine {
	tb.Helper()
	store := memory.New()
	for _, d := range seedDocs(tb) {
		if _, err := store.Load(context.Background(), d); err != nil {
			tb.Fatal(err)
		}
	}
	return engine{name: "memory", base: serveStore(tb, store), count: func() (int, int) {
		s, err := store.Stats(context.Background())
		if err != nil {
			tb.Fatal(err)
		}
		return s.Nodes, s.Edges
	}}
}

// neo4jEngine loads the seeds into the isolated Neo4j (wiped first) and
// serves it.
func neo4jEngine(tb testing.TB) (engine, neo4jdriver.DriverWithContext, string) {
	tb.Helper()
	cfg := faults.config(tb)
	drv, db := faults.driver(tb)
	wipeNeo4j(tb, drv, db)
	ctx := context.Background()
	store, err := neo4j.Open(ctx, cfg)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { store.Close(context.Background()) })
	for _, d := range seedDocs(tb) {
		if _, err := store.Load(ctx, d); err != nil {
			tb.Fatal(err)
		}
	}
	return engine{name: "neo4j", base: serveStore(tb, store), count: func() (int, int) {
		return countCypher(tb, drv, db, "MATCH (n) RETURN count(n)", nil),
			countCypher(tb, drv, db, "MATCH ()-[r]->() RETURN count(r)", nil)
	}}, drv, db
}

// outcome is what an engine answered, reduced to what both must agree on.
type outcome struct {
	data  string
	codes []string
	err   error
}

func send(base, q string, vars map[string]any) outcome {
	a := query(base, q, vars)
	if a.Err != nil {
		return outcome{err: a.Err}
	}
	var norm bytes.Buffer
	if len(a.Data) > 0 {
		_ = json.Compact(&norm, a.Data)
	}
	return outcome{data: norm.String(), codes: a.Codes()}
}
