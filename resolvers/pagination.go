package resolvers

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/resolvers/generated"
	"github.com/kapgraph/kapgraph/resolvers/model"
)

// pageSize is graph's page-size rule (graph.PageSize) for a `first`
// argument as gqlgen passes it (nil when absent).
func pageSize(first *int) (int, error) { return graph.PageSize(deref(first)) }

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// item is one element of a list with its sort key.
type item[T any] struct {
	key, id string
	v       T
}

// page is one page of a list that the resolvers sorted themselves
// (relationship fields), or that the store paged (root lists).
type page[T any] struct {
	items   []T
	cursors []string
	info    *generated.PageInfo
	total   int
}

// paginate sorts items by (key, id) and cuts the page after the cursor.
// Cursors are keyset positions, so a page stays correct when an item before
// it disappears between requests.
func paginate[T any](items []item[T], first *int, after *string) (page[T], error) {
	return paginateOrdered(items, false, first, after)
}

// paginateOrdered is paginate in either direction.
func paginateOrdered[T any](items []item[T], desc bool, first *int, after *string) (page[T], error) {
	n, err := pageSize(first)
	if err != nil {
		return page[T]{}, err
	}
	slices.SortFunc(items, func(a, b item[T]) int {
		c := cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.id, b.id))
		if desc {
			return -c
		}
		return c
	})
	start := 0
	if a := deref(after); a != "" {
		c, err := graph.DecodeCursor(a)
		if err != nil {
			return page[T]{}, err
		}
		start = len(items)
		for i, it := range items {
			if graph.CursorAfter(it.key, it.id, c, desc) {
				start = i
				break
			}
		}
	}
	end := min(start+n, len(items))
	p := page[T]{total: len(items), info: &generated.PageInfo{HasNextPage: end < len(items), HasPreviousPage: start > 0}}
	for _, it := range items[start:end] {
		p.items = append(p.items, it.v)
		p.cursors = append(p.cursors, graph.EncodeCursor(graph.Cursor{Key: it.key, ID: it.id}))
	}
	if len(p.cursors) > 0 {
		p.info.StartCursor, p.info.EndCursor = &p.cursors[0], &p.cursors[len(p.cursors)-1]
	}
	return p, nil
}

// storePage converts a page of Store.ListNodes.
func storePage(np *graph.NodePage, after *string) page[*graph.Node] {
	return page[*graph.Node]{
		items:   np.Nodes,
		cursors: np.Cursors,
		total:   np.TotalCount,
		info: &generated.PageInfo{
			HasNextPage:     np.HasNext,
			HasPreviousPage: deref(after) != "",
			StartCursor:     optString(np.StartCursor),
			EndCursor:       optString(np.EndCursor),
		},
	}
}

// nodeKey orders the nodes of a relationship list: sections and passages by
// their position in the text, studies by reference number, everything else
// by name.
func nodeKey(n *graph.Node) string {
	switch n.Category {
	case graph.CategorySection, graph.CategoryPassage:
		return fmt.Sprintf("0|%09d|%09d", n.Ordinal, n.Start)
	case graph.CategoryStudy:
		ref := n.RefNumber
		if ref <= 0 {
			ref = math.MaxInt32
		}
		return fmt.Sprintf("1|%010d|%s", ref, strings.ToLower(n.Name))
	}
	return "2|" + strings.ToLower(n.Name)
}

// claimKey orders claims strongest evidence first.
func claimKey(e *graph.Edge) string { return graph.ClaimOrderKey(e) }

func nodeItems(ns []*graph.Node) []item[*graph.Node] {
	out := make([]item[*graph.Node], 0, len(ns))
	for _, n := range ns {
		out = append(out, item[*graph.Node]{key: nodeKey(n), id: n.ID, v: n})
	}
	return out
}

func claimItems(es []*graph.Edge) []item[*graph.Edge] {
	out := make([]item[*graph.Edge], 0, len(es))
	for _, e := range es {
		out = append(out, item[*graph.Edge]{key: claimKey(e), id: e.ID, v: e})
	}
	return out
}

// connect turns the (page, error) of a list into the (connection, error) a
// resolver returns: connect(drugConnection)(r.list(...)).
func connect[C any](mk func(page[*graph.Node]) C) func(page[*graph.Node], error) (C, error) {
	return func(p page[*graph.Node], err error) (C, error) {
		if err != nil {
			var zero C
			return zero, err
		}
		return mk(p), nil
	}
}

// edges builds the typed edges of a connection.
func edges[E any](p page[*graph.Node], mk func(cursor string, b model.Base) E) []E {
	out := make([]E, len(p.items))
	for i, n := range p.items {
		out[i] = mk(p.cursors[i], model.Base{Node: n})
	}
	return out
}

func claimConnection(p page[*graph.Edge]) *generated.ClaimConnection {
	out := &generated.ClaimConnection{Edges: make([]*generated.ClaimEdge, len(p.items)), PageInfo: p.info, TotalCount: p.total}
	// The edges in one block: every claim page of a nested question
	// makes a page's worth.
	slab := make([]generated.ClaimEdge, len(p.items))
	for i, e := range p.items {
		slab[i] = generated.ClaimEdge{Cursor: p.cursors[i], Node: e}
		out.Edges[i] = &slab[i]
	}
	return out
}

func nodeConnection(p page[*graph.Node]) *generated.NodeConnection {
	out := &generated.NodeConnection{Edges: make([]*generated.NodeEdge, 0, len(p.items)), PageInfo: p.info, TotalCount: p.total}
	for i, n := range p.items {
		if w := model.Wrap(n); w != nil {
			out.Edges = append(out.Edges, &generated.NodeEdge{Cursor: p.cursors[i], Node: w})
		}
	}
	return out
}

