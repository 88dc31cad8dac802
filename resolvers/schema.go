package resolvers

import (
	"context"
	"encoding/json"
	"maps"
	"math"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/resolvers/batch"
	"github.com/kapgraph/kapgraph/resolvers/generated"
)

// NewExecutableSchema returns the API over store: the generated executor
// with kapgraph's resolvers, complexity rules, and dataloaders (tuned by
// bo) for every operation that does not already carry some.
func NewExecutableSchema(store graph.Store, bo batch.Options, warnings []graph.LoadWarning) graphql.ExecutableSchema {
	r := NewResolver(store, warnings)
	es := generated.NewExecutableSchema(generated.Config{Resolvers: r})
	return &executableSchema{ExecutableSchema: es, store: store, batch: bo, defaults: ArgumentDefaults(es.Schema()),
		resolver: r, satisfies: nodeSatisfies(es.Schema())}
}

type executableSchema struct {
	graphql.ExecutableSchema
	store    graph.Store
	batch    batch.Options
	defaults map[string]any // "Type.field.arg" -> the SDL's default value
	// resolver answers the operations the fast path covers (fast.go); nil
	// sends every operation to the generated executor.
	resolver *Resolver
	// satisfies are, by Node type, the type conditions it satisfies.
	satisfies map[string][]string
	// fastAnswered counts the operations the fast path answered.
	fastAnswered atomic.Int64
	// writers are the fast path's, with their answer buffers, pooled
	// across requests whose transport gives them back (fast.go).
	writers sync.Pool
	// ops are what the fast path knows of each operation (fast_ops.go).
	ops fastOps
}

// ArgumentDefaults reads every argument default of the schema, keyed
// "Type.field.arg": the SDL is where defaults are declared, and this is
// how the rest of the server learns them (see Complexity), while
// TestArgumentDefaults holds the engines' own defaults to them.
func ArgumentDefaults(s *ast.Schema) map[string]any {
	out := map[string]any{}
	for _, t := range s.Types {
		for _, f := range t.Fields {
			for _, a := range f.Arguments {
				if a.DefaultValue == nil {
					continue
				}
				if v, err := a.DefaultValue.Value(nil); err == nil {
					out[t.Name+"."+f.Name+"."+a.Name] = v
				}
			}
		}
	}
	return out
}

// Exec runs one operation, giving it its own dataloaders: the loaders
// cache for the life of one operation, so a reload is visible to the
// next.
//
// The loaders go on both contexts: the generated code resolves fields with
// the context its response handler is called with, not the one Exec got.
func (s *executableSchema) Exec(ctx context.Context) graphql.ResponseHandler {
	l := batch.For(ctx)
	if l == nil {
		l = batch.New(s.store, s.batch)
		ctx = batch.With(ctx, l)
	}
	next := s.ExecutableSchema.Exec(ctx)
	tried, answered := false, false
	return func(ctx context.Context) *graphql.Response {
		if batch.For(ctx) == nil {
			ctx = batch.With(ctx, l)
		}
		if answered {
			return nil // a query answers once
		}
		if !tried {
			tried = true
			if resp, ok := s.fastAnswer(ctx); ok {
				answered = true
				s.fastAnswered.Add(1)
				return resp
			}
		}
		return next(ctx)
	}
}

// Complexity prices a field for the complexity budget: a field returning a
// page costs its children once per item it may return, so nested pages
// multiply. How many a list may return is bounded by the data as loaded
// (graph.FanOut, read once per operation; see FieldComplexity). A field
// with neither a page size nor a base cost is priced by the generated
// executor (1 plus its children).
//
// An argument given as an explicit null is priced at the SDL's default,
// which is what the engines run it with (an absent one already arrives
// with its default).
func (s *executableSchema) Complexity(ctx context.Context, typeName, field string, childComplexity int, args map[string]any) (int, bool) {
	for k, v := range args {
		if d, ok := s.defaults[typeName+"."+field+"."+k]; ok && v == nil {
			args = maps.Clone(args)
			args[k] = d
		}
	}
	if c, ok := FieldComplexity(typeName, field, childComplexity, args, s.fanOut(ctx)); ok {
		return c, true
	}
	return s.ExecutableSchema.Complexity(ctx, typeName, field, childComplexity, args)
}

