package graph

// Validate checks a document before any engine writes it, so that a bad
// document is refused whole by every engine alike. known reports nodes
// already stored (shared entities of other documents) that edges may
// point at; it may be nil.
func (d *Document) Validate(known func(id string) bool) error {
	if d.ID == "" {
		return Errorf(EINVALID, "document has no id")
	}
	ids := make(map[string]bool, len(d.Nodes))
	for i := range d.Nodes {
		n := &d.Nodes[i]
		switch {
		case n.ID == "":
			return Errorf(EINVALID, "document %s: node %d has no id", d.ID, i)
		case ids[n.ID]:
			return Errorf(EINVALID, "document %s: duplicate node id %s", d.ID, n.ID)
		case !n.Category.Valid():
			return Errorf(EINVALID, "document %s: node %s has unknown category %q", d.ID, n.ID, n.Category)
		case n.Document != "" && n.Document != d.ID:
			return Errorf(EINVALID, "document %s: node %s belongs to document %s", d.ID, n.ID, n.Document)
		}
		ids[n.ID] = true
	}
	eids := make(map[string]bool, len(d.Edges))
	for i := range d.Edges {
		e := &d.Edges[i]
		switch {
		case e.ID == "":
			return Errorf(EINVALID, "document %s: edge %d has no id", d.ID, i)
		case eids[e.ID]:
			return Errorf(EINVALID, "document %s: duplicate edge id %s", d.ID, e.ID)
		case !e.Predicate.Valid():
			return Errorf(EINVALID, "document %s: edge %s has unknown predicate %q", d.ID, e.ID, e.Predicate)
		case e.Predicate.Signed() && e.Sign != Increases && e.Sign != Decreases && !(e.Predicate.SignOpen() && e.Sign == Unsigned):
			return Errorf(EINVALID, "document %s: edge %s (%s) needs a sign", d.ID, e.ID, e.Predicate)
		case e.Modality != "" && !e.Modality.Valid():
			return Errorf(EINVALID, "document %s: edge %s has unknown modality %q", d.ID, e.ID, e.Modality)
		case e.Modality != "" && e.Negated != (e.Modality == ModalityNegated):
			return Errorf(EINVALID, "document %s: edge %s: negated must go with modality NEGATED", d.ID, e.ID)
		case e.Document != d.ID:
			return Errorf(EINVALID, "document %s: edge %s belongs to document %q", d.ID, e.ID, e.Document)
		}
		for _, end := range []string{e.Subject, e.Object} {
			if !ids[end] && (known == nil || !known(end)) {
				return Errorf(EINVALID, "document %s: edge %s points at unknown node %s", d.ID, e.ID, end)
			}
		}
		eids[e.ID] = true
	}
	return nil
}

// CheckMechanismEndpoints applies the rules of MechanismPaths to the nodes
// a query names; to and disorder may be nil when not given.
func CheckMechanismEndpoints(from, to, disorder *Node) error {
	if !MechanismSource(from.Category) {
		return Errorf(EINVALID, "from: %s is a %s; mechanism paths start at a Drug or a Mechanism", from.ID, from.Category)
	}
	if to != nil && to.Category != CategoryOutcome && to.Category != CategorySymptom {
		return Errorf(EINVALID, "to: %s is a %s; mechanism paths end at an Outcome or a Symptom", to.ID, to.Category)
	}
	if disorder != nil && disorder.Category != CategoryDisorder {
		return Errorf(EINVALID, "disorder: %s is a %s, not a Disorder", disorder.ID, disorder.Category)
	}
	return nil
}
