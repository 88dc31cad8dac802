package resolvers

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/kapgraph/kapgraph/graph"
)

// Defaults of Options.
const (
	DefaultMaxDepth       = 12
	DefaultMaxComplexity  = 100000
	DefaultAPQCacheSize   = 1000
	DefaultQueryCacheSize = 1000

	// The structural limits below are checked on the query text before
	// gqlgen parses and validates it, so that neither the parser, the
	// validator, the depth and complexity walks nor the executor ever see
	// a document built to make them do exponential or quadratic work. The
	// largest query kapgraph's own clients send (GraphiQL's schema query)
	// is about 2 KB, 400 tokens and 300 fields once its fragments are
	// expanded.
	DefaultMaxQueryBytes = 32 << 10
	DefaultMaxTokens     = 5000
	DefaultMaxFields     = 1000
	DefaultMaxAliases    = 100
	DefaultMaxFragments  = 50
	DefaultMaxVariables  = 100
	// DefaultMaxNesting bounds the nesting of every field, introspection
	// included (GraphiQL's schema query nests 13 deep).
	DefaultMaxNesting = 24
	// DefaultMaxIntrospection bounds the __schema and __type fields of one
	// document: each may answer the whole schema.
	DefaultMaxIntrospection = 5
)

// Error codes (extensions.code) of the structural limits. Every error
// carries domainCode ELIMIT and the limit's name, maximum and the value
// found (extensions.limit, .max, .actual), except INTROSPECTION_DISABLED.
const (
	CodeQueryTooLarge         = "QUERY_TOO_LARGE"
	CodeTooManyFields         = "TOO_MANY_FIELDS"
	CodeTooManyAliases        = "TOO_MANY_ALIASES"
	CodeTooManyFragments      = "TOO_MANY_FRAGMENTS"
	CodeTooManyVariables      = "TOO_MANY_VARIABLES"
	CodeTooManyIntrospection  = "TOO_MANY_INTROSPECTION_FIELDS"
	CodeIntrospectionDisabled = "INTROSPECTION_DISABLED"
)

// Options configure NewHandler. Zero values take the defaults above.
type Options struct {
	// MaxDepth is the deepest field nesting a query may have
	// (introspection fields excluded). Default 12.
	MaxDepth int
	// MaxComplexity is the complexity budget of one operation (see
	// FieldComplexity). Default 100000.
	MaxComplexity int
	// Introspection allows __schema and __type queries (GraphiQL needs
	// them).
	Introspection bool
	// APQCacheSize is how many automatic persisted queries are kept;
	// negative disables APQ. Default 1000.
	APQCacheSize int
	// QueryCacheSize is how many parsed and validated queries are kept.
	// Default 1000.
	QueryCacheSize int
	// MaxQueryBytes caps the length of the query text (so also what the
	// query and persisted-query caches may hold). Default 32 KiB.
	MaxQueryBytes int
	// MaxTokens caps the lexical tokens of the query text. Default 5000.
	MaxTokens int
	// MaxFields caps the field selections of the document with every
	// fragment spread expanded: it stops alias and fragment bombs.
	// Default 1000.
	MaxFields int
	// MaxAliases caps the aliased fields, fragments expanded. Default 100.
	MaxAliases int
	// MaxFragments caps the fragment definitions. Default 50.
	MaxFragments int
	// MaxVariables caps the variable definitions. Default 100.
	MaxVariables int
	// MaxNesting caps the nesting of fields, introspection fields
	// included (MaxDepth leaves those out). Default 24.
	MaxNesting int
	// MaxIntrospection caps the __schema and __type fields, fragments
	// expanded. Default 5.
	MaxIntrospection int
	// Logger receives internal errors and recovered panics. Default: a
	// logger that discards.
	Logger *slog.Logger
}

func (o Options) withDefaults() Options {
	if o.MaxDepth <= 0 {
		o.MaxDepth = DefaultMaxDepth
	}
	if o.MaxComplexity <= 0 {
		o.MaxComplexity = DefaultMaxComplexity
	}
	if o.APQCacheSize == 0 {
		o.APQCacheSize = DefaultAPQCacheSize
	}
	if o.QueryCacheSize <= 0 {
		o.QueryCacheSize = DefaultQueryCacheSize
	}
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.MaxQueryBytes, DefaultMaxQueryBytes)
	def(&o.MaxTokens, DefaultMaxTokens)
	def(&o.MaxFields, DefaultMaxFields)
	def(&o.MaxAliases, DefaultMaxAliases)
	def(&o.MaxFragments, DefaultMaxFragments)
	def(&o.MaxVariables, DefaultMaxVariables)
	def(&o.MaxNesting, DefaultMaxNesting)
	def(&o.MaxIntrospection, DefaultMaxIntrospection)
	if o.Logger == nil {
		o.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return o
}

