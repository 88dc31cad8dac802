// Part-of-speech tags for the noun-phrase chunker, from the averaged
// perceptron tagger of github.com/jdkato/prose/v2 (MIT, model embedded in
// the module: nothing to install or download). A JVM parser (CoreNLP) was
// weighed and not taken: it needs a server process and set-up on every
// machine `kapgraph serve` runs on, and its GPL licence would bind the
// binary; a tagger plus the clause rules of this package is what a fresh
// machine can run.

package extract

import (
	"strings"
	"sync"

	"github.com/jdkato/prose/v2"
)

// taggerModel is loaded once per process: prose loads its model per
// document otherwise (most of the cost of tagging one review). The model
// is only read while tagging, so documents may share it.
// A first document made with tagging only loads the tagger alone (no
// entity classifier); its Model is what later documents reuse.
var taggerModel = sync.OnceValue(newTaggerModel)

func newTaggerModel() *prose.Model {
	doc, err := prose.NewDocument(".", prose.WithExtraction(false), prose.WithSegmentation(false))
	if err != nil {
		return nil
	}
	return doc.Model
}

// tagSentences returns, per sentence, one Penn Treebank tag per token of
// tokenize(text). The whole review is tagged in one document (the tagger
// loads its model per document); each tagger token is found in the text
// by position and its tag given to every word token it covers.
func tagSentences(texts []string) [][]string {
	joined := strings.Join(texts, "\n")
	out := make([][]string, len(texts))
	model := taggerModel()
	if model == nil {
		return out // untagged: the chunker falls back to word lists
	}
	doc, err := prose.NewDocument(joined, prose.UsingModel(model), prose.WithExtraction(false), prose.WithSegmentation(false))
	if err != nil {
		return out // untagged: the chunker falls back to word lists
	}
	// byte offset -> tag of the tagger token covering it
	tagAt := make([]string, len(joined)+1)
	cur := 0
	for _, t := range doc.Tokens() {
		k := strings.Index(joined[cur:], t.Text)
		if k < 0 || k > 40 {
			continue // the tagger rewrote the token (quotes): leave it untagged
		}
		start := cur + k
		for b := start; b < start+len(t.Text); b++ {
			tagAt[b] = t.Tag
		}
		cur = start + len(t.Text)
	}
	off := 0
	for i, s := range texts {
		ts := tokenize(s)
		tags := make([]string, len(ts))
		for j, t := range ts {
			tags[j] = tagAt[off+t.start]
			if strings.HasPrefix(tags[j], "VB") && adjectiveShape(t.low) {
				tags[j] = "JJ" // "to cognitive/VB behavioural therapy"
			}
			if strings.HasPrefix(tags[j], "VB") && nounOnly(t.low) {
				// "and contingency/VB management", "alcohol intake/VB":
				// a word English never uses as a verb is a noun.
				tags[j] = "NN"
				if t.low != t.stem {
					tags[j] = "NNS"
				}
			}
		}
		// A number has a digit or is a number word: a word the tagger
		// took for one by its ending ("methadone/CD or buprenorphine",
		// "-one" read as "one") is a noun.
		for j, t := range ts {
			if tags[j] == "CD" && !numberWord(t.low) {
				tags[j] = "NN"
			}
		}
		// A past participle never ends in "-se", "-ce", "-ge", "-ve",
		// "-te", "-le", "-re" or "-ze" (English writes "abused",
		// "released"): a word the tagger read as one is a noun ("its own
		// abuse/VBN potential").
		for j, t := range ts {
			if tags[j] == "VBN" && notParticiple(t.low) {
				tags[j] = "NN"
			}
		}
		// A preposition or subordinator is never a noun, whatever its
		// capital ("9 Unlike/NNP amphetamines" after a glued superscript,
		// "During/NNP infusion", "after/NN infusion").
		for j := range ts {
			if strings.HasPrefix(tags[j], "NN") && closedClass[ts[j].low] {
				tags[j] = "IN"
			}
		}
		// Two plural nouns in a row make no compound (English compounds
		// take the singular): the second is a verb the tagger misread
		// ("mu-opioid receptors disinhibits/NNS dopamine neurons").
		for j := 1; j+1 < len(ts); j++ {
			if tags[j-1] == "NNS" && tags[j] == "NNS" && ts[j-1].low != ts[j-1].stem && ts[j].punctBefore == "" && !ts[j].hyphenated &&
				strings.HasSuffix(ts[j].low, "s") && !strings.HasSuffix(ts[j].low, "ss") && ts[j+1].punctBefore == "" && (strings.HasPrefix(tags[j+1], "NN") || strings.HasPrefix(tags[j+1], "JJ") || tags[j+1] == "DT") {
				tags[j] = "VBZ"
			}
		}
		// A cue verb's third person after a noun and before the noun
		// phrase it governs is the clause's verb when no finite verb
		// came before it ("At low doses, ketamine causes/NNS
		// dissociation, nausea and dizziness").
		finiteBefore := false
		for j := range ts {
			if t := tags[j]; t == "VBZ" || t == "VBP" || t == "VBD" || t == "MD" {
				finiteBefore = true
			}
			if strings.ContainsAny(ts[j].punctBefore, ";:") || strings.Contains(ts[j].punctBefore, ",") && clauseJoiners[ts[j].low] {
				finiteBefore = false // ", and ketamine rapidly reduces/NNS X": a clause of its own
			}
			subject := j > 0 && strings.HasPrefix(tags[j-1], "NN") ||
				j > 1 && tags[j-1] == "RB" && strings.HasPrefix(tags[j-2], "NN") && ts[j-1].punctBefore == "" // "ketamine rapidly reduces"
			if finiteBefore || j == 0 || j+1 >= len(ts) || tags[j] != "NNS" || !strings.HasSuffix(ts[j].low, "s") ||
				!subject || ts[j].punctBefore != "" || ts[j].hyphenated || ts[j+1].punctBefore != "" || !cueVerb(ts[j].low) {
				continue
			}
			if n := tags[j+1]; strings.HasPrefix(n, "NN") || n == "JJ" || n == "DT" || n == "PRP$" {
				tags[j] = "VBZ"
				finiteBefore = true
			}
		}
		out[i] = tags
		off += len(s) + 1
	}
	return out
}

