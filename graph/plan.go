package graph

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// A ReadPlan is what one GraphQL root field will read, worked out from its
// selection before anything is fetched: the root nodes, and for each the
// pages of claims the query asks for, with the nodes at the ends of each
// claim and their own pages, as deep as the query nests, and the studies
// cited as evidence. An engine reads a whole plan in one call (on Neo4j,
// one statement), so a nested question costs one round trip instead of
// one per level; the API's resolvers then answer from the result.
//
// A plan says nothing of GraphQL: resolvers/plan.go builds it from a
// selection, and any other client of the Store may build one by hand.
type ReadPlan struct {
	// IDs are the root nodes. Missing ones are simply absent from the
	// result.
	IDs []string
	// Root is what to read of each root node.
	Root PlanNode
}

// PlanNode is what to read at a node besides the node itself: pages of
// its claims.
type PlanNode struct {
	// Fields, on a claim's end, are the Node fields (by JSON name) the
	// caller will read of it; nil reads the node whole. An engine may
	// then return the node with only those fields (and id and category,
	// always) in ReadResult.Partial: a node's description or synonyms are
	// most of its bytes, and a nested question rarely asks for them.
	// Roots are always read whole.
	Fields []string
	Pages  []*PlanPage
}

// PlanPage is one page of a node's claims (the API's claims(direction,
// predicates, first, after) field), and what to read of each claim.
type PlanPage struct {
	// Key names the page within the plan; the result files each node's
	// page under (Key, node id). Keys must be unique in a plan.
	Key        string
	Direction  Direction
	Predicates []Predicate
	First      int
	After      *Cursor
	// Modalities are those of the claims paged (EdgePageQuery.Modalities).
	Modalities []Modality
	// Studies asks for the study nodes each claim's evidence cites;
	// StudyFields, like PlanNode.Fields, the fields read of them (nil:
	// whole).
	Studies     bool
	StudyFields []string
	// ClaimFields are the Edge fields (by JSON name) the caller will read
	// of each claim; nil reads claims whole. An engine may then return the
	// claims with only those fields (and id, subject, predicate, object
	// and score, always): a claim's evidence is most of its bytes, and a
	// question that shows only the ends never reads it. Such a page
	// answers its own place of the query only (see ReadResult.Pages).
	ClaimFields []string
	// Subject and Object ask for the node at that end of each claim, and
	// what to read there; nil reads nothing at that end.
	Subject, Object *PlanNode
}

// Query is the page as an EdgePageQuery over ids.
func (p *PlanPage) Query(ids []string) EdgePageQuery {
	return EdgePageQuery{
		EdgeQuery:  EdgeQuery{NodeIDs: ids, Direction: p.Direction, Predicates: p.Predicates},
		First:      p.First,
		After:      p.After,
		Modalities: p.Modalities,
	}
}

// Plan limits: a plan comes from a query that has passed the API's depth
// and complexity limits, but the Store is a boundary of its own.
const (
	MaxPlanDepth = 6   // nested pages below a root
	MaxPlanPages = 100 // pages in one plan
)

