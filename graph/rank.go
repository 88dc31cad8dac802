package graph

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Evidence weights by level (1 systematic review/meta-analysis .. 5 expert
// opinion or narrative review). A stated claim with no citation is weaker
// than any cited one; an inferred link is a curator's bridge and is
// discounted again; a citation concern on the edge costs a further share.
var levelWeight = map[int]float64{1: 0.95, 2: 0.85, 3: 0.7, 4: 0.55, 5: 0.4}

const (
	uncitedWeight   = 0.3
	inferredFactor  = 0.5
	concernFactor   = 0.75
	lexicalEdgeBase = 1.0
)

// EdgeScore is the evidence strength of an edge in [0,1], from the levels of
// the studies its evidence cites (level 0 means unknown). The formula is the
// one schema/claims.graphqls states for Claim.score:
//
//   - a sentence weighs as its best fitting study (levelWeight), 0.3 when it
//     cites none; a study the loader flagged for this claim (Evidence.Flagged:
//     another drug, another disorder, a review cited for a trial) counts at
//     most as the weakest level, so it can never outrank a fitting one;
//   - a STATED claim takes its best sentence: one good source suffices;
//   - an INFERRED claim takes its weakest sentence, halved: an inference is
//     only as good as every premise it needs, and the bridge itself is the
//     curator's, not the review's;
//   - any citation concern on the claim multiplies by 0.75.
func EdgeScore(e *Edge, level func(studyID string) int) float64 {
	if !e.Predicate.Curated() {
		return lexicalEdgeBase
	}
	if e.Origin == OriginExtracted {
		return ExtractedScore(e.Hedged)
	}
	inferred := e.Origin == "inferred"
	score := -1.0
	for _, ev := range e.Evidence {
		w := uncitedWeight
		for _, s := range ev.Studies {
			lv := 0
			if level != nil {
				lv = level(s)
			}
			if lv > 0 && slices.Contains(ev.Flagged, s) {
				lv = max(lv, WeakestEvidence)
			}
			if lw, ok := levelWeight[lv]; ok && lw > w {
				w = lw
			}
		}
		switch {
		case score < 0:
			score = w
		case inferred:
			score = math.Min(score, w)
		default:
			score = math.Max(score, w)
		}
	}
	if score < 0 {
		score = uncitedWeight
	}
	if inferred {
		score *= inferredFactor
	}
	if len(e.Concerns) > 0 {
		score *= concernFactor
	}
	return round4(score)
}

// OriginExtracted is Edge.Origin of a claim the loader's extraction rules
// read from a sentence, which no curator has confirmed.
const OriginExtracted = "extracted"

// extractedFactor scales an extracted claim below the weakest curated one.
const extractedFactor = 0.5

// ExtractedScore is the fixed score of an extracted claim: extractedFactor
// (0.5) times the lowest score a curated claim can get (inferred, citing
// nothing, with a concern: 0.3 × 0.5 × 0.75 = 0.1125), so 0.0563, and
// half that (0.0281) when the sentence hedges. It ignores the sentence's
// citations on purpose: study levels weigh evidence a curator checked, and
// a rule's reading of a sentence is not that. Every curated claim
// therefore outranks every extracted one.
func ExtractedScore(hedged bool) float64 {
	s := extractedFactor * uncitedWeight * inferredFactor * concernFactor
	if hedged {
		s *= 0.5
	}
	return round4(s)
}

func round4(f float64) float64 { return math.Round(f*1e4) / 1e4 }

// NewPath derives a path's length, sign and score from its hops.
func NewPath(start string, hops []Hop) *Path {
	p := &Path{Nodes: []string{start}, Hops: hops, Length: len(hops), Sign: Increases, Score: 1}
	for _, h := range hops {
		p.Nodes = append(p.Nodes, h.To)
		p.Sign = p.Sign.Times(h.Edge.EffectSign())
		p.Score *= h.Edge.Score
	}
	if len(hops) == 0 {
		p.Sign = Unsigned
	}
	p.Score = round4(p.Score)
	return p
}

// key identifies a path for tie-breaking: its edge ids in order.
func (p *Path) key() string {
	var b strings.Builder
	for _, h := range p.Hops {
		b.WriteString(h.Edge.ID)
		b.WriteByte('|')
	}
	return b.String()
}

// RankShortestFirst orders paths by length, then evidence, then ids: the
// order of Paths and ShortestPath.
func RankShortestFirst(ps []*Path) {
	sort.Slice(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.Length != b.Length {
			return a.Length < b.Length
		}
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		return a.key() < b.key()
	})
}

