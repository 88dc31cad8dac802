package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kapgraph/kapgraph/api/httpapi"
	"github.com/kapgraph/kapgraph/tools/reliability"
)

// The hostile-request suite: what a public GraphQL endpoint gets from
// attackers and broken clients, sent over a real loopback connection to
// the server cmd/ builds (httpapi.Serve around NewServer around the
// resolvers' handler and the dataloader middleware, over the embedded
// store with the seeds). Every case must be refused quickly with a clear
// status and extensions.code, and an ordinary query must succeed right
// after it. TestHostileBurstMemory then replays every case concurrently
// and checks that the server's memory stays bounded.

// hostileBudget is how long any hostile request may take to be refused.
// It is generous (the race detector slows everything several times); the
// measured times are in RELIABILITY.md.
const hostileBudget = 5 * time.Second

// liveServer is the whole server on a loopback port.
type liveServer struct {
	base   string // http://127.0.0.1:port
	client *http.Client
}

func startLive(t testing.TB, cfg httpapi.Config) *liveServer {
	t.Helper()
	var env *testEnv
	if tt, ok := t.(*testing.T); ok {
		env = newEnv(tt, cfg)
	} else {
		t.Fatal("startLive needs a *testing.T")
	}
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() {
		done <- httpapi.Serve(ctx, "127.0.0.1:0", env.h, nil, httpapi.ServeOptions{
			OnListen: func(a net.Addr) { addr <- a },
		})
	}()
	var a net.Addr
	select {
	case a = <-addr:
	case err := <-done:
		t.Fatalf("serve: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not start listening")
	}
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve: %v", err)
			}
		case <-time.After(20 * time.Second):
			t.Error("the server did not shut down")
		}
	})
	tr := &http.Transport{MaxIdleConnsPerHost: 64, ResponseHeaderTimeout: 30 * time.Second}
	t.Cleanup(tr.CloseIdleConnections)
	return &liveServer{base: "http://" + a.String(), client: &http.Client{Transport: tr, Timeout: 60 * time.Second}}
}

// answer is what a hostile request got back.
type answer struct {
	status int
	code   string // extensions.code of the first error, "" when none
	errors int
	data   bool // a non-null data entry
	json   bool
	body   []byte
	took   time.Duration
	err    error // transport error
}

func (a answer) String() string {
	if a.err != nil {
		return "transport error: " + a.err.Error()
	}
	s := strconv.Itoa(a.status)
	if a.code != "" {
		s += " " + a.code
	} else if a.json && a.errors == 0 {
		s += " data"
	} else if !a.json {
		s += " (not JSON)"
	}
	return s
}

func (s *liveServer) send(r *http.Request) answer {
	start := time.Now()
	res, err := s.client.Do(r)
	if err != nil {
		return answer{err: err, took: time.Since(start)}
	}
	defer res.Body.Close()
	body, err := io.ReadAll(io.LimitReader(res.Body, 64<<20))
	a := answer{status: res.StatusCode, body: body, took: time.Since(start), err: err}
	var g struct {
		Data   json.RawMessage `json:"data"`
		Errors []struct {
			Extensions map[string]any `json:"extensions"`
		} `json:"errors"`
	}
	if json.Unmarshal(body, &g) == nil {
		a.json = true
		a.errors = len(g.Errors)
		a.data = len(g.Data) > 0 && string(g.Data) != "null"
		if len(g.Errors) > 0 {
			a.code, _ = g.Errors[0].Extensions["code"].(string)
		}
	}
	return a
}

// sane is the ordinary query that must succeed after every hostile one.
const saneQuery = `{ stats { nodes edges } node(id: "CHEBI:6121") { name } }`

func (s *liveServer) sane(t testing.TB) error {
	b, _ := json.Marshal(map[string]any{"query": saneQuery})
	r, _ := http.NewRequest(http.MethodPost, s.base+"/graphql", bytes.NewReader(b))
	r.Header.Set("Content-Type", "application/json")
	a := s.send(r)
	if a.err != nil || a.status != 200 || a.errors != 0 || !bytes.Contains(a.body, []byte(`"name":"ketamine"`)) {
		return fmt.Errorf("the ordinary query after it answered %s: %.300s", a, a.body)
	}
	return nil
}

