package neo4j

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// Nodes and edges are stored as flat property maps named after their JSON
// fields, so the mapping follows graph.Node and graph.Edge as they grow
// instead of being restated here field by field. Zero values are omitted
// (absent property = zero value), strings, integers, floats, booleans and
// string lists are stored natively, and anything else (the edge's
// Qualifiers and Evidence) as a JSON string in "<field>_json".
//
// Derived properties that exist only for queries are written next to the
// real fields and ignored on the way back; their names use snake_case so
// they can never collide with a JSON field name:
const (
	propSearch       = "search_text"   // Node: folded tokens of name and synonyms, for the full-text index
	propPublications = "publications"  // Edge: distinct cited studies
	propPassages     = "passages"      // Edge: distinct evidence passages
	propDisorder     = "q_disorder"    // Edge: Qualifiers.Disorder, for mechanism path filters
	propQuoteSearch  = "quote_search"  // Edge: folded tokens of the evidence quotes, for the claim full-text index
	propRank         = "q_rank"        // Edge: graph.ClaimOrderRank of its score, the order key of claim pages
	propStudiesOwn   = "q_studies_own" // Edge: every cited study is a Study node of the edge's own document (see planLoad)
)

type fieldKind int

const (
	kindString fieldKind = iota
	kindInt
	kindFloat
	kindBool
	kindStrings
	kindJSON
)

type field struct {
	index []int
	prop  string
	kind  fieldKind
}

type codec struct {
	typ    reflect.Type
	fields []field
}

func newCodec(v any, structural ...string) *codec {
	t := reflect.TypeOf(v)
	c := &codec{typ: t}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" || slices.Contains(structural, name) {
			continue
		}
		fd := field{index: f.Index, prop: name}
		switch k := f.Type.Kind(); {
		case k == reflect.String:
			fd.kind = kindString
		case k >= reflect.Int && k <= reflect.Int64:
			fd.kind = kindInt
		case k == reflect.Float64:
			fd.kind = kindFloat
		case k == reflect.Bool:
			fd.kind = kindBool
		case k == reflect.Slice && f.Type.Elem().Kind() == reflect.String:
			fd.kind = kindStrings
		default:
			fd.kind = kindJSON
			fd.prop = name + "_json"
		}
		c.fields = append(c.fields, fd)
	}
	return c
}

var (
	nodeCodec = newCodec(graph.Node{})
	// An edge's subject and object are its endpoints and its predicate is
	// its relationship type, so they are not properties.
	edgeCodec = newCodec(graph.Edge{}, "subject", "object", "predicate")
)

// pick is the fields of the named JSON fields, and id and category, in
// the codec's order (id first): what projection and listProjection read.
// Names come from graph.ReadPlan.Normalize, which admits only Node's
// fields; one not in the codec (a structural one) is left out.
func (c *codec) pick(names []string) []field {
	fs := make([]field, 0, len(names)+2)
	for _, f := range c.fields {
		name, _ := strings.CutSuffix(f.prop, "_json")
		if name == "id" || name == "category" || slices.Contains(names, name) || slices.Contains(names, f.prop) {
			fs = append(fs, f)
		}
	}
	return fs
}

// projection is a Cypher map projection of variable v holding the
// properties of the named JSON fields, and id and category: v{.id, ...}.
func (c *codec) projection(v string, names []string) string {
	var ps []string
	for _, f := range c.pick(names) {
		ps = append(ps, "."+f.prop)
	}
	return v + "{" + strings.Join(ps, ", ") + "}"
}

// listProjection is a Cypher list of the properties fs of variable v, in
// that order: [v.id, v.name]. A list costs the driver one value per
// property where a map costs a key string and a map entry too, and
// decodeList reads it by position.
func listProjection(v string, fs []field) string {
	ps := make([]string, len(fs))
	for i, f := range fs {
		ps[i] = v + "." + f.prop
	}
	return "[" + strings.Join(ps, ", ") + "]"
}

// props turns a struct into a property map, leaving out zero values.
func (c *codec) props(v any) map[string]any {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer {
		rv = rv.Elem()
	}
	m := make(map[string]any, len(c.fields))
	for _, f := range c.fields {
		fv := rv.FieldByIndex(f.index)
		if fv.IsZero() {
			continue
		}
		switch f.kind {
		case kindString:
			m[f.prop] = fv.String()
		case kindInt:
			m[f.prop] = fv.Int()
		case kindFloat:
			m[f.prop] = fv.Float()
		case kindBool:
			m[f.prop] = fv.Bool()
		case kindStrings:
			if fv.Len() == 0 {
				continue
			}
			ss := make([]string, fv.Len())
			for i := range ss {
				ss[i] = fv.Index(i).String()
			}
			m[f.prop] = ss
		case kindJSON:
			if fv.Kind() == reflect.Slice && fv.Len() == 0 {
				continue
			}
			b, err := json.Marshal(fv.Interface())
			if err != nil {
				panic(fmt.Sprintf("neo4j codec: %s: %v", f.prop, err)) // plain data types never fail
			}
			m[f.prop] = string(b)
		}
	}
	return m
}

