package graph

import (
	"cmp"
	"slices"
)

// Claims across the whole graph, filtered and paged: the API's root
// claims(filter, orderBy, first, after). Every engine answers with the
// same page in the same order; ClaimQuery.Match and PageClaims are the
// reference the embedded engine uses and Neo4j's Cypher must agree with
// (storetest).

// ClaimOrder is the order of a claim list.
type ClaimOrder string

const (
	// ClaimsByScore is the order of Node.claims: best supported first
	// (ClaimOrderRank ascending, i.e. score rounded to 1e-4 descending),
	// then by claim id, so that ties page stably.
	ClaimsByScore ClaimOrder = "SCORE"
	// ClaimsByID is claim id order, byte-wise.
	ClaimsByID ClaimOrder = "ID"
)

// ClaimFilter selects claims; every set field must hold.
type ClaimFilter struct {
	Predicates  []Predicate // empty: every curated predicate
	Sign        Sign        // Unsigned: any sign (or none)
	Subject     string      // the claim's subject id
	Object      string      // the claim's object id
	Disorder    string      // Qualifiers.Disorder
	Study       string      // a study the claim's evidence cites (Edge.Publications)
	Origin      string      // OriginStated or OriginInferred
	ConcernKind string      // one of the claim's concerns has this kind
	MinScore    float64     // Score at least this; 0: any
	// Modalities: the claim's Status is one of these (lexical edges pass);
	// empty: DefaultModalities.
	Modalities []Modality
}

// ClaimQuery asks for one page of the claims that pass Filter.
type ClaimQuery struct {
	Filter  ClaimFilter
	OrderBy ClaimOrder // default ClaimsByScore
	First   int
	After   *Cursor
}

// ClaimPage is one page of Store.Claims. Nodes holds, whole, the nodes
// the page's claims name (subject, object, cited studies, concerns) that
// exist, in no fixed order, so that a question about the page's ends and
// evidence needs no further read.
type ClaimPage struct {
	Edges      []*Edge
	Cursors    []string // one per edge
	TotalCount int
	HasNext    bool
	Nodes      []*Node
}

// Normalize checks q the way every engine must and fills defaults.
func (q ClaimQuery) Normalize() (ClaimQuery, error) {
	var err error
	f := &q.Filter
	if f.Predicates, err = defaultPredicates(f.Predicates); err != nil {
		return q, err
	}
	switch f.Sign {
	case Unsigned, Increases, Decreases:
	default:
		return q, Errorf(EINVALID, "sign %q is not increases or decreases", f.Sign)
	}
	if f.Modalities, err = CheckModalities(f.Modalities); err != nil {
		return q, err
	}
	switch f.Origin {
	case "", OriginStated, OriginInferred:
	default:
		return q, Errorf(EINVALID, "origin %q is not %s or %s", f.Origin, OriginStated, OriginInferred)
	}
	for _, id := range []struct{ v, what string }{{f.Subject, "subject"}, {f.Object, "object"}, {f.Disorder, "disorder"}, {f.Study, "study"}, {f.ConcernKind, "concernKind"}} {
		if len(id.v) > MaxIDBytes {
			return q, Errorf(EINVALID, "%s is too long", id.what)
		}
	}
	if !(f.MinScore >= 0 && f.MinScore <= 1) { // NaN fails too
		return q, Errorf(EINVALID, "minScore must be in [0, 1], got %v", f.MinScore)
	}
	switch q.OrderBy {
	case "":
		q.OrderBy = ClaimsByScore
	case ClaimsByScore, ClaimsByID:
	default:
		return q, Errorf(EINVALID, "order %q is not SCORE or ID", q.OrderBy)
	}
	if q.First, err = PageSize(q.First); err != nil {
		return q, err
	}
	if q.After != nil {
		if _, ok := q.afterRank(); !ok {
			return q, Errorf(EINVALID, "after: not a cursor of this list of claims")
		}
	}
	return q, nil
}

// afterRank is the cursor's order rank: ClaimOrderRank for ClaimsByScore,
// 0 (an empty key) for ClaimsByID.
func (q ClaimQuery) afterRank() (int, bool) {
	if q.OrderBy == ClaimsByID {
		return 0, q.After.Key == ""
	}
	return ParseClaimOrderKey(q.After.Key)
}

// AfterRank is the rank and id the page starts after, for engines that
// page in their query language; ok is false without a cursor. q must be
// normalized.
func (q ClaimQuery) AfterRank() (rank int, id string, ok bool) {
	if q.After == nil {
		return 0, "", false
	}
	rank, _ = q.afterRank()
	return rank, q.After.ID, true
}

// Rank is e's position key under q's order: ClaimOrderRank(e.Score) for
// ClaimsByScore, 0 for ClaimsByID (the id alone orders).
func (q ClaimQuery) Rank(e *Edge) int {
	if q.OrderBy == ClaimsByID {
		return 0
	}
	return ClaimOrderRank(e.Score)
}

// Cursor is the opaque cursor of e in q's list.
func (q ClaimQuery) Cursor(e *Edge) string {
	key := ""
	if q.OrderBy != ClaimsByID {
		key = ClaimOrderKey(e)
	}
	return EncodeCursor(Cursor{Key: key, ID: e.ID})
}

// Match says whether e passes q's filter. concernKind gives the kind of a
// concern node by id ("" when unknown).
func (q ClaimQuery) Match(e *Edge, concernKind func(id string) string) bool {
	f := q.Filter
	switch {
	case !slices.Contains(f.Predicates, e.Predicate),
		f.Sign != Unsigned && e.Sign != f.Sign,
		f.Subject != "" && e.Subject != f.Subject,
		f.Object != "" && e.Object != f.Object,
		f.Disorder != "" && e.Qualifiers.Disorder != f.Disorder,
		f.Origin != "" && e.Origin != f.Origin,
		f.MinScore > 0 && !(e.Score >= f.MinScore):
		return false
	}
	if !HasModality(e, f.Modalities) {
		return false
	}
	if f.Study != "" && !slices.Contains(e.Publications(), f.Study) {
		return false
	}
	if f.ConcernKind != "" && !slices.ContainsFunc(e.Concerns, func(id string) bool { return concernKind(id) == f.ConcernKind }) {
		return false
	}
	return true
}

// PageClaims orders the matching claims es (each once) and cuts q's page:
// the reference for every engine. Nodes is left for the engine to fill.
func PageClaims(q ClaimQuery, es []*Edge) *ClaimPage {
	slices.SortFunc(es, func(a, b *Edge) int {
		return cmp.Or(cmp.Compare(q.Rank(a), q.Rank(b)), cmp.Compare(a.ID, b.ID))
	})
	start := 0
	if rank, id, ok := q.AfterRank(); ok {
		start = len(es)
		for i, e := range es {
			if r := q.Rank(e); r > rank || (r == rank && e.ID > id) {
				start = i
				break
			}
		}
	}
	end := min(start+q.First, len(es))
	p := &ClaimPage{Edges: slices.Clone(es[start:end]), TotalCount: len(es), HasNext: end < len(es)}
	for _, e := range p.Edges {
		p.Cursors = append(p.Cursors, q.Cursor(e))
	}
	return p
}

// ClaimPageNodeIDs lists the ids of the nodes a page's claims name:
// subjects, objects, cited studies and concerns, each once.
func ClaimPageNodeIDs(es []*Edge) []string {
	var ids []string
	for _, e := range es {
		ids = append(ids, e.Subject, e.Object)
		ids = append(ids, e.Publications()...)
		ids = append(ids, e.Concerns...)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}
