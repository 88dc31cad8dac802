package loader

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v3"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/loader/build"
	"github.com/kapgraph/kapgraph/loader/review"
)

// Study designs measured against gold annotations written by helpers who
// never read the rules (loader/extract/testdata/eval/README.md): the
// development set, whose misses may inform general rules, and the frozen
// test set, which is only scored. For the test set this prints aggregate
// figures alone, never a reference, so that no rule is written against it.
//
// designFloors are the levels reached (docs/study-designs.md): a guard
// against regression, not a target. The dev set grew from four reviews to
// eight (four written blind to the rules, 149 references in all), and the
// floors became its figures, rounded down: classified 0.92, agreement
// 0.84 (on the four reviews before: 0.93 and 0.93). Most new disagreements are a narrower
// design than gold's ("double-blind placebo-controlled trial" for gold's
// "randomized controlled trial") or a title that names a topic.
var designFloors = map[string]struct {
	classified, agreement float64
	noBasis               int // references the build leaves without a design's basis
}{
	// Sixteen reviews: classified 0.90, agreement 0.79 once bare-numbered
	// lists ("1 Smith J") are read; 0.86 and 0.74 before. Twenty (devset5,
	// 93 more references, no design rule changed): classified 0.88,
	// agreement 0.74. General cues added on dev misses (blinding makes the
	// double-blind design, imaging measures and journals, organisations'
	// reports, practice guidance, prospective, pharmacovigilance, topic
	// openers, review journals, placebo as a comparator, pharmacological
	// profiles, EEG, the sentence after one whose subject is the cited
	// authors): classified 0.94, agreement 0.83 (398 and 354 of 425).
	// Twenty-three (three more blind reviews, 46 more references, no
	// design rule changed): classified 0.93, agreement 0.81.
	// Wrapped reference lists read whole and gold keys matched by slugged
	// surname (0 references unread, was 4), then cues for controlled
	// studies, human laboratory studies, a trial named as one study,
	// populations described ("among US adults"), burden of, Cochrane
	// reviews, and pilots the review calls randomised: classified 0.95,
	// agreement 0.87 (369 of 425; was 354).
	// Both on twenty-three reviews (471 references): classified 0.94,
	// agreement 0.85. Twenty-six (blind 12-07c: 71 more references, no
	// design rule changed): classified 0.94, agreement 0.82 (542
	// references); the new disagreements are mostly topic titles the
	// review says nothing about, whose design the annotator knew. Floors
	// rounded down to the second decimal below the figures.
	// Twenty-nine (blind 12-07d: 48 more references, no design rule
	// changed): classified 0.91, agreement 0.80, and 17 references
	// without a basis: the text reader reads one entry of the list
	// "(1) Author ..." of dev-d3-gabab-stimulants (issue 19), so its
	// studies are not made.
	// With reader5 ("(1) Author" lists read): classified 0.94, agreement
	// 0.82, every reference with a basis (590 references).
	// Thirty-two (blind 12-07e: 74 more references): classified 0.93,
	// agreement 0.81. Cues written on its dev misses (lab species and
	// paradigms, binding affinities, qualitative and population studies,
	// "follow up" unhyphenated, "predictive of", "Advances in",
	// "Assessment and treatment of"): classified 0.949, agreement 0.825
	// (664 references). Scored once after: test unchanged, test2
	// unchanged, test3 classified 0.92 -> 0.93, agreement 0.72 -> 0.74.
	// Thirty-five (blind 12-07f: 67 more references, no rule changed):
	// 731 references, classified 0.94, agreement 0.81.
	"dev":  {0.935, 0.805, 0},
	"test": {0.95, 0.85, 0},
	// test2 (frozen at 72a06e7), first scored after the rules of that day
	// had merged, none of them about designs: 64 references, classified
	// 0.83, agreement 0.72, and 3 references matched to no study the build
	// made, so without a basis (issue 18's target, 9 in 10 classified each
	// with its basis, is missed there; no rule was changed for it).
	// After designs2's cues (written on dev only; scored once after the
	// merge): classified 0.86, agreement 0.73; test 0.96 and 0.90 -> 0.88.
	// After refs1 (wrapped reference lists, the scorer's slugged keys,
	// design cues written on dev; scored once after the merge): test
	// classified 0.96, agreement 0.88 -> 0.85; test2 0.86 and 0.73 -> 0.77,
	// still 3 references without a basis; test3 0.90 -> 0.92 and
	// 0.70 -> 0.72. No rule was changed for a test figure.
	"test2": {0.85, 0.76, 3},
	// test3 (frozen at d3cdcc7, written blind in three more layouts), first
	// scored with the rules of main at 82b3d11: 61 references, classified
	// 0.90, agreement 0.70, every reference with a basis.
	"test3": {0.93, 0.735, 0},
}

