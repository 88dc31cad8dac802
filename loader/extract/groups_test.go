package extract_test

import (
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/loader/extract"
)

// blindDev names the four dev reviews added after the rules of branch
// extract8 were written: rules tuned to the older twelve moved nothing on
// them, so every rule is judged on both groups separately.
var blindDev = map[string]bool{
	"dev-mdma-ptsd-aud.txt":             true,
	"dev-topiramate-gabapentin-aud.txt": true,
	"dev-moud-bup-methadone-xrntx.txt":  true,
	"dev-lsd-alcoholism.txt":            true,
}

// TestDevGroups scores the dev set's newer four and older twelve reviews
// apart and sorts each group's missed pairs into classes (KAPGRAPH_EVAL_DIAG=1).
// A rule is kept only if neither group falls.
func TestDevGroups(t *testing.T) {
	if os.Getenv("KAPGRAPH_EVAL_DIAG") == "" {
		t.Skip("diagnostic: set KAPGRAPH_EVAL_DIAG=1")
	}
	rs := readEvalSet(t, "testdata/eval/dev")
	var sums [2]extract.SetMetrics
	var n [2]int
	counts := [2]map[string]int{{}, {}}
	for _, r := range rs {
		g := 1
		if blindDev[r.name] {
			g = 0
		}
		n[g]++
		res := extract.ExtractOpen(nil, r.sents)
		m := extract.ScoreGoldSet(r.gold, res)
		sums[g].Add(m)
		for _, mp := range m.MissedPairs {
			c, _ := classifyMiss(r, res, mp)
			counts[g][c]++
		}
	}
	if n[0] != len(blindDev) {
		t.Fatalf("found %d of the %d newer dev reviews", n[0], len(blindDev))
	}
	for g, label := range []string{"new4", "old12"} {
		s := sums[g]
		t.Logf("%s: entities R %.3f (%d/%d) P %.3f (%d/%d), pairs R %.3f (%d/%d) P %.3f (%d/%d), sign %.3f (%d/%d), modality %.3f (%d/%d), negated served signed %d",
			label, s.EntityRecall(), s.EntitiesFound, s.GoldEntities, s.EntityPrecision(), s.ExtractedRight, s.Extracted,
			s.PairRecall(), s.PairsFound, s.GoldPairs, s.PairPrecision(), s.PairsRight, s.ExtractedPairs,
			s.SignAgreement(), s.SignAgree, s.SignCompared,
			ratio(s.ModalityAgree, s.ModalityCompared), s.ModalityAgree, s.ModalityCompared, s.NegatedServedSigned)
		var cs []string
		for c := range counts[g] {
			cs = append(cs, c)
		}
		sort.Slice(cs, func(i, j int) bool { return counts[g][cs[i]] > counts[g][cs[j]] })
		var parts []string
		for _, c := range cs {
			parts = append(parts, c+" "+itoa(counts[g][c]))
		}
		t.Logf("%s misses: %s", label, strings.Join(parts, "; "))
	}
}

func itoa(i int) string {
	var b []byte
	if i == 0 {
		return "0"
	}
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}