// NewHandler returns the GraphQL HTTP handler over store: GET and POST
// transports, automatic persisted queries, optional introspection, the
// structural limits (QueryLimits), depth and complexity limits,
// ErrorPresenter, and a recover function that
// logs the panic and answers INTERNAL_SERVER_ERROR. Wrap it in
// batch.Middleware to give each HTTP request its own dataloaders (without
// it each operation gets its own).
func NewHandler(store graph.Store, o Options) *handler.Server {
	o = o.withDefaults()
	es := NewExecutableSchema(store)
	srv := handler.New(es)
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](o.QueryCacheSize))
	// The executor's own parse stops at the same token limit, in case a
	// query ever reaches it without passing QueryLimits.
	srv.SetParserTokenLimit(o.MaxTokens)
	if o.Introspection {
		srv.Use(extension.Introspection{})
	}
	// Before the persisted-query extension: a query that is refused is
	// never stored, so every stored query has passed these limits.
	srv.Use(NewQueryLimits(o))
	if o.APQCacheSize > 0 {
		srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](o.APQCacheSize)})
	}
	srv.Use(StrictEnums{Schema: es.Schema()})
	srv.Use(DepthLimit{Max: o.MaxDepth})
	srv.Use(extension.FixedComplexityLimit(o.MaxComplexity))
	log := o.Logger
	srv.SetErrorPresenter(func(ctx context.Context, err error) *gqlerror.Error {
		e := ErrorPresenter(ctx, err)
		if IsServerFault(e) {
			log.ErrorContext(ctx, "graphql server error", "code", e.Extensions["code"], "path", e.Path.String(), "error", err)
		}
		return e
	})
	srv.SetRecoverFunc(func(ctx context.Context, p any) error {
		log.ErrorContext(ctx, "graphql resolver panic", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		return graph.Errorf(graph.EINTERNAL, "panic: %v", p)
	})
	return srv
}

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
// fragments; introspection fields are not counted. Each fragment is walked
// once, so a fragment spread twice in each of n nested fragments costs n
// walks, not 2^n.
func Depth(set ast.SelectionSet) int {
	return depth(set, map[string]bool{}, map[string]int{})
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
			d = 1 + depth(s.SelectionSet, visiting, memo)
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
// the structural limits of Options before gqlgen parses, validates or
// plans it: its size in bytes and tokens, its fragment and variable
// definitions, and, with every fragment spread expanded, its fields,
// aliases, nesting and introspection fields. Fragments are expanded by
// counting each once (memoised), so the check is linear in the size of
// the text whatever the document multiplies out to. Verdicts are cached by
// a hash of the text, never by the text itself.
//
// A query it cannot parse is passed on untouched: gqlgen then reports the
// parse error (GRAPHQL_PARSE_FAILED) with its own message.
type QueryLimits struct {
	o     Options
	cache graphql.Cache[*gqlerror.Error]
}

// NewQueryLimits returns the extension for o (defaults filled in).
func NewQueryLimits(o Options) *QueryLimits {
	o = o.withDefaults()
	return &QueryLimits{o: o, cache: lru.New[*gqlerror.Error](o.QueryCacheSize)}
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = (*QueryLimits)(nil)

// ExtensionName implements graphql.HandlerExtension.
func (*QueryLimits) ExtensionName() string { return "QueryLimits" }

// Validate implements graphql.HandlerExtension.
func (*QueryLimits) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationParameters implements graphql.OperationParameterMutator.
func (l *QueryLimits) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	if err := checkPersistedQuery(p); err != nil {
		return err
	}
	if p.Query == "" {
		// A persisted-query hash alone: the query it stands for passed
		// these limits when it was stored.
		return nil
	}
	if n := len(p.Query); n > l.o.MaxQueryBytes {
		return limitError(CodeQueryTooLarge, "queryBytes", n, l.o.MaxQueryBytes,
			"the query is %d bytes long, above the limit of %d", n, l.o.MaxQueryBytes)
	}
	sum := sha256.Sum256([]byte(p.Query))
	key := string(sum[:])
	if verdict, ok := l.cache.Get(ctx, key); ok {
		return copyError(verdict)
	}
	verdict := l.check(p.Query)
	l.cache.Add(ctx, key, verdict)
	return copyError(verdict)
}

// CodeBadRequest is the extensions.code of a request the executor cannot
// make sense of: a persisted-query extension that is malformed, of an
// unknown version, or whose hash is not the query's. (gqlgen's own errors
// for these carry no code, which would make them internal errors.)
const CodeBadRequest = "BAD_REQUEST"

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

func (l *QueryLimits) check(query string) *gqlerror.Error {
	o := l.o
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: query}, o.MaxTokens)
	if err != nil {
		switch msg := err.Error(); {
		case strings.Contains(msg, "exceeded token limit"):
			return limitError(CodeQueryTooLarge, "tokens", o.MaxTokens+1, o.MaxTokens,
				"the query has more than %d tokens", o.MaxTokens)
		case strings.Contains(msg, "exceeded maximum nesting depth"):
			// The parser's own guard against stack exhaustion.
			return limitError(CodeQueryTooDeep, "nesting", o.MaxNesting+1, o.MaxNesting,
				"the query nests deeper than the parser allows (%s), far above the limit of %d", msg, o.MaxNesting)
		}
		return nil // gqlgen reports the parse error
	}
	if n := len(doc.Fragments); n > o.MaxFragments {
		return limitError(CodeTooManyFragments, "fragments", n, o.MaxFragments,
			"the query defines %d fragments, above the limit of %d", n, o.MaxFragments)
	}
	vars := 0
	for _, op := range doc.Operations {
		vars += len(op.VariableDefinitions)
	}
	if vars > o.MaxVariables {
		return limitError(CodeTooManyVariables, "variables", vars, o.MaxVariables,
			"the query defines %d variables, above the limit of %d", vars, o.MaxVariables)
	}
	a := shapeOf(doc)
	switch {
	case a.fields > o.MaxFields:
		return limitError(CodeTooManyFields, "fields", a.fields, o.MaxFields,
			"the query selects %s fields once its fragments are expanded, above the limit of %d", countString(a.fields), o.MaxFields)
	case a.aliases > o.MaxAliases:
		return limitError(CodeTooManyAliases, "aliases", a.aliases, o.MaxAliases,
			"the query has %s aliased fields once its fragments are expanded, above the limit of %d", countString(a.aliases), o.MaxAliases)
	case a.nesting > o.MaxNesting:
		e := limitError(CodeQueryTooDeep, "nesting", a.nesting, o.MaxNesting,
			"the query nests fields %d deep (introspection included), above the limit of %d", a.nesting, o.MaxNesting)
		return e
	case a.introspection > 0 && !o.Introspection:
		e := gqlerror.Errorf("introspection is disabled on this server (__schema and __type); __typename is allowed")
		errcode.Set(e, CodeIntrospectionDisabled)
		e.Extensions["domainCode"] = graph.EINVALID
		return e
	case a.introspection > o.MaxIntrospection:
		return limitError(CodeTooManyIntrospection, "introspection", a.introspection, o.MaxIntrospection,
			"the query has %s __schema and __type fields, above the limit of %d", countString(a.introspection), o.MaxIntrospection)
	}
	return nil
}

func limitError(code, limit string, actual, maxAllowed int, format string, args ...any) *gqlerror.Error {
	e := gqlerror.Errorf(format, args...)
	errcode.Set(e, code)
	e.Extensions["domainCode"] = graph.ELIMIT
	e.Extensions["limit"] = limit
	e.Extensions["max"] = maxAllowed
	e.Extensions["actual"] = actual
	return e
}

// saturation is where shape counts stop growing: far above any limit,
// far below an overflow.
const saturation = 1 << 40

func countString(n int) string {
	if n >= saturation {
		return "more than a trillion"
	}
	return fmt.Sprint(n)
}

func satAdd(a, b int) int { return min(a+b, saturation) }

// shape is what QueryLimits measures of a selection set, fragments
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
