package parseeval

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/loader/extract"
)

func pct(a, b int) string {
	if b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.3f", float64(a)/float64(b))
}

func triple(m extract.SetMetrics) string {
	return fmt.Sprintf("%s (%d/%d) | %s (%d/%d) | %s", pct(m.PairsFound, m.GoldPairs), m.PairsFound, m.GoldPairs,
		pct(m.PairsRight, m.ExtractedPairs), m.PairsRight, m.ExtractedPairs, pct(m.SignAgree, m.SignCompared))
}

// WriteTable writes the per-review and overall comparison (micro-averaged,
// as loader/extract's dev report is).
func WriteTable(w io.Writer, each []Scores) {
	var sum Scores
	sum.Name = "**all dev**"
	fmt.Fprintf(w, "| dev review | reading | pair R | pair P | sign |\n|---|---|---|---|---|\n")
	row := func(s Scores) {
		for _, r := range []struct {
			n string
			m extract.SetMetrics
		}{{"(a) rules", s.Rules}, {"(b) parse", s.Parse}, {"(c) union", s.Union}, {"(c') all of both", s.All}, {"(d) both agree", s.Inter}, {"(e) parse+coref", s.ParseCoref}, {"(f) union+coref", s.UnionCoref}} {
			if !s.HasCoref && strings.Contains(r.n, "coref") {
				continue
			}
			fmt.Fprintf(w, "| %s | %s | %s |\n", s.Name, r.n, triple(r.m))
		}
	}
	for _, s := range each {
		row(s)
		sum.Rules.Add(s.Rules)
		sum.Parse.Add(s.Parse)
		sum.Union.Add(s.Union)
		sum.Inter.Add(s.Inter)
		sum.All.Add(s.All)
		sum.ParseCoref.Add(s.ParseCoref)
		sum.UnionCoref.Add(s.UnionCoref)
		sum.HasCoref = s.HasCoref
		sum.Sentences += s.Sentences
		sum.Chars += s.Chars
		sum.ParseCPUms += s.ParseCPUms
		sum.RulesWallms += s.RulesWallms
	}
	row(sum)
	pages := float64(sum.Chars) / 3000
	fmt.Fprintf(w, "\nCost: %d sentences, %d characters (%.1f pages of 3,000). CoreNLP %s: %.0f CPU ms in all, %.1f CPU ms/page, %.2f CPU ms/sentence (server thread CPU time, JIT warm after the first review). Rules (ExtractOpen, in process, wall): %.1f ms/page.\n",
		sum.Sentences, sum.Chars, pages, ParseAnnotators, sum.ParseCPUms, sum.ParseCPUms/pages, sum.ParseCPUms/float64(sum.Sentences), sum.RulesWallms/pages)
}

// WritePairs lists, per review, the gold pairs one reading finds and the
// other misses, so that a reader can check the figures by hand.
func WritePairs(w io.Writer, each []Scores) {
	for _, s := range each {
		gotR, gotP := missedSet(s.Rules.MissedPairs), missedSet(s.Parse.MissedPairs)
		var onlyRules, onlyParse []string
		for p := range gotP {
			if !gotR[p] {
				onlyRules = append(onlyRules, p)
			}
		}
		for p := range gotR {
			if !gotP[p] {
				onlyParse = append(onlyParse, p)
			}
		}
		if len(onlyRules)+len(onlyParse) == 0 {
			continue
		}
		fmt.Fprintf(w, "- %s: rules only: %s; parse only: %s\n", s.Name, list(onlyRules), list(onlyParse))
	}
}

func missedSet(ms []string) map[string]bool {
	out := map[string]bool{}
	for _, m := range ms {
		out[m] = true
	}
	return out
}

func list(xs []string) string {
	if len(xs) == 0 {
		return "none"
	}
	slices.Sort(xs)
	return strings.Join(xs, "; ")
}
