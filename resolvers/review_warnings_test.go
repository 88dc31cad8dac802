package resolvers_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/api/gql"

	"github.com/kapgraph/kapgraph/loader"
)

// TestReviewWarnings: what the reader worked around in a review's file is
// on Review.warnings, line first; a review read cleanly has an empty list.
func TestReviewWarnings(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("../loader/testdata/jats-review.xml")
	if err != nil {
		t.Fatal(err)
	}
	// A reference without a year: read, with a warning on its line.
	bad := strings.Replace(string(data), "<year>2022</year>", "", 1)
	if err := os.WriteFile(filepath.Join(dir, "jats-review.xml"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	built, err := loader.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	srv := server(t, loadStore(t, append(loader.Documents(built), seedDocuments(t)...)...), gql.Options{})
	res := post(t, srv.URL, `{ reviews { edges { node { title warnings } } } }`, nil)
	got := string(res.Data)
	if len(res.Errors) != 0 || !strings.Contains(got, `"warnings":["line 104: \u003cref id=\"r4\"\u003e has no \u003cyear\u003e"]`) ||
		!strings.Contains(got, `"warnings":[]`) {
		t.Errorf("got %s", res.raw)
	}
}
