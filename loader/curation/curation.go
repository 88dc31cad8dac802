package curation

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/loader/review"
	yaml "go.yaml.in/yaml/v3"
)

// Lexicon is the curated list of entities, shared by every review.
type Lexicon struct {
	Source   string
	Entities []*Entity
	byID     map[string]*Entity
}

// Entity is one lexicon entry.
type Entity struct {
	ID          string   `yaml:"id"`
	Category    string   `yaml:"category"`
	Kind        string   `yaml:"kind"`
	Name        string   `yaml:"name"`
	Synonyms    []string `yaml:"synonyms"`
	Xrefs       []string `yaml:"xrefs"`
	Description string   `yaml:"description"`
	// Broader lists entities this one is a kind of (alcohol use disorder
	// is a substance use disorder), so that a study about the broader
	// entity is not flagged as off-topic for a claim about the narrower.
	Broader []string `yaml:"broader"`
	Line    int      `yaml:"-"`
}

// Entity returns the entry with id, or nil.
func (l *Lexicon) Entity(id string) *Entity {
	if l == nil {
		return nil
	}
	return l.byID[id]
}

// Claims is one review's curated claims.
type Claims struct {
	Source     string
	Review     string        `yaml:"review"`
	Coverage   []string      `yaml:"coverage"`
	Claims     []*Claim      `yaml:"claims"`
	NonFactual []*NonFactual `yaml:"non_factual"`
	// Rejected lists extracted candidates curation refuses (see Rejection).
	Rejected []*Rejection `yaml:"rejected"`
}

// Claim is one curated assertion.
type Claim struct {
	ID         string          `yaml:"id"`
	Subject    string          `yaml:"subject"`
	Predicate  string          `yaml:"predicate"`
	Object     string          `yaml:"object"`
	Sign       string          `yaml:"sign"`
	Qualifiers ClaimQualifiers `yaml:"qualifiers"`
	Negated    bool            `yaml:"negated"`
	// Modality is how the text states the claim (graph.Modality); empty:
	// the build reads it from the quotes' cues (loader/build).
	Modality       string        `yaml:"modality"`
	Origin         string        `yaml:"origin"`
	KnowledgeLevel string        `yaml:"knowledge_level"`
	Evidence       []*ClaimQuote `yaml:"evidence"`
	Note           string        `yaml:"note"`
	// InferredFrom names the claims (ids in the same file) an inferred
	// claim is drawn from; see checkInferences.
	InferredFrom []string `yaml:"inferred_from"`
	Line         int      `yaml:"-"`
}

// ClaimQualifiers mirrors graph.Qualifiers in the seed files' spelling.
type ClaimQualifiers struct {
	Mechanism    string   `yaml:"mechanism"`
	Aspect       string   `yaml:"aspect"`
	CombinedWith []string `yaml:"combined_with"`
	TimePoint    string   `yaml:"time_point"`
	EffectSize   string   `yaml:"effect_size"`
	Comparator   string   `yaml:"comparator"`
	Disorder     string   `yaml:"disorder"`
	Population   string   `yaml:"population"`
	Location     string   `yaml:"location"`
}

// ClaimQuote is one piece of evidence: a verbatim quote and, optionally,
// the reference numbers it cites (nil: take the sentence's own citations).
type ClaimQuote struct {
	Quote string `yaml:"quote"`
	Cites *[]int `yaml:"cites"`
	Line  int    `yaml:"-"`
}

// NonFactual marks a sentence that needs no claim.
type NonFactual struct {
	Quote  string `yaml:"quote"`
	Reason string `yaml:"reason"`
	Line   int    `yaml:"-"`
}

