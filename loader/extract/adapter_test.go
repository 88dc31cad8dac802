package extract_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/loader/review"

	"github.com/kapgraph/kapgraph/loader/curation"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/loader/extract"
)

// corpus is one review with its curation, read through the loader the way
// a later change will feed the engine.
type corpus struct {
	name  string
	lex   []extract.LexEntry
	sents []extract.Sentence
	gold  extract.Gold
}

func readCorpus(t testing.TB, reviewPath, lexicon, claims string) corpus {
	t.Helper()
	rev, err := review.ReadReview(reviewPath)
	if err != nil {
		t.Fatalf("read review: %v", err)
	}
	lex, err := curation.ReadLexicon(lexicon)
	if err != nil {
		t.Fatalf("read lexicon: %v", err)
	}
	cl, err := curation.ReadClaims(claims, lex)
	if err != nil {
		t.Fatalf("read claims: %v", err)
	}
	c := corpus{name: filepath.Base(reviewPath), gold: extract.Gold{Mentions: map[int][]string{}}}
	for _, e := range lex.Entities {
		c.lex = append(c.lex, extract.LexEntry{ID: e.ID, Category: graph.Category(e.Category), Name: e.Name, Synonyms: e.Synonyms})
	}
	cites := map[int][]int{}
	for _, ct := range rev.Citations {
		if ct.Kind == review.KindNumeric {
			cites[ct.Passage] = append(cites[ct.Passage], ct.Numbers...)
		} else if n, ok := rev.MatchAuthorYear(ct); ok {
			cites[ct.Passage] = append(cites[ct.Passage], n)
		}
	}
	for _, p := range rev.Passages {
		ns := cites[p.Index]
		slices.Sort(ns)
		c.sents = append(c.sents, extract.Sentence{Index: p.Index, Line: p.Line, Text: p.Text, Section: rev.Sections[p.Section].Title, Citations: slices.Compact(ns)})
		if ids := lex.Mentions(p.Text); len(ids) > 0 {
			c.gold.Mentions[p.Index] = ids
		}
	}
	for _, k := range cl.Claims {
		g := extract.GoldClaim{ID: k.ID, Subject: k.Subject, Object: k.Object, Predicate: graph.Predicate(k.Predicate),
			Sign: graph.Sign(k.Sign), Stated: k.Origin == "stated"}
		for _, ev := range k.Evidence {
			q := strings.Join(strings.Fields(ev.Quote), " ")
			for _, p := range rev.Passages {
				if strings.Contains(p.Text, q) && !slices.Contains(g.Sentences, p.Index) {
					g.Sentences = append(g.Sentences, p.Index)
				}
			}
		}
		c.gold.Claims = append(c.gold.Claims, g)
	}
	return c
}

func seedCorpus(t testing.TB) corpus {
	return readCorpus(t, "../../seeds/ward-2025-ketamine-assisted-psychotherapy-addiction.txt",
		"../../seeds/lexicon.yaml", "../../seeds/ward-2025-ketamine-assisted-psychotherapy-addiction.claims.yaml")
}
