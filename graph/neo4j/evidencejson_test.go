package neo4j

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

// evidenceSamples are evidence lists as the codec writes them, and JSON
// texts it never writes (escapes, nulls, other spellings, bad syntax),
// which parseEvidenceJSON must either read as json.Unmarshal does or
// leave to it.
func evidenceSamples(t testing.TB) []string {
	lists := [][]graph.Evidence{
		nil,
		{},
		{{Quote: "Ketamine reduced depressive symptoms within 24 h.", Passage: "doc1#p3", Section: "doc1#s2", SectionTitle: "Results",
			Studies: []string{"doc1#ref2", "doc1#ref7"}, Citations: []string{"[2]", "(Krystal et al., 2013)"},
			Cited:   []graph.CitationLink{{Text: "[2]", Kind: "numeric", Studies: []string{"doc1#ref2"}, Counted: true}, {Text: "(Krystal et al., 2013)", Kind: "author-year"}},
			Flagged: []string{"doc1#ref7"}, Document: "doc1"}},
		{{Quote: "Ünïcode — ok", Studies: []string{}}, {Passage: "p"}, {Cited: []graph.CitationLink{{Studies: []string{}}}}},
		{{Quote: `with "quotes" and <html> & a \ backslash`}},
		{{Quote: "tab\there, newline\nthere"}},
	}
	var out []string
	for _, l := range lists {
		b, err := json.Marshal(l)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return append(out,
		` [ { "quote" : "spaced" , "studies" : [ "a" , "b" ] } ] `,
		`[{"Quote":"other case"}]`,
		`[{"quote":null}]`,
		`[{"studies":null}]`,
		`null`,
		`[{"unknown":"x"}]`,
		`[{"quote":"a","quote":"b","studies":["x"],"studies":["y"]}]`,
		`[{"cited":[{"counted":false,"text":"t"}],"cited":[{"kind":"k"}]}]`,
		`[{"quote":"unterminated}]`,
		`[{"quote":"a"}]trailing`,
		`[{"quote":"a"},]`,
		`[{"cited":[{"counted":tru}]}]`,
		`[{"quote":"bad utf8 `+"\xff"+`"}]`,
		`[{"quote":"ctl`+"\x01"+`"}]`,
		`[]`, `[`, ``, `{}`,
	)
}

// TestParseEvidenceJSON: whatever parseEvidenceJSON reads, json.Unmarshal
// reads the same; the codec's own output is read without falling back,
// unless it has escapes.
func TestParseEvidenceJSON(t *testing.T) {
	for i, s := range evidenceSamples(t) {
		checkEvidenceJSON(t, s)
		if i >= 1 && i < 4 { // written by the codec without escapes (it never writes an empty list)
			if _, ok := parseEvidenceJSON(s); !ok {
				t.Errorf("%q: not read by the fast path", s)
			}
		}
	}
}

func checkEvidenceJSON(t *testing.T, s string) {
	t.Helper()
	got, ok := parseEvidenceJSON(s)
	if !ok {
		return
	}
	var want []graph.Evidence
	if err := json.Unmarshal([]byte(s), &want); err != nil {
		t.Fatalf("%q: read by the fast path, refused by json.Unmarshal: %v", s, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: fast path read %#v, json.Unmarshal %#v", s, got, want)
	}
}

func FuzzEvidenceJSON(f *testing.F) {
	for _, s := range evidenceSamples(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkEvidenceJSON(t, s) })
}

func BenchmarkEvidenceJSON(b *testing.B) {
	s := evidenceSamples(b)[2]
	b.Run("fast", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, ok := parseEvidenceJSON(s); !ok {
				b.Fatal("fell back")
			}
		}
	})
	b.Run("json.Unmarshal", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var ev []graph.Evidence
			if err := json.Unmarshal([]byte(s), &ev); err != nil {
				b.Fatal(err)
			}
		}
	})
}
