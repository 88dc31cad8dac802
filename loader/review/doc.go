// Package review reads one review article, in the seed's plain-text layout
// or as JATS XML, into a Review: front matter, sections, sentences,
// references and the citations that join them. It knows nothing of
// curation or of the graph, so every later stage starts from the same
// parse, and a reader error names the file and line.
package review
