package review

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// textFixture is what the text reader must get from a review laid out as
// a publisher sets it, written from the text itself.
type textFixture struct {
	file       string
	title      string
	authors    []string
	journal    string
	year       int
	references int
	sections   []string
	citations  int
	check      func(t *testing.T, r *Review)
}

var textFixtures = []textFixture{
	{file: "elsevier-like.txt", title: "N-acetylcysteine for substance use disorders: from cystine–glutamate exchange to the clinic",
		authors: []string{"Marta Gonzalez", "Thomas Berg", "Ana Li"}, journal: "Neuroscience and Biobehavioral Reviews", year: 2022, references: 10,
		sections:  []string{"Highlights", "Abstract", "Introduction", "Mechanisms", "Clinical evidence", "Conclusions", "Declaration of Competing Interest", "References"},
		citations: 19,
		check: func(t *testing.T, r *Review) {
			if r.Affiliation != "Department of Psychiatry, Fictional University of Madrid, Madrid, Spain" || r.Submitted != "2022-05-03" ||
				r.Revised != "2022-08-12" || r.Accepted != "2022-09-01" || r.Published != "2022-09-06" || r.Volume != "142" {
				t.Errorf("front matter: %q %s %s %s %s vol %s", r.Affiliation, r.Submitted, r.Revised, r.Accepted, r.Published, r.Volume)
			}
			if r.CorrespondingAuthor != "Thomas Berg" || r.CorrespondingAddress != "Institute of Neuroscience, Northern University, Oslo, Norway" {
				t.Errorf("corresponding author %q at %q", r.CorrespondingAuthor, r.CorrespondingAddress)
			}
			for _, p := range r.Passages {
				if strings.Contains(p.Text, "Gonzalez et al.") || strings.Contains(p.Text, "104870") || p.Text == "2" {
					t.Errorf("page furniture read as text: %q", p.Text)
				}
			}
			if !slices.Equal(r.Keywords, []string{"N-acetylcysteine", "Glutamate", "Relapse", "Cannabis use disorder"}) {
				t.Errorf("keywords %q", r.Keywords)
			}
			wantPassage(t, r, "Table 1 Randomised trials of N-acetylcysteine. Study Population N Result", PassageTable)
			labels := map[string]bool{}
			for _, p := range r.Passages {
				labels[p.Label] = true
			}
			for _, l := range []string{"Background", "Methods", "Results", "Conclusions"} {
				if !labels[l] {
					t.Errorf("no passage with the run-in label %q", l)
				}
			}
			// 2014a and 2014b are two works; "and colleagues" is narrative.
			wantAuthorYear(t, r, "McClure and colleagues (2014a)", 8)
			wantAuthorYear(t, r, "McClure et al., 2014a, 2014b", 8, 9)
			wantAuthorYear(t, r, "Gray and colleagues (2012)", 4)
			wantAuthorYear(t, r, "(Duailibi et al. 2017)", 2)
			if r.References[0].DOI != "10.1038/nn1069" || r.References[7].YearSuffix != "a" || r.References[3].Authors[6] != "McRae-Clark A. L." {
				t.Errorf("APA entries: %+v / %+v", r.References[0], r.References[3])
			}
		}},
	{file: "vancouver-numbered.txt", title: "Baclofen for Alcohol Use Disorder: An Updated Review",
		authors: []string{"Jane Okafor", "Peter Lindgren", "Mei Chen"}, journal: "Journal of Substance Use Research", year: 2019, references: 9,
		sections:  []string{"Abstract", "Introduction", "Pharmacology", "Clinical Trials", "Conclusion", "References"},
		citations: 11,
		check: func(t *testing.T, r *Review) {
			if r.Affiliation != "Department of Pharmacology, University of Lagos, Lagos, Nigeria" || r.CorrespondingAuthor != "Peter Lindgren" ||
				r.Accepted != "2019-06-03" || r.Published != "2019-06-20" {
				t.Errorf("front matter: %q %q %s %s", r.Affiliation, r.CorrespondingAuthor, r.Accepted, r.Published)
			}
			ref := r.References[0]
			if ref.Year != 2007 || ref.Journal != "Lancet" || ref.Volume != "370" || ref.Issue != "9603" || !ref.EtAl ||
				!strings.HasSuffix(ref.Title, "double-blind controlled study") {
				t.Errorf("Vancouver entry broken across lines: %+v", ref)
			}
			sub := 0
			for _, s := range r.Sections {
				if s.Level == 2 {
					sub++
				}
			}
			if sub != 2 {
				t.Errorf("%d numbered subsections (2.1, 2.2), want 2", sub)
			}
		}},
	{file: "harvard-unnumbered.txt", title: "Psilocybin and the Default Mode Network in Alcohol Use Disorder",
		authors: []string{"Lena Hoffmann", "Samuel Adeyemi"}, journal: "Psychopharmacology", year: 2020, references: 6,
		sections:  []string{"Abstract", "Introduction", "Mechanisms", "Clinical Evidence", "Conclusions", "References"},
		citations: 12,
		check: func(t *testing.T, r *Review) {
			if r.DOI != "10.0000/s00213-020-00001-1" || r.Pages != "1101–1113" || r.Submitted != "2019-10-14" {
				t.Errorf("front matter: %q %q %q", r.DOI, r.Pages, r.Submitted)
			}
			wantAuthorYear(t, r, "Bogenschutz et al. 2015, 2022", 1, 2)
			wantAuthorYear(t, r, "Carhart-Harris and colleagues (2012)", 3)
			if len(r.References[2].Authors) != 15 {
				t.Errorf("an entry broken across three lines: %d authors", len(r.References[2].Authors))
			}
		}},
	{file: "pmc-page.txt", title: "Psilocybin-assisted therapy for tobacco smoking cessation: a systematic review",
		authors: []string{"Aiko Nakamura", "Luis Ferreira"}, journal: "PLoS One", year: 2021, references: 8,
		sections:  []string{"Abstract", "Introduction", "Results", "Discussion", "References"},
		citations: 7,
		check: func(t *testing.T, r *Review) {
			if r.PMID != "34000001" || r.PMCID != "PMC8000001" || r.Published != "2021-09-09" || r.CorrespondingAuthor != "Luis Ferreira" || r.Pages != "e0000001" {
				t.Errorf("front matter: %q %q %q %q %q", r.PMID, r.PMCID, r.Published, r.CorrespondingAuthor, r.Pages)
			}
			if ref := r.References[0]; ref.DOI != "10.3109/00952990.2016.1170135" || strings.Contains(ref.Raw, "Scholar") || ref.Journal != "Am J Drug Alcohol Abuse" || ref.Issue != "1" {
				t.Errorf("a copied PubMed Central entry: %+v", ref)
			}
		}},
	// One paragraph to a line and no blank line between them, headings
	// numbered "1 | ", a Correspondence line, a history line without
	// colons and no publication date, citations in parentheses.
	{file: "one-paragraph-per-line.txt", title: "Theta-Burst Stimulation of the Dorsolateral Prefrontal Cortex for Methamphetamine Use Disorder: A Narrative Review of Mechanisms, Trials and Open Questions for Clinical Practice",
		authors: []string{"Ines Moreau", "Karl Vogt"}, year: 2024, references: 5,
		sections:  []string{"KEY POINTS", "INTRODUCTION", "CLINICAL TRIALS", "CONCLUSIONS", "REFERENCES"},
		citations: 5,
		check: func(t *testing.T, r *Review) {
			if r.Submitted != "2024-03-03" || r.Accepted != "2024-07-09" || r.CorrespondingAuthor != "I. Moreau" {
				t.Errorf("front matter: %s %s %q", r.Submitted, r.Accepted, r.CorrespondingAuthor)
			}
			var got []string
			for _, c := range r.Citations {
				got = append(got, fmt.Sprint(c.Text, c.Numbers))
			}
			// "(1) which ..., and (2) how ..." numbers a list; "(600
			// pulses each)" and "(30 participants each)" count.
			if want := []string{"(1)[1]", "(2, 3)[2 3]", "(4)[4]", "(4-5)[4 5]", "(5)[5]"}; !slices.Equal(got, want) {
				t.Errorf("citations %q, want %q", got, want)
			}
			if ref := r.References[2]; len(ref.Authors) == 0 || ref.Authors[0] != "De Ridder D" {
				t.Errorf("reference 3 authors %q", ref.Authors)
			}
		}},
	// A Wiley-like layout: a Keywords line, headings "1 | " and "2.1 | ",
	// a list numbered "(1)", citations in parentheses beside a dose, a
	// sample size, a figure, a proportion, a confidence interval, a count
	// beyond the list and a two-item enumeration, none of which cites.
	// The run-in "Abstract:" labels its passage and names the text before
	// the first heading, as <abstract> does in the JATS twin.
	{file: "wiley-like.txt", title: "Glucagon-Like Peptide-1 Receptor Agonists for Alcohol Use Disorder: Rodent Drinking, Imaging and the First Trials",
		authors: []string{"Hanna Virtanen", "Rafael Costa"}, year: 2025, references: 7,
		sections:  []string{"Abstract", "INTRODUCTION", "PRECLINICAL EVIDENCE", "CLINICAL EVIDENCE", "CONCLUSIONS", "REFERENCES"},
		citations: 9,
		check: func(t *testing.T, r *Review) {
			var got []string
			for _, c := range r.Citations {
				got = append(got, fmt.Sprint(c.Text, c.Numbers))
			}
			want := []string{"(1)[1]", "(2,3)[2 3]", "(2–4)[2 3 4]", "(4)[4]", "(5)[5]", "(6)[6]", "(1, 5–6)[1 5 6]", "(7)[7]", "(6,7)[6 7]"}
			if !slices.Equal(got, want) {
				t.Errorf("citations %q, want %q", got, want)
			}
			if s := r.Sections[3]; s.Title != "Rodents" || s.Level != 2 || s.Parent != 2 {
				t.Errorf("subsection 2.1 read as %+v", s)
			}
			if r.Accepted != "2025-08-30" || r.Passages[0].Label != "Abstract" {
				t.Errorf("accepted %s, first passage labelled %q", r.Accepted, r.Passages[0].Label)
			}
			if !slices.Equal(r.Keywords, []string{"alcohol", "GLP-1", "semaglutide", "exenatide", "ventral striatum"}) {
				t.Errorf("keywords %q", r.Keywords)
			}
			if ref := r.References[2]; ref.Journal != "Eur J Neurosci" || ref.Year != 2018 || ref.Pages != "2904-2915" {
				t.Errorf("entry broken across lines: %+v", ref)
			}
		}},
	// Affiliation lines under the author line, no blank line between,
	// each marked "(n)" as the authors are; the corresponding author's
	// footnote set in the body; a run-in "Summary:" before any heading.
	{file: "affiliations-in-parens.txt", title: "Cannabidiol for Cannabis Withdrawal: A Narrative Review of Mechanisms and Trials",
		authors: []string{"Laila Haddad", "Oskar Lindqvist", "Mei-Ling Chou"}, year: 2025, references: 3,
		sections:  []string{"Summary", "INTRODUCTION", "CONCLUSIONS", "REFERENCES"},
		citations: 5,
		check: func(t *testing.T, r *Review) {
			if r.Affiliation != "Department of Psychiatry, Harbour University, Lisbon, Portugal" || r.CorrespondingAuthor != "Oskar Lindqvist" {
				t.Errorf("affiliation %q, corresponding author %q", r.Affiliation, r.CorrespondingAuthor)
			}
			for _, p := range r.Passages {
				if strings.Contains(p.Text, "Department") || strings.Contains(p.Text, "Corresponding") || strings.Contains(p.Text, "E-mail") {
					t.Errorf("front matter read as a sentence: %q", p.Text)
				}
			}
		}},
	// Blank lines set off the front matter and the sections but not the
	// paragraphs in them, one to a line; a table's rows set in columns
	// stay one table passage; a heading with no blank line under it.
	{file: "sections-spaced.txt", title: "Alpha-2 Agonists for Opioid Withdrawal: A Short Review",
		authors: []string{"Noor Haddad", "Pieter van Dijk"}, year: 2025, references: 3,
		sections:  []string{"Introduction", "Clinical evidence", "Withdrawal severity", "References"},
		citations: 5,
		check: func(t *testing.T, r *Review) {
			var kinds []string
			for _, p := range r.Passages {
				if p.Kind != "" {
					kinds = append(kinds, fmt.Sprint(p.Kind, " ", p.Line))
				}
			}
			if want := []string{"caption 15", "table 16"}; !slices.Equal(kinds, want) {
				t.Errorf("captions and tables %q, want %q", kinds, want)
			}
			if n := len(r.Passages); n != 9 {
				t.Errorf("%d passages, want 9 (7 sentences, a caption, a table)", n)
			}
		}},
	// A PubMed Central page copied as text, one paragraph to a line and no
	// blank line: the journal's citation line and "Published online ...
	// doi: ..." above the title, affiliation digits after the commas
	// between authors, the page's "Author information ..." line between
	// the authors and their affiliations, a table in tab-set columns with
	// its abbreviations under it.
	{file: "pmc-page-copied.txt", title: "Naltrexone implants for opioid use disorder: a narrative review",
		authors: []string{"Maria Costa", "Jonas Berg", "Lea Novak"}, journal: "Addict Sci Clin Pract", year: 2023, references: 3,
		sections:  []string{"Abstract", "Clinical trials", "Conclusions", "References"},
		citations: 7, // two in the table's rows
		check: func(t *testing.T, r *Review) {
			if r.DOI != "10.1000/asc.2023.41" || r.PMCID != "PMC7000001" || r.Volume != "18" || r.Pages != "41" ||
				r.Affiliation != "Department of Psychiatry, Harbour University, Lisbon, Portugal" {
				t.Errorf("front matter: doi %q pmcid %q vol %q pages %q affiliation %q", r.DOI, r.PMCID, r.Volume, r.Pages, r.Affiliation)
			}
			var kinds []string
			for _, p := range r.Passages {
				if p.Kind != "" {
					kinds = append(kinds, string(p.Kind))
				}
				if strings.Contains(p.Text, "Institute") || strings.Contains(p.Text, "Author information") {
					t.Errorf("front matter read as a sentence: %q", p.Text)
				}
			}
			if !slices.Equal(kinds, []string{"caption", "table"}) {
				t.Errorf("captions and tables %q", kinds)
			}
		}},
}

