package neo4j

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/internal/testutil"
)

// bulkFixture is two small documents whose values exercise the CSV
// writer: quotes, commas, semicolons and line breaks in strings and in
// array elements, integers, floats, booleans, a shared entity both
// documents carry (the second one's version wins), a source, and a
// structural edge of the loader's shape (stored slim).
func bulkFixture() []*graph.Document {
	a := &graph.Document{ID: "KAP:doc-a", Nodes: []graph.Node{
		{ID: "KAP:doc-a", Category: graph.CategoryReview, Name: `A review, "quoted"`, Document: "KAP:doc-a", Year: 2024,
			Authors: []string{"Gray, J.", `O"Neil; K.`}},
		{ID: "KAP:doc-a/p1", Category: graph.CategoryPassage, Name: "p1", Document: "KAP:doc-a",
			Text: "First line,\nsecond line with \"quotes\"\r\nand a third; done."},
		{ID: "KAP:doc-a/s1", Category: graph.CategoryStudy, Name: "Smith 2012", Document: "KAP:doc-a", Year: 2012,
			Design: "RCT", EvidenceLevel: 2, RefNumber: 1},
		{ID: "KAP:ketamine", Category: graph.CategoryDrug, Name: "ketamine (old)", Synonyms: []string{"old"}},
		{ID: "KAP:depression", Category: graph.CategoryDisorder, Name: "depression",
			Synonyms: []string{"MDD", "major depressive disorder; unipolar", "line\nbreak"}},
	}, Edges: []graph.Edge{
		{ID: "KAP:doc-a/e1", Subject: "KAP:ketamine", Predicate: graph.Affects, Object: "KAP:depression", Sign: graph.Decreases,
			Modality: graph.ModalityNegated, Negated: true, Document: "KAP:doc-a", Score: 0.625,
			Evidence: []graph.Evidence{{Quote: "Ketamine did not, \"as hoped\", help.", Passage: "KAP:doc-a/p1", Studies: []string{"KAP:doc-a/s1"}}}},
		{ID: "KAP:doc-a/e2", Subject: "KAP:doc-a", Predicate: graph.HasPassage, Object: "KAP:doc-a/p1", Document: "KAP:doc-a", Score: 1e-7},
	}}
	b := &graph.Document{ID: "KAP:doc-b", Nodes: []graph.Node{
		{ID: "KAP:doc-b", Category: graph.CategoryReview, Name: "B", Document: "KAP:doc-b"},
		{ID: "KAP:ketamine", Category: graph.CategoryDrug, Name: "ketamine", Synonyms: []string{"Ketalar", "CI-581"}},
	}, Edges: []graph.Edge{
		{ID: "KAP:doc-b/e1", Subject: "KAP:doc-b", Predicate: graph.Mentions, Object: "KAP:ketamine", Document: "KAP:doc-b"},
		// Structural edges as the loader makes them: stored slim, the
		// first with its type's agent (its id alone), the second with
		// another (stored).
		{ID: graph.StructuralEdgeID("KAP:doc-b", "KAP:doc-b", graph.Mentions, "KAP:ketamine"), Subject: "KAP:doc-b",
			Predicate: graph.Mentions, Object: "KAP:ketamine", Document: "KAP:doc-b", Biolink: graph.Mentions.Biolink(graph.Unsigned),
			KnowledgeLevel: "not_provided", AgentType: "text_mining_agent", Score: graph.StructuralScore},
		{ID: graph.StructuralEdgeID("KAP:doc-b", "KAP:doc-b", graph.Mentions, "KAP:depression"), Subject: "KAP:doc-b",
			Predicate: graph.Mentions, Object: "KAP:depression", Document: "KAP:doc-b", Biolink: graph.Mentions.Biolink(graph.Unsigned),
			KnowledgeLevel: "not_provided", AgentType: "automated_agent", Score: graph.StructuralScore},
		// Of that shape but with another score: every property stored.
		{ID: graph.StructuralEdgeID("KAP:doc-b", "KAP:depression", graph.Mentions, "KAP:ketamine"), Subject: "KAP:depression",
			Predicate: graph.Mentions, Object: "KAP:ketamine", Document: "KAP:doc-b", Biolink: graph.Mentions.Biolink(graph.Unsigned),
			KnowledgeLevel: "not_provided", AgentType: "automated_agent", Score: 0.25},
	}}
	return []*graph.Document{a, b}
}

