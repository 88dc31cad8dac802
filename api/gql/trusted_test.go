package gql_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/kapgraph/kapgraph/api/gql"
)

// trustedSources are a list as a client folder holds it: the fragment in
// a file of its own, spread by an operation in another.
var trustedSources = []*ast.Source{
	{Name: "fragments.graphql", Input: `
# A claim's target.
fragment Target on Claim { object { name } }`},
	{Name: "drugs.graphql", Input: `
query Drugs($order: Order) {
  drugs(order: $order) { name claims { ...Target } }
}
query Stats { stats { nodes } }`},
}

func trusted(t *testing.T) *gql.TrustedDocuments {
	t.Helper()
	td, err := gql.NewTrustedDocuments(trustedSources...)
	if err != nil {
		t.Fatal(err)
	}
	return td
}

func TestTrustedDocumentsAllows(t *testing.T) {
	td := trusted(t)
	for _, tc := range []struct {
		name, query string
		want        string // the operation recognised; "" for a refusal
	}{
		{"as written", `query Drugs($order: Order) { drugs(order: $order) { name claims { ...Target } } } fragment Target on Claim { object { name } }`, "Drugs"},
		{"other whitespace, commas and comments", "# hi\nquery Drugs(\n$order: Order\n) {drugs(order:$order){name,claims{...Target}}}\nfragment Target on Claim{object{name}}", "Drugs"},
		{"with __typename added, as genqlient does", `query Drugs($order: Order) { drugs(order: $order) { __typename name claims { __typename ...Target } } } fragment Target on Claim { object { __typename name } }`, "Drugs"},
		{"second operation of a file", `query Stats { stats { nodes } }`, "Stats"},
		{"fragment before the operation", `fragment Target on Claim { object { name } } query Drugs($order: Order) { drugs(order: $order) { name claims { ...Target } } }`, "Drugs"},
		{"another field", `query Drugs($order: Order) { drugs(order: $order) { name claims { ...Target } } } fragment Target on Claim { object { name claims { object { name } } } }`, ""},
		{"a literal instead of the variable", `query Drugs { drugs(order: ASC) { name claims { ...Target } } } fragment Target on Claim { object { name } }`, ""},
		{"another operation name", `query Other { stats { nodes } }`, ""},
		{"anonymous", `{ stats { nodes } }`, ""},
		{"two trusted operations in one document", `query Stats { stats { nodes } } query Stats2 { stats { nodes } }`, ""},
		{"an aliased __typename is kept", `query Stats { stats { nodes t: __typename } }`, ""},
		{"introspection", `query Stats { __schema { types { name } } }`, ""},
		{"does not parse", `query Stats { stats { nodes }`, ""},
		{"empty", ``, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := td.Allows(tc.query, gql.DefaultMaxTokens)
			if ok != (tc.want != "") || got != tc.want {
				t.Errorf("Allows(%q) = %q, %v; want %q", tc.query, got, ok, tc.want)
			}
		})
	}
}

func TestNewTrustedDocumentsRefuses(t *testing.T) {
	for _, tc := range []struct {
		name, doc, want string
	}{
		{"anonymous operation", `{ stats { nodes } }`, "must be named"},
		{"an operation twice", `query A { stats { nodes } } query A { drugs { name } }`, "defined twice"},
		{"a fragment twice", `query A { drugs { ...F } } fragment F on Drug { name } fragment F on Drug { name }`, "defined twice"},
		{"an undefined fragment", `query A { drugs { ...F } }`, "fragment F is not defined"},
		{"a syntax error", `query A {`, "t.graphql"},
		{"no operation", `fragment F on Drug { name }`, "no operation"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := gql.NewTrustedDocuments(&ast.Source{Name: "t.graphql", Input: tc.doc})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("NewTrustedDocuments(%q) = %v, want an error containing %q", tc.doc, err, tc.want)
			}
		})
	}
}

func TestTrustedDocumentsValidate(t *testing.T) {
	s := schema(t)
	if err := trusted(t).Validate(s); err != nil {
		t.Errorf("a valid list: %v", err)
	}
	bad, err := gql.NewTrustedDocuments(&ast.Source{Name: "bad.graphql", Input: `query Bad { drugs { dose } }`})
	if err != nil {
		t.Fatal(err)
	}
	if err := bad.Validate(s); err == nil || !strings.Contains(err.Error(), "Bad") {
		t.Errorf("a list selecting an unknown field: %v, want an error naming the operation", err)
	}
}

func TestReadTrustedDocuments(t *testing.T) {
	dir := t.TempDir()
	for _, src := range trustedSources {
		if err := os.WriteFile(filepath.Join(dir, src.Name), []byte(src.Input), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Not an operations file: ignored.
	if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte("{ not graphql"), 0o644); err != nil {
		t.Fatal(err)
	}
	td, err := gql.ReadTrustedDocuments(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(td.Names(), ","), "Drugs,Stats"; got != want {
		t.Errorf("Names() = %s, want %s", got, want)
	}
	if _, err := gql.ReadTrustedDocuments(t.TempDir()); err == nil {
		t.Error("an empty folder: no error")
	}
}

func TestTrustedOnly(t *testing.T) {
	ext := gql.NewTrustedOnly(trusted(t), gql.Limits{MaxQueryBytes: 200})
	if err := ext.Validate(nil); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		query string
		pass  bool
	}{
		{"trusted", `query Stats { stats { nodes } }`, true},
		{"trusted again, from the cache", `query Stats { stats { nodes } }`, true},
		{"a hash alone goes to the persisted-query store", ``, true},
		{"untrusted", `query Stats { drugs { name } }`, false},
		{"untrusted again, from the cache", `query Stats { drugs { name } }`, false},
		{"over the size limit", `query Stats { stats { nodes } }` + strings.Repeat(" ", 200), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := ext.MutateOperationParameters(ctx, &graphql.RawParams{Query: tc.query})
			if tc.pass {
				if err != nil {
					t.Errorf("refused: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("passed")
			}
			if err.Extensions["code"] != gql.CodeDocumentNotTrusted || err.Extensions["domainCode"] != "EINVALID" {
				t.Errorf("extensions = %v, want code %s and domainCode EINVALID", err.Extensions, gql.CodeDocumentNotTrusted)
			}
		})
	}
}
