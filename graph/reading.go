package graph

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// How a path reads in words. A signed chain is only as clear as what each
// sign is about: "NMDA receptor -[decreases]-> glutamate release" reads as
// if the receptor itself lowered glutamate, when the claim is about the
// receptor's activity (which ketamine blocks). These rules name what a
// sign is about, compose the net sign into a sentence and say what a
// path's score means, once, for the API and the explorer alike.

// AspectActivity is the Biolink object aspect of a claim about a node's
// activity rather than its amount.
const AspectActivity = "activity"

// activityKinds are the Mechanism kinds whose effects are those of their
// activity: a receptor or a signalling pathway acts by being active, so a
// sign about it is a sign about its activity.
var activityKinds = []string{"receptor", "signaling"}

// SignSubject is the name a path gives node n when reading the signs of
// the hops that touch it: its name followed by "activity" when one of
// them is about activity (Qualifiers.Aspect) and n is a receptor or a
// signalling pathway ("NMDA receptor activity"), else its name.
func SignSubject(n *Node, touching ...*Edge) string {
	if n == nil {
		return ""
	}
	if n.Category != CategoryMechanism || !slices.Contains(activityKinds, n.Kind) || strings.HasSuffix(n.Name, " "+AspectActivity) {
		return n.Name
	}
	for _, e := range touching {
		if e != nil && e.Qualifiers.Aspect == AspectActivity {
			return n.Name + " " + AspectActivity
		}
	}
	return n.Name
}

// PathNames names each node of p as its hops' signs are about it
// (SignSubject); ns are p's nodes in order (nil or short: the id stands in).
func PathNames(p *Path, ns []*Node) []string {
	out := make([]string, len(p.Nodes))
	for i, id := range p.Nodes {
		var n *Node
		if i < len(ns) {
			n = ns[i]
		}
		var touching []*Edge
		if i > 0 && i-1 < len(p.Hops) {
			touching = append(touching, p.Hops[i-1].Edge)
		}
		if i < len(p.Hops) {
			touching = append(touching, p.Hops[i].Edge)
		}
		out[i] = SignSubject(n, touching...)
		if out[i] == "" {
			out[i] = id
		}
	}
	return out
}

// NetEffect is a path's net sign in words, e.g. "ketamine increases
// abstinence (net of 3 steps: 2 decreases cancel out in pairs)". names are
// PathNames. A path of an undirected search with a hop walked backwards
// is a connection, not a chain of causes, and says so.
func NetEffect(p *Path, names []string) string {
	if len(names) == 0 {
		return ""
	}
	from, to := names[0], names[len(names)-1]
	steps := "1 step"
	if len(p.Hops) != 1 {
		steps = strconv.Itoa(len(p.Hops)) + " steps"
	}
	for i, h := range p.Hops {
		if !h.Forward {
			return fmt.Sprintf("%s is linked to %s in %s, not as a chain of causes: step %d is walked against its claim's direction",
				from, to, steps, i+1)
		}
	}
	if p.Sign == Unsigned {
		for i, h := range p.Hops {
			if h.Edge.Sign == Unsigned {
				return fmt.Sprintf("%s is linked to %s in %s, with no net direction: step %d (%s) has no sign",
					from, to, steps, i+1, strings.ToLower(string(h.Edge.Predicate)))
			}
		}
		return fmt.Sprintf("%s is linked to %s in %s, with no net direction", from, to, steps)
	}
	s := fmt.Sprintf("%s %s %s", from, p.Sign, to)
	if len(p.Hops) == 1 {
		return s
	}
	dec := 0
	for _, h := range p.Hops {
		if h.Edge.Sign == Decreases {
			dec++
		}
	}
	switch {
	case dec == 0:
		return fmt.Sprintf("%s (net of %s, all increases)", s, steps)
	case dec%2 == 0:
		return fmt.Sprintf("%s (net of %s: %d decreases cancel out in pairs)", s, steps, dec)
	}
	return fmt.Sprintf("%s (net of %s: an odd number of decreases, %d, makes a decrease)", s, steps, dec)
}

// ScoreExplained says what a path's score means on its scale, from the
// weights EdgeScore uses.
func ScoreExplained(p *Path) string {
	parts := make([]string, len(p.Hops))
	for i, h := range p.Hops {
		parts[i] = strconv.FormatFloat(h.Edge.Score, 'g', 4, 64)
	}
	levels := make([]string, 0, len(levelWeight))
	for lv := 1; lv <= WeakestEvidence; lv++ {
		levels = append(levels, strconv.FormatFloat(levelWeight[lv], 'g', 4, 64))
	}
	of := "its one step's score"
	if len(p.Hops) > 1 {
		of = fmt.Sprintf("the product of its %d steps' scores (%s)", len(p.Hops), strings.Join(parts, " × "))
	}
	return fmt.Sprintf("%s on a scale from 0 to 1: %s. A step scores by the best study behind it, "+
		"%s for evidence levels 1 (systematic review or meta-analysis) to %d (expert opinion or narrative review), "+
		"%s for a sentence citing no study; a curator's inferred step is multiplied by %s and a citation concern by %s. "+
		"Every step lowers the product, so compare chains of the same length.",
		strconv.FormatFloat(p.Score, 'g', 4, 64), of, strings.Join(levels, ", "), WeakestEvidence,
		strconv.FormatFloat(uncitedWeight, 'g', 4, 64), strconv.FormatFloat(inferredFactor, 'g', 4, 64),
		strconv.FormatFloat(concernFactor, 'g', 4, 64))
}