// decode fills the struct that ptr points at from a property map.
func (c *codec) decode(m map[string]any, ptr any) error {
	rv := reflect.ValueOf(ptr).Elem()
	for _, f := range c.fields {
		raw, ok := m[f.prop]
		if !ok || raw == nil {
			continue
		}
		if err := f.set(rv, raw); err != nil {
			return err
		}
	}
	return nil
}

// decodeList fills the struct that ptr points at from the values of a
// listProjection of fs; a null is a property the entity does not have.
func decodeList(vals []any, fs []field, ptr any) error {
	if len(vals) != len(fs) {
		return fmt.Errorf("%d properties for %d fields", len(vals), len(fs))
	}
	rv := reflect.ValueOf(ptr).Elem()
	for i, f := range fs {
		if vals[i] == nil {
			continue
		}
		if err := f.set(rv, vals[i]); err != nil {
			return err
		}
	}
	return nil
}

// set stores the property value raw into f of the struct rv.
func (f field) set(rv reflect.Value, raw any) error {
	fv := rv.FieldByIndex(f.index)
	bad := func() error {
		return fmt.Errorf("property %s has unexpected type %T", f.prop, raw)
	}
	switch f.kind {
	case kindString:
		s, ok := raw.(string)
		if !ok {
			return bad()
		}
		fv.SetString(s)
	case kindInt:
		i, ok := raw.(int64)
		if !ok {
			return bad()
		}
		fv.SetInt(i)
	case kindFloat:
		switch x := raw.(type) {
		case float64:
			fv.SetFloat(x)
		case int64:
			fv.SetFloat(float64(x))
		default:
			return bad()
		}
	case kindBool:
		b, ok := raw.(bool)
		if !ok {
			return bad()
		}
		fv.SetBool(b)
	case kindStrings:
		list, ok := raw.([]any)
		if !ok {
			return bad()
		}
		ss := reflect.MakeSlice(fv.Type(), len(list), len(list))
		for i, x := range list {
			s, ok := x.(string)
			if !ok {
				return bad()
			}
			ss.Index(i).SetString(s)
		}
		fv.Set(ss)
	case kindJSON:
		s, ok := raw.(string)
		if !ok {
			return bad()
		}
		return f.setJSON(fv, s, nil)
	}
	return nil
}

// setJSON stores the JSON text s into fv, the field of f; evidence is
// read by parseEvidenceJSON, into a's blocks when a is not nil.
func (f field) setJSON(fv reflect.Value, s string, a *evArena) error {
	if ev, ok := fv.Addr().Interface().(*[]graph.Evidence); ok {
		if parsed, ok := a.parse(s); ok {
			*ev = parsed
			return nil
		}
	}
	if err := json.Unmarshal([]byte(s), fv.Addr().Interface()); err != nil {
		return fmt.Errorf("property %s: %w", f.prop, err)
	}
	return nil
}

// nodeProps is the property map of a node, with its derived search text.
func nodeProps(n *graph.Node) map[string]any {
	m := nodeCodec.props(n)
	if t := searchText(n); t != "" {
		m[propSearch] = t
	}
	return m
}

// searchText is the bag of folded tokens a node is found by
// (graph.NodeSearchTokens: name and synonyms, a passage's sentence, a
// study's title and authors), for the full-text index.
func searchText(n *graph.Node) string {
	return strings.Join(graph.NodeSearchTokens(n), " ")
}

// Slim relationships. Most of a document's relationships are structural
// (HAS_PASSAGE, MENTIONS, CITES, ...), and their document and Biolink
// predicate follow from what every such edge the loader makes has: an id
// of graph.StructuralEdgeID's shape, which names the document, and the
// type's unsigned Biolink predicate. Such an edge (slimEdge) is stored
// without those two properties, without the stored rank (reads compute it
// from the score where it is missing, rankExpr) and without a content
// hash (a reload computes it from what it reads, slimHash): fewer
// property records and no entry in the type's document index, which is
// most of what Neo4j spends per relationship at load time. Any other edge
// keeps every property, so a Store still takes whatever a document
// brings. A relationship without a document property is slim: every
// edge a Store takes has its document (graph.Document.Validate), so on
// read its absence means derive (deriveSlim).
//
// A slim edge also has the knowledge level and score every structural
// edge the loader makes has (graph.StructuralKnowledgeLevel,
// graph.StructuralScore) and an agent: those are stored only where they
// differ from the rule (the agent, where it is not
// graph.StructuralAgent of its type), which leaves most structural
// relationships with their id alone. The score marks the layout: a slim
// relationship written before stored it (the loader's structural edges
// all have graph.StructuralScore, and the codec leaves out only zeros),
// so one without a score takes all three from the rule, and one with a
// score keeps what it stored. Cypher that reads a score falls back to
// graph.StructuralScore for a relationship without a document
// (scoreExpr).

