package parseeval

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/kapgraph/kapgraph/loader/extract"
)

// Save writes the parse of one review (the fields this package reads).
func Save(dir, name string, d *Document) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("save parse: %w", err)
	}
	b, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("save parse: %w", err)
	}
	return os.WriteFile(filepath.Join(dir, strings.TrimSuffix(name, ".txt")+".corenlp.json"), b, 0o644)
}

// anaphor: a pronoun or a demonstrative/definite noun phrase that names
// its referent elsewhere ("this drug", "these agents", "the compound").
var anaphor = regexp.MustCompile(`(?i)\b(it|its|they|their|them|this|these|those|both|the (drug|compound|agent|medication|treatment)s?)\b`)

// CorefScores count the gold claims whose subject the sentence names only
// by an anaphor, and how each reading resolves them.
type CorefScores struct {
	Anaphoric  int // gold claims whose subject's surfaces are absent from the sentence, which has an anaphor
	CorefRight int // an anaphor of the sentence is in a CoreNLP chain with a mention naming the gold subject
	CorefWrong int // an anaphor of the sentence is chained, but to no mention naming the gold subject
	CorefNone  int // no anaphor of the sentence is in any chain
	RulesRight int // a rules candidate of the sentence has the gold subject
	CPUms      float64
	Chars      int
	Examples   []string
}

// Add sums counts.
func (c *CorefScores) Add(o CorefScores) {
	c.Anaphoric += o.Anaphoric
	c.CorefRight += o.CorefRight
	c.CorefWrong += o.CorefWrong
	c.CorefNone += o.CorefNone
	c.RulesRight += o.RulesRight
	c.CPUms += o.CPUms
	c.Chars += o.Chars
	c.Examples = append(c.Examples, o.Examples...)
}

// Write prints the coreference figures.
func (c CorefScores) Write(w io.Writer) {
	fmt.Fprintf(w, "Coreference (%s): %d dev gold claims name their subject only by an anaphor in the sentence.\n", CorefAnnotators, c.Anaphoric)
	fmt.Fprintf(w, "- CoreNLP coref resolves the anaphor to the gold subject: %d (%s); to something else: %d; leaves it unresolved: %d\n",
		c.CorefRight, pct(c.CorefRight, c.Anaphoric), c.CorefWrong, c.CorefNone)
	fmt.Fprintf(w, "- the rules (anaphora.go) give the sentence a candidate with the gold subject: %d (%s)\n", c.RulesRight, pct(c.RulesRight, c.Anaphoric))
	fmt.Fprintf(w, "- coref cost: %.0f CPU ms in all, %.1f CPU ms/page\n", c.CPUms, c.CPUms/(float64(c.Chars)/3000))
	for _, e := range c.Examples {
		fmt.Fprintf(w, "  - %s\n", e)
	}
}

