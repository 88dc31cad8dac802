package review

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/internal/testutil"
)

const seedReview = "../../seeds/ward-2025-ketamine-assisted-psychotherapy-addiction.txt"

// goldenCases pairs each review with its golden file; the second review
// is fictional test data with faults the seed does not have.
func goldenCases() []struct{ name, input, golden string } {
	return []struct{ name, input, golden string }{
		{"seed", seedReview, "../testdata/ward-2025.parsed.golden.json"},
		{"second", "../testdata/second-review.txt", "../testdata/second-review.parsed.golden.json"},
	}
}

func readReviewForTest(t *testing.T, path string) (*Review, []byte) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := ReadReview(path)
	if err != nil {
		t.Fatalf("ReadReview(%s): %v", path, err)
	}
	return r, data
}

func TestParseGolden(t *testing.T) {
	for _, tc := range goldenCases() {
		t.Run(tc.name, func(t *testing.T) {
			r, _ := readReviewForTest(t, tc.input)
			r.Source = filepath.Base(r.Source) // keep the golden independent of the checkout path
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(r); err != nil {
				t.Fatal(err)
			}
			testutil.Golden(t, tc.golden, buf.Bytes())
		})
	}
}

// TestOffsets checks that every offset points at the text it claims to,
// since the graph quotes the file through them.
func TestOffsets(t *testing.T) {
	for _, tc := range goldenCases() {
		t.Run(tc.name, func(t *testing.T) {
			r, data := readReviewForTest(t, tc.input)
			lineOf := func(off int) int { return 1 + bytes.Count(data[:off], []byte("\n")) }
			for _, p := range r.Passages {
				if got := normalizeSpace(string(data[p.Start:p.End])); got != p.Text {
					t.Errorf("passage %d: data[Start:End] = %q, Text = %q", p.Index, got, p.Text)
				}
				if p.Line != lineOf(p.Start) {
					t.Errorf("passage %d: Line %d, want %d", p.Index, p.Line, lineOf(p.Start))
				}
				s := r.Sections[p.Section]
				if p.Start < s.Start || p.End > s.End {
					t.Errorf("passage %d [%d,%d] outside section %q [%d,%d]", p.Index, p.Start, p.End, s.Title, s.Start, s.End)
				}
			}
			for i, c := range r.Citations {
				if got := normalizeSpace(string(data[c.Start:c.End])); got != c.Text {
					t.Errorf("citation %d: data[Start:End] = %q, Text = %q", i, got, c.Text)
				}
				p := r.Passages[c.Passage]
				if c.Start < p.Start || c.End > p.End {
					t.Errorf("citation %d %q is outside its passage %d", i, c.Text, c.Passage)
				}
				if c.Line != lineOf(c.Start) {
					t.Errorf("citation %d: Line %d, want %d", i, c.Line, lineOf(c.Start))
				}
				if i > 0 && c.Start < r.Citations[i-1].Start {
					t.Errorf("citation %d is out of document order", i)
				}
			}
			lines := strings.Split(string(data), "\n")
			for _, ref := range r.References {
				line := strings.TrimSpace(lines[ref.Line-1])
				if !strings.HasPrefix(line, strconv.Itoa(ref.Number)+". "+ref.Authors[0]) {
					t.Errorf("reference %d: line %d is %q", ref.Number, ref.Line, line)
				}
			}
		})
	}
}