// hostileCase is one hostile request and the refusal it must get.
type hostileCase struct {
	name   string
	req    func(base string) *http.Request
	status int    // required status
	code   string // required extensions.code; "" with data: must answer normally
	data   bool   // the request is legitimate-but-odd and must be answered
	raw    bool   // net/http answers before the handler: not JSON
	msg    string // the error message must contain this
}

func postJSON(body []byte) func(string) *http.Request {
	return func(base string) *http.Request {
		r, _ := http.NewRequest(http.MethodPost, base+"/graphql", bytes.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		return r
	}
}

func postQuery(query string, vars map[string]any) func(string) *http.Request {
	b, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		panic(err)
	}
	return postJSON(b)
}

func postCT(contentType string, body string) func(string) *http.Request {
	return func(base string) *http.Request {
		r, _ := http.NewRequest(http.MethodPost, base+"/graphql", strings.NewReader(body))
		if contentType != "" {
			r.Header.Set("Content-Type", contentType)
		}
		return r
	}
}

func getQuery(params url.Values) func(string) *http.Request {
	return func(base string) *http.Request {
		r, _ := http.NewRequest(http.MethodGet, base+"/graphql?"+params.Encode(), nil)
		return r
	}
}

// chunked makes a body of unknown length: the server cannot refuse it by
// Content-Length and must stop reading at the limit.
type chunked struct{ r io.Reader }

func (c chunked) Read(p []byte) (int, error) { return c.r.Read(p) }

func repeat(format string, n int, sep string) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = strings.ReplaceAll(format, "%d", strconv.Itoa(i))
	}
	return strings.Join(parts, sep)
}

// fragmentBomb is n fragments each spreading the previous one twice: 2^n
// fields once expanded, from a few hundred bytes.
func fragmentBomb(n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "{ stats { ...F%d } }\nfragment F0 on Stats { nodes edges }\n", n)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "fragment F%d on Stats { ...F%d ...F%d }\n", i, i-1, i-1)
	}
	return b.String()
}

// deepClaims nests claim → subject → claims n times: a query whose every
// level is a real, paged field.
func deepClaims(n int) string {
	q := "id"
	for range n {
		q = "... on Drug { claims(first: 2) { edges { node { subject { id " + q + " } } } } }"
	}
	return `{ node(id: "CHEBI:6121") { ` + q + ` } }`
}

// wideClaims is deepClaims with full pages: within the depth limit for n
// up to 5, a page of claims of every subject of every claim, n times over.
func wideClaims(n int) string {
	q := "id"
	for range n {
		q = "claims(first: 100) { edges { node { subject { id " + q + " } } } }"
	}
	return `{ node(id: "CHEBI:6121") { ` + q + ` } }`
}

