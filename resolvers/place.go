package resolvers

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
)

// places remembers placeOf's strings across requests. Every claim end,
// claim page and evidence asks for its place (about 100 times a b-entity
// request), while a query has a handful of places: each is written once
// and then found by a hash of the aliases on the way up the field
// contexts, checked against the remembered string itself, with no
// allocation. Only the strings are kept (never the query's syntax tree),
// at most maxPlaces of them; further places are written afresh each time.
type places struct {
	byHash sync.Map // uint64 -> []string, never changed once stored
	mu     sync.Mutex
	n      atomic.Int64
}

// maxPlaces bounds the places remembered.
const maxPlaces = 4096

// place is placeOf(ctx), remembered.
func (r *Resolver) place(ctx context.Context) string {
	fc := graphql.GetFieldContext(ctx)
	h := placeHash(fc)
	if v, ok := r.places.byHash.Load(h); ok {
		for _, p := range v.([]string) {
			if isPlaceOf(fc, p) {
				return p
			}
		}
	}
	p := placeOf(ctx)
	if r.places.n.Load() >= maxPlaces {
		return p
	}
	r.places.mu.Lock()
	defer r.places.mu.Unlock()
	var old []string
	if v, ok := r.places.byHash.Load(h); ok {
		old = v.([]string)
		for _, q := range old {
			if q == p {
				return q // another request wrote it meanwhile
			}
		}
	}
	r.places.byHash.Store(h, append(old[:len(old):len(old)], p))
	r.places.n.Add(1)
	return p
}

// placeFields calls f with the alias of each field context that counts in
// a place (see placeOf), leaf first, until f returns false.
func placeFields(fc *graphql.FieldContext, f func(alias string) bool) {
	for it := fc; it != nil; it = it.Parent {
		if it.Index == nil && it.Field.Field != nil && !f(it.Field.Alias) {
			return
		}
	}
}

// placeHash is an FNV-1a hash of the aliases of fc's place, leaf first,
// each closed by a zero byte.
func placeHash(fc *graphql.FieldContext) uint64 {
	h := uint64(14695981039346656037)
	placeFields(fc, func(alias string) bool {
		for i := 0; i < len(alias); i++ {
			h = (h ^ uint64(alias[i])) * 1099511628211
		}
		h *= 1099511628211 // the zero byte
		return true
	})
	return h
}

// isPlaceOf is whether p is placeOf of fc: its aliases, read from the
// leaf up, are p's names from its end back.
func isPlaceOf(fc *graphql.FieldContext, p string) bool {
	rest, ok, first := p, true, true
	placeFields(fc, func(alias string) bool {
		if !first {
			if !strings.HasSuffix(rest, ".") {
				ok = false
				return false
			}
			rest = rest[:len(rest)-1]
		}
		first = false
		if !strings.HasSuffix(rest, alias) {
			ok = false
			return false
		}
		rest = rest[:len(rest)-len(alias)]
		return true
	})
	return ok && rest == ""
}
