package graph

// Modality is a claim's epistemic status: how the text states it. A
// statement the text makes is recorded with its modality rather than
// dropped for being hedged, negated or only proposed, so that a reader can
// see what a review says and what it does not yet know; the readers that
// need facts (scores, paths, TRAPI) take ASSERTED claims unless a caller
// opts in to the others.
type Modality string

const (
	// ModalityAsserted: the text states it as a finding ("ketamine reduced
	// craving").
	ModalityAsserted Modality = "ASSERTED"
	// ModalityHedged: stated with reserve ("may", "is thought to").
	ModalityHedged Modality = "HEDGED"
	// ModalityNegated: the text says it did not hold ("did not reduce",
	// "without increasing"). Never served as a signed effect.
	ModalityNegated Modality = "NEGATED"
	// ModalityProposed: a call for research or comparison, or a
	// recommendation ("should be administered in supervised settings").
	ModalityProposed Modality = "PROPOSED"
)

// Modalities lists every modality, in the order the schema gives them.
func Modalities() []Modality {
	return []Modality{ModalityAsserted, ModalityHedged, ModalityNegated, ModalityProposed}
}

// DefaultModalities are the modalities scores, paths and TRAPI read when a
// caller names none: findings only.
func DefaultModalities() []Modality { return []Modality{ModalityAsserted} }

// Valid reports whether m is one of Modalities.
func (m Modality) Valid() bool {
	for _, v := range Modalities() {
		if m == v {
			return true
		}
	}
	return false
}

// ModalityOf gives the modality of a statement from what the reading of
// its clause found: negation outranks hedging (a hedged negation, "may not
// reduce", is still not a finding of an effect), and a proposal outranks
// both (a call to test whether X reduces Y asserts nothing).
func ModalityOf(negated, hedged, proposed bool) Modality {
	switch {
	case proposed:
		return ModalityProposed
	case negated:
		return ModalityNegated
	case hedged:
		return ModalityHedged
	}
	return ModalityAsserted
}
