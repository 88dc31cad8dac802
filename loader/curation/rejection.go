package curation

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/loader/extract"
	"github.com/kapgraph/kapgraph/loader/review"
)

// Rejection is a claims file's refusal of an extracted candidate: the
// candidates with this subject, predicate and object (and sign, and
// sentence, when given) are left out of the graph.
type Rejection struct {
	Subject   string `yaml:"subject"`
	Predicate string `yaml:"predicate"`
	Object    string `yaml:"object"`
	Sign      string `yaml:"sign"`
	Quote     string `yaml:"quote"`
	Reason    string `yaml:"reason"`
	Line      int    `yaml:"-"`
}

func (r *Rejection) Matches(c extract.Candidate) bool {
	return r.Subject == c.Subject && r.Predicate == string(c.Predicate) && r.Object == c.Object &&
		(r.Sign == "" || r.Sign == string(c.Sign)) && (r.Quote == "" || strings.Contains(c.Text, review.NormSpace(r.Quote)))
}

// CheckRejection applies what can be checked without the review.
func CheckRejection(r *Rejection, lex *Lexicon) error {
	if strings.TrimSpace(r.Reason) == "" {
		return fmt.Errorf("rejected %s %s %s: give a reason", r.Subject, r.Predicate, r.Object)
	}
	if p := graph.Predicate(r.Predicate); !p.Valid() || !p.Curated() {
		return fmt.Errorf("rejected: unknown predicate %q; valid: %s", r.Predicate, strings.Join(CuratedPredicates(), ", "))
	}
	switch graph.Sign(r.Sign) {
	case graph.Unsigned, graph.Increases, graph.Decreases:
	default:
		return fmt.Errorf("rejected: unknown sign %q; valid: increases, decreases (or leave it out)", r.Sign)
	}
	for _, id := range []string{r.Subject, r.Object} {
		if id == "" {
			return fmt.Errorf("rejected: needs subject, predicate and object")
		}
		if lex.Entity(id) == nil && !strings.HasPrefix(id, extract.ProposedPrefix) {
			return fmt.Errorf("rejected: unknown entity %s (neither in the lexicon nor a %s id)", id, extract.ProposedPrefix)
		}
	}
	return nil
}

// CuratedPredicates lists the predicates a claim may use, for error messages.
func CuratedPredicates() []string {
	var out []string
	for _, p := range graph.Predicates() {
		if p.Curated() {
			out = append(out, string(p))
		}
	}
	return out
}

// CuratedCategories lists the categories a lexicon entity may have.
func CuratedCategories() []string {
	var out []string
	for _, c := range graph.Categories() {
		if c.Curated() {
			out = append(out, string(c))
		}
	}
	return out
}

// KnownPrefixes lists the CURIE prefixes the lexicon accepts, sorted.
func KnownPrefixes() []string {
	out := make([]string, 0, len(KnownPrefix))
	for p := range KnownPrefix {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

const MaxSeedYAML = 8 << 20
