package resolvers_test

import (
	"testing"

	"github.com/kapgraph/kapgraph/api/gql"
)

// A search that matches nothing answers an empty list, not null: clients
// iterate over it without a null check.
func TestSearchNothingIsAnEmptyList(t *testing.T) {
	srv := server(t, seedStore(t), gql.Options{})
	for _, tc := range []struct {
		text string
		want string
	}{
		{"zzqxv", `{"search":[]}`},
		{"ketamine", ""}, // some hits: anything but [] and null
	} {
		res := post(t, srv.URL, `query($t: String!) { search(text: $t) { node { id } } }`, map[string]any{"t": tc.text})
		if len(res.Errors) > 0 {
			t.Fatalf("%s: %s", tc.text, res.raw)
		}
		got := string(res.Data)
		if tc.want != "" && got != tc.want {
			t.Errorf("search %q: data %s, want %s", tc.text, got, tc.want)
		}
		if tc.want == "" && (got == `{"search":[]}` || got == `{"search":null}`) {
			t.Errorf("search %q found nothing: %s", tc.text, got)
		}
	}
}
