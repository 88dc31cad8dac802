package gql

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
	"github.com/vektah/gqlparser/v2/validator"

	"github.com/kapgraph/kapgraph/graph"
)

// Structure is the executor extension that checks the query text against
// the structural limits of Limits before the executor parses, validates
// or plans it: its size in bytes and tokens, its fragment and variable
// definitions, and, with every fragment spread expanded, its fields,
// aliases, nesting and introspection fields. Fragments are expanded by
// counting each once (memoised), so the check is linear in the size of
// the text whatever the document multiplies out to.
//
// It parses each new query once: a query that passes and validates is put
// into the executor's query cache, where the executor finds it instead of
// parsing it again; a query already there has passed before. Refusals are
// cached by a hash of the text, never by the text itself. A query that
// does not parse or validate is passed on untouched: the executor then
// reports the error (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED)
// with its own message, which costs a second parse on that error path
// only.
type Structure struct {
	o        Limits
	schema   *ast.Schema
	queries  graphql.Cache[*ast.QueryDocument]
	refusals graphql.Cache[*gqlerror.Error]
}

// NewStructure returns the extension for o (defaults filled in). queries
// is the executor's query cache.
func NewStructure(o Limits, schema *ast.Schema, queries graphql.Cache[*ast.QueryDocument]) *Structure {
	o = o.WithDefaults()
	return &Structure{o: o, schema: schema, queries: queries, refusals: lru.New[*gqlerror.Error](o.CacheSize)}
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = (*Structure)(nil)

// ExtensionName implements graphql.HandlerExtension.
func (*Structure) ExtensionName() string { return "QueryStructureLimits" }

// Validate implements graphql.HandlerExtension.
func (s *Structure) Validate(graphql.ExecutableSchema) error {
	if s.schema == nil || s.queries == nil {
		return fmt.Errorf("the structural limits need the schema and the executor's query cache")
	}
	return nil
}

// MutateOperationParameters implements graphql.OperationParameterMutator.
func (s *Structure) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	if err := checkPersistedQuery(p); err != nil {
		return err
	}
	if p.Query == "" {
		// A persisted-query hash alone: the query it stands for passed
		// these limits when it was stored.
		return nil
	}
	if n := len(p.Query); n > s.o.MaxQueryBytes {
		return limitError(CodeQueryTooLarge, "queryBytes", n, s.o.MaxQueryBytes,
			"the query is %d bytes long, above the limit of %d", n, s.o.MaxQueryBytes)
	}
	if _, ok := s.queries.Get(ctx, p.Query); ok {
		return nil
	}
	sum := sha256.Sum256([]byte(p.Query))
	key := string(sum[:])
	if verdict, ok := s.refusals.Get(ctx, key); ok {
		return copyError(verdict)
	}
	doc, verdict := s.check(p.Query)
	if verdict != nil {
		s.refusals.Add(ctx, key, verdict)
		return copyError(verdict)
	}
	if doc != nil && len(doc.Operations) > 0 && len(validator.ValidateWithRules(s.schema, doc, nil)) == 0 {
		s.queries.Add(ctx, p.Query, doc)
	}
	return nil
}

// checkPersistedQuery checks the automatic persisted query extension, if
// any, the way the extension will read it.
func checkPersistedQuery(p *graphql.RawParams) *gqlerror.Error {
	raw, ok := p.Extensions["persistedQuery"]
	if !ok || raw == nil {
		return nil
	}
	bad := func(format string, args ...any) *gqlerror.Error {
		e := gqlerror.Errorf(format, args...)
		errcode.Set(e, CodeBadRequest)
		e.Extensions["domainCode"] = graph.EINVALID
		return e
	}
	pq, ok := raw.(map[string]any)
	if !ok {
		return bad("extensions.persistedQuery must be an object")
	}
	if v, ok := pq["version"]; !ok || fmt.Sprint(v) != "1" {
		return bad("extensions.persistedQuery.version must be 1, got %v", v)
	}
	hash, _ := pq["sha256Hash"].(string)
	if len(hash) != 64 || strings.Trim(hash, "0123456789abcdefABCDEF") != "" {
		return bad("extensions.persistedQuery.sha256Hash must be 64 hexadecimal digits")
	}
	if p.Query != "" {
		sum := sha256.Sum256([]byte(p.Query))
		if !strings.EqualFold(hex.EncodeToString(sum[:]), hash) {
			return bad("extensions.persistedQuery.sha256Hash is not the SHA-256 of the query")
		}
	}
	return nil
}

// copyError gives each request its own error value: the presenter and
// the response writer must never share a cached one.
func copyError(e *gqlerror.Error) *gqlerror.Error {
	if e == nil {
		return nil
	}
	out := *e
	out.Extensions = make(map[string]any, len(e.Extensions))
	for k, v := range e.Extensions {
		out.Extensions[k] = v
	}
	return &out
}

