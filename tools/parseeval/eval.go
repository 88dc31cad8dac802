package parseeval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/kapgraph/kapgraph/loader/build"
	"github.com/kapgraph/kapgraph/loader/extract"
	"github.com/kapgraph/kapgraph/loader/review"
)

// Review is one dev review with its annotation, read as loader/extract's
// dev evaluation reads it.
type Review struct {
	Name  string
	Sents []extract.Sentence
	Gold  *extract.GoldSet
	Chars int
}

var (
	sentenceEnd       = regexp.MustCompile(`[.!?]["”’)\]]*\s+`)
	referencesHeading = regexp.MustCompile(`(?i)^(#+\s*)?(references|bibliography|literature cited)\s*$`)
)

// plainSentences is loader/extract's reading of a review whose layout the
// review reader refuses (plainSentences in goldset_test.go there).
func plainSentences(text string) []extract.Sentence {
	var out []extract.Sentence
	for i, line := range strings.Split(text, "\n") {
		rest := strings.TrimSpace(line)
		if referencesHeading.MatchString(rest) {
			break
		}
		for rest != "" {
			loc := sentenceEnd.FindStringIndex(rest)
			s := rest
			if loc != nil {
				s, rest = strings.TrimSpace(rest[:loc[1]]), rest[loc[1]:]
			} else {
				rest = ""
			}
			out = append(out, extract.Sentence{Index: len(out), Line: i + 1, Text: s})
		}
	}
	return out
}

// ReadDevSet reads every <stem>.txt with a <stem>.gold.yaml in dir. The
// held-out test set is refused: nothing here may be tuned on it.
func ReadDevSet(dir string) ([]Review, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("dev set: %w", err)
	}
	if filepath.Base(abs) == "test" || strings.Contains(abs, string(filepath.Separator)+"test"+string(filepath.Separator)) {
		return nil, fmt.Errorf("%s: the held-out test set is not read by this tool", dir)
	}
	golds, err := filepath.Glob(filepath.Join(dir, "*.gold.yaml"))
	if err != nil {
		return nil, fmt.Errorf("dev set: %w", err)
	}
	if len(golds) == 0 {
		return nil, fmt.Errorf("%s: no *.gold.yaml files", dir)
	}
	var out []Review
	for _, gp := range golds {
		g, err := extract.ReadGoldSet(gp)
		if err != nil {
			return nil, err
		}
		txt := filepath.Join(dir, g.Review)
		b, err := os.ReadFile(txt)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", gp, err)
		}
		r := Review{Name: g.Review, Gold: g, Chars: len(b)}
		if rev, err := review.ReadReview(txt); err == nil {
			r.Sents = build.Sentences(rev)
		} else {
			r.Sents = plainSentences(string(b))
		}
		out = append(out, r)
	}
	return out, nil
}

// Scores are one review's figures for the readings compared.
type Scores struct {
	Name                       string
	Rules, Parse, Union, Inter extract.SetMetrics
	All                        extract.SetMetrics // every candidate of both readings
	// With coreference: the parse reading with anaphors resolved by
	// CoreNLP's coref chains, alone and as the union.
	ParseCoref, UnionCoref      extract.SetMetrics
	HasCoref                    bool
	Sentences, Chars            int
	ParseCPUms, RulesWallms     float64
	RuleCands, ParseCands, Both int
}

// Measure runs the rules and the parse on one review and scores both on
// the same entity spans (the rules' mentions).
func Measure(ctx context.Context, c Client, r Review) (Scores, *Document, extract.Result, error) {
	sc := Scores{Name: r.Name, Sentences: len(r.Sents), Chars: r.Chars}
	t0 := time.Now()
	res := extract.ExtractOpen(nil, r.Sents)
	sc.RulesWallms = float64(time.Since(t0).Microseconds()) / 1000
	texts := make([]string, len(r.Sents))
	for i, s := range r.Sents {
		texts[i] = s.Text
	}
	doc, err := c.Annotate(ctx, ParseAnnotators, texts)
	if err != nil {
		return sc, nil, res, fmt.Errorf("%s: %w", r.Name, err)
	}
	sc.ParseCPUms = doc.CPUms
	parse := DeriveAll(r.Sents, texts, doc, res.Mentions, nil)
	sc.Rules = extract.ScoreGoldSet(r.Gold, res)
	sc.Parse = extract.ScoreGoldSet(r.Gold, withCandidates(res, parse))
	sc.Union = extract.ScoreGoldSet(r.Gold, withCandidates(res, Union(res.Candidates, parse)))
	sc.All = extract.ScoreGoldSet(r.Gold, withCandidates(res, append(slices.Clone(res.Candidates), parse...)))
	sc.Inter = extract.ScoreGoldSet(r.Gold, withCandidates(res, Intersection(res.Candidates, parse)))
	sc.RuleCands, sc.ParseCands = len(res.Candidates), len(parse)
	return sc, doc, res, nil
}

// ExplainAll explains the sentences containing substr.
func ExplainAll(sents []extract.Sentence, texts []string, doc *Document, mentions []extract.Mention, substr string) string {
	_, conv := byteOffsets(texts)
	var sb strings.Builder
	for i, s := range sents {
		if !strings.Contains(s.Text, substr) {
			continue
		}
		var ms []extract.Mention
		for _, m := range mentions {
			if m.Sentence == s.Index {
				ms = append(ms, m)
			}
		}
		sb.WriteString(s.Text + "\n")
		sb.WriteString(Explain(Sentence{Sent: s, Parse: doc.Sentences[i], Mentions: ms, ToByte: func(u int) int { return conv(i, u) }}))
	}
	return sb.String()
}

// DeriveAll reads every sentence's parse.
func DeriveAll(sents []extract.Sentence, texts []string, doc *Document, mentions []extract.Mention, ante func(sent, tok int) []extract.Mention) []extract.Candidate {
	_, conv := byteOffsets(texts)
	bySent := map[int][]extract.Mention{}
	for _, m := range mentions {
		bySent[m.Sentence] = append(bySent[m.Sentence], m)
	}
	var out []extract.Candidate
	for i, s := range sents {
		ps := Sentence{Sent: s, Parse: doc.Sentences[i], Mentions: bySent[s.Index], ToByte: func(u int) int { return conv(i, u) }}
		if ante != nil {
			ps.Antecedents = func(t int) []extract.Mention { return ante(i, t) }
		}
		out = append(out, Derive(ps)...)
	}
	return out
}

func withCandidates(res extract.Result, cs []extract.Candidate) extract.Result {
	return extract.Result{Mentions: res.Mentions, Candidates: cs, Proposed: res.Proposed}
}

// Union: the rules' candidates, and the parse's in sentences where the
// rules proposed nothing.
func Union(rules, parse []extract.Candidate) []extract.Candidate {
	has := map[int]bool{}
	for _, c := range rules {
		has[c.Sentence] = true
	}
	out := append([]extract.Candidate(nil), rules...)
	for _, c := range parse {
		if !has[c.Sentence] {
			out = append(out, c)
		}
	}
	return out
}

// Intersection: the rules' candidates whose pair the parse also finds in
// the same sentence.
func Intersection(rules, parse []extract.Candidate) []extract.Candidate {
	key := func(c extract.Candidate) string { return fmt.Sprint(c.Sentence, "\x00", c.Subject, "\x00", c.Object) }
	in := map[string]bool{}
	for _, c := range parse {
		in[key(c)] = true
	}
	var out []extract.Candidate
	for _, c := range rules {
		if in[key(c)] {
			out = append(out, c)
		}
	}
	return out
}
