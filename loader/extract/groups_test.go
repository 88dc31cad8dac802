package extract_test

import (
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

// groupFloors are each dev group's levels at the last merge of rules: a
// rule is kept only if neither group falls, and this test holds that.
// At f53a114: newer four entities R 0.644 P 0.770 (304/395), pairs
// R 0.258 P 0.695, sign 0.963; older twelve entities R 0.830 P 0.827,
// pairs R 0.556 P 0.750, sign 0.971. After extract10: newer four entities
// R 0.724 P 0.787, pairs R 0.315 P 0.722, sign 0.958 (one more matched pair
// of the opposite sign); older twelve entities R 0.851 P 0.829, pairs
// R 0.569 P 0.749, sign 0.972. With extract11 too: newer four pairs
// R 0.331 P 0.739, sign 0.949; older twelve pairs R 0.603 P 0.762, sign
// 0.969 ("produce" as a cue of increase: +9 pairs, two more matched pairs
// of the opposite sign).
var groupFloors = [2]evalFloors{
	{entR: 0.72, entP: 0.78, pairR: 0.33, pairP: 0.73, sign: 0.94},
	{entR: 0.85, entP: 0.82, pairR: 0.60, pairP: 0.76, sign: 0.96},
}

// TestDevGroups scores the dev set's newer four and older twelve reviews
// apart, holds each to its floor, and with -v sorts each group's missed
// pairs into classes.
func TestDevGroups(t *testing.T) {
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
		checkEvalFloors(t, label, s, groupFloors[g])
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
