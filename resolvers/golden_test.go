package resolvers_test

import (
	"testing"

	"github.com/kapgraph/kapgraph/api/gql"
)

const claimFields = `
  id predicate biolink sign negated score origin knowledgeLevel agentType note document
  subject { id name category }
  object { id name category }
  qualifiers {
    mechanism aspect timePoint effectSize combinedWithIds disorderId
    combinedWith { id name }
    comparator { text node { id name } }
    disorder { id name }
    population { text node { id } }
    location { text node { id } }
  }
  evidence {
    quote passageId sectionTitle citations
    passage { id line ordinal text }
    section { id title level }
    studies { id name design evidenceLevel refNumber year }
  }
  concerns { id kind message }
`

// TestGolden runs the queries researchers run against the seed review and
// compares whole responses with testdata/*.json
// (KAPGRAPH_UPDATE_GOLDEN=1 go test rewrites them).
func TestGolden(t *testing.T) {
	srv := server(t, seedStore(t), gql.Options{Limits: gql.Limits{Introspection: true}})
	for _, tc := range goldenQueries {
		t.Run(tc.name, func(t *testing.T) {
			res := post(t, srv.URL, tc.query, tc.vars)
			golden(t, tc.name, res.raw)
		})
	}
}

// goldenQuery is one query of TestGolden.
type goldenQuery struct {
	name  string
	query string
	vars  map[string]any
}

