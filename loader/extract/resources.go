// Embedded lexical resources: drug names (DrugBank ids) and phenotypes
// (HPO), converted from pinned packages by scripts/resources/convert.py and
// credited in NOTICE. They let the engine name entities in a review nobody
// curated; nothing is fetched at run time.

package extract

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/kapgraph/kapgraph/graph"
)

//go:embed resources/*.tsv.gz
var resourceFiles embed.FS

// resEntry is what a resource says about one surface form.
type resEntry struct {
	id   string // DRUGBANK:…, HP:…, or "" where the resource gives none
	name string // the resource's canonical name
	cat  graph.Category
}

// resourceIndex maps a surface's stemmed words, joined by spaces, to its
// entry; maxWords bounds the n-grams a sentence is looked up with.
type resourceIndex struct {
	forms    map[string]resEntry
	maxWords int
	heads    map[string]graph.Category // WordNet head nouns (wordheads.go)
	// review holds the substances one review defines (substances.go),
	// read after the embedded forms; nil in the shared index.
	review map[string]resEntry
}

// loadResources is read once per process: the index is immutable after
// loading and the embedded files cannot change, so one shared copy (not a
// per-call load, which costs ~100 ms) is the right lifetime.
var loadResources = sync.OnceValues(func() (*resourceIndex, error) {
	ix := &resourceIndex{forms: map[string]resEntry{}}
	// Phenotypes first, drugs second: a surface in both (a few drug
	// names are also HPO terms of exposure) is read as the drug.
	for _, f := range []struct {
		file string
		cat  graph.Category
	}{{"resources/phenotypes.tsv.gz", graph.CategorySymptom}, {"resources/drugs.tsv.gz", graph.CategoryDrug}} {
		if err := ix.read(f.file, f.cat); err != nil {
			return nil, err
		}
	}
	ix.addQuantities()
	if err := ix.readWordHeads(); err != nil {
		return nil, err
	}
	return ix, nil
})

func (ix *resourceIndex) read(file string, cat graph.Category) error {
	b, err := resourceFiles.ReadFile(file)
	if err != nil {
		return fmt.Errorf("embedded resource %s: %w", file, err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return fmt.Errorf("embedded resource %s: %w", file, err)
	}
	sc := bufio.NewScanner(zr)
	line := 0
	for sc.Scan() {
		line++
		parts := strings.Split(sc.Text(), "\t")
		if len(parts) != 3 {
			return fmt.Errorf("embedded resource %s:%d: want 3 tab-separated fields", file, line)
		}
		key, n := stemKey(parts[0])
		if n == 0 || commonWords[strings.ReplaceAll(key, " ", "-")] {
			continue
		}
		e := resEntry{id: parts[1], name: uninvert(parts[2]), cat: cat}
		ix.forms[key] = e
		ix.maxWords = max(ix.maxWords, n)
		// The canonical name is a surface too: the drug dictionary lists
		// some entries ("Cytisine") under their synonyms only.
		if nk, nn := stemKey(e.name); nn > 0 && !commonWords[strings.ReplaceAll(nk, " ", "-")] {
			if _, ok := ix.forms[nk]; !ok {
				ix.forms[nk] = e
				ix.maxWords = max(ix.maxWords, nn)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("embedded resource %s: %w", file, err)
	}
	return nil
}

// lookup finds the resource entry for tokens [i, j).
func (ix *resourceIndex) lookup(ts []token, i, j int) (resEntry, bool) {
	var b strings.Builder
	for k := i; k < j; k++ {
		if k > i {
			b.WriteByte(' ')
		}
		b.WriteString(ts[k].stem)
	}
	key := b.String()
	e, ok := ix.forms[key]
	if !ok && ix.review != nil {
		e, ok = ix.review[key]
	}
	if !ok && (strings.Contains(key, "ae") || strings.Contains(key, "oe")) {
		// British spelling of a term the vocabularies list in American
		// ("hypokalaemia", "diarrhoea", "oedema").
		e, ok = ix.forms[britishAE.Replace(key)]
	}
	if ok && e.cat == graph.CategoryDrug && enzymeName(ts[j-1].low) {
		// The drug dictionary lists enzymes ("CYP3A4", "lipase",
		// "monoamine oxidase"): a drug's target, not a drug.
		e.cat = graph.CategoryMechanism
	}
	return e, ok
}

// britishAE maps the British digraphs of medical words to the American
// spelling the vocabularies use.
var britishAE = strings.NewReplacer("ae", "e", "oe", "e")

// commonWords are resource surfaces that are ordinary English words in a
// review's prose far more often than the term ("Drug" is a drug-dictionary
// variant, "Death" an HPO term): matching them alone would name entities in
// every sentence. General English, not any one review's words.
var commonWords = setOf("drug", "drugs", "death", "weight", "growth", "response", "abuse", "stress", "sleep",
	"behavior", "behaviour", "water", "air", "salt", "oxygen", "iron", "energy", "control", "placebo", "dose",
	"agent", "compound", "medication", "medicine", "treatment", "therapy", "lead", "tablet")

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[joinStems(w)] = true
	}
	return m
}

// stemKey is strings.Join(stems(s), " ") and the number of words, without
// building tokens for ASCII text: the resources hold ~100k surfaces and
// are read at start-up.
func stemKey(s string) (string, int) {
	if !isASCII(s) {
		ws := stems(s)
		return strings.Join(ws, " "), len(ws)
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(s); {
		if !isASCIIWord(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isASCIIWord(s[j]) {
			j++
		}
		w := strings.ToLower(s[i:j])
		if w == "s" && i > 0 && s[i-1] == '\'' && n > 0 {
			i = j
			continue // a possessive, as tokenize drops it
		}
		if n > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(stem(w))
		n++
		i = j
	}
	return b.String(), n
}

func isASCIIWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// uninvert turns a vocabulary heading written head first ("Receptors,
// Opioid, kappa", MeSH's inverted form) into running English ("kappa
// Opioid Receptors"), so that the name reads as the text would say it and
// the proposed id made from it matches the one the text's words give. Only
// a one-word head is turned: a longer first part ("Nuclear Receptor
// Subfamily 6, Group A") is a name with commas, not an inversion.
func uninvert(name string) string {
	parts := strings.Split(name, ", ")
	if len(parts) < 2 || strings.Contains(parts[0], " ") {
		return name
	}
	slices.Reverse(parts)
	return strings.Join(parts, " ")
}

// enzymeName: the last word of an enzyme's name: "-ase" ("lipase",
// "oxidase", "transaminases", "peptidase-4" is read by its last word
// "4", so a cytochrome code or "-ase" word before a number counts) or a
// cytochrome P450 code ("CYP3A4").
func enzymeName(w string) bool {
	w = strings.TrimSuffix(w, "s")
	if strings.HasPrefix(w, "cyp") && len(w) > 3 && w[3] >= '0' && w[3] <= '9' {
		return true
	}
	return len(w) > 5 && strings.HasSuffix(w, "ase") && !strings.HasSuffix(w, "ease") && !strings.HasSuffix(w, "case")
}
