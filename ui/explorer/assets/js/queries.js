// The GraphQL documents the explorer sends, each named so that the
// server's logs tell them apart.

const EDGE_FIELDS = `id predicate sign negated origin score subject { id } object { id }`;

export const INIT_QUERY = `query ExplorerInit {
  predicates { predicate biolink signed curated }
  drugs(first: 100) { edges { node { id name claims(first: 1) { totalCount } } } }
  mechanisms(first: 100) { edges { node { id name } } }
  outcomes(first: 100) { edges { node { id name } } }
  symptoms(first: 100) { edges { node { id name } } }
}`;

export const SEARCH_QUERY = `query ExplorerSearch($text: String!, $first: Int) {
  search(text: $text, kinds: [ENTITY, REFERENCE], first: $first) { score matched node { id name category } }
}`;

export const NEIGHBORHOOD_QUERY = `query ExplorerNeighborhood($id: ID!, $depth: Int, $edgeTypes: [Predicate!], $limit: Int) {
  neighborhood(id: $id, depth: $depth, edgeTypes: $edgeTypes, limit: $limit) {
    truncated
    nodes { id name category }
    edges { ${EDGE_FIELDS} }
  }
}`;

export const PATHS_QUERY = `query ExplorerPaths($from: ID!, $to: ID, $maxHops: Int, $first: Int) {
  mechanismToOutcomePaths(from: $from, to: $to, maxHops: $maxHops, first: $first) {
    length sign score summary netEffect scoreExplained
    nodes { id name category }
    hops { forward claim { ${EDGE_FIELDS} } }
  }
}`;

export const NODE_QUERY = `query ExplorerNode($id: ID!) {
  node(id: $id) {
    id name category biolink synonyms description
    xrefs { curie }
    ... on Drug { kind }
    ... on Mechanism { kind }
    ... on BrainRegion { kind }
    ... on BrainNetwork { kind }
    ... on Disorder { kind }
    ... on Symptom { kind }
    ... on Outcome { kind }
    ... on Therapy { kind }
    ... on SafetyRisk { kind }
    ... on Population { kind }
    ... on Study { authors year studyTitle: title journal volume issue pages design evidenceLevel designBasis citation refNumber }
    ... on CitationConcern { concernKind: kind message line }
    ... on Passage { text sectionId }
    ... on Section { title level }
    ... on Review { title authors year journal citation }
  }
}`;

export const CLAIM_QUERY = `query ExplorerClaim($id: ID!) {
  claim(id: $id) {
    id predicate biolink sign negated origin score knowledgeLevel agentType note document
    subject { id name category }
    object { id name category }
    qualifiers {
      mechanism aspect timePoint effectSize combinedWithIds
      combinedWith { id name }
      comparator { text node { id name } }
      disorder { id name }
      disorderId
      population { text node { id name } }
      location { text node { id name } }
    }
    evidence {
      quote sectionTitle citations
      studies { id name year design evidenceLevel }
    }
    concerns { id kind message }
  }
}`;