// TestSeedFacts pins the facts of the seed that the golden file could
// otherwise let slip on a careless update.
func TestSeedFacts(t *testing.T) {
	r, _ := readReviewForTest(t, seedReview)
	if len(r.References) != 8 {
		t.Fatalf("%d references, want 8", len(r.References))
	}
	if got := r.References[1].Title; got != "Synaptic plasticity and depression: new insights from stress and rapid-acting antidepressants" {
		t.Errorf("reference 2 title = %q", got)
	}
	if got := r.References[4]; got.Volume != "9" || got.Pages != "CD011612" || got.Journal != "Cochrane Database of Systematic Reviews" {
		t.Errorf("reference 5 = %+v", got)
	}
	if len(r.Citations) != 10 {
		t.Errorf("%d citations, want 10", len(r.Citations))
	}
	var krystal *Citation
	for i := range r.Citations {
		if r.Citations[i].Kind == KindAuthorYear {
			krystal = &r.Citations[i]
		}
	}
	if krystal == nil || krystal.Text != "(Krystal et al., 2013)" || krystal.FirstAuthor != "Krystal" || krystal.Year != 2013 {
		t.Fatalf("author-year citation = %+v", krystal)
	}
	if n, ok := r.MatchAuthorYear(*krystal); ok {
		t.Errorf("Krystal et al., 2013 matched reference %d; the list has no such entry", n)
	}
	want := []struct {
		title  string
		level  int
		parent int
	}{
		{"Abstract", 1, -1}, {"Introduction", 1, -1}, {"Mechanisms of Action in Addiction Treatment", 1, -1},
		{"Clinical Evidence Supporting Ketamine for SUDs", 1, -1}, {"Alcohol Use Disorder (AUD)", 2, 3},
		{"Opioid Use Disorder (OUD)", 2, 3}, {"Cocaine and Stimulant Use Disorders", 2, 3},
		{"Clinical Opinions and Considerations", 1, -1}, {"Safety and Risk Management", 1, -1},
		{"Conclusion", 1, -1}, {"References", 1, -1},
	}
	if len(r.Sections) != len(want) {
		t.Fatalf("%d sections, want %d", len(r.Sections), len(want))
	}
	for i, w := range want {
		if s := r.Sections[i]; s.Title != w.title || s.Level != w.level || s.Parent != w.parent {
			t.Errorf("section %d = %q level %d parent %d, want %q level %d parent %d", i, s.Title, s.Level, s.Parent, w.title, w.level, w.parent)
		}
	}
	var items []string
	for _, p := range r.Passages {
		if p.ListItem {
			items = append(items, p.Text)
		}
	}
	if strings.Join(items, "|") != "Treatment-resistant SUDs|Dual-diagnosis patients (e.g., depression + addiction)|Patients with low motivation or poor engagement in traditional therapy" {
		t.Errorf("list items = %q", items)
	}
	if r.Submitted != "2025-04-04" || r.Accepted != "2025-04-08" || r.Published != "2025-04-15" {
		t.Errorf("dates = %s %s %s", r.Submitted, r.Accepted, r.Published)
	}
}

func TestMatchAuthorYear(t *testing.T) {
	r, _ := readReviewForTest(t, "../testdata/second-review.txt")
	tests := []struct {
		first string
		year  int
		want  int
		ok    bool
	}{
		{"Harlow", 2019, 2, true},
		{"okafor", 2021, 3, true},
		{"Okafor", 2020, 0, false},
		{"Price", 2019, 0, false}, // second author only
	}
	for _, tc := range tests {
		n, ok := r.MatchAuthorYear(Citation{Kind: KindAuthorYear, FirstAuthor: tc.first, Year: tc.year})
		if n != tc.want || ok != tc.ok {
			t.Errorf("MatchAuthorYear(%s, %d) = %d, %v; want %d, %v", tc.first, tc.year, n, ok, tc.want, tc.ok)
		}
	}
}

// TestCRLF: Windows line endings must change offsets only, not content.
func TestCRLF(t *testing.T) {
	r, data := readReviewForTest(t, seedReview)
	crlf := bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
	r2, err := ParseReview("crlf.txt", crlf)
	if err != nil {
		t.Fatal(err)
	}
	if len(r2.Passages) != len(r.Passages) || len(r2.Citations) != len(r.Citations) || len(r2.Sections) != len(r.Sections) {
		t.Fatalf("CRLF parse has %d passages, %d citations, %d sections; LF has %d, %d, %d",
			len(r2.Passages), len(r2.Citations), len(r2.Sections), len(r.Passages), len(r.Citations), len(r.Sections))
	}
	for i := range r.Passages {
		if r.Passages[i].Text != r2.Passages[i].Text || r.Passages[i].Line != r2.Passages[i].Line {
			t.Errorf("passage %d differs under CRLF: %q", i, r2.Passages[i].Text)
		}
	}
	for i := range r.References {
		if r.References[i].Raw != r2.References[i].Raw {
			t.Errorf("reference %d differs under CRLF: %q", i+1, r2.References[i].Raw)
		}
	}
}

