// Package loader turns folders of reviews into graph documents. It runs the
// stages in order, each its own package so that a change to one stage
// cannot reach into another's internals:
//
//   - review reads a review's text or JATS XML into a Review (sections,
//     sentences, references, citations);
//   - curation reads the curators' lexicon and claims files and checks
//     them against their JSON Schemas;
//   - extract proposes entities and claims from the sentences alone;
//   - build joins a review, its curation and the extraction into one
//     graph.Document, with evidence, concerns and inferred claims.
//
// This package only finds the files of a seeds folder (LoadDir, LoadFS),
// hands them to the stages and writes curation drafts (DraftDir).
package loader