// slimEdge reports whether e is stored slim.
func slimEdge(e *graph.Edge) bool {
	if e.Predicate.Curated() || e.Document == "" || e.Biolink != e.Predicate.Biolink(graph.Unsigned) ||
		e.KnowledgeLevel != graph.StructuralKnowledgeLevel || e.Score != graph.StructuralScore || e.AgentType == "" {
		return false
	}
	d, ok := graph.StructuralEdgeDocument(e.ID)
	return ok && d == e.Document
}

// Property names of the edge fields a slim relationship may leave out.
const (
	propScore          = "score"
	propKnowledgeLevel = "knowledgeLevel"
	propAgentType      = "agentType"
)

// slimStored says which of the properties a slim relationship may leave
// out came with the relationship as read.
type slimStored struct{ score, level, agent bool }

// storedInMap is slimStored of a relationship read as a property map.
func storedInMap(m map[string]any) slimStored {
	_, score := m[propScore]
	_, level := m[propKnowledgeLevel]
	_, agent := m[propAgentType]
	return slimStored{score, level, agent}
}

// storedInList is slimStored of a relationship read as the values of the
// fields a plan projected (decodeList): a field the plan left out counts
// as not stored, so it takes the rule's value, which no reader of that
// plan looks at.
func storedInList(vals []any, fs []field) slimStored {
	var st slimStored
	for i, f := range fs {
		if i < len(vals) && vals[i] != nil {
			st.mark(f)
		}
	}
	return st
}

// mark records that the relationship came with field f's property.
func (st *slimStored) mark(f field) {
	switch f.prop {
	case propScore:
		st.score = true
	case propKnowledgeLevel:
		st.level = true
	case propAgentType:
		st.agent = true
	}
}

// deriveSlim fills in what a slim relationship was stored without: e has
// been decoded and its predicate set, and st says what came with it.
// Anything else is left as read.
func deriveSlim(e *graph.Edge, st slimStored) {
	if e.Document != "" || e.Predicate.Curated() {
		return
	}
	d, ok := graph.StructuralEdgeDocument(e.ID)
	if !ok {
		return
	}
	e.Document = d
	if e.Biolink == "" {
		e.Biolink = e.Predicate.Biolink(graph.Unsigned)
	}
	if st.score {
		return // written before the three were left out
	}
	e.Score = graph.StructuralScore
	if !st.level {
		e.KnowledgeLevel = graph.StructuralKnowledgeLevel
	}
	if !st.agent {
		e.AgentType = graph.StructuralAgent(e.Predicate)
	}
}

// edgeProps is the property map of an edge, with its flat query fields.
func edgeProps(e *graph.Edge) map[string]any {
	m := edgeCodec.props(e)
	slim := slimEdge(e)
	if slim {
		delete(m, "document")
		delete(m, "biolink")
		delete(m, propScore)
		delete(m, propKnowledgeLevel)
		if e.AgentType == graph.StructuralAgent(e.Predicate) {
			delete(m, propAgentType)
		}
	}
	if ps := e.Publications(); len(ps) > 0 {
		m[propPublications] = ps
	}
	var passages []string
	for _, ev := range e.Evidence {
		if ev.Passage != "" {
			passages = append(passages, ev.Passage)
		}
	}
	slices.Sort(passages)
	if passages = slices.Compact(passages); len(passages) > 0 {
		m[propPassages] = passages
	}
	if d := e.Qualifiers.Disorder; d != "" {
		m[propDisorder] = d
	}
	// Claim pages order by the rank; stored, a read orders by one
	// property instead of clamping and rounding every claim's score.
	if !slim {
		m[propRank] = int64(graph.ClaimOrderRank(e.Score))
	}
	if e.Predicate.Curated() {
		if toks := graph.ClaimSearchTokens(e); len(toks) > 0 {
			m[propQuoteSearch] = strings.Join(toks, " ")
		}
	}
	return m
}

func decodeNode(m map[string]any) (*graph.Node, error) {
	n := &graph.Node{}
	if err := nodeCodec.decode(m, n); err != nil {
		return nil, err
	}
	return n, nil
}

func decodeEdge(m map[string]any, typ, subject, object string) (*graph.Edge, error) {
	e := &graph.Edge{}
	if err := edgeCodec.decode(m, e); err != nil {
		return nil, err
	}
	e.Predicate = graph.Predicate(typ)
	e.Subject = subject
	e.Object = object
	if typ != "" {
		deriveSlim(e, storedInMap(m)) // else the caller sets the type, then derives
	}
	return e, nil
}
