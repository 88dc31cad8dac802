package graph

import "slices"

// Predicate is an edge type. It doubles as the Neo4j relationship type, so
// it must come from this allow-list: user input is never spliced into
// Cypher, and a predicate name is the one thing Cypher cannot take as a
// parameter.
type Predicate string

// Curated predicates: the knowledge layer.
const (
	Affects         Predicate = "AFFECTS"
	CorrelatedWith  Predicate = "CORRELATED_WITH"
	StudiedToTreat  Predicate = "STUDIED_TO_TREAT"
	HasAdverseEvent Predicate = "HAS_ADVERSE_EVENT"
	LocatedIn       Predicate = "LOCATED_IN"
	PartOf          Predicate = "PART_OF"
	HasPart         Predicate = "HAS_PART"
	ConsideredFor   Predicate = "CONSIDERED_FOR"
	AssociatedWith  Predicate = "ASSOCIATED_WITH"
)

// Lexical predicates: the text's own structure.
const (
	HasSection   Predicate = "HAS_SECTION"
	HasPassage   Predicate = "HAS_PASSAGE"
	HasReference Predicate = "HAS_REFERENCE"
	Cites        Predicate = "CITES"
	Mentions     Predicate = "MENTIONS"
	Flags        Predicate = "FLAGS"
	// About joins a cited Study to the drugs, disorders and populations
	// its title is about (the reference's own words, not a claim).
	About Predicate = "ABOUT"
)

type predicateInfo struct {
	biolink string
	// signed edges carry increases/decreases and may appear in
	// mechanism-to-outcome paths.
	signed bool
	// openSign: the sign may be left open where the text gives no
	// direction ("ketamine alters DMN activity", "dynorphin plays a role
	// in relapse"); such a claim is not a signed effect and stays out of
	// mechanism paths, but it is kept: the text states it.
	openSign bool
	curated  bool
}

var predicates = map[Predicate]predicateInfo{
	Affects:         {"biolink:affects", true, true, true},
	CorrelatedWith:  {"biolink:correlated_with", true, true, true},
	StudiedToTreat:  {"biolink:studied_to_treat", false, false, true},
	HasAdverseEvent: {"biolink:has_adverse_event", false, false, true},
	LocatedIn:       {"biolink:located_in", false, false, true},
	PartOf:          {"biolink:part_of", false, false, true},
	HasPart:         {"biolink:has_part", false, false, true},
	ConsideredFor:   {"biolink:related_to", false, false, true},
	AssociatedWith:  {"biolink:associated_with", false, false, true},
	HasSection:      {"biolink:has_part", false, false, false},
	HasPassage:      {"biolink:has_part", false, false, false},
	HasReference:    {"biolink:related_to", false, false, false},
	Cites:           {"biolink:related_to", false, false, false},
	Mentions:        {"biolink:mentions", false, false, false},
	Flags:           {"biolink:related_to", false, false, false},
	About:           {"biolink:mentions", false, false, false},
}

// Predicates lists the allow-list in a fixed order.
func Predicates() []Predicate {
	out := make([]Predicate, 0, len(predicates))
	for p := range predicates {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// CausalPredicates are the edge types a mechanism-to-outcome path may use.
func CausalPredicates() []Predicate { return []Predicate{Affects, CorrelatedWith} }

// Valid reports whether p is on the allow-list.
func (p Predicate) Valid() bool { _, ok := predicates[p]; return ok }

// Signed reports whether edges of this type carry a sign (see SignOpen
// for the one that may leave it open).
func (p Predicate) Signed() bool { return predicates[p].signed }

// SignOpen reports whether a signed predicate's claim may leave its sign
// open where the text gives no direction (AFFECTS: "alters", "modulates";
// CORRELATED_WITH: "plays a role in", "is implicated in").
func (p Predicate) SignOpen() bool { return predicates[p].openSign }

// Curated reports whether the predicate belongs to the knowledge layer.
func (p Predicate) Curated() bool { return predicates[p].curated }

// Biolink returns the Biolink predicate for an edge of type p with sign s.
// Correlations split by sign because Biolink has no signed correlation.
func (p Predicate) Biolink(s Sign) string {
	if p == CorrelatedWith {
		switch s {
		case Increases:
			return "biolink:positively_correlated_with"
		case Decreases:
			return "biolink:negatively_correlated_with"
		}
	}
	return predicates[p].biolink
}

// CheckPredicates validates a user-supplied list of edge types against the
// allow-list; an empty list means "all".
func CheckPredicates(ps []Predicate) error {
	for _, p := range ps {
		if !p.Valid() {
			return Errorf(EINVALID, "unknown edge type %q", string(p))
		}
	}
	return nil
}