// check parses query and measures it. It returns the document when it
// parses and passes, the refusal when it breaks a limit, and neither when
// it does not parse (the executor reports that).
func (s *Structure) check(query string) (*ast.QueryDocument, *gqlerror.Error) {
	o := s.o
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: query}, o.MaxTokens)
	if err != nil {
		switch msg := err.Error(); {
		case strings.Contains(msg, "exceeded token limit"):
			return nil, limitError(CodeQueryTooLarge, "tokens", o.MaxTokens+1, o.MaxTokens,
				"the query has more than %d tokens", o.MaxTokens)
		case strings.Contains(msg, "exceeded maximum nesting depth"):
			// The parser's own guard against stack exhaustion.
			return nil, limitError(CodeQueryTooDeep, "nesting", o.MaxNesting+1, o.MaxNesting,
				"the query nests deeper than the parser allows (%s), far above the limit of %d", msg, o.MaxNesting)
		}
		return nil, nil
	}
	if n := len(doc.Fragments); n > o.MaxFragments {
		return nil, limitError(CodeTooManyFragments, "fragments", n, o.MaxFragments,
			"the query defines %d fragments, above the limit of %d", n, o.MaxFragments)
	}
	vars := 0
	for _, op := range doc.Operations {
		vars += len(op.VariableDefinitions)
	}
	if vars > o.MaxVariables {
		return nil, limitError(CodeTooManyVariables, "variables", vars, o.MaxVariables,
			"the query defines %d variables, above the limit of %d", vars, o.MaxVariables)
	}
	a := shapeOf(doc)
	switch {
	case a.fields > o.MaxFields:
		return nil, limitError(CodeTooManyFields, "fields", a.fields, o.MaxFields,
			"the query selects %s fields once its fragments are expanded, above the limit of %d", countString(a.fields), o.MaxFields)
	case a.aliases > o.MaxAliases:
		return nil, limitError(CodeTooManyAliases, "aliases", a.aliases, o.MaxAliases,
			"the query has %s aliased fields once its fragments are expanded, above the limit of %d", countString(a.aliases), o.MaxAliases)
	case a.nesting > o.MaxNesting:
		return nil, limitError(CodeQueryTooDeep, "nesting", a.nesting, o.MaxNesting,
			"the query nests fields %d deep (introspection included), above the limit of %d", a.nesting, o.MaxNesting)
	case a.introspection > 0 && !o.Introspection:
		e := gqlerror.Errorf("introspection is disabled on this server (__schema and __type); __typename is allowed")
		errcode.Set(e, CodeIntrospectionDisabled)
		e.Extensions["domainCode"] = graph.EINVALID
		return nil, e
	case a.introspection > o.MaxIntrospection:
		return nil, limitError(CodeTooManyIntrospection, "introspection", a.introspection, o.MaxIntrospection,
			"the query has %s __schema and __type fields, above the limit of %d", countString(a.introspection), o.MaxIntrospection)
	}
	return doc, nil
}

// shape is what Structure measures of a selection set, fragments
// expanded.
type shape struct {
	fields, aliases, introspection, nesting int
}

func (s *shape) add(c shape, nesting int) {
	s.fields = satAdd(s.fields, c.fields)
	s.aliases = satAdd(s.aliases, c.aliases)
	s.introspection = satAdd(s.introspection, c.introspection)
	s.nesting = max(s.nesting, nesting)
}

// shapeOf measures every operation of doc. Fragment definitions are
// looked up by name (the document is not validated yet): an unknown or
// cyclic spread counts nothing here, and validation refuses it later.
func shapeOf(doc *ast.QueryDocument) shape {
	w := shapeWalker{doc: doc, memo: map[string]shape{}, visiting: map[string]bool{}}
	var total shape
	for _, op := range doc.Operations {
		s := w.set(op.SelectionSet)
		total.add(s, s.nesting)
	}
	return total
}

type shapeWalker struct {
	doc      *ast.QueryDocument
	memo     map[string]shape
	visiting map[string]bool
}

func (w *shapeWalker) set(set ast.SelectionSet) shape {
	var s shape
	for _, sel := range set {
		switch x := sel.(type) {
		case *ast.Field:
			c := w.set(x.SelectionSet)
			c.fields = satAdd(c.fields, 1)
			if x.Alias != "" && x.Alias != x.Name {
				c.aliases = satAdd(c.aliases, 1)
			}
			if x.Name == "__schema" || x.Name == "__type" {
				c.introspection = satAdd(c.introspection, 1)
			}
			s.add(c, c.nesting+1)
		case *ast.InlineFragment:
			c := w.set(x.SelectionSet)
			s.add(c, c.nesting)
		case *ast.FragmentSpread:
			c := w.fragment(x.Name)
			s.add(c, c.nesting)
		}
	}
	return s
}

func (w *shapeWalker) fragment(name string) shape {
	if s, ok := w.memo[name]; ok {
		return s
	}
	def := w.doc.Fragments.ForName(name)
	if def == nil || w.visiting[name] {
		return shape{}
	}
	w.visiting[name] = true
	s := w.set(def.SelectionSet)
	delete(w.visiting, name)
	w.memo[name] = s
	return s
}
