package client_test

import (
	"context"
	"strings"
	"testing"

	"github.com/Khan/genqlient/graphql"

	"github.com/kapgraph/kapgraph/api/client"
	"github.com/kapgraph/kapgraph/api/client/internal/servertest"
	"github.com/kapgraph/kapgraph/api/gql"
	"github.com/kapgraph/kapgraph/internal/app"
)

// The review's own entities: ketamine and alcohol use disorder.
const (
	ketamine = "CHEBI:6121"
	aud      = "MONDO:0002046"
)

func newClient(t *testing.T, base string) graphql.Client {
	t.Helper()
	c, err := client.New(base, nil)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// operations call each generated operation once and check what the seeds
// say; the trusted-documents test runs them again behind the allowlist.
var operations = []struct {
	name string
	call func(t *testing.T, c graphql.Client)
}{
	{"DrugClaims", func(t *testing.T, c graphql.Client) {
		t.Helper()
		resp, err := client.DrugClaims(context.Background(), c, ketamine, 100, "")
		if err != nil {
			t.Fatal(err)
		}
		n := resp.Node
		if n.Id != ketamine || n.Name != "ketamine" || n.Category != client.CategoryDrug {
			t.Errorf("node = %s %q %s, want %s ketamine Drug", n.Id, n.Name, n.Category, ketamine)
		}
		if n.Claims.TotalCount == 0 || len(n.Claims.Edges) == 0 {
			t.Fatalf("ketamine has no claims: %+v", n.Claims)
		}
		quotes := 0
		for _, e := range n.Claims.Edges {
			c := e.Node
			if c.Subject.Id != ketamine {
				t.Errorf("claim %s: subject %s, want %s (direction OUT)", c.Id, c.Subject.Id, ketamine)
			}
			if c.Score <= 0 || c.Score > 1 {
				t.Errorf("claim %s: score %v outside (0, 1]", c.Id, c.Score)
			}
			for _, ev := range c.Evidence {
				if ev.Quote != "" && ev.SectionTitle != "" {
					quotes++
				}
			}
		}
		if quotes == 0 {
			t.Error("no claim of ketamine carries a quote with its section")
		}
	}},
	{"Evidence", func(t *testing.T, c graphql.Client) {
		t.Helper()
		resp, err := client.Evidence(context.Background(), c, ketamine, aud)
		if err != nil {
			t.Fatal(err)
		}
		ev := resp.Evidence
		if ev.Drug.Id != ketamine || ev.Disorder.Id != aud {
			t.Errorf("evidence for %s in %s, want %s in %s", ev.Drug.Id, ev.Disorder.Id, ketamine, aud)
		}
		if len(ev.Claims) == 0 || len(ev.Studies) == 0 {
			t.Fatalf("no claims (%d) or studies (%d) for ketamine in AUD", len(ev.Claims), len(ev.Studies))
		}
		for _, cl := range ev.Claims {
			if len(cl.Evidence) == 0 || cl.Evidence[0].Quote == "" {
				t.Errorf("claim %s has no quote", cl.Id)
			}
		}
		leveled := 0
		for _, s := range ev.Studies {
			if s.EvidenceLevel >= 1 && s.EvidenceLevel <= 5 {
				leveled++
			}
		}
		if leveled == 0 {
			t.Error("no study behind ketamine in AUD has an evidence level")
		}
	}},
	{"MechanismPaths", func(t *testing.T, c graphql.Client) {
		t.Helper()
		resp, err := client.MechanismPaths(context.Background(), c, ketamine, "", "", 0, 5)
		if err != nil {
			t.Fatal(err)
		}
		paths := resp.MechanismToOutcomePaths
		if len(paths) == 0 || len(paths) > 5 {
			t.Fatalf("%d paths from ketamine, want 1 to 5", len(paths))
		}
		for _, p := range paths {
			if len(p.Nodes) != p.Length+1 || len(p.Hops) != p.Length {
				t.Errorf("path %q: length %d with %d nodes and %d hops", p.Summary, p.Length, len(p.Nodes), len(p.Hops))
				continue
			}
			if p.Nodes[0].Id != ketamine {
				t.Errorf("path %q starts at %s", p.Summary, p.Nodes[0].Id)
			}
		}
	}},
	{"Search", func(t *testing.T, c graphql.Client) {
		t.Helper()
		resp, err := client.Search(context.Background(), c, "ketamine", 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(resp.Search) == 0 || resp.Search[0].Node.Id != ketamine {
			t.Fatalf("search ketamine: %+v, want %s first", resp.Search, ketamine)
		}
	}},
}

func TestOperations(t *testing.T) {
	c := newClient(t, servertest.Start(t, app.Config{}))
	for _, op := range operations {
		t.Run(op.name, func(t *testing.T) { op.call(t, c) })
	}
}

// TestDrugClaimsPages follows the cursor: the optional variables left at
// zero take the server's defaults, and a second page holds other claims.
func TestDrugClaimsPages(t *testing.T) {
	c := newClient(t, servertest.Start(t, app.Config{}))
	ctx := context.Background()
	all, err := client.DrugClaims(ctx, c, ketamine, 0, "")
	if err != nil {
		t.Fatal(err)
	}
	if got := len(all.Node.Claims.Edges); got != min(20, all.Node.Claims.TotalCount) {
		t.Errorf("first left at 0: %d claims, want the default page of 20 (of %d)", got, all.Node.Claims.TotalCount)
	}
	first, err := client.DrugClaims(ctx, c, ketamine, 2, "")
	if err != nil {
		t.Fatal(err)
	}
	page := first.Node.Claims
	if len(page.Edges) != 2 || !page.PageInfo.HasNextPage {
		t.Fatalf("first page: %d claims, hasNextPage %v", len(page.Edges), page.PageInfo.HasNextPage)
	}
	second, err := client.DrugClaims(ctx, c, ketamine, 2, page.PageInfo.EndCursor)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{page.Edges[0].Node.Id: true, page.Edges[1].Node.Id: true}
	for _, e := range second.Node.Claims.Edges {
		if seen[e.Node.Id] {
			t.Errorf("claim %s on both pages", e.Node.Id)
		}
	}
	if len(second.Node.Claims.Edges) == 0 {
		t.Error("second page is empty")
	}
}

// Errors reach the caller with the server's extensions.code.
func TestErrorCodes(t *testing.T) {
	c := newClient(t, servertest.Start(t, app.Config{}))
	ctx := context.Background()
	for _, tc := range []struct {
		name           string
		drug, disorder string
		want           string
	}{
		{"unknown drug", "CHEBI:0", aud, gql.CodeNotFound},
		{"a disorder as the drug", aud, ketamine, gql.CodeBadUserInput},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := client.Evidence(ctx, c, tc.drug, tc.disorder)
			if got := client.ErrorCode(err); got != tc.want {
				t.Errorf("Evidence(%s, %s): code %q (%v), want %s", tc.drug, tc.disorder, got, err, tc.want)
			}
		})
	}
}

