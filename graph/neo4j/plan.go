package neo4j

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph"
)

// Read implements graph.Store.Read: the whole plan is compiled into one
// read statement, so a nested question costs one round trip. Each page is
// a list expression of the node it hangs from, [COUNT {...}, COLLECT
// {...}], ordered and cut like EdgePages; a page's claims are lists of
// values by position (see rowProps) carrying the end nodes the plan asks
// for, the ids of the studies they cite (when asked for) and, as further
// list expressions, the pages of those end nodes: lists, not maps, so
// that the driver decodes no key strings. The cited studies are looked up
// once per root, from the ids gathered over all its pages. Labels and
// relationship types come from the allow-lists; every value is a
// parameter.
func (s *Store) Read(ctx context.Context, p graph.ReadPlan) (*graph.ReadResult, error) {
	p, err := p.Normalize()
	if err != nil {
		return nil, err
	}
	res := &graph.ReadResult{Nodes: map[string]*graph.Node{}, Partial: map[string]*graph.Node{}, Pages: map[graph.PageKey]*graph.EdgePage{}}
	if len(p.IDs) == 0 {
		return res, nil
	}
	cypher, params, layouts, err := s.compileRead(p)
	if err != nil {
		return nil, err
	}
	recs, err := s.query(ctx, "Read", cypher, params)
	if err != nil {
		return nil, err
	}
	studyFields, _ := planStudies(&p.Root)
	d := &planDecoder{res: res, own: ownStudiesSuffice(studyFields), layouts: make([]pageLayout, 0, len(layouts))}
	planPages(&p.Root, func(pg *graph.PlanPage) {
		d.layouts = append(d.layouts, pageLayout{pg, layouts[len(d.layouts)]})
	})
	for _, rec := range recs {
		props, _, err := neo4j.GetRecordValue[map[string]any](rec, "props")
		if err != nil {
			return nil, s.mapErr(ctx, "Read", err)
		}
		pages, _, err := neo4j.GetRecordValue[[]any](rec, "pages")
		if err != nil {
			return nil, s.mapErr(ctx, "Read", err)
		}
		d.reserve(d.claimsIn(pages, &p.Root))
		root, err := fileNode(res, props, false)
		if err != nil {
			return nil, s.mapErr(ctx, "Read", err)
		}
		if err := d.node(root, pages, &p.Root); err != nil {
			return nil, s.mapErr(ctx, "Read", err)
		}
		studies, _ := rec.Get("studies")
		list, _ := studies.([]any)
		for _, sp := range list {
			sm, _ := sp.(map[string]any)
			if _, err := fileNode(res, sm, studyFields != nil); err != nil {
				return nil, s.mapErr(ctx, "Read", fmt.Errorf("study: %w", err))
			}
		}
	}
	return res, nil
}

// planStudies is whether any page of the plan asks for cited studies, and
// the fields read of them: the union over those pages, nil (whole) if any
// page reads them whole. The statement looks them up once per root, not
// once per claim: a subquery per claim was half of the b-entity
// statement's CPU in Neo4j.
func planStudies(n *graph.PlanNode) (fields []string, asked bool) {
	fields = []string{}
	var walk func(n *graph.PlanNode)
	walk = func(n *graph.PlanNode) {
		if n == nil {
			return
		}
		for _, pg := range n.Pages {
			if pg.Studies {
				asked = true
				switch {
				case pg.StudyFields == nil || fields == nil:
					fields = nil
				default:
					for _, f := range pg.StudyFields {
						if !slices.Contains(fields, f) {
							fields = append(fields, f)
						}
					}
				}
			}
			walk(pg.Subject)
			walk(pg.Object)
		}
	}
	walk(n)
	return fields, asked
}

