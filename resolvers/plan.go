package resolvers

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/resolvers/batch"
	"github.com/kapgraph/kapgraph/resolvers/model"
)

// Read planning. A root field that returns nodes by id (node, nodes)
// looks ahead at its selection, turns the claim pages it asks for (at any
// depth, through the claims' subjects and objects) into one
// graph.ReadPlan, reads the plan with one Store call (on Neo4j, one
// statement), and primes the request's loaders with the result, so that
// the field resolvers below find everything they need already fetched and
// the JSON they write is the same as without planning.
//
// Planned: the root nodes; on any node, the fields that are one page of
// the node's claims (claimPages, fields.go); on each
// claim, subject, object and evidence.studies. Everything else a query
// selects is resolved through the dataloaders (resolvers/batch) as
// before: evidence.passage and .section, claim concerns and review, the
// non-claim relationship fields (related, mentionedIn, studiedFor, ...),
// and the lists of document structure. A node the plan did not find costs
// the loader's own lookup, which reports it missing.

// planner builds one plan from one root field's selection.
type planner struct {
	vars  map[string]any
	pages map[string]*graph.PlanPage // by key, for priming
	// places are, by page key, the places of the query where the page's
	// claim ends and cited studies are resolved (see batch.PrimeAt).
	places map[string][]place
}

// place is one place a page's nodes are resolved at: "subject",
// "object" or "studies", and the response path without list indexes.
type place struct{ end, path string }

// fieldsOf is the graph.Node fields a selection reads, or nil when it
// reads (or may read) the node whole. ids restricts the selection to the
// id (cited studies: their other fields are not worth a list here).
func fieldsOf(set ast.SelectionSet, idsOnly bool) []string {
	out := []string{}
	for _, f := range fields(set) {
		fs, ok := readsOf(f.Name)
		if !ok || idsOnly && f.Name != "id" && f.Name != "__typename" {
			return nil
		}
		for _, x := range fs {
			if !slices.Contains(out, x) {
				out = append(out, x)
			}
		}
	}
	return out
}

