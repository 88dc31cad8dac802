package export_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/api/export"
	"github.com/kapgraph/kapgraph/internal/app"
)

// TestTableExports asks the whole server (app.NewServer) for the claims of
// a filter through GraphQL and through /export/claims.csv, and expects the
// same claims in the same order with the same fields; the studies of
// studies.bib and studies.ris are the studies those claims cite.
func TestTableExports(t *testing.T) {
	srv := httptest.NewServer(app.NewServer(app.Config{}, newStore(t, seedDocs(t)), nil))
	t.Cleanup(srv.Close)
	for _, filter := range []struct{ query, gql string }{
		{"subject=CHEBI:6121", `{subject: "CHEBI:6121"}`},
		{"object=KAP:abstinence&sign=INCREASES", `{object: "KAP:abstinence", sign: INCREASES}`},
		{"predicates=CORRELATED_WITH&origin=STATED", `{predicates: [CORRELATED_WITH], origin: STATED}`},
		{"", `{}`},
	} {
		t.Run(filter.query, func(t *testing.T) {
			want := graphqlClaims(t, srv.URL, filter.gql)
			resp, err := http.Get(srv.URL + "/export/claims.csv?" + filter.query)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
				t.Fatalf("status %d, type %s", resp.StatusCode, resp.Header.Get("Content-Type"))
			}
			rows, err := csv.NewReader(resp.Body).ReadAll()
			if err != nil {
				t.Fatalf("the CSV does not parse: %v", err)
			}
			head := rows[0]
			col := map[string]int{}
			for i, c := range head {
				col[c] = i
			}
			if len(rows)-1 != len(want) {
				t.Fatalf("%d rows, GraphQL has %d claims", len(rows)-1, len(want))
			}
			if len(want) == 0 {
				t.Fatal("the filter selects nothing: a test of nothing")
			}
			studies := map[string]bool{}
			for i, c := range want {
				row := rows[i+1]
				var quotes []string
				for _, ev := range c.Evidence {
					quotes = append(quotes, ev.Quote)
					for _, s := range ev.Studies {
						studies[s.Name] = true
					}
				}
				got := []string{row[col["claim_id"]], row[col["subject_id"]], row[col["subject"]], row[col["predicate"]], row[col["sign"]],
					row[col["object"]], row[col["score"]], row[col["quote"]]}
				exp := []string{c.ID, c.Subject.ID, c.Subject.Name, c.Predicate, c.Sign, c.Object.Name,
					strconv.FormatFloat(c.Score, 'f', -1, 64), strings.Join(quotes, " | ")}
				if strings.Join(got, "\x00") != strings.Join(exp, "\x00") {
					t.Errorf("row %d:\n got %q\nwant %q", i+1, got, exp)
				}
			}
			bib := fetch(t, srv.URL+"/export/studies.bib?"+filter.query)
			ris := fetch(t, srv.URL+"/export/studies.ris?"+filter.query)
			if n := strings.Count(bib, "\n@"); n+boolInt(strings.HasPrefix(bib, "@")) != len(studies) {
				t.Errorf("studies.bib has %d entries, the claims cite %d studies", n+boolInt(strings.HasPrefix(bib, "@")), len(studies))
			}
			if n := strings.Count(ris, "TY  - "); n != len(studies) || strings.Count(ris, "ER  - ") != n {
				t.Errorf("studies.ris has %d records, the claims cite %d studies", n, len(studies))
			}
			if strings.Count(bib, "{") != strings.Count(bib, "}") {
				t.Errorf("studies.bib has unbalanced braces")
			}
		})
	}
	// An explicit selection of claims (the explorer's Table tab), by GET
	// and by POST: the claims that exist, best first, with their studies.
	all := graphqlClaims(t, srv.URL, `{subject: "CHEBI:6121"}`)
	ids := []string{all[3].ID, all[0].ID, "KAP:no-such-claim", all[1].ID}
	for _, method := range []string{"GET", "POST"} {
		var resp *http.Response
		var err error
		form := url.Values{"ids": {strings.Join(ids, ",")}}
		if method == "GET" {
			resp, err = http.Get(srv.URL + "/export/claims.csv?" + form.Encode())
		} else {
			resp, err = http.PostForm(srv.URL+"/export/claims.csv", form)
		}
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(resp.Body).ReadAll()
		resp.Body.Close()
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("%s ids: %d %v", method, resp.StatusCode, err)
		}
		var got []string
		for _, r := range rows[1:] {
			got = append(got, r[0])
		}
		want := []string{all[0].ID, all[1].ID, all[3].ID}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s ids: rows %v, want %v", method, got, want)
		}
	}
	if resp, err := http.PostForm(srv.URL+"/export/graph.json", url.Values{}); err != nil || resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST to a whole-graph export: %v %v, want 405", resp.StatusCode, err)
	}

	for _, bad := range []struct {
		query  string
		status int
		msg    string
	}{
		{"subjct=CHEBI:6121", 400, `unknown filter "subjct"`},
		{"sign=UP", 400, "want INCREASES or DECREASES"},
		{"predicates=FROBS", 400, "FROBS"},
		{"subject=KAP:nope", 404, `subject: no node with id "KAP:nope"`},
		{"ids=a,b&subject=CHEBI:6121", 400, "ids names the claims itself"},
	} {
		resp, err := http.Get(srv.URL + "/export/claims.csv?" + bad.query)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		b.ReadFrom(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != bad.status || !strings.Contains(b.String(), bad.msg) {
			t.Errorf("%s: %d %q, want %d with %q", bad.query, resp.StatusCode, b.String(), bad.status, bad.msg)
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func fetch(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	b.ReadFrom(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("%s: %d %s", url, resp.StatusCode, b.String())
	}
	return b.String()
}

type gqlClaim struct {
	ID        string
	Predicate string
	Sign      string
	Score     float64
	Subject   struct{ ID, Name string }
	Object    struct{ ID, Name string }
	Evidence  []struct {
		Quote   string
		Studies []struct{ Name string }
	}
}

// graphqlClaims pages through the claims root field.
func graphqlClaims(t *testing.T, base, filter string) []gqlClaim {
	t.Helper()
	var out []gqlClaim
	after := ""
	for {
		q := `query($after: String) { claims(filter: ` + filter + `, first: 100, after: $after) { pageInfo { hasNextPage endCursor }
			edges { node { id predicate sign score subject { id name } object { id name } evidence { quote studies { name } } } } } }`
		vars := map[string]any{}
		if after != "" {
			vars["after"] = after
		}
		body, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
		resp, err := http.Post(base+"/graphql", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		var r struct {
			Data struct {
				Claims struct {
					PageInfo struct {
						HasNextPage bool
						EndCursor   string
					}
					Edges []struct{ Node gqlClaim }
				}
			}
			Errors []any
		}
		err = json.NewDecoder(resp.Body).Decode(&r)
		resp.Body.Close()
		if err != nil || len(r.Errors) > 0 {
			t.Fatalf("GraphQL: %v %v", err, r.Errors)
		}
		for _, e := range r.Data.Claims.Edges {
			out = append(out, e.Node)
		}
		if !r.Data.Claims.PageInfo.HasNextPage {
			return out
		}
		after = r.Data.Claims.PageInfo.EndCursor
	}
}

func TestLastFirst(t *testing.T) {
	for in, want := range map[string]string{"Yoon G": "Yoon, G", "Krystal J H": "Krystal, J H", "Dakwar E": "Dakwar, E",
		"van der Berg AB": "van der Berg, AB", "Cochrane Collaboration": "Cochrane Collaboration", "WHO": "WHO"} {
		if got := export.LastFirstForTest([]string{in})[0]; got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}