// goldenQueries are TestGolden's queries (TestFastPathSameBytes runs them
// too).
var goldenQueries = []goldenQuery{
	{
		name: "node_claims_evidence",
		query: `query($id: ID!) { node(id: $id) {
				id category biolink name synonyms description
				xrefs { prefix localId curie }
				... on Drug {
					kind
					claims(direction: OUT, predicates: [AFFECTS], first: 3) {
						totalCount
						pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
						edges { cursor node { ` + claimFields + ` } }
					}
					studiedFor { totalCount edges { node { id name } } }
					adverseEvents { totalCount edges { node { id name } } }
					mentionedIn(first: 2) { totalCount edges { node { id line } } }
				}
			} }`,
		vars: map[string]any{"id": "CHEBI:6121"},
	},
	{
		name: "mechanism_paths_ketamine_abstinence",
		query: `{ mechanismToOutcomePaths(from: "CHEBI:6121", to: "KAP:abstinence", first: 5) {
				length sign score summary
				nodes { id name category }
				hops { forward from { id } to { id } claim { id predicate sign score origin evidence { quote } } }
			} }`,
	},
	{
		name:  "search_mtor",
		query: `{ search(text: "mTOR") { score matched node { id name category ... on Mechanism { kind } } } }`,
	},
	{
		name: "search_kinds",
		query: `{
				all: search(text: "synaptogenesis", first: 6) { kind field score snippet node { id category } claim { id predicate } }
				claims: search(text: "abstinence", kinds: [CLAIM], first: 3) { kind snippet node { id } claim { id subject { name } object { name } } }
				references: search(text: "Krystal", kinds: [REFERENCE]) { kind field matched snippet node { id name ... on Study { title } } }
				byCategory: search(text: "craving", categories: [Symptom]) { kind field node { id } }
				nothing: search(text: "zzyzx quokka") { kind }
			}`,
	},
	{
		name: "stats",
		query: `{ stats { nodes edges documents
				byCategory { key count } byPredicate { key count } byDesign { key count }
				byEvidenceLevel { key count } byYear { key count } byConcernKind { key count } } }`,
	},
	{
		name:  "metagraph",
		query: `{ metaGraph { subject predicate object count } }`,
	},
	{
		name: "neighborhood_mtor",
		query: `{ neighborhood(id: "GO:0031929", depth: 1) {
				truncated
				nodes { id name category }
				edges { id predicate sign score subject { id } object { id } }
			} }`,
	},
	{
		name: "evidence_ketamine_aud",
		query: `{ evidence(drug: "CHEBI:6121", disorder: "MONDO:0002046") {
				drug { id name } disorder { id name }
				claims { id predicate object { id name } sign concerns { kind } }
				studies { id name design evidenceLevel }
				outcomes { id name }
				designs { key count }
			} }`,
	},
	{
		// Citations kept whole (an unresolved author-year citation on a
		// sentence cited as nothing), flagged studies, premises, and the
		// concerns each claim is reached by, once each.
		name: "claim_citations_and_premises",
		query: `{
				unresolved: claim(id: "KAP:ward-2025-ketamine-assisted.claim.ketamine-normalizes-addictive-circuitry") {
					id origin score concerns { kind }
					evidence { citations inTextCitations { text kind resolved counted studyIds studies { id } } studies { id } flaggedStudies { id } }
				}
				flagged: claim(id: "KAP:ward-2025-ketamine-assisted.claim.ketamine-psychotherapy-increases-abstinence-aud") {
					id score concerns { kind }
					evidence { citations inTextCitations { text resolved counted studyIds } flaggedStudies { id evidenceLevel } }
				}
				inferred: claim(id: "KAP:ward-2025-ketamine-assisted.claim.ketamine-effect-on-cocaine-use-persists") {
					id origin score concerns { kind } inferredFromIds
					inferredFrom { id origin sign score }
				}
			}`,
	},
	{
		name: "review_structure",
		query: `{ reviews { totalCount edges { node {
				id title authors affiliation citation submitted accepted published year journal volume issue pages
				sections(first: 4) { totalCount pageInfo { hasNextPage endCursor } edges { node {
					id title level ordinal line
					subsections { edges { node { id title } } }
					passages(first: 2) { totalCount edges { node { id kind text } } }
				} } }
				references { totalCount edges { node { id refNumber name year design evidenceLevel designBasis
					citedBy { totalCount edges { node { id } } }
					supports(first: 3) { totalCount edges { node { id predicate } } }
				} } }
				concerns(first: 3) { totalCount edges { node { id kind message line
					flagged { edges { node { id category } } }
					affectedClaims { totalCount edges { node { id } } }
				} } }
			} } } }`,
	},
	{
		name: "lists_and_filters",
		query: `{
				mechanisms(filter: {kind: "plasticity"}) { totalCount edges { node { id name kind } } }
				studies(filter: {maxEvidenceLevel: 3}, orderBy: {field: YEAR, direction: DESC}) { totalCount edges { node { name year evidenceLevel } } }
				concerns(filter: {kind: "drug-mismatch"}) { totalCount edges { node { id kind } } }
				entities(category: Disorder, first: 2) { totalCount pageInfo { hasNextPage } edges { node { id name } } }
				nodes(ids: ["CHEBI:6121", "NOPE:1", "UBERON:0000451"]) { id name }
				categories { category biolink curated }
			}`,
	},
	{
		name: "paths_and_shortest",
		query: `{
				paths(from: "CHEBI:6121", to: "KAP:relapse", maxHops: 3, first: 3) { length summary hops { forward } }
				shortestPath(from: "KAP:craving", to: "UBERON:0000451") { length sign summary }
				directed: shortestPath(from: "KAP:relapse", to: "CHEBI:6121", directed: true) { length }
			}`,
	},
	{
		name: "paths_stated_via",
		query: `{
				stated: mechanismToOutcomePaths(from: "CHEBI:6121", to: "KAP:abstinence", statedOnly: true, first: 3) { length score summary hops { claim { id origin } } }
				viaMtor: mechanismToOutcomePaths(from: "CHEBI:6121", to: "KAP:abstinence", via: "GO:0031929", first: 3) { length score summary }
				viaCraving: paths(from: "CHEBI:6121", to: "KAP:relapse", via: "KAP:craving", statedOnly: true, first: 3) { length summary }
				shortestVia: shortestPath(from: "CHEBI:6121", to: "KAP:relapse", via: "KAP:craving") { length summary }
				unknownVia: paths(from: "CHEBI:6121", to: "KAP:relapse", via: "KAP:nope") { length }
			}`,
	},
	{
		name: "claims_root",
		query: `{
				ketamine: claims(filter: {subject: "CHEBI:6121", predicates: [AFFECTS], origin: STATED}, first: 3) {
					totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
					edges { cursor node { id sign score subject { id name } object { id name } evidence { studies { id name } } } }
				}
				decreases: claims(filter: {sign: DECREASES, minScore: 0.5}) { totalCount edges { node { id score } } }
				study: claims(filter: {study: "KAP:study.dakwar-2019-potential"}, orderBy: {field: ID}) { totalCount edges { node { id } } }
				aud: claims(filter: {disorder: "MONDO:0002046"}) { edges { node { id qualifiers { disorderId } } } }
				inferred: claims(filter: {origin: INFERRED, object: "KAP:abstinence"}) { edges { node { id origin } } }
				concerned: claims(filter: {concernKind: "disorder-mismatch"}) { edges { node { id concerns { kind } } } }
				none: claims(filter: {subject: "KAP:no-such-node"}) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } }
			}`,
	},
	{
		// Modality: what the text only proposes is served when asked
		// for, never by default; an unsigned effect is a claim but no
		// signed chain; references link to what their titles are about.
		name: "modalities",
		query: `{
				proposed: claims(filter: {modalities: [PROPOSED]}) { totalCount edges { node { id modality sign predicate subject { name } qualifiers { comparator { text node { name } } } } } }
				psilocybinDefault: paths(from: "CHEBI:8614", to: "MONDO:0002494", maxHops: 1) { summary }
				psilocybinOptedIn: paths(from: "CHEBI:8614", to: "MONDO:0002494", maxHops: 1, modalities: [ASSERTED, PROPOSED]) { summary hops { claim { id modality } } }
				alters: claim(id: "KAP:ward-2025-ketamine-assisted.claim.ketamine-alters-dmn-activity") { modality sign negated predicate }
				dmnChains: mechanismToOutcomePaths(from: "CHEBI:6121", via: "KAP:dmn_activity", modalities: [ASSERTED, HEDGED, NEGATED, PROPOSED]) { summary }
				lebedev: node(id: "KAP:study.lebedev-2015-lsd-induced") { ... on Study { design designBasis about { id name category } } }
			}`,
	},
	{
		name: "claims_root_errors",
		query: `{
				badScore: claims(filter: {minScore: 1.5}) { totalCount }
				badCursor: claims(after: "not-a-cursor") { totalCount }
				ok: claims(first: 1) { totalCount }
			}`,
	},
	{
		name: "passage_links",
		query: `{ passages(filter: {nameContains: "mTOR"}) { totalCount edges { node {
				id kind text start end line ordinal sectionId
				section { id title parent { id title } }
				review { id }
				cites { edges { node { id refNumber } } }
				mentions(categories: [Drug, Mechanism, BrainRegion]) { totalCount edges { node { id name category } } }
			} } } }`,
	},
	{
		name:  "error_unknown_node",
		query: `{ ok: node(id: "CHEBI:6121") { id } node(id: "CHEBI:0000") { id name } }`,
	},
	{
		name:  "error_max_hops",
		query: `{ mechanismToOutcomePaths(from: "CHEBI:6121", maxHops: 99) { length } }`,
	},
	{
		name:  "error_first_too_large",
		query: `{ drugs(first: 1000) { totalCount } }`,
	},
	{
		name:  "error_bad_input",
		query: `{ evidence(drug: "MONDO:0002046", disorder: "CHEBI:6121") { claims { id } } drugs(after: "not-a-cursor") { totalCount } }`,
	},
	{
		name: "error_too_deep",
		// 13 steps (a page's edges and node are not steps): sections,
		// parent eleven times, title.
		query: `{ sections { edges { node { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { title } } } } } } } } } } } } } } }`,
	},
	{
		name:  "error_nested_not_found",
		query: `{ drugs(first: 1) { edges { node { name } } } claim(id: "KAP:no-such-claim") { id } }`,
	},
}
