package synth

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/kapgraph/kapgraph/graph"
)

// claim adds one curated claim between pool entities s and o with one to
// three evidence sentences of the review.
func (b *docBuilder) claim(k, s int, p graph.Predicate, o int, sign graph.Sign, disorder string, concernsBy map[string][]string) {
	if s < 0 || o < 0 || s == o {
		return
	}
	r := b.r
	sid, oid := b.use(s), b.use(o)
	e := graph.Edge{ID: fmt.Sprintf("%s/claim/c%d", b.key, k+1), Subject: sid, Predicate: p, Object: oid,
		Biolink: p.Biolink(sign), Sign: sign, Origin: "stated", KnowledgeLevel: "knowledge_assertion",
		AgentType: "manual_agent", Document: b.key}
	if r.IntN(10) == 0 {
		e.Origin = "inferred"
		e.Note = "bridges two stated claims"
	}
	if r.IntN(6) == 0 {
		e.KnowledgeLevel = "observation"
	}
	e.Qualifiers.Disorder = disorder
	if r.IntN(4) == 0 {
		e.Qualifiers.Aspect = []string{"activity", "abundance", "expression"}[r.IntN(3)]
	}
	if r.IntN(8) == 0 {
		e.Qualifiers.TimePoint = fmt.Sprintf("%d weeks", 1+r.IntN(12))
	}
	for range 1 + r.IntN(3) {
		pi := r.IntN(len(b.pIDs))
		ev := graph.Evidence{Quote: b.pText[pi], Passage: b.pIDs[pi], Section: b.sIDs[b.pSection[pi]],
			SectionTitle: b.sTitles[b.pSection[pi]], Studies: slices.Clone(b.pCites[pi])}
		for _, c := range b.pCites[pi] {
			ev.Citations = append(ev.Citations, fmt.Sprintf("[%d]", b.refNumber(c)))
		}
		e.Evidence = append(e.Evidence, ev)
		e.Concerns = append(e.Concerns, concernsBy[b.pIDs[pi]]...)
	}
	slices.Sort(e.Concerns)
	e.Concerns = slices.Compact(e.Concerns)
	e.Score = graph.EdgeScore(&e, func(id string) int { return b.levels[id] })
	b.doc.Edges = append(b.doc.Edges, e)
}

// pickDesign draws a study design by designShares.
func pickDesign(r *rand.Rand) string {
	x := r.IntN(1000)
	for _, d := range designShares {
		if x < d.share {
			return d.design
		}
		x -= d.share
	}
	return designShares[len(designShares)-1].design
}

// pickSourceLevel draws the level a causal claim starts at.
func pickSourceLevel(r *rand.Rand) int {
	// Drug, receptor, neurochemical, signaling, plasticity, circuit, symptom.
	w := []int{20, 14, 13, 13, 13, 13, 14}
	x := r.IntN(100)
	for lv, wt := range w {
		if x < wt {
			return lv
		}
		x -= wt
	}
	return lvSymptom
}

// jump is how many levels a causal claim climbs: mostly one, sometimes
// two or three (a review skipping steps of the chain).
func jump(r *rand.Rand) int {
	switch x := r.IntN(100); {
	case x < 50:
		return 1
	case x < 80:
		return 2
	default:
		return 3
	}
}

func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n-3] + "..."
}

// All generates the documents of cfg in order, calling fn for each; with
// workers > 1 documents are built in parallel (fn is still called in order).
func All(cfg Config, workers int, fn func(i int, d *graph.Document) error) error {
	g := New(cfg)
	n := g.cfg.Documents()
	g.pool.grow(g.PoolSize(n))
	workers = max(1, workers)
	out := make([]chan *graph.Document, n)
	for i := range out {
		out[i] = make(chan *graph.Document, 1)
	}
	sem := make(chan struct{}, workers+1)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for i := 0; i < n; i++ {
			select {
			case sem <- struct{}{}:
			case <-stop:
				return
			}
			go func(i int) { out[i] <- g.Document(i) }(i)
		}
	}()
	for i := 0; i < n; i++ {
		d := <-out[i]
		<-sem
		if err := fn(i, d); err != nil {
			return err
		}
	}
	return nil
}
