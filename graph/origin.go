package graph

// The values of Edge.Origin: whether the review states a claim or a
// curator inferred it. Path questions (PathSearch.StatedOnly) and claim
// filters (ClaimFilter.Origin) compare against these.
const (
	OriginStated   = "stated"
	OriginInferred = "inferred"
)