var (
	curiePattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_.-]*:[^\s]+$`)
	claimIDRe    = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	KnownPrefix  = map[string]bool{"CHEBI": true, "MONDO": true, "UBERON": true, "HGNC": true, "MESH": true, "DOID": true,
		"DRUGBANK": true, "HP": true, "CHEMBL": true, "GO": true, "FPLX": true, "NCBIGene": true, "UniProtKB": true, "UMLS": true, "KAP": true}
)

// checkText applies the checks every seed YAML file shares.
func checkText(path string, data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return &review.SourceError{File: path, Line: 1, Msg: "file is empty"}
	}
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:review.FirstInvalid(data)], []byte("\n"))
		return &review.SourceError{File: path, Line: line, Msg: "file is not valid UTF-8"}
	}
	return nil
}

var yamlLineRe = regexp.MustCompile(`line (\d+): (.*)`)

// YAMLError turns a YAML library error into a SourceError naming the line.
func YAMLError(path string, err error) error {
	var te *yaml.TypeError
	msg := err.Error()
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	if m := yamlLineRe.FindStringSubmatch(msg); m != nil {
		var line int
		fmt.Sscan(m[1], &line)
		return &review.SourceError{File: path, Line: line, Msg: m[2]}
	}
	return &review.SourceError{File: path, Line: 1, Msg: strings.TrimPrefix(msg, "yaml: ")}
}

// decodeStrict decodes YAML refusing unknown fields, and also returns the
// document tree so callers can find the line of each list item.
func decodeStrict(path string, data []byte, v any) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		return nil, YAMLError(path, err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, YAMLError(path, err)
	}
	return &root, nil
}

// ItemLines returns the line of each item of the sequence under key in
// a YAML mapping document.
func ItemLines(root *yaml.Node, key string) []int {
	if root == nil || len(root.Content) == 0 {
		return nil
	}
	m := root.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			var lines []int
			for _, it := range m.Content[i+1].Content {
				lines = append(lines, it.Line)
			}
			return lines
		}
	}
	return nil
}

// subItemLines returns, for the item-th entry of the sequence under key,
// the lines of the entries of its sub-sequence sub.
func subItemLines(root *yaml.Node, key string, item int, sub string) []int {
	m := root.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value != key || item >= len(m.Content[i+1].Content) {
			continue
		}
		it := m.Content[i+1].Content[item]
		for j := 0; j+1 < len(it.Content); j += 2 {
			if it.Content[j].Value == sub {
				var lines []int
				for _, s := range it.Content[j+1].Content {
					lines = append(lines, s.Line)
				}
				return lines
			}
		}
	}
	return nil
}

// ReadLexicon reads and validates a lexicon file.
func ReadLexicon(path string) (*Lexicon, error) {
	data, err := review.ReadFile(os.DirFS(filepath.Dir(path)), filepath.Dir(path), filepath.Base(path), MaxSeedYAML)
	if err != nil {
		return nil, err
	}
	return ParseLexicon(path, data)
}

func ParseLexicon(path string, data []byte) (*Lexicon, error) {
	return ParseLexiconOver(path, data, nil)
}

// ParseLexiconOver parses a review's own lexicon, whose broader entities
// may be in base (the shared lexicon; nil for none).
func ParseLexiconOver(path string, data []byte, base *Lexicon) (*Lexicon, error) {
	if err := checkText(path, data); err != nil {
		return nil, err
	}
	var doc struct {
		Entities []*Entity `yaml:"entities"`
	}
	root, err := decodeStrict(path, data, &doc)
	if err != nil {
		return nil, err
	}
	lines := ItemLines(root, "entities")
	lex := &Lexicon{Source: path, Entities: doc.Entities, byID: map[string]*Entity{}}
	if len(doc.Entities) == 0 {
		return nil, &review.SourceError{File: path, Line: 1, Msg: "no entities: the file needs an `entities:` list"}
	}
	for i, e := range doc.Entities {
		if e == nil {
			return nil, &review.SourceError{File: path, Line: lines[i], Msg: "empty entity"}
		}
		e.Line = lines[i]
		fail := func(format string, args ...any) error {
			return &review.SourceError{File: path, Line: e.Line, Msg: fmt.Sprintf(format, args...)}
		}
		switch {
		case e.ID == "":
			return nil, fail("entity has no id")
		case !curiePattern.MatchString(e.ID):
			return nil, fail("entity id %q is not a CURIE (prefix:local)", e.ID)
		case !KnownPrefix[prefixOf(e.ID)]:
			return nil, fail("entity %s: unknown id prefix %q; valid: %s", e.ID, prefixOf(e.ID), strings.Join(KnownPrefixes(), ", "))
		case lex.byID[e.ID] != nil:
			return nil, fail("duplicate entity id %s (first at line %d)", e.ID, lex.byID[e.ID].Line)
		case e.Name == "":
			return nil, fail("entity %s has no name", e.ID)
		}
		cat := graph.Category(e.Category)
		if !cat.Valid() || !cat.Curated() {
			return nil, fail("entity %s: unknown category %q; valid: %s", e.ID, e.Category, strings.Join(CuratedCategories(), ", "))
		}
		if cat == graph.CategoryMechanism && !contains(graph.MechanismKinds, e.Kind) {
			return nil, fail("entity %s: a Mechanism needs a kind, one of %s", e.ID, strings.Join(graph.MechanismKinds, ", "))
		}
		for _, x := range e.Xrefs {
			if !curiePattern.MatchString(x) || !KnownPrefix[prefixOf(x)] {
				return nil, fail("entity %s: xref %q is not a CURIE with a known prefix", e.ID, x)
			}
		}
		lex.byID[e.ID] = e
	}
	for _, e := range lex.Entities {
		for _, b := range e.Broader {
			if lex.byID[b] == nil && base.Entity(b) == nil {
				return nil, &review.SourceError{File: path, Line: e.Line, Msg: fmt.Sprintf("entity %s: broader entity %s is not in the lexicon", e.ID, b)}
			}
		}
	}
	return lex, nil
}

func prefixOf(curie string) string { p, _, _ := strings.Cut(curie, ":"); return p }

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// ReadClaims reads a claims file and checks what can be checked without
// the review: field values and references to the lexicon.
func ReadClaims(path string, lex *Lexicon) (*Claims, error) {
	data, err := review.ReadFile(os.DirFS(filepath.Dir(path)), filepath.Dir(path), filepath.Base(path), MaxSeedYAML)
	if err != nil {
		return nil, err
	}
	return ParseClaims(path, data, lex)
}

func ParseClaims(path string, data []byte, lex *Lexicon) (*Claims, error) {
	if err := checkText(path, data); err != nil {
		return nil, err
	}
	c := &Claims{}
	root, err := decodeStrict(path, data, c)
	if err != nil {
		return nil, err
	}
	c.Source = path
	if c.Review == "" {
		return nil, &review.SourceError{File: path, Line: 1, Msg: "missing `review:` (the file name of the review these claims are about)"}
	}
	// Every claim is checked, so that one run names every mistake.
	var errs []error
	lines := ItemLines(root, "claims")
	seen := map[string]int{}
	for i, cl := range c.Claims {
		if cl == nil {
			errs = append(errs, &review.SourceError{File: path, Line: lines[i], Msg: "empty claim"})
			continue
		}
		cl.Line = lines[i]
		for j, ln := range subItemLines(root, "claims", i, "evidence") {
			if j < len(cl.Evidence) && cl.Evidence[j] != nil {
				cl.Evidence[j].Line = ln
			}
		}
		if err := checkClaim(cl, lex, seen); err != nil {
			errs = append(errs, &review.SourceError{File: path, Line: cl.Line, Msg: err.Error()})
		}
		if seen[cl.ID] == 0 {
			seen[cl.ID] = cl.Line
		}
	}
	for i, ln := range ItemLines(root, "non_factual") {
		nf := c.NonFactual[i]
		if nf == nil || strings.TrimSpace(nf.Quote) == "" {
			errs = append(errs, &review.SourceError{File: path, Line: ln, Msg: "non_factual entry needs a quote"})
			continue
		}
		nf.Line = ln
	}
	for i, ln := range ItemLines(root, "rejected") {
		r := c.Rejected[i]
		if r == nil {
			errs = append(errs, &review.SourceError{File: path, Line: ln, Msg: "empty rejected entry"})
			continue
		}
		r.Line = ln
		if err := CheckRejection(r, lex); err != nil {
			errs = append(errs, &review.SourceError{File: path, Line: ln, Msg: err.Error()})
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return c, nil
}

func checkClaim(cl *Claim, lex *Lexicon, seen map[string]int) error {
	switch {
	case cl.ID == "":
		return errors.New("claim has no id")
	case !claimIDRe.MatchString(cl.ID):
		return fmt.Errorf("claim id %q must be lower-case kebab-case", cl.ID)
	case seen[cl.ID] != 0:
		return fmt.Errorf("duplicate claim id %s (first at line %d)", cl.ID, seen[cl.ID])
	}
	p := graph.Predicate(cl.Predicate)
	if !p.Valid() || !p.Curated() {
		return fmt.Errorf("claim %s: unknown predicate %q; valid: %s", cl.ID, cl.Predicate, strings.Join(CuratedPredicates(), ", "))
	}
	for _, end := range []struct{ what, id string }{{"subject", cl.Subject}, {"object", cl.Object}} {
		if end.id == "" {
			return fmt.Errorf("claim %s has no %s", cl.ID, end.what)
		}
		if lex.Entity(end.id) == nil {
			return fmt.Errorf("claim %s: unknown entity %s as %s (not in the lexicon)", cl.ID, end.id, end.what)
		}
	}
	q := cl.Qualifiers
	for _, ref := range append([]string{q.Disorder, q.Population, q.Location}, q.CombinedWith...) {
		if ref != "" && lex.Entity(ref) == nil {
			return fmt.Errorf("claim %s: unknown entity %s in qualifiers", cl.ID, ref)
		}
	}
	if q.Disorder != "" && lex.Entity(q.Disorder).Category != string(graph.CategoryDisorder) {
		return fmt.Errorf("claim %s: qualifier disorder %s is not a Disorder", cl.ID, q.Disorder)
	}
	switch m := graph.Modality(cl.Modality); {
	case m != "" && !m.Valid():
		return fmt.Errorf("claim %s: unknown modality %q; valid: ASSERTED, HEDGED, NEGATED, PROPOSED", cl.ID, cl.Modality)
	case m != "" && cl.Negated && m != graph.ModalityNegated:
		return fmt.Errorf("claim %s: negated: true is modality NEGATED, not %s", cl.ID, m)
	}
	switch s := graph.Sign(cl.Sign); {
	case p.Signed() && p.SignOpen() && s == graph.Unsigned:
		// the text gives no direction ("alters"): an unsigned effect
	case p.Signed() && s != graph.Increases && s != graph.Decreases:
		return fmt.Errorf("claim %s: %s needs sign: increases or decreases", cl.ID, p)
	case !p.Signed() && s != graph.Unsigned:
		return fmt.Errorf("claim %s: %s takes no sign", cl.ID, p)
	}
	switch cl.Origin {
	case "stated":
	case "inferred":
		if strings.TrimSpace(cl.Note) == "" {
			return fmt.Errorf("claim %s: an inferred claim needs a note saying what it rests on", cl.ID)
		}
	default:
		return fmt.Errorf("claim %s: origin must be stated or inferred, got %q", cl.ID, cl.Origin)
	}
	switch cl.KnowledgeLevel {
	case "", "knowledge_assertion", "observation", "statistical_association", "logical_entailment", "prediction":
	default:
		return fmt.Errorf("claim %s: unknown knowledge_level %q; valid: knowledge_assertion (the default), observation, statistical_association, logical_entailment, prediction", cl.ID, cl.KnowledgeLevel)
	}
	if len(cl.Evidence) == 0 {
		return fmt.Errorf("claim %s has no evidence: quote the sentence it rests on", cl.ID)
	}
	for _, ev := range cl.Evidence {
		if ev == nil || strings.TrimSpace(ev.Quote) == "" {
			return fmt.Errorf("claim %s: evidence needs a quote", cl.ID)
		}
	}
	return nil
}
