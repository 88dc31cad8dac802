package resolvers_test

import (
	"fmt"
	"strings"
	"testing"
)

// selGen writes a GraphQL query from fuzz bytes: node questions in the
// shapes the fast path answers (aliases, fragments on the interface and on
// types, __typename, @skip and @include, repeated fields, claim page
// arguments), now and then with a field it does not know, so that both
// the fast path and its fallback are compared with the executor.
type selGen struct {
	b        []byte
	i        int
	alias    int
	usesID   bool
	usesBool bool
	frag     bool
}

func (g *selGen) pick(n int) int {
	if g.i >= len(g.b) {
		return 0
	}
	v := int(g.b[g.i]) % n
	g.i++
	return v
}

// name is a field's name, aliased now and then (sometimes to the name of
// another field of the same selection: validation then refuses both).
func (g *selGen) name(f string) string {
	switch g.pick(6) {
	case 0:
		g.alias++
		return fmt.Sprintf("a%d: %s", g.alias, f)
	case 1:
		return "x: " + f
	}
	return f
}

func (g *selGen) directive() string {
	switch g.pick(8) {
	case 0:
		g.usesBool = true
		return " @include(if: $b)"
	case 1:
		g.usesBool = true
		return " @skip(if: $b)"
	case 2:
		return " @skip(if: false)"
	case 3:
		return " @include(if: false)"
	}
	return ""
}

func (g *selGen) node(depth int) string {
	var parts []string
	for n := 1 + g.pick(4); n > 0; n-- {
		switch g.pick(9) {
		case 0, 1:
			parts = append(parts, g.name("id")+g.directive())
		case 2:
			parts = append(parts, g.name("name")+g.directive())
		case 3:
			parts = append(parts, "__typename")
		case 4, 5:
			if depth > 0 {
				parts = append(parts, g.name("claims")+g.claimArgs()+g.directive()+" { "+g.conn(depth-1)+" }")
			}
		case 6:
			parts = append(parts, []string{"... on Drug { name }", "... on Mechanism { id }", "... on Node { id }"}[g.pick(3)])
		case 7:
			g.frag = true
			parts = append(parts, "...NF"+g.directive())
		case 8:
			switch g.pick(8) {
			case 0:
				parts = append(parts, "... on Study { refNumber }") // not the fast path's
			case 1:
				parts = append(parts, g.name("synonyms")+" description")
			case 2:
				parts = append(parts, "xrefs { prefix "+g.name("curie")+" localId }")
			case 3:
				parts = append(parts, "biolink")
			default:
				parts = append(parts, g.name("category"))
			}
		}
	}
	if len(parts) == 0 {
		parts = []string{"id"}
	}
	return strings.Join(parts, " ")
}

func (g *selGen) claimArgs() string {
	var args []string
	switch g.pick(4) {
	case 0:
		args = append(args, "direction: OUT")
	case 1:
		args = append(args, "direction: IN")
	case 2:
		args = append(args, "direction: BOTH")
	}
	switch g.pick(4) {
	case 0:
		args = append(args, "predicates: [AFFECTS]")
	case 1:
		args = append(args, "predicates: AFFECTS")
	}
	switch g.pick(5) {
	case 0:
		args = append(args, "first: 1")
	case 1:
		args = append(args, "first: 3")
	case 2:
		args = append(args, "first: 0")
	}
	if g.pick(12) == 0 {
		args = append(args, `after: "bad"`)
	}
	if g.pick(6) == 0 {
		args = append(args, "modalities: [ASSERTED, PROPOSED]")
	}
	if len(args) == 0 {
		return ""
	}
	return "(" + strings.Join(args, ", ") + ")"
}

func (g *selGen) conn(depth int) string {
	var parts []string
	for n := 1 + g.pick(3); n > 0; n-- {
		switch g.pick(4) {
		case 0:
			parts = append(parts, g.name("totalCount"))
		case 1:
			parts = append(parts, "pageInfo { hasNextPage hasPreviousPage startCursor endCursor }")
		default:
			parts = append(parts, g.name("edges")+" { cursor node { "+g.claim(depth)+" } }")
		}
	}
	return strings.Join(parts, " ")
}

func (g *selGen) claim(depth int) string {
	var parts []string
	for n := 1 + g.pick(4); n > 0; n-- {
		switch g.pick(7) {
		case 0:
			parts = append(parts, g.name("id"))
		case 1:
			parts = append(parts, "sign "+g.name("score")+g.directive())
		case 2:
			parts = append(parts, "__typename")
		case 3:
			parts = append(parts, "evidence { quote passageId studies { id "+[]string{"", "name", "__typename"}[g.pick(3)]+" } }")
		case 4:
			parts = append(parts, "object { "+g.node(depth)+" }")
		case 5:
			parts = append(parts, "subject { "+g.node(depth)+" }")
		case 6:
			switch g.pick(6) {
			case 0:
				parts = append(parts, "qualifiers { aspect }") // not the fast path's
			case 1:
				parts = append(parts, g.name("negated")+" hedged")
			case 2:
				parts = append(parts, "modality "+g.name("biolink"))
			default:
				parts = append(parts, g.name("predicate"))
			}
		}
	}
	if len(parts) == 0 {
		parts = []string{"id"}
	}
	return strings.Join(parts, " ")
}

func (g *selGen) pathArgs() string {
	return []string{"", ", maxHops: 4", ", maxHops: 2, first: 3", ", first: 1, statedOnly: true", ", modalities: [ASSERTED, PROPOSED]"}[g.pick(5)]
}

