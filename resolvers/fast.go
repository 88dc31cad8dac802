package resolvers

import (
	"bytes"
	"context"
	"fmt"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/internal/recycle"
	"github.com/kapgraph/kapgraph/resolvers/batch"
)

// The fast path: a query whose every field is one its root's store call
// or read plan covers (a node by id, its claim pages, their claims' ends,
// evidence and cited studies; mechanism paths, a neighbourhood, a page of
// studies, the stats: fast_paths.go, fast_lists.go, fast_stats.go) is
// answered without the generated executor. By the time the executor
// marshals such a query, the root field has read everything; what is
// left is gqlgen's per-field machinery (a goroutine per list element, a
// field context and a @defer group per object), which cost b-entity more
// server CPU than the statement itself.
//
// The fast path calls the same resolvers, the root field with the field
// context it reads (its selection for the plan), and every field below it
// with its place (the response path without list indexes, which the plan
// primed the loaders at) given explicitly: the executor's field contexts
// below the root, two allocations each and one more step of the context
// chain every store call's driver walks, were read for nothing else. It
// writes the JSON the executor would write, field for field, byte for
// byte what gqlgen's marshalling writes. It answers only when nothing goes
// wrong: an error of any resolver, a value the executor would turn into an
// error (a null in a non-null field, a NaN score) or a panic drops what it
// wrote and the executor answers instead, with its errors, paths and null
// propagation. Resolvers only read, so running them again is safe.
// TestFastPathSameBytes holds every query of the repository's corpora to
// the executor's bytes; FuzzFastPath does the same for generated
// selections.

// fastKind is the GraphQL type a selection is on, as the fast path knows
// it; the zero kind is one it does not.
type fastKind uint8

const (
	kQuery fastKind = iota + 1
	kNode
	kConn
	kEdge
	kPageInfo
	kClaim
	kEvidence
	kStudy
	kPath
	kHop
	kSubgraph
	kStudyConn
	kStudyEdge
	kStats
	kCount
	kXref
	kScalar
)

// fastFields are, per kind, the fields the fast path answers and the kind
// each returns. A field missing here sends the operation to the executor.
var fastFields = map[fastKind]map[string]fastKind{
	kQuery: {"__typename": kScalar, "node": kNode, "nodes": kNode, "mechanismToOutcomePaths": kPath, "neighborhood": kSubgraph, "studies": kStudyConn, "stats": kStats},
	kNode: {"__typename": kScalar, "id": kScalar, "name": kScalar, "category": kScalar, "claims": kConn,
		"biolink": kScalar, "synonyms": kScalar, "description": kScalar, "xrefs": kXref},
	kXref:     {"__typename": kScalar, "prefix": kScalar, "localId": kScalar, "curie": kScalar},
	kConn:     {"__typename": kScalar, "totalCount": kScalar, "edges": kEdge, "pageInfo": kPageInfo},
	kEdge:     {"__typename": kScalar, "cursor": kScalar, "node": kClaim},
	kPageInfo: {"__typename": kScalar, "hasNextPage": kScalar, "hasPreviousPage": kScalar, "startCursor": kScalar, "endCursor": kScalar},
	kClaim: {"__typename": kScalar, "id": kScalar, "predicate": kScalar, "sign": kScalar, "score": kScalar, "evidence": kEvidence, "subject": kNode, "object": kNode,
		"biolink": kScalar, "negated": kScalar, "modality": kScalar, "hedged": kScalar},
	kEvidence:  {"__typename": kScalar, "quote": kScalar, "passageId": kScalar, "studies": kStudy},
	kStudy:     {"__typename": kScalar, "id": kScalar, "name": kScalar, "year": kScalar, "design": kScalar, "evidenceLevel": kScalar},
	kPath:      {"__typename": kScalar, "length": kScalar, "sign": kScalar, "score": kScalar, "nodes": kNode, "hops": kHop},
	kHop:       {"__typename": kScalar, "claim": kClaim, "forward": kScalar},
	kSubgraph:  {"__typename": kScalar, "nodes": kNode, "edges": kClaim, "truncated": kScalar},
	kStudyConn: {"__typename": kScalar, "totalCount": kScalar, "edges": kStudyEdge, "pageInfo": kPageInfo},
	kStudyEdge: {"__typename": kScalar, "cursor": kScalar, "node": kStudy},
	kStats: {"__typename": kScalar, "nodes": kScalar, "edges": kScalar, "documents": kScalar, "byCategory": kCount, "byPredicate": kCount,
		"byDesign": kCount, "byEvidenceLevel": kCount, "byYear": kCount, "byConcernKind": kCount},
	kCount: {"__typename": kScalar, "key": kScalar, "count": kScalar},
}