func TestNew(t *testing.T) {
	base := servertest.Start(t, app.Config{})
	for _, tc := range []struct {
		url string
		ok  bool
	}{
		{base, true},
		{base + "/", true},
		{base + "/graphql", true},
		{"  " + base + "  ", true},
		{strings.TrimPrefix(base, "http://"), false},
		{"ftp://example.org", false},
		{"http://", false},
		{"http://[::1", false},
	} {
		t.Run(tc.url, func(t *testing.T) {
			c, err := client.New(tc.url, nil)
			if !tc.ok {
				if err == nil {
					t.Errorf("New(%q): no error", tc.url)
				}
				return
			}
			if err != nil {
				t.Fatalf("New(%q): %v", tc.url, err)
			}
			if _, err := client.Search(context.Background(), c, "ketamine", 1); err != nil {
				t.Errorf("Search through New(%q): %v", tc.url, err)
			}
		})
	}
}

// TestTrustedDocuments serves with this package's operations folder as
// the trusted documents: every generated operation must pass as
// genqlient sends it, and any other document be refused with
// PERSISTED_QUERY_NOT_ALLOWED; with the list off, anything runs.
func TestTrustedDocuments(t *testing.T) {
	td, err := gql.ReadTrustedDocuments("operations")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(td.Names(), ","), "DrugClaims,Evidence,MechanismPaths,Search"; got != want {
		t.Errorf("trusted operations %s, want %s", got, want)
	}
	// Off the list: a valid query, and one of the list's operations with
	// one more field.
	others := []string{
		`query { stats { nodes } }`,
		strings.Replace(client.Search_Operation, "matched", "matched\n__typename\nnode { description }", 1),
	}
	for _, tc := range []struct {
		name    string
		trusted *gql.TrustedDocuments
	}{
		{"on", td},
		{"off", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := app.Config{GraphQL: gql.Options{Limits: gql.Limits{TrustedDocuments: tc.trusted}}}
			c := newClient(t, servertest.Start(t, cfg))
			for _, op := range operations {
				t.Run(op.name, func(t *testing.T) { op.call(t, c) })
			}
			for _, q := range others {
				var resp graphql.Response
				err := c.MakeRequest(context.Background(), &graphql.Request{Query: q, Variables: map[string]any{"text": "ketamine"}}, &resp)
				code := client.ErrorCode(err)
				if tc.trusted != nil && code != gql.CodeDocumentNotTrusted {
					t.Errorf("%s: code %q (%v), want %s", q, code, err, gql.CodeDocumentNotTrusted)
				}
				if tc.trusted == nil && err != nil {
					t.Errorf("%s: %v", q, err)
				}
			}
		})
	}
}
