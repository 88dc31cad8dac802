package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// toyGraph is a small random multigraph for testing the search against
// brute force, with the features that make ranking subtle: few distinct
// scores (many ties), parallel edges, self-loops, cycles, and scores
// outside [0,1] that the engines never produce but a document may carry.
type toyGraph struct {
	nodes []string
	edges []*Edge
}

func newToyGraph(r *rand.Rand, n, m int, scores []float64) *toyGraph {
	g := &toyGraph{}
	for i := range n {
		g.nodes = append(g.nodes, fmt.Sprintf("n%02d", i))
	}
	for i := range m {
		g.edges = append(g.edges, &Edge{
			ID:      fmt.Sprintf("e%03d", r.IntN(1000)*1000+i), // ids unordered against insertion
			Subject: g.nodes[r.IntN(n)], Object: g.nodes[r.IntN(n)],
			Sign: []Sign{Increases, Decreases}[r.IntN(2)], Score: scores[r.IntN(len(scores))],
		})
	}
	return g
}

func (g *toyGraph) out(undirected bool) func(string, func(Arc)) {
	return func(id string, yield func(Arc)) {
		for _, e := range g.edges {
			if e.Subject == id {
				yield(Arc{Edge: e, To: e.Object, Forward: true})
			}
			if undirected && e.Object == id {
				yield(Arc{Edge: e, To: e.Subject, Forward: false})
			}
		}
	}
}

func (g *toyGraph) in(undirected bool) func(string, func(Arc)) {
	return func(id string, yield func(Arc)) {
		for _, e := range g.edges {
			if e.Object == id {
				yield(Arc{Edge: e, To: e.Subject, Forward: true})
			}
			if undirected && e.Subject == id {
				yield(Arc{Edge: e, To: e.Object, Forward: false})
			}
		}
	}
}

// bruteForce is the definition: every simple path, sorted, cut.
func bruteForce(q PathSearch) []*Path {
	var found []*Path
	onPath := map[string]bool{q.From: true}
	var hops []Hop
	var dfs func(at string)
	dfs = func(at string) {
		q.Arcs(at, func(a Arc) {
			if onPath[a.To] {
				return
			}
			hops = append(hops, Hop{Edge: a.Edge, From: at, To: a.To, Forward: a.Forward})
			ok, goOn := q.Accept(a.To)
			if ok {
				found = append(found, NewPath(q.From, slices.Clone(hops)))
			}
			if goOn && len(hops) < q.MaxHops {
				onPath[a.To] = true
				dfs(a.To)
				delete(onPath, a.To)
			}
			hops = hops[:len(hops)-1]
		})
	}
	dfs(q.From)
	if q.Order == OrderBestSupported {
		RankBestSupported(found)
	} else {
		RankShortestFirst(found)
	}
	return found[:min(len(found), q.First)]
}

func TestPathSearchMatchesBruteForce(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		scores []float64
	}{
		{"few scores", []float64{0.3, 0.7, 0.95}},
		{"ties", []float64{1}},
		{"zeros", []float64{0, 0.5}},
		{"above one", []float64{0.5, 1, 1.75}},
		{"negative", []float64{-0.5, 0.4, 0.9}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(7, 11))
			asked, answered := 0, 0
			for range 300 {
				g := newToyGraph(r, 4+r.IntN(9), 4+r.IntN(30), tc.scores)
				undirected := r.IntN(2) == 0
				from, to := g.nodes[r.IntN(len(g.nodes))], g.nodes[r.IntN(len(g.nodes))]
				q := PathSearch{From: from, MaxHops: 1 + r.IntN(MaxHopsCap), First: 1 + r.IntN(20),
					Order: PathOrder(r.IntN(2)), Arcs: g.out(undirected)}
				targets := map[string]bool{}
				for _, n := range g.nodes {
					targets[n] = r.IntN(3) == 0
				}
				var meet bool
				switch r.IntN(3) {
				case 0: // many targets, paths run on past them
					q.Accept = func(id string) (bool, bool) { return targets[id], true }
				case 1:
					q.Accept = func(id string) (bool, bool) { return id == to, id != to }
				default:
					q.Accept = func(id string) (bool, bool) { return id == to, id != to }
					meet = true
				}
				want := bruteForce(q)
				if meet {
					arcs, err := MeetInTheMiddle(ctx, from, to, q.MaxHops, g.out(undirected), g.in(undirected))
					if err != nil {
						t.Fatal(err)
					}
					q.Arcs = arcs
				}
				got, err := q.Run(ctx)
				if err != nil {
					t.Fatal(err)
				}
				asked++
				if len(want) > 0 {
					answered++
				}
				wj, _ := json.Marshal(want)
				gj, _ := json.Marshal(got)
				if string(wj) != string(gj) {
					t.Fatalf("from %s to %s, %d hops, first %d, order %d, undirected %v, meet %v:\n want %s\n got  %s",
						from, to, q.MaxHops, q.First, q.Order, undirected, meet, wj, gj)
				}
			}
			if answered < asked/3 {
				t.Errorf("only %d of %d questions have paths", answered, asked)
			}
		})
	}
}

func TestPathSearchHonoursContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	g := newToyGraph(rand.New(rand.NewPCG(1, 2)), 5, 10, []float64{0.5})
	_, err := PathSearch{From: "n00", MaxHops: 3, First: 5, Arcs: g.out(true),
		Accept: func(string) (bool, bool) { return true, true }}.Run(ctx)
	if ErrorCode(err) != ETIMEOUT {
		t.Fatalf("cancelled search: %v, want ETIMEOUT", err)
	}
}
