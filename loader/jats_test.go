package loader

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/loader/review"

	"github.com/kapgraph/kapgraph/graph"
)

func readJATS(t *testing.T) (*review.Review, []byte) {
	t.Helper()
	data, err := os.ReadFile("testdata/jats-review.xml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := review.ParseAny("testdata/jats-review.xml", data)
	if err != nil {
		t.Fatal(err)
	}
	return r, data
}

// The JATS reader fills the same Review as the text parser: front matter,
// nested sections, sentences with their lines, structured references and
// citations resolved to them (lists, ranges, author-year xrefs).
func TestParseJATS(t *testing.T) {
	r, data := readJATS(t)
	front := map[string]any{"title": r.Title, "authors": r.Authors, "journal": r.Journal, "year": r.Year, "doi": r.DOI,
		"keywords": r.Keywords, "published": r.Published, "submitted": r.Submitted, "accepted": r.Accepted,
		"volume": r.Volume, "issue": r.Issue, "pages": r.Pages, "affiliation": r.Affiliation}
	want := map[string]any{"title": "Ketamine for Alcohol Use Disorder: A Short Structured Review", "authors": []string{"Ines Varga", "Daniel C. Okoye"},
		"journal": "Journal of Open Addiction Reviews", "year": 2024, "doi": "10.0000/joar.2024.0007",
		"keywords": []string{"ketamine", "alcohol use disorder", "relapse prevention"}, "published": "2024-06-14",
		"submitted": "2024-03-02", "accepted": "2024-05-20", "volume": "6", "issue": "2", "pages": "45-51",
		"affiliation": "Department of Addiction Medicine, Lakeside University, Galway, Ireland."}
	gj, _ := json.Marshal(front)
	wj, _ := json.Marshal(want)
	if string(gj) != string(wj) {
		t.Errorf("front matter\n got %s\nwant %s", gj, wj)
	}
	var secs []string
	for _, s := range r.Sections {
		parent := ""
		if s.Parent >= 0 {
			parent = r.Sections[s.Parent].Title + " > "
		}
		secs = append(secs, parent+s.Title)
	}
	wantSecs := []string{"Abstract", "Introduction", "Mechanisms", "Mechanisms > Glutamate and Plasticity", "Mechanisms > Reward and Craving",
		"Clinical Evidence", "Conclusion", "References"}
	if !slices.Equal(secs, wantSecs) {
		t.Errorf("sections %q, want %q", secs, wantSecs)
	}
	lines := strings.Split(string(data), "\n")
	if len(r.Passages) != 11 {
		t.Errorf("%d sentences, want 11", len(r.Passages))
	}
	for _, p := range r.Passages {
		// A sentence's line holds its first words.
		head := p.Text[:min(20, len(p.Text))]
		if p.Line < 1 || p.Line > len(lines) || !strings.Contains(lines[p.Line-1], head) {
			t.Errorf("sentence %q: line %d does not hold it", head, p.Line)
		}
	}
	if len(r.References) != 5 {
		t.Fatalf("%d references, want 5", len(r.References))
	}
	r2, r3 := r.References[1], r.References[2]
	if !slices.Equal(r2.Authors, []string{"Abadi S"}) || !r2.EtAl || r2.Year != 2020 || r2.Journal != "Neuropharmacology Reviews" ||
		!strings.HasPrefix(r2.Title, "Glutamate, mTOR") || r2.Pages != "1-19" {
		t.Errorf("element-citation: %+v", r2)
	}
	if !slices.Equal(r3.Authors, []string{"Brooks T"}) || r3.Year != 2021 || r3.Journal != "Addiction Pilot Reports" || !strings.HasPrefix(r3.Title, "An open-label pilot") {
		t.Errorf("mixed-citation: %+v", r3)
	}
	var cites []string
	for _, c := range r.Citations {
		cites = append(cites, c.Text+"="+strings.Trim(strings.Join(strings.Fields(strings.Trim(strings.ReplaceAll(jsonOf(c.Numbers), ",", " "), "[]")), ","), ""))
	}
	wantCites := []string{"[1]=1", "[2]=2", "[2,3]=2,3", "[3–5]=3,4,5", "[4]=4", "(Moreau and Lind, 2023)=5"}
	if !slices.Equal(cites, wantCites) {
		t.Errorf("citations %q, want %q", cites, wantCites)
	}
}

func jsonOf(v any) string { b, _ := json.Marshal(v); return string(b) }

// Through the whole pipeline, a JATS review beside the seed gives the
// same kinds of nodes and evidence as a review in the text style.
func TestJATSReviewInASeedsDir(t *testing.T) {
	dir := copySeeds(t)
	for _, name := range []string{"jats-review.xml", "jats-review.claims.yaml"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	bs, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var jats, seed Built
	for _, b := range bs {
		if strings.HasSuffix(b.Report.Source, ".xml") {
			jats = b
		} else {
			seed = b
		}
	}
	if jats.Document == nil {
		t.Fatal("the JATS review was not loaded")
	}
	kinds := func(d *graph.Document) (map[graph.Category]bool, map[graph.Predicate]bool) {
		cats, preds := map[graph.Category]bool{}, map[graph.Predicate]bool{}
		for _, n := range d.Nodes {
			cats[n.Category] = true
		}
		for _, e := range d.Edges {
			preds[e.Predicate] = true
		}
		return cats, preds
	}
	jc, jp := kinds(jats.Document)
	sc, sp := kinds(seed.Document)
	for _, c := range []graph.Category{graph.CategoryReview, graph.CategorySection, graph.CategoryPassage, graph.CategoryStudy, graph.CategoryDrug, graph.CategoryMechanism} {
		if !jc[c] || !sc[c] {
			t.Errorf("category %s: JATS %v, text %v", c, jc[c], sc[c])
		}
	}
	for _, p := range []graph.Predicate{graph.HasSection, graph.HasPassage, graph.HasReference, graph.Cites, graph.Mentions, graph.Affects} {
		if !jp[p] || !sp[p] {
			t.Errorf("predicate %s: JATS %v, text %v", p, jp[p], sp[p])
		}
	}
	for _, n := range jats.Document.Nodes {
		if n.Category == graph.CategoryReview && !slices.Equal(n.Xrefs, []string{"DOI:10.0000/joar.2024.0007"}) {
			t.Errorf("the review's xrefs %q, want its DOI", n.Xrefs)
		}
	}
	rep := jats.Report
	if rep.Claims != 4 || rep.References != 5 || rep.Citations != 6 || rep.Sections != 8 {
		t.Errorf("JATS report: %d claims, %d references, %d citations, %d sections", rep.Claims, rep.References, rep.Citations, rep.Sections)
	}
	for _, e := range jats.Document.Edges {
		if !e.Predicate.Curated() || e.Origin == graph.OriginExtracted {
			continue // extraction's own claims may rest on an uncited sentence
		}
		// The seed states some of the same claims: those hold the seed's
		// sentences too; the JATS review's own is the first.
		ev := e.Evidence[0]
		if ev.Document != jats.Document.ID || !strings.HasPrefix(ev.Passage, jats.Document.ID+".p") || len(ev.Studies) == 0 || ev.SectionTitle == "" {
			t.Errorf("claim %s: evidence %+v; want its sentence with the studies it cites", e.ID, ev)
		}
		if e.ID == jats.Document.ID+".claim.ketamine-reduces-craving-aud" && len(ev.Studies) != 3 {
			t.Errorf("the range [3–5] gives studies %v", ev.Studies)
		}
	}
	// Every reference is cited: no uncited-reference concern.
	for _, c := range rep.Concerns {
		if c.Kind == graph.ConcernUncitedReference || c.Kind == graph.ConcernMissingReference {
			t.Errorf("concern %s: %s", c.Kind, c.Message)
		}
	}
}

// Only JATS that is not well-formed is refused, naming the file and line;
// what is missing or points nowhere is a warning naming the line, and the
// article is still read.
func TestJATSErrors(t *testing.T) {
	_, data := readJATS(t)
	src := string(data)
	for _, tc := range []struct {
		name, old, new, want string
		line                 string // a piece of the line the error or warning must name
		refused              bool
	}{
		{"not well-formed", `<title>Conclusion</title>`, `<title>Conclusion</titel>`, "not well-formed", "Conclusion</titel>", true},
		{"unknown rid", `rid="r4">4</xref>]`, `rid="r9">4</xref>]`, "points at no <ref id>", `rid="r9"`, false},
		{"ref without year", `<year>2022</year>`, ``, "has no <year>", `<ref id="r4">`, false},
		{"ref without author", `<name><surname>Brooks</surname><given-names>T</given-names></name>`, ``, "has no author", `<ref id="r3">`, false},
		{"date without year", `<year>2024</year></pub-date>`, `</pub-date>`, "has no year", `pub-type="epub"`, false},
		{"rid-less bibr xref", `rid="r1">1</xref>`, `>1</xref>`, "has no rid", `relapse within a year`, false},
		{"author-year xref to no ref", `rid="r5">Moreau and Lind, 2023`, `rid="r7">Moreau and Lind, 2023`, "points at no <ref id>", `rid="r7"`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := strings.Replace(src, tc.old, tc.new, 1)
			if bad == src {
				t.Fatal("the JATS file changed shape; update this test")
			}
			r, err := review.ParseAny("jats-review.xml", []byte(bad))
			line, msg := 0, ""
			if tc.refused {
				var se *review.SourceError
				if !errors.As(err, &se) || se.File != "jats-review.xml" {
					t.Fatalf("got %v, want a refusal naming the file", err)
				}
				line, msg = se.Line, se.Msg
			} else {
				if err != nil {
					t.Fatalf("refused: %v; want a warning", err)
				}
				for _, w := range r.Warnings {
					if strings.Contains(w.Msg, tc.want) {
						line, msg = w.Line, w.Msg
					}
				}
				if len(r.References) != 5 {
					t.Errorf("%d references after the warning, want 5", len(r.References))
				}
			}
			if !strings.Contains(msg, tc.want) {
				t.Fatalf("got %q (warnings %v), want ...%s", msg, r, tc.want)
			}
			if lines := strings.Split(bad, "\n"); line < 1 || line > len(lines) || !strings.Contains(lines[line-1], tc.line) {
				t.Errorf("reported at line %d, want the line holding %q", line, tc.line)
			}
		})
	}
	// A section without a title is read, with an empty title.
	r, err := review.ParseAny("jats-review.xml", []byte(strings.Replace(src, `<title>Clinical Evidence</title>`, ``, 1)))
	if err != nil || len(r.Sections) != 8 || r.Sections[5].Title != "" || len(r.Passages) != 11 {
		t.Errorf("untitled section: %v, %+v", err, r)
	}
	if _, err := review.ParseAny("x.xml", []byte(`<?xml version="1.0"?><book><p>x</p></book>`)); err == nil || !strings.Contains(err.Error(), "not a JATS <article>") {
		t.Errorf("a non-article XML: %v", err)
	}
}

// A JATS file whose name says .txt is still read as JATS.
func TestJATSDetectedByContent(t *testing.T) {
	_, data := readJATS(t)
	r, err := review.ParseAny("review.txt", data)
	if err != nil || r.Title != "Ketamine for Alcohol Use Disorder: A Short Structured Review" || len(r.References) != 5 {
		t.Fatalf("JATS named .txt: %v, %+v", err, r)
	}
	if review.IsJATS([]byte("Title\n\nIntroduction\n\nText.\n")) {
		t.Error("plain text taken for JATS")
	}
}
