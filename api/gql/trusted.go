package gql

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/formatter"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
	"github.com/vektah/gqlparser/v2/validator"

	"github.com/kapgraph/kapgraph/graph"
)

// TrustedDocuments is a persisted-query list enforced as an allowlist: the
// only operations a server will run. It is read from a folder of
// .graphql files (api/client/operations is one), so the operations a client
// is generated from are the list, and what the client sends needs no
// separate registration step.
//
// An operation is recognised by its text normalised with gqlparser:
// parsed, its unaliased __typename selections dropped (genqlient, like
// other generated clients, adds them where a type is abstract; they read
// nothing from the graph), its fragment definitions limited to the ones
// it uses and sorted by name, and printed again. Whitespace, commas,
// comments and the order of fragments therefore do not matter; the
// selections, arguments and variables do.
type TrustedDocuments struct {
	// normalized operations -> operation name
	allowed map[string]string
	// docs are the operations, each with its fragments, for Validate.
	docs []*ast.QueryDocument
}

// ReadTrustedDocuments reads every *.graphql file of dir as one set of
// operations and fragments (a fragment may be defined in a file other
// than the operations spreading it).
func ReadTrustedDocuments(dir string) (*TrustedDocuments, error) {
	// fs.Glob ignores I/O errors: a folder that is not there would read
	// as one without operations.
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("trusted documents: %w", err)
	}
	td, err := ReadTrustedDocumentsFS(os.DirFS(dir), ".")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	return td, nil
}

// ReadTrustedDocumentsFS is ReadTrustedDocuments over a file system, e.g.
// operations embedded in a binary.
func ReadTrustedDocumentsFS(fsys fs.FS, dir string) (*TrustedDocuments, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.graphql"))
	if err != nil {
		return nil, fmt.Errorf("trusted documents in %s: %w", dir, err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("trusted documents: no *.graphql file in %s", dir)
	}
	slices.Sort(names)
	sources := make([]*ast.Source, 0, len(names))
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, fmt.Errorf("trusted documents: %w", err)
		}
		sources = append(sources, &ast.Source{Name: n, Input: string(b)})
	}
	return NewTrustedDocuments(sources...)
}

// NewTrustedDocuments builds the list from GraphQL documents. Every
// operation must be named, each name used once, and every fragment spread
// defined (once) in one of the sources.
func NewTrustedDocuments(sources ...*ast.Source) (*TrustedDocuments, error) {
	var ops ast.OperationList
	frags := map[string]*ast.FragmentDefinition{}
	for _, src := range sources {
		doc, err := parser.ParseQuery(src)
		if err != nil {
			return nil, fmt.Errorf("trusted documents: %s: %w", src.Name, err)
		}
		for _, f := range doc.Fragments {
			if frags[f.Name] != nil {
				return nil, fmt.Errorf("trusted documents: %s: fragment %s is defined twice", src.Name, f.Name)
			}
			frags[f.Name] = f
		}
		for _, op := range doc.Operations {
			if op.Name == "" {
				return nil, fmt.Errorf("trusted documents: %s: every operation must be named", src.Name)
			}
		}
		ops = append(ops, doc.Operations...)
	}
	if len(ops) == 0 {
		return nil, fmt.Errorf("trusted documents: no operation in %d files", len(sources))
	}
	t := &TrustedDocuments{allowed: map[string]string{}}
	names := map[string]bool{}
	for _, op := range ops {
		if names[op.Name] {
			return nil, fmt.Errorf("trusted documents: operation %s is defined twice", op.Name)
		}
		names[op.Name] = true
		used, err := usedFragments(op, frags)
		if err != nil {
			return nil, fmt.Errorf("trusted documents: operation %s: %w", op.Name, err)
		}
		doc := &ast.QueryDocument{Operations: ast.OperationList{op}, Fragments: used}
		t.docs = append(t.docs, doc)
		t.allowed[normalize(doc)] = op.Name
	}
	return t, nil
}

// Names are the trusted operations' names, sorted.
func (t *TrustedDocuments) Names() []string {
	out := make([]string, 0, len(t.allowed))
	for _, n := range t.allowed {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// Validate checks every trusted operation against schema, so that a list
// that no longer matches the schema is refused when the server starts
// rather than failing its clients one request at a time.
func (t *TrustedDocuments) Validate(schema *ast.Schema) error {
	for _, doc := range t.docs {
		if errs := validator.ValidateWithRules(schema, doc, nil); len(errs) > 0 {
			return fmt.Errorf("trusted documents: operation %s does not validate: %w", doc.Operations[0].Name, errs)
		}
	}
	return nil
}

// Allows reports whether query is one of the trusted operations, and
// which. A query that does not parse is not.
func (t *TrustedDocuments) Allows(query string, maxTokens int) (string, bool) {
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: query}, maxTokens)
	if err != nil {
		return "", false
	}
	name, ok := t.allowed[normalize(doc)]
	return name, ok
}