// Normalize checks a plan the way every engine must: ids, page arguments
// (EdgePageQuery.Normalize), unique keys, and the size limits.
func (p ReadPlan) Normalize() (ReadPlan, error) {
	if len(p.IDs) > MaxIDs {
		return p, Errorf(ELIMIT, "a plan may read at most %d root nodes, got %d", MaxIDs, len(p.IDs))
	}
	for _, id := range p.IDs {
		if err := CheckID(id, "id"); err != nil {
			return p, err
		}
	}
	keys := map[string]bool{}
	var walk func(n *PlanNode, depth int) error
	walk = func(n *PlanNode, depth int) error {
		if n == nil {
			return nil
		}
		if len(n.Pages) > 0 && depth >= MaxPlanDepth {
			return Errorf(ELIMIT, "a plan may nest pages at most %d deep", MaxPlanDepth)
		}
		if err := checkFields(n.Fields); err != nil {
			return err
		}
		for _, pg := range n.Pages {
			if err := checkFields(pg.StudyFields); err != nil {
				return err
			}
			if err := checkClaimFields(pg.ClaimFields); err != nil {
				return err
			}
			if pg.Key == "" || keys[pg.Key] {
				return Errorf(EINVALID, "plan page key %q is empty or not unique", pg.Key)
			}
			keys[pg.Key] = true
			if len(keys) > MaxPlanPages {
				return Errorf(ELIMIT, "a plan may hold at most %d pages", MaxPlanPages)
			}
			q, err := pg.Query(nil).Normalize()
			if err != nil {
				return err
			}
			pg.Direction, pg.Predicates, pg.First, pg.Modalities = q.Direction, q.Predicates, q.First, q.Modalities
			if err := walk(pg.Subject, depth+1); err != nil {
				return err
			}
			if err := walk(pg.Object, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	root := p.Root
	root.Pages = clonePages(root.Pages)
	p.Root = root
	if err := walk(&p.Root, 0); err != nil {
		return p, err
	}
	return p, nil
}

// nodeFields and edgeFields are the JSON names of Node's and Edge's
// fields, the names PlanNode.Fields and PlanPage.ClaimFields may use.
var nodeFields, edgeFields = jsonFields(Node{}), jsonFields(Edge{})

func jsonFields(v any) map[string]bool {
	m := map[string]bool{}
	t := reflect.TypeOf(v)
	for i := 0; i < t.NumField(); i++ {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ","); name != "" && name != "-" {
			m[name] = true
		}
	}
	return m
}

// checkClaimFields refuses a field list naming no field of Edge.
func checkClaimFields(fs []string) error {
	for _, f := range fs {
		if !edgeFields[f] {
			return Errorf(EINVALID, "plan claim field %q is not a field of a claim", f)
		}
	}
	return nil
}

// checkFields refuses a field list naming no field of Node: engines splice
// the names into their projections.
func checkFields(fs []string) error {
	for _, f := range fs {
		if !nodeFields[f] {
			return Errorf(EINVALID, "plan field %q is not a field of a node", f)
		}
	}
	return nil
}

// clonePages deep-copies pages so that Normalize never writes into the
// caller's plan.
func clonePages(ps []*PlanPage) []*PlanPage {
	out := make([]*PlanPage, len(ps))
	for i, pg := range ps {
		c := *pg
		c.Predicates = slices.Clone(pg.Predicates)
		c.StudyFields = slices.Clone(pg.StudyFields)
		c.ClaimFields = slices.Clone(pg.ClaimFields)
		c.Modalities = slices.Clone(pg.Modalities)
		if pg.Subject != nil {
			c.Subject = &PlanNode{Fields: slices.Clone(pg.Subject.Fields), Pages: clonePages(pg.Subject.Pages)}
		}
		if pg.Object != nil {
			c.Object = &PlanNode{Fields: slices.Clone(pg.Object.Fields), Pages: clonePages(pg.Object.Pages)}
		}
		out[i] = &c
	}
	return out
}

// PageKey files one node's page in a ReadResult.
type PageKey struct {
	Page string // PlanPage.Key
	Node string
}

// ReadResult is what a plan read: every node it reached (roots, claim
// ends, cited studies) by id, and every page by (page key, node).
type ReadResult struct {
	// Nodes are read whole.
	Nodes map[string]*Node
	// Partial are nodes read with only the fields the plan asked for at
	// the places it reached them (the union over those places), never
	// also in Nodes. They answer those places only: a node cache must not
	// keep them, since another field of the same node would read zero.
	Partial map[string]*Node
	// Pages are filed by (page key, node). The claims of a page whose
	// PlanPage names ClaimFields may hold only those fields: like Partial
	// nodes they answer that page's place only, and an edge cache must
	// not keep them.
	Pages map[PageKey]*EdgePage
}

// Node is the node id as the plan read it, whole or partial.
func (r *ReadResult) Node(id string) *Node {
	if n := r.Nodes[id]; n != nil {
		return n
	}
	return r.Partial[id]
}

// ReadByCalls answers a plan with the Store's ordinary calls
// (ExecutePlan after Normalize): the Read of engines that live in process,
// where a call costs no round trip, and of test doubles.
func ReadByCalls(ctx context.Context, s Store, p ReadPlan) (*ReadResult, error) {
	p, err := p.Normalize()
	if err != nil {
		return nil, err
	}
	return ExecutePlan(ctx, s, p)
}

// ExecutePlan reads a normalized plan with the Store's ordinary calls,
// one batch of nodes and one batch of pages per page of each level: the
// reference every engine's Read must agree with.
func ExecutePlan(ctx context.Context, s Store, p ReadPlan) (*ReadResult, error) {
	res := &ReadResult{Nodes: map[string]*Node{}, Partial: map[string]*Node{}, Pages: map[PageKey]*EdgePage{}}
	if err := fetchNodes(ctx, s, res, p.IDs); err != nil {
		return nil, err
	}
	var ids []string
	for _, id := range p.IDs {
		if res.Nodes[id] != nil {
			ids = append(ids, id)
		}
	}
	if err := executeLevel(ctx, s, res, &p.Root, ids); err != nil {
		return nil, err
	}
	return res, nil
}

func executeLevel(ctx context.Context, s Store, res *ReadResult, n *PlanNode, ids []string) error {
	if n == nil || len(ids) == 0 {
		return nil
	}
	ids = uniqStrings(ids)
	for _, pg := range n.Pages {
		pages, err := s.EdgePages(ctx, pg.Query(ids))
		if err != nil {
			return fmt.Errorf("plan page %s: %w", pg.Key, err)
		}
		var subjects, objects, studies []string
		for id, page := range pages {
			res.Pages[PageKey{pg.Key, id}] = page
			for _, e := range page.Edges {
				subjects = append(subjects, e.Subject)
				objects = append(objects, e.Object)
				if pg.Studies {
					studies = append(studies, e.Publications()...)
				}
			}
		}
		var want []string
		if pg.Subject != nil {
			want = append(want, subjects...)
		}
		if pg.Object != nil {
			want = append(want, objects...)
		}
		if err := fetchNodes(ctx, s, res, append(want, studies...)); err != nil {
			return err
		}
		if pg.Subject != nil {
			if err := executeLevel(ctx, s, res, pg.Subject, subjects); err != nil {
				return err
			}
		}
		if pg.Object != nil {
			if err := executeLevel(ctx, s, res, pg.Object, objects); err != nil {
				return err
			}
		}
	}
	return nil
}

// fetchNodes adds the nodes among ids not yet in res, MaxIDs at a time.
func fetchNodes(ctx context.Context, s Store, res *ReadResult, ids []string) error {
	var missing []string
	for _, id := range uniqStrings(ids) {
		if _, ok := res.Nodes[id]; !ok {
			missing = append(missing, id)
		}
	}
	for len(missing) > 0 {
		n := min(len(missing), MaxIDs)
		ns, err := s.NodesByID(ctx, missing[:n])
		if err != nil {
			return err
		}
		for _, node := range ns {
			if node != nil {
				res.Nodes[node.ID] = node
			}
		}
		missing = missing[n:]
	}
	return nil
}

func uniqStrings(ids []string) []string {
	out := slices.Clone(ids)
	slices.Sort(out)
	return slices.Compact(out)
}
