package extract_test

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/loader/extract"
)

// TestDevMissClasses sorts the development set's missed claim pairs into
// classes, to choose which general rule to write next. It reads the dev
// set only (never the test set); with -v it prints the table, and with
// KAPGRAPH_EVAL_DIAG=1 too it lists each miss under its class. It asserts
// that every missed pair gets exactly one class, so that the table adds up
// to the misses.
func TestDevMissClasses(t *testing.T) {
	counts := map[string]int{}
	examples := map[string][]string{}
	missed := 0
	for _, r := range readEvalSet(t, "testdata/eval/dev") {
		res := extract.ExtractOpen(nil, r.sents)
		m := extract.ScoreGoldSet(r.gold, res)
		missed += len(m.MissedPairs)
		for _, mp := range m.MissedPairs {
			class, why := classifyMiss(r, res, mp)
			counts[class]++
			examples[class] = append(examples[class], fmt.Sprintf("%s: %s %s", strings.TrimSuffix(r.name, ".txt"), mp, why))
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
	if total != missed {
		t.Errorf("classes add up to %d of %d missed pairs", total, missed)
	}
}

// fold is a rough form of the scorer's surface folding, for locating a
// gold surface in a sentence.
func fold(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("-", " ", "’", "'", "(", " ", ")", " ", ",", " ").Replace(s)
	ws := strings.Fields(s)
	for i, w := range ws {
		if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			ws[i] = w[:len(w)-1]
		}
	}
	if len(ws) > 1 && (ws[0] == "the" || ws[0] == "a" || ws[0] == "an") {
		ws = ws[1:]
	}
	return " " + strings.Join(ws, " ") + " "
}

// classifyMiss names why one missed pair ("s -> o (line N)") was missed.
func classifyMiss(r evalReview, res extract.Result, mp string) (string, string) {
	var s, o string
	var line int
	head, _, _ := strings.Cut(mp, " (line ")
	s, o, _ = strings.Cut(head, " -> ")
	fmt.Sscanf(mp[strings.LastIndex(mp, "(line ")+6:], "%d", &line)
	surf := map[string][]string{}
	for _, e := range r.gold.Entities {
		surf[e.Name] = append([]string{e.Name}, e.Surfaces...)
	}
	inLine := map[int]bool{}
	var text []string
	for _, st := range r.sents {
		if st.Line == line {
			inLine[st.Index] = true
			text = append(text, st.Text)
		}
	}
	ft := fold(strings.Join(text, " "))
	matches := func(name, surface string) bool {
		for _, g := range surf[name] {
			if fold(g) == fold(surface) {
				return true
			}
		}
		return false
	}
	// ends on the line: found (a mention with a gold surface), span (a
	// mention overlapping a gold surface's words but not equal), absent
	// (the surface is in the text, no mention), paraphrase (not in text).
	state := func(name string) (string, string) {
		ids := map[string]bool{}
		for _, mm := range res.Mentions {
			if inLine[mm.Sentence] && matches(name, mm.Surface) {
				ids[mm.ID] = true
			}
		}
		if len(ids) > 0 {
			return "found", ""
		}
		inText := false
		for _, g := range surf[name] {
			if strings.Contains(ft, fold(g)) {
				inText = true
			}
		}
		for _, mm := range res.Mentions {
			if !inLine[mm.Sentence] {
				continue
			}
			fm := fold(mm.Surface)
			for _, g := range surf[name] {
				fg := fold(g)
				if strings.Contains(fm, fg) || strings.Contains(fg, fm) {
					return "span", fmt.Sprintf("[%s: %q vs %q]", name, mm.Surface, g)
				}
			}
		}
		if inText {
			return "absent", fmt.Sprintf("[%s not recognised]", name)
		}
		return "paraphrase", fmt.Sprintf("[%s not in text]", name)
	}
	ss, sw := state(s)
	os_, ow := state(o)
	if ss != "found" || os_ != "found" {
		rank := map[string]int{"span": 3, "absent": 2, "paraphrase": 1, "found": 0}
		worst := ss
		if rank[os_] > rank[ss] {
			worst = os_
		}
		return "end " + worst, sw + ow
	}
	// both ends are mentioned on the line: what did the claims do?
	var onLine []extract.Candidate
	for _, c := range res.Candidates {
		if inLine[c.Sentence] {
			onLine = append(onLine, c)
		}
	}
	name := func(id string) string {
		for _, mm := range res.Mentions {
			if mm.ID == id {
				return mm.Surface
			}
		}
		return id
	}
	if len(onLine) == 0 {
		return "no claim on the line", ""
	}
	for _, c := range onLine {
		if matches(s, name(c.Object)) && matches(o, name(c.Subject)) {
			return "reversed", ""
		}
	}
	for _, c := range onLine {
		if matches(o, name(c.Object)) {
			return "object reached from another subject", "[" + name(c.Subject) + "]"
		}
	}
	for _, c := range onLine {
		if matches(s, name(c.Subject)) {
			return "subject reached another object", "[" + name(c.Object) + "]"
		}
	}
	return "claims on the line, neither end", ""
}
