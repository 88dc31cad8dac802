package gql

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/kapgraph/kapgraph/graph"
)

// DepthLimit is a handler extension refusing operations nested deeper than
// Max fields, before anything is resolved. Introspection fields (__schema,
// __type) do not count, so GraphiQL's schema query passes whatever Max is.
type DepthLimit struct {
	Max int
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = DepthLimit{}

// ExtensionName implements graphql.HandlerExtension.
func (DepthLimit) ExtensionName() string { return "DepthLimit" }

// Validate implements graphql.HandlerExtension.
func (d DepthLimit) Validate(graphql.ExecutableSchema) error {
	if d.Max <= 0 {
		return fmt.Errorf("depth limit must be positive, got %d", d.Max)
	}
	return nil
}

// MutateOperationContext implements graphql.OperationContextMutator.
func (d DepthLimit) MutateOperationContext(_ context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	if opCtx.Operation == nil {
		return nil
	}
	depth := Depth(opCtx.Operation.SelectionSet)
	if depth <= d.Max {
		return nil
	}
	err := gqlerror.Errorf("the query is %d fields deep, above the limit of %d", depth, d.Max)
	errcode.Set(err, CodeQueryTooDeep)
	err.Extensions["domainCode"] = graph.ELIMIT
	err.Extensions["depth"] = depth
	err.Extensions["maxDepth"] = d.Max
	return err
}

// Depth is the deepest nesting of fields in a selection set, following
// fragments; introspection fields are not counted, nor the `edges` and
// `node` a list page wraps its items in (see pageWrapper): the depth is
// how many steps the query walks through the data, and a page's wrappers
// are not steps. (The structural MaxNesting still counts every field.) Each fragment is walked
// once, so a fragment spread twice in each of n nested fragments costs n
// walks, not 2^n.
func Depth(set ast.SelectionSet) int {
	return depth(set, map[string]bool{}, map[string]int{})
}

// pageWrapper reports whether f is a list page's `edges` (on a type
// named ...Connection) or an edge's `node` (on a type named ...Edge).
// Before validation (no definitions) nothing is a wrapper.
func pageWrapper(f *ast.Field) bool {
	if f.ObjectDefinition == nil {
		return false
	}
	t := f.ObjectDefinition.Name
	return (f.Name == "edges" && strings.HasSuffix(t, "Connection")) || (f.Name == "node" && strings.HasSuffix(t, "Edge"))
}

func depth(set ast.SelectionSet, visiting map[string]bool, memo map[string]int) int {
	deepest := 0
	for _, sel := range set {
		d := 0
		switch s := sel.(type) {
		case *ast.Field:
			if strings.HasPrefix(s.Name, "__") {
				continue
			}
			d = depth(s.SelectionSet, visiting, memo)
			if !pageWrapper(s) {
				d++
			}
		case *ast.InlineFragment:
			d = depth(s.SelectionSet, visiting, memo)
		case *ast.FragmentSpread:
			if s.Definition == nil || visiting[s.Name] {
				continue
			}
			if m, ok := memo[s.Name]; ok {
				d = m
				break
			}
			visiting[s.Name] = true
			d = depth(s.Definition.SelectionSet, visiting, memo)
			delete(visiting, s.Name)
			memo[s.Name] = d
		}
		deepest = max(deepest, d)
	}
	return deepest
}

// StrictEnums is a handler extension that refuses, before anything is
// resolved, an enum value in the variables that is not one of the enum's
// values exactly. gqlparser's variable validation compares enum values
// case-insensitively (it lets "asc" through for ASC), while the generated
// code that turns them into Go values does not; without this check such a
// value fails inside execution, as an internal error. Refused here, it is
// a request error like any other invalid variable:
// GRAPHQL_VALIDATION_FAILED, with the path of the value.
type StrictEnums struct {
	Schema *ast.Schema
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = StrictEnums{}

// ExtensionName implements graphql.HandlerExtension.
func (StrictEnums) ExtensionName() string { return "StrictEnums" }

// Validate implements graphql.HandlerExtension.
func (e StrictEnums) Validate(graphql.ExecutableSchema) error {
	if e.Schema == nil {
		return fmt.Errorf("StrictEnums needs the schema")
	}
	return nil
}

// MutateOperationContext implements graphql.OperationContextMutator.
func (e StrictEnums) MutateOperationContext(_ context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	if opCtx.Operation == nil {
		return nil
	}
	for _, v := range opCtx.Operation.VariableDefinitions {
		if err := e.check(opCtx.Variables[v.Variable], v.Type, ast.Path{ast.PathName("variable"), ast.PathName(v.Variable)}); err != nil {
			return err
		}
	}
	return nil
}

func (e StrictEnums) check(value any, typ *ast.Type, path ast.Path) *gqlerror.Error {
	if value == nil || typ == nil {
		return nil
	}
	if typ.Elem != nil {
		list, ok := value.([]any)
		if !ok {
			return e.check(value, typ.Elem, path) // a single value stands for a list of one
		}
		for i, item := range list {
			if err := e.check(item, typ.Elem, append(slices.Clone(path), ast.PathIndex(i))); err != nil {
				return err
			}
		}
		return nil
	}
	def := e.Schema.Types[typ.NamedType]
	if def == nil {
		return nil
	}
	switch def.Kind {
	case ast.Enum:
		s, ok := value.(string)
		if !ok || def.EnumValues.ForName(s) != nil {
			return nil
		}
		err := gqlerror.ErrorPathf(path, "%s is not a valid %s", s, def.Name)
		for _, ev := range def.EnumValues {
			if strings.EqualFold(ev.Name, s) {
				err = gqlerror.ErrorPathf(path, "%s is not a valid %s: enum values are case-sensitive (did you mean %s?)", s, def.Name, ev.Name)
			}
		}
		errcode.Set(err, errcode.ValidationFailed)
		return err
	case ast.InputObject:
		fields, ok := value.(map[string]any)
		if !ok {
			return nil
		}
		for _, f := range def.Fields {
			if err := e.check(fields[f.Name], f.Type, append(slices.Clone(path), ast.PathName(f.Name))); err != nil {
				return err
			}
		}
	}
	return nil
}

// QueryLimits is a handler extension that checks the query text against
// the structural limits of Limits before gqlgen parses, validates or
// plans it: its size in bytes and tokens, its fragment and variable
// definitions, and, with every fragment spread expanded, its fields,
// aliases, nesting and introspection fields. Fragments are expanded by
// counting each once (memoised), so the check is linear in the size of
// the text whatever the document multiplies out to. Verdicts are cached by
// a hash of the text, never by the text itself.
