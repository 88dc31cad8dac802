package bench

import (
	"hash/fnv"
	"math"
	"slices"
	"sort"
)

// The timed requests ask about many ids, not one: a single id lets every
// cache on the way (the page cache, a store's hot nodes, the CPU's) hold
// exactly what the next request needs, which flatters whichever system
// caches most and says little about a server under real traffic. Real
// traffic is skewed, so the ids are drawn with the same Zipf law the
// generator uses for mentions: a few popular ids often, many rare ones.
const (
	// DefaultSampleSize is how many ids each parameterised question draws
	// from; the issue asks for at least 100.
	DefaultSampleSize = 128
	// DefaultSeed fixes the sample and the request sequence, so that two
	// runs, and all systems within one run, ask the same things in the
	// same order.
	DefaultSeed uint64 = 20260601
	// zipfS and zipfV are internal/synth's law (P(rank k) ∝ (v+k)^-s), so
	// the requests are as skewed as the mentions in the data.
	zipfS = 1.15
	zipfV = 2.0
)

// sampled lists the questions that draw their parameter from a sample:
// for (c), the page.
var sampled = []QueryID{QEntity, QList, QPaths4, QPaths6, QNeighborhood}

// Sampled reports whether q's parameter is drawn from the sample (the
// others ask the same thing every time).
func Sampled(q QueryID) bool { return slices.Contains(sampled, q) }

// IDs is the sample of q in rank order (index 0 the most popular), or the
// single parameter when there is no sample (a hand-made Params), or nil
// for a question without an id.
func (p Params) IDs(q QueryID) []string {
	var ids []string
	var one string
	switch q {
	case QEntity:
		ids, one = p.Entities, p.Entity
	case QPaths4, QPaths6:
		ids, one = p.PathFroms, p.PathFrom
	case QNeighborhood:
		ids, one = p.Centres, p.Centre
	case QList:
		for _, c := range p.Cursors() {
			ids = append(ids, c.ID)
		}
		return ids
	default:
		return nil
	}
	if len(ids) == 0 && one != "" {
		return []string{one}
	}
	return ids
}

// Cursors are the pages of (c)'s sample: where each page it asks for
// starts, in rank order (ListAfter alone when there is no sample).
func (p Params) Cursors() []Cursor {
	if len(p.ListAfters) == 0 && p.ListAfter.ID != "" {
		return []Cursor{p.ListAfter}
	}
	return p.ListAfters
}

// Sequence is which sample index the i-th request of each client asks,
// per question. It is a pure function of (seed, question, client, i), so
// every system gets the same sequence whatever the order in which its
// clients happen to run, and no state is shared between clients.
type Sequence struct {
	seed uint64
	cdf  map[QueryID][]float64
}

// NewSequence draws from p's samples with p.Seed.
func NewSequence(p Params) *Sequence {
	s := &Sequence{seed: p.Seed, cdf: map[QueryID][]float64{}}
	for _, q := range sampled {
		if n := len(p.IDs(q)); n > 1 {
			s.cdf[q] = zipfCDF(n)
		}
	}
	return s
}

// Index is the sample index of client's i-th request of q (0 when q has
// no sample).
func (s *Sequence) Index(q QueryID, client, i int) int {
	if s == nil || len(s.cdf[q]) == 0 {
		return 0
	}
	cdf := s.cdf[q]
	u := unit(mix(s.seed, hashString(string(q)), uint64(client), uint64(i)))
	k := sort.SearchFloat64s(cdf, u)
	return min(k, len(cdf)-1)
}

// zipfCDF is the cumulative distribution of the Zipf law over n ranks.
func zipfCDF(n int) []float64 {
	cdf := make([]float64, n)
	var sum float64
	for k := range n {
		sum += math.Pow(zipfV+float64(k), -zipfS)
		cdf[k] = sum
	}
	for k := range cdf {
		cdf[k] /= sum
	}
	return cdf
}

// rankBySeed orders ids by a seeded hash: which ids are popular is then
// fixed by the seed alone, independent of their degree or id, so the
// popular ones are no cheaper or dearer than the rest of the band.
func rankBySeed(ids []string, seed uint64) []string {
	out := slices.Clone(ids)
	slices.SortFunc(out, func(a, b string) int {
		ha, hb := mix(seed, hashString(a)), mix(seed, hashString(b))
		switch {
		case ha < hb:
			return -1
		case ha > hb:
			return 1
		}
		return compareStrings(a, b)
	})
	return out
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func hashString(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// mix folds words into one well-spread 64-bit value (splitmix64's
// finaliser after each word).
func mix(words ...uint64) uint64 {
	var h uint64 = 0x9e3779b97f4a7c15
	for _, w := range words {
		h ^= w
		h += 0x9e3779b97f4a7c15
		h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9
		h = (h ^ (h >> 27)) * 0x94d049bb133111eb
		h ^= h >> 31
	}
	return h
}

// unit maps a hash to [0, 1).
func unit(h uint64) float64 { return float64(h>>11) / (1 << 53) }
