// A corpus of review articles as files, in the seed's plain-text layout
// and in JATS XML, for the ingest tests and benchmarks: what `kapgraph
// ingest` reads, where Generator makes what it writes.

package synth

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// corpusNames are names the seeds' lexicon knows (names only, no ids),
// so that an article's sentences ground entities and yield extracted
// claims as a real review's would.
var corpusNames = []string{"ketamine", "psilocybin", "MDMA", "alcohol use disorder", "opioid use disorder", "cocaine use disorder",
	"NMDA receptor", "glutamate release", "mTOR pathway", "synaptogenesis", "neuroplasticity", "prefrontal cortex", "hippocampus",
	"salience network", "default mode network", "craving", "anhedonia", "rumination", "cue reactivity", "abstinence", "relapse",
	"treatment retention", "psychotherapy", "mindfulness-based relapse prevention", "dissociation", "neurotoxicity"}

var corpusVerbs = []string{"reduced", "increased", "decreased", "was associated with", "improved", "did not change"}

// corpusDesigns are title phrases the loader's design rules recognise.
var corpusDesigns = []string{"a randomized controlled trial", "an open-label study", "a meta-analysis", "a systematic review",
	"a prospective cohort study", "a case series", "a cross-sectional survey", "a study in rats"}

// ArticleName is the file name of article i: .txt, or .xml for JATS.
func ArticleName(i int, jats bool) string {
	if jats {
		return fmt.Sprintf("article-%05d.xml", i)
	}
	return fmt.Sprintf("article-%05d.txt", i)
}

