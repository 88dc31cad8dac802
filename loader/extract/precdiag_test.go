package extract_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/loader/extract"
)

// TestDevWrongPairClasses sorts the development set's extracted claim pairs
// that match no gold pair into classes, to choose which precision rule to
// write next. It reads the dev set only (never the test set); with -v it
// prints the table, and with KAPGRAPH_EVAL_DIAG=1 too it lists each wrong
// pair under its class. It asserts that every wrong pair gets exactly one
// class, so that the table adds up to the wrong pairs.
func TestDevWrongPairClasses(t *testing.T) {
	counts := map[string]int{}
	examples := map[string][]string{}
	wrong := 0
	for _, r := range readEvalSet(t, "testdata/eval/dev") {
		res := extract.ExtractOpen(nil, r.sents)
		m := extract.ScoreGoldSet(r.gold, res)
		wrong += len(m.WrongPairs)
		for _, wp := range m.WrongPairs {
			class := classifyWrong(r, wp)
			counts[class]++
			examples[class] = append(examples[class], fmt.Sprintf("%s: %s\n        %s", strings.TrimSuffix(r.name, ".txt"), wp, fullSentence(r, wp)))
		}
	}
	total := 0
	var classes []string
	for c, n := range counts {
		classes = append(classes, c)
		total += n
	}
	sort.Slice(classes, func(i, j int) bool { return counts[classes[i]] > counts[classes[j]] })
	for _, c := range classes {
		t.Logf("%4d  %s", counts[c], c)
	}
	for _, c := range classes {
		if os.Getenv("KAPGRAPH_EVAL_DIAG") == "" {
			break
		}
		t.Logf("== %s", c)
		for _, e := range examples[c] {
			t.Logf("   %s", e)
		}
	}
	if total != wrong {
		t.Errorf("classes add up to %d of %d wrong pairs", total, wrong)
	}
}

// classifyWrong names why one wrong pair ("s -> o ("text")") matched no
// gold pair: an end that names no gold entity, a population end, ends
// that are both gold entities but never paired, or paired the other way.
func classifyWrong(r evalReview, wp string) string {
	head, _, _ := strings.Cut(wp, " (\"")
	s, o, _ := strings.Cut(head, " -> ")
	names := func(surface string) []string {
		var ns []string
		for _, e := range r.gold.Entities {
			for _, g := range append([]string{e.Name}, e.Surfaces...) {
				if fold(g) == fold(surface) {
					ns = append(ns, e.Name)
					break
				}
			}
		}
		return ns
	}
	cat := func(ns []string) string {
		for _, e := range r.gold.Entities {
			for _, n := range ns {
				if e.Name == n {
					return e.Category
				}
			}
		}
		return ""
	}
	sn, on := names(s), names(o)
	switch {
	case len(sn) == 0 && len(on) == 0:
		return "neither end a gold entity"
	case len(sn) == 0:
		return "subject not a gold entity"
	case len(on) == 0:
		return "object not a gold entity"
	case cat(sn) == "Population" || cat(on) == "Population":
		return "a population end"
	}
	for _, c := range r.gold.Claims {
		for _, a := range sn {
			for _, b := range on {
				if c.Subject == b && c.Object == a {
					return "reversed"
				}
			}
		}
	}
	subj, obj := false, false
	for _, c := range r.gold.Claims {
		for _, a := range sn {
			subj = subj || c.Subject == a
		}
		for _, b := range on {
			obj = obj || c.Object == b
		}
	}
	switch {
	case subj && obj:
		return "gold ends, not paired"
	case subj:
		return "gold subject, object never an object"
	case obj:
		return "gold object, subject never a subject"
	}
	return "gold ends, neither in that role"
}

// fullSentence is the whole sentence a wrong pair's shortened text opens.
func fullSentence(r evalReview, wp string) string {
	_, q, _ := strings.Cut(wp, " (\"")
	q = strings.TrimSuffix(strings.TrimSuffix(q, "\")"), "…")
	for _, st := range r.sents {
		if strings.HasPrefix(st.Text, q) {
			return st.Text
		}
	}
	return ""
}

// TestDevPairList writes every dev review's extracted pairs, each marked
// right or wrong, to the file KAPGRAPH_EVAL_PAIRS names (a temporary
// file without it), so that two revisions' lists can be compared line by
// line. It fails when the dev set yields no pair at all, or when a pair
// the scorer calls wrong is missing from the list.
func TestDevPairList(t *testing.T) {
	out := os.Getenv("KAPGRAPH_EVAL_PAIRS")
	if out == "" {
		out = filepath.Join(t.TempDir(), "pairs.txt")
	}
	wrongTotal, wrongListed := 0, 0
	var lines []string
	for _, r := range readEvalSet(t, "testdata/eval/dev") {
		res := extract.ExtractOpen(nil, r.sents)
		m := extract.ScoreGoldSet(r.gold, res)
		wrong := map[string]bool{}
		for _, wp := range m.WrongPairs {
			head, _, _ := strings.Cut(wp, " (\"")
			wrong[head] = true
		}
		wrongTotal += len(wrong)
		surface := map[string]string{}
		category := map[string]string{}
		for _, mm := range res.Mentions {
			if _, ok := surface[mm.ID]; !ok {
				surface[mm.ID] = mm.Surface
				category[mm.ID] = string(mm.Category)
			}
		}
		seen := map[string]bool{}
		for _, c := range res.Candidates {
			head := surface[c.Subject] + " -> " + surface[c.Object]
			if seen[head] {
				continue
			}
			seen[head] = true
			mark := "R"
			if wrong[head] {
				mark = "W"
				wrongListed++
			}
			lines = append(lines, fmt.Sprintf("%s %s: %s | %s %s>%s | cue %q | %s", mark, strings.TrimSuffix(r.name, ".txt"), head,
				c.Predicate, category[c.Subject], category[c.Object], c.Cue, c.Text))
		}
	}
	if len(lines) == 0 {
		t.Fatal("the dev set yielded no claim pair")
	}
	if wrongListed != wrongTotal {
		t.Errorf("%d of the %d pairs the scorer calls wrong are listed", wrongListed, wrongTotal)
	}
	if err := os.WriteFile(out, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}
