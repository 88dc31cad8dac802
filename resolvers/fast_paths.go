package resolvers

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/kapgraph/kapgraph/graph"
)

// The fast path's path and neighbourhood roots (see fast.go):
// mechanismToOutcomePaths with each path's scalars, nodes and hops (their
// claims answered as a claim page's are), and neighborhood with its nodes,
// claims and truncation. The store answers each in one call, which also
// primes the loaders with the nodes and claims; what the executor added
// was a goroutine and a field context per path, hop, node and claim.

// rootPaths answers Query.mechanismToOutcomePaths, with the arguments as
// the generated executor unmarshals them.
func (w *fastWriter) rootPaths(ctx context.Context, f graphql.CollectedField) error {
	raw := f.ArgumentMap(w.oc.Variables)
	from, err := graphql.UnmarshalID(raw["from"])
	if err != nil {
		return errFallBack
	}
	to, err1 := optID(raw["to"])
	disorder, err2 := optID(raw["disorder"])
	via, err3 := optID(raw["via"])
	maxHops, err4 := optInt(raw["maxHops"])
	first, err5 := optInt(raw["first"])
	statedOnly, err6 := optBool(raw["statedOnly"])
	modalities, err7 := enumList[graph.Modality](raw["modalities"])
	for _, err := range []error{err1, err2, err3, err4, err5, err6, err7} {
		if err != nil {
			return errFallBack
		}
	}
	args := map[string]any{"from": from, "to": to, "disorder": disorder, "maxHops": maxHops, "first": first,
		"statedOnly": statedOnly, "via": via, "modalities": modalities}
	ctx = rootChild(ctx, f, args)
	ps, err := (&queryResolver{w.r}).MechanismToOutcomePaths(ctx, from, to, disorder, maxHops, first, statedOnly, via, modalities)
	if err != nil {
		return errFallBack
	}
	if ps == nil {
		w.buf.WriteString("null")
		return nil
	}
	w.buf.WriteByte('[')
	for i, p := range ps {
		if p == nil {
			return errFallBack
		}
		if i > 0 {
			w.buf.WriteByte(',')
		}
		if err := w.object(ctx, f.Selections, kPath, "Path", f.Alias, p); err != nil {
			return err
		}
	}
	w.buf.WriteByte(']')
	return nil
}

// pathField writes a field of a Path; parent is the field that listed it.
func (w *fastWriter) pathField(ctx context.Context, f graphql.CollectedField, parent string, val any) error {
	p, _ := val.(*graph.Path)
	if p == nil {
		return errFallBack
	}
	switch f.Name {
	case "length":
		writeInt(&w.buf, p.Length)
		return nil
	case "sign":
		return w.sign(p.SignOrNil())
	case "score":
		return writeFloat(&w.buf, p.Score)
	case "nodes":
		// pathResolver.Nodes without its wrapAll (nodeList does what it
		// does).
		ns, err := w.r.pathNodes(ctx, p)
		if err != nil {
			return errFallBack
		}
		return w.nodeList(ctx, f, w.join(parent, f.Alias), ns)
	case "hops":
		place := w.join(parent, f.Alias)
		w.buf.WriteByte('[')
		for i := range p.Hops {
			if i > 0 {
				w.buf.WriteByte(',')
			}
			if err := w.object(ctx, f.Selections, kHop, "Hop", place, &p.Hops[i]); err != nil {
				return err
			}
		}
		w.buf.WriteByte(']')
		return nil
	}
	return errFallBack
}

// hopField writes a field of a Hop; parent is the hops field.
func (w *fastWriter) hopField(ctx context.Context, f graphql.CollectedField, parent string, val any) error {
	h, _ := val.(*graph.Hop)
	if h == nil {
		return errFallBack
	}
	switch f.Name {
	case "forward":
		writeBool(&w.buf, h.Forward)
		return nil
	case "claim":
		if h.Edge == nil {
			return errFallBack
		}
		return w.object(ctx, f.Selections, kClaim, "Claim", w.join(parent, f.Alias), h.Edge)
	}
	return errFallBack
}

// rootNeighborhood answers Query.neighborhood.
func (w *fastWriter) rootNeighborhood(ctx context.Context, f graphql.CollectedField) error {
	raw := f.ArgumentMap(w.oc.Variables)
	id, err := graphql.UnmarshalID(raw["id"])
	if err != nil {
		return errFallBack
	}
	depth, err1 := optInt(raw["depth"])
	limit, err2 := optInt(raw["limit"])
	edgeTypes, err3 := enumList[graph.Predicate](raw["edgeTypes"])
	if err1 != nil || err2 != nil || err3 != nil {
		return errFallBack
	}
	args := map[string]any{"id": id, "depth": depth, "edgeTypes": edgeTypes, "limit": limit}
	ctx = rootChild(ctx, f, args)
	sg, err := (&queryResolver{w.r}).Neighborhood(ctx, id, depth, edgeTypes, limit)
	if err != nil {
		return errFallBack
	}
	if sg == nil {
		w.buf.WriteString("null")
		return nil
	}
	return w.object(ctx, f.Selections, kSubgraph, "Subgraph", f.Alias, sg)
}

// subgraphField writes a field of a Subgraph; parent is the
// neighborhood field.
func (w *fastWriter) subgraphField(ctx context.Context, f graphql.CollectedField, parent string, val any) error {
	sg, _ := val.(*graph.Subgraph)
	if sg == nil {
		return errFallBack
	}
	switch f.Name {
	case "truncated":
		writeBool(&w.buf, sg.Truncated)
		return nil
	case "nodes":
		// subgraphResolver.Nodes is wrapAll of them (nodeList does what
		// it does).
		return w.nodeList(ctx, f, w.join(parent, f.Alias), sg.Nodes)
	case "edges":
		place := w.join(parent, f.Alias)
		w.buf.WriteByte('[')
		for i, e := range sg.Edges {
			if e == nil {
				return errFallBack
			}
			if i > 0 {
				w.buf.WriteByte(',')
			}
			if err := w.object(ctx, f.Selections, kClaim, "Claim", place, e); err != nil {
				return err
			}
		}
		w.buf.WriteByte(']')
		return nil
	}
	return errFallBack
}

// optID, optInt and optBool read an optional argument as the generated
// executor does: absent or null is nil.
func optID(v any) (*string, error) {
	if v == nil {
		return nil, nil
	}
	s, err := graphql.UnmarshalID(v)
	return &s, err
}

func optInt(v any) (*int, error) {
	if v == nil {
		return nil, nil
	}
	n, err := graphql.UnmarshalInt(v)
	return &n, err
}

func optBool(v any) (*bool, error) {
	if v == nil {
		return nil, nil
	}
	b, err := graphql.UnmarshalBoolean(v)
	return &b, err
}
