package synth

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"weak"

	"github.com/kapgraph/kapgraph/graph"
)

// ---- the shared entity pool -------------------------------------------------

// Levels of the causal chain. Entities of other categories have level -1.
const (
	lvDrug = iota
	lvReceptor
	lvNeurochemical
	lvSignaling
	lvPlasticity
	lvCircuit
	lvSymptom
	lvOutcome
	levels
)

type entityKind struct {
	cat   graph.Category
	kind  string // Mechanism kind
	level int
	share int // per mille of the pool
}

var entityKinds = []entityKind{
	{graph.CategoryDrug, "", lvDrug, 60},
	{graph.CategoryMechanism, "receptor", lvReceptor, 90},
	{graph.CategoryMechanism, "neurochemical", lvNeurochemical, 90},
	{graph.CategoryMechanism, "signaling", lvSignaling, 90},
	{graph.CategoryMechanism, "plasticity", lvPlasticity, 90},
	{graph.CategoryMechanism, "circuit", lvCircuit, 80},
	{graph.CategoryMechanism, "psychological", lvCircuit, 40},
	{graph.CategorySymptom, "", lvSymptom, 90},
	{graph.CategoryOutcome, "", lvOutcome, 60},
	{graph.CategoryDisorder, "", -1, 60},
	{graph.CategoryBrainRegion, "", -1, 70},
	{graph.CategoryBrainNetwork, "", -1, 30},
	{graph.CategoryTherapy, "", -1, 50},
	{graph.CategorySafetyRisk, "", -1, 40},
	{graph.CategoryPopulation, "", -1, 40},
}

// kindOf is the kind of pool entity j: a fixed interleaving of the shares,
// so every prefix of the pool has every kind in proportion.
func kindOf(j int) int {
	slot := (j * 389) % 1000 // 389 is prime to 1000: a permutation of each block of 1000
	for k, ek := range entityKinds {
		if slot < ek.share {
			return k
		}
		slot -= ek.share
	}
	return len(entityKinds) - 1
}

// pool holds the entities 0..n-1 of every kind, grown on demand; it is
// shared by every generator with the same seed (names depend on the seed)
// while one is alive. The registry holds it weakly: the benchmark's
// embedded server generates its graph once, and a pool kept after the
// load held 50 MB of graph.Nodes at 1M that the store does not need.
type pool struct {
	mu     sync.Mutex
	seed   uint64
	nodes  []graph.Node
	byKind [][]int // entity indexes per kind, in index order
}

var (
	poolsMu sync.Mutex
	pools   = map[uint64]weak.Pointer[pool]{} // by seed
)

func poolFor(seed uint64) *pool {
	poolsMu.Lock()
	defer poolsMu.Unlock()
	if p := pools[seed].Value(); p != nil {
		return p
	}
	p := &pool{seed: seed, byKind: make([][]int, len(entityKinds))}
	pools[seed] = weak.Make(p)
	return p
}

// grow makes sure entities 0..n-1 exist.
func (p *pool) grow(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for j := len(p.nodes); j < n; j++ {
		k := kindOf(j)
		p.byKind[k] = append(p.byKind[k], j)
		p.nodes = append(p.nodes, p.entity(j, k))
	}
}

// view is the pool as one document sees it: its first n entities.
type view struct {
	nodes  []graph.Node
	byKind [][]int
	// byLevel lists the kinds of each causal level.
	n int
}

func (p *pool) view(n int) view {
	p.grow(n)
	p.mu.Lock()
	defer p.mu.Unlock()
	v := view{nodes: p.nodes[:n:n], n: n, byKind: make([][]int, len(entityKinds))}
	for k, js := range p.byKind {
		i, _ := slices.BinarySearch(js, n)
		v.byKind[k] = js[:i:i]
	}
	return v
}

var syllables = []string{"ka", "ta", "mi", "ne", "glu", "ser", "to", "do", "pa", "min", "cor", "tex", "lo", "ra", "vi", "zo",
	"ben", "dra", "xi", "lu", "phe", "no", "tri", "quin", "sa", "ly", "mor", "ge", "ni", "val", "cy", "bu"}

func word(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(syllables[r.IntN(len(syllables))])
	}
	return b.String()
}

var kindWords = map[string][]string{
	"receptor":      {"receptor", "channel", "transporter"},
	"neurochemical": {"release", "level", "tone"},
	"signaling":     {"pathway", "signaling", "cascade"},
	"plasticity":    {"synaptogenesis", "plasticity", "spine density"},
	"circuit":       {"network activity", "connectivity", "circuit"},
	"psychological": {"flexibility", "insight", "reappraisal"},
}

var catWords = map[graph.Category][]string{
	graph.CategoryDrug:         {"", "hydrochloride", "analogue"},
	graph.CategorySymptom:      {"craving", "anhedonia", "rumination", "withdrawal"},
	graph.CategoryOutcome:      {"abstinence", "relapse", "retention", "remission"},
	graph.CategoryDisorder:     {"use disorder", "dependence", "disorder"},
	graph.CategoryBrainRegion:  {"cortex", "nucleus", "gyrus", "area"},
	graph.CategoryBrainNetwork: {"network", "pathway", "circuit"},
	graph.CategoryTherapy:      {"therapy", "psychotherapy", "counselling"},
	graph.CategorySafetyRisk:   {"toxicity", "dissociation", "misuse"},
	graph.CategoryPopulation:   {"patients", "adults", "veterans"},
}

var prefixes = map[graph.Category]string{
	graph.CategoryDrug: "CHEBI", graph.CategoryMechanism: "GO", graph.CategorySymptom: "HP",
	graph.CategoryOutcome: "KAP", graph.CategoryDisorder: "MONDO", graph.CategoryBrainRegion: "UBERON",
	graph.CategoryBrainNetwork: "KAP", graph.CategoryTherapy: "KAP", graph.CategorySafetyRisk: "HP",
	graph.CategoryPopulation: "KAP",
}

// EntityID is the id of pool entity j.
func EntityID(cat graph.Category, j int) string {
	return fmt.Sprintf("%s:syn%s%07d", prefixes[cat], strings.ToLower(string(cat[:3])), j)
}

func (p *pool) entity(j, k int) graph.Node {
	ek := entityKinds[k]
	r := rand.New(rand.NewPCG(p.seed, uint64(1<<40+j)))
	name := word(r, 2+r.IntN(2))
	if ws := kindWords[ek.kind]; ws != nil {
		name += " " + ws[r.IntN(len(ws))]
	} else if ws := catWords[ek.cat]; ws != nil {
		if w := ws[r.IntN(len(ws))]; w != "" {
			name += " " + w
		}
	}
	n := graph.Node{
		ID: EntityID(ek.cat, j), Category: ek.cat, Biolink: ek.cat.Biolink(), Name: name, Kind: ek.kind,
		Description: fmt.Sprintf("Synthetic %s number %d.", strings.ToLower(string(ek.cat)), j),
	}
	for range r.IntN(3) {
		n.Synonyms = append(n.Synonyms, word(r, 3))
	}
	if r.IntN(2) == 0 {
		n.Xrefs = []string{fmt.Sprintf("MESH:D%06d", j)}
	}
	return n
}
