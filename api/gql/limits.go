// The limits: the checks that refuse a request before any field is
// resolved, so that no document can make the parser, the validator or the
// executor do more work than a legitimate client's query needs.
//
// They run, in the order a request meets them (see limitExtensions):
//   - TrustedOnly, when a TrustedDocuments list is set: only the
//     operations on it go on to the checks below, and none else runs;
//   - Structure: size in bytes and tokens, fragments, variables and, with
//     fragments expanded, fields, aliases, nesting and introspection
//     fields, checked on the text before validation; the query is parsed
//     and validated once here and handed to the executor through its
//     query cache;
//   - automatic persisted queries (a hash standing for a query already
//     checked), with their extension checked the way gqlgen reads it;
//   - StrictEnums: enum values in variables must match exactly;
//   - DepthLimit and the complexity budget.
//
// Each refusal is a GraphQL request error with its own extensions.code and
// extensions.domainCode ELIMIT (EINVALID for a malformed persisted query
// and for introspection while it is off; PERSISTED_QUERY_NOT_ALLOWED, with
// EINVALID, for an operation off the trusted list).

package gql

import (
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/kapgraph/kapgraph/graph"
)

// Defaults of Limits.
const (
	DefaultMaxDepth      = 12
	DefaultMaxComplexity = 100000
	DefaultAPQCacheSize  = 1000
	DefaultCacheSize     = 1000

	// The structural limits are checked on the query text before it is
	// validated, so that neither the validator, the depth and complexity
	// walks nor the executor ever see a document built to make them do
	// exponential or quadratic work. The largest query kapgraph's own
	// clients send (GraphiQL's schema query) is about 2 KB, 400 tokens
	// and 300 fields once its fragments are expanded.
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

// Limits are the request limits. Zero values take the defaults above.
type Limits struct {
	// MaxDepth is the deepest field nesting a query may have
	// (introspection fields and a list page's `edges` and `node`
	// excluded; see Depth). Default 12.
	MaxDepth int
	// MaxComplexity is the complexity budget of one operation (priced by
	// the schema's complexity functions). Default 100000.
	MaxComplexity int
	// Introspection allows __schema and __type queries (GraphiQL needs
	// them).
	Introspection bool
	// APQCacheSize is how many automatic persisted queries are kept;
	// negative disables APQ. Default 1000.
	APQCacheSize int
	// CacheSize is how many parsed and validated queries, and how many
	// refusals, are kept. Default 1000.
	CacheSize int
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
	// TrustedDocuments, when set, is the only operations the server runs
	// (see TrustedOnly); anything else, introspection included, is
	// refused with PERSISTED_QUERY_NOT_ALLOWED. Nil: any operation.
	TrustedDocuments *TrustedDocuments
}

// WithDefaults fills the zero fields.
func (o Limits) WithDefaults() Limits {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.MaxDepth, DefaultMaxDepth)
	def(&o.MaxComplexity, DefaultMaxComplexity)
	def(&o.CacheSize, DefaultCacheSize)
	if o.APQCacheSize == 0 {
		o.APQCacheSize = DefaultAPQCacheSize
	}
	def(&o.MaxQueryBytes, DefaultMaxQueryBytes)
	def(&o.MaxTokens, DefaultMaxTokens)
	def(&o.MaxFields, DefaultMaxFields)
	def(&o.MaxAliases, DefaultMaxAliases)
	def(&o.MaxFragments, DefaultMaxFragments)
	def(&o.MaxVariables, DefaultMaxVariables)
	def(&o.MaxNesting, DefaultMaxNesting)
	def(&o.MaxIntrospection, DefaultMaxIntrospection)
	return o
}

// Extensions are the executor extensions enforcing o over schema, in the
// order they must run: the trusted documents (when set, first, so that
// nothing else is spent on a document off the list), introspection (when
// allowed), Structure before the persisted-query store (so that every
// stored query has passed it), StrictEnums, DepthLimit, complexity. queries must be the executor's
// query cache (SetQueryCache): Structure fills it with each document it
// has parsed and validated, so the executor parses nothing again.
func limitExtensions(o Limits, schema *ast.Schema, queries graphql.Cache[*ast.QueryDocument]) []graphql.HandlerExtension {
	o = o.WithDefaults()
	var exts []graphql.HandlerExtension
	if o.TrustedDocuments != nil {
		exts = append(exts, NewTrustedOnly(o.TrustedDocuments, o))
	}
	if o.Introspection {
		exts = append(exts, extension.Introspection{})
	}
	exts = append(exts, NewStructure(o, schema, queries))
	if o.APQCacheSize > 0 {
		exts = append(exts, extension.AutomaticPersistedQuery{Cache: lru.New[string](o.APQCacheSize)})
	}
	exts = append(exts,
		StrictEnums{Schema: schema},
		DepthLimit{Max: o.MaxDepth},
		&ComplexityLimit{Max: o.MaxComplexity},
	)
	return exts
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
