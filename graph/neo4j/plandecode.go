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
	// layouts are the rows' layouts of the plan's pages, kept with the
	// plan's statement (compileRead) rather than worked out once a node.
	layouts []pageLayout
	// packs, ev and nodes are blocks the rows' packed values, the
	// claims' evidence and the partial nodes are taken from: a Read's
	// result is used and dropped as a whole.
	packs []packed
	ev    evArena
	nodes []graph.Node
	// pages, edges and edgePtrs are blocks the pages, their claims and
	// their lists are taken from.
	pages    []graph.EdgePage
	edges    []graph.Edge
	edgePtrs []*graph.Edge
}

type pageLayout struct {
	pg *graph.PlanPage
	l  *rowLayout
}

// layout is newRowLayout(pg), made here for a page Read did not give.
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

// node files the pages of node (a list in plan order, see
// planCompiler.page), which plan node n reads.
func (d *planDecoder) node(node *graph.Node, pages []any, n *graph.PlanNode) error {
	res := d.res
	if n == nil {
		return nil
	}
	for i, pg := range n.Pages {
		var rawPage []any
		if i < len(pages) {
			rawPage, _ = pages[i].([]any)
		}
		if len(rawPage) != 2 {
			return fmt.Errorf("page %d of %q: %d values, want 2", i, node.ID, len(rawPage))
		}
		total, _ := rawPage[pageTotal].(int64)
		rows, _ := rawPage[pageRows].([]any)
		page := d.newPage()
		page.TotalCount, page.HasNext = int(total), pg.After == nil && int(total) > pg.First
		l := d.layout(pg)
		n := min(len(rows), pg.First)
		var edges []graph.Edge
		if n > 0 {
			page.Edges, edges = d.newEdges(n)
		}
		for k, raw := range rows {
			if k == pg.First {
				page.HasNext = true
				break
			}
			row, err := d.rowVals(l, raw)
			if err != nil {
				return fmt.Errorf("a claim of %q: %w", node.ID, err)
			}
			e := &edges[k]
			if err := d.claim(e, row, l, pg); err != nil {
				return err
			}
			page.Edges = append(page.Edges, e)
			// The ends' plan nodes are pg's own: l may be a cached layout of
			// an earlier plan of the same shape, whose end plans hold that
			// plan's sizes and keys.
			for j, endPlan := range [2]*graph.PlanNode{pg.Subject, pg.Object} {
				end := l.ends[j]
				if endPlan == nil {
					continue
				}
				var sub []any
				if end.pages >= 0 {
					sub, _ = row.raw(end.pages).([]any)
				}
				endNode, err := d.end(row, end)
				if err != nil {
					return err
				}
				if err := d.node(endNode, sub, endPlan); err != nil {
					return err
				}
				if j == 0 {
					e.Subject = endNode.ID
				} else {
					e.Object = endNode.ID
				}
			}
			switch pg.Direction {
			case graph.Out:
				e.Subject = node.ID
			case graph.In:
				e.Object = node.ID
			}
			if d.own && pg.Studies && row.raw(l.pubs) == nil {
				// Each study cited (Publications without its sorted copy:
				// filing one twice changes nothing).
				for _, ev := range e.Evidence {
					for _, id := range ev.Studies {
						d.ownStudy(id)
					}
				}
			}
		}
		res.Pages[graph.PageKey{Page: pg.Key, Node: node.ID}] = page
	}
	return nil
}

// claim decodes a row's claim into e: its properties whole or as the
// fields of l.claim, its type, and its ends' ids where the row holds
// them, and what the statement left out (newRowLayout).
func (d *planDecoder) claim(e *graph.Edge, row rowVals, l *rowLayout, pg *graph.PlanPage) error {
	typ, subj, obj := row.str(l.typ), row.str(l.subject), row.str(l.object)
	if l.claim == nil {
		props, _ := row.raw(l.props).(map[string]any)
		de, err := decodeEdge(props, typ, subj, obj)
		if err != nil {
			return fmt.Errorf("edge %v: %w", props["id"], err)
		}
		*e = *de
		if l.typ < 0 {
			e.Predicate = pg.Predicates[0]
			deriveSlim(e, storedInMap(props))
		}
		return nil
	}
	if err := d.fields(row, l.props, l.claim, e); err != nil {
		return fmt.Errorf("edge %v: %w", e.ID, err)
	}
	e.Predicate, e.Subject, e.Object = graph.Predicate(typ), subj, obj
	if l.typ < 0 {
		e.Predicate = pg.Predicates[0]
	}
	deriveSlim(e, row.stored(l.props, l.claim))
	return nil
}

