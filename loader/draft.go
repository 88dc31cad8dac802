// Drafts: `kapgraph draft` turns what the extraction rules find in a
// review nobody has curated into curation files a person reviews, rather
// than writing YAML from a blank page.

package loader

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/kapgraph/kapgraph/loader/build"
	"github.com/kapgraph/kapgraph/loader/curation"
	"github.com/kapgraph/kapgraph/loader/review"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/loader/extract"
	yaml "go.yaml.in/yaml/v3"
)

// Draft file suffixes. The loader reads neither, so a seeds directory
// keeps loading while a draft waits for review; AcceptDrafts moves them
// into place.
const (
	DraftClaimsSuffix  = ".claims.draft.yaml"
	DraftLexiconSuffix = ".lexicon.draft.yaml"
)

// DraftResult says what Draft wrote for one review.
type DraftResult struct {
	Review      string `json:"review"`
	ClaimsFile  string `json:"claimsFile"`
	LexiconFile string `json:"lexiconFile,omitempty"` // empty: nothing to propose
	Claims      int    `json:"claims"`
	Entities    int    `json:"entities"`
}

// DraftDir writes, for each review of dir that has no claims file, a draft
// claims file holding the extraction candidates (quotes and line numbers
// as comments) and a draft lexicon addition holding the entities the
// rules proposed. It refuses to overwrite a draft unless force is set.
func DraftDir(dir string, force bool) ([]DraftResult, error) {
	fsys := os.DirFS(dir)
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", dir, err)
	}
	var lex *curation.Lexicon
	if _, err := os.Stat(filepath.Join(dir, LexiconFile)); err == nil {
		if lex, err = curation.ReadLexicon(filepath.Join(dir, LexiconFile)); err != nil {
			return nil, err
		}
	}
	curated := map[string]bool{}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ClaimsSuffix) {
			c, err := curation.ReadClaims(filepath.Join(dir, e.Name()), lex)
			if err != nil {
				return nil, err
			}
			curated[c.Review] = true
		}
	}
	var out []DraftResult
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ReviewSuffix) || curated[name] {
			continue
		}
		base := strings.TrimSuffix(name, ReviewSuffix)
		claimsPath, lexPath := filepath.Join(dir, base+DraftClaimsSuffix), filepath.Join(dir, base+DraftLexiconSuffix)
		if !force {
			for _, p := range []string{claimsPath, lexPath} {
				if _, err := os.Stat(p); err == nil {
					return nil, fmt.Errorf("%s exists: review or remove it first, or pass --force to overwrite it", p)
				}
			}
		}
		rev, err := review.ReadReview(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		claimsYAML, lexYAML, res := draftReview(rev, name, lex)
		if err := os.WriteFile(claimsPath, claimsYAML, 0o644); err != nil {
			return nil, err
		}
		r := DraftResult{Review: name, ClaimsFile: claimsPath, Claims: res.claims, Entities: res.entities}
		if lexYAML != nil {
			if err := os.WriteFile(lexPath, lexYAML, 0o644); err != nil {
				return nil, err
			}
			r.LexiconFile = lexPath
		} else if force {
			os.Remove(lexPath)
		}
		out = append(out, r)
	}
	return out, nil
}

type draftCounts struct{ claims, entities int }

// draftClaim is one claim of a draft: candidates on the same triple, sign
// and negation, from one or more sentences.
type draftClaim struct {
	c         extract.Candidate
	hedged    bool
	sentences []int
	cues      []string
}

