package loader

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/internal/testutil"
)

// storetestSeeds is the conformance suite's copy of the seed graph. The
// suite lives in the domain and must not import the loader, so it reads
// the documents the loader builds from seeds/ as committed JSON; this test
// writes that file (with KAPGRAPH_UPDATE_GOLDEN=1) and fails whenever it no longer matches
// what the loader builds, so the copy cannot drift from seeds/.
const storetestSeeds = "../graph/storetest/testdata/seeds.json"

func TestStoretestSeedsAreCurrent(t *testing.T) {
	bs, err := LoadDir("../seeds")
	if err != nil {
		t.Fatalf("LoadDir(../seeds): %v", err)
	}
	docs := Documents(bs)
	for _, d := range docs {
		for _, n := range d.Nodes {
			if n.Category == graph.CategoryStudy && (n.EvidenceLevel == 0 || n.EvidenceLevel != graph.EvidenceLevel(n.Design)) {
				t.Errorf("study %s (%q) has evidence level %d, the domain gives %d", n.ID, n.Design, n.EvidenceLevel, graph.EvidenceLevel(n.Design))
			}
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(docs); err != nil {
		t.Fatal(err)
	}
	// A fixture of the suite, not an answer: the diff goes through the
	// one golden helper (KAPGRAPH_UPDATE_GOLDEN=1 rewrites it).
	testutil.Golden(t, storetestSeeds, buf.Bytes())
}
