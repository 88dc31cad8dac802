package resolvers

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/resolvers/model"
)

// The fast path's plain node and claim fields (see fast.go): values the
// generated executor reads straight off the node (through model.Base's
// methods, as every Node type does) or the claim, without a resolver.

// nodeField writes a plain field of a node: biolink, synonyms,
// description, xrefs.
func (w *fastWriter) nodeField(ctx context.Context, f graphql.CollectedField, place string, g *graph.Node) error {
	b := model.Base{Node: g}
	switch f.Name {
	case "biolink":
		writeString(&w.buf, g.Biolink)
	case "description":
		if d := b.Description(); d == nil {
			w.buf.WriteString("null")
		} else {
			writeString(&w.buf, *d)
		}
	case "synonyms":
		w.buf.WriteByte('[')
		for i, s := range b.Synonyms() {
			if i > 0 {
				w.buf.WriteByte(',')
			}
			writeString(&w.buf, s)
		}
		w.buf.WriteByte(']')
	case "xrefs":
		w.buf.WriteByte('[')
		for i, x := range b.Xrefs() {
			if x == nil {
				return errFallBack
			}
			if i > 0 {
				w.buf.WriteByte(',')
			}
			if err := w.object(ctx, f.Selections, kXref, "Xref", place, x); err != nil {
				return err
			}
		}
		w.buf.WriteByte(']')
	default:
		return errFallBack
	}
	return nil
}

// xrefField writes a field of an Xref.
func (w *fastWriter) xrefField(f graphql.CollectedField, val any) error {
	x, _ := val.(*model.Xref)
	if x == nil {
		return errFallBack
	}
	switch f.Name {
	case "prefix":
		writeString(&w.buf, x.Prefix)
	case "localId":
		writeString(&w.buf, x.LocalID)
	case "curie":
		writeString(&w.buf, x.Curie)
	default:
		return errFallBack
	}
	return nil
}

// claimPlainField writes a plain field of a claim: biolink, negated,
// modality, hedged.
func (w *fastWriter) claimPlainField(f graphql.CollectedField, e *graph.Edge) error {
	switch f.Name {
	case "biolink":
		writeString(&w.buf, e.Biolink)
	case "negated":
		writeBool(&w.buf, e.Negated)
	case "hedged":
		writeBool(&w.buf, e.Hedged)
	case "modality":
		writeString(&w.buf, string(e.Status()))
	default:
		return errFallBack
	}
	return nil
}
