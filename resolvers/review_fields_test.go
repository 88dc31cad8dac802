package resolvers_test

import (
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/api/gql"
)

// TestReviewFrontMatter: the corresponding author, the article code and
// the keywords the loader parses are on the Review (the seed lists no
// keywords: an empty list, not null).
func TestReviewFrontMatter(t *testing.T) {
	srv := server(t, seedStore(t), gql.Options{})
	res := post(t, srv.URL, `{ reviews { edges { node { correspondingAuthor articleCode keywords } } } }`, nil)
	want := `{"reviews":{"edges":[{"node":{"correspondingAuthor":"Ryan Ward","articleCode":"WMJ/JPIR-106","keywords":[]}}]}}`
	if len(res.Errors) != 0 || strings.TrimSpace(string(res.Data)) != want {
		t.Errorf("got %s, want data %s", res.raw, want)
	}
}