// ownStudiesSuffice is whether the studies' fields a plan reads (from
// planStudies) are only what every Study node has, id and category: a
// claim whose cited studies are all its own document's (propStudiesOwn)
// then names them without a look-up, since those nodes exist as long as
// the claim does.
func ownStudiesSuffice(fields []string) bool {
	if fields == nil {
		return false
	}
	for _, f := range fields {
		if f != "id" && f != "category" {
			return false
		}
	}
	return true
}

// pubsExpr is a Cypher list of the publications (ids of cited studies,
// with repeats) of every claim, at any depth, of the pages in the list
// expression m that n's pages were compiled into, or "" when none of
// them asks for studies; with own, leaving out the claims whose studies
// need no look-up (ownStudiesSuffice). depth keeps the reduce variables
// of nested levels apart.
func pubsExpr(m string, n *graph.PlanNode, depth int, own bool) string {
	if n == nil {
		return ""
	}
	var parts []string
	for i, pg := range n.Pages {
		c, a := "c"+strconv.Itoa(depth), "a"+strconv.Itoa(depth)
		l := newRowLayout(pg)
		var lists []string
		switch {
		case pg.Studies && own:
			lists = append(lists, "coalesce("+c+col(l.at[l.pubs])+", [])")
		case pg.Studies:
			lists = append(lists, c+col(l.at[l.pubs]))
		}
		for _, end := range l.ends {
			if end.pages < 0 {
				continue
			}
			if sub := pubsExpr(c+col(l.at[end.pages]), end.plan, depth+1, own); sub != "" {
				lists = append(lists, sub)
			}
		}
		if len(lists) == 0 {
			continue
		}
		parts = append(parts, "reduce("+a+" = [], "+c+" IN "+m+col(i)+col(pageRows)+" | "+a+" + "+strings.Join(lists, " + ")+")")
	}
	return strings.Join(parts, " + ")
}

// col is a Cypher list subscript: [i].
func col(i int) string { return "[" + strconv.Itoa(i) + "]" }

// A page is the list [total, rows]; a row, one claim, is a flat list of
// values by position (rowLayout), its scalars packed into one string, so
// that the driver decodes no map keys and makes one list and one string
// a claim.
const (
	pageTotal = iota
	pageRows
)

// claimFields is what a page reads of its claims: the fields the plan
// names (and the score, which orders and cursors need), or nil for the
// whole property map.
func claimFields(pg *graph.PlanPage) []field {
	if pg.ClaimFields == nil {
		return nil
	}
	return pickClaimFields(append(slices.Clone(pg.ClaimFields), "score"), pg.Predicates)
}

// pickClaimFields is what a statement reads of claims of the predicates
// preds (all when empty) to answer the fields names, and their ids.
func pickClaimFields(names []string, preds []graph.Predicate) []field {
	if len(preds) == 0 || slices.ContainsFunc(preds, func(p graph.Predicate) bool { return !p.Curated() }) {
		// The document too where a slim relationship may be read: its
		// absence is what marks one, whose document and Biolink
		// predicate the decoder derives (deriveSlim).
		names = append(slices.Clone(names), "document")
	}
	return edgeCodec.pick(names)
}

// nodeFields is what a plan reads of an end node: its fields, or nil for
// the whole property map.
func nodeFields(n *graph.PlanNode) []field {
	if n.Fields == nil {
		return nil
	}
	return nodeCodec.pick(n.Fields)
}

// compilePlan is the one statement that reads a normalized plan with
// more than no root, and its parameters.
func compilePlan(p graph.ReadPlan) (string, map[string]any, error) {
	fields, asked := planStudies(&p.Root)
	c := &planCompiler{params: map[string]any{"ids": uniq(p.IDs)}, ownStudies: asked && ownStudiesSuffice(fields)}
	pages, err := c.pages("n", &p.Root)
	if err != nil {
		return "", nil, err
	}
	studies := "[]"
	if asked {
		label, err := labelOf(graph.CategoryStudy)
		if err != nil {
			return "", nil, err
		}
		proj := "properties(st)"
		if fields != nil {
			proj = nodeCodec.projection("st", fields)
		}
		studies = "COLLECT { UNWIND " + pubsExpr("pages", &p.Root, 0, c.ownStudies) + " AS sid WITH DISTINCT sid MATCH (st:" + label + " {id: sid}) RETURN " + proj + " }"
	}
	return "UNWIND $ids AS id MATCH (n:" + labelEntity + " {id: id}) WITH n, " + pages + " AS pages " +
		"RETURN properties(n) AS props, pages, " + studies + " AS studies", c.params, nil
}