// draftReview renders the two draft files of one review.
func draftReview(rev *review.Review, name string, lex *curation.Lexicon) (claimsYAML, lexYAML []byte, n draftCounts) {
	res := build.Extract(rev, lex, true)
	names := map[string]string{}
	if lex != nil {
		for _, e := range lex.Entities {
			names[e.ID] = e.Name
		}
	}
	for id, s := range res.Proposed {
		names[id] = s
	}
	// Group candidates.
	var order []string
	groups := map[string]*draftClaim{}
	for _, c := range res.Candidates {
		k := fmt.Sprintf("%s\x00%s\x00%s\x00%s\x00%t\x00%s", c.Subject, c.Predicate, c.Object, c.Sign, c.Negated, c.Modality)
		g := groups[k]
		if g == nil {
			g = &draftClaim{c: c, hedged: true}
			groups[k] = g
			order = append(order, k)
		}
		g.hedged = g.hedged && c.Hedged
		if !slices.Contains(g.sentences, c.Sentence) {
			g.sentences = append(g.sentences, c.Sentence)
		}
		if c.Cue != "" && !slices.Contains(g.cues, c.Cue) {
			g.cues = append(g.cues, c.Cue)
		}
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, `# Draft claims for %s, written by kapgraph draft from the extraction
# rules' candidates. For each claim: keep it as it is (accept), edit it, or
# delete it and list it under rejected: with a reason (the graph then keeps
# the candidate out). Entity ids KAP:proposed-* are in %s%s:
# map them there to verified ontology ids where one exists.
# When done: kapgraph draft --accept DIR, then kapgraph validate DIR.
# Every field and its allowed values: docs/curation.md; JSON Schema:
# kapgraph schema claims.

review: %s

claims:
`, name, strings.TrimSuffix(name, ReviewSuffix), DraftLexiconSuffix, name)
	used := map[string]int{}
	for _, k := range order {
		g := groups[k]
		c := g.c
		id := claimSlug(names, c)
		used[id]++
		if used[id] > 1 {
			id = fmt.Sprintf("%s-%d", id, used[id])
		}
		level := "knowledge_assertion"
		if g.hedged {
			level = "prediction"
		}
		fmt.Fprintf(&b, "\n  # %s: cue %s", strings.Join(strings.Fields(fmt.Sprintf("%s %s %s %s", names[c.Subject], c.Predicate, c.Sign, names[c.Object])), " "), strings.Join(build.QuoteAll(g.cues), ", "))
		if g.hedged {
			fmt.Fprint(&b, "; the sentence hedges it")
		}
		if c.Negated {
			fmt.Fprint(&b, "; the sentence negates it")
		}
		fmt.Fprintf(&b, "\n  - id: %s\n    subject: %s\n    predicate: %s\n    object: %s\n", id, c.Subject, c.Predicate, c.Object)
		if c.Sign != graph.Unsigned {
			fmt.Fprintf(&b, "    sign: %s\n", c.Sign)
		}
		if c.Negated {
			fmt.Fprint(&b, "    negated: true\n")
		} else if c.Modality == graph.ModalityProposed {
			// A call for research or a recommendation: a claim the
			// review makes, but not a finding.
			fmt.Fprint(&b, "    modality: PROPOSED\n")
		}
		fmt.Fprintf(&b, "    origin: stated\n    knowledge_level: %s\n    evidence:\n", level)
		for _, si := range g.sentences {
			p := rev.Passages[si]
			fmt.Fprintf(&b, "      # %s:%d, section %q\n      - quote: %s\n", name, p.Line, rev.Sections[p.Section].Title, yamlQuoted(p.Text))
		}
		n.claims++
	}
	if n.claims == 0 {
		b.WriteString("  []\n")
	}
	b.WriteString("\n# Candidates to keep out of the graph: subject, predicate, object\n# (sign, quote) and a reason.\nrejected: []\n")

	// Proposed entities, in order of first mention.
	type prop struct {
		m        extract.Mention
		synonyms []string
	}
	var props []*prop
	byID := map[string]*prop{}
	for _, m := range res.Mentions {
		if !m.Proposed {
			continue
		}
		p := byID[m.ID]
		if p == nil {
			p = &prop{m: m}
			byID[m.ID] = p
			props = append(props, p)
		}
		// A possessive of the name ("ketamine's") is the name, not a
		// synonym: the matcher finds the name inside it anyway.
		surface := strings.ToLower(strings.ReplaceAll(m.Surface, "\u2019", "'"))
		possessive := surface == strings.ToLower(names[m.ID])+"'s" || surface == strings.ToLower(names[m.ID])+"'"
		if !possessive && !strings.EqualFold(m.Surface, names[m.ID]) && !slices.ContainsFunc(p.synonyms, func(s string) bool { return strings.EqualFold(s, m.Surface) }) {
			p.synonyms = append(p.synonyms, m.Surface)
		}
	}
	if len(props) == 0 {
		return b.Bytes(), nil, n
	}
	var l bytes.Buffer
	fmt.Fprintf(&l, `# Proposed lexicon entries for %s, written by kapgraph draft: the
# entities the extraction rules found that lexicon.yaml lacks. For each: use
# a verified ontology id where one exists (never invent one) or keep a KAP:
# id, fix category, kind and name, add synonyms; delete wrong ones (and the
# claims that use them). kapgraph draft --accept DIR appends them to
# lexicon.yaml. Fields: docs/curation.md; JSON Schema: kapgraph schema lexicon.

entities:
`, name)
	for _, p := range props {
		m := p.m
		fmt.Fprintf(&l, "\n  # pattern %q, first at %s:%d\n  - id: %s\n    category: %s\n", m.Pattern, name, rev.Passages[m.Sentence].Line, m.ID, m.Category)
		if m.Category == graph.CategoryMechanism {
			kind := "psychological # a guess: receptor, neurochemical, signaling, plasticity, circuit or psychological"
			if m.Pattern == "X receptor" {
				kind = "receptor"
			}
			fmt.Fprintf(&l, "    kind: %s\n", kind)
		}
		fmt.Fprintf(&l, "    name: %s\n", yamlQuoted(names[m.ID]))
		if len(p.synonyms) > 0 {
			qs := make([]string, len(p.synonyms))
			for i, s := range p.synonyms {
				qs[i] = yamlQuoted(s)
			}
			fmt.Fprintf(&l, "    synonyms: [%s]\n", strings.Join(qs, ", "))
		}
		n.entities++
	}
	return b.Bytes(), l.Bytes(), n
}