// unionFields is the fields two places read of the same nodes.
func unionFields(a, b []string) []string {
	if a == nil || b == nil {
		return nil
	}
	out := slices.Clone(a)
	for _, x := range b {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

// prefetch reads, for the root field resolving now, the plan of its
// selection over ids, and primes the loaders with it. A selection with
// nothing to plan costs nothing; a plan that fails is an error of the
// field, as the loaders' own calls would have been.
func (r *Resolver) prefetch(ctx context.Context, ids []string) error {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || len(ids) == 0 {
		return nil
	}
	return r.prefetchNodes(ctx, ids, func(pl *planner) *graph.PlanNode {
		return pl.node(fc.Field.Selections, fc.Field.Alias)
	})
}

// prefetchPage is prefetch for a root field that returns a connection of
// nodes (a list root): the plan is what its edges { node } select, over the nodes of the page just read. So a list with nested
// claims costs two Store calls, the page and its plan, however deep.
func (r *Resolver) prefetchPage(ctx context.Context, ns []*graph.Node) error {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || len(ns) == 0 {
		return nil
	}
	ids := make([]string, len(ns))
	for i, n := range ns {
		ids[i] = n.ID
	}
	return r.prefetchNodes(ctx, ids, func(pl *planner) *graph.PlanNode {
		root := &graph.PlanNode{}
		for _, f := range fields(fc.Field.Selections) {
			if f.Name != "edges" {
				continue
			}
			for _, e := range fields(f.SelectionSet) {
				if e.Name == "node" {
					root = merge(root, pl.node(e.SelectionSet, fc.Field.Alias+"."+f.Alias+"."+e.Alias))
				}
			}
		}
		return root
	})
}

// prefetchNodes reads the plan that plan builds over ids and primes the
// request's loaders with it.
func (r *Resolver) prefetchNodes(ctx context.Context, ids []string, plan func(*planner) *graph.PlanNode) error {
	fc := graphql.GetFieldContext(ctx)
	pl := &planner{pages: map[string]*graph.PlanPage{}, places: map[string][]place{}}
	if oc := graphql.GetOperationContext(ctx); oc != nil {
		pl.vars = oc.Variables
	}
	root := plan(pl)
	if len(root.Pages) == 0 {
		return nil
	}
	res, err := r.store.Read(ctx, graph.ReadPlan{IDs: ids, Root: *root})
	if err != nil {
		return fmt.Errorf("reading the plan of %s: %w", fc.Field.Alias, err)
	}
	l := r.loaders(ctx)
	for _, n := range res.Nodes {
		l.Prime(n)
	}
	// A root the plan did not find is missing: say so at the root's place,
	// rather than have the loader look again.
	for _, id := range ids {
		if res.Nodes[id] == nil {
			l.PrimeAt(r.place(ctx), id, nil)
		}
	}
	for k, p := range res.Pages {
		pg := pl.pages[k.Page]
		if pg.ClaimFields != nil {
			// Partial claims answer the page's own place only (the key
			// is the claims field's response path), never the caches.
			if err := l.PrimePageAt(k.Page, k.Node, pg.Direction, pg.Predicates, pg.Modalities, pg.First, pg.After, p); err != nil {
				return err
			}
		} else if err := l.PrimeEdgePage(k.Node, pg.Direction, pg.Predicates, pg.Modalities, pg.First, pg.After, p); err != nil {
			return err
		}
		for _, pc := range pl.places[k.Page] {
			for _, e := range p.Edges {
				switch pc.end {
				case "subject":
					l.PrimeAt(pc.path, e.Subject, res.Node(e.Subject))
				case "object":
					l.PrimeAt(pc.path, e.Object, res.Node(e.Object))
				case "studies":
					// Each study cited (Publications without its sorted
					// copy: priming one twice changes nothing).
					for _, ev := range e.Evidence {
						for _, id := range ev.Studies {
							l.PrimeAt(pc.path, id, res.Node(id))
						}
					}
				}
			}
		}
	}
	return nil
}

// placeOf is the place (see batch.PrimeAt) of the field resolving now:
// its response path without list indexes.
func placeOf(ctx context.Context) string {
	// It walks the field contexts up as FieldContext.Path does, but
	// writes the names straight into one string: every claim end asks,
	// and the path's slice of interfaces cost more than the rest of the
	// lookup.
	fc := graphql.GetFieldContext(ctx)
	n, depth := 0, 0
	for it := fc; it != nil; it = it.Parent {
		if it.Index == nil && it.Field.Field != nil {
			n += len(it.Field.Alias) + 1
			depth++
		}
	}
	if n == 0 {
		return ""
	}
	// Written root first into a builder of the right size, so the string
	// is the one allocation: the d-th name from the root is found by
	// walking up from the leaf again (depth is a few fields).
	var b strings.Builder
	b.Grow(n - 1)
	for d := depth - 1; d >= 0; d-- {
		k := 0
		for it := fc; it != nil; it = it.Parent {
			if it.Index == nil && it.Field.Field != nil {
				if k == d {
					if d < depth-1 {
						b.WriteByte('.')
					}
					b.WriteString(it.Field.Alias)
					break
				}
				k++
			}
		}
	}
	return b.String()
}

// node plans the claim pages selected on a node.
func (pl *planner) node(set ast.SelectionSet, path string) *graph.PlanNode {
	n := &graph.PlanNode{}
	for _, f := range fields(set) {
		page, ok := claimPages[f.Name]
		if !ok {
			continue
		}
		args := f.ArgumentMap(pl.vars)
		dir, preds, ok := page.selectionFromArgs(args)
		if !ok {
			continue
		}
		ms, ok := modalitiesFromArgs(args)
		if !ok {
			continue
		}
		first, err := pageSize(intPtr(args["first"]))
		if err != nil {
			continue // the field's resolver reports it
		}
		var after *graph.Cursor
		if a, _ := args["after"].(string); a != "" {
			c, err := graph.DecodeCursor(a)
			if err != nil {
				continue
			}
			after = &c
		}
		key := path + "." + f.Alias
		if dup := pl.pages[key]; dup != nil {
			// The same field again through another fragment: its claims
			// are read whole, since only the first selection is planned.
			dup.ClaimFields = nil
			continue
		}
		pg := &graph.PlanPage{Key: key, Direction: dir, Predicates: preds, Modalities: ms, First: first, After: after, ClaimFields: []string{}}
		pl.pages[key] = pg
		for _, c := range fields(f.SelectionSet) {
			if c.Name != "edges" {
				continue
			}
			for _, e := range fields(c.SelectionSet) {
				if e.Name == "node" {
					pl.claim(pg, e.SelectionSet, key+"."+c.Alias+"."+e.Alias)
				}
			}
		}
		n.Pages = append(n.Pages, pg)
	}
	return n
}

// claimFieldsRead are the GraphQL fields of a claim whose resolvers read
// only these fields of graph.Edge (besides id, subject, predicate and
// object, which every partial claim keeps; a plan's claims keep their
// score too): a page whose claims select nothing else reads them
// partially (graph.PlanPage.ClaimFields, NeighborhoodQuery.ClaimFields).
// Any other field reads the claim whole, so a new field is safe before it
// is listed here.
var claimFieldsRead = map[string][]string{
	"id": nil, "__typename": nil, "subject": nil, "object": nil, "predicate": nil, "score": {"score"},
	"biolink": {"biolink"}, "sign": {"sign"}, "negated": {"negated"}, "qualifiers": {"qualifiers"},
	"origin": {"origin"}, "curation": {"curation"}, "hedged": {"hedged"},
	"knowledgeLevel": {"knowledgeLevel"}, "agentType": {"agentType"}, "note": {"note"},
	"evidence": {"evidence"}, "concerns": {"concerns"}, "inferredFromIds": {"inferredFrom"},
	"inferredFrom": {"inferredFrom"}, "document": {"document"}, "review": {"document"},
	"documents": {"document", "evidence"}, "reviews": {"document", "evidence"},
}

// claimFieldsOf is the graph.Edge fields a claim's selection reads, or
// nil when it reads (or may read) the claim whole.
func claimFieldsOf(set ast.SelectionSet) []string {
	out := []string{}
	for _, f := range fields(set) {
		fs, ok := claimFieldsRead[f.Name]
		if !ok {
			return nil
		}
		for _, x := range fs {
			if !slices.Contains(out, x) {
				out = append(out, x)
			}
		}
	}
	return out
}

// claim plans what is selected on each claim of a page.
func (pl *planner) claim(pg *graph.PlanPage, set ast.SelectionSet, path string) {
	pg.ClaimFields = unionFields(pg.ClaimFields, claimFieldsOf(set))
	for _, f := range fields(set) {
		at := path + "." + f.Alias
		switch f.Name {
		case "subject", "object":
			n := pl.node(f.SelectionSet, at)
			n.Fields = fieldsOf(f.SelectionSet, false)
			if f.Name == "subject" {
				pg.Subject = merge(pg.Subject, n)
			} else {
				pg.Object = merge(pg.Object, n)
			}
			pl.places[pg.Key] = append(pl.places[pg.Key], place{f.Name, at})
		case "evidence":
			for _, e := range fields(f.SelectionSet) {
				if e.Name != "studies" {
					continue
				}
				fs := fieldsOf(e.SelectionSet, true)
				if !pg.Studies {
					pg.Studies, pg.StudyFields = true, fs
				} else {
					pg.StudyFields = unionFields(pg.StudyFields, fs)
				}
				pl.places[pg.Key] = append(pl.places[pg.Key], place{"studies", at + "." + e.Alias})
			}
		}
	}
}

// merge is what two selections of the same end read: both their pages,
// the union of their fields.
func merge(a, b *graph.PlanNode) *graph.PlanNode {
	if a == nil {
		return b
	}
	a.Pages = append(a.Pages, b.Pages...)
	a.Fields = unionFields(a.Fields, b.Fields)
	return a
}

// fields lists the fields of a selection set, through inline fragments
// and fragment spreads whatever their type condition: planning a field of
// another type only reads a page nobody uses.
func fields(set ast.SelectionSet) []*ast.Field {
	out := make([]*ast.Field, 0, len(set)) // one allocation where there are no fragments
	var walk func(ast.SelectionSet, int)
	walk = func(set ast.SelectionSet, depth int) {
		if depth > 32 { // a fragment cycle never validates; stay finite anyway
			return
		}
		for _, s := range set {
			switch x := s.(type) {
			case *ast.Field:
				out = append(out, x)
			case *ast.InlineFragment:
				walk(x.SelectionSet, depth+1)
			case *ast.FragmentSpread:
				if x.Definition != nil {
					walk(x.Definition.SelectionSet, depth+1)
				}
			}
		}
	}
	walk(set, 0)
	return out
}

// intPtr reads an Int argument however it was coerced.
func intPtr(v any) *int {
	var n int
	switch x := v.(type) {
	case int:
		n = x
	case int32:
		n = int(x)
	case int64:
		n = int(x)
	case float64:
		n = int(x)
	case json.Number:
		i, err := x.Int64()
		if err != nil {
			return nil
		}
		n = int(i)
	default:
		return nil
	}
	return &n
}

// placedStudies answers an evidence's studies from what a plan read for
// place, as Resolver.studies would: the studies that exist, in order. ok is
// false when the plan did not read them all there.
func placedStudies(l *batch.Loaders, place string, ids []string) (out []*model.Study, ok bool) {
	out = make([]*model.Study, 0, len(ids))
	slab := make([]model.Study, len(ids)) // the studies in one block
	for i, id := range ids {
		n, known := l.At(place, id)
		if !known {
			return nil, false
		}
		if n != nil && n.Category == graph.CategoryStudy {
			slab[i] = model.Study{Base: model.Base{Node: n}}
			out = append(out, &slab[i])
		}
	}
	return out, true
}
