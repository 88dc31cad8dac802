package resolvers

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/resolvers/generated"
)

// The fast path's claim pages (see fast.go): a node's claims, their
// connection, edges and page info, each claim's scalars, ends and
// evidence, and the evidence's cited studies.

// claims answers Node.claims of node id at place, with the arguments as
// the generated executor unmarshals them.
func (w *fastWriter) claims(ctx context.Context, f graphql.CollectedField, place, id string) error {
	a, err := w.claimArgs(f)
	if err != nil {
		return err
	}
	conn, err := w.r.claimPageAt(ctx, place, "claims", id, a.dir, a.preds, a.ms, a.first, a.after, a.cursors)
	if err != nil || conn == nil {
		return errFallBack
	}
	return w.object(ctx, f.Selections, kConn, "ClaimConnection", place, conn)
}

// claimArgs are the arguments of one claims field, unmarshalled.
type claimArgs struct {
	field *ast.Field
	dir   *graph.Direction
	preds []graph.Predicate
	ms    []graph.Modality
	first *int
	after *string
	// cursors is whether the selection writes a cursor: an edge's, or
	// the page info (whose start and end cursors claimsOf sets together
	// with the edges').
	cursors bool
}

// claimArgs unmarshals the arguments of claims field f once per
// operation: a claim page's objects all ask the same field, whose
// arguments depend only on the operation's variables. Resolvers only read
// them.
func (w *fastWriter) claimArgs(f graphql.CollectedField) (*claimArgs, error) {
	for _, a := range w.args {
		if a.field == f.Field {
			return a, nil
		}
	}
	raw := f.ArgumentMap(w.oc.Variables)
	a := &claimArgs{field: f.Field}
	if v := raw["direction"]; v != nil {
		s, err := graphql.UnmarshalString(v)
		if err != nil {
			return nil, errFallBack
		}
		d := graph.Direction(s)
		a.dir = &d
	}
	var err error
	if a.preds, err = enumList[graph.Predicate](raw["predicates"]); err != nil {
		return nil, errFallBack
	}
	if a.ms, err = enumList[graph.Modality](raw["modalities"]); err != nil {
		return nil, errFallBack
	}
	if v := raw["first"]; v != nil {
		n, err := graphql.UnmarshalInt(v)
		if err != nil {
			return nil, errFallBack
		}
		a.first = &n
	}
	if v := raw["after"]; v != nil {
		s, err := graphql.UnmarshalString(v)
		if err != nil {
			return nil, errFallBack
		}
		a.after = &s
	}
	a.cursors = w.writesCursor(f.Selections)
	w.args = append(w.args, a)
	return a, nil
}

// writesCursor is whether the selection set of a claim connection
// writes a cursor: it selects pageInfo, or its edges' cursor.
func (w *fastWriter) writesCursor(set ast.SelectionSet) bool {
	for _, f := range w.collect(set, "ClaimConnection") {
		switch f.Name {
		case "pageInfo":
			return true
		case "edges":
			for _, e := range w.collect(f.Selections, "ClaimEdge") {
				if e.Name == "cursor" {
					return true
				}
			}
		}
	}
	return false
}

// enumList is an optional list of enum values as the executor reads it: a
// single value stands for a list of one.
func enumList[T ~string](v any) ([]T, error) {
	if v == nil {
		return nil, nil
	}
	list := graphql.CoerceList(v)
	out := make([]T, len(list))
	for i, x := range list {
		s, err := graphql.UnmarshalString(x)
		if err != nil {
			return nil, err
		}
		out[i] = T(s)
	}
	return out, nil
}

// connField writes a field of a ClaimConnection.
func (w *fastWriter) connField(ctx context.Context, f graphql.CollectedField, parent string, val any) error {
	conn, _ := val.(*generated.ClaimConnection)
	if conn == nil {
		return errFallBack
	}
	return writeConnField(ctx, w, f, parent, "ClaimConnection", kEdge, "ClaimEdge", conn.TotalCount, conn.PageInfo, conn.Edges)
}

// edgeField writes a field of a ClaimEdge; parent is the edges field.
func (w *fastWriter) edgeField(ctx context.Context, f graphql.CollectedField, parent string, val any) error {
	e, _ := val.(*generated.ClaimEdge)
	if e == nil {
		return errFallBack
	}
	return writeEdgeField(ctx, w, f, parent, "ClaimEdge", kClaim, "Claim", e.Cursor, e.Node)
}

// writeConnField writes a field of a connection (totalCount, pageInfo,
// edges), whatever its edge type: every connection of the schema has
// these three, and only the edge kind and type names differ.
func writeConnField[E any](ctx context.Context, w *fastWriter, f graphql.CollectedField, parent string,
	connType string, edgeKind fastKind, edgeType string, total int, pi *generated.PageInfo, edges []*E) error {
	switch f.Name {
	case "totalCount":
		writeInt(&w.buf, total)
		return nil
	case "pageInfo":
		if pi == nil {
			return errFallBack
		}
		return w.object(ctx, f.Selections, kPageInfo, "PageInfo", parent, pi)
	case "edges":
		place := w.join(parent, f.Alias)
		w.buf.WriteByte('[')
		for i, e := range edges {
			if e == nil {
				return errFallBack
			}
			if i > 0 {
				w.buf.WriteByte(',')
			}
			if err := w.object(ctx, f.Selections, edgeKind, edgeType, place, e); err != nil {
				return err
			}
		}
		w.buf.WriteByte(']')
		return nil
	}
	return errFallBack
}

