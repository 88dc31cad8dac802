// Package biolink is kapgraph's one mapping onto the Biolink Model: the
// class of a node, the predicate and qualifiers of an edge, and the
// provenance slots every edge carries. The KGX export and the TRAPI
// endpoint both speak Biolink; keeping the mapping here means the two
// cannot drift apart (a claim exported as "decreased activity" is found
// by a TRAPI query for decreased activity).
package biolink

import (
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// The mapping was written against, and is checked by scripts/kgx-check.py
// and scripts/trapi-check.py with, this Biolink release: qualifier values
// are emitted in Biolink slots only when that release's enums list them.
const (
	Version = "4.4.6"
	// Infores is kapgraph's information-resource id: the
	// primary_knowledge_source of every edge and provided_by of every node.
	Infores = "infores:kapgraph"
	// PredicatePrefix turns a kapgraph predicate into the CURIE that
	// original_predicate needs (its Biolink range is uriorcurie).
	PredicatePrefix = "KAP:"
	// Causes is the qualified predicate of a signed affects edge.
	Causes = "biolink:causes"
)

// Biolink enum values the qualifier slots accept: the whole of Biolink
// 4.4.6's CausalMechanismQualifierEnum and
// GeneOrGeneProductOrChemicalEntityAspectEnum. A value outside them goes
// to kap_mechanism / kap_aspect instead of making an invalid record.
const (
	mechanisms = " modulation allosteric_modulation mixed_allosteric_modulation biphasic_allosteric_modulation" +
		" mixed_agonism positive_modulation potentiation induction cofactor activation" +
		" positive_allosteric_modulation agonism partial_agonism biased_agonism antibody_agonism" +
		" molecular_channel_opening stimulation guanyl_nucleotide_exchange negative_modulation" +
		" negative_gene_editing_modulation gtpase_activation atpase_activation" +
		" antisense_oligonucleotide_inhibition rna_interference_inhibition suppression feedback_inhibition" +
		" inhibition antibody_inhibition antagonism allosteric_antagonism non_competitive_antagonism" +
		" competitive_inhibition noncompetitive_inhibition negative_allosteric_modulation gating_inhibition" +
		" irreversible_inhibition molecular_channel_blockage inverse_agonism binding covalent_binding" +
		" adduction crosslinking transglutamination disuphide_binding stabilization" +
		" chaperone_mediated_stabilization destabilization degradation cleavage hydrolysis disruption opening" +
		" multitarget_modulation chelation release sequestration oxidoreduction exogenous_protein" +
		" exogenous_gene transcriptional_regulation translational_regulation catalytic_activity" +
		" chemical_modification relocalization isomerization signaling_mediated_control" +
		" immune_system_modulation vaccine_antigen post_transcriptional_regulation molecular_modification" +
		" phosphorylation dephosphorylation neddylation deneddylation lipidation palmitoylation myristoylation" +
		" tyrosination carboxylation ubiquitination monoubiquitination polyubiquitination deubiquitination" +
		" sulfation reduction oxidation acetylation deacetylation glycosylation deglycosylation methylation" +
		" trimethylation demethylation sumoylation desumoylation ADP-ribosylation de-ADP-ribosylation" +
		" ampylation hydroxylation s_nitrosylation "
	aspects = " activity_or_abundance abundance activity expression synthesis degradation cleavage hydrolysis" +
		" metabolic_processing mutation_rate stability folding localization transport absorption aggregation" +
		" interaction release isomerization secretion uptake splicing molecular_interaction" +
		" guanyl_nucleotide_exchange adenyl_nucleotide_exchange molecular_modification acetylation acylation" +
		" alkylation amination carbamoylation ethylation glutathionylation glycation glycosylation" +
		" glucuronidation n_linked_glycosylation o_linked_glycosylation hydroxylation lipidation farnesylation" +
		" geranoylation myristoylation palmitoylation prenylation methylation nitrosation nucleotidylation" +
		" phosphorylation ribosylation ADP-ribosylation sulfation sumoylation ubiquitination oxidation" +
		" reduction carboxylation "
)

func inEnum(list, v string) bool {
	return v != "" && !strings.ContainsAny(v, " \t\n") && strings.Contains(list, " "+v+" ")
}

// NodeCategory is the node's Biolink class. A node that does not carry one
// (a document written by hand rather than by the loader) gets the class
// the domain gives its category, and a Study the class of its design, so
// a trial is a ClinicalTrial whoever produced the document.
func NodeCategory(n *graph.Node) string {
	if n.Biolink != "" {
		return n.Biolink
	}
	if n.Category == graph.CategoryStudy {
		return graph.StudyBiolink(n.Design)
	}
	return n.Category.Biolink()
}

// EdgePredicate is the edge's Biolink predicate: the one the loader
// stored, else the one its kapgraph predicate and sign map to.
func EdgePredicate(e *graph.Edge) string {
	if e.Biolink != "" {
		return e.Biolink
	}
	return e.Predicate.Biolink(e.Sign)
}

// OrNotProvided fills Biolink's required knowledge_level and agent_type
// with the enum's own "unknown" value rather than leaving them out.
func OrNotProvided(s string) string {
	if s == "" {
		return "not_provided"
	}
	return s
}

// Qualifiers is an edge's Biolink qualifiers, and the values that would
// break a qualifier slot's enum, kept apart for kapgraph's own properties.
type Qualifiers struct {
	QualifiedPredicate string // biolink:causes on a signed affects edge
	ObjectDirection    string // increased / decreased
	ObjectAspect       string // within GeneOrGeneProductOrChemicalEntityAspectEnum
	CausalMechanism    string // within CausalMechanismQualifierEnum
	// KapAspect and KapMechanism hold a curated aspect or mechanism that
	// Biolink's enum does not list.
	KapAspect    string
	KapMechanism string
}

// EdgeQualifiers maps an edge onto Biolink qualifiers. Biolink 4 states a
// directed effect as affects + qualified_predicate causes + a direction
// (and optionally aspect and mechanism); a signed correlation is already
// in the predicate itself.
func EdgeQualifiers(e *graph.Edge) Qualifiers {
	var out Qualifiers
	if e.Predicate == graph.Affects {
		switch e.Sign {
		case graph.Increases:
			out.QualifiedPredicate, out.ObjectDirection = Causes, "increased"
		case graph.Decreases:
			out.QualifiedPredicate, out.ObjectDirection = Causes, "decreased"
		}
	}
	q := e.Qualifiers
	if inEnum(aspects, q.Aspect) {
		out.ObjectAspect = q.Aspect
	} else {
		out.KapAspect = q.Aspect
	}
	if inEnum(mechanisms, q.Mechanism) {
		out.CausalMechanism = q.Mechanism
	} else {
		out.KapMechanism = q.Mechanism
	}
	return out
}
