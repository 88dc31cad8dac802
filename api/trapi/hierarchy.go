package trapi

import (
	"maps"
	"slices"
)

// categoryAncestors lists, for each Biolink class kapgraph gives a node,
// its ancestors in Biolink 4.4.6 (is_a and mixins, transitively), so that a
// query for biolink:ChemicalEntity finds a SmallMolecule. A table rather
// than the schema read at run time: the server ships no YAML, and
// scripts/trapi-check.py compares this table with the biolink-model
// package's schema in CI (TestPythonChecker writes it out).
var categoryAncestors = map[string][]string{
	"biolink:SmallMolecule": {"biolink:MolecularEntity", "biolink:ChemicalEntity", "biolink:OntologyClass",
		"biolink:NamedThing", "biolink:PhysicalEssence", "biolink:ChemicalOrDrugOrTreatment",
		"biolink:ChemicalEntityOrGeneOrGeneProduct", "biolink:ChemicalEntityOrProteinOrPolypeptide",
		"biolink:Entity", "biolink:PhysicalEssenceOrOccurrent"},
	"biolink:BiologicalProcess": {"biolink:BiologicalProcessOrActivity", "biolink:Occurrent", "biolink:OntologyClass",
		"biolink:BiologicalEntity", "biolink:PhysicalEssenceOrOccurrent", "biolink:NamedThing",
		"biolink:ThingWithTaxon", "biolink:Entity"},
	"biolink:GrossAnatomicalStructure": {"biolink:AnatomicalEntity", "biolink:OrganismalEntity", "biolink:PhysicalEssence",
		"biolink:OntologyClass", "biolink:BiologicalEntity", "biolink:SubjectOfInvestigation",
		"biolink:PhysicalEssenceOrOccurrent", "biolink:NamedThing", "biolink:ThingWithTaxon", "biolink:Entity"},
	"biolink:AnatomicalEntity": {"biolink:OrganismalEntity", "biolink:PhysicalEssence", "biolink:OntologyClass",
		"biolink:BiologicalEntity", "biolink:SubjectOfInvestigation", "biolink:PhysicalEssenceOrOccurrent",
		"biolink:NamedThing", "biolink:ThingWithTaxon", "biolink:Entity"},
	"biolink:Disease": {"biolink:DiseaseOrPhenotypicFeature", "biolink:BiologicalEntity", "biolink:OntologyClass",
		"biolink:NamedThing", "biolink:ThingWithTaxon", "biolink:Entity"},
	"biolink:BehavioralFeature": {"biolink:PhenotypicFeature", "biolink:DiseaseOrPhenotypicFeature",
		"biolink:BiologicalEntity", "biolink:OntologyClass", "biolink:NamedThing", "biolink:ThingWithTaxon",
		"biolink:Entity"},
	"biolink:ClinicalFinding": {"biolink:PhenotypicFeature", "biolink:DiseaseOrPhenotypicFeature",
		"biolink:BiologicalEntity", "biolink:OntologyClass", "biolink:NamedThing", "biolink:ThingWithTaxon",
		"biolink:Entity"},
	"biolink:Treatment": {"biolink:ExposureEvent", "biolink:ChemicalOrDrugOrTreatment", "biolink:NamedThing",
		"biolink:OntologyClass", "biolink:Entity"},
	"biolink:PhenotypicFeature": {"biolink:DiseaseOrPhenotypicFeature", "biolink:BiologicalEntity",
		"biolink:OntologyClass", "biolink:NamedThing", "biolink:ThingWithTaxon", "biolink:Entity"},
	"biolink:PopulationOfIndividualOrganisms": {"biolink:OrganismalEntity", "biolink:SubjectOfInvestigation",
		"biolink:BiologicalEntity", "biolink:NamedThing", "biolink:ThingWithTaxon", "biolink:Entity"},
}

// predicateAncestors lists, for each Biolink predicate a curated kapgraph
// edge can carry, its ancestors in Biolink 4.4.6 (is_a, transitively), so
// that a query for biolink:affects also finds has_adverse_event edges
// (Biolink makes it a kind of affects) and biolink:related_to finds all.
// Checked against the schema like categoryAncestors.
var predicateAncestors = map[string][]string{
	"biolink:affects":                    {"biolink:related_to_at_instance_level", "biolink:related_to"},
	"biolink:has_adverse_event":          {"biolink:affects", "biolink:related_to_at_instance_level", "biolink:related_to"},
	"biolink:correlated_with":            {"biolink:associated_with", "biolink:related_to_at_instance_level", "biolink:related_to"},
	"biolink:positively_correlated_with": {"biolink:correlated_with", "biolink:associated_with", "biolink:related_to_at_instance_level", "biolink:related_to"},
	"biolink:negatively_correlated_with": {"biolink:correlated_with", "biolink:associated_with", "biolink:related_to_at_instance_level", "biolink:related_to"},
	"biolink:studied_to_treat":           {"biolink:related_to_at_instance_level", "biolink:treats_or_applied_or_studied_to_treat", "biolink:related_to"},
	"biolink:located_in":                 {"biolink:related_to_at_instance_level", "biolink:related_to"},
	"biolink:part_of":                    {"biolink:overlaps", "biolink:related_to_at_instance_level", "biolink:related_to"},
	"biolink:has_part":                   {"biolink:overlaps", "biolink:related_to_at_instance_level", "biolink:related_to"},
	"biolink:associated_with":            {"biolink:related_to_at_instance_level", "biolink:related_to"},
	"biolink:related_to":                 {},
}

// symmetricPredicates are the Biolink predicates kapgraph emits that
// Biolink 4.4.6 declares symmetric: an edge "A correlated_with B" also
// answers "B correlated_with ?". Checked against the schema like the
// ancestor tables.
var symmetricPredicates = map[string]bool{
	"biolink:correlated_with":            true,
	"biolink:positively_correlated_with": true,
	"biolink:negatively_correlated_with": true,
	"biolink:associated_with":            true,
}

// aspectChildren is the one parent in GeneOrGeneProductOrChemicalEntityAspectEnum
// that kapgraph's aspects sit under: a constraint on activity_or_abundance
// is met by an edge about activity or about abundance.
var aspectChildren = map[string][]string{
	"activity_or_abundance": {"activity", "abundance"},
}

// Ancestry returns copies of the category and predicate ancestor tables
// and the symmetric predicates, for the test that has
// scripts/trapi-check.py compare them with the Biolink schema.
func Ancestry() (categories, predicates map[string][]string, symmetric []string) {
	symmetric = slices.Sorted(maps.Keys(symmetricPredicates))
	categories, predicates = map[string][]string{}, map[string][]string{}
	for k, v := range categoryAncestors {
		categories[k] = slices.Clone(v)
	}
	for k, v := range predicateAncestors {
		predicates[k] = slices.Clone(v)
	}
	return categories, predicates, symmetric
}

// isA reports whether class (or predicate) c is q or has q among its
// ancestors in table.
func isA(table map[string][]string, c, q string) bool {
	return c == q || slices.Contains(table[c], q)
}

// knownTerms lists every term the tables mention, for the warning that a
// query names something kapgraph can never match.
func knownTerms(table map[string][]string) map[string]bool {
	out := map[string]bool{}
	for _, k := range slices.Sorted(maps.Keys(table)) {
		out[k] = true
		for _, a := range table[k] {
			out[a] = true
		}
	}
	return out
}