// pageParams sets the parameters of page number suffix (its modalities,
// limit and cursor) and returns its modality condition. The compiler and
// planParams (a cached statement's parameters) both set them here, so the
// two cannot differ. A first page reads exactly First claims and takes
// hasNextPage from the total; a later one (whose position in the total is
// unknown) reads one claim more to tell whether another page follows.
func pageParams(pg *graph.PlanPage, suffix string, params map[string]any) string {
	where := modalityWhere("r"+suffix, "modalities"+suffix, pg.Predicates, pg.Modalities, params)
	params["limit"+suffix] = pg.First
	if pg.After != nil {
		rank, _ := graph.ParseClaimOrderKey(pg.After.Key) // Normalize checked it
		params["afterRank"+suffix], params["afterID"+suffix] = rank, pg.After.ID
		params["limit"+suffix] = pg.First + 1
	}
	return where
}

// planCompiler turns plan pages into Cypher expressions, numbering
// variables and parameters so that nested pages never clash.
type planCompiler struct {
	params     map[string]any
	n          int
	ownStudies bool // claims say whether their studies need a look-up (ownStudiesSuffice)
}

// pages is the list expression of every page of node variable v, in
// plan order: [page0, page1].
func (c *planCompiler) pages(v string, n *graph.PlanNode) (string, error) {
	if n == nil || len(n.Pages) == 0 {
		return "[]", nil
	}
	parts := make([]string, len(n.Pages))
	for i, pg := range n.Pages {
		e, err := c.page(v, pg)
		if err != nil {
			return "", err
		}
		parts[i] = e
	}
	return "[" + strings.Join(parts, ", ") + "]", nil
}

