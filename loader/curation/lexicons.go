// Per-review lexicons: a review may bring entities of its own in
// <review-stem>.lexicon.yaml beside it. They extend the shared
// lexicon.yaml for that review only, so adding an entity for one review
// never adds a node to another review's graph.

package curation

import (
	"fmt"
	"strings"

	"github.com/kapgraph/kapgraph/loader/review"
)

// ReviewLexiconSuffix ends the name of a review's own lexicon: the
// review's file name without its extension, then this suffix.
const ReviewLexiconSuffix = ".lexicon.yaml"

// ReviewLexiconName is the name of the own lexicon of the review file
// name (second-review.txt -> second-review.lexicon.yaml).
func ReviewLexiconName(review string) string {
	stem := review
	if i := strings.LastIndexByte(stem, '.'); i > 0 {
		stem = stem[:i]
	}
	return stem + ReviewLexiconSuffix
}

// ExtendLexicon returns the lexicon one review sees: the shared entities
// (shared may be nil) and then the review's own. An own entry that
// repeats a shared id is the same entity: it must agree on the category,
// and the shared entry is kept whole, because an entity is one node
// whichever review names it and two versions of it could not both be
// stored.
func ExtendLexicon(shared, own *Lexicon) (*Lexicon, error) {
	if own == nil {
		return shared, nil
	}
	if shared == nil {
		return own, nil
	}
	out := &Lexicon{Source: shared.Source, byID: map[string]*Entity{}}
	for _, e := range shared.Entities {
		out.Entities = append(out.Entities, e)
		out.byID[e.ID] = e
	}
	for _, e := range own.Entities {
		if prev := out.byID[e.ID]; prev != nil {
			if prev.Category != e.Category {
				return nil, &review.SourceError{File: own.Source, Line: e.Line, Msg: fmt.Sprintf("entity %s is a %s here but a %s in %s (line %d): one id is one entity in every review",
					e.ID, e.Category, prev.Category, shared.Source, prev.Line)}
			}
			continue
		}
		out.Entities = append(out.Entities, e)
		out.byID[e.ID] = e
	}
	return out, nil
}