type goldReferences struct {
	References []struct {
		Key    string `yaml:"key"`
		Design string `yaml:"design"`
	} `yaml:"references"`
}

// designScore is one set's figures.
type designScore struct {
	refs, classified, agree, withBasis, unread, unreadReviews int
}

func (s designScore) share(n int) float64 {
	if s.refs == 0 {
		return 0
	}
	return float64(n) / float64(s.refs)
}

// scoreDesigns classifies every gold reference of the set's reviews by
// building each review (no lexicon, no curation) and reading the design
// the build gives the reference. A review the reader refuses leaves its
// references unclassified. detail receives one line per disagreement
// (nil for the test set).
func scoreDesigns(t *testing.T, dir string, detail func(string)) designScore {
	t.Helper()
	golds, err := filepath.Glob(filepath.Join(dir, "*.gold.yaml"))
	if err != nil || len(golds) == 0 {
		t.Fatalf("no gold files in %s (%v)", dir, err)
	}
	var sc designScore
	for _, gp := range golds {
		data, err := os.ReadFile(gp)
		if err != nil {
			t.Fatal(err)
		}
		var g goldReferences
		if err := yaml.Unmarshal(data, &g); err != nil {
			t.Fatalf("%s: %v", filepath.Base(gp), err)
		}
		byKey := map[string]build.StudySummary{}
		text, err := os.ReadFile(strings.TrimSuffix(gp, ".gold.yaml") + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		read := false
		if rev, err := review.ParseReview(filepath.Base(gp), text); err == nil {
			if _, rep, err := build.Build(rev, nil, nil); err == nil {
				read = true
				for i, st := range rep.Studies {
					ref := rev.References[i]
					byKey[strconv.Itoa(st.Number)] = st
					if len(ref.Authors) > 0 && ref.Year > 0 {
						byKey[fmt.Sprintf("%s %s", strings.ToLower(review.Surname(ref.Authors[0])), ref.YearSuffixed())] = st
					}
				}
			}
		}
		if !read {
			sc.unreadReviews++
		}
		for _, r := range g.References {
			sc.refs++
			key := r.Key
			if _, err := strconv.Atoi(key); err != nil {
				// The key as the build's is made: the first author's
				// surname slugged ("Fábregas" -> "fabregas"), and the year.
				f := strings.Fields(key)
				if len(f) >= 2 {
					key = review.Surname(strings.Join(f[:len(f)-1], " ")) + " " + strings.ToLower(f[len(f)-1])
				}
			}
			st, ok := byKey[key]
			if !ok {
				sc.unread++
				// The rules alone, on the raw entry and the sentences that
				// cite it, where the reader refused the review's layout.
				entry, citing := rawReference(string(text), r.Key)
				if entry == "" {
					continue
				}
				d, _, basis := build.ClassifyStudy(review.Reference{Title: entry}, citing)
				st = build.StudySummary{Design: d, Basis: basis}
			}
			if st.Design != graph.DesignUnclassified {
				sc.classified++
			}
			if st.Basis != "" {
				sc.withBasis++
			}
			if st.Design == r.Design {
				sc.agree++
			} else if detail != nil {
				detail(fmt.Sprintf("%s [%s]: %s, gold %s (%s)", filepath.Base(gp), r.Key, st.Design, r.Design, st.Basis))
			}
		}
	}
	return sc
}

func TestStudyDesignsOnHeldOutReviews(t *testing.T) {
	for _, set := range []string{"dev", "test", "test2", "test3"} {
		t.Run(set, func(t *testing.T) {
			var detail func(string)
			if set == "dev" {
				detail = func(s string) { t.Log(s) }
			}
			sc := scoreDesigns(t, filepath.Join("extract", "testdata", "eval", set), detail)
			cl, ag := sc.share(sc.classified), sc.share(sc.agree)
			t.Logf("%s: %d references, classified %.2f, agreeing with gold %.2f, with a basis %.2f; %d references in %d reviews whose layout the reader refuses, classified from their raw entries",
				set, sc.refs, cl, ag, sc.share(sc.withBasis), sc.unread, sc.unreadReviews)
			floor := designFloors[set]
			if cl < floor.classified || ag < floor.agreement {
				t.Errorf("%s: classified %.2f (floor %.2f), agreement %.2f (floor %.2f): a figure dropped below the level reached", set, cl, floor.classified, ag, floor.agreement)
			}
			if sc.refs-sc.withBasis > floor.noBasis {
				t.Errorf("%s: %d of %d references have no basis (at most %d)", set, sc.refs-sc.withBasis, sc.refs, floor.noBasis)
			}
		})
	}
}

// rawReference finds, in a review the reader refuses, the reference-list
// entry of key ("3", or "Surname Year") and the body sentences citing it
// ("[3]", "[2, 3]", "Surname ... Year"), with no more layout knowledge
// than that: enough to score the design rules on their own.
func rawReference(text, key string) (string, []string) {
	lines := strings.Split(text, "\n")
	at := -1
	for i, l := range lines {
		if strings.EqualFold(strings.TrimSpace(l), "references") {
			at = i
		}
	}
	if at < 0 {
		return "", nil
	}
	body := strings.Join(lines[:at], "\n")
	var entry string
	n, numbered := strconv.Atoi(key)
	f := strings.Fields(key)
	for _, l := range lines[at+1:] {
		l = strings.TrimSpace(l)
		if numbered == nil {
			if strings.HasPrefix(l, "["+key+"]") || strings.HasPrefix(l, key+".") || strings.HasPrefix(l, key+")") {
				entry = l
				break
			}
		} else if len(f) >= 2 && strings.HasPrefix(l, f[0]) && strings.Contains(l, f[len(f)-1]) {
			entry = l
			break
		}
	}
	var citing []string
	for _, s := range strings.SplitAfter(body, ". ") {
		switch {
		case numbered == nil:
			for _, m := range bracketRe.FindAllString(s, -1) {
				for _, x := range strings.FieldsFunc(strings.Trim(m, "[]"), func(r rune) bool { return r == ',' || r == ' ' }) {
					if x == strconv.Itoa(n) {
						citing = append(citing, s)
					}
				}
			}
		case len(f) >= 2 && strings.Contains(s, f[0]) && strings.Contains(s, f[len(f)-1]):
			citing = append(citing, s)
		}
	}
	return entry, citing
}

var bracketRe = regexp.MustCompile(`\[[\d,\s]+\]`)

// Each cited study is linked (ABOUT) to the drugs, disorders and
// populations of the lexicon its title names, the same reading the
// drug-mismatch concern uses: the seed's reference 4 is about LSD.
func TestStudiesLinkToWhatTheirTitleIsAbout(t *testing.T) {
	seed := loadSeeds(t)
	about := map[string][]string{}
	cat := map[string]graph.Category{}
	for _, n := range seed.Document.Nodes {
		cat[n.ID] = n.Category
	}
	for _, e := range seed.Document.Edges {
		if e.Predicate != graph.About {
			continue
		}
		if cat[e.Subject] != graph.CategoryStudy {
			t.Errorf("ABOUT edge %s starts at %s, a %s", e.ID, e.Subject, cat[e.Subject])
		}
		if c := cat[e.Object]; c != graph.CategoryDrug && c != graph.CategoryDisorder && c != graph.CategoryPopulation {
			t.Errorf("ABOUT edge %s ends at %s, a %q", e.ID, e.Object, c)
		}
		about[e.Subject] = append(about[e.Subject], e.Object)
	}
	var ref4 string
	for _, n := range seed.Document.Nodes {
		if n.Category == graph.CategoryStudy && n.RefNumber == 4 {
			ref4 = n.ID
		}
	}
	if !slices.Contains(about[ref4], "CHEBI:6605") {
		t.Errorf("reference 4 (%s) is about %v, want LSD (CHEBI:6605) among them", ref4, about[ref4])
	}
	// The mismatch concern and the link agree: every drug-mismatch
	// concern names a study that is ABOUT some drug.
	for _, c := range seed.Report.Concerns {
		if c.Kind == graph.ConcernDrugMismatch && len(about[c.Study]) == 0 {
			t.Errorf("concern %s says %s is about another drug, but it is ABOUT nothing", c.ID, c.Study)
		}
	}
}
