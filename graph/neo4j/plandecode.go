// Decoding what a compiled plan (plan.go) returns: pages as lists, claims
// and end nodes as the values of the fields the plan projected.

package neo4j

import (
	"fmt"

	"github.com/kapgraph/kapgraph/graph"
)

// planDecoder files what a compiled plan returns into res.
type planDecoder struct {
	res *graph.ReadResult
	// own is the statement's ownStudies: a claim whose pubs are null
	// (propStudiesOwn) files the studies its evidence cites as what the
	// look-up would have returned of them: id and category.
	own bool
	// layouts are the rows' layouts of the plan's pages, worked out once
	// a Read rather than once a node.
	layouts []pageLayout
}

type pageLayout struct {
	pg *graph.PlanPage
	l  *rowLayout
}

// layout is newRowLayout(pg), made once per page of the plan.
func (d *planDecoder) layout(pg *graph.PlanPage) *rowLayout {
	for _, pl := range d.layouts {
		if pl.pg == pg {
			return pl.l
		}
	}
	l := newRowLayout(pg)
	d.layouts = append(d.layouts, pageLayout{pg, l})
	return l
}

// node files a node and its pages (a list in plan order, see
// planCompiler.page) and returns its id: vals are the values of a
// listProjection of fs, or with no fs one whole property map.
func (d *planDecoder) node(vals []any, fs []field, pages []any, n *graph.PlanNode) (string, error) {
	res := d.res
	var node *graph.Node
	var err error
	if fs == nil {
		var props map[string]any
		if len(vals) == 1 {
			props, _ = vals[0].(map[string]any)
		}
		node, err = fileNode(res, props, false)
	} else {
		node, err = fileNodeList(res, vals, fs)
	}
	if err != nil {
		return "", err
	}
	if n == nil {
		return node.ID, nil
	}
	for i, pg := range n.Pages {
		var rawPage []any
		if i < len(pages) {
			rawPage, _ = pages[i].([]any)
		}
		if len(rawPage) != 2 {
			return "", fmt.Errorf("page %d of %q: %d values, want 2", i, node.ID, len(rawPage))
		}
		total, _ := rawPage[pageTotal].(int64)
		rows, _ := rawPage[pageRows].([]any)
		page := &graph.EdgePage{TotalCount: int(total), HasNext: pg.After == nil && int(total) > pg.First}
		l := d.layout(pg)
		for _, raw := range rows {
			if len(page.Edges) == pg.First {
				page.HasNext = true
				break
			}
			row, _ := raw.([]any)
			if len(row) != l.n {
				return "", fmt.Errorf("a claim of %q: %d values, want %d", node.ID, len(row), l.n)
			}
			claim := row[l.props : l.props+width(l.claim)]
			e, err := decodeClaim(claim, l.claim, rowString(row, l.typ), rowString(row, l.subject), rowString(row, l.object))
			if err != nil {
				return "", err
			}
			// What the statement left out (newRowLayout).
			if l.typ < 0 {
				e.Predicate = pg.Predicates[0]
				deriveSlim(e, claimStored(claim, l.claim))
			}
			page.Edges = append(page.Edges, e)
			for j, end := range l.ends {
				if end.plan == nil {
					continue
				}
				var sub []any
				if end.pages >= 0 {
					sub, _ = row[end.pages].([]any)
				}
				id, err := d.node(row[end.node:end.node+width(end.fs)], end.fs, sub, end.plan)
				if err != nil {
					return "", err
				}
				if j == 0 {
					e.Subject = id
				} else {
					e.Object = id
				}
			}
			switch pg.Direction {
			case graph.Out:
				e.Subject = node.ID
			case graph.In:
				e.Object = node.ID
			}
			if d.own && pg.Studies && row[l.pubs] == nil {
				// Each study cited (Publications without its sorted copy:
				// filing one twice changes nothing).
				for _, ev := range e.Evidence {
					for _, id := range ev.Studies {
						fileOwnStudy(res, id)
					}
				}
			}
		}
		res.Pages[graph.PageKey{Page: pg.Key, Node: node.ID}] = page
	}
	return node.ID, nil
}