// end files a row's end node: whole from its property map, or partial
// from the fields of end.fs (whose first is the id), over what other
// places read of it.
func (d *planDecoder) end(row rowVals, end endLayout) (*graph.Node, error) {
	if end.fs == nil {
		props, _ := row.raw(end.node).(map[string]any)
		return fileNode(d.res, props, false)
	}
	if end.fs[0].prop != "id" {
		return nil, fmt.Errorf("a node read without its id")
	}
	id := row.str(end.node)
	node, whole := d.partial(id)
	if whole {
		return node, nil
	}
	// Over the node so far, as fileNode: nulls leave fields alone.
	if err := d.fields(row, end.node, end.fs, node); err != nil {
		return nil, fmt.Errorf("node %q: %w", id, err)
	}
	return node, nil
}

// newPage is a new empty page, taken from a block of them.
func (d *planDecoder) newPage() *graph.EdgePage {
	if len(d.pages) == 0 {
		d.pages = make([]graph.EdgePage, 8)
	}
	page := &d.pages[0]
	d.pages = d.pages[1:]
	return page
}

// claimsIn is how many claims (at most each page's First) and pages the
// pages of node plan n hold, at any depth, as the statement sent them:
// what reserve sizes the blocks by.
func (d *planDecoder) claimsIn(pages []any, n *graph.PlanNode) (claims, npages int) {
	if n == nil {
		return 0, 0
	}
	k, np := 0, 0
	for i, pg := range n.Pages {
		var rawPage []any
		if i < len(pages) {
			rawPage, _ = pages[i].([]any)
		}
		if len(rawPage) != 2 {
			continue // node reports it
		}
		rows, _ := rawPage[pageRows].([]any)
		rows = rows[:min(len(rows), pg.First)]
		k, np = k+len(rows), np+1
		l := d.layout(pg)
		for j, end := range [2]*graph.PlanNode{pg.Subject, pg.Object} {
			if end == nil || l.ends[j].pages < 0 {
				continue
			}
			for _, raw := range rows {
				if row, ok := raw.([]any); ok && len(row) == l.sent {
					sub, _ := row[l.at[l.ends[j].pages]].([]any)
					sk, sp := d.claimsIn(sub, end)
					k, np = k+sk, np+sp
				}
			}
		}
	}
	return k, np
}

// reserve makes room for n claims and np pages in one block each (Read
// counts them first with claimsIn).
func (d *planDecoder) reserve(n, np int) {
	if n > len(d.edges) {
		d.edges, d.edgePtrs = make([]graph.Edge, n), make([]*graph.Edge, n)
	}
	if np > len(d.pages) {
		d.pages = make([]graph.EdgePage, np)
	}
}

// newEdges is an empty list of n claims' room and n claims, both capped
// views of blocks shared by the Read's pages, so that appending to one
// page's list copies it rather than writing over the next page's.
func (d *planDecoder) newEdges(n int) ([]*graph.Edge, []graph.Edge) {
	if len(d.edges) < n {
		size := max(n, 16) // more than reserve counted: not expected
		d.edges, d.edgePtrs = make([]graph.Edge, size), make([]*graph.Edge, size)
	}
	ptrs, edges := d.edgePtrs[:0:n], d.edges[:n:n]
	d.edgePtrs, d.edges = d.edgePtrs[n:], d.edges[n:]
	return ptrs, edges
}

// ownStudy is fileOwnStudy, its node from the decoder's blocks.
func (d *planDecoder) ownStudy(id string) {
	if node, whole := d.partial(id); !whole {
		node.ID, node.Category = id, graph.CategoryStudy
	}
}

// partial is partialNode, a new partial node taken from a block of them.
func (d *planDecoder) partial(id string) (node *graph.Node, whole bool) {
	res := d.res
	if n := res.Nodes[id]; n != nil {
		return n, true
	}
	if node = res.Partial[id]; node == nil {
		if len(d.nodes) == 0 {
			d.nodes = make([]graph.Node, 16)
		}
		node, d.nodes = &d.nodes[0], d.nodes[1:]
		res.Partial[id] = node
	}
	return node, false
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
