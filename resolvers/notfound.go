package resolvers

import (
	"context"
	"fmt"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// One rule for ids that name nothing (written in the schema's
// descriptions of Query): any argument or filter that names a node by id
// answers NOT_FOUND when no node has that id, with the argument, the id and
// the nearest names search finds for it, so that a typo or a guessed
// KAP: id is corrected in one round trip; a valid question with no answer
// is an empty list, never null and never an error.
//
// The checks cost nothing on the way to an answer: the engines already
// refuse a missing path end or centre (their ENOTFOUND is explained here
// after the fact), and a filter is checked only when it matched nothing,
// since any match proves the id exists.

// idArg is one argument that names a node: its GraphQL name and the id.
type idArg struct{ name, id string }

// maxSuggestions is how many nearest names a NOT_FOUND lists.
const maxSuggestions = 3

// explainNotFound turns an engine's ENOTFOUND into the rule's error: the
// first of args that names no node, with suggestions. Other errors, and
// an ENOTFOUND none of args explains, pass unchanged.
func (r *Resolver) explainNotFound(ctx context.Context, err error, args ...idArg) error {
	if graph.ErrorCode(err) != graph.ENOTFOUND {
		return err
	}
	if nf := r.missingIDs(ctx, args...); nf != nil {
		return nf
	}
	return err
}

// missingIDs returns the rule's NOT_FOUND for the first of args whose id
// names no node, or nil when all exist (empty ids are omitted arguments).
func (r *Resolver) missingIDs(ctx context.Context, args ...idArg) error {
	var ids []string
	var named []idArg
	for _, a := range args {
		if a.id != "" {
			ids = append(ids, a.id)
			named = append(named, a)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	ns, err := r.loaders(ctx).Nodes(ctx, ids)
	if err != nil {
		return err
	}
	for i, n := range ns {
		if n == nil {
			return r.notFound(ctx, named[i])
		}
	}
	return nil
}

// notFound is NOT_FOUND for one argument, naming the nearest nodes.
func (r *Resolver) notFound(ctx context.Context, a idArg) error {
	msg := fmt.Sprintf("%s: no node with id %q", a.name, a.id)
	if near := r.nearestNames(ctx, a.id); len(near) > 0 {
		msg += "; nearest: " + strings.Join(near, ", ")
	}
	return graph.Errorf(graph.ENOTFOUND, "%s", msg)
}

// nearestNames searches the words of an id (its part after the prefix,
// with - and _ as spaces: KAP:alcohol-use-disorder searches "alcohol use
// disorder") among the entities and studies, and returns the best hits
// as `name (id)`. A failed search suggests nothing rather than hide the
// NOT_FOUND.
func (r *Resolver) nearestNames(ctx context.Context, id string) []string {
	text := id
	if _, local, ok := strings.Cut(id, ":"); ok && local != "" {
		text = local
	}
	text = strings.NewReplacer("-", " ", "_", " ").Replace(text)
	kinds := []graph.SearchKind{graph.SearchEntity, graph.SearchReference}
	hits, err := r.store.Search(ctx, graph.SearchQuery{Text: text, Kinds: kinds, First: maxSuggestions})
	if err != nil {
		return nil
	}
	if len(hits) == 0 {
		// A misspelt word ("abstinance") matches nothing whole; its
		// opening two thirds ("abstin") usually still prefixes the word
		// meant.
		// Words under three letters ("x", "2") are left out: they are
		// more likely noise than the name.
		var words []string
		for _, w := range strings.Fields(text) {
			if len(w) < 3 {
				continue
			}
			if n := max(4, len(w)*2/3); n < len(w) {
				w = w[:n]
			}
			words = append(words, w)
		}
		if cut := strings.Join(words, " "); cut != "" && cut != text {
			if hits, err = r.store.Search(ctx, graph.SearchQuery{Text: cut, Kinds: kinds, First: maxSuggestions}); err != nil {
				return nil
			}
		}
	}
	var out []string
	seen := map[string]bool{}
	for _, h := range hits {
		if h.Node == nil || seen[h.Node.ID] {
			continue
		}
		seen[h.Node.ID] = true
		out = append(out, fmt.Sprintf("%s (%s)", h.Node.Name, h.Node.ID))
	}
	return out
}

// nonNil makes an empty answer an empty list: a valid question with no
// answer is [], not null (null means the field failed).
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