func reviewConnection(p page[*graph.Node]) *generated.ReviewConnection {
	return &generated.ReviewConnection{PageInfo: p.info, TotalCount: p.total, Edges: edges(p, func(c string, b model.Base) *generated.ReviewEdge {
		return &generated.ReviewEdge{Cursor: c, Node: &model.Review{Base: b}}
	})}
}

func sectionConnection(p page[*graph.Node]) *generated.SectionConnection {
	return &generated.SectionConnection{PageInfo: p.info, TotalCount: p.total, Edges: edges(p, func(c string, b model.Base) *generated.SectionEdge {
		return &generated.SectionEdge{Cursor: c, Node: &model.Section{Base: b}}
	})}
}

func passageConnection(p page[*graph.Node]) *generated.PassageConnection {
	return &generated.PassageConnection{PageInfo: p.info, TotalCount: p.total, Edges: edges(p, func(c string, b model.Base) *generated.PassageEdge {
		return &generated.PassageEdge{Cursor: c, Node: &model.Passage{Base: b}}
	})}
}

func studyConnection(p page[*graph.Node]) *generated.StudyConnection {
	return &generated.StudyConnection{PageInfo: p.info, TotalCount: p.total, Edges: edges(p, func(c string, b model.Base) *generated.StudyEdge {
		return &generated.StudyEdge{Cursor: c, Node: &model.Study{Base: b}}
	})}
}

func concernConnection(p page[*graph.Node]) *generated.CitationConcernConnection {
	return &generated.CitationConcernConnection{PageInfo: p.info, TotalCount: p.total, Edges: edges(p, func(c string, b model.Base) *generated.CitationConcernEdge {
		return &generated.CitationConcernEdge{Cursor: c, Node: &model.CitationConcern{Base: b}}
	})}
}

func drugConnection(p page[*graph.Node]) *generated.DrugConnection {
	return &generated.DrugConnection{PageInfo: p.info, TotalCount: p.total, Edges: edges(p, func(c string, b model.Base) *generated.DrugEdge {
		return &generated.DrugEdge{Cursor: c, Node: &model.Drug{Base: b}}
	})}
}

func mechanismConnection(p page[*graph.Node]) *generated.MechanismConnection {
	return &generated.MechanismConnection{PageInfo: p.info, TotalCount: p.total, Edges: edges(p, func(c string, b model.Base) *generated.MechanismEdge {
		return &generated.MechanismEdge{Cursor: c, Node: &model.Mechanism{Base: b}}
	})}
}

func brainRegionConnection(p page[*graph.Node]) *generated.BrainRegionConnection {
	return &generated.BrainRegionConnection{PageInfo: p.info, TotalCount: p.total, Edges: edges(p, func(c string, b model.Base) *generated.BrainRegionEdge {
		return &generated.BrainRegionEdge{Cursor: c, Node: &model.BrainRegion{Base: b}}
	})}
}

func brainNetworkConnection(p page[*graph.Node]) *generated.BrainNetworkConnection {
	return &generated.BrainNetworkConnection{PageInfo: p.info, TotalCount: p.total, Edges: edges(p, func(c string, b model.Base) *generated.BrainNetworkEdge {
		return &generated.BrainNetworkEdge{Cursor: c, Node: &model.BrainNetwork{Base: b}}
	})}
}

func disorderConnection(p page[*graph.Node]) *generated.DisorderConnection {
	return &generated.DisorderConnection{PageInfo: p.info, TotalCount: p.total, Edges: edges(p, func(c string, b model.Base) *generated.DisorderEdge {
		return &generated.DisorderEdge{Cursor: c, Node: &model.Disorder{Base: b}}
	})}
}

func symptomConnection(p page[*graph.Node]) *generated.SymptomConnection {
	return &generated.SymptomConnection{PageInfo: p.info, TotalCount: p.total, Edges: edges(p, func(c string, b model.Base) *generated.SymptomEdge {
		return &generated.SymptomEdge{Cursor: c, Node: &model.Symptom{Base: b}}
	})}
}

func outcomeConnection(p page[*graph.Node]) *generated.OutcomeConnection {
	return &generated.OutcomeConnection{PageInfo: p.info, TotalCount: p.total, Edges: edges(p, func(c string, b model.Base) *generated.OutcomeEdge {
		return &generated.OutcomeEdge{Cursor: c, Node: &model.Outcome{Base: b}}
	})}
}

func therapyConnection(p page[*graph.Node]) *generated.TherapyConnection {
	return &generated.TherapyConnection{PageInfo: p.info, TotalCount: p.total, Edges: edges(p, func(c string, b model.Base) *generated.TherapyEdge {
		return &generated.TherapyEdge{Cursor: c, Node: &model.Therapy{Base: b}}
	})}
}

func safetyRiskConnection(p page[*graph.Node]) *generated.SafetyRiskConnection {
	return &generated.SafetyRiskConnection{PageInfo: p.info, TotalCount: p.total, Edges: edges(p, func(c string, b model.Base) *generated.SafetyRiskEdge {
		return &generated.SafetyRiskEdge{Cursor: c, Node: &model.SafetyRisk{Base: b}}
	})}
}

func populationConnection(p page[*graph.Node]) *generated.PopulationConnection {
	return &generated.PopulationConnection{PageInfo: p.info, TotalCount: p.total, Edges: edges(p, func(c string, b model.Base) *generated.PopulationEdge {
		return &generated.PopulationEdge{Cursor: c, Node: &model.Population{Base: b}}
	})}
}
