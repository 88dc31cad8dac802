package review

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/graph/storetest/golden"
)

// wrappedFixtures are reviews whose reference lists are broken across
// lines as publishers and PDF-to-text conversion leave them (testdata/
// text/wrapped): each entry must come out whole, as the design rules and
// author-year citations read the entry, not a fragment of it. keys are
// the first author's surname and the year of every entry, in order.
var wrappedFixtures = []struct {
	file      string
	keys      []string
	citations int
}{
	// APA, alphabetical, no indent: "&" and "(2014a)." open continuation
	// lines, a DOI and a journal stand on lines of their own, "..."
	// elides authors, an organisation is the author of the last entry.
	{"apa.txt", []string{"Baker 2003", "Bartz 2011", "Cox 2013", "Hansson 2018", "Kalivas 2009", "McClure 2014a",
		"McClure 2014b", "van den Brink 2013", "World Health Organization 2019"}, 11},
	// Harvard: the year after the authors without brackets, "et al.," on
	// a continuation line, 2019a/2019b, an organisation before its year.
	{"harvard.txt", []string{"Bogenschutz 2015", "Bogenschutz 2022", "Carhart-Harris 2017", "Das 2019a", "Das 2019b",
		"Grabski 2022", "Krupitsky 1997", "National Institute on Alcohol Abuse and Alcoholism 2020", "Zarate 2006"}, 10},
	// Vancouver without numbers: "Jr" after the initials, a journal and
	// year alone on a line ("BMJ. 2017;..."), an organisation's report
	// with place and publisher, a wrapped title that opens with
	// capitalised words after a line ending in a year.
	{"vancouver-unnumbered.txt", []string{"Krupitsky 2011", "Lee 2018", "Mattick 2014", "Santo 2021", "Sordo 2017",
		"Substance Abuse and Mental Health Services Administration 2021", "Volkow 2021"}, 8},
	// Numbered "1." with a hanging indent, "[1]" flush left, "1)" with a
	// deep indent, "(1)" flush left: the same twelve entries, a DOI or URL on a line of its
	// own, "et" / "al." split across lines, an organisation as author.
	{"numbered-dot.txt", numberedKeys, 8},
	{"numbered-bracket.txt", numberedKeys, 8},
	{"numbered-paren.txt", numberedKeys, 8},
	// "(1)" as Wiley sets it, cited "(1, 2)" in the text beside a sample
	// size, a p value and a two-item enumeration that cite nothing.
	{"numbered-parens.txt", numberedKeys, 8},
}

var numberedKeys = []string{"Han 2021", "United Nations Office on Drugs and Crime 2023", "Colfax 2011", "Coffin 2020", "Anderson 2012",
	"Su 2017", "Liang 2018", "Lin 2019", "Siefried 2020", "Volkow 2001", "Sekine 2001", "McCann 1998"}