// usedFragments are the fragments op spreads, directly or through other
// fragments.
func usedFragments(op *ast.OperationDefinition, frags map[string]*ast.FragmentDefinition) (ast.FragmentDefinitionList, error) {
	var out ast.FragmentDefinitionList
	seen := map[string]bool{}
	var walk func(ast.SelectionSet) error
	walk = func(set ast.SelectionSet) error {
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				if err := walk(s.SelectionSet); err != nil {
					return err
				}
			case *ast.InlineFragment:
				if err := walk(s.SelectionSet); err != nil {
					return err
				}
			case *ast.FragmentSpread:
				if seen[s.Name] {
					continue
				}
				f := frags[s.Name]
				if f == nil {
					return fmt.Errorf("fragment %s is not defined", s.Name)
				}
				seen[s.Name] = true
				out = append(out, f)
				if err := walk(f.SelectionSet); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := walk(op.SelectionSet); err != nil {
		return nil, err
	}
	return out, nil
}

// normalize prints doc in the canonical form TrustedDocuments compares:
// unaliased __typename fields dropped, fragments sorted by name, compact
// printing without comments. It does not modify doc.
func normalize(doc *ast.QueryDocument) string {
	out := &ast.QueryDocument{}
	for _, op := range doc.Operations {
		c := *op
		c.SelectionSet = withoutTypename(op.SelectionSet)
		out.Operations = append(out.Operations, &c)
	}
	for _, f := range doc.Fragments {
		c := *f
		c.SelectionSet = withoutTypename(f.SelectionSet)
		out.Fragments = append(out.Fragments, &c)
	}
	slices.SortStableFunc(out.Fragments, func(a, b *ast.FragmentDefinition) int { return strings.Compare(a.Name, b.Name) })
	var b strings.Builder
	formatter.NewFormatter(&b, formatter.WithCompacted()).FormatQueryDocument(out)
	return b.String()
}

func withoutTypename(set ast.SelectionSet) ast.SelectionSet {
	out := make(ast.SelectionSet, 0, len(set))
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if s.Name == "__typename" && (s.Alias == "" || s.Alias == s.Name) && len(s.Directives) == 0 {
				continue
			}
			c := *s
			c.SelectionSet = withoutTypename(s.SelectionSet)
			out = append(out, &c)
		case *ast.InlineFragment:
			c := *s
			c.SelectionSet = withoutTypename(s.SelectionSet)
			out = append(out, &c)
		default:
			out = append(out, sel)
		}
	}
	return out
}

// TrustedOnly is the executor extension enforcing a TrustedDocuments
// list. It runs before every other limit: a document on the list was
// written by the server's own people, and anything else is refused
// before it costs more than one bounded parse. Verdicts are cached by
// a hash of the query text (bounded), so a client sending the same operations pays the
// parse once.
//
// A request carrying only an automatic-persisted-query hash is let
// through to the persisted-query store: the store only ever holds queries
// that were sent in full, and so passed this check, before.
type TrustedOnly struct {
	docs     *TrustedDocuments
	maxBytes int
	maxToks  int
	verdicts graphql.Cache[bool]
}

// NewTrustedOnly returns the extension enforcing docs with the size
// limits of o (defaults filled in).
func NewTrustedOnly(docs *TrustedDocuments, o Limits) *TrustedOnly {
	o = o.WithDefaults()
	return &TrustedOnly{docs: docs, maxBytes: o.MaxQueryBytes, maxToks: o.MaxTokens, verdicts: lru.New[bool](o.CacheSize)}
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = (*TrustedOnly)(nil)

// ExtensionName implements graphql.HandlerExtension.
func (*TrustedOnly) ExtensionName() string { return "TrustedDocuments" }

// Validate implements graphql.HandlerExtension.
func (t *TrustedOnly) Validate(graphql.ExecutableSchema) error {
	if t.docs == nil || len(t.docs.allowed) == 0 {
		return fmt.Errorf("trusted documents: the list is empty")
	}
	return nil
}

// MutateOperationParameters implements graphql.OperationParameterMutator.
func (t *TrustedOnly) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	if p.Query == "" {
		return nil
	}
	// A query longer than the limit is on no list the server would
	// accept, and is not worth parsing or remembering.
	ok := false
	if len(p.Query) <= t.maxBytes {
		sum := sha256.Sum256([]byte(p.Query))
		key := string(sum[:])
		var cached bool
		if ok, cached = t.verdicts.Get(ctx, key); !cached {
			_, ok = t.docs.Allows(p.Query, t.maxToks)
			t.verdicts.Add(ctx, key, ok)
		}
	}
	if ok {
		return nil
	}
	e := gqlerror.Errorf("this server runs only its %d trusted documents, and the operation sent is not one of them", len(t.docs.allowed))
	errcode.Set(e, CodeDocumentNotTrusted)
	e.Extensions["domainCode"] = graph.EINVALID
	return e
}
