// Package curation reads what curators write beside a review: the lexicon
// (entities, names, ids) and the claims file (claims with quotes, and
// rejections of extracted candidates). It checks the files against their
// JSON Schemas and against the vocabulary in graph, and finds the
// lexicon's names in text, so that the build and the extraction measure
// against the same matcher.
package curation
