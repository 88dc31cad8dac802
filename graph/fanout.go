package graph

// FanOut is how far one step of a query can fan out in the graph as
// loaded: the largest number of edges of each kind that any one node has,
// and the largest number of nodes of each category that one document owns.
//
// The API prices a query for its complexity budget by how many items each
// list field may return (see resolvers.FieldComplexity). A page size says
// how many a field may return at most; FanOut says how many it can return
// in this graph, which for the document's structure (sections of a review,
// passages of a section) is far fewer. Pricing by the smaller of the two
// lets every query whose answer fits the data pass, while a query that
// multiplies lists (alias and depth bombs) still costs what it could.
//
// A store computes it once per version of the graph (after a load that
// changed something) and answers the same value until the next change.
// Every count is an upper bound of what a read of the same graph returns.
type FanOut struct {
	// Version names the graph the counts were taken from: it changes
	// whenever a load changes the graph, so a caller may cache by it.
	Version string `json:"version"`
	// Out[c][p] is the largest number of p edges leaving one node of
	// category c (e.g. Out[Review][HAS_SECTION] is the most top-level
	// sections a review has).
	Out map[Category]map[Predicate]int `json:"out"`
	// In[c][p] is the largest number of p edges entering one node of
	// category c.
	In map[Category]map[Predicate]int `json:"in"`
	// Degree[c] is the largest number of edges, of any predicate and
	// either direction, at one node of category c.
	Degree map[Category]int `json:"degree"`
	// Claims[c] is the largest number of curated edges (claims), either
	// direction, at one node of category c.
	Claims map[Category]int `json:"claims"`
	// PerDocument[c] is the largest number of nodes of category c that
	// one document owns (e.g. citation concerns of one review).
	PerDocument map[Category]int `json:"perDocument"`
	// Count[c] is the number of nodes of category c.
	Count map[Category]int `json:"count"`
}

// NewFanOut is an empty FanOut of the given version, ready to be filled.
func NewFanOut(version string) *FanOut {
	return &FanOut{
		Version: version,
		Out:     map[Category]map[Predicate]int{}, In: map[Category]map[Predicate]int{},
		Degree: map[Category]int{}, Claims: map[Category]int{},
		PerDocument: map[Category]int{}, Count: map[Category]int{},
	}
}

// NodeFanOut is what one node contributes to a FanOut: its category, its
// document (empty for shared entities) and its edges by predicate.
type NodeFanOut struct {
	Category Category
	Document string
	Out, In  map[Predicate]int
}

// Observe folds one node's edge counts into f (raising each maximum it
// exceeds). Per-document counts are added with ObserveDocument.
func (f *FanOut) Observe(n NodeFanOut) {
	f.Count[n.Category]++
	degree, claims := 0, 0
	for dir, m := range map[bool]map[Predicate]int{true: n.Out, false: n.In} {
		into := f.In
		if dir {
			into = f.Out
		}
		for p, k := range m {
			degree += k
			if p.Curated() {
				claims += k
			}
			if into[n.Category] == nil {
				into[n.Category] = map[Predicate]int{}
			}
			into[n.Category][p] = max(into[n.Category][p], k)
		}
	}
	f.Degree[n.Category] = max(f.Degree[n.Category], degree)
	f.Claims[n.Category] = max(f.Claims[n.Category], claims)
}

// ObserveDocument records that one document owns k nodes of category c.
func (f *FanOut) ObserveDocument(c Category, k int) {
	f.PerDocument[c] = max(f.PerDocument[c], k)
}

// OutOf is f.Out[c][p], 0 when unknown.
func (f *FanOut) OutOf(c Category, p Predicate) int { return f.Out[c][p] }

// InOf is f.In[c][p], 0 when unknown.
func (f *FanOut) InOf(c Category, p Predicate) int { return f.In[c][p] }