// RankBestSupported orders paths by evidence, then length, then ids: the
// order of MechanismPaths, where a well-supported long chain beats a
// poorly supported short one.
func RankBestSupported(ps []*Path) {
	sort.Slice(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.Length != b.Length {
			return a.Length < b.Length
		}
		return a.key() < b.key()
	})
}

// DisorderAllows reports whether a hop may appear in a path asked for
// disorder d: hops about no particular disorder apply to all, hops about
// another disorder do not.
func DisorderAllows(e *Edge, d string) bool {
	return d == "" || e.Qualifiers.Disorder == "" || e.Qualifiers.Disorder == d
}

// MechanismSource reports whether a node may start a mechanism path.
func MechanismSource(c Category) bool { return c == CategoryDrug || c == CategoryMechanism }

// MechanismTarget reports whether a node may end a mechanism path when no
// explicit target is given.
func MechanismTarget(c Category) bool { return c == CategoryOutcome }

// foldText lower-cases and strips accents so "Lövdén" matches "lovden".
// ASCII text has no accents and is its own normal form, so it is only
// lower-cased: the transform chain allocates buffers on every call, and
// tokenizing is most of what loading a document costs.
func foldText(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.ToLower(out)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// SearchTokens splits text the way the search index does: runs of letters
// and digits, folded.
func SearchTokens(s string) []string {
	return strings.FieldsFunc(foldText(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
}

// SearchScore scores one name or synonym against the query tokens; 0 means
// no match. Every query token must be a prefix of some token of the
// candidate. Exact matches beat prefix matches, and shorter names beat
// longer ones, so "mTOR" finds the mTOR pathway before a passage that
// mentions it.
func SearchScore(query []string, candidate string) float64 {
	ct := SearchTokens(candidate)
	if len(ct) == 0 || len(query) == 0 {
		return 0
	}
	exact := 0
	for _, q := range query {
		found := false
		for _, c := range ct {
			if c == q {
				exact++
				found = true
				break
			}
		}
		if found {
			continue
		}
		for _, c := range ct {
			if strings.HasPrefix(c, q) {
				found = true
				break
			}
		}
		if !found {
			return 0
		}
	}
	score := 1 + float64(exact)/float64(len(query))
	if exact == len(query) && len(ct) == len(query) {
		score += 2 // the whole name is the query
	}
	score += 1 / float64(len(ct))
	return round4(score)
}

// ScoreNode scores a node against query tokens over its name and synonyms,
// returning the best score and the text that gave it.
func ScoreNode(query []string, n *Node) (float64, string) {
	best, matched := SearchScore(query, n.Name), n.Name
	for _, s := range n.Synonyms {
		if sc := SearchScore(query, s) * 0.95; sc > best {
			best, matched = round4(sc), s
		}
	}
	return best, matched
}

// RankHits orders search hits by score, then name, then id (of the node,
// then of the claim).
func RankHits(hs []*SearchHit) {
	sort.Slice(hs, func(i, j int) bool {
		a, b := hs[i], hs[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.Node.Name != b.Node.Name {
			return a.Node.Name < b.Node.Name
		}
		if a.Node.ID != b.Node.ID {
			return a.Node.ID < b.Node.ID
		}
		// A node before the claims quoted from it, claims by id.
		if (a.Claim == nil) != (b.Claim == nil) {
			return a.Claim == nil
		}
		return a.Claim != nil && a.Claim.ID < b.Claim.ID
	})
}
