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
	"sync"
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
	"github.com/kapgraph/kapgraph/tools/reliability"
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

func TestInjection(t *testing.T) {
	mem := memoryEngine(t)
	n4j, drv, db := neo4jEngine(t)
	engines := []engine{mem, n4j}

	// Sample ids for the nested targets, one per Node type.
	for _, c := range graph.Categories() {
		a := query(mem.base, `query($c: Category) { entities(category: $c, first: 1) { edges { node { id } } } }`, map[string]any{"c": string(c)})
		var d struct {
			Entities struct {
				Edges []struct{ Node struct{ ID string } }
			}
		}
		if err := json.Unmarshal(a.Data, &d); err != nil || len(d.Entities.Edges) == 0 {
			t.Fatalf("no node of category %s: %s", c, a.Body)
		}
		sampleIDs[string(c)] = d.Entities.Edges[0].Node.ID
	}
	ts := targets(t)

	type before struct{ nodes, edges int }
	counts := map[string]before{}
	for _, e := range engines {
		n, r := e.count()
		counts[e.name] = before{n, r}
	}
	indexes := countCypher(t, drv, db, "SHOW INDEXES YIELD name RETURN count(name)", nil)
	labels := countCypher(t, drv, db, "CALL db.labels() YIELD label RETURN count(label)", nil)

	type job struct {
		t target
		p string
	}
	type result struct {
		job
		out  map[string]outcome
		took time.Duration
	}
	var jobs []job
	for _, tg := range ts {
		for _, p := range tg.tries() {
			jobs = append(jobs, job{tg, p})
		}
	}
	// Warm up: each target once on each engine, one at a time, so that
	// Neo4j's query planning is not what the measured requests wait on.
	for _, tg := range ts {
		for _, e := range engines {
			send(e.base, tg.query, map[string]any{"v": tg.value("ketamine")})
		}
	}
	results := make([]result, len(jobs))
	start := time.Now()
	var wg sync.WaitGroup
	next := make(chan int)
	for range 4 {
		wg.Go(func() {
			for i := range next {
				j := jobs[i]
				r := result{job: j, out: map[string]outcome{}}
				s := time.Now()
				for _, e := range engines {
					r.out[e.name] = send(e.base, j.t.query, map[string]any{"v": j.t.value(j.p)})
				}
				r.took = time.Since(s)
				results[i] = r
			}
		})
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	t.Logf("%d targets, %d requests × %d engines in %v", len(ts), len(jobs), len(engines), time.Since(start).Round(time.Millisecond))

	// One recorded case per target: every payload, both engines.
	byTarget := map[string][]result{}
	var order []string
	for _, r := range results {
		if _, ok := byTarget[r.t.name]; !ok {
			order = append(order, r.t.name)
		}
		byTarget[r.t.name] = append(byTarget[r.t.name], r)
	}
	for _, name := range order {
		rs := byTarget[name]
		codes := map[string]int{}
		var problems []string
		var slowest time.Duration
		for _, r := range rs {
			slowest = max(slowest, r.took)
			allowed := allowedCodes(r.t, r.p)
			for _, e := range engines {
				o := r.out[e.name]
				if o.err != nil {
					problems = append(problems, fmt.Sprintf("%s %q: %v", e.name, r.p, o.err))
					continue
				}
				for _, c := range o.codes {
					codes[c]++
					if !slices.Contains(allowed, c) {
						problems = append(problems, fmt.Sprintf("%s %q: code %s", e.name, r.p, c))
					}
				}
				if len(o.codes) == 0 {
					codes["data"]++
				}
			}
			m, n := r.out["memory"], r.out["neo4j"]
			if m.err == nil && n.err == nil && (m.data != n.data || !slices.Equal(m.codes, n.codes)) {
				problems = append(problems, fmt.Sprintf("engines differ on %q: memory %s %v, neo4j %s %v", r.p, trim(m.data), m.codes, trim(n.data), n.codes))
			}
		}
		var got []string
		for c, n := range codes {
			got = append(got, fmt.Sprintf("%s×%d", c, n))
		}
		sort.Strings(got)
		detail := ""
		if len(problems) > 0 {
			detail = strings.Join(problems[:min(len(problems), 5)], "; ")
			if len(problems) > 5 {
				detail += fmt.Sprintf("; and %d more", len(problems)-5)
			}
		}
		expect := "data, NOT_FOUND or BAD_USER_INPUT; same answer from both engines"
		if rs[0].t.enum {
			expect = "GRAPHQL_VALIDATION_FAILED (not an enum value); same answer from both engines"
		}
		reliability.Record(t, reliability.Case{
			Area: "injection", Name: fmt.Sprintf("%s × %d payloads", name, len(rs)), Expect: expect,
			Got: strings.Join(got, " "), OK: len(problems) == 0, Millis: ms(slowest), Detail: detail,
		})
	}

	for _, e := range engines {
		n, r := e.count()
		b := counts[e.name]
		reliability.Record(t, reliability.Case{
			Area: "injection", Name: fmt.Sprintf("%s: nodes and edges after %d injection requests", e.name, len(jobs)),
			Expect: fmt.Sprintf("unchanged: %d nodes, %d edges", b.nodes, b.edges),
			Got:    fmt.Sprintf("%d nodes, %d edges", n, r), OK: n == b.nodes && r == b.edges,
		})
	}
	idx := countCypher(t, drv, db, "SHOW INDEXES YIELD name RETURN count(name)", nil)
	lbl := countCypher(t, drv, db, "CALL db.labels() YIELD label RETURN count(label)", nil)
	pwned := countCypher(t, drv, db, "MATCH (n) WHERE n:Pwned OR n.pwned IS NOT NULL RETURN count(n)", nil)
	reliability.Record(t, reliability.Case{
		Area: "injection", Name: "neo4j: indexes, labels and planted markers after the injections (counted with the driver)",
		Expect: fmt.Sprintf("%d indexes, %d labels, 0 :Pwned or n.pwned", indexes, labels),
		Got:    fmt.Sprintf("%d indexes, %d labels, %d planted", idx, lbl, pwned),
		OK:     idx == indexes && lbl == labels && pwned == 0,
	})
}

func trim(s string) string {
	if len(s) > 120 {
		return s[:120] + "..."
	}
	return s
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
