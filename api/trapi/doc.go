// Package trapi answers the Translator Reasoner API (TRAPI 1.5) over any
// graph.Store: POST /trapi/query for one-hop and two-hop query graphs,
// GET /trapi/meta_knowledge_graph for what can be asked. Translator's
// tools speak TRAPI rather than GraphQL, so this is how kapgraph's claims
// reach them, with the same Biolink mapping as the KGX export (package
// biolink) and the same provenance: kapgraph as primary knowledge source,
// knowledge level, agent type, the review's sentences and citation
// concerns.
//
// The engine uses only Store reads (NodesByID, EdgesOf, ListNodes,
// MetaGraph), so the embedded store and Neo4j give the same answers. It
// serves the knowledge layer (curated predicates); the text's structure
// (sections, passages, mentions) stays GraphQL's.
package trapi
