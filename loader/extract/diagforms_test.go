package extract_test

import (
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/loader/extract"
)

// missForms are the sentence forms TestDevMissForms sorts a miss into,
// checked in order: the first that matches the sentence names it.
var missForms = []struct {
	name string
	re   *regexp.Regexp
}{
	{"comparison", regexp.MustCompile(`(?i)\b(than|compared (with|to)|versus|vs\.?|superior to|inferior to|as (\w+ )?(effective|efficacious|good|well) as|differ(ed|s)? (from|between)|relative to|similar to|comparable to|no (significant )?difference)\b`)},
	{"associated/linked/predicted", regexp.MustCompile(`(?i)\b(associated with|association|linked (to|with)|predict\w*|correlat\w*|related to)\b`)},
	{"nominalisation", regexp.MustCompile(`(?i)\b(reductions?|decreases?|increases?|improvements?|attenuation|reversal|effects?|inhibition|blockade|enhancement|elevations?|worsening|suppression|normali[sz]ation|potentiation|declines?|rises?|changes?) (in|of|on)\b|-induced|-related`)},
	{"reported statistics", regexp.MustCompile(`\([^)]*(\bp ?[<=]|CI\b|\bOR\b|\bRR\b|\bHR\b|\bd ?=|%)[^)]*\)`)},
	{"preposition-led opener", regexp.MustCompile(`^(In|With|Among|During|After|Following|Across|Under|For)\b`)},
	{"passive", regexp.MustCompile(`(?i)\b(was|were|is|are|been|be|being) (\w+ly )?\w+(ed|en) by\b`)},
}

// TestDevMissForms sorts the dev misses whose two ends are both found on
// the line by the form of the sentence, per group, to choose which clause
// form to handle next. Dev set only. It asserts that the forms add up.
func TestDevMissForms(t *testing.T) {
	counts := make([]map[string]int, len(devGroups))
	for i := range counts {
		counts[i] = map[string]int{}
	}
	examples := map[string][]string{}
	both, classed := 0, 0
	for _, r := range readEvalSet(t, "testdata/eval/dev") {
		res := extract.ExtractOpen(nil, r.sents)
		m := extract.ScoreGoldSet(r.gold, res)
		g := groupOf(r.name)
		for _, mp := range m.MissedPairs {
			class, _ := classifyMiss(r, res, mp)
			if strings.HasPrefix(class, "end ") {
				continue
			}
			both++
			text := missSentence(r, mp)
			form := "ends in different sentences"
			if text != "" {
				form = formOf(r, mp, text)
			}
			counts[g][form]++
			classed++
			examples[form] = append(examples[form], fmt.Sprintf("%s [%s] %s\n        %s", strings.TrimSuffix(r.name, ".txt"), class, mp, text))
		}
	}
	for g, group := range devGroups {
		var parts []string
		for f, n := range counts[g] {
			parts = append(parts, fmt.Sprintf("%s %d", f, n))
		}
		sort.Strings(parts)
		t.Logf("%s: %s", group.label, strings.Join(parts, "; "))
	}
	if os.Getenv("KAPGRAPH_EVAL_DIAG") != "" {
		for f, es := range examples {
			t.Logf("== %s (%d)", f, len(es))
			for _, e := range es {
				t.Logf("   %s", e)
			}
		}
	}
	if both != classed {
		t.Errorf("forms add up to %d of %d misses", classed, both)
	}
}

// missSentence is the sentence of a missed pair's line that holds a
// surface of both gold ends ("" when none does).
func missSentence(r evalReview, mp string) string {
	var line int
	fmt.Sscanf(mp[strings.LastIndex(mp, "(line ")+6:], "%d", &line)
	head, _, _ := strings.Cut(mp, " (line ")
	s, o, _ := strings.Cut(head, " -> ")
	has := func(ft, name string) bool {
		for _, e := range r.gold.Entities {
			if e.Name != name {
				continue
			}
			for _, g := range append([]string{e.Name}, e.Surfaces...) {
				if strings.Contains(ft, fold(g)) {
					return true
				}
			}
		}
		return false
	}
	for _, st := range r.sents {
		if st.Line == line {
			ft := fold(st.Text)
			if has(ft, s) && has(ft, o) {
				return st.Text
			}
		}
	}
	return ""
}

// formOf names a missed pair's sentence form: the first of missForms
// that matches, else object before subject, else coordinated or other.
func formOf(r evalReview, mp, text string) string {
	for _, f := range missForms {
		if f.re.MatchString(text) {
			return f.name
		}
	}
	head, _, _ := strings.Cut(mp, " (line ")
	s, o, _ := strings.Cut(head, " -> ")
	ft := fold(text)
	pos := func(name string) int {
		best := -1
		for _, e := range r.gold.Entities {
			if e.Name != name {
				continue
			}
			for _, g := range append([]string{e.Name}, e.Surfaces...) {
				if i := strings.Index(ft, fold(g)); i >= 0 && (best < 0 || i < best) {
					best = i
				}
			}
		}
		return best
	}
	if ps, po := pos(s), pos(o); ps >= 0 && po >= 0 && po < ps {
		return "object before subject"
	}
	if regexp.MustCompile(`(?i)\b(and|or|but)\b`).MatchString(text) {
		return "coordinated/other with and"
	}
	return "other"
}