// TestStructure covers heading rules on small made-up reviews.
func TestStructure(t *testing.T) {
	const front = "A Made-Up Review of Things\n\nJane Roe\n\nSome Institute, Somewhere.\n\n"
	tests := []struct {
		name string
		body string
		want string // "level:title" per section, "|"-joined
	}{
		{
			name: "heading with no body takes the next heading as subsection",
			body: "Methods\n\nSearch Strategy\n\nWe searched two databases.\n\nConclusion\n\nDone.\n",
			want: "1:Methods|2:Search Strategy|1:Conclusion",
		},
		{
			name: "Title Case line after a sentence-case list is a heading",
			body: "Introduction\n\nCandidates include:\n\nPeople who smoke daily\n\nPeople with failed attempts\n\nRisk Management Strategies\n\nMonitor closely.\n",
			want: "1:Introduction|1:Risk Management Strategies",
		},
		{
			name: "merged sentence-case heading",
			body: "Clinical evidence Alcohol use disorder (AUD)\n\nText one.\n\nOpioid use disorder (OUD)\n\nText two.\n\nSafety\n\nText three.\n",
			want: "1:Clinical evidence|2:Alcohol use disorder (AUD)|2:Opioid use disorder (OUD)|1:Safety",
		},
		{
			name: "standard heading glued to its text",
			body: "Introduction\nText right under the heading.\n\nConclusion\n\nDone.\n",
			want: "1:Introduction|1:Conclusion",
		},
		{
			name: "a structured abstract set as headings keeps its parts under Abstract",
			body: "Abstract\n\nBackground\n\nRelapse is common.\n\nMethods\n\nWe searched.\n\nConclusions\n\nMore trials.\n\nIntroduction\n\nText.\n\nResults\n\nMore text.\n",
			want: "1:Abstract|2:Background|2:Methods|2:Conclusions|1:Introduction|1:Results",
		},
		{
			name: "numbered headings take their level from the number",
			body: "1. Introduction\n\nText.\n\n2 Mechanisms\n\n2.1. Glutamate and plasticity\n\nText.\n\n2.2 Reward\n\nText.\n\n3. Conclusions\n\nDone.\n",
			want: "1:Introduction|1:Mechanisms|2:Glutamate and plasticity|2:Reward|1:Conclusions",
		},
		{
			name: "text before any heading gets an untitled section",
			body: "An unlabelled abstract sentence. Another one.\n\nIntroduction\n\nText.\n",
			want: "1:|1:Introduction",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := ParseReview("made-up.txt", []byte(front+tc.body))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range r.Sections {
				got = append(got, strings.Join([]string{string(rune('0' + s.Level)), s.Title}, ":"))
			}
			if g := strings.Join(got, "|"); g != tc.want {
				t.Errorf("sections = %s\nwant       %s", g, tc.want)
			}
			for _, p := range r.Passages {
				if p.Section < 0 || p.Section >= len(r.Sections) {
					t.Errorf("passage %d has section %d", p.Index, p.Section)
				}
			}
		})
	}
}

// mutateSeed returns the seed with old replaced by new exactly once.
func mutateSeed(t *testing.T, old, new string) []byte {
	t.Helper()
	data, err := os.ReadFile(seedReview)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Count(data, []byte(old)) != 1 {
		t.Fatalf("%q does not occur exactly once in the seed", old)
	}
	return bytes.Replace(data, []byte(old), []byte(new), 1)
}

// cutSeed returns the seed up to and including the first occurrence of at.
func cutSeed(t *testing.T, at string) []byte {
	t.Helper()
	data, err := os.ReadFile(seedReview)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(data, []byte(at))
	if i < 0 {
		t.Fatalf("%q is not in the seed", at)
	}
	return data[:i+len(at)]
}

