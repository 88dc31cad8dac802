package graph

import (
	"slices"
	"strings"
	"unicode"
)

// Search reaches four kinds of thing: entities by name and synonyms,
// passages by their sentence, references (studies) by name, title and
// authors, and claims by the quotes of their evidence. Every engine
// indexes the same tokens (SearchFieldsOf, ClaimQuotes: the tokens of
// SearchTokens) and scores candidates with the same code (ScoreSearch,
// ScoreQuote, RankHits), so the hits and their order are the same
// everywhere.

// SearchKind is the kind of a search hit.
type SearchKind string

const (
	SearchEntity    SearchKind = "ENTITY"
	SearchPassage   SearchKind = "PASSAGE"
	SearchClaim     SearchKind = "CLAIM"
	SearchReference SearchKind = "REFERENCE"
)

// SearchKinds lists the kinds, in the schema's order.
func SearchKinds() []SearchKind {
	return []SearchKind{SearchEntity, SearchPassage, SearchClaim, SearchReference}
}

// SearchKindOf is the kind of a node hit: a passage, a reference (study),
// or an entity (any other node, which includes the review's sections and
// concerns when a search asks for those categories).
func SearchKindOf(c Category) SearchKind {
	switch c {
	case CategoryPassage:
		return SearchPassage
	case CategoryStudy:
		return SearchReference
	}
	return SearchEntity
}

// The weights of the fields a hit may match in, on top of SearchScore: a
// name counts whole, a synonym 0.95 (as before the other kinds existed),
// a sentence, title, author list or quote 0.9, so that an entity named by
// the query ranks before the passages that mention it.
const (
	weightSynonym = 0.95
	weightText    = 0.9
)

// SearchField is one searchable text of a node.
type SearchField struct {
	Field  string // name, synonym, text, title, authors
	Text   string
	Weight float64
}

// SearchFieldsOf lists the texts a node is found by: its name and
// synonyms; for a passage its sentence instead of its name (which is the
// sentence's first 80 characters); for a study also its title and
// authors.
func SearchFieldsOf(n *Node) []SearchField {
	if n.Category == CategoryPassage && n.Text != "" {
		return []SearchField{{Field: "text", Text: n.Text, Weight: 1}}
	}
	out := []SearchField{{Field: "name", Text: n.Name, Weight: 1}}
	for _, s := range n.Synonyms {
		out = append(out, SearchField{Field: "synonym", Text: s, Weight: weightSynonym})
	}
	if n.Category == CategoryStudy {
		if n.Title != "" {
			out = append(out, SearchField{Field: "title", Text: n.Title, Weight: weightText})
		}
		if len(n.Authors) > 0 {
			out = append(out, SearchField{Field: "authors", Text: strings.Join(n.Authors, ", "), Weight: weightText})
		}
	}
	return out
}

// NodeSearchTokens is the set of tokens a node is indexed under, each
// once, sorted.
func NodeSearchTokens(n *Node) []string {
	var toks []string
	for _, f := range SearchFieldsOf(n) {
		toks = append(toks, SearchTokens(f.Text)...)
	}
	slices.Sort(toks)
	return slices.Compact(toks)
}

// ClaimQuotes are the quotes a curated claim is found by, each once, in
// evidence order, with the passage each comes from.
func ClaimQuotes(e *Edge) []Evidence {
	var out []Evidence
	for _, ev := range e.Evidence {
		if ev.Quote != "" && !slices.ContainsFunc(out, func(o Evidence) bool { return o.Quote == ev.Quote }) {
			out = append(out, ev)
		}
	}
	return out
}

// ClaimSearchTokens is the set of tokens a claim is indexed under.
func ClaimSearchTokens(e *Edge) []string {
	var toks []string
	for _, ev := range ClaimQuotes(e) {
		toks = append(toks, SearchTokens(ev.Quote)...)
	}
	slices.Sort(toks)
	return slices.Compact(toks)
}