func hostileCases() []hostileCase {
	big := strings.Repeat("a", 1<<20+1)
	halfMiB := strings.Repeat("x", 512<<10)
	deepJSON := strings.Repeat("[", 9000) + strings.Repeat("]", 9000)
	manyKeys := map[string]any{}
	for i := range 20000 {
		manyKeys["k"+strconv.Itoa(i)] = i
	}
	ids501 := make([]string, 501)
	for i := range ids501 {
		ids501[i] = "CHEBI:6121"
	}
	searchQ := `query($t: String!) { search(text: $t) { node { id } } }`
	nodeQ := `query($id: ID!) { node(id: $id) { id } }`
	return []hostileCase{
		// Depth.
		{name: "nested 14 levels (claims/subject chain, page wrappers not counted)", req: postQuery(deepClaims(6), nil), status: 200, code: "QUERY_TOO_DEEP"},
		{name: "nested 12 levels (claims/subject chain) with pages of 100 each", req: postQuery(wideClaims(5), nil), status: 200, code: "COMPLEXITY_LIMIT_EXCEEDED"},
		{name: "nested 500 levels of selections", req: postQuery("{"+strings.Repeat("a{", 500)+"b"+strings.Repeat("}", 500)+"}", nil), status: 200, code: "QUERY_TOO_DEEP"},
		{name: "nested 2000 levels of selections", req: postQuery("{"+strings.Repeat("a{", 2000)+"b"+strings.Repeat("}", 2000)+"}", nil), status: 200, code: "QUERY_TOO_DEEP"},
		// Width.
		{name: "alias bomb: 5000 aliases of stats", req: postQuery("{ "+repeat("a%d: stats { nodes }", 5000, " ")+" }", nil), status: 200, code: "QUERY_TOO_LARGE"},
		{name: "alias bomb: 2500 short aliases of __typename", req: postQuery("{"+repeat("a%d:__typename", 2500, " ")+"}", nil), status: 200, code: "QUERY_TOO_LARGE"},
		{name: "alias bomb: 150 aliases of stats (within size limits)", req: postQuery("{ "+repeat("a%d: stats { nodes }", 150, " ")+" }", nil), status: 200, code: "TOO_MANY_ALIASES"},
		{name: "field bomb: 1200 repeated fields without aliases", req: postQuery("{ stats { "+strings.Repeat("nodes ", 1200)+"} }", nil), status: 200, code: "TOO_MANY_FIELDS"},
		{name: "fragment bomb: 2^40 fields from 40 fragments", req: postQuery(fragmentBomb(40), nil), status: 200, code: "TOO_MANY_FIELDS"},
		{name: "fragment bomb: 2^9 fields (under the fragment cap)", req: postQuery(fragmentBomb(9), nil), status: 200, code: "TOO_MANY_FIELDS"},
		{name: "60 fragment definitions", req: postQuery("{ stats { "+repeat("...F%d", 60, " ")+" } } "+repeat("fragment F%d on Stats { nodes }", 60, " "), nil), status: 200, code: "TOO_MANY_FRAGMENTS"},
		{name: "cyclic fragments", req: postQuery(`{ stats { ...A } } fragment A on Stats { nodes ...B } fragment B on Stats { edges ...A }`, nil), status: 200, code: "GRAPHQL_VALIDATION_FAILED"},
		{name: "cyclic fragment bomb", req: postQuery(`{ stats { ...A } } fragment A on Stats { ...B ...B ...B } fragment B on Stats { ...A ...A ...A }`, nil), status: 200, code: "GRAPHQL_VALIDATION_FAILED"},
		{name: "500 operations in one document, one named", req: postJSON([]byte(`{"operationName":"Q7","query":"` + repeat("query Q%d { __typename }", 500, " ") + `"}`)), status: 200, data: true},
		{name: "2000 operations in one document", req: postQuery(repeat("query Q%d { __typename }", 2000, " "), nil), status: 200, code: "QUERY_TOO_LARGE"},
		{name: "1000 repeated directives on a field", req: postQuery("{ stats "+strings.Repeat("@include(if: true) ", 1000)+"{ nodes } }", nil), status: 200, code: "QUERY_TOO_LARGE"},
		// Page sizes and hops.
		{name: "first: 1000000 on a list", req: postQuery(`{ drugs(first: 1000000) { totalCount } }`, nil), status: 200, code: "COMPLEXITY_LIMIT_EXCEEDED"},
		{name: "first: 1000000 through a variable", req: postQuery(`query($n: Int) { search(text: "ket", first: $n) { score } }`, map[string]any{"n": 1000000}), status: 200, code: "COMPLEXITY_LIMIT_EXCEEDED"},
		{name: "first: 101 (just over the page cap)", req: postQuery(`{ drugs(first: 101) { totalCount } }`, nil), status: 200, code: "LIMIT_EXCEEDED"},
		{name: "first: -1", req: postQuery(`{ drugs(first: -1) { totalCount } }`, nil), status: 200, code: "BAD_USER_INPUT"},
		{name: "first: 2^31 (Int overflow)", req: postQuery(`{ drugs(first: 2147483648) { totalCount } }`, nil), status: 200, code: "COMPLEXITY_LIMIT_EXCEEDED"},
		{name: "first: 2^63 through a variable", req: postQuery(`query($n: Int) { drugs(first: $n) { totalCount } }`, map[string]any{"n": uint64(1) << 63}), status: 200, code: "GRAPHQL_VALIDATION_FAILED"},
		{name: "maxHops: 1000000", req: postQuery(`{ mechanismToOutcomePaths(from: "FPLX:GRIN", maxHops: 1000000, first: 1) { length } }`, nil), status: 200, code: "COMPLEXITY_LIMIT_EXCEEDED"},
		{name: "maxHops: 7 (just over the cap)", req: postQuery(`{ paths(from: "CHEBI:6121", to: "KAP:abstinence", maxHops: 7, first: 1) { length } }`, nil), status: 200, code: "LIMIT_EXCEEDED"},
		{name: "neighbourhood depth 4, limit 1000000", req: postQuery(`{ neighborhood(id: "CHEBI:6121", depth: 4, limit: 1000000) { truncated } }`, nil), status: 200, code: "COMPLEXITY_LIMIT_EXCEEDED"},
		{name: "nodes(ids: 501 ids)", req: postQuery(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids501}), status: 200, code: "LIMIT_EXCEEDED"},
		// Bodies.
		{name: "body of 1 MiB + 1 byte (Content-Length)", req: postCT("application/json", `{"query":"{ __typename }","pad":"`+big+`"}`), status: 413, code: "REQUEST_TOO_LARGE"},
		{name: "body of 1.5 MiB, chunked (no Content-Length)", req: func(base string) *http.Request {
			r, _ := http.NewRequest(http.MethodPost, base+"/graphql", chunked{strings.NewReader(`{"query":"{ __typename }","pad":"` + big + halfMiB + `"}`)})
			r.Header.Set("Content-Type", "application/json")
			return r
		}, status: 413, code: "REQUEST_TOO_LARGE"},
		{name: "malformed JSON (truncated)", req: postCT("application/json", `{"query": `), status: 400, code: "BAD_REQUEST"},
		{name: "malformed JSON (trailing garbage)", req: postCT("application/json", `{"query":"{ __typename }"} xyz`), status: 400, code: "BAD_REQUEST"},
		{name: "JSON null body", req: postCT("application/json", `null`), status: 400, code: "BAD_REQUEST"},
		{name: "JSON string body", req: postCT("application/json", `"{ __typename }"`), status: 400, code: "BAD_REQUEST"},
		{name: "empty body", req: postCT("application/json", ``), status: 400, code: "BAD_REQUEST"},
		{name: "query is a number", req: postCT("application/json", `{"query": 42}`), status: 400, code: "BAD_REQUEST"},
		{name: "variables is an array", req: postCT("application/json", `{"query":"{ __typename }","variables":[1,2]}`), status: 400, code: "BAD_REQUEST"},
		{name: "variables nested 9000 arrays deep", req: postCT("application/json", `{"query":"{ __typename }","variables":{"x":`+deepJSON+`}}`), status: 200, data: true},
		{name: "variables nested 20000 arrays deep", req: postCT("application/json", `{"query":"{ __typename }","variables":{"x":`+strings.Repeat("[", 20000)+strings.Repeat("]", 20000)+`}}`), status: 400, code: "BAD_REQUEST"},
		{name: "invalid UTF-8 bytes in the body", req: postCT("application/json", "{\"query\":\"{ __typename }\",\"operationName\":\"\xff\xfe\"}"), status: 200, code: "GRAPHQL_VALIDATION_FAILED"},
		{name: "batched array of two operations", req: postCT("application/json", `[{"query":"{ __typename }"},{"query":"{ stats { nodes } }"}]`), status: 400, code: "BAD_REQUEST", msg: "batched requests"},
		// Content types.
		{name: "Content-Type text/plain", req: postCT("text/plain", `{"query":"{ __typename }"}`), status: 415, code: "UNSUPPORTED_MEDIA_TYPE"},
		{name: "Content-Type application/graphql", req: postCT("application/graphql", `{ __typename }`), status: 415, code: "UNSUPPORTED_MEDIA_TYPE"},
		{name: "Content-Type form-urlencoded", req: postCT("application/x-www-form-urlencoded", `query=%7B__typename%7D`), status: 415, code: "UNSUPPORTED_MEDIA_TYPE"},
		{name: "Content-Type multipart/form-data", req: postCT("multipart/form-data; boundary=x", "--x\r\n\r\n{}\r\n--x--"), status: 415, code: "UNSUPPORTED_MEDIA_TYPE"},
		{name: "no Content-Type", req: postCT("", `{"query":"{ __typename }"}`), status: 415, code: "UNSUPPORTED_MEDIA_TYPE"},
		{name: "Content-Type JSON in latin1", req: postCT("application/json; charset=latin1", `{"query":"{ __typename }"}`), status: 415, code: "UNSUPPORTED_MEDIA_TYPE"},
		{name: "unparsable Content-Type", req: postCT("application/json; ;;=", `{"query":"{ __typename }"}`), status: 415, code: "UNSUPPORTED_MEDIA_TYPE"},
		{name: "Accept: text/html only", req: func(base string) *http.Request {
			r := postQuery(`{ __typename }`, nil)(base)
			r.Header.Set("Accept", "text/html")
			return r
		}, status: 406, code: "NOT_ACCEPTABLE"},
		{name: "PUT /graphql", req: func(base string) *http.Request {
			r, _ := http.NewRequest(http.MethodPut, base+"/graphql", strings.NewReader(`{"query":"{ __typename }"}`))
			r.Header.Set("Content-Type", "application/json")
			return r
		}, status: 405, code: "METHOD_NOT_ALLOWED"},
		// Operations the API does not have.
		{name: "mutation (the schema has no Mutation type)", req: postQuery(`mutation { deleteEverything }`, nil), status: 200, code: "GRAPHQL_VALIDATION_FAILED"},
		{name: "subscription", req: postQuery(`subscription { stats { nodes } }`, nil), status: 200, code: "GRAPHQL_VALIDATION_FAILED"},
		{name: "mutation over GET", req: getQuery(url.Values{"query": {`mutation { x }`}}), status: 405, code: "METHOD_NOT_ALLOWED"},
		// Introspection floods.
		{name: "__type ofType chain 100 deep", req: postQuery(`{ __type(name: "Drug") { `+strings.Repeat("ofType { ", 100)+"name"+strings.Repeat(" }", 100)+" } }", nil), status: 200, code: "QUERY_TOO_DEEP"},
		{name: "__schema fields/type list chain", req: postQuery(`{ __schema { types { fields { type { fields { type { fields { type { name } } } } } } } } }`, nil), status: 200, code: "GRAPHQL_VALIDATION_FAILED"},
		{name: "50 aliases of __schema", req: postQuery("{ "+repeat("s%d: __schema { types { name description fields { name description } } }", 50, " ")+" }", nil), status: 200, code: "TOO_MANY_INTROSPECTION_FIELDS"},
		{name: "30 aliases of __type", req: postQuery("{ "+repeat(`t%d: __type(name: "Drug") { fields { name } }`, 30, " ")+" }", nil), status: 200, code: "TOO_MANY_INTROSPECTION_FIELDS"},
		// Strings.
		{name: "search text of 512 KiB (variable)", req: postQuery(searchQ, map[string]any{"t": halfMiB}), status: 200, code: "LIMIT_EXCEEDED"},
		{name: "node id of 512 KiB (variable)", req: postQuery(nodeQ, map[string]any{"id": halfMiB}), status: 200, code: "BAD_USER_INPUT"},
		{name: "string literal of 512 KiB in the query", req: postQuery(`{ search(text: "`+halfMiB+`") { score } }`, nil), status: 200, code: "QUERY_TOO_LARGE"},
		{name: "query of 40 KiB of comments", req: postQuery("# "+strings.Repeat("c", 40<<10)+"\n{ __typename }", nil), status: 200, code: "QUERY_TOO_LARGE"},
		{name: "query of 1 MiB via GET (URL over the header limit)", req: getQuery(url.Values{"query": {"{ __typename }" + strings.Repeat(" ", 1<<20)}}), status: 431, raw: true},
		{name: "40 KiB query via GET", req: getQuery(url.Values{"query": {"{ __typename " + strings.Repeat(" ", 40<<10) + "}"}}), status: 200, code: "QUERY_TOO_LARGE"},
		{name: "5000 variable definitions", req: postQuery("query("+repeat("$v%d: Int", 5000, ", ")+") { __typename }", nil), status: 200, code: "QUERY_TOO_LARGE"},
		{name: "150 variable definitions", req: postQuery("query("+repeat("$v%d: Int", 150, ", ")+") { __typename }", nil), status: 200, code: "TOO_MANY_VARIABLES"},
		{name: "20000 undeclared variables (ignored)", req: postQuery(`{ __typename }`, manyKeys), status: 200, data: true},
		// Enum values in variables: gqlparser compares them ignoring case,
		// the executor does not (found by FuzzNodeFilter).
		{name: "enum value of the wrong case in an input-object variable (direction: AsC)", req: postQuery(`query($o: NodeOrderBy) { entities(orderBy: $o, first: 2) { totalCount } }`, map[string]any{"o": map[string]any{"direction": "AsC"}}), status: 200, code: "GRAPHQL_VALIDATION_FAILED", msg: "case-sensitive"},
		{name: "enum value of the wrong case in a list variable (affects)", req: postQuery(`query($p: [Predicate!]) { neighborhood(id: "CHEBI:6121", edgeTypes: $p) { truncated } }`, map[string]any{"p": []string{"AFFECTS", "affects"}}), status: 200, code: "GRAPHQL_VALIDATION_FAILED", msg: "case-sensitive"},
		{name: "enum value of the wrong case as a literal (AsC)", req: postQuery(`{ entities(orderBy: {direction: AsC}, first: 2) { totalCount } }`, nil), status: 200, code: "GRAPHQL_VALIDATION_FAILED"},
		// Unicode and NUL.
		{name: "NUL inside the search text", req: postQuery(searchQ, map[string]any{"t": "ket\x00amine"}), status: 200, data: true},
		{name: "NUL after a real id", req: postQuery(nodeQ, map[string]any{"id": "CHEBI:6121\x00"}), status: 200, code: "NOT_FOUND"},
		{name: "NUL only as the id", req: postQuery(nodeQ, map[string]any{"id": "\x00"}), status: 200, code: "NOT_FOUND"},
		{name: "lone surrogate escapes in variables", req: postJSON([]byte(`{"query":"query($t: String!) { search(text: $t) { node { id } } }","variables":{"t":"\ud800ket\udfff"}}`)), status: 200, data: true},
		{name: "right-to-left override and zero-width joiners", req: postQuery(searchQ, map[string]any{"t": "\u202eenimatek\u200d\u200d"}), status: 200, data: true},
		{name: "search text of emoji only", req: postQuery(searchQ, map[string]any{"t": "💊🧠"}), status: 200, code: "BAD_USER_INPUT"},
		{name: "NUL byte inside the query text", req: postQuery("{ __typename \x00 }", nil), status: 200, code: "GRAPHQL_PARSE_FAILED"},
		{name: "BOM before the query", req: postQuery("\ufeff{ __typename }", nil), status: 200, data: true},
		// Headers.
		{name: "100 KiB header", req: func(base string) *http.Request {
			r := postQuery(`{ __typename }`, nil)(base)
			r.Header.Set("X-Padding", strings.Repeat("p", 100<<10))
			return r
		}, status: 431, raw: true},
		{name: "forged X-Request-ID with newlines and quotes", req: func(base string) *http.Request {
			r := postQuery(`{ __typename }`, nil)(base)
			r.Header.Set("X-Request-ID", `a" level=ERROR msg="forged`)
			return r
		}, status: 200, data: true},
		// Persisted queries.
		{name: "unknown persisted-query hash", req: getQuery(url.Values{"extensions": {`{"persistedQuery":{"version":1,"sha256Hash":"` + strings.Repeat("ab", 32) + `"}}`}}), status: 200, code: "PERSISTED_QUERY_NOT_FOUND"},
		{name: "persisted query with a wrong hash", req: postJSON([]byte(`{"query":"{ __typename }","extensions":{"persistedQuery":{"version":1,"sha256Hash":"` + strings.Repeat("00", 32) + `"}}}`)), status: 200, code: "BAD_REQUEST"},
		{name: "persisted query version 2", req: postJSON([]byte(`{"query":"{ __typename }","extensions":{"persistedQuery":{"version":2,"sha256Hash":"x"}}}`)), status: 200, code: "BAD_REQUEST"},
		{name: "persisted query extension not an object", req: postJSON([]byte(`{"query":"{ __typename }","extensions":{"persistedQuery":"yes"}}`)), status: 200, code: "BAD_REQUEST"},
	}
}

func TestHostileRequests(t *testing.T) {
	s := startLive(t, httpapi.Config{})
	if err := s.sane(t); err != nil {
		t.Fatal(err)
	}
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			a := s.send(c.req(s.base))
			ok := a.err == nil && a.status == c.status
			expect := strconv.Itoa(c.status)
			switch {
			case c.raw:
				expect += " (answered by net/http)"
			case c.data:
				expect += " data"
				ok = ok && a.json && a.errors == 0 && a.data
			default:
				expect += " " + c.code
				ok = ok && a.json && a.code == c.code && bytes.Contains(a.body, []byte(c.msg))
			}
			detail := ""
			if !ok {
				detail = fmt.Sprintf("body %.300q", a.body)
			}
			if a.took > hostileBudget {
				ok = false
				detail += fmt.Sprintf(" took %v, above %v", a.took, hostileBudget)
			}
			if err := s.sane(t); err != nil {
				ok = false
				detail += " " + err.Error()
			}
			reliability.Record(t, reliability.Case{
				Area: "hostile", Name: c.name, Expect: expect + "; server answers the next query",
				Got: a.String(), OK: ok, Millis: ms(a.took), Detail: detail,
			})
		})
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
