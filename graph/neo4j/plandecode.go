// Decoding what a compiled plan (plan.go) returns: pages as lists, claims
// and end nodes as the values of the fields the plan projected.

package neo4j

import (
	"fmt"

	"github.com/kapgraph/kapgraph/graph"
)

// decodePlanNode files a node and its pages (a list in plan order, see
// planCompiler.page) into res: the node is a whole property map, or with
// fs the values of a listProjection of fs. With own (the statement's
// ownStudies), a claim whose pubs are null (propStudiesOwn) files the
// studies its evidence cites as what the look-up would have returned of
// them: id and category.
func decodePlanNode(res *graph.ReadResult, raw any, fs []field, pages []any, n *graph.PlanNode, own bool) error {
	var node *graph.Node
	var err error
	if fs == nil {
		props, _ := raw.(map[string]any)
		node, err = fileNode(res, props, false)
	} else {
		vals, _ := raw.([]any)
		node, err = fileNodeList(res, vals, fs)
	}
	if err != nil {
		return err
	}
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
		page := &graph.EdgePage{TotalCount: int(total), HasNext: pg.After == nil && int(total) > pg.First}
		efs := claimFields(pg)
		var sfs, ofs []field
		if pg.Subject != nil {
			sfs = nodeFields(pg.Subject)
		}
		if pg.Object != nil {
			ofs = nodeFields(pg.Object)
		}
		for _, raw := range rows {
			if len(page.Edges) == pg.First {
				page.HasNext = true
				break
			}
			row, _ := raw.([]any)
			if len(row) != rowLen {
				return fmt.Errorf("a claim of %q: %d values, want %d", node.ID, len(row), rowLen)
			}
			e, err := decodeRow(row, efs)
			if err != nil {
				return err
			}
			// What the statement left out (planCompiler.page).
			if row[rowType] == nil && len(pg.Predicates) > 0 {
				e.Predicate = pg.Predicates[0]
				deriveSlim(e, rowStored(row, efs))
			}
			switch pg.Direction {
			case graph.Out:
				e.Subject = node.ID
			case graph.In:
				e.Object = node.ID
			}
			page.Edges = append(page.Edges, e)
			if own && pg.Studies && row[rowPubs] == nil {
				for _, id := range e.Publications() {
					if _, err := fileNode(res, map[string]any{"id": id, "category": string(graph.CategoryStudy)}, true); err != nil {
						return fmt.Errorf("study: %w", err)
					}
				}
			}
			for _, end := range [...]struct {
				node, pages int
				fs          []field
				n           *graph.PlanNode
			}{{rowSubjectNode, rowSubjectPages, sfs, pg.Subject}, {rowObjectNode, rowObjectPages, ofs, pg.Object}} {
				if end.n == nil {
					continue
				}
				sub, _ := row[end.pages].([]any)
				if err := decodePlanNode(res, row[end.node], end.fs, sub, end.n, own); err != nil {
					return err
				}
			}
		}
		res.Pages[graph.PageKey{Page: pg.Key, Node: node.ID}] = page
	}
	return nil
}

// decodeRow is the claim of a row (planCompiler.page): its properties
// are the values of a listProjection of fs, or with no fs a whole map.
func decodeRow(row []any, fs []field) (*graph.Edge, error) {
	typ, _ := row[rowType].(string)
	subj, _ := row[rowSubject].(string)
	obj, _ := row[rowObject].(string)
	if fs == nil {
		props, _ := row[rowProps].(map[string]any)
		e, err := decodeEdge(props, typ, subj, obj)
		if err != nil {
			return nil, fmt.Errorf("edge %v: %w", props["id"], err)
		}
		return e, nil
	}
	vals, _ := row[rowProps].([]any)
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

// rowStored is slimStored of a claim row decodeRow read, whole (fs nil)
// or projected.
func rowStored(row []any, fs []field) slimStored {
	if fs == nil {
		props, _ := row[rowProps].(map[string]any)
		return storedInMap(props)
	}
	vals, _ := row[rowProps].([]any)
	return storedInList(vals, fs)
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