// TestBulkCSVGolden: the files a bulk load writes for the fixture, byte
// for byte (testdata/bulk/; KAPGRAPH_UPDATE_GOLDEN=1 rewrites them).
func TestBulkCSVGolden(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	b := newBulk(nil, dir)
	for i, d := range bulkFixture() {
		if _, err := b.LoadFrom(ctx, d, graph.DocumentSource{File: d.ID + ".txt", Hash: strings.Repeat("ab", i+1)}); err != nil {
			t.Fatal(err)
		}
	}
	for _, row := range b.docs {
		row["version"] = "00000000-0000-4000-8000-000000000000" // random otherwise
	}
	if got := b.Counts(); got != (BulkCounts{Documents: 2, Nodes: 6, Relationships: 6}) {
		t.Errorf("counts %+v", got)
	}
	if err := b.finishFiles(); err != nil {
		t.Fatal(err)
	}
	files, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(dir, f.Name()))
		if err != nil {
			t.Fatal(err)
		}
		data = []byte(strings.ReplaceAll(string(data), dir, "DIR"))
		testutil.Golden(t, filepath.Join("testdata", "bulk", f.Name()), data)
		names = append(names, f.Name())
	}
	testutil.Golden(t, filepath.Join("testdata", "bulk", "files.txt"), []byte(strings.Join(names, "\n")+"\n"))
	args, _ := os.ReadFile(filepath.Join(dir, BulkArgsFile))
	// Only the rows with a line break are in the files read as multiline.
	if want := "--multiline-fields=" + filepath.Join(dir, "nodes-multiline.csv") + "\"\n"; !strings.Contains(string(args), want) {
		t.Errorf("import.args does not name exactly the multiline files:\n%s", args)
	}
}

func TestBulkCSVCells(t *testing.T) {
	for _, tc := range []struct {
		name      string
		v         any
		want      string
		multiline bool
		err       string
	}{
		{name: "absent", v: nil, want: ""},
		{name: "plain", v: "ketamine", want: `"ketamine"`},
		{name: "quotes doubled", v: `say "no"`, want: `"say ""no"""`},
		{name: "comma", v: "a, b", want: `"a, b"`},
		{name: "newline", v: "a\nb", want: "\"a\nb\"", multiline: true},
		{name: "carriage return", v: "a\rb", want: "\"a\rb\"", multiline: true},
		{name: "long", v: int64(-42), want: "-42"},
		{name: "double", v: 0.1, want: "0.1"},
		{name: "double exponent", v: 1e-7, want: "1e-07"},
		{name: "boolean", v: true, want: "true"},
		{name: "array", v: []string{"a;b", `c"d`}, want: "\"a;b\x1fc\"\"d\""},
		{name: "array with a line break", v: []string{"a\nb"}, want: "\"a\nb\"", multiline: true},
		{name: "delimiter in a string", v: "a\x1fb", err: "U+001F"},
		{name: "delimiter in an array", v: []string{"a\x1fb"}, err: "U+001F"},
		{name: "empty array element", v: []string{"a", ""}, err: "empty element"},
		{name: "other type", v: 3, err: "no CSV type"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ml, err := csvCell(tc.v)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("csvCell(%#v) = %q, %v; want an error with %q", tc.v, got, err, tc.err)
				}
				return
			}
			if err != nil || got != tc.want || ml != tc.multiline {
				t.Errorf("csvCell(%#v) = %q, %v, %v; want %q, %v", tc.v, got, ml, err, tc.want, tc.multiline)
			}
		})
	}
}

// A property the header has no column for, or of another type, is refused
// rather than dropped.
func TestBulkCSVStreamRefusesUnknownProperties(t *testing.T) {
	dir := t.TempDir()
	st, err := newCSVStream(filepath.Join(dir, "x.csv"), []string{"id:ID(Entity)"}, []csvColumn{{"year", "long"}, {"name", "string"}}, "id")
	if err != nil {
		t.Fatal(err)
	}
	defer st.close()
	for _, tc := range []struct {
		row  map[string]any
		want string
	}{
		{map[string]any{"id": "a", "year": int64(1), "name": "n"}, ""},
		{map[string]any{"id": "a", "colour": "red"}, "colour has no column"},
		{map[string]any{"id": "a", "year": "1999"}, "year is a string, its column a long"},
	} {
		err := st.write([]string{`"a"`}, tc.row)
		if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("write(%v) = %v, want %q", tc.row, err, tc.want)
		}
	}
}