// path is a Path's selection.
func (g *selGen) path() string {
	var parts []string
	for n := 1 + g.pick(4); n > 0; n-- {
		switch g.pick(7) {
		case 0:
			parts = append(parts, g.name("length")+g.directive())
		case 1:
			parts = append(parts, "sign "+g.name("score"))
		case 2:
			parts = append(parts, "__typename")
		case 3:
			parts = append(parts, g.name("nodes")+g.directive()+" { "+g.node(1)+" }")
		case 4, 5:
			parts = append(parts, g.name("hops")+" { forward claim { "+g.claim(0)+" } }")
		case 6:
			if g.pick(3) == 0 {
				parts = append(parts, "summary") // not the fast path's
			} else {
				parts = append(parts, "... on Path { length }")
			}
		}
	}
	return strings.Join(parts, " ")
}

// subgraph is a Subgraph's selection.
func (g *selGen) subgraph() string {
	var parts []string
	for n := 1 + g.pick(3); n > 0; n-- {
		switch g.pick(4) {
		case 0:
			parts = append(parts, g.name("truncated")+g.directive())
		case 1:
			parts = append(parts, g.name("nodes")+" { "+g.node(0)+" }")
		default:
			parts = append(parts, g.name("edges")+g.directive()+" { "+g.claim(0)+" }")
		}
	}
	return strings.Join(parts, " ")
}

func (g *selGen) studyArgs() string {
	return []string{"", "(first: 2)", `(filter: {maxEvidenceLevel: 2, yearFrom: 2015}, orderBy: {field: YEAR, direction: DESC}, first: 3)`,
		"(orderBy: {direction: DESC}, first: 1)", `(filter: {nameContains: "a"}, after: "bad")`, "(filter: {maxEvidenceLevel: 0})"}[g.pick(6)]
}

// studies is a StudyConnection's selection.
func (g *selGen) studies() string {
	var parts []string
	for n := 1 + g.pick(3); n > 0; n-- {
		switch g.pick(4) {
		case 0:
			parts = append(parts, g.name("totalCount")+g.directive())
		case 1:
			parts = append(parts, "pageInfo { hasNextPage endCursor }")
		default:
			f := []string{"id", "name", "year", "design", "evidenceLevel", "__typename", "... on Node { id }", "refNumber"}
			parts = append(parts, g.name("edges")+" { cursor node { "+f[g.pick(len(f))]+" "+f[g.pick(len(f)-1)]+" } }")
		}
	}
	return strings.Join(parts, " ")
}

// stats is a Stats' selection.
func (g *selGen) stats() string {
	f := []string{"nodes", "edges", "documents", "__typename", "byCategory { key count }", "byYear { count key }",
		"byDesign { key }", "byConcernKind { __typename count }", "... on Stats { byPredicate { key } }", "byEvidenceLevel { key count }"}
	parts := []string{g.name(f[g.pick(len(f))]) + g.directive()}
	for n := g.pick(3); n > 0; n-- {
		parts = append(parts, f[g.pick(len(f))])
	}
	return strings.Join(parts, " ")
}

// query is the whole document.
func (g *selGen) query() string {
	var roots []string
	for n := 1 + g.pick(2); n > 0; n-- {
		arg := []string{`"CHEBI:6121"`, `"GO:0031929"`, `"NOPE:1"`, "$id"}[g.pick(4)]
		if arg == "$id" {
			g.usesID = true
		}
		switch g.pick(8) {
		case 4:
			roots = append(roots, g.name("stats")+" { "+g.stats()+" }")
		case 3:
			roots = append(roots, g.name("studies")+g.studyArgs()+" { "+g.studies()+" }")
		case 0:
			roots = append(roots, g.name("nodes")+"(ids: ["+arg+`, "KAP:craving"]) { `+g.node(2)+" }")
		case 1:
			roots = append(roots, g.name("mechanismToOutcomePaths")+"(from: "+arg+g.pathArgs()+") { "+g.path()+" }")
		case 2:
			args := []string{"", ", depth: 2", ", depth: 3, limit: 7", ", limit: 3", ", edgeTypes: [AFFECTS]"}[g.pick(5)]
			roots = append(roots, g.name("neighborhood")+"(id: "+arg+args+") { "+g.subgraph()+" }")
		default:
			roots = append(roots, g.name("node")+"(id: "+arg+") { "+g.node(2)+" }")
		}
	}
	var vars []string
	if g.usesID {
		vars = append(vars, "$id: ID!")
	}
	if g.usesBool {
		vars = append(vars, "$b: Boolean!")
	}
	q := "query"
	if len(vars) > 0 {
		q += "(" + strings.Join(vars, ", ") + ")"
	}
	q += " { " + strings.Join(roots, " ") + " }"
	if g.frag {
		q += " fragment NF on Node { name claims(first: 2) { totalCount edges { node { id object { id } } } } }"
	}
	return q
}

// FuzzFastPath compares the fast path with the executor, byte for byte,
// over generated node questions on the seed graph.
func FuzzFastPath(f *testing.F) {
	for _, s := range []string{"", "\x04\x04\x00\x01", "\x05\x00\x00\x03\x02\x04\x04\x01\x00\x03", "\x07\x07\x06\x06\x05\x05\x04\x04\x03\x03\x02\x02\x01\x01",
		"\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13", "\x03\x05\x01\x05\x00\x00\x02\x04\x03\x00\x00\x05\x02\x04\x06"} {
		f.Add([]byte(s))
	}
	p := newDiffPair(seedStore(f))
	f.Fuzz(func(t *testing.T, b []byte) {
		g := &selGen{b: b}
		q := g.query()
		vars := map[string]any{}
		if g.usesID {
			vars["id"] = "CHEBI:6121"
		}
		if g.usesBool {
			vars["b"] = len(b)%2 == 0
		}
		p.compare(t, "fuzz", q, "", vars)
	})
}
