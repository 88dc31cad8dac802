package reliability_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/kapgraph/kapgraph/tools/reliability"
)

// trapiBudget bounds the answer to one hostile TRAPI body.
const trapiBudget = 10 * time.Second

// A valid one-hop lookup: ketamine's AFFECTS claims.
const trapiOK = `{"message":{"query_graph":{"nodes":{"n0":{"ids":["CHEBI:6121"]},"n1":{}},"edges":{"e0":{"subject":"n0","object":"n1","predicates":["biolink:affects"]}}}}}`

// hostileTRAPI are the bodies sent to POST /trapi/query: each must be
// refused with a 4xx TRAPI error in JSON (or, where marked, answered), and
// quickly; never a 5xx, a hang or a crash.
func hostileTRAPI() []struct {
	name, body string
	answer     bool // a 200 answer is right (the body is valid, only big)
} {
	var ids []string
	for i := range 10_000 {
		ids = append(ids, fmt.Sprintf("\"KAP:id-%d\"", i))
	}
	big := func(n int) string {
		var nodes, edges []string
		for i := range n {
			nodes = append(nodes, fmt.Sprintf(`"n%d":{"ids":["CHEBI:6121"]}`, i))
			if i > 0 {
				edges = append(edges, fmt.Sprintf(`"e%d":{"subject":"n%d","object":"n%d"}`, i, i-1, i))
			}
		}
		return `{"message":{"query_graph":{"nodes":{` + strings.Join(nodes, ",") + `},"edges":{` + strings.Join(edges, ",") + `}}}}`
	}
	return []struct {
		name, body string
		answer     bool
	}{
		{"huge query graph: 2,000 nodes, 1,999 edges", big(2000), false},
		{"deep query graph: a chain of 60 edges", big(61), false},
		{"JSON nested 100,000 deep", strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000), false},
		{"10,000 ids on one node", `{"message":{"query_graph":{"nodes":{"n0":{"ids":[` + strings.Join(ids, ",") + `]},"n1":{}},"edges":{"e0":{"subject":"n0","object":"n1"}}}}}`, false},
		{"wrong type: ids a string", `{"message":{"query_graph":{"nodes":{"n0":{"ids":"CHEBI:6121"},"n1":{}},"edges":{"e0":{"subject":"n0","object":"n1"}}}}}`, false},
		{"wrong type: categories a number", `{"message":{"query_graph":{"nodes":{"n0":{"ids":["CHEBI:6121"]},"n1":{"categories":7}},"edges":{"e0":{"subject":"n0","object":"n1"}}}}}`, false},
		{"wrong type: edges a list", `{"message":{"query_graph":{"nodes":{"n0":{"ids":["CHEBI:6121"]}},"edges":[1,2]}}}`, false},
		{"wrong type: message a string", `{"message":"query_graph"}`, false},
		{"unknown field: subjct for subject", `{"message":{"query_graph":{"nodes":{"n0":{"ids":["CHEBI:6121"]},"n1":{}},"edges":{"e0":{"subjct":"n0","object":"n1"}}}}}`, false},
		{"unknown field at the top, valid query", `{"message":{"query_graph":{"nodes":{"n0":{"ids":["CHEBI:6121"]},"n1":{}},"edges":{"e0":{"subject":"n0","object":"n1"}}}},"bogus":{"deep":[1,2,3]}}`, true},
		{"edge to a node that is not there", `{"message":{"query_graph":{"nodes":{"n0":{"ids":["CHEBI:6121"]}},"edges":{"e0":{"subject":"n0","object":"nX"}}}}}`, false},
		{"no query graph", `{"message":{}}`, false},
		{"empty body", ``, false},
		{"not JSON", `message=query_graph`, false},
		{"a 20 MB id", `{"message":{"query_graph":{"nodes":{"n0":{"ids":["` + strings.Repeat("A", 20<<20) + `"]},"n1":{}},"edges":{"e0":{"subject":"n0","object":"n1"}}}}}`, false},
	}
}

// TestHostileTRAPI sends hostile bodies to POST /trapi/query of the server
// `kapgraph serve` builds, over the embedded store and over Neo4j (the
// isolated instance), both loaded with the seeds. After each, a valid
// lookup must still be answered with results.
func TestHostileTRAPI(t *testing.T) {
	engines := []func(testing.TB) engine{memoryEngine, func(tb testing.TB) engine { e, _, _ := neo4jEngine(tb); return e }}
	for _, open := range engines {
		e := open(t)
		t.Run(e.name, func(t *testing.T) {
			if st, body, _ := postTRAPI(e.base, trapiOK); st != 200 || !strings.Contains(body, `"results"`) {
				t.Fatalf("a valid lookup: %d %.200s", st, body)
			}
			for _, c := range hostileTRAPI() {
				start := time.Now()
				status, body, err := postTRAPI(e.base, c.body)
				took := time.Since(start)
				isJSON := json.Valid([]byte(body))
				ok := err == nil && isJSON && took < trapiBudget
				expect := "4xx TRAPI error (JSON) within " + trapiBudget.String()
				if c.answer {
					expect = "200 with results within " + trapiBudget.String()
					ok = ok && status == 200 && strings.Contains(body, `"results"`)
				} else {
					ok = ok && status >= 400 && status < 500
				}
				sane, sbody, _ := postTRAPI(e.base, trapiOK)
				detail := ""
				if sane != 200 {
					ok = false
					detail = fmt.Sprintf("the next valid lookup got %d %.120s", sane, sbody)
				}
				reliability.Record(t, reliability.Case{Area: "trapi", Name: e.name + ": " + c.name + fmt.Sprintf(" (%s)", size(len(c.body))),
					Expect: expect + "; the next lookup answered", Got: fmt.Sprintf("%d %.160s", status, trapiGist(body)), OK: ok, Millis: ms(took), Detail: detail})
			}
		})
	}
}

func postTRAPI(base, body string) (int, string, error) {
	c := &http.Client{Timeout: trapiBudget + 5*time.Second}
	resp, err := c.Post(base+"/trapi/query", "application/json", bytes.NewReader([]byte(body)))
	if err != nil {
		return 0, err.Error(), err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	return resp.StatusCode, string(b), err
}

// trapiGist is what an answer says, without the query it echoes: the
// status and description of an error, or the number of results.
func trapiGist(body string) string {
	var a struct {
		Status      string `json:"status"`
		Description string `json:"description"`
		Message     struct {
			Results []json.RawMessage `json:"results"`
		} `json:"message"`
	}
	if err := json.Unmarshal([]byte(body), &a); err != nil {
		return "not JSON: " + strings.Join(strings.Fields(body), " ")
	}
	if a.Status != "" || a.Description != "" {
		return a.Status + ": " + a.Description
	}
	return fmt.Sprintf("%d results", len(a.Message.Results))
}

func size(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.0f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