func wantAuthorYear(t *testing.T, r *Review, text string, refs ...int) {
	t.Helper()
	var got []int
	for _, c := range r.Citations {
		if c.Text == text {
			n, _ := r.MatchAuthorYear(c)
			got = append(got, n)
		}
	}
	if !slices.Equal(got, refs) {
		t.Errorf("citation %q reaches references %v, want %v", text, got, refs)
	}
}

func TestTextLayouts(t *testing.T) {
	for _, fx := range textFixtures {
		t.Run(strings.TrimSuffix(fx.file, ".txt"), func(t *testing.T) {
			path := filepath.Join("testdata", "text", fx.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			r, err := ParseReview(path, data)
			if err != nil {
				t.Fatal(err)
			}
			s := Summarize(r)
			if s.Title != fx.title || !slices.Equal(r.Authors, fx.authors) || r.Journal != fx.journal || r.Year != fx.year {
				t.Errorf("got %q by %q, %q %d; want %q by %q, %q %d", s.Title, r.Authors, r.Journal, r.Year, fx.title, fx.authors, fx.journal, fx.year)
			}
			if s.References != fx.references || !slices.Equal(s.Sections, fx.sections) {
				t.Errorf("%d references, sections %q; want %d, %q", s.References, s.Sections, fx.references, fx.sections)
			}
			if s.Citations != fx.citations || s.Resolved*10 < s.Citations*9 {
				t.Errorf("%d citations, %d resolved; want %d, at least 90%% resolved", s.Citations, s.Resolved, fx.citations)
			}
			if len(s.Warnings) > 0 {
				t.Errorf("warnings %q", s.Warnings)
			}
			for _, p := range r.Passages {
				if normalizeSpace(string(data[p.Start:p.End])) != p.Text {
					t.Errorf("passage %d text does not match its span", p.Index)
				}
			}
			if fx.check != nil {
				fx.check(t, r)
			}
		})
	}
}

// TestTextJATSTwin reads one review in both forms: what a reader of
// either gets must agree, as the graph built from them must.
func TestTextJATSTwin(t *testing.T) {
	read := func(path string) *Review {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		r, err := ParseAny(path, data)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	txt, xml := read("testdata/text/elsevier-like.txt"), read("testdata/jats/elsevier-like.xml")
	st, sx := Summarize(txt), Summarize(xml)
	if st.Title != sx.Title || st.References != sx.References || !slices.Equal(st.Sections, sx.Sections) || st.Passages != sx.Passages {
		t.Errorf("text %+v\nJATS %+v", st, sx)
	}
	for _, r := range []*Review{txt, xml} {
		if r.Year != 2022 || r.Published != "2022-09-06" || r.Submitted != "2022-05-03" || !slices.Equal(r.Authors, []string{"Marta Gonzalez", "Thomas Berg", "Ana Li"}) {
			t.Errorf("%s: %d %s %s %q", r.Source, r.Year, r.Published, r.Submitted, r.Authors)
		}
	}
	// Each sentence cites the same works in both: by first-author surname
	// and year, since the text's references carry no ids.
	cited := func(r *Review) map[string][]string {
		out := map[string][]string{}
		for _, c := range r.Citations {
			nums := c.Numbers
			if n, ok := r.MatchAuthorYear(c); ok {
				nums = append(nums, n)
			}
			for _, n := range nums {
				ref := r.References[n-1]
				ps := r.Passages[c.Passage]
				key := strings.TrimPrefix(ps.Text, ps.Label+": ") // a run-in label is a subsection in JATS
				out[key] = append(out[key], referenceSurname(ref.Authors[0])+" "+ref.YearSuffixed())
			}
		}
		for k := range out {
			slices.Sort(out[k])
			out[k] = slices.Compact(out[k])
		}
		return out
	}
	ct, cx := cited(txt), cited(xml)
	for k, v := range cx {
		if !slices.Equal(ct[k], v) {
			t.Errorf("%q cites %v in the text, %v in JATS", k, ct[k], v)
		}
	}
}

// What the text reader cannot recognise is a warning, not a refusal: an
// entry of an unnumbered list in no known layout, an unreadable history
// date, and a review with no year at all (issue 22, item 4).
func TestTextWarnings(t *testing.T) {
	data, err := os.ReadFile(seedReview)
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(data), "Ryan Ward (2025) Ketamine", "Ryan Ward. Ketamine", 1)
	src = strings.Replace(src, "Published: 15.04.2025", "", 1)
	// Without a publication date the history dates the review.
	r, err := ParseReview("ward-2025-ketamine.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if r.Year != 2025 || len(r.Warnings) != 0 {
		t.Errorf("dated by its acceptance: year %d, warnings %v; want 2025 and none", r.Year, r.Warnings)
	}
	src = strings.Replace(src, "Submitted: 04.04.2025", "", 1)
	src = strings.Replace(src, "Accepted: 08.04.2025", "", 1)
	r, err = ParseReview("ward-2025-ketamine.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if r.Year != 0 || len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0].Msg, "no year") {
		t.Errorf("year %d, warnings %v; want year 0 and one warning", r.Year, r.Warnings)
	}
	layout, err := os.ReadFile("testdata/text/harvard-unnumbered.txt")
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(layout), "Koob GF, Volkow ND (2016) Neurobiology", "Koob GF, Volkow ND: Neurobiology", 1)
	bad = strings.Replace(bad, "Accepted: 9 January 2020", "Accepted: soon", 1)
	r, err = ParseReview("harvard.txt", []byte(bad))
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, w := range r.Warnings {
		msgs = append(msgs, w.String())
	}
	joined := strings.Join(msgs, "\n")
	if len(r.References) != 6 || !strings.Contains(joined, "line 46: reference 5") || !strings.Contains(joined, `Accepted date "soon"`) {
		t.Errorf("%d references, warnings:\n%s", len(r.References), joined)
	}
}