// ScoreSearch scores a node against the query tokens over its fields: the
// best weighted SearchScore, the text that gave it and its field. 0: no
// field matches. For a node found by name or synonym this is ScoreNode.
func ScoreSearch(query []string, n *Node) (score float64, matched, field string) {
	for _, f := range SearchFieldsOf(n) {
		sc := SearchScore(query, f.Text)
		if f.Weight != 1 {
			sc = round4(sc * f.Weight)
		}
		if sc > score {
			score, matched, field = sc, f.Text, f.Field
		}
	}
	return score, matched, field
}

// ScoreQuote scores a claim against the query tokens over its quotes: the
// best weighted score and the evidence that gave it.
func ScoreQuote(query []string, e *Edge) (float64, Evidence) {
	var best float64
	var at Evidence
	for _, ev := range ClaimQuotes(e) {
		if sc := round4(SearchScore(query, ev.Quote) * weightText); sc > best {
			best, at = sc, ev
		}
	}
	return best, at
}

// SnippetMark opens and closes a highlighted word in Snippet.
const SnippetMark = "**"

// snippetRunes is about how long a snippet is.
const snippetRunes = 160

// Snippet is text with every word that a query token starts wrapped in
// SnippetMark (`**word**`), cut to about 160 characters around the first
// such word; a cut end shows as "…".
func Snippet(text string, query []string) string {
	rs := []rune(text)
	type span struct{ start, end int }
	var marks []span
	for i := 0; i < len(rs); {
		if !unicode.IsLetter(rs[i]) && !unicode.IsNumber(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsNumber(rs[j])) {
			j++
		}
		w := foldText(string(rs[i:j]))
		for _, q := range query {
			if strings.HasPrefix(w, q) {
				marks = append(marks, span{i, j})
				break
			}
		}
		i = j
	}
	from, to := 0, len(rs)
	if len(rs) > snippetRunes {
		if len(marks) > 0 {
			from = max(0, marks[0].start-snippetRunes/3)
		}
		to = min(len(rs), from+snippetRunes)
		// Whole words at the cuts.
		for from > 0 && from < len(rs) && !unicode.IsSpace(rs[from-1]) {
			from++
		}
		for to < len(rs) && to > from && !unicode.IsSpace(rs[to]) {
			to--
		}
		if to <= from {
			from, to = 0, min(len(rs), snippetRunes)
		}
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	at := from
	for _, m := range marks {
		if m.start < from || m.end > to {
			continue
		}
		b.WriteString(string(rs[at:m.start]))
		b.WriteString(SnippetMark + string(rs[m.start:m.end]) + SnippetMark)
		at = m.end
	}
	b.WriteString(strings.TrimRightFunc(string(rs[at:to]), unicode.IsSpace))
	if to < len(rs) {
		b.WriteString("…")
	}
	return strings.TrimSpace(b.String())
}

// NodeHit makes the hit of a node that scored sc on text in field.
func NodeHit(n *Node, query []string, sc float64, matched, field string) *SearchHit {
	return &SearchHit{Node: n, Score: sc, Matched: matched, Kind: SearchKindOf(n.Category), Field: field, Snippet: Snippet(matched, query)}
}

// ClaimHit makes the hit of a claim whose quote ev scored sc; passage is
// the node of ev's passage.
func ClaimHit(e *Edge, passage *Node, query []string, sc float64, ev Evidence) *SearchHit {
	return &SearchHit{Node: passage, Claim: e, Score: sc, Matched: ev.Quote, Kind: SearchClaim, Field: "quote", Snippet: Snippet(ev.Quote, query)}
}

// SameSearchFields reports whether two versions of a node are found by the
// same texts, so that an index may keep the old one's tokens.
func SameSearchFields(a, b *Node) bool {
	return slices.Equal(SearchFieldsOf(a), SearchFieldsOf(b))
}
