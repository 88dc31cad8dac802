package resolvers

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/kapgraph/kapgraph/graph"
)

// Defaults of Options.
const (
	DefaultMaxDepth       = 12
	DefaultMaxComplexity  = 100000
	DefaultAPQCacheSize   = 1000
	DefaultQueryCacheSize = 1000
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
	if o.Logger == nil {
		o.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return o
}

// NewHandler returns the GraphQL HTTP handler over store: GET and POST
// transports, automatic persisted queries, optional introspection, the
// depth and complexity limits, ErrorPresenter, and a recover function that
// logs the panic and answers INTERNAL_SERVER_ERROR. Wrap it in
// batch.Middleware to give each HTTP request its own dataloaders (without
// it each operation gets its own).
func NewHandler(store graph.Store, o Options) *handler.Server {
	o = o.withDefaults()
	srv := handler.New(NewExecutableSchema(store))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](o.QueryCacheSize))
	if o.Introspection {
		srv.Use(extension.Introspection{})
	}
	if o.APQCacheSize > 0 {
		srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](o.APQCacheSize)})
	}
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
// fragments; introspection fields are not counted.
func Depth(set ast.SelectionSet) int {
	return depth(set, map[string]bool{})
}

func depth(set ast.SelectionSet, visiting map[string]bool) int {
	deepest := 0
	for _, sel := range set {
		d := 0
		switch s := sel.(type) {
		case *ast.Field:
			if len(s.Name) >= 2 && s.Name[:2] == "__" {
				continue
			}
			d = 1 + depth(s.SelectionSet, visiting)
		case *ast.InlineFragment:
			d = depth(s.SelectionSet, visiting)
		case *ast.FragmentSpread:
			if s.Definition == nil || visiting[s.Name] {
				continue
			}
			visiting[s.Name] = true
			d = depth(s.Definition.SelectionSet, visiting)
			delete(visiting, s.Name)
		}
		deepest = max(deepest, d)
	}
	return deepest
}
