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

// allModalities is every modality in the schema's order: a constant
// table, never written, that CheckListModalities hands out capped.
var allModalities = [...]Modality{ModalityAsserted, ModalityHedged, ModalityNegated, ModalityProposed}

// Modalities lists every modality, in the order the schema gives them, in
// a slice of the caller's own.
func Modalities() []Modality {
	out := allModalities
	return out[:]
}

// DefaultModalities are the modalities scores, paths and TRAPI read when a
// caller names none: findings only.
func DefaultModalities() []Modality { return []Modality{ModalityAsserted} }

// CheckListModalities is CheckModalities for a node's claim list (claims,
// effects, upstream, downstream): an empty list reads every modality. A
// list shows each claim with its own modality, so a reader browsing a drug
// sees what the review proposes, hedges or finds absent about it too;
// scores, paths and TRAPI, which compose claims into findings, read
// DefaultModalities instead.
func CheckListModalities(ms []Modality) ([]Modality, error) {
	if len(ms) == 0 {
		// Every list of claims asks this, twice a page: the shared table,
		// capped so that an append copies, instead of a new slice.
		return allModalities[:len(allModalities):len(allModalities)], nil
	}
	return CheckModalities(ms)
}

// Valid reports whether m is one of Modalities.
func (m Modality) Valid() bool {
	switch m {
	case ModalityAsserted, ModalityHedged, ModalityNegated, ModalityProposed:
		return true
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

// CheckModalities validates a caller's modalities and fills the default:
// an empty list reads DefaultModalities. The result is sorted in the order
// of Modalities, each once, so that equal requests compare equal.
func CheckModalities(ms []Modality) ([]Modality, error) {
	if len(ms) == 0 {
		return DefaultModalities(), nil
	}
	var out []Modality
	for _, v := range allModalities {
		for _, m := range ms {
			if !m.Valid() {
				return nil, Errorf(EINVALID, "unknown modality %q; valid: ASSERTED, HEDGED, NEGATED, PROPOSED", string(m))
			}
			if m == v {
				out = append(out, v)
				break
			}
		}
	}
	return out, nil
}

// Status is the edge's modality. An edge written before claims carried one
// (or by a producer that sets none) reads as NEGATED when it is negated
// and ASSERTED otherwise; lexical edges, the text's own structure, read as
// ASSERTED.
func (e *Edge) Status() Modality {
	switch {
	case e.Modality != "":
		return e.Modality
	case e.Negated:
		return ModalityNegated
	}
	return ModalityAsserted
}

// HasModality says whether a reader asking for ms (normalized by
// CheckModalities) sees e. Lexical edges are not statements of the text
// and are always seen.
func HasModality(e *Edge, ms []Modality) bool {
	if !e.Predicate.Curated() {
		return true
	}
	st := e.Status()
	for _, m := range ms {
		if m == st {
			return true
		}
	}
	return false
}

// EffectSign is the sign an edge contributes as an effect: its own sign,
// except that a NEGATED claim says the effect did not hold, so it is never
// served as a signed effect (paths compose it as unsigned).
func (e *Edge) EffectSign() Sign {
	if e.Status() == ModalityNegated {
		return Unsigned
	}
	return e.Sign
}

// SignedEffect says whether e may be a hop of a signed causal chain
// (mechanism paths): a causal predicate with a direction, not negated.
func (e *Edge) SignedEffect() bool {
	return e.Predicate.Signed() && e.EffectSign() != Unsigned
}