// claimSlug names a drafted claim: subject, predicate (with sign), object.
func claimSlug(names map[string]string, c extract.Candidate) string {
	verb := strings.ToLower(strings.ReplaceAll(string(c.Predicate), "_", "-"))
	if c.Sign != graph.Unsigned {
		verb += "-" + string(c.Sign)
	}
	if c.Negated {
		verb = "not-" + verb
	} else if c.Modality == graph.ModalityProposed {
		verb = "proposed-" + verb
	}
	s := entitySlug(names, c.Subject) + "-" + verb + "-" + entitySlug(names, c.Object)
	return strings.Trim(s, "-")
}

func entitySlug(names map[string]string, id string) string {
	n := names[id]
	if n == "" {
		_, n, _ = strings.Cut(id, ":")
	}
	var b strings.Builder
	dash := false
	for _, r := range review.Fold(n) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.Trim(b.String(), "-")
}

// yamlQuoted writes s as a YAML double-quoted scalar (a JSON string is
// one), with no HTML escaping.
func yamlQuoted(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return strings.TrimSpace(b.String())
}

// AcceptDrafts moves every draft of dir into place: a draft claims file
// becomes <review>.claims.yaml, and a draft lexicon's entries are appended
// to lexicon.yaml (created when missing; entries whose id it already
// holds are left out). It checks the new lexicon before writing anything
// and returns the files it changed.
func AcceptDrafts(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", dir, err)
	}
	lexPath := filepath.Join(dir, LexiconFile)
	lexData, err := os.ReadFile(lexPath)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	have := map[string]bool{}
	if len(lexData) > 0 {
		lex, err := curation.ParseLexicon(lexPath, lexData)
		if err != nil {
			return nil, err
		}
		for _, e := range lex.Entities {
			have[e.ID] = true
		}
	} else {
		lexData = []byte("# kapgraph lexicon (docs/curation.md).\n\nentities:\n")
	}
	var lexDrafts, claimDrafts []string
	for _, e := range entries {
		switch n := e.Name(); {
		case strings.HasSuffix(n, DraftLexiconSuffix):
			lexDrafts = append(lexDrafts, n)
		case strings.HasSuffix(n, DraftClaimsSuffix):
			claimDrafts = append(claimDrafts, n)
		}
	}
	sort.Strings(lexDrafts)
	sort.Strings(claimDrafts)
	if len(lexDrafts)+len(claimDrafts) == 0 {
		return nil, fmt.Errorf("%s holds no drafts (*%s, *%s): run kapgraph draft first", dir, DraftClaimsSuffix, DraftLexiconSuffix)
	}
	added := bytes.TrimRight(lexData, "\n")
	added = append(added, '\n')
	for _, n := range lexDrafts {
		data, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			return nil, err
		}
		items, err := draftEntities(filepath.Join(dir, n), data)
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			if have[it.id] {
				continue
			}
			have[it.id] = true
			added = append(added, '\n')
			added = append(added, it.text...)
		}
	}
	if len(lexDrafts) > 0 {
		if _, err := curation.ParseLexicon(lexPath, added); err != nil {
			return nil, fmt.Errorf("the lexicon with the drafts' entries would not be valid, nothing was changed: %w", err)
		}
	}
	for _, n := range claimDrafts {
		target := filepath.Join(dir, strings.TrimSuffix(n, DraftClaimsSuffix)+ClaimsSuffix)
		if _, err := os.Stat(target); err == nil {
			return nil, fmt.Errorf("%s exists: merge %s into it by hand; nothing was changed", target, n)
		}
	}
	var changed []string
	if len(lexDrafts) > 0 {
		if err := os.WriteFile(lexPath, added, 0o644); err != nil {
			return nil, err
		}
		changed = append(changed, lexPath)
		for _, n := range lexDrafts {
			if err := os.Remove(filepath.Join(dir, n)); err != nil {
				return changed, err
			}
		}
	}
	for _, n := range claimDrafts {
		target := filepath.Join(dir, strings.TrimSuffix(n, DraftClaimsSuffix)+ClaimsSuffix)
		if err := os.Rename(filepath.Join(dir, n), target); err != nil {
			return changed, err
		}
		changed = append(changed, target)
	}
	return changed, nil
}

