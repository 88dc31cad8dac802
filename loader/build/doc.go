// Package build joins a parsed review, its curation and the extraction
// engine's candidates into one graph.Document: entity and study nodes,
// claims with their evidence (sentence, section, cited study and its
// evidence level), citation concerns, inferred claims and merged reviews.
// It is the only stage that writes graph values, so every rule about what
// the graph holds lives here or in graph.
package build