// surname is a name unique to i (its digits in syllables), so every
// article has its own document id.
func surname(i int) string {
	var b strings.Builder
	for n := i + len(syllables); n > 0; n /= len(syllables) {
		b.WriteString(syllables[n%len(syllables)])
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

type article struct {
	title, author, journal string
	year                   int
	sections               []string
	paras                  [][]string // sentences per section; a citation is written [n]
	refs                   []string   // "Surname X (year) Title. Journal vol: pages."
}

// makeArticle draws article i of the corpus with seed; revision > 0 gives
// the same article (same id) with one sentence rewritten, as an edited
// file is.
func makeArticle(seed uint64, i, revision int) *article {
	r := rand.New(rand.NewPCG(seed, uint64(i)))
	name := func() string { return corpusNames[r.IntN(len(corpusNames))] }
	title := func(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
	a := &article{author: surname(i), year: 2005 + r.IntN(21), journal: "Journal of Synthetic Addiction"}
	a.title = fmt.Sprintf("%s and %s: a review of %s", title(name()), name(), word(r, 3))
	nrefs := 8 + r.IntN(8)
	for k := 1; k <= nrefs; k++ {
		ry := 1990 + r.IntN(35)
		a.refs = append(a.refs, fmt.Sprintf("%s %s (%d) %s in %s: %s. *%s* %d: %d-%d.",
			title(word(r, 2)), "AB", ry, title(name()), word(r, 2),
			corpusDesigns[r.IntN(len(corpusDesigns))], "J "+title(word(r, 2)), 1+r.IntN(60), k*10, k*10+9))
	}
	for s := range 4 + r.IntN(3) {
		a.sections = append(a.sections, []string{"Introduction", "Mechanisms", "Clinical Evidence", "Safety", "Populations", "Conclusion"}[s])
		var sents []string
		for range 4 + r.IntN(6) {
			sent := fmt.Sprintf("In %s, %s %s %s", word(r, 2), name(), corpusVerbs[r.IntN(len(corpusVerbs))], name())
			if r.IntN(10) < 7 {
				sent += fmt.Sprintf(" [%d]", 1+r.IntN(nrefs))
			}
			sents = append(sents, sent+".")
		}
		a.paras = append(a.paras, sents)
	}
	if revision > 0 {
		a.paras[0][0] = fmt.Sprintf("Revision %d of this review restates that %s %s %s [1].", revision, name(), corpusVerbs[r.IntN(len(corpusVerbs))], name())
	}
	return a
}

// Article returns article i of the corpus drawn with seed, as plain text
// or JATS XML. The same (seed, i, revision) always gives the same bytes.
func Article(seed uint64, i, revision int, jats bool) []byte {
	a := makeArticle(seed, i, revision)
	if jats {
		return a.jats()
	}
	return a.text()
}

func (a *article) text() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "\n%s\n\nMaria %s\n\nInstitute of Synthetic Studies, Lisbon, Portugal.\n\n", a.title, a.author)
	fmt.Fprintf(&b, "Citation: Maria %s (%d) %s. %s 3(2), 10-20.\n\n", a.author, a.year, a.title, a.journal)
	fmt.Fprintf(&b, "Abstract\n\nThis generated review summarises evidence on %s.\n\n", strings.ToLower(a.title[:1])+a.title[1:])
	for s, t := range a.sections {
		fmt.Fprintf(&b, "%s\n\n%s\n\n", t, strings.Join(a.paras[s], " "))
	}
	b.WriteString("References\n\n")
	for k, ref := range a.refs {
		fmt.Fprintf(&b, "%d. %s\n", k+1, ref)
	}
	return []byte(b.String())
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

func (a *article) jats() []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="review-article"><front>`)
	fmt.Fprintf(&b, `<journal-meta><journal-title-group><journal-title>%s</journal-title></journal-title-group></journal-meta>`, a.journal)
	fmt.Fprintf(&b, `<article-meta><title-group><article-title>%s</article-title></title-group>`, xmlEscape(a.title))
	fmt.Fprintf(&b, `<contrib-group><contrib contrib-type="author"><name><surname>%s</surname><given-names>Maria</given-names></name></contrib></contrib-group>`, a.author)
	fmt.Fprintf(&b, `<pub-date pub-type="epub"><day>01</day><month>06</month><year>%d</year></pub-date><volume>3</volume><issue>2</issue><fpage>10</fpage><lpage>20</lpage>`, a.year)
	fmt.Fprintf(&b, "<abstract><p>This generated review summarises evidence on %s.</p></abstract></article-meta></front>\n<body>\n", xmlEscape(a.title))
	for s, t := range a.sections {
		fmt.Fprintf(&b, `<sec id="s%d"><title>%s</title><p>`, s+1, t)
		for i, sent := range a.paras[s] {
			if i > 0 {
				b.WriteByte(' ')
			}
			// [n] becomes an xref to ref n.
			if at := strings.LastIndex(sent, " ["); at >= 0 {
				n := strings.TrimSuffix(sent[at+2:], "].")
				fmt.Fprintf(&b, `%s [<xref ref-type="bibr" rid="r%s">%s</xref>].`, xmlEscape(sent[:at]), n, n)
				continue
			}
			b.WriteString(xmlEscape(sent))
		}
		b.WriteString("</p></sec>\n")
	}
	b.WriteString("</body>\n<back><ref-list><title>References</title>\n")
	for k, ref := range a.refs {
		// "Surname AB (year) Title: design. *Journal* vol: pages."
		au, rest, _ := strings.Cut(ref, " AB (")
		yr, rest, _ := strings.Cut(rest, ") ")
		title, rest, _ := strings.Cut(rest, ". *")
		journal, pages, _ := strings.Cut(rest, "* ")
		vol, fl, _ := strings.Cut(strings.TrimSuffix(pages, "."), ": ")
		fp, lp, _ := strings.Cut(fl, "-")
		fmt.Fprintf(&b, `<ref id="r%d"><element-citation publication-type="journal"><person-group person-group-type="author"><name><surname>%s</surname><given-names>A B</given-names></name></person-group>`+
			`<article-title>%s</article-title><source>%s</source><year>%s</year><volume>%s</volume><fpage>%s</fpage><lpage>%s</lpage></element-citation></ref>`+"\n",
			k+1, au, xmlEscape(title), xmlEscape(journal), yr, vol, fp, lp)
	}
	b.WriteString("</ref-list></back></article>\n")
	return []byte(b.String())
}

// WriteCorpus writes articles 0..n-1 of the corpus drawn with seed into
// dir: every jatsEvery-th one as JATS XML (0: none), the rest as text.
func WriteCorpus(dir string, seed uint64, n, jatsEvery int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for i := range n {
		jats := jatsEvery > 0 && i%jatsEvery == jatsEvery-1
		if err := os.WriteFile(filepath.Join(dir, ArticleName(i, jats)), Article(seed, i, 0, jats), 0o644); err != nil {
			return err
		}
	}
	return nil
}
