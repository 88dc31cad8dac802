// The blind evaluation sets: reviews annotated line by line by people who
// never read these rules (testdata/eval/FORMAT.md), scored with nothing but
// the review's text: no lexicon, no curated claims.

package extract

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/kapgraph/kapgraph/graph"
)

// GoldEntity is one entity of an evaluation review.
type GoldEntity struct {
	Name     string   `yaml:"name"`
	Category string   `yaml:"category"`
	Surfaces []string `yaml:"surfaces"`
	Lines    []int    `yaml:"lines"`
}

// GoldStatement is one annotated claim of an evaluation review.
type GoldStatement struct {
	Line       int               `yaml:"line"`
	Quote      string            `yaml:"quote"`
	Subject    string            `yaml:"subject"`
	Object     string            `yaml:"object"`
	Predicate  string            `yaml:"predicate"`
	Sign       string            `yaml:"sign"`
	Modality   string            `yaml:"modality"`
	Qualifiers map[string]string `yaml:"qualifiers"`
}

// GoldSet is one evaluation review's annotation (a .gold.yaml file).
type GoldSet struct {
	Review   string          `yaml:"review"`
	Entities []GoldEntity    `yaml:"entities"`
	Claims   []GoldStatement `yaml:"claims"`
}

// ReadGoldSet reads a .gold.yaml file; a claim naming an entity the file
// does not list is an error naming the file and the claim's line, since it
// would silently drop out of the measurement.
func ReadGoldSet(path string) (*GoldSet, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read gold set: %w", err)
	}
	var g GoldSet
	if err := yaml.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	names := map[string]bool{}
	for _, e := range g.Entities {
		names[e.Name] = true
	}
	for _, c := range g.Claims {
		for _, n := range []string{c.Subject, c.Object} {
			if !names[n] {
				return nil, fmt.Errorf("%s: claim at review line %d names %q, which no entity lists", path, c.Line, n)
			}
		}
	}
	return &g, nil
}

// SetMetrics are the counts of one review (or, added up, of a set). Every
// figure is micro-averaged from these counts, so a set's figure weighs each
// entity and pair once, not each review.
//
// Entities: a gold entity is found when an extracted mention's surface
// equals one of its surfaces after folding (case, accents, plurals,
// hyphen/space, a leading article): a longer or shorter span does not
// count. An extracted entity (one id) is right when one of its surfaces
// matches a gold entity's.
//
// Claim pairs: ordered (subject, object) of gold entities, per review;
// population ends are excluded (they qualify claims). An extracted pair is
// right when its two ends' surfaces match the two gold entities. Sign
// agreement is over matched pairs with a signed candidate and a signed gold
// claim. A negated gold pair served as a signed ASSERTED (or HEDGED)
// candidate is a violation.
type SetMetrics struct {
	GoldEntities, EntitiesFound     int // recall: found of gold
	Extracted, ExtractedRight       int // precision: right of extracted
	GoldPairs, PairsFound           int
	ExtractedPairs, PairsRight      int
	SignCompared, SignAgree         int
	NegatedServedSigned             int
	ModalityCompared, ModalityAgree int
	// QualifiersGold counts the qualifiers (population, species,
	// comparator, time, dose) the gold gives on matched pairs;
	// QualifiersFound those a candidate of the pair gives alike (one
	// folded value containing the other).
	QualifiersGold, QualifiersFound int
	MissedEntities                  []string
	ExtraEntities                   []string
	MissedPairs                     []string
	WrongPairs                      []string
	NegatedSigned                   []string // the negated findings served signed
	ModalityMisses                  []string // matched pairs whose candidate modality the gold does not give
	QualifierMisses                 []string // "key: gold value | what the pair's candidates gave"
}

// Add sums counts (the lists are not carried: a set's report prints
// aggregates only).
func (m *SetMetrics) Add(o SetMetrics) {
	m.GoldEntities += o.GoldEntities
	m.EntitiesFound += o.EntitiesFound
	m.Extracted += o.Extracted
	m.ExtractedRight += o.ExtractedRight
	m.GoldPairs += o.GoldPairs
	m.PairsFound += o.PairsFound
	m.ExtractedPairs += o.ExtractedPairs
	m.PairsRight += o.PairsRight
	m.SignCompared += o.SignCompared
	m.SignAgree += o.SignAgree
	m.NegatedServedSigned += o.NegatedServedSigned
	m.ModalityCompared += o.ModalityCompared
	m.ModalityAgree += o.ModalityAgree
	m.QualifiersGold += o.QualifiersGold
	m.QualifiersFound += o.QualifiersFound
}