// page is one page of v's claims as [total, rows].
func (c *planCompiler) page(v string, pg *graph.PlanPage) (string, error) {
	types, err := relTypes(pg.Predicates)
	if err != nil {
		return "", err
	}
	i := c.n
	c.n++
	suffix := strconv.Itoa(i)
	r, s, o := "r"+suffix, "s"+suffix, "o"+suffix
	var pattern string
	switch pg.Direction {
	case graph.Out:
		pattern = "(" + v + ")-[" + r + ":" + types + "]->()"
	case graph.In:
		pattern = "(" + v + ")<-[" + r + ":" + types + "]-()"
	default:
		pattern = "(" + v + ")-[" + r + ":" + types + "]-()"
	}
	pattern += pageParams(pg, suffix, c.params)
	limit, afterRank, afterID := "limit"+suffix, "afterRank"+suffix, "afterID"+suffix
	after := ""
	if pg.After != nil {
		after = fmt.Sprintf("WHERE rank%[1]s > $%[2]s OR (rank%[1]s = $%[2]s AND %[3]s.id > $%[4]s) ", suffix, afterRank, r, afterID)
	}
	// A claim is read whole, or with only the fields the plan names (and
	// its score, which orders and cursors need); the row places each
	// value where newRowLayout says. What the decoder knows is not read:
	// the type of a page of one type, and an end's id where the end is
	// the page's own node (v) of a directed page, or is read itself.
	l := newRowLayout(pg)
	row := make([]string, l.n)
	if l.claim == nil {
		row[l.props] = "properties(" + r + ")"
	} else {
		for i, f := range l.claim {
			row[l.props+i] = r + "." + f.prop
		}
	}
	if l.typ >= 0 {
		row[l.typ] = "type(" + r + ")"
	}
	if l.subject >= 0 {
		row[l.subject] = s + ".id"
	}
	if l.object >= 0 {
		row[l.object] = o + ".id"
	}
	needS, needO := l.subject >= 0, l.object >= 0
	if pg.Studies {
		// The studies themselves are looked up once for the whole plan
		// (compilePlan); a claim names them.
		pubs := "coalesce(" + r + "." + propPublications + ", [])"
		if c.ownStudies && (pg.ClaimFields == nil || slices.Contains(pg.ClaimFields, "evidence")) {
			// null: the claim's studies are its own document's, named
			// by its evidence (which a plan asking for studies reads).
			pubs = "CASE WHEN " + r + "." + propStudiesOwn + " THEN null ELSE " + pubs + " END"
		}
		row[l.pubs] = pubs
	}
	for i, end := range l.ends {
		if end.plan == nil {
			continue
		}
		v := s
		if i == 1 {
			v = o
		}
		if end.fs == nil {
			row[end.node] = "properties(" + v + ")"
		} else {
			for j, f := range end.fs {
				row[end.node+j] = v + "." + f.prop
			}
		}
		if end.pages >= 0 {
			sub, err := c.pages(v, end.plan)
			if err != nil {
				return "", err
			}
			row[end.pages] = sub
		}
		if i == 0 {
			needS = true
		} else {
			needO = true
		}
	}
	var binds []string
	if needS {
		binds = append(binds, "startNode("+r+") AS "+s)
	}
	if needO {
		binds = append(binds, "endNode("+r+") AS "+o)
	}
	bind := ""
	if len(binds) > 0 {
		bind = "WITH " + r + ", " + strings.Join(binds, ", ") + " "
	}
	rank := rankExpr(r)
	// A directed pattern meets each relationship once, so the total is a
	// plain COUNT, which Neo4j answers from the node's degree store
	// without touching a relationship; an undirected one meets a self-loop
	// twice and needs DISTINCT, which walks them all.
	total, distinct := "COUNT { MATCH "+pattern+" }", "WITH "+r
	if pg.Direction != graph.Out && pg.Direction != graph.In {
		total, distinct = "COUNT { MATCH "+pattern+" RETURN DISTINCT "+r+" }", "WITH DISTINCT "+r
	}
	return fmt.Sprintf("[%[9]s, "+
		"COLLECT { MATCH %[1]s %[10]s WITH %[2]s, %[3]s AS rank%[4]s %[5]s"+
		"WITH %[2]s, rank%[4]s ORDER BY rank%[4]s, %[2]s.id LIMIT $%[6]s "+
		"%[7]sRETURN %[8]s }]",
		pattern, r, rank, suffix, after, limit, bind, l.sentExpr(row), total, distinct), nil
}

// rankExpr is graph.ClaimOrderRank of relationship variable v (from a
// constant) in Cypher: the rank Load and the bulk import store (propRank),
// or for a relationship written before they did, 10000 - round(clamp(score)
// * 10000) computed here. coalesce evaluates the computation only when
// the property is missing.
func rankExpr(v string) string {
	sc := scoreExpr(v)
	return "coalesce(" + v + "." + propRank + ", 10000 - toInteger(round(CASE WHEN " + sc + " < 0.0 THEN 0.0 WHEN " +
		sc + " > 1.0 THEN 1.0 ELSE " + sc + " END * 10000.0)))"
}

// scoreExpr is the score of relationship variable v in Cypher: the
// stored one; where none is stored, graph.StructuralScore for a slim
// relationship (no document, see slimEdge), which leaves it out, and 0
// for any other (the codec stores no zero value).
func scoreExpr(v string) string {
	return "coalesce(" + v + "." + propScore + ", CASE WHEN " + v + ".document IS NULL THEN toFloat(" +
		strconv.FormatFloat(graph.StructuralScore, 'f', -1, 64) + ") ELSE 0.0 END)"
}