// MeasureCoref runs the coreference pipeline on a review and checks each
// anaphoric gold claim.
func MeasureCoref(ctx context.Context, c Client, r Review, res extract.Result, sc *Scores) (CorefScores, error) {
	cs := CorefScores{Chars: r.Chars}
	texts := make([]string, len(r.Sents))
	for i, s := range r.Sents {
		texts[i] = s.Text
	}
	doc, err := c.Annotate(ctx, CorefAnnotators, texts)
	if err != nil {
		return cs, fmt.Errorf("%s: coref: %w", r.Name, err)
	}
	cs.CPUms = doc.CPUms
	parse := DeriveAll(r.Sents, texts, doc, res.Mentions, antecedents(doc, texts, r.Sents, res.Mentions))
	sc.ParseCoref = extract.ScoreGoldSet(r.Gold, withCandidates(res, parse))
	sc.UnionCoref = extract.ScoreGoldSet(r.Gold, withCandidates(res, Union(res.Candidates, parse)))
	sc.HasCoref = true
	surfaces := map[string][]string{}
	for _, e := range r.Gold.Entities {
		for _, s := range append([]string{e.Name}, e.Surfaces...) {
			surfaces[e.Name] = append(surfaces[e.Name], strings.ToLower(s))
		}
	}
	names := func(text, entity string) bool {
		t := strings.ToLower(text)
		for _, s := range surfaces[entity] {
			if s != "" && strings.Contains(t, s) {
				return true
			}
		}
		return false
	}
	idSurface := map[string][]string{}
	for _, m := range res.Mentions {
		idSurface[m.ID] = append(idSurface[m.ID], m.Surface)
	}
	for _, g := range r.Gold.Claims {
		si := sentenceOf(r.Sents, g)
		if si < 0 {
			continue
		}
		text := r.Sents[si].Text
		if names(text, g.Subject) || !anaphor.MatchString(text) {
			continue
		}
		cs.Anaphoric++
		for _, cand := range res.Candidates {
			if cand.Sentence == r.Sents[si].Index && slicesAny(idSurface[cand.Subject], func(s string) bool { return names(s, g.Subject) }) {
				cs.RulesRight++
				break
			}
		}
		verdict := "unresolved"
		for _, chain := range doc.Corefs {
			inSent := false
			for _, m := range chain {
				if m.Sentence == si+1 && anaphor.MatchString(m.Text) {
					inSent = true
				}
			}
			if !inSent {
				continue
			}
			right := false
			for _, m := range chain {
				if m.Sentence != si+1 && names(m.Text, g.Subject) {
					right = true
				}
			}
			if right {
				verdict = "right"
				break
			}
			verdict = "wrong"
		}
		switch verdict {
		case "right":
			cs.CorefRight++
		case "wrong":
			cs.CorefWrong++
		default:
			cs.CorefNone++
		}
		cs.Examples = append(cs.Examples, fmt.Sprintf("%s line %d, subject %q: coref %s (%q)", r.Name, g.Line, g.Subject, verdict, short(text)))
	}
	return cs, nil
}

// sentenceOf finds the sentence of a gold claim: on its line, holding
// (part of) its quote.
func sentenceOf(sents []extract.Sentence, g extract.GoldStatement) int {
	q := strings.ToLower(strings.TrimSpace(g.Quote))
	if len(q) > 40 {
		q = q[:40]
	}
	first := -1
	for i, s := range sents {
		if s.Line != g.Line {
			continue
		}
		if first < 0 {
			first = i
		}
		if q != "" && strings.Contains(strings.ToLower(s.Text), q) {
			return i
		}
	}
	return first
}

func slicesAny(xs []string, f func(string) bool) bool {
	for _, x := range xs {
		if f(x) {
			return true
		}
	}
	return false
}

func short(s string) string {
	if len(s) > 90 {
		return s[:90] + "…"
	}
	return s
}

// antecedents builds the lookup from an anaphor token (sentence i, token
// t, 0-based) to the entity spans of the nearest earlier mention of its
// CoreNLP chain that covers one.
func antecedents(doc *Document, texts []string, sents []extract.Sentence, mentions []extract.Mention) func(i, t int) []extract.Mention {
	_, conv := byteOffsets(texts)
	bySent := map[int][]extract.Mention{}
	for _, m := range mentions {
		bySent[m.Sentence] = append(bySent[m.Sentence], m)
	}
	spans := func(cm CorefMention) []extract.Mention {
		si := cm.Sentence - 1
		if si < 0 || si >= len(doc.Sentences) || cm.Start < 1 || cm.End-1 > len(doc.Sentences[si].Tokens) {
			return nil
		}
		toks := doc.Sentences[si].Tokens
		b, e := conv(si, toks[cm.Start-1].Begin), conv(si, toks[cm.End-2].End)
		var out []extract.Mention
		for _, m := range bySent[sents[si].Index] {
			if m.Start < e && m.End > b {
				out = append(out, m)
			}
		}
		return out
	}
	return func(i, t int) []extract.Mention {
		for _, chain := range doc.Corefs {
			self := -1
			for k, m := range chain {
				if m.Sentence == i+1 && m.Start-1 <= t && t < m.End-1 && (m.Type == "PRONOMINAL" || anaphor.MatchString(m.Text)) {
					self = k
				}
			}
			if self < 0 {
				continue
			}
			// The nearest earlier mention (same sentence, before it, counts).
			best, bestPos := []extract.Mention(nil), -1
			for _, m := range chain {
				pos := m.Sentence*10000 + m.Start
				if pos >= chain[self].Sentence*10000+chain[self].Start || pos <= bestPos {
					continue
				}
				if ms := spans(m); len(ms) > 0 {
					best, bestPos = ms, pos
				}
			}
			return best
		}
		return nil
	}
}
