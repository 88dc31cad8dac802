package graph

import (
	"strings"
	"testing"
)

func TestPathReading(t *testing.T) {
	grin := &Node{ID: "FPLX:GRIN", Name: "NMDA receptor", Category: CategoryMechanism, Kind: "receptor"}
	glu := &Node{ID: "KAP:glu", Name: "glutamate release", Category: CategoryMechanism, Kind: "neurochemical"}
	ket := &Node{ID: "CHEBI:6121", Name: "ketamine", Category: CategoryDrug}
	abst := &Node{ID: "KAP:abstinence", Name: "abstinence", Category: CategoryOutcome}
	activity := Qualifiers{Aspect: AspectActivity}
	e := func(sign Sign, q Qualifiers, score float64) *Edge {
		return &Edge{Predicate: Affects, Sign: sign, Qualifiers: q, Score: score}
	}
	path := func(ns []*Node, fwd []bool, es ...*Edge) *Path {
		p := &Path{Length: len(es), Sign: Increases, Score: 1}
		for i, n := range ns {
			p.Nodes = append(p.Nodes, n.ID)
			if i < len(es) {
				p.Hops = append(p.Hops, Hop{Edge: es[i], Forward: fwd == nil || fwd[i]})
				if i == 0 {
					p.Sign = es[i].Sign
				} else {
					p.Sign = p.Sign.Times(es[i].Sign)
				}
				p.Score *= es[i].Score
			}
		}
		return p
	}
	cases := []struct {
		name       string
		p          *Path
		ns         []*Node
		wantNames  string
		wantEffect string
	}{
		{"activity named on the receptor", path([]*Node{ket, grin, glu}, nil, e(Decreases, activity, 0.85), e(Decreases, Qualifiers{}, 0.2)),
			[]*Node{ket, grin, glu}, "ketamine|NMDA receptor activity|glutamate release",
			"ketamine increases glutamate release (net of 2 steps: 2 decreases cancel out in pairs)"},
		{"no aspect, no activity", path([]*Node{grin, glu}, nil, e(Decreases, Qualifiers{}, 0.2)),
			[]*Node{grin, glu}, "NMDA receptor|glutamate release", "NMDA receptor decreases glutamate release"},
		{"a neurochemical keeps its name", path([]*Node{ket, glu}, nil, e(Increases, activity, 0.7)),
			[]*Node{ket, glu}, "ketamine|glutamate release", "ketamine increases glutamate release"},
		{"odd decreases", path([]*Node{grin, glu, abst}, nil, e(Decreases, activity, 0.2), e(Increases, Qualifiers{}, 0.5)),
			[]*Node{grin, glu, abst}, "NMDA receptor activity|glutamate release|abstinence",
			"NMDA receptor activity decreases abstinence (net of 2 steps: an odd number of decreases, 1, makes a decrease)"},
		{"backwards hop", path([]*Node{ket, grin, glu}, []bool{true, false}, e(Decreases, Qualifiers{}, 0.85), e(Decreases, Qualifiers{}, 0.2)),
			[]*Node{ket, grin, glu}, "ketamine|NMDA receptor|glutamate release", "not as a chain of causes: step 2"},
		{"unsigned hop", path([]*Node{ket, abst}, nil, e(Unsigned, Qualifiers{}, 0.85)),
			[]*Node{ket, abst}, "ketamine|abstinence", "no net direction: step 1 (affects) has no sign"},
		{"missing node falls back to the id", path([]*Node{ket, abst}, nil, e(Increases, Qualifiers{}, 0.85)),
			[]*Node{ket}, "ketamine|KAP:abstinence", "ketamine increases KAP:abstinence"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			names := PathNames(tc.p, tc.ns)
			if got := strings.Join(names, "|"); got != tc.wantNames {
				t.Errorf("names %q, want %q", got, tc.wantNames)
			}
			if got := NetEffect(tc.p, names); !strings.Contains(got, tc.wantEffect) {
				t.Errorf("net effect %q, want it to contain %q", got, tc.wantEffect)
			}
		})
	}
	p := path([]*Node{ket, grin, glu}, nil, e(Decreases, activity, 0.85), e(Decreases, Qualifiers{}, 0.2))
	got := ScoreExplained(p)
	for _, want := range []string{"0.17 on a scale from 0 to 1", "(0.85 × 0.2)", "0.95, 0.85, 0.7, 0.55, 0.4", "0.3 for a sentence citing no study", "by 0.5", "by 0.75"} {
		if !strings.Contains(got, want) {
			t.Errorf("score explained %q lacks %q", got, want)
		}
	}
}
