package graph

import (
	"context"
	"slices"
	"sort"
)

// EvidenceReport gathers what the review says about one drug and one
// disorder: the claims that link them, the studies behind those claims,
// and the outcomes measured.
type EvidenceReport struct {
	Drug     *Node
	Disorder *Node
	Claims   []*Edge
	Studies  []*Node
	Outcomes []*Node
	Designs  []Count
}

// CheckEvidenceIDs refuses the ids of an evidence report the way every
// engine must.
func CheckEvidenceIDs(drug, disorder string) error {
	if err := CheckID(drug, "drug"); err != nil {
		return err
	}
	return CheckID(disorder, "disorder")
}

// GatherEvidence builds an EvidenceReport from Node, EdgesOf and
// NodesByID: the reference every engine's Evidence must agree with. A
// claim belongs to the link when it joins the drug to the disorder
// directly, or starts at the drug with the disorder as its context
// qualifier.
func GatherEvidence(ctx context.Context, s Store, drug, disorder string) (*EvidenceReport, error) {
	if err := CheckEvidenceIDs(drug, disorder); err != nil {
		return nil, err
	}
	d, err := s.Node(ctx, drug)
	if err != nil {
		return nil, err
	}
	dis, err := s.Node(ctx, disorder)
	if err != nil {
		return nil, err
	}
	if err := CheckEvidenceEnds(d, dis); err != nil {
		return nil, err
	}
	edges, err := s.EdgesOf(ctx, EdgeQuery{NodeIDs: []string{drug}, Direction: Out, Predicates: CuratedPredicates()})
	if err != nil {
		return nil, err
	}
	edges = EvidenceClaims(edges, disorder)
	var ids []string
	for _, e := range edges {
		ids = append(ids, e.Publications()...)
		ids = append(ids, e.Object)
	}
	slices.Sort(ids)
	nodes, err := s.NodesByID(ctx, slices.Compact(ids))
	if err != nil {
		return nil, err
	}
	return AssembleEvidence(d, dis, edges, nodes), nil
}

// CuratedPredicates are the predicates of the knowledge layer.
func CuratedPredicates() []Predicate {
	var curated []Predicate
	for _, p := range Predicates() {
		if p.Curated() {
			curated = append(curated, p)
		}
	}
	return curated
}

// CheckEvidenceEnds refuses a report whose ends are of the wrong kind,
// the same way on every engine.
func CheckEvidenceEnds(d, dis *Node) error {
	if d.Category != CategoryDrug {
		return Errorf(EINVALID, "%s is a %s, not a Drug", d.ID, d.Category)
	}
	if dis.Category != CategoryDisorder {
		return Errorf(EINVALID, "%s is a %s, not a Disorder", dis.ID, dis.Category)
	}
	return nil
}

// EvidenceClaims keeps the claims of a drug (its curated out-edges) that
// join it to the disorder or have the disorder as their context.
func EvidenceClaims(edges []*Edge, disorder string) []*Edge {
	var out []*Edge
	for _, e := range edges {
		if e.Object == disorder || e.Qualifiers.Disorder == disorder {
			out = append(out, e)
		}
	}
	return out
}

// AssembleEvidence builds the report from the drug, the disorder, the
// claims linking them (EvidenceClaims) and the nodes those claims reach
// (cited studies and objects; others are ignored). The ends must be a Drug
// and a Disorder (CheckEvidenceEnds).
func AssembleEvidence(d, dis *Node, claims []*Edge, nodes []*Node) *EvidenceReport {
	r := &EvidenceReport{Drug: d, Disorder: dis, Claims: slices.Clone(claims)}
	sort.Slice(r.Claims, func(i, j int) bool { return r.Claims[i].ID < r.Claims[j].ID })
	want := map[string]bool{}
	for _, e := range r.Claims {
		for _, st := range e.Publications() {
			want[st] = true
		}
		want[e.Object] = true
	}
	seen := map[string]bool{}
	designs := map[string]int{}
	for _, n := range nodes {
		if n == nil || !want[n.ID] || seen[n.ID] {
			continue
		}
		seen[n.ID] = true
		switch n.Category {
		case CategoryStudy:
			r.Studies = append(r.Studies, n)
			designs[n.Design]++
		case CategoryOutcome:
			r.Outcomes = append(r.Outcomes, n)
		}
	}
	byID := func(ns []*Node) { sort.Slice(ns, func(i, j int) bool { return ns[i].ID < ns[j].ID }) }
	byID(r.Studies)
	byID(r.Outcomes)
	r.Designs = Counts(designs)
	return r
}

// Counts turns a tally into buckets sorted by key, so every engine reports
// histograms in the same order.
func Counts(m map[string]int) []Count {
	out := make([]Count, 0, len(m))
	for k, v := range m {
		out = append(out, Count{Key: k, Count: v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}