// Figures.
func (m SetMetrics) EntityRecall() float64    { return ratio(m.EntitiesFound, m.GoldEntities) }
func (m SetMetrics) EntityPrecision() float64 { return ratio(m.ExtractedRight, m.Extracted) }
func (m SetMetrics) PairRecall() float64      { return ratio(m.PairsFound, m.GoldPairs) }
func (m SetMetrics) PairPrecision() float64   { return ratio(m.PairsRight, m.ExtractedPairs) }
func (m SetMetrics) SignAgreement() float64   { return ratio(m.SignAgree, m.SignCompared) }

// surfaceKey folds a surface for comparison: the stemmed tokens, without a
// leading article.
func surfaceKey(s string) string {
	ws := stems(s)
	if len(ws) > 1 && (ws[0] == "the" || ws[0] == "a" || ws[0] == "an") {
		ws = ws[1:]
	}
	return strings.Join(ws, " ")
}

// ScoreGoldSet scores an extraction result on one annotated review.
func ScoreGoldSet(g *GoldSet, res Result) SetMetrics {
	var m SetMetrics
	// surface -> gold entity names; populations are entities too.
	bySurface := map[string][]string{}
	category := map[string]string{}
	for _, e := range g.Entities {
		category[e.Name] = e.Category
		for _, s := range append([]string{e.Name}, e.Surfaces...) {
			k := surfaceKey(s)
			if k != "" && !slices.Contains(bySurface[k], e.Name) {
				bySurface[k] = append(bySurface[k], e.Name)
			}
		}
	}
	// extracted id -> gold names its surfaces match.
	idGold := map[string][]string{}
	var ids []string
	for _, mm := range res.Mentions {
		if _, seen := idGold[mm.ID]; !seen {
			ids = append(ids, mm.ID)
			idGold[mm.ID] = nil
		}
		for _, n := range bySurface[surfaceKey(mm.Surface)] {
			if !slices.Contains(idGold[mm.ID], n) {
				idGold[mm.ID] = append(idGold[mm.ID], n)
			}
		}
	}
	found := map[string]bool{}
	for _, id := range ids {
		m.Extracted++
		if len(idGold[id]) > 0 {
			m.ExtractedRight++
		} else {
			m.ExtraEntities = append(m.ExtraEntities, firstSurface(res, id))
		}
		for _, n := range idGold[id] {
			found[n] = true
		}
	}
	for _, e := range g.Entities {
		m.GoldEntities++
		if found[e.Name] {
			m.EntitiesFound++
		} else {
			m.MissedEntities = append(m.MissedEntities, e.Name)
		}
	}

	type pair struct{ s, o string }
	gold := map[pair][]GoldStatement{}
	var goldOrder []pair
	for _, c := range g.Claims {
		if category[c.Subject] == "Population" || category[c.Object] == "Population" {
			continue
		}
		p := pair{c.Subject, c.Object}
		if _, ok := gold[p]; !ok {
			goldOrder = append(goldOrder, p)
		}
		gold[p] = append(gold[p], c)
	}
	m.GoldPairs = len(gold)
	type idPair struct{ s, o string }
	cands := map[idPair][]Candidate{}
	var candOrder []idPair
	for _, c := range res.Candidates {
		k := idPair{c.Subject, c.Object}
		if _, ok := cands[k]; !ok {
			candOrder = append(candOrder, k)
		}
		cands[k] = append(cands[k], c)
	}
	hit := map[pair]bool{}
	for _, k := range candOrder {
		m.ExtractedPairs++
		var matched []pair
		for _, s := range idGold[k.s] {
			for _, o := range idGold[k.o] {
				if _, ok := gold[pair{s, o}]; ok {
					matched = append(matched, pair{s, o})
				}
			}
		}
		if len(matched) == 0 {
			m.WrongPairs = append(m.WrongPairs, fmt.Sprintf("%s -> %s (%q)", firstSurface(res, k.s), firstSurface(res, k.o), shortText(cands[k][0].Text)))
			continue
		}
		m.PairsRight++
		for _, p := range matched {
			hit[p] = true
		}
		gs := gold[matched[0]]
		m.scoreQualifiers(res, cands[k], gs)
		before := m.ModalityCompared - m.ModalityAgree
		served := m.scoreSigns(cands[k], gs)
		if m.ModalityCompared-m.ModalityAgree > before {
			m.ModalityMisses = append(m.ModalityMisses, fmt.Sprintf("%s -> %s %s, gold %s (%q)", matched[0].s, matched[0].o,
				cands[k][0].Modality, gs[0].Modality, shortText(cands[k][0].Text)))
		}
		if served {
			m.NegatedSigned = append(m.NegatedSigned, fmt.Sprintf("%s -> %s (%q)", matched[0].s, matched[0].o, shortText(cands[k][0].Text)))
		}
	}
	for _, p := range goldOrder {
		if hit[p] {
			m.PairsFound++
		} else {
			m.MissedPairs = append(m.MissedPairs, fmt.Sprintf("%s -> %s (line %d)", p.s, p.o, gold[p][0].Line))
		}
	}
	return m
}