// PriceState implements gql.PriceState: prices depend on the graph's
// fan-out, one value per graph version (nil when the store cannot say, so
// that nothing is remembered).
func (s *executableSchema) PriceState(ctx context.Context) any {
	if f := s.fanOut(ctx); f != nil {
		return f
	}
	return nil
}

// fanOutStat is the operation's statistics extension holding the
// FanOut its complexity was priced with.
const fanOutStat = "kapgraphFanOut"

// fanOut is the store's FanOut, asked once per operation (the complexity
// walk prices every field with the same one) and kept in the operation's
// stats. When the store cannot say (an error), nil: lists are then priced
// by their page sizes alone, as if every list were full.
func (s *executableSchema) fanOut(ctx context.Context) *graph.FanOut {
	if !graphql.HasOperationContext(ctx) {
		f, _ := s.store.FanOut(ctx)
		return f
	}
	opCtx := graphql.GetOperationContext(ctx)
	if f, ok := opCtx.Stats.GetExtension(fanOutStat).(*graph.FanOut); ok {
		return f
	}
	f, err := s.store.FanOut(ctx)
	if err != nil {
		f = nil
	}
	opCtx.Stats.SetExtension(fanOutStat, f)
	return f
}

// baseCost is the price of the root fields that make the engine search
// rather than look up, whatever they return; 1 for any other field.
func baseCost(typeName, field string) (int, bool) {
	if typeName != "Query" {
		return 1, false
	}
	switch field {
	case "mechanismToOutcomePaths", "paths":
		return 50, true
	case "shortestPath", "neighborhood":
		return 25, true
	case "search", "evidence", "stats", "metaGraph":
		return 10, true
	}
	return 1, false
}

// FieldComplexity is the per-field complexity rule (exported for tests):
// base cost plus the children times the most items the field can return:
//   - `first` (or its default) for pages, search hits and path lists,
//     times `maxHops` for paths since every hop is a claim;
//   - `limit` nodes for a neighbourhood;
//   - the number of `ids` for a batch lookup;
//   - and, for a list page whose `first` is within the page maximum, no
//     more than the largest such list in the graph as loaded (fan, when
//     known; see listBound): a review's sections cost as many as the
//     review with the most sections has, not a full page of them.
//
// A `first` above the page maximum is priced as asked: the resolver
// refuses it anyway, and the price tells the client why.
func FieldComplexity(typeName, field string, child int, args map[string]any, fan *graph.FanOut) (int, bool) {
	base, hasBase := baseCost(typeName, field)
	n, hasN := 1, false
	if v, ok := args["first"]; ok {
		n, hasN = intArg(v, graph.DefaultPageSize), true
		if bound, ok := listBound(fan, typeName, field, args); ok && n <= graph.MaxPageSize {
			n = min(n, bound)
		}
	}
	if v, ok := args["limit"]; ok {
		n, hasN = intArg(v, graph.DefaultNeighborhood), true
	}
	if v, ok := args["ids"].([]any); ok {
		n, hasN = len(v), true
	}
	if v, ok := args["maxHops"]; ok {
		n, hasN = n*max(intArg(v, graph.DefaultMaxHops), 1), true
	}
	if !hasBase && !hasN {
		return 0, false
	}
	return safeAdd(base, safeMul(max(n, 1), child)), true
}

// rootLists are the root fields listing one category's nodes: none
// returns more nodes than the category has.
var rootLists = map[string]graph.Category{
	"reviews": graph.CategoryReview, "sections": graph.CategorySection, "passages": graph.CategoryPassage,
	"studies": graph.CategoryStudy, "concerns": graph.CategoryCitationConcern,
	"drugs": graph.CategoryDrug, "mechanisms": graph.CategoryMechanism, "brainRegions": graph.CategoryBrainRegion,
	"brainNetworks": graph.CategoryBrainNetwork, "disorders": graph.CategoryDisorder, "symptoms": graph.CategorySymptom,
	"outcomes": graph.CategoryOutcome, "therapies": graph.CategoryTherapy, "safetyRisks": graph.CategorySafetyRisk,
	"populations": graph.CategoryPopulation,
}

