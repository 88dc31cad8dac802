package storetest

import (
	"slices"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

// testModalities covers claims' modality (graph.Modality) on every engine:
// it is stored and read back; claim lists and paths read DefaultModalities
// unless asked for others; a NEGATED claim is never a signed effect (a
// path through it is unsigned, and mechanism paths never take it), and an
// unsigned AFFECTS claim stays out of mechanism paths. The expected sets
// come from the seed documents themselves, so the suite checks the rule,
// not a count.
func testModalities(t *testing.T, s graph.Store, seeds []*graph.Document) {
	for _, d := range seeds {
		if _, err := s.Load(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	l := s
	status := map[string]graph.Modality{}
	var proposed []string
	for _, d := range seeds {
		for i := range d.Edges {
			e := &d.Edges[i]
			if e.Predicate.Curated() {
				status[e.ID] = e.Status()
				if e.Status() == graph.ModalityProposed {
					proposed = append(proposed, e.ID)
				}
			}
		}
	}
	if len(proposed) == 0 {
		t.Fatal("the seeds hold no PROPOSED claim to test with")
	}
	slices.Sort(proposed)
	list := func(f graph.ClaimFilter) []string {
		t.Helper()
		p, err := l.Claims(ctx, graph.ClaimQuery{Filter: f, OrderBy: graph.ClaimsByID, First: graph.MaxPageSize})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, e := range p.Edges {
			if e.Status() != status[e.ID] {
				t.Errorf("claim %s reads back as %s, loaded as %s", e.ID, e.Status(), status[e.ID])
			}
			ids = append(ids, e.ID)
		}
		return ids
	}
	if got := list(graph.ClaimFilter{Modalities: []graph.Modality{graph.ModalityProposed}}); !slices.Equal(got, proposed) {
		t.Errorf("PROPOSED claims: %v, want %v", got, proposed)
	}
	for _, id := range list(graph.ClaimFilter{Predicates: []graph.Predicate{graph.StudiedToTreat}}) {
		if status[id] != graph.ModalityAsserted {
			t.Errorf("the default claim list holds %s, a %s claim", id, status[id])
		}
	}
	all := list(graph.ClaimFilter{Predicates: []graph.Predicate{graph.StudiedToTreat}, Modalities: graph.Modalities()})
	for _, id := range proposed {
		if e := edgeOf(seeds, id); e.Predicate == graph.StudiedToTreat && !slices.Contains(all, id) {
			t.Errorf("asking for every modality leaves out %s", id)
		}
	}
	_, err := l.Claims(ctx, graph.ClaimQuery{Filter: graph.ClaimFilter{Modalities: []graph.Modality{"LIKELY"}}})
	wantCode(t, err, graph.EINVALID)

	// Paths over a PROPOSED claim only when asked for.
	e := edgeOf(seeds, proposed[0])
	q := graph.PathQuery{From: e.Subject, To: e.Object, MaxHops: 1}
	for _, ms := range [][]graph.Modality{nil, graph.Modalities()} {
		q.Modalities = ms
		ps, err := s.Paths(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		found := slices.ContainsFunc(ps, func(p *graph.Path) bool { return p.Hops[0].Edge.ID == e.ID })
		if found != (ms != nil) {
			t.Errorf("modalities %v: path over the PROPOSED %s found = %v", ms, e.ID, found)
		}
	}
	_, err = s.Paths(ctx, graph.PathQuery{From: e.Subject, To: e.Object, Modalities: []graph.Modality{"LIKELY"}})
	wantCode(t, err, graph.EINVALID)

	// Mechanism paths follow signed effects only, whatever is asked.
	for _, d := range seeds {
		for _, e := range d.Edges {
			if e.Predicate != graph.Affects || e.Sign != graph.Unsigned {
				continue
			}
			ps, err := s.MechanismPaths(ctx, graph.MechanismPathQuery{From: e.Subject, MaxHops: 3, First: graph.MaxPathResults, Modalities: graph.Modalities()})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range ps {
				for _, h := range p.Hops {
					if !h.Edge.SignedEffect() {
						t.Errorf("mechanism path from %s follows %s, no signed effect", e.Subject, h.Edge.ID)
					}
				}
			}
		}
	}
	testNegatedNeverSigned(t, s)
}

// testNegatedNeverSigned loads a small document with a NEGATED claim and
// checks it is never served as a signed effect.
func testNegatedNeverSigned(t *testing.T, s graph.Store) {
	const doc = "KAP:fixture-negated"
	n := func(id string, c graph.Category) graph.Node {
		return graph.Node{ID: id, Category: c, Name: id, Biolink: c.Biolink()}
	}
	claim := func(id, subj, obj string, sign graph.Sign, m graph.Modality) graph.Edge {
		return graph.Edge{ID: doc + "." + id, Subject: subj, Predicate: graph.Affects, Object: obj, Sign: sign,
			Biolink: graph.Affects.Biolink(sign), Modality: m, Negated: m == graph.ModalityNegated,
			Origin: graph.OriginStated, Document: doc, Score: 0.5}
	}
	d := &graph.Document{ID: doc, Nodes: []graph.Node{
		n("KAP:fixture-negated-drug", graph.CategoryDrug), n("KAP:fixture-negated-mech", graph.CategoryMechanism),
		n("KAP:fixture-negated-outcome", graph.CategoryOutcome),
	}, Edges: []graph.Edge{
		claim("e1", "KAP:fixture-negated-drug", "KAP:fixture-negated-mech", graph.Decreases, graph.ModalityNegated),
		claim("e2", "KAP:fixture-negated-mech", "KAP:fixture-negated-outcome", graph.Increases, graph.ModalityAsserted),
	}}
	if _, err := s.Load(ctx, d); err != nil {
		t.Fatal(err)
	}
	got, err := s.EdgesByID(ctx, []string{doc + ".e1"})
	if err != nil || len(got) != 1 || got[0].Modality != graph.ModalityNegated || !got[0].Negated {
		t.Fatalf("the NEGATED claim reads back as %+v (%v)", got, err)
	}
	ps, err := s.MechanismPaths(ctx, graph.MechanismPathQuery{From: "KAP:fixture-negated-drug", Modalities: graph.Modalities()})
	if err != nil || len(ps) != 0 {
		t.Errorf("mechanism paths over a NEGATED claim: %d (%v), want none", len(ps), err)
	}
	q := graph.PathQuery{From: "KAP:fixture-negated-drug", To: "KAP:fixture-negated-outcome", Directed: true}
	if ps, err = s.Paths(ctx, q); err != nil || len(ps) != 0 {
		t.Errorf("default paths over a NEGATED claim: %d (%v), want none", len(ps), err)
	}
	q.Modalities = []graph.Modality{graph.ModalityAsserted, graph.ModalityNegated}
	ps, err = s.Paths(ctx, q)
	if err != nil || len(ps) != 1 {
		t.Fatalf("paths asking for NEGATED: %d (%v), want 1", len(ps), err)
	}
	if ps[0].Sign != graph.Unsigned {
		t.Errorf("a path through a NEGATED claim has sign %q; a negated finding is never a signed effect", ps[0].Sign)
	}
}

func edgeOf(docs []*graph.Document, id string) *graph.Edge {
	for _, d := range docs {
		for i := range d.Edges {
			if d.Edges[i].ID == id {
				return &d.Edges[i]
			}
		}
	}
	return nil
}
