package storetest

import (
	"math/rand/v2"
	"slices"
	"sort"

	"github.com/kapgraph/kapgraph/graph"
)

// PathQuestions are path questions drawn with a fixed seed over a set of
// documents, for the differential tests that hold the best-first path
// search to the enumeration it replaced, and the engines to each other.
type PathQuestions struct {
	Paths      []graph.PathQuery // for Paths and ShortestPath
	Mechanisms []graph.MechanismPathQuery
}

// DrawPathQuestions draws n questions of each kind over docs. Targets are
// mostly the ends of random walks from the source (so that answers exist,
// often many with tied scores), sometimes any node (so that many have
// none); hop limits run 1..MaxHopsCap, first over small and large pages,
// both directions, curated and mixed edge types, with and without a
// disorder or a target for mechanism paths.
func DrawPathQuestions(seed uint64, docs []*graph.Document, n int) PathQuestions {
	r := rand.New(rand.NewPCG(seed, 0x9a75))
	cats := map[string]graph.Category{}
	out := map[string][]*graph.Edge{}
	in := map[string][]*graph.Edge{}
	var disorders []string
	for _, d := range docs {
		for i := range d.Nodes {
			cats[d.Nodes[i].ID] = d.Nodes[i].Category
		}
		for i := range d.Edges {
			e := &d.Edges[i]
			out[e.Subject] = append(out[e.Subject], e)
			in[e.Object] = append(in[e.Object], e)
			if e.Qualifiers.Disorder != "" {
				disorders = append(disorders, e.Qualifiers.Disorder)
			}
		}
	}
	slices.Sort(disorders)
	disorders = slices.Compact(disorders)
	var curated, sources []string
	for id, c := range cats {
		if c.Curated() {
			curated = append(curated, id)
		}
		if graph.MechanismSource(c) && len(out[id]) > 0 {
			sources = append(sources, id)
		}
	}
	sort.Strings(curated)
	sort.Strings(sources)
	// hubs are the nodes with the most edges: sources of many paths with
	// tied scores, where the tie-breaks decide the answer.
	degree := func(id string) int { return len(out[id]) + len(in[id]) }
	hubs := func(ids []string) []string {
		hs := slices.Clone(ids)
		sort.SliceStable(hs, func(i, j int) bool { return degree(hs[i]) > degree(hs[j]) })
		return hs[:min(len(hs), 20)]
	}
	curatedHubs, sourceHubs := hubs(curated), hubs(sources)
	var allCurated, lexical []graph.Predicate
	for _, p := range graph.Predicates() {
		if p.Curated() {
			allCurated = append(allCurated, p)
		} else {
			lexical = append(lexical, p)
		}
	}
	causal := map[graph.Predicate]bool{}
	for _, p := range graph.CausalPredicates() {
		causal[p] = true
	}
	// walk follows up to hops random edges from id that pass ok, and
	// returns where it ends.
	walk := func(id string, hops int, directed bool, ok func(*graph.Edge) bool) string {
		at := id
		for range hops {
			var next []string
			for _, e := range out[at] {
				if ok(e) {
					next = append(next, e.Object)
				}
			}
			if !directed {
				for _, e := range in[at] {
					if ok(e) {
						next = append(next, e.Subject)
					}
				}
			}
			if len(next) == 0 {
				break
			}
			at = next[r.IntN(len(next))]
		}
		return at
	}
	firsts := []int{0, 1, 2, 3, 5, 10, 20, 50}
	var qs PathQuestions
	if len(curated) == 0 || len(sources) == 0 {
		return qs
	}
	for range n {
		q := graph.PathQuery{
			From: curated[r.IntN(len(curated))], MaxHops: 1 + r.IntN(graph.MaxHopsCap),
			First: firsts[r.IntN(len(firsts))], Directed: r.IntN(3) == 0,
		}
		if r.IntN(4) == 0 {
			q.From = curatedHubs[r.IntN(len(curatedHubs))]
		}
		switch r.IntN(7) {
		case 0: // a few curated types
			for _, p := range allCurated {
				if r.IntN(3) == 0 {
					q.Predicates = append(q.Predicates, p)
				}
			}
		case 1: // curated and a lexical type, over shorter paths
			q.Predicates = append(slices.Clone(allCurated), lexical[r.IntN(len(lexical))])
			q.MaxHops = 1 + r.IntN(3)
		case 2: // every type between hubs: the text's structure makes
			// thousands of paths with equal scores
			q.Predicates = graph.Predicates()
			q.MaxHops = 2 + r.IntN(3)
			q.From = curatedHubs[r.IntN(len(curatedHubs))]
			q.To = curatedHubs[r.IntN(len(curatedHubs))]
		}
		allowed := map[graph.Predicate]bool{}
		for _, p := range q.Predicates {
			allowed[p] = true
		}
		ok := func(e *graph.Edge) bool {
			if len(q.Predicates) == 0 {
				return e.Predicate.Curated()
			}
			return allowed[e.Predicate]
		}
		switch {
		case q.To != "":
		case r.IntN(5) == 0:
			q.To = curated[r.IntN(len(curated))]
		default:
			q.To = walk(q.From, 1+r.IntN(q.MaxHops), q.Directed, ok)
		}
		qs.Paths = append(qs.Paths, q)
	}
	for range n {
		q := graph.MechanismPathQuery{
			From: sources[r.IntN(len(sources))], MaxHops: 1 + r.IntN(graph.MaxHopsCap),
			First: firsts[r.IntN(len(firsts))],
		}
		if r.IntN(3) == 0 {
			q.From = sourceHubs[r.IntN(len(sourceHubs))]
			q.MaxHops = 4 + r.IntN(graph.MaxHopsCap-3)
		}
		if len(disorders) > 0 && r.IntN(3) == 0 {
			q.Disorder = disorders[r.IntN(len(disorders))]
		}
		if r.IntN(3) == 0 {
			end := walk(q.From, 1+r.IntN(q.MaxHops), true, func(e *graph.Edge) bool {
				return causal[e.Predicate] && graph.DisorderAllows(e, q.Disorder)
			})
			if c := cats[end]; c == graph.CategoryOutcome || c == graph.CategorySymptom {
				q.To = end
			}
		}
		qs.Mechanisms = append(qs.Mechanisms, q)
	}
	return qs
}
