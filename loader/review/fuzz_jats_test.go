package review

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParseJATS checks that no input panics, that the only refusals are
// *SourceError (malformed XML, not an article, bad bytes), and that what a
// parse returns points inside itself. The seed corpus is every JATS
// fixture, so mutations start from each publisher's conventions.
func FuzzParseJATS(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "jats", "*.xml"))
	if err != nil || len(files) < 6 {
		f.Fatalf("JATS fixtures: %v (%d files)", err, len(files))
	}
	for _, path := range append(files, filepath.Join("..", "testdata", "jats-review.xml")) {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`<article><front><article-meta><title-group><article-title>T</article-title></title-group></article-meta></front><body><sec><title>A</title><p>B [<xref ref-type="bibr" rid="r1">1</xref>].</p></sec></body><back><ref-list><ref id="r1"><element-citation><person-group><name><surname>X</surname></name></person-group><year>2000</year></element-citation></ref></ref-list></back></article>`))
	f.Add([]byte(`<article><body><p>a<list><list-item><p>b<fig><caption><p>c</p></caption></fig></p></list-item></list>d</p></body></article>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ParseJATS("fuzz.xml", data)
		if err != nil {
			var se *SourceError
			if !errors.As(err, &se) {
				t.Fatalf("error %v is not a *SourceError", err)
			}
			return
		}
		for _, p := range r.Passages {
			if p.Section < 0 || p.Section >= len(r.Sections) || p.Start < 0 || p.End > len(data) || p.Start > p.End || p.Text == "" {
				t.Fatalf("passage %+v out of range", p)
			}
		}
		for _, c := range r.Citations {
			if c.Passage < 0 || c.Passage >= len(r.Passages) {
				t.Fatalf("citation %+v out of range", c)
			}
			for _, n := range c.Numbers {
				if n < 1 || n > len(r.References) {
					t.Fatalf("citation %+v cites no reference", c)
				}
			}
		}
		for _, s := range r.Sections {
			if s.Parent >= s.Index || (s.Parent >= 0 && s.Level != r.Sections[s.Parent].Level+1) {
				t.Fatalf("section %+v after its parent", s)
			}
		}
		_ = Summarize(r)
	})
}