// decodeClaim is a claim read as the values of a listProjection of fs,
// or with no fs as one whole property map (vals[0]).
func decodeClaim(vals []any, fs []field, typ, subj, obj string) (*graph.Edge, error) {
	if fs == nil {
		var props map[string]any
		if len(vals) == 1 {
			props, _ = vals[0].(map[string]any)
		}
		e, err := decodeEdge(props, typ, subj, obj)
		if err != nil {
			return nil, fmt.Errorf("edge %v: %w", props["id"], err)
		}
		return e, nil
	}
	e := &graph.Edge{}
	if err := decodeList(vals, fs, e); err != nil {
		return nil, fmt.Errorf("edge %v: %w", e.ID, err)
	}
	e.Predicate, e.Subject, e.Object = graph.Predicate(typ), subj, obj
	if typ != "" {
		deriveSlim(e, storedInList(vals, fs))
	}
	return e, nil
}

// claimStored is slimStored of a claim decodeClaim read, whole (fs nil)
// or projected.
func claimStored(vals []any, fs []field) slimStored {
	if fs == nil {
		var props map[string]any
		if len(vals) == 1 {
			props, _ = vals[0].(map[string]any)
		}
		return storedInMap(props)
	}
	return storedInList(vals, fs)
}

// fileOwnStudy files study id as the look-up would have read it when it
// reads only id and category (ownStudiesSuffice): what fileNode does with
// the property map {id, category: Study}, without making one.
func fileOwnStudy(res *graph.ReadResult, id string) {
	if node, whole := partialNode(res, id); !whole {
		node.ID, node.Category = id, graph.CategoryStudy
	}
}

// fileNode decodes a node into res: a whole one into Nodes (and out of
// Partial), a partial one into Partial unless it is already whole, merged
// with the fields other places read of it.
func fileNode(res *graph.ReadResult, props map[string]any, partial bool) (*graph.Node, error) {
	id, _ := props["id"].(string)
	if !partial {
		node, err := decodeNode(props)
		if err != nil {
			return nil, fmt.Errorf("node %q: %w", id, err)
		}
		res.Nodes[node.ID] = node
		delete(res.Partial, node.ID)
		return node, nil
	}
	node, whole := partialNode(res, id)
	if whole {
		return node, nil
	}
	// Decoding over the node so far keeps the fields other places read:
	// the codec sets only the properties present.
	if err := nodeCodec.decode(props, node); err != nil {
		return nil, fmt.Errorf("node %q: %w", id, err)
	}
	return node, nil
}

// fileNodeList is fileNode of a partial node read as the values of a
// listProjection of fs (whose first field is the id).
func fileNodeList(res *graph.ReadResult, vals []any, fs []field) (*graph.Node, error) {
	if len(vals) == 0 || len(vals) != len(fs) || fs[0].prop != "id" {
		return nil, fmt.Errorf("a node of %d values for %d fields", len(vals), len(fs))
	}
	id, _ := vals[0].(string)
	node, whole := partialNode(res, id)
	if whole {
		return node, nil
	}
	// Over the node so far, as fileNode: nulls leave fields alone.
	if err := decodeList(vals, fs, node); err != nil {
		return nil, fmt.Errorf("node %q: %w", id, err)
	}
	return node, nil
}

// partialNode is the node id as res has it so far: the whole node (whole
// true) when one was read, else its partial node, made empty on first use.
func partialNode(res *graph.ReadResult, id string) (node *graph.Node, whole bool) {
	if n := res.Nodes[id]; n != nil {
		return n, true
	}
	node = res.Partial[id]
	if node == nil {
		node = &graph.Node{}
		res.Partial[id] = node
	}
	return node, false
}
