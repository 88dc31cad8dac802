package review

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// jatsFixture is what a reader must get from one article, written from
// the article itself (not from a run of the reader).
type jatsFixture struct {
	file       string
	title      string
	references int
	sections   []string // top-level, in order
	citations  int
	year       int
	published  string
	ids        [3]string // DOI, PMID, PMCID
	warnings   []string  // a piece of each expected warning, in order
	check      func(t *testing.T, r *Review)
}

// jatsFixtures follow the conventions of the publishers whose JATS PubMed
// Central serves: the NLM 2.3 and 3.0 DTDs, PLOS, BMC, Frontiers, eLife
// and an Elsevier export.
var jatsFixtures = []jatsFixture{
	{file: "pmc-nlm23.xml", title: "N-Acetylcysteine and Glutamate Homeostasis in Cocaine Dependence", references: 6,
		sections:  []string{"Abstract", "Introduction", "Glutamate Homeostasis", "Clinical Studies", "Conclusions", "Acknowledgements", "Notes", "References"},
		citations: 9, year: 2012, published: "", ids: [3]string{"10.0000/arl.2012.014", "20000001", "PMC3000001"},
		check: func(t *testing.T, r *Review) {
			// A year-only collection date and a month-only print date are
			// kept as given; the embargo release date is not publication.
			wantDates := []string{"nihms-submitted=2012-03-12", "ppub=2012-06", "collection=2012", "pmc-release=2013-06-01"}
			var got []string
			for _, d := range r.Dates {
				got = append(got, d.Kind+"="+d.Value)
			}
			if !slices.Equal(got, wantDates) {
				t.Errorf("dates %v, want %v", got, wantDates)
			}
			if r.References[2].Authors[0] != "Fictional Institute on Drug Abuse" || r.References[2].Title != "Cocaine: abuse and addiction" || r.References[2].Journal != "FIDA" {
				t.Errorf("a book by a collab: %+v", r.References[2])
			}
			if r.References[3].PMID != "16000630" || !r.References[1].EtAl {
				t.Errorf("pub-id and etal: %+v %+v", r.References[3], r.References[1])
			}
			wantPassage(t, r, "reinstatement in animals 1,2.", "")
			wantPassage(t, r, "Figure 1. The cystine–glutamate exchanger. N-acetylcysteine supplies cystine", PassageCaption)
			wantCitation(t, r, "1–3", 1, 2, 3)
		}},
	{file: "pmc-nlm30.xml", title: "Topiramate for Alcohol Dependence: What the Trials Show", references: 5,
		sections:  []string{"Abstract", "Main text", "", "Trials", "References"},
		citations: 7, year: 2011, ids: [3]string{"", "20000002", "PMC3000002"},
		check: func(t *testing.T, r *Review) {
			if !slices.Equal(r.Authors, []string{"Anna Kowalczyk", "The Topiramate Review Group"}) {
				t.Errorf("authors %q", r.Authors)
			}
			if len(r.Dates) == 0 || r.Dates[0].Season != "Spring" || r.Dates[0].Value != "2011" {
				t.Errorf("seasonal date: %+v", r.Dates)
			}
			wantCitation(t, r, "1–3", 1, 2, 3)
			li := 0
			for _, p := range r.Passages {
				if p.ListItem {
					li++
				}
			}
			if li != 2 {
				t.Errorf("%d list items, want 2", li)
			}
		}},
	{file: "plos.xml", title: "Psilocybin-assisted therapy for tobacco smoking cessation: a systematic review", references: 9,
		sections:  []string{"Abstract", "Introduction", "Methods", "Results", "Discussion", "Supporting information", "Acknowledgements", "References"},
		citations: 11, year: 2021, published: "2021-09-09", ids: [3]string{"10.1371/journal.pone.0000001", "", ""},
		check: func(t *testing.T, r *Review) {
			if !slices.Equal(r.Authors, []string{"Aiko Nakamura", "Luis Ferreira"}) {
				t.Errorf("authors %q (the academic editor is no author)", r.Authors)
			}
			if r.ArticleType != "research-article" || !slices.Contains(r.Subjects, "Substance abuse") {
				t.Errorf("article type %q, subjects %q", r.ArticleType, r.Subjects)
			}
			var abstract []string
			for _, s := range r.Sections {
				if s.Parent == 0 {
					abstract = append(abstract, s.Title)
				}
			}
			if !slices.Equal(abstract, []string{"Background", "Methods", "Results", "Conclusions"}) {
				t.Errorf("structured abstract %q", abstract)
			}
			wantCitation(t, r, "[2–5]", 2, 3, 4, 5)
			wantPassage(t, r, "Table 1. Studies included in the review.", PassageCaption)
			wantPassage(t, r, "S1 Checklist. PRISMA checklist.", PassageCaption)
			if r.References[0].DOI != "10.3109/00952990.2016.1170135" || r.References[5].URL != "https://www.who.int/" || !r.References[2].EtAl {
				t.Errorf("mixed-citation ids: %+v / %+v / %+v", r.References[0], r.References[5], r.References[2])
			}
		}},
	{file: "bmc.xml", title: "Gabapentin for alcohol use disorder: a narrative review of randomized trials", references: 7,
		sections: []string{"Abstract", "Background", "Main text", "Conclusions", "", "Abbreviations", "Acknowledgements",
			"Authors’ contributions", "Competing interests", "References"},
		citations: 12, year: 2022, published: "2022-02-14", ids: [3]string{"10.1186/s13722-022-00001-x", "", ""},
		check: func(t *testing.T, r *Review) {
			if r.Affiliation != "Department of Clinical Neuroscience, Nordic Institute, Stockholm, Sweden" {
				t.Errorf("affiliation %q", r.Affiliation)
			}
			if r.Submitted != "2021-09-07" || r.Accepted != "2022-01-31" {
				t.Errorf("history %s %s", r.Submitted, r.Accepted)
			}
			// citation-alternatives: one work, read once.
			if !slices.Equal(r.References[0].Authors, []string{"Mason BJ", "Quello S"}) || r.References[0].DOI == "" {
				t.Errorf("citation-alternatives: %+v", r.References[0])
			}
			if !slices.Equal(r.References[1].Authors, []string{"Mason BJ", "Quello S", "Goodell V"}) || !r.References[1].EtAl || r.References[1].PMID != "24190578" {
				t.Errorf("string-name: %+v", r.References[1])
			}
			wantPassage(t, r, "AUD: Alcohol use disorder", "")
			wantPassage(t, r, "Search strategy and screening.", PassageCaption)
			wantCitation(t, r, "[3–6]", 3, 4, 5, 6)
		}},
	{file: "frontiers.xml", title: "Ketamine and the Reconsolidation of Drug Memories: A Review", references: 10,
		sections: []string{"Abstract", "Introduction", "Evidence From Animals", "Evidence in Humans", "Conclusion",
			"Author Contributions", "Conflict of Interest", "Notes", "References"},
		citations: 14, year: 2021, published: "2021-05-21", ids: [3]string{"10.3389/fpsyt.2021.000001", "", ""},
		check: func(t *testing.T, r *Review) {
			wantCitation(t, r, "Milton and Everitt (2010)", 6)
			wantCitation(t, r, "Barak et al., 2013a", 2)
			wantCitation(t, r, "b", 3)
			if r.References[1].YearSuffix != "a" || r.References[2].YearSuffix != "b" {
				t.Errorf("2013a/2013b: %q %q", r.References[1].YearSuffix, r.References[2].YearSuffix)
			}
			wantPassage(t, r, "proportional to log(d) over the tested range", "")
			wantPassage(t, r, "Table 1. Studies of NMDA antagonists at memory retrieval.", PassageCaption)
		}},
	{file: "elife.xml", title: "Orexin signalling in opioid seeking", references: 10,
		sections:  []string{"Abstract", "eLife digest", "Introduction", "Orexin and opioid seeking", "Outlook", "Additional information", "References", "Appendices"},
		citations: 11, year: 2020, published: "2020-03-03", ids: [3]string{"10.7554/eLife.00001", "", ""},
		warnings: []string{"<sub-article> skipped"},
		check: func(t *testing.T, r *Review) {
			wantCitation(t, r, "(James et al., 2017a, 2017b)", 5, 6)
			wantPassage(t, r, "N=N0+kt", PassageFormula)
			if !slices.Equal(r.Keywords, []string{"orexin", "opioids", "relapse"}) {
				t.Errorf("keywords %q (the research organism is no keyword)", r.Keywords)
			}
			titles := map[string]bool{}
			for _, s := range r.Sections {
				titles[s.Title] = true
			}
			for _, want := range []string{"What is reinstatement?", "Appendix 1", "Search terms", "Competing interests"} {
				if !titles[want] {
					t.Errorf("no section %q", want)
				}
			}
			for _, p := range r.Passages {
				if strings.Contains(p.Text, "Thank you for submitting") {
					t.Errorf("the decision letter was read as the article: %q", p.Text)
				}
			}
		}},
	{file: "elsevier-like.xml", title: "N-acetylcysteine for substance use disorders: from cystine–glutamate exchange to the clinic", references: 10,
		sections:  []string{"Highlights", "Abstract", "Introduction", "Mechanisms", "Clinical evidence", "Conclusions", "Declaration of Competing Interest", "References"},
		citations: 16, year: 2022, published: "2022-09-06", ids: [3]string{"10.0000/j.neubiorev.2022.104870", "", ""},
		check: func(t *testing.T, r *Review) {
			// The highlights: a <p> in each <list-item> of a list inside
			// the abstract's <p> (refused before as "outside any <sec>").
			for _, h := range []string{"N-acetylcysteine restores cystine–glutamate exchange in animal models.", "Trials in adults have been mostly negative."} {
				found := false
				for _, p := range r.Passages {
					found = found || p.Text == h && p.ListItem && r.Sections[p.Section].Title == "Highlights"
				}
				if !found {
					t.Errorf("highlight %q is not a list item of Highlights", h)
				}
			}
			wantCitation(t, r, "(Gray et al., 2012, 2017)", 4, 5)
			if r.Revised != "2022-08-12" {
				t.Errorf("revised %q", r.Revised)
			}
		}},
}

