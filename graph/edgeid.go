package graph

import (
	"crypto/sha1"
	"encoding/hex"
)

// structuralIDSep and structuralIDHex shape a structural edge's id:
// <document>.e.<16 lowercase hex digits>.
const (
	structuralIDSep = ".e."
	structuralIDHex = 16
)

// StructuralEdgeID is the id of a structural (lexical) edge of document
// doc: the document's id, then a hash of type and ends, so the same input
// always gives the same id and two documents never share one. The loader
// makes every structural edge's id with it; an engine may rely on the
// shape (StructuralEdgeDocument) but never on a given edge having it,
// since a Store takes whatever ids a document brings.
func StructuralEdgeID(doc, subject string, p Predicate, object string) string {
	h := sha1.Sum([]byte(string(p) + "\x00" + subject + "\x00" + object))
	return doc + structuralIDSep + hex.EncodeToString(h[:structuralIDHex/2])
}

// StructuralEdgeDocument is the document an id of StructuralEdgeID's
// shape names (everything before ".e." and the 16 hex digits), and
// whether id has that shape.
func StructuralEdgeDocument(id string) (string, bool) {
	n := len(id) - structuralIDHex - len(structuralIDSep)
	if n <= 0 || id[n:n+len(structuralIDSep)] != structuralIDSep {
		return "", false
	}
	for _, c := range id[n+len(structuralIDSep):] {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return "", false
		}
	}
	return id[:n], true
}

// StructuralEdgeIDPrefix is what every id of StructuralEdgeID's shape of
// document doc begins with, and the length such an id has.
func StructuralEdgeIDPrefix(doc string) (prefix string, length int) {
	return doc + structuralIDSep, len(doc) + len(structuralIDSep) + structuralIDHex
}

// StructuralScore is the score every structural edge has (EdgeScore of a
// type that is not curated): a store may keep it implicit.
const StructuralScore = lexicalEdgeBase

// Knowledge level and agent of the loader's structural edges.
const (
	StructuralKnowledgeLevel = "not_provided"
	agentAutomated           = "automated_agent"
	agentTextMining          = "text_mining_agent"
)

// SubsectionAgent is the agent of a HAS_SECTION edge from a section to its
// subsection: the nesting is the author's own, so a store keeps it.
const SubsectionAgent = "manual_agent"

// StructuralAgent is the agent the loader gives most structural edges of
// type p: text mining for the mentions it finds and the studies a concern
// is about, automated extraction for the document's structure (a section
// under another section is the author's own, manual_agent, and says so).
// A store may keep this agent implicit and store only the others.
func StructuralAgent(p Predicate) string {
	switch p {
	case Mentions, About:
		return agentTextMining
	}
	return agentAutomated
}