// writeEdgeField writes a field of a connection's edge (cursor, node).
func writeEdgeField[N any](ctx context.Context, w *fastWriter, f graphql.CollectedField, parent string,
	edgeType string, nodeKind fastKind, nodeType, cursor string, node *N) error {
	switch f.Name {
	case "cursor":
		writeString(&w.buf, cursor)
		return nil
	case "node":
		if node == nil {
			return errFallBack
		}
		return w.object(ctx, f.Selections, nodeKind, nodeType, w.join(parent, f.Alias), node)
	}
	return errFallBack
}

// pageInfoField writes a field of a PageInfo.
func (w *fastWriter) pageInfoField(f graphql.CollectedField, val any) error {
	p, _ := val.(*generated.PageInfo)
	if p == nil {
		return errFallBack
	}
	switch f.Name {
	case "hasNextPage":
		writeBool(&w.buf, p.HasNextPage)
	case "hasPreviousPage":
		writeBool(&w.buf, p.HasPreviousPage)
	case "startCursor", "endCursor":
		s := p.StartCursor
		if f.Name == "endCursor" {
			s = p.EndCursor
		}
		if s == nil {
			w.buf.WriteString("null")
		} else {
			writeString(&w.buf, *s)
		}
	default:
		return errFallBack
	}
	return nil
}

// signNames are the GraphQL names of graph.Sign (the generated
// executor's enum_values binding).
var signNames = map[graph.Sign]string{graph.Increases: "INCREASES", graph.Decreases: "DECREASES"}

// sign writes a nullable Sign as the executor does.
func (w *fastWriter) sign(s *graph.Sign) error {
	if s == nil {
		w.buf.WriteString("null")
		return nil
	}
	name, ok := signNames[*s]
	if !ok {
		return errFallBack
	}
	writeString(&w.buf, name)
	return nil
}

// claimField writes a field of a Claim; parent is the claim's node field.
func (w *fastWriter) claimField(ctx context.Context, f graphql.CollectedField, parent string, val any) error {
	e, _ := val.(*graph.Edge)
	if e == nil {
		return errFallBack
	}
	switch f.Name {
	case "id":
		return writeID(&w.buf, e.ID)
	case "predicate":
		writeString(&w.buf, string(e.Predicate))
		return nil
	case "score":
		return writeFloat(&w.buf, e.Score)
	case "sign":
		return w.sign(e.SignOrNil())
	case "subject", "object":
		// Claim.subject and Claim.object: Resolver.end at the field's
		// place, without its model.Wrap (node writes the type Wrap would
		// give).
		id := e.Object
		if f.Name == "subject" {
			id = e.Subject
		}
		place := w.join(parent, f.Alias)
		n, err := w.r.endAt(ctx, place, id)
		if err != nil || n == nil {
			return errFallBack
		}
		return w.node(ctx, f, place, n)
	case "evidence":
		place := w.join(parent, f.Alias)
		w.buf.WriteByte('[')
		for i := range e.Evidence {
			if i > 0 {
				w.buf.WriteByte(',')
			}
			// The executor resolves a copy; resolvers only read it, so
			// the claim's own serves.
			if err := w.object(ctx, f.Selections, kEvidence, "Evidence", place, &e.Evidence[i]); err != nil {
				return err
			}
		}
		w.buf.WriteByte(']')
		return nil
	}
	return w.claimPlainField(f, e)
}

// evidenceField writes a field of an Evidence; parent is the evidence
// field.
func (w *fastWriter) evidenceField(ctx context.Context, f graphql.CollectedField, parent string, val any) error {
	ev, _ := val.(*graph.Evidence)
	if ev == nil {
		return errFallBack
	}
	switch f.Name {
	case "quote":
		writeString(&w.buf, ev.Quote)
		return nil
	case "passageId":
		return writeID(&w.buf, ev.Passage)
	case "studies":
		return w.studies(ctx, f, w.join(parent, f.Alias), ev)
	}
	return errFallBack
}

// studies writes Evidence.studies at place: evidenceResolver.Studies,
// whose placed studies (placedStudies) are written straight from the
// loaders' nodes, without a model.Study each.
func (w *fastWriter) studies(ctx context.Context, f graphql.CollectedField, place string, ev *graph.Evidence) error {
	placed := w.l.Placed()
	if placed {
		for _, id := range ev.Studies {
			if _, known := w.l.At(place, id); !known {
				placed = false
				break
			}
		}
	}
	if !placed {
		sts, err := w.r.studies(ctx, ev.Studies)
		if err != nil {
			return errFallBack
		}
		w.buf.WriteByte('[')
		for i, st := range sts {
			if st == nil {
				return errFallBack
			}
			if i > 0 {
				w.buf.WriteByte(',')
			}
			if err := w.object(ctx, f.Selections, kStudy, "Study", place, st.Node); err != nil {
				return err
			}
		}
		w.buf.WriteByte(']')
		return nil
	}
	w.buf.WriteByte('[')
	first := true
	for _, id := range ev.Studies {
		n, _ := w.l.At(place, id)
		if n == nil || n.Category != graph.CategoryStudy {
			continue // as placedStudies leaves it out
		}
		if !first {
			w.buf.WriteByte(',')
		}
		first = false
		if err := w.object(ctx, f.Selections, kStudy, "Study", place, n); err != nil {
			return err
		}
	}
	w.buf.WriteByte(']')
	return nil
}
