package resolvers

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/resolvers/generated"
	"github.com/kapgraph/kapgraph/resolvers/model"
)

// The fast path's list roots (see fast.go): studies, a page of studies
// with their scalars. Query.studies reads the page and primes the loaders
// (and the plan of what its nodes select); the fast path writes it.

// rootStudies answers Query.studies, with the arguments (and the input
// objects' defaults) as the generated executor unmarshals them.
func (w *fastWriter) rootStudies(ctx context.Context, f graphql.CollectedField) error {
	raw := f.ArgumentMap(w.oc.Variables)
	filter, err := studyFilterArg(raw["filter"])
	if err != nil {
		return errFallBack
	}
	orderBy, err := orderByArg(raw["orderBy"])
	if err != nil {
		return errFallBack
	}
	first, err1 := optInt(raw["first"])
	after, err2 := argString(raw["after"])
	if err1 != nil || err2 != nil {
		return errFallBack
	}
	args := map[string]any{"filter": filter, "orderBy": orderBy, "first": first, "after": after}
	ctx = rootChild(ctx, f, args)
	conn, err := (&queryResolver{w.r}).Studies(ctx, filter, orderBy, first, after)
	if err != nil {
		return errFallBack
	}
	if conn == nil {
		w.buf.WriteString("null")
		return nil
	}
	return w.object(ctx, f.Selections, kStudyConn, "StudyConnection", f.Alias, conn)
}

// studyFilterArg is a StudyFilter as the executor unmarshals it; a key
// it does not know sends the question to the executor.
func studyFilterArg(v any) (*generated.StudyFilter, error) {
	if v == nil {
		return nil, nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, errFallBack
	}
	var out generated.StudyFilter
	var err error
	for k, x := range m {
		switch k {
		case "nameContains":
			out.NameContains, err = argString(x)
		case "document":
			out.Document, err = optID(x)
		case "design":
			out.Design, err = argString(x)
		case "maxEvidenceLevel":
			out.MaxEvidenceLevel, err = optInt(x)
		case "yearFrom":
			out.YearFrom, err = optInt(x)
		case "yearTo":
			out.YearTo, err = optInt(x)
		default:
			return nil, errFallBack
		}
		if err != nil {
			return nil, err
		}
	}
	return &out, nil
}

// orderByArg is a NodeOrderBy as the executor unmarshals it, with the
// schema's defaults for an absent field (NAME) and direction (ASC).
func orderByArg(v any) (*generated.NodeOrderBy, error) {
	if v == nil {
		return nil, nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, errFallBack
	}
	var out generated.NodeOrderBy
	for k := range m {
		if k != "field" && k != "direction" {
			return nil, errFallBack
		}
	}
	field, present := m["field"]
	if !present {
		field = "NAME"
	}
	if field != nil {
		s, err := graphql.UnmarshalString(field)
		if err != nil {
			return nil, err
		}
		o := graph.NodeOrder(s)
		out.Field = &o
	}
	dir, present := m["direction"]
	if !present {
		dir = "ASC"
	}
	if dir != nil {
		var d generated.OrderDirection
		if err := d.UnmarshalGQL(dir); err != nil {
			return nil, err
		}
		out.Direction = &d
	}
	return &out, nil
}

func argString(v any) (*string, error) {
	if v == nil {
		return nil, nil
	}
	s, err := graphql.UnmarshalString(v)
	return &s, err
}

// studyConnField writes a field of a StudyConnection; parent is the
// studies field.
func (w *fastWriter) studyConnField(ctx context.Context, f graphql.CollectedField, parent string, val any) error {
	conn, _ := val.(*generated.StudyConnection)
	if conn == nil {
		return errFallBack
	}
	return writeConnField(ctx, w, f, parent, "StudyConnection", kStudyEdge, "StudyEdge", conn.TotalCount, conn.PageInfo, conn.Edges)
}

// studyEdgeField writes a field of a StudyEdge; parent is the edges
// field.
func (w *fastWriter) studyEdgeField(ctx context.Context, f graphql.CollectedField, parent string, val any) error {
	e, _ := val.(*generated.StudyEdge)
	if e == nil {
		return errFallBack
	}
	return writeEdgeField(ctx, w, f, parent, "StudyEdge", kStudy, "Study", e.Cursor, e.Node)
}

// studyField writes a field of a Study: val is a *model.Study (a page of
// studies) or its *graph.Node (an evidence's, see studies).
func (w *fastWriter) studyField(f graphql.CollectedField, val any) error {
	var g *graph.Node
	switch v := val.(type) {
	case *model.Study:
		if v != nil {
			g = v.Node
		}
	case *graph.Node:
		g = v
	}
	if g == nil {
		return errFallBack
	}
	st := model.Study{Base: model.Base{Node: g}}
	switch f.Name {
	case "id":
		return writeID(&w.buf, st.ID)
	case "name":
		writeString(&w.buf, st.Name)
	case "year":
		writeOptInt(w, st.Year())
	case "evidenceLevel":
		writeOptInt(w, st.EvidenceLevel())
	case "design":
		if d := st.Design(); d == nil {
			w.buf.WriteString("null")
		} else {
			writeString(&w.buf, *d)
		}
	default:
		return errFallBack
	}
	return nil
}

func writeOptInt(w *fastWriter, n *int) {
	if n == nil {
		w.buf.WriteString("null")
		return
	}
	writeInt(&w.buf, *n)
}
