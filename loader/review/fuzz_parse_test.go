package review

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParseReview checks that no input panics, that every failure is a
// *SourceError, and that offsets of a successful parse stay in range. The
// seed corpus holds every text layout of testdata/text and its wrapped/.
func FuzzParseReview(f *testing.F) {
	layouts, err := filepath.Glob(filepath.Join("testdata", "text", "*.txt"))
	wrapped, _ := filepath.Glob(filepath.Join("testdata", "text", "wrapped", "*.txt"))
	layouts = append(layouts, wrapped...)
	if err != nil || len(layouts) < 9 {
		f.Fatalf("text fixtures: %v (%d files)", err, len(layouts))
	}
	for _, path := range append([]string{seedReview, "../testdata/second-review.txt"}, layouts...) {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("Title\n\nIntroduction\n\nText [1].\n\nReferences\n\n1. A B (2000) T. *J* 1: 2-3.\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ParseReview("fuzz.txt", data)
		if err != nil {
			var se *SourceError
			if !errors.As(err, &se) {
				t.Fatalf("error %v is not a *SourceError", err)
			}
			return
		}
		for _, p := range r.Passages {
			if p.Start < 0 || p.End > len(data) || p.Start > p.End || p.Section < 0 || p.Section >= len(r.Sections) {
				t.Fatalf("passage %+v out of range", p)
			}
			if normalizeSpace(string(data[p.Start:p.End])) != p.Text {
				t.Fatalf("passage %d text does not match its span", p.Index)
			}
		}
		for _, c := range r.Citations {
			if c.Passage < 0 || c.Passage >= len(r.Passages) || c.Start < 0 || c.End > len(data) || c.Start > c.End {
				t.Fatalf("citation %+v out of range", c)
			}
		}
		for _, s := range r.Sections {
			if s.Start < 0 || s.End > len(data) || s.Start > s.End || s.Parent >= s.Index {
				t.Fatalf("section %+v out of range", s)
			}
		}
	})
}
