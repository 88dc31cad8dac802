package graph

import "context"

// DocumentSource is the file a document was loaded from and a hash of its
// content: what an incremental ingest compares a folder against to know
// what to skip, replace and delete.
type DocumentSource struct {
	// Document is the document's id.
	Document string `json:"document"`
	// File is the file's path relative to the corpus folder, with
	// forward slashes.
	File string `json:"file"`
	// Hash is the hex SHA-256 of the file's bytes.
	Hash string `json:"hash"`
}

// CorpusStore is what incremental ingest needs of an engine beyond Store.
// Both engines implement it; it is an interface of its own because
// nothing that reads the graph needs it.
type CorpusStore interface {
	Store
	// LoadFrom is Load that records src with the document in the same
	// transaction: after a crash either the new document and its hash are
	// stored, or neither is, so a rerun redoes exactly the files that did
	// not finish.
	LoadFrom(ctx context.Context, doc *Document, src DocumentSource) (*LoadResult, error)
	// Sources lists the recorded sources, in no fixed order. Documents
	// loaded with plain Load have none.
	Sources(ctx context.Context) ([]DocumentSource, error)
	// Remove takes a document out atomically, as if it had never been
	// loaded (shared entities that no other document names go too), and
	// reports whether it was there.
	Remove(ctx context.Context, id string) (bool, error)
}
