package resolvers_test

import (
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/api/gql"
)

// TestUnknownIDs: every argument that names a node by id answers
// NOT_FOUND with the argument, the id and the nearest names search finds;
// a valid question with no answer is [] (the rule in Query's description).
func TestUnknownIDs(t *testing.T) {
	srv := server(t, seedStore(t), gql.Options{})
	for _, tc := range []struct {
		name, query string
		want        []string // substrings of the one error's message
	}{
		{"node", `{ node(id: "KAP:alcohol-use") { id } }`, []string{`id: no node with id "KAP:alcohol-use"`, "nearest: alcohol use disorder (MONDO:0002046)"}},
		{"mechanism paths from", `{ mechanismToOutcomePaths(from: "KAP:ketamin") { length } }`, []string{`from: no node with id "KAP:ketamin"`, "ketamine (CHEBI:6121)"}},
		{"mechanism paths to", `{ mechanismToOutcomePaths(from: "CHEBI:6121", to: "KAP:abstinance") { length } }`, []string{`to: no node with id "KAP:abstinance"`, "nearest: abstinence (KAP:abstinence)"}},
		{"mechanism paths disorder", `{ mechanismToOutcomePaths(from: "CHEBI:6121", disorder: "KAP:nope") { length } }`, []string{`disorder: no node with id "KAP:nope"`}},
		{"paths via", `{ paths(from: "CHEBI:6121", to: "KAP:abstinence", via: "KAP:craving-x") { length } }`, []string{`via: no node with id "KAP:craving-x"`, "craving (KAP:craving)"}},
		{"shortest path", `{ shortestPath(from: "CHEBI:6121", to: "KAP:relapse_x") { length } }`, []string{`to: no node with id "KAP:relapse_x"`, "relapse (KAP:relapse)"}},
		{"neighborhood", `{ neighborhood(id: "KAP:mtor") { truncated } }`, []string{`id: no node with id "KAP:mtor"`, "mTOR pathway (GO:0031929)"}},
		{"evidence", `{ evidence(drug: "KAP:ketamine", disorder: "MONDO:0002046") { claims { id } } }`, []string{`drug: no node with id "KAP:ketamine"`, "ketamine (CHEBI:6121)"}},
		{"claims subject", `{ claims(filter: {subject: "KAP:naltrexone"}) { totalCount } }`, []string{`filter.subject: no node with id "KAP:naltrexone"`}},
		{"claims object", `{ claims(filter: {object: "KAP:abstinance"}) { totalCount } }`, []string{`filter.object: no node with id "KAP:abstinance"`, "abstinence (KAP:abstinence)"}},
		{"claims study", `{ claims(filter: {study: "KAP:study.nobody-2020"}) { totalCount } }`, []string{`filter.study: no node with id "KAP:study.nobody-2020"`}},
		{"list document", `{ studies(filter: {document: "KAP:ward-2025"}) { totalCount } }`, []string{`filter.document: no node with id "KAP:ward-2025"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := post(t, srv.URL, tc.query, nil)
			if len(r.Errors) != 1 {
				t.Fatalf("want one error, got %s", r.raw)
			}
			e := r.Errors[0]
			if e.Extensions["code"] != "NOT_FOUND" {
				t.Errorf("code %v, want NOT_FOUND: %s", e.Extensions["code"], r.raw)
			}
			for _, w := range tc.want {
				if !strings.Contains(e.Message, w) {
					t.Errorf("message %q lacks %q", e.Message, w)
				}
			}
		})
	}
	// Valid questions with no answer: empty lists, no error.
	for _, tc := range []struct{ name, query, data string }{
		{"claims of an existing node that match nothing", `{ claims(filter: {subject: "KAP:abstinence", predicates: [STUDIED_TO_TREAT]}) { totalCount } }`, `{"claims":{"totalCount":0}}`},
		{"paths too short to connect", `{ paths(from: "CHEBI:6121", to: "KAP:abstinence", maxHops: 1, edgeTypes: [CORRELATED_WITH]) { length } }`, `{"paths":[]}`},
		{"mechanism paths too short", `{ mechanismToOutcomePaths(from: "FPLX:GRIN", to: "KAP:abstinence", maxHops: 1) { length } }`, `{"mechanismToOutcomePaths":[]}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := post(t, srv.URL, tc.query, nil)
			if len(r.Errors) > 0 || string(r.Data) != tc.data {
				t.Errorf("got %s, want data %s and no error", r.raw, tc.data)
			}
		})
	}
}