// fastTypeNames are the object types of the kinds with one type.
var fastTypeNames = map[fastKind]string{
	kQuery: "Query", kConn: "ClaimConnection", kEdge: "ClaimEdge", kPageInfo: "PageInfo",
	kClaim: "Claim", kEvidence: "Evidence", kStudy: "Study", kPath: "Path", kHop: "Hop", kSubgraph: "Subgraph",
	kStudyConn: "StudyConnection", kStudyEdge: "StudyEdge", kStats: "Stats", kCount: "Count", kXref: "Xref",
}

// fastCovers says whether the fast path can answer the operation: a query
// without directives of its own, whose selections (through fragments,
// whatever their type condition) name only fastFields and carry no
// directive but @skip and @include. It clears *static when it meets a
// directive.
func fastCovers(op *ast.OperationDefinition, static *bool) bool {
	if op == nil || op.Operation != ast.Query || len(op.Directives) > 0 {
		return false
	}
	return fastCoversSet(op.SelectionSet, kQuery, 0, static)
}

func fastCoversSet(set ast.SelectionSet, k fastKind, depth int, static *bool) bool {
	if depth > 64 {
		return false
	}
	for _, s := range set {
		switch x := s.(type) {
		case *ast.Field:
			if len(x.Directives) > 0 {
				*static = false
			}
			sub, ok := fastFields[k][x.Name]
			if !ok || !onlySkipInclude(x.Directives) {
				return false
			}
			if sub == kScalar {
				if len(x.SelectionSet) > 0 {
					return false
				}
			} else if !fastCoversSet(x.SelectionSet, sub, depth+1, static) {
				return false
			}
		case *ast.InlineFragment:
			if len(x.Directives) > 0 {
				*static = false
			}
			if !onlySkipInclude(x.Directives) || !fastCoversSet(x.SelectionSet, k, depth+1, static) {
				return false
			}
		case *ast.FragmentSpread:
			if len(x.Directives) > 0 {
				*static = false
			}
			if x.Definition == nil || !onlySkipInclude(x.Directives) || len(x.Definition.Directives) > 0 ||
				!fastCoversSet(x.Definition.SelectionSet, k, depth+1, static) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

func onlySkipInclude(ds ast.DirectiveList) bool {
	for _, d := range ds {
		if d.Name != "skip" && d.Name != "include" {
			return false
		}
	}
	return true
}

// errFallBack stops the fast path: the executor answers instead.
var errFallBack = fmt.Errorf("fast path: let the executor answer")

// fastWriter answers one operation.
type fastWriter struct {
	r   *Resolver
	oc  *graphql.OperationContext
	sat map[string][]string // a Node type's name -> the names it satisfies
	buf bytes.Buffer
	l   *batch.Loaders // the operation's
	// pool is where Release returns the writer; nil once its buffer
	// belongs to an answer nobody gives back.
	pool *sync.Pool

	// joins are the places made so far (join), which a claim page's
	// objects ask for again and again.
	joins []placeJoin

	// collected are the fields of each selection set and type written so
	// far (see collect) that the operation's entry (op) did not hold;
	// args, each claims field's arguments (claimArgs).
	op        *fastOp
	collected []collectedSet
	args      []*claimArgs
}

// collectedSet is graphql.CollectFields of one selection set (known by
// its backing array and length, as gqlgen's own cache knows it) on one
// type.
type collectedSet struct {
	sel    *ast.Selection
	n      int
	typ    string
	fields []graphql.CollectedField
}

// collect is graphql.CollectFields(w.oc, set, the names typ satisfies),
// asked of gqlgen once per selection set and type in an operation: a
// claim page writes the same few sets for every claim, and gqlgen's cache
// hashes the type names into a fresh key on every call (about 150
// allocations a b-entity request). Within one operation the variables,
// and so @skip and @include, are fixed, so the fields are too.
func (w *fastWriter) collect(set ast.SelectionSet, typ string) []graphql.CollectedField {
	if fields, ok := w.shared(set, typ); ok {
		return fields
	}
	sel := firstOf(set)
	for i := range w.collected {
		if c := &w.collected[i]; c.sel == sel && c.n == len(set) && c.typ == typ {
			return c.fields
		}
	}
	sat := w.sat[typ]
	if sat == nil {
		sat = []string{typ}
	}
	fields := graphql.CollectFields(w.oc, set, sat)
	w.collected = append(w.collected, collectedSet{sel: sel, n: len(set), typ: typ, fields: fields})
	return fields
}

// fastAnswer is the fast path's response to the operation in ctx, or
// false when the executor must answer.
func (s *executableSchema) fastAnswer(ctx context.Context) (resp *graphql.Response, ok bool) {
	oc := graphql.GetOperationContext(ctx)
	if s.resolver == nil || oc.Operation == nil {
		return nil, false
	}
	op := s.ops.of(oc.Operation)
	if !op.covers {
		return nil, false
	}
	defer func() {
		if p := recover(); p != nil {
			resp, ok = nil, false // the executor meets it again and reports it
		}
	}()
	w := s.writer(ctx, oc)
	w.op = op
	defer func() {
		if !ok {
			w.Release() // nothing of it was lent out
		}
	}()
	ctx = graphql.WithFieldContext(ctx, &graphql.FieldContext{Object: "Query"})
	if err := w.object(ctx, oc.Operation.SelectionSet, kQuery, "Query", "", nil); err != nil {
		return nil, false
	}
	w.publish()
	if !recycle.From(ctx).Hold(w) {
		w.pool = nil // the answer keeps the buffer: never pool it
	}
	return &graphql.Response{Data: w.buf.Bytes()}, true
}

// rootChild is the field context of root field f, as the executor makes
// it: the root resolvers read it (prefetch plans its selection, under its
// alias). Fields below the root have none (see the top of this file).
func rootChild(ctx context.Context, f graphql.CollectedField, args map[string]any) context.Context {
	fc := &graphql.FieldContext{Object: "Query", Field: f, Args: args, IsMethod: true, IsResolver: true}
	return graphql.WithFieldContext(ctx, fc)
}

// placeJoin is one place made by join.
type placeJoin struct{ parent, alias, place string }

// join is the place of field alias below the object at place parent:
// placeOf's string for the field context the executor would make there
// (aliases joined by dots, list indexes left out, the root's alias
// alone). Each is made once per operation.
func (w *fastWriter) join(parent, alias string) string {
	if parent == "" {
		return alias
	}
	for i := range w.joins {
		if j := &w.joins[i]; j.alias == alias && j.parent == parent {
			return j.place
		}
	}
	p := parent + "." + alias
	w.joins = append(w.joins, placeJoin{parent: parent, alias: alias, place: p})
	return p
}

// object writes one object of kind k and type typ: val is its Go value,
// place the place of the field that returned it.
func (w *fastWriter) object(ctx context.Context, set ast.SelectionSet, k fastKind, typ string, place string, val any) error {
	fields := w.collect(set, typ)
	w.buf.WriteByte('{')
	for i, f := range fields {
		if i > 0 {
			w.buf.WriteByte(',')
		}
		writeString(&w.buf, f.Alias)
		w.buf.WriteByte(':')
		if f.Name == "__typename" {
			writeString(&w.buf, typ)
			continue
		}
		if err := w.field(ctx, f, k, place, val); err != nil {
			return err
		}
	}
	w.buf.WriteByte('}')
	return nil
}

// field writes the value of field f of an object of kind k at place
// parent.
func (w *fastWriter) field(ctx context.Context, f graphql.CollectedField, k fastKind, parent string, val any) error {
	switch k {
	case kQuery:
		switch f.Name {
		case "node":
			return w.rootNode(ctx, f)
		case "nodes":
			return w.rootNodes(ctx, f)
		case "mechanismToOutcomePaths":
			return w.rootPaths(ctx, f)
		case "neighborhood":
			return w.rootNeighborhood(ctx, f)
		case "studies":
			return w.rootStudies(ctx, f)
		case "stats":
			return w.rootStats(ctx, f)
		}
	case kNode:
		g, _ := val.(*graph.Node)
		if g == nil {
			return errFallBack
		}
		switch f.Name {
		case "id":
			return writeID(&w.buf, g.ID)
		case "name":
			writeString(&w.buf, g.Name)
			return nil
		case "category":
			writeString(&w.buf, string(g.Category))
			return nil
		case "claims":
			return w.claims(ctx, f, w.join(parent, f.Alias), g.ID)
		}
		return w.nodeField(ctx, f, parent, g)
	case kConn:
		return w.connField(ctx, f, parent, val)
	case kEdge:
		return w.edgeField(ctx, f, parent, val)
	case kPageInfo:
		return w.pageInfoField(f, val)
	case kClaim:
		return w.claimField(ctx, f, parent, val)
	case kEvidence:
		return w.evidenceField(ctx, f, parent, val)
	case kPath:
		return w.pathField(ctx, f, parent, val)
	case kHop:
		return w.hopField(ctx, f, parent, val)
	case kSubgraph:
		return w.subgraphField(ctx, f, parent, val)
	case kStudy:
		return w.studyField(f, val)
	case kStudyConn:
		return w.studyConnField(ctx, f, parent, val)
	case kStudyEdge:
		return w.studyEdgeField(ctx, f, parent, val)
	case kStats:
		return w.statsField(ctx, f, parent, val)
	case kCount:
		return w.countField(f, val)
	case kXref:
		return w.xrefField(f, val)
	}
	return errFallBack
}

// rootNode answers Query.node.
func (w *fastWriter) rootNode(ctx context.Context, f graphql.CollectedField) error {
	args := f.ArgumentMap(w.oc.Variables)
	id, ok := args["id"].(string)
	if !ok {
		return errFallBack
	}
	ctx = rootChild(ctx, f, map[string]any{"id": id})
	n, err := (&queryResolver{w.r}).Node(ctx, id)
	if err != nil {
		return errFallBack
	}
	if n == nil {
		w.buf.WriteString("null")
		return nil
	}
	return w.node(ctx, f, f.Alias, n.GraphNode())
}

// rootNodes answers Query.nodes: a list of non-null nodes.
func (w *fastWriter) rootNodes(ctx context.Context, f graphql.CollectedField) error {
	args := f.ArgumentMap(w.oc.Variables)
	raw := graphql.CoerceList(args["ids"])
	ids := make([]string, len(raw))
	for i, v := range raw {
		s, ok := v.(string)
		if !ok {
			return errFallBack
		}
		ids[i] = s
	}
	ctx = rootChild(ctx, f, map[string]any{"ids": ids})
	ns, err := (&queryResolver{w.r}).Nodes(ctx, ids)
	if err != nil {
		return errFallBack
	}
	w.buf.WriteByte('[')
	for i, n := range ns {
		if n == nil {
			return errFallBack
		}
		if i > 0 {
			w.buf.WriteByte(',')
		}
		if err := w.node(ctx, f, f.Alias, n.GraphNode()); err != nil {
			return err
		}
	}
	w.buf.WriteByte(']')
	return nil
}

// nodeList writes a [Node!]! of field f at place from graph nodes as
// wrapAll presents them: a node of no GraphQL type (model.Wrap's nil) is
// left out.
func (w *fastWriter) nodeList(ctx context.Context, f graphql.CollectedField, place string, ns []*graph.Node) error {
	w.buf.WriteByte('[')
	first := true
	for _, n := range ns {
		if n == nil || categoryTypeName(n.Category) == "" {
			continue
		}
		if !first {
			w.buf.WriteByte(',')
		}
		first = false
		if err := w.node(ctx, f, place, n); err != nil {
			return err
		}
	}
	w.buf.WriteByte(']')
	return nil
}

// node writes a node of field f at place, as the GraphQL type of its
// category (model.Wrap's).
func (w *fastWriter) node(ctx context.Context, f graphql.CollectedField, place string, n *graph.Node) error {
	typ := categoryTypeName(n.Category)
	if typ == "" || w.sat[typ] == nil {
		return errFallBack
	}
	return w.object(ctx, f.Selections, kNode, typ, place, n)
}