func assertSourceError(t *testing.T, err error, wantLine int, wantMsg string) {
	t.Helper()
	var se *SourceError
	if !errors.As(err, &se) {
		t.Fatalf("error = %v (%T), want *SourceError", err, err)
	}
	if se.Line != wantLine || !strings.Contains(se.Msg, wantMsg) {
		t.Errorf("error = %q, want line %d and a message containing %q", se.Error(), wantLine, wantMsg)
	}
	if !strings.HasPrefix(se.Error(), se.File+":") {
		t.Errorf("Error() = %q does not start with the file name", se.Error())
	}
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name     string
		data     func(t *testing.T) []byte
		wantLine int
		wantMsg  string
	}{
		{"empty file", func(*testing.T) []byte { return nil }, 1, "empty"},
		{"white space only", func(*testing.T) []byte { return []byte(" \n\t\n  \r\n") }, 1, "only white space"},
		{"non-UTF-8 byte", func(t *testing.T) []byte {
			return mutateSeed(t, "Opioid Use Disorder (OUD)", "Opioid Use Disorder (\xe9OUD)")
		}, 45, "invalid UTF-8"},
		{"NUL byte", func(t *testing.T) []byte { return mutateSeed(t, "Cocaine and Stimulant", "Cocaine\x00and Stimulant") }, 49, "NUL"},
		{"no title: file starts with Abstract", func(*testing.T) []byte {
			return []byte("\n\nAbstract\n\nSome text here.\n")
		}, 3, "no title"},
		{"no title: first line is the author", func(t *testing.T) []byte {
			return mutateSeed(t, "Ketamine-Assisted Psychotherapy for Addiction: Mechanisms, Evidence, and Clinical Implications\n", "\n")
		}, 7, "no title"},
		{"reference list cut mid-entry", func(t *testing.T) []byte {
			return cutSeed(t, "Ketamine-assisted psychotherapy: A review of the lit")
		}, 92, "reference 8 has no journal"},
		{"reference list cut before the year", func(t *testing.T) []byte { return cutSeed(t, "8. Ross S, Friedl") }, 92, "reference 8 has no year"},
		{"reference list cut after the volume", func(t *testing.T) []byte { return cutSeed(t, "*Journal of Psychedelic Studies* 5:") }, 92, "ends mid-entry"},
		{"reference numbering skips", func(t *testing.T) []byte { return mutateSeed(t, " 5. Morgan", " 6. Morgan") }, 89, "skips from 4 to 6"},
		{"duplicate reference number", func(t *testing.T) []byte { return mutateSeed(t, " 6. Yoon", " 5. Yoon") }, 90, "reference number 5 repeats"},
		{"citation with no reference", func(t *testing.T) []byte { return mutateSeed(t, "therapies [8].", "therapies [9].") }, 75, "[9] refers to reference 9"},
		{"citation range past the list", func(t *testing.T) []byte { return mutateSeed(t, "hippocampus [2].", "hippocampus [7–9].") }, 33, "refers to reference 9"},
		{"backwards citation range", func(t *testing.T) []byte { return mutateSeed(t, "hippocampus [2].", "hippocampus [3-2].") }, 33, "backwards range"},
		{"impossible date", func(t *testing.T) []byte { return mutateSeed(t, "Accepted: 08.04.2025", "Accepted: 31.02.2025") }, 21, "not a date"},
		{"text before the first reference", func(t *testing.T) []byte {
			return mutateSeed(t, "References\n\n1. Dakwar", "References\n\nSee below.\n1. Dakwar")
		}, 83, "before the first numbered reference"},
		{"numeric citations but no reference list", func(t *testing.T) []byte { return cutSeed(t, "psilocybin and MDMA.") }, 27, "no reference list"},
		{"too large for ParseReview", func(*testing.T) []byte { return make([]byte, MaxReviewBytes+1) }, 1, "over the 8 MB limit"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseReview("bad.txt", tc.data(t))
			assertSourceError(t, err, tc.wantLine, tc.wantMsg)
		})
	}
}

// TestReadReviewTooLarge uses a sparse 50 MB file: ReadReview must refuse
// it from its size alone.
func TestReadReviewTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(50 << 20); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = ReadReview(path)
	assertSourceError(t, err, 1, "review is 50.0 MB, over the 8 MB limit")
	if want := path + ":1: review is 50.0 MB, over the 8 MB limit"; err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
}

func TestReadReviewMissing(t *testing.T) {
	_, err := ReadReview(filepath.Join(t.TempDir(), "absent.txt"))
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("error = %v, want one wrapping os.ErrNotExist", err)
	}
}
