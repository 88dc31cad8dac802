package resolvers

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/executor"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/resolvers/batch"
	"github.com/kapgraph/kapgraph/resolvers/limits"
)

// Options configure NewExecutor. Zero values take the defaults.
type Options struct {
	// Limits are the request limits (depth, complexity, structure,
	// introspection, persisted queries); see package limits.
	Limits limits.Options
	// Batch tunes the dataloaders each operation gets.
	Batch batch.Options
	// Logger receives internal errors and recovered panics. Default: a
	// logger that discards.
	Logger *slog.Logger
	// Extensions are further executor extensions (tracing, operation
	// hooks), run after the limits: they only ever see operations that
	// passed them.
	Extensions []graphql.HandlerExtension
	// Warnings name the input files left out of the graph; the root
	// field `warnings` lists them.
	Warnings []graph.LoadWarning
}

// NewExecutor returns the GraphQL executor over store: the schema with
// its resolvers and dataloaders, the limits of package limits, the one
// ErrorPresenter, and a recover function that logs a resolver's panic and
// answers INTERNAL_SERVER_ERROR. It speaks no HTTP: httpapi's transport
// calls it.
func NewExecutor(store graph.Store, o Options) *executor.Executor {
	lo := o.Limits.WithDefaults()
	log := o.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	es := newExecutableSchema(store, o.Batch, o.Warnings)
	exec := executor.New(es)
	queries := lru.New[*ast.QueryDocument](lo.CacheSize)
	exec.SetQueryCache(queries)
	// The executor's own parse stops at the same token limit, in case a
	// query ever reaches it without passing the structural limits.
	exec.SetParserTokenLimit(lo.MaxTokens)
	for _, ext := range limits.Extensions(lo, es.Schema(), queries) {
		exec.Use(ext)
	}
	for _, ext := range o.Extensions {
		exec.Use(ext)
	}
	exec.SetErrorPresenter(func(ctx context.Context, err error) *gqlerror.Error {
		e := ErrorPresenter(ctx, err)
		if IsServerFault(e) {
			log.ErrorContext(ctx, "graphql server error", "code", e.Extensions["code"], "path", e.Path.String(), "error", err)
		}
		return e
	})
	exec.SetRecoverFunc(func(ctx context.Context, p any) error {
		log.ErrorContext(ctx, "graphql resolver panic", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		return graph.Errorf(graph.EINTERNAL, "panic: %v", p)
	})
	return exec
}

var _ graphql.GraphExecutor = (*executor.Executor)(nil)