func TestWrappedReferenceLists(t *testing.T) {
	for _, fx := range wrappedFixtures {
		t.Run(strings.TrimSuffix(fx.file, ".txt"), func(t *testing.T) {
			path := filepath.Join("testdata", "text", "wrapped", fx.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			r, err := ParseReview(path, data)
			if err != nil {
				t.Fatal(err)
			}
			var keys []string
			var listing strings.Builder
			for _, ref := range r.References {
				key := ""
				if len(ref.Authors) > 0 {
					key = referenceSurname(ref.Authors[0])
				}
				keys = append(keys, key+" "+ref.YearSuffixed())
				fmt.Fprintf(&listing, "%d line %d: %s | %s | %s | %s %s %s | doi %s\n", ref.Number, ref.Line, strings.Join(ref.Authors, "; "),
					ref.Title, ref.Journal, ref.Volume, ref.Issue, ref.Pages, ref.DOI)
			}
			if !slices.Equal(keys, fx.keys) {
				t.Errorf("%d references %q\nwant %d %q", len(keys), keys, len(fx.keys), fx.keys)
			}
			s := Summarize(r)
			if s.Citations != fx.citations || s.Resolved*10 < s.Citations*9 {
				t.Errorf("%d citations, %d resolved; want %d, at least 90%% resolved", s.Citations, s.Resolved, fx.citations)
			}
			if len(s.Warnings) > 0 {
				t.Errorf("warnings %q", s.Warnings)
			}
			for _, ref := range r.References {
				if ref.Title == "" || ref.Journal == "" || ref.Year == 0 {
					t.Errorf("reference %d (line %d) read in part: %+v", ref.Number, ref.Line, ref)
				}
			}
			golden.File(t, strings.TrimSuffix(path, ".txt")+".golden", []byte(listing.String()))
		})
	}
}

// TestOpensEntry: which line of an unnumbered list opens an entry, given
// the line before it.
func TestOpensEntry(t *testing.T) {
	tests := []struct {
		prev, line string
		want       bool
	}{
		{"Nature Neuroscience, 6(7), 743–749.", "Bartz, J. A., Zaki, J. (2011). Social effects", true},
		{"J Psychopharmacol 29:289–299", "Soyka M (2016) Nalmefene for the treatment", true},
		{"2014;(2):CD002207.", "Santo T Jr, Clark B, Hickman M, et al.", true},
		{"Lancet. 2011;377:1506-13.", "dos Santos RG, Bouso JC (2017) Ayahuasca", true},
		{"Lancet. 2011;377:1506-13.", "Kampman KM. The treatment of cocaine use disorder.", true},
		{"review and meta-analysis of cohort studies.", "World Health Organization. Global status report.", true},
		{"165–183.", "National Institute on Alcohol Abuse and Alcoholism, 2020. Alcohol facts", true},
		{"https://doi.org/10.1038/nn1069", "Bartz, J. A. (2011). Social effects", true},
		// an entry that ends with no stop, then a full author list
		{"Brown, C. (2020). Ketamine in practice. Addiction", "Smith, J. A., Jones, B. (2021). Title", true},
		{"Ketamine in practice. Addiction in press", "Smith JA, Jones B, Brown C. Title. Lancet. 2019;1:2.", true},
		// continuations
		{"Tang, X. C., Toda, S.,", "& Kalivas, P. W. (2003). Neuroadaptations", false},
		{"Gray, K. M.", "(2014a). Potential role of N-acetylcysteine", false},
		{"underlie cocaine relapse. Nature Neuroscience, 6(7), 743–749.", "https://doi.org/10.1038/nn1069", false},
		{"Social effects of oxytocin in humans: Context and person matter.", "Trends in Cognitive Sciences, 15(7), 301–309.", false},
		{"review and meta-analysis of cohort studies.", "BMJ. 2017;357:j1550.", false},
		{"of opioid dependence.", "Drug Alcohol Depend. 2020;216:108307.", false},
		{"Shen H, Tang XC, Toda S,", "Kalivas PW. Neuroadaptations", false},
		{"indicators in the United States: results from the 2020", "National Survey on Drug Use and Health. Rockville", false},
		{"The glutamate homeostasis hypothesis of", "Addiction. Nature Reviews Neuroscience, 10, 561.", false},
		{"Ketamine for depression.", "randomized controlled 6-month studies.", false},
		{"Baker, D. A., McFarland, K., Lake, R. W.,", "Shen, H., Tang, X. C. (2003). Neuroadaptations", false},
		{"Baker DA, McFarland K, Lake RW, Shen H, Tang XC, Toda S, and", "Kalivas PW, Smith J. Neuroadaptations", false},
		{"Effects of ketamine in", "Smith JA, Jones B patients", false},
		{"alcohol-dependent rats and humans. Neuropsychopharmacology, 43(6),", "1235–1246.", false},
	}
	for _, tc := range tests {
		if got := opensEntry(tc.line, tc.prev); got != tc.want {
			t.Errorf("opensEntry(%q after %q) = %v, want %v", tc.line, tc.prev, got, tc.want)
		}
	}
}

// TestWrappedListWarnings: an entry the reader cannot make out is kept
// with a warning that names its line, never a refusal, and the entries
// around it keep their keys.
func TestWrappedListWarnings(t *testing.T) {
	path := filepath.Join("testdata", "text", "wrapped", "apa.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(data), "Kalivas, P. W. (2009). The glutamate homeostasis hypothesis of addiction.",
		"Kalivas, P. W. The glutamate homeostasis hypothesis of addiction, in press.", 1)
	if src == string(data) {
		t.Fatal("fixture changed: no Kalivas 2009 entry")
	}
	r, err := ParseReview("apa-broken.txt", []byte(src))
	if err != nil {
		t.Fatalf("refused: %v", err)
	}
	var msgs []string
	for _, w := range r.Warnings {
		msgs = append(msgs, w.String())
	}
	if len(r.References) != 9 || len(msgs) != 1 || !strings.HasPrefix(msgs[0], "line 37: reference 5 ") {
		t.Errorf("%d references, warnings %q; want 9 and one for line 37", len(r.References), msgs)
	}
	if got := r.References[5]; referenceSurname(got.Authors[0]) != "McClure" || got.YearSuffixed() != "2014a" {
		t.Errorf("the entry after the broken one: %+v", got)
	}
}

// TestEntryAbbreviations: a title runs to its first stop, but not to the
// stops of "U.S." or "U.K." inside it.
func TestEntryAbbreviations(t *testing.T) {
	tests := []struct{ entry, title, journal string }{
		{"Norman SB, Haller M. The burden of co-occurring alcohol use disorder and PTSD in U.S. military veterans. Addiction 2018;113:1235-47.",
			"The burden of co-occurring alcohol use disorder and PTSD in U.S. military veterans", "Addiction"},
		{"Smith, J. A., & Jones, B. (2019). Alcohol policy in the U.K. after minimum unit pricing. Addiction, 114(9), 1500–1510.",
			"Alcohol policy in the U.K. after minimum unit pricing", "Addiction"},
		{"Baker DA (2003) Drinking in the U.S.A. and Canada. Lancet 361: 1-2.", "Drinking in the U.S.A. and Canada", "Lancet"},
	}
	for _, tc := range tests {
		r, problem := parseAnyEntry(1, tc.entry)
		if problem != "" || r.Title != tc.title || r.Journal != tc.journal || !strings.Contains(r.Raw, "U.") {
			t.Errorf("%q: title %q, journal %q, raw %q (%s); want %q, %q", tc.entry, r.Title, r.Journal, r.Raw, problem, tc.title, tc.journal)
		}
	}
}

// TestNumberedContinuationWithNumber: in a numbered list, a wrapped line
// that opens with a number and a stop but goes on with no author ("58.
// 7-12.") continues its entry; one that goes on like an entry is still a
// numbering error, naming its line.
func TestNumberedContinuationWithNumber(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "text", "wrapped", "numbered-dot.txt"))
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(data), "   2019;58:7-12.", "   2019;\n   58. 7-12.", 1)
	if src == string(data) {
		t.Fatal("fixture changed: no 2019;58:7-12.")
	}
	r, err := ParseReview("numbered.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.References) != 12 || !strings.Contains(r.References[7].Raw, "2019; 58. 7-12.") || len(r.Warnings) != 0 {
		t.Errorf("%d references, entry 8 %q, warnings %v", len(r.References), r.References[7].Raw, r.Warnings)
	}
	bad := strings.Replace(string(data), "   2019;58:7-12.", "   2019;58:7-12.\n58. Smith JA, Jones B. A title. Lancet. 2019;1:2-3.", 1)
	_, err = ParseReview("numbered.txt", []byte(bad))
	assertSourceError(t, err, 46, "numbering skips from 8 to 58")
}

// TestNumberAloneOnItsLine: "[12]" on a line of its own and the entry on
// the lines below, as some web pages copy a numbered list.
func TestNumberAloneOnItsLine(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "text", "wrapped", "numbered-bracket.txt"))
	if err != nil {
		t.Fatal(err)
	}
	src := regexp.MustCompile(`(?m)^(\[\d+\]) `).ReplaceAllString(string(data), "$1\n")
	if src == string(data) {
		t.Fatal("fixture changed: no [n] entries")
	}
	r, err := ParseReview("alone.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, ref := range r.References {
		keys = append(keys, referenceSurname(ref.Authors[0])+" "+ref.YearSuffixed())
	}
	if !slices.Equal(keys, numberedKeys) || len(r.Warnings) != 0 || r.References[2].Title != "Mirtazapine to reduce methamphetamine use: a randomized controlled trial" {
		t.Errorf("references %q, warnings %v; want %q", keys, r.Warnings, numberedKeys)
	}
}
