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

// EvidenceFor builds an EvidenceReport from any Store. A claim belongs to
// the link when it joins the drug to the disorder directly, or starts at
// the drug with the disorder as its context qualifier.
func EvidenceFor(ctx context.Context, s Store, drug, disorder string) (*EvidenceReport, error) {
	if err := checkID(drug, "drug"); err != nil {
		return nil, err
	}
	if err := checkID(disorder, "disorder"); err != nil {
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
	if d.Category != CategoryDrug {
		return nil, Errorf(EINVALID, "%s is a %s, not a Drug", drug, d.Category)
	}
	if dis.Category != CategoryDisorder {
		return nil, Errorf(EINVALID, "%s is a %s, not a Disorder", disorder, dis.Category)
	}
	var curated []Predicate
	for _, p := range Predicates() {
		if p.Curated() {
			curated = append(curated, p)
		}
	}
	edges, err := s.EdgesOf(ctx, EdgeQuery{NodeIDs: []string{drug}, Direction: Out, Predicates: curated})
	if err != nil {
		return nil, err
	}
	r := &EvidenceReport{Drug: d, Disorder: dis}
	var studyIDs, outcomeIDs []string
	for _, e := range edges {
		if e.Object != disorder && e.Qualifiers.Disorder != disorder {
			continue
		}
		r.Claims = append(r.Claims, e)
		studyIDs = append(studyIDs, e.Publications()...)
		outcomeIDs = append(outcomeIDs, e.Object)
	}
	sort.Slice(r.Claims, func(i, j int) bool { return r.Claims[i].ID < r.Claims[j].ID })
	slices.Sort(studyIDs)
	studyIDs = slices.Compact(studyIDs)
	slices.Sort(outcomeIDs)
	outcomeIDs = slices.Compact(outcomeIDs)
	nodes, err := s.NodesByID(ctx, append(studyIDs, outcomeIDs...))
	if err != nil {
		return nil, err
	}
	designs := map[string]int{}
	for _, n := range nodes {
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
	return r, nil
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
