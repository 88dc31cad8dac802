package extract

import (
	"slices"

	"github.com/kapgraph/kapgraph/graph"
)

// GoldClaim is a curated claim as the measurement needs it.
type GoldClaim struct {
	ID              string
	Subject, Object string
	Predicate       graph.Predicate
	Sign            graph.Sign
	Stated          bool  // origin: stated (not a curator's inferred bridge)
	Sentences       []int // the sentences its evidence quotes
}

// Gold is what curation knows about a review.
//
// Mentions are the loader's own matcher's finds (exact lexicon surface
// forms, case-insensitive, on word boundaries) per sentence: the forms the
// curators wrote "as they occur in the review", so they are the best gold
// there is without annotating every sentence by hand. The engine's
// folding finds more (plurals, hyphen/space variants); each extra is
// listed as a false positive to review, not silently forgiven.
type Gold struct {
	Claims   []GoldClaim
	Mentions map[int][]string // sentence index -> lexicon ids
}

// extractable are the predicates the rules can produce.
var extractable = []graph.Predicate{graph.Affects, graph.CorrelatedWith, graph.StudiedToTreat, graph.HasAdverseEvent}

// Metrics are the figures of one review.
//
// Claim pairs are ORDERED (subject, object) and matched per sentence: a
// candidate from sentence s is right when a curated claim (any predicate,
// stated or inferred) joins the same subject to the same object and
// quotes s. Direction matters because a causal path reads it.
//
// Recall is reported twice. PairRecall, the figure the targets apply to,
// counts the claims within reach of a one-sentence engine: stated, of an
// extractable predicate, with both ends named (by the gold mentions) in
// one sentence the claim quotes. RecallAll counts every curated claim, so
// what anaphora ("this altered state"), lists and inference leave out
// stays visible.
type Metrics struct {
	Sentences int

	MentionGold, MentionFound, MentionHit int
	MentionPrecision, MentionRecall       float64
	Proposed                              int // mentions of proposed entities: not scored, listed
	ProposedEntities                      int

	Candidates     int // distinct (sentence, subject, object)
	Negated        int // candidates flagged negated (all candidates, not distinct pairs)
	ProposedClaims int // PROPOSED candidates: not scored against curated findings
	Hedged         int // candidates flagged hedged
	PairHit        int
	PairReversed   int // wrong only in direction
	PairPrecision  float64

	Reachable, ReachableHit int
	PairRecall              float64
	AllGold, AllHit         int
	RecallAll               float64

	SignCompared, SignAgree int
	SignAgreement           float64

	// PredicateAgree counts matched pairs whose candidate predicate is
	// one a curated claim on that pair uses (a pair can match on its ends
	// and still be, say, AFFECTS where curation says LOCATED_IN).
	PredicateAgree     int
	PredicateAgreement float64

	Misses         []GoldClaim // reachable claims not found
	FalsePositives []Candidate
	MentionMisses  []Mention // gold mentions not found (ID and Sentence set)
	MentionExtras  []Mention // found, not in gold
}

type pairKey struct {
	sentence        int
	subject, object string
}

// Evaluate measures res against gold.
func Evaluate(gold Gold, sents []Sentence, res Result) Metrics {
	m := Metrics{Sentences: len(sents), ProposedEntities: len(res.Proposed)}

	// Entities: one (sentence, id) counts once however often it is named.
	found := map[pairKey]Mention{}
	for _, mm := range res.Mentions {
		k := pairKey{mm.Sentence, mm.ID, ""}
		if mm.Proposed {
			m.Proposed++
		} else if _, dup := found[k]; !dup {
			found[k] = mm
			m.MentionFound++
		}
	}
	goldSet := map[pairKey]bool{}
	for _, s := range sents {
		for _, id := range gold.Mentions[s.Index] {
			k := pairKey{s.Index, id, ""}
			goldSet[k] = true
			if _, ok := found[k]; ok {
				m.MentionHit++
			} else {
				m.MentionMisses = append(m.MentionMisses, Mention{Sentence: s.Index, ID: id})
			}
		}
	}
	m.MentionGold = len(goldSet)
	for _, mm := range res.Mentions {
		k := pairKey{mm.Sentence, mm.ID, ""}
		if !mm.Proposed && !goldSet[k] && found[k].Start == mm.Start {
			m.MentionExtras = append(m.MentionExtras, mm)
		}
	}
	m.MentionPrecision, m.MentionRecall = ratio(m.MentionHit, m.MentionFound), ratio(m.MentionHit, m.MentionGold)

	// Claims.
	curated := map[pairKey][]GoldClaim{}
	for _, g := range gold.Claims {
		for _, s := range g.Sentences {
			curated[pairKey{s, g.Subject, g.Object}] = append(curated[pairKey{s, g.Subject, g.Object}], g)
		}
	}
	cands := map[pairKey][]Candidate{}
	var order []pairKey
	for _, c := range res.Candidates {
		if c.Modality == graph.ModalityProposed {
			// A call for research or a recommendation: the curated
			// claims record findings, so it is counted apart.
			m.ProposedClaims++
			continue
		}
		if c.Negated {
			m.Negated++
		}
		if c.Hedged {
			m.Hedged++
		}
		k := pairKey{c.Sentence, c.Subject, c.Object}
		if _, ok := cands[k]; !ok {
			order = append(order, k)
		}
		cands[k] = append(cands[k], c)
	}
	m.Candidates = len(order)
	for _, k := range order {
		gs, ok := curated[k]
		if !ok {
			if _, rev := curated[pairKey{k.sentence, k.object, k.subject}]; rev {
				m.PairReversed++
			}
			m.FalsePositives = append(m.FalsePositives, cands[k][0])
			continue
		}
		m.PairHit++
		agree := false
		for _, c := range cands[k] {
			for _, g := range gs {
				agree = agree || g.Predicate == c.Predicate
			}
		}
		if agree {
			m.PredicateAgree++
		}
		for _, c := range cands[k] {
			if c.Sign == graph.Unsigned {
				continue
			}
			var signs []graph.Sign
			for _, g := range gs {
				if g.Sign != graph.Unsigned {
					signs = append(signs, g.Sign)
				}
			}
			if len(signs) > 0 {
				m.SignCompared++
				if slices.Contains(signs, c.Sign) {
					m.SignAgree++
				}
			}
		}
	}
	m.PairPrecision = ratio(m.PairHit, m.Candidates)
	m.PredicateAgreement = ratio(m.PredicateAgree, m.PairHit)

	mentioned := func(s int, id string) bool { return slices.Contains(gold.Mentions[s], id) }
	for _, g := range gold.Claims {
		hit := false
		reach := false
		for _, s := range g.Sentences {
			if _, ok := cands[pairKey{s, g.Subject, g.Object}]; ok {
				hit = true
			}
			if mentioned(s, g.Subject) && mentioned(s, g.Object) {
				reach = true
			}
		}
		m.AllGold++
		if hit {
			m.AllHit++
		}
		if !g.Stated || !slices.Contains(extractable, g.Predicate) || !reach {
			continue
		}
		m.Reachable++
		if hit {
			m.ReachableHit++
		} else {
			m.Misses = append(m.Misses, g)
		}
	}
	m.PairRecall, m.RecallAll = ratio(m.ReachableHit, m.Reachable), ratio(m.AllHit, m.AllGold)
	m.SignAgreement = ratio(m.SignAgree, m.SignCompared)
	return m
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
