package parseeval

import (
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/loader/extract"
)

// CueKind is what a cue says about its pair.
type CueKind int

// The cue kinds of loader/extract (cues.go there).
const (
	CueIncrease CueKind = iota
	CueDecrease
	CueCorrelation
	CueTreatment
	CueAdverse
	CueChange
)

type cueSpec struct {
	words []string
	kind  CueKind
}

// cueTable is loader/extract's cue lexicon (extract.CueLexicon), so that
// both readings look for claims at the same words: the measurement
// compares how subject and object are found, not which verbs count.
var cueTable = buildCues(fromExtract(extract.CueLexicon()))

// fromExtract keys the lexicon by this package's kinds; a kind the
// extractor adds and this package does not know fails loudly.
func fromExtract(lex map[string][]string) map[CueKind][]string {
	kinds := map[string]CueKind{"increase": CueIncrease, "decrease": CueDecrease, "correlation": CueCorrelation,
		"treatment": CueTreatment, "adverse": CueAdverse, "change": CueChange}
	out := make(map[CueKind][]string, len(lex))
	for name, words := range lex {
		k, ok := kinds[name]
		if !ok {
			panic("parseeval: unknown cue kind " + name + " in extract.CueLexicon")
		}
		out[k] = words
	}
	return out
}

func buildCues(m map[CueKind][]string) []cueSpec {
	var out []cueSpec
	for _, k := range []CueKind{CueIncrease, CueDecrease, CueCorrelation, CueTreatment, CueAdverse, CueChange} {
		for _, c := range m[k] {
			out = append(out, cueSpec{strings.Fields(c), k})
		}
	}
	slices.SortStableFunc(out, func(a, b cueSpec) int { return len(b.words) - len(a.words) })
	return out
}

// Cue is a cue found among a sentence's tokens: 0-based token positions
// [I, J), Head the token whose dependents carry the claim's ends.
type Cue struct {
	I, J, Head int
	Kind       CueKind
}

// findCues returns the cues among the tokens, skipping tokens inside an
// entity span (skip[i]), longest cue first at each position.
func findCues(toks []Token, skip []bool) []Cue {
	var out []Cue
	for i := 0; i < len(toks); i++ {
		if skip[i] {
			continue
		}
		for _, c := range cueTable {
			if i+len(c.words) > len(toks) {
				continue
			}
			ok := true
			for k, w := range c.words {
				if !strings.HasPrefix(strings.ToLower(toks[i+k].Word), w) {
					ok = false
					break
				}
			}
			if ok {
				out = append(out, Cue{I: i, J: i + len(c.words), Head: i, Kind: c.kind})
				i += len(c.words) - 1
				break
			}
		}
	}
	return out
}