type draftEntity struct {
	id   string
	text []byte // the list item as the draft writes it, comments included
}

// draftEntities cuts a draft lexicon into its list items as text, so that
// the curator's comments and layout survive the move into lexicon.yaml.
func draftEntities(path string, data []byte) ([]draftEntity, error) {
	if _, err := curation.ParseLexicon(path, data); err != nil {
		return nil, err
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, curation.YAMLError(path, err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	starts := curation.ItemLines(&root, "entities")
	var out []draftEntity
	m := root.Content[0]
	var items []*yaml.Node
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "entities" {
			items = m.Content[i+1].Content
		}
	}
	for i, it := range items {
		from := starts[i] - 1 // 0-based line of "  - id:"
		for from > 0 && strings.HasPrefix(strings.TrimSpace(lines[from-1]), "#") && strings.HasPrefix(lines[from-1], "  ") {
			from-- // the item's own comment lines
		}
		to := len(lines)
		if i+1 < len(items) {
			to = starts[i+1] - 1
			for to > from && (strings.TrimSpace(lines[to-1]) == "" || strings.HasPrefix(strings.TrimSpace(lines[to-1]), "#") && strings.HasPrefix(lines[to-1], "  ")) {
				to--
			}
		}
		var id string
		for j := 0; j+1 < len(it.Content); j += 2 {
			if it.Content[j].Value == "id" {
				id = it.Content[j+1].Value
			}
		}
		text := strings.TrimRight(strings.Join(lines[from:to], ""), "\n") + "\n"
		out = append(out, draftEntity{id: id, text: []byte(text)})
	}
	return out, nil
}