func wantPassage(t *testing.T, r *Review, text, kind string) {
	t.Helper()
	for _, p := range r.Passages {
		if strings.Contains(p.Text, text) {
			if p.Kind != kind {
				t.Errorf("passage %q is of kind %q, want %q", p.Text, p.Kind, kind)
			}
			return
		}
	}
	t.Errorf("no passage holds %q", text)
}

func wantCitation(t *testing.T, r *Review, text string, nums ...int) {
	t.Helper()
	for _, c := range r.Citations {
		if c.Text == text {
			if !slices.Equal(c.Numbers, nums) {
				t.Errorf("citation %q cites %v, want %v", text, c.Numbers, nums)
			}
			return
		}
	}
	t.Errorf("no citation %q", text)
}

func TestJATSFixtures(t *testing.T) {
	for _, fx := range jatsFixtures {
		t.Run(strings.TrimSuffix(fx.file, ".xml"), func(t *testing.T) {
			path := filepath.Join("testdata", "jats", fx.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			r, err := ParseAny(path, data)
			if err != nil {
				t.Fatal(err)
			}
			s := Summarize(r)
			if s.Title != fx.title || s.References != fx.references || !slices.Equal(s.Sections, fx.sections) {
				t.Errorf("got %q, %d references, sections %q\nwant %q, %d references, sections %q", s.Title, s.References, s.Sections, fx.title, fx.references, fx.sections)
			}
			if s.Citations != fx.citations || s.Resolved*10 < s.Citations*9 {
				t.Errorf("%d citations, %d resolved; want %d, at least 90%% resolved", s.Citations, s.Resolved, fx.citations)
			}
			if r.Year != fx.year || r.Published != fx.published || r.DOI != fx.ids[0] || r.PMID != fx.ids[1] || r.PMCID != fx.ids[2] {
				t.Errorf("year %d published %q ids %q %q %q; want %d %q %q", r.Year, r.Published, r.DOI, r.PMID, r.PMCID, fx.year, fx.published, fx.ids)
			}
			if len(s.Warnings) != len(fx.warnings) {
				t.Errorf("warnings %q, want %d", s.Warnings, len(fx.warnings))
			}
			for i, w := range fx.warnings {
				if i < len(s.Warnings) && !strings.Contains(s.Warnings[i], w) {
					t.Errorf("warning %q, want ...%s", s.Warnings[i], w)
				}
			}
			for _, p := range r.Passages {
				if p.Text == "" || p.Section < 0 || p.Section >= len(r.Sections) || p.Start > p.End || p.End > len(data) {
					t.Errorf("passage %+v", p)
				}
			}
			if fx.check != nil {
				fx.check(t, r)
			}
		})
	}
}

// A mixed-citation of plain text (no element markup, as older PubMed
// Central articles have) is read like an entry of a text reference list,
// and an inline footnote is a passage of its own, not words inside the
// sentence it interrupts.
func TestJATSPlainMixedCitation(t *testing.T) {
	src := `<article><front><article-meta><title-group><article-title>T</article-title></title-group></article-meta></front>
<body><sec><title>A</title><p>Baclofen was tested [<xref ref-type="bibr" rid="r1">1</xref>].<fn id="f1"><p>A footnote.</p></fn> It failed.</p></sec></body>
<back><ref-list><ref id="r1"><mixed-citation>Reynaud M, Aubin HJ, Trinquet F, et al. A randomized, placebo-controlled study of high-dose baclofen in alcohol-dependent patients: the ALPADIR study. Alcohol Alcohol. 2017;52(4):439-46.</mixed-citation></ref></ref-list></back></article>`
	r, err := ParseJATS("plain.xml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	ref := r.References[0]
	if ref.Year != 2017 || len(ref.Authors) != 3 || !ref.EtAl || ref.Journal != "Alcohol Alcohol" || !strings.HasPrefix(ref.Title, "A randomized") || ref.Volume != "52" {
		t.Errorf("plain mixed-citation: %+v", ref)
	}
	var texts []string
	for _, p := range r.Passages {
		texts = append(texts, p.Text)
	}
	if want := []string{"Baclofen was tested [1].", "A footnote.", "It failed."}; !slices.Equal(texts, want) {
		t.Errorf("passages %q, want %q", texts, want)
	}
	for _, w := range r.Warnings {
		if strings.Contains(w.Msg, "<ref") {
			t.Errorf("warning %v", w)
		}
	}
}

// PubMed Central's efetch wraps articles in <pmc-articleset>: the first is
// read and a second is skipped with a warning; a translated abstract is
// not read twice.
func TestJATSArticleSet(t *testing.T) {
	data, err := os.ReadFile("testdata/jats/pmc-nlm30.xml")
	if err != nil {
		t.Fatal(err)
	}
	art := string(data[strings.Index(string(data), "<article "):])
	art = strings.Replace(art, "</abstract>", `</abstract><trans-abstract xml:lang="fr"><p>Le topiramate réduit la consommation.</p></trans-abstract>`, 1)
	set := `<?xml version="1.0"?>` + "\n<pmc-articleset>" + art + art + "</pmc-articleset>"
	if !IsJATS([]byte(set)) {
		t.Fatal("a pmc-articleset is not taken for JATS")
	}
	r, err := ParseAny("set.xml", []byte(set))
	if err != nil {
		t.Fatal(err)
	}
	s := Summarize(r)
	if s.Title != "Topiramate for Alcohol Dependence: What the Trials Show" || s.References != 5 || s.Passages != 9 ||
		len(s.Warnings) != 1 || !strings.Contains(s.Warnings[0], "second <article>") {
		t.Errorf("%+v", s)
	}
}

// An author-year xref whose rid names no ref is read as the text reader
// reads "(Moreau and Lind, 2023)": it still finds its reference by first
// author and year, with a warning for the broken rid.
func TestJATSAuthorYearXrefWithoutRef(t *testing.T) {
	data, err := os.ReadFile("../testdata/jats-review.xml")
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(data), `rid="r5">Moreau and Lind, 2023`, `rid="r7">Moreau and Lind, 2023`, 1)
	r, err := ParseJATS("jats-review.xml", []byte(bad))
	if err != nil {
		t.Fatal(err)
	}
	wantAuthorYear(t, r, "(Moreau and Lind, 2023)", 5)
	if s := Summarize(r); s.Resolved != s.Citations || len(s.Warnings) != 1 {
		t.Errorf("%d of %d resolved, warnings %q", s.Resolved, s.Citations, s.Warnings)
	}
}