// scoreSigns compares a matched pair's candidates with its gold claims and
// reports a negated finding served as a signed effect.
func (m *SetMetrics) scoreSigns(cs []Candidate, gs []GoldStatement) bool {
	var signs []graph.Sign
	negated, otherwise := false, false
	var modalities []string
	for _, g := range gs {
		switch g.Sign {
		case "increases":
			signs = append(signs, graph.Increases)
		case "decreases":
			signs = append(signs, graph.Decreases)
		}
		if g.Modality == "negated" {
			negated = true
		} else {
			otherwise = true
		}
		modalities = append(modalities, strings.ToUpper(g.Modality))
	}
	signedAssert := false
	for _, c := range cs {
		if c.Modality != graph.ModalityNegated && c.Sign != graph.Unsigned {
			signedAssert = true
		}
		m.ModalityCompared++
		if slices.Contains(modalities, string(c.Modality)) {
			m.ModalityAgree++
		}
		if c.Sign != graph.Unsigned && len(signs) > 0 && c.Modality != graph.ModalityNegated {
			m.SignCompared++
			if slices.Contains(signs, c.Sign) {
				m.SignAgree++
			}
		}
	}
	if negated && !otherwise && signedAssert {
		m.NegatedServedSigned++
		return true
	}
	return false
}

func firstSurface(res Result, id string) string {
	for _, mm := range res.Mentions {
		if mm.ID == id {
			return mm.Surface
		}
	}
	return id
}

func shortText(s string) string {
	r := []rune(s)
	if len(r) > 90 {
		return string(r[:89]) + "…"
	}
	return s
}

// scoreQualifiers compares the qualifiers of a matched pair's gold claims
// with its candidates'.
func (m *SetMetrics) scoreQualifiers(res Result, cs []Candidate, gs []GoldStatement) {
	seen := map[string]bool{}
	for _, g := range gs {
		for key, want := range g.Qualifiers {
			if want == "" || seen[key+"\x00"+want] {
				continue
			}
			seen[key+"\x00"+want] = true
			m.QualifiersGold++
			w := surfaceKey(want)
			found := false
			var gave []string
			for _, c := range cs {
				var got string
				switch key {
				case "population", "species":
					if c.Qualifiers.Population != "" {
						got = firstSurface(res, c.Qualifiers.Population)
					}
				case "comparator":
					got = c.Qualifiers.Comparator
					if strings.Contains(got, ":") {
						got = firstSurface(res, got)
					}
				case "time":
					got = c.Qualifiers.Time
				case "dose":
					got = c.Qualifiers.Dose
				}
				if g := surfaceKey(got); g != "" && (strings.Contains(g, w) || strings.Contains(w, g)) {
					m.QualifiersFound++
					found = true
					break
				}
				gave = append(gave, got)
			}
			if !found {
				m.QualifierMisses = append(m.QualifierMisses, fmt.Sprintf("%s: %q | %q (%q)", key, want, gave, shortText(cs[0].Text)))
			}
		}
	}
}