// Front matter as some Elsevier-like texts set it on single lines: the
// article history after its label, affiliations one block each; and a
// report in a reference list, whose publisher stands for the journal.
func TestInlineHistoryAffiliationsAndBooks(t *testing.T) {
	src := "Journal of Substance Use and Addiction Treatment 171 (2025) 209642\n\nReview article\n\n" +
		"Topiramate for Drinking\n\nMarcus T. Lindqvist a,*, Priya Raman b\n\n" +
		"a Department of Addiction Medicine, Westbrook University Hospital, Minneapolis, MN, USA\n\n" +
		"b Center for Alcohol Research, Eastfield University, Chicago, IL, USA\n\n" +
		"Article history: Received 3 February 2025; Received in revised form 14 April 2025; Accepted 2 May 2025\n\n" +
		"Keywords: Alcohol use disorder; Topiramate\n\nAbstract\n\nTopiramate reduced drinking [1]. The WHO agrees [2].\n\n" +
		"References\n\n[1] Johnson BA, Ait-Daoud N (2003) Oral topiramate for alcohol dependence. Lancet 361: 1677-1685.\n" +
		"[2] World Health Organization (2009) Guidelines for the treatment of opioid dependence. Geneva: World Health Organization.\n"
	r, err := ParseReview("topiramate.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	s := Summarize(r)
	if !slices.Equal(s.Sections, []string{"Abstract", "References"}) || len(s.Warnings) != 0 {
		t.Errorf("sections %q, warnings %q", s.Sections, s.Warnings)
	}
	if r.Submitted != "2025-02-03" || r.Revised != "2025-04-14" || r.Accepted != "2025-05-02" || r.CorrespondingAuthor != "Marcus T. Lindqvist" {
		t.Errorf("history %s %s %s, corresponding %q", r.Submitted, r.Revised, r.Accepted, r.CorrespondingAuthor)
	}
	if ref := r.References[1]; ref.Title != "Guidelines for the treatment of opioid dependence" || ref.Journal != "World Health Organization" || ref.Year != 2009 {
		t.Errorf("a report: %+v", ref)
	}
}

// An organisation as author: "(World Health Organization 2019)" reaches
// its entry; two capitalised words and a year with no entry are not a
// citation ("(Since March 2020)").
func TestCorporateAuthorCitations(t *testing.T) {
	data, err := os.ReadFile("testdata/text/harvard-unnumbered.txt")
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(data), "relapse after treatment is frequent (Koob and Volkow 2016).",
		"relapse after treatment is frequent (Koob and Volkow 2016; World Health Organization 2019). Trials paused (Since March 2020).", 1)
	src = strings.Replace(src, "Nutt D, Erritzoe D,", "World Health Organization (2019) Global status report on alcohol and health. World Health Organization, Geneva\nNutt D, Erritzoe D,", 1)
	r, err := ParseReview("harvard.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	wantAuthorYear(t, r, "World Health Organization 2019", 6)
	for _, c := range r.Citations {
		if strings.Contains(c.Text, "Since") {
			t.Errorf("%q read as a citation", c.Text)
		}
	}
}

// Superscript citations that lost their formatting in a copy ("common.1",
// "target,2,3 and") are read when the review has no bracketed or
// parenthesised citation; names with digits ("CB1", "5-HT2A") and
// decimals are not citations.
func TestFlattenedSuperscriptCitations(t *testing.T) {
	data, err := os.ReadFile("testdata/text/one-paragraph-per-line.txt")
	if err != nil {
		t.Fatal(err)
	}
	src := string(data)
	for old, new := range map[string]string{
		"is common (1).":                    "is common.1",
		"has been its usual target (2, 3).": "has been its usual target,2,3 as with CB1 and 5-HT2A ligands at 0.12 mg.",
		"in 60 inpatients (4).":             "in 60 inpatients.4",
		"only four weeks (4-5).":            "only four weeks.4-5",
		"before it can be recommended (5).": "before it can be recommended.5",
	} {
		if !strings.Contains(src, old) {
			t.Fatalf("fixture lacks %q", old)
		}
		src = strings.Replace(src, old, new, 1)
	}
	r, err := ParseReview("superscripts.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range r.Citations {
		got = append(got, fmt.Sprint(c.Text, c.Numbers))
	}
	if want := []string{"1[1]", "2,3[2 3]", "4[4]", "4-5[4 5]", "5[5]"}; !slices.Equal(got, want) {
		t.Errorf("citations %q, want %q", got, want)
	}
	for _, p := range r.Passages {
		if len(p.Text) > 0 && p.Text[0] >= '0' && p.Text[0] <= '9' {
			t.Errorf("a sentence opens with the citation of the one before: %q", p.Text)
		}
	}
}

// Some journals set a Vancouver list with no stop after the number ("3
// Smith J, ..."). Such a list is numbered when its first line is "1 ", and
// a wrapped line that happens to open with a number and a capital ("27
// Suppl 1: ...") continues its entry unless it is the next number.
func TestBareNumberedReferences(t *testing.T) {
	data, err := os.ReadFile("testdata/text/one-paragraph-per-line.txt")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	for i, l := range lines {
		for n := 1; n <= 5; n++ {
			if p := fmt.Sprintf("%d. ", n); strings.HasPrefix(l, p) && i > 13 {
				lines[i] = fmt.Sprintf("%d ", n) + l[len(p):]
			}
		}
		if strings.HasPrefix(l, "2. ") && i > 13 {
			lines[i] += "\n27 Suppl 1:33-9."
		}
	}
	r, err := ParseReview("bare.txt", []byte(strings.Join(lines, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.References) != 5 {
		t.Fatalf("%d references, want 5", len(r.References))
	}
	for i, want := range []string{"Paulus", "Ekhtiari", "De Ridder", "Su", "Liang"} {
		if got := r.References[i]; len(got.Authors) == 0 || !strings.HasPrefix(got.Authors[0], want) {
			t.Errorf("reference %d: authors %q, want %s first", i+1, got.Authors, want)
		}
	}
	if !strings.Contains(r.References[1].Raw, "27 Suppl 1") {
		t.Errorf("the wrapped line left entry 2: %q", r.References[1].Raw)
	}
	if len(r.Citations) == 0 {
		t.Error("no citation resolved against the bare-numbered list")
	}
}

// TestHeaderAboveTitle: a journal's citation line and a whole article
// history on one line, both above the title, are the header, not the
// title.
func TestHeaderAboveTitle(t *testing.T) {
	data, err := os.ReadFile("testdata/text/one-paragraph-per-line.txt")
	if err != nil {
		t.Fatal(err)
	}
	src := "Journal of Addiction Pharmacotherapy 2024; 14(3): 211-229 | Review Article\n" +
		"Received 12 March 2024; Received in revised form 2 June 2024; Accepted 28 July 2024\n" + string(data)
	src = strings.Replace(src, "Received 3 March 2024; accepted 9 July 2024\n", "", 1)
	r, err := ParseReview("header.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(r.Title, "Theta-Burst Stimulation") || r.Journal != "Journal of Addiction Pharmacotherapy" ||
		r.Volume != "14" || r.Issue != "3" || r.Pages != "211-229" || r.Year != 2024 {
		t.Errorf("title %q, journal %q %s(%s) %s %d", r.Title, r.Journal, r.Volume, r.Issue, r.Pages, r.Year)
	}
	if r.Submitted != "2024-03-12" || r.Revised != "2024-06-02" || r.Accepted != "2024-07-28" {
		t.Errorf("history %s %s %s", r.Submitted, r.Revised, r.Accepted)
	}
}