// listBound is the most items list field typeName.field can return in
// the graph fan describes, and whether it knows: the rule table of the
// complexity budget (schema.graphqls describes it).
//
//	Query.<category list>            nodes of the category
//	Review.sections                  most HAS_SECTION edges out of a review
//	Review.references                most HAS_REFERENCE edges out of a review
//	Review.concerns                  most citation concerns of one review
//	Section.subsections              most HAS_SECTION edges out of a section
//	Section.passages                 most HAS_PASSAGE edges out of a section
//	Passage.mentions / .cites        most MENTIONS / CITES edges out of a passage
//	Study.citedBy                    most CITES edges into a study
//	<T>.mentionedIn                  most MENTIONS edges into a node of T
//	<T>.claims                       most claims at a node of T (any edge
//	                                 when `predicates` names a lexical one)
//	<T>.related and every other list of a node's own edges (upstream,
//	downstream, studiedFor, effects, partOf, ...)
//	                                 most edges at a node of T
//
// T is the field's type; on the Node interface, the largest over every
// type. Lists that are not a node's own edges (Study.supports,
// CitationConcern.flagged and affectedClaims, search, paths) have no
// bound here and are priced by their page size.
func listBound(fan *graph.FanOut, typeName, field string, args map[string]any) (int, bool) {
	if fan == nil {
		return 0, false
	}
	if typeName == "Query" {
		c, ok := rootLists[field]
		return fan.Count[c], ok
	}
	cat := graph.Category(typeName)
	of := func(m map[graph.Category]int) int {
		if typeName == "Node" {
			most := 0
			for _, k := range m {
				most = max(most, k)
			}
			return most
		}
		return m[cat]
	}
	switch typeName + "." + field {
	case "Review.sections", "Section.subsections":
		return fan.OutOf(cat, graph.HasSection), true
	case "Review.references":
		return fan.OutOf(cat, graph.HasReference), true
	case "Review.concerns":
		return fan.PerDocument[graph.CategoryCitationConcern], true
	case "Section.passages":
		return fan.OutOf(cat, graph.HasPassage), true
	case "Passage.mentions":
		return fan.OutOf(cat, graph.Mentions), true
	case "Passage.cites":
		return fan.OutOf(cat, graph.Cites), true
	case "Study.citedBy":
		return fan.InOf(cat, graph.Cites), true
	case "Study.supports", "CitationConcern.flagged", "CitationConcern.affectedClaims":
		return 0, false
	}
	if !cat.Valid() && typeName != "Node" {
		return 0, false
	}
	switch field {
	case "mentionedIn":
		if typeName == "Node" {
			return of(fan.Degree), true
		}
		return fan.InOf(cat, graph.Mentions), true
	case "claims":
		if ps, _ := args["predicates"].([]any); len(ps) > 0 {
			for _, p := range ps {
				if s, _ := p.(string); !graph.Predicate(s).Curated() {
					return of(fan.Degree), true
				}
			}
		}
		return of(fan.Claims), true
	case "related", "upstream", "downstream", "studiedFor", "effects", "adverseEvents", "consideredFor",
		"locatedIn", "partOf", "hasPart", "processes", "drugs", "consideredTreatments":
		return of(fan.Degree), true
	}
	return 0, false
}

// intArg reads an integer argument however the request encoded it; an
// absent, null or unreadable one gives def, a negative one 1 (the resolver
// refuses it anyway).
func intArg(v any, def int) int {
	var n int64
	switch x := v.(type) {
	case int:
		n = int64(x)
	case int32:
		n = int64(x)
	case int64:
		n = x
	case float64:
		n = int64(math.Min(x, math.MaxInt32))
	case json.Number:
		i, err := x.Int64()
		if err != nil {
			return def
		}
		n = i
	case string:
		i, err := strconv.ParseInt(x, 10, 64)
		if err != nil {
			return def
		}
		n = i
	default:
		return def
	}
	switch {
	case n == 0:
		return def
	case n < 0:
		return 1
	case n > math.MaxInt32:
		return math.MaxInt32
	}
	return int(n)
}

func safeAdd(a, b int) int {
	if a > math.MaxInt-b {
		return math.MaxInt
	}
	return a + b
}

func safeMul(a, b int) int {
	if a != 0 && b > math.MaxInt/a {
		return math.MaxInt
	}
	return a * b
}