// notParticiple: w has an ending no English past participle has.
func notParticiple(w string) bool {
	if len(w) < 4 {
		return false
	}
	switch w[len(w)-2:] {
	case "se", "ce", "ge", "ve", "te", "le", "re", "ze":
		return true
	}
	return false
}

// numberWord: a word that can be a cardinal number: one with a digit, a
// number word, or a Roman numeral ("phase III").
func numberWord(w string) bool {
	if strings.ContainsAny(w, "0123456789") || cardinals[w] || numberWords[w] {
		return true
	}
	return strings.Trim(w, "ivxlc") == ""
}

// numberWords are the cardinals beyond those populations count with.
var numberWords = setOf("zero", "one", "eleven", "thirteen", "fourteen", "sixteen", "seventeen", "eighteen", "nineteen",
	"sixty", "seventy", "eighty", "ninety", "million", "billion", "half", "quarter", "third", "fourth", "fifth")

// closedClass are English prepositions and subordinators that head no
// noun phrase.
var closedClass = setOf("unlike", "despite", "although", "though", "because", "after", "before", "during", "whereas",
	"while", "unless", "until", "within", "without", "among", "amongst", "between", "through", "throughout", "via",
	"across", "against", "towards", "toward", "upon", "beyond", "besides")

// adjectiveShapes end English adjectives and never a verb: a word the
// tagger took for a verb with one of them ("cognitive", after "to") is an
// adjective.
var adjectiveShapes = []string{"itive", "ative", "ical", "ious", "eous", "sive", "ctive"}

func adjectiveShape(w string) bool {
	for _, s := range adjectiveShapes {
		if len(w) > len(s)+2 && strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}
