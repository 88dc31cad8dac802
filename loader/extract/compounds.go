// Drugs named by chemists' conventions rather than listed in the drug
// dictionary: a research compound's code, and a metabolite or derivative
// named by a chemical prefix on a listed drug.

package extract

import (
	"regexp"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// compoundCodeForm is a research compound's code as companies and
// laboratories write it ("GS39783", "WAY-100635", "MK-801", "SB-334867",
// "SR141716A"): one to four capitals, an optional hyphen, three to six
// digits, an optional capital. A trial registration ("NCT01234567") has
// more digits; a gene or cytochrome ("CYP2D6", "GLP-1") has fewer.
var compoundCodeForm = regexp.MustCompile(`^[A-Z]{1,4}-?[0-9]{3,6}[A-Z]?$`)

// metabolitePrefixes are the chemical prefixes that name a metabolite or
// derivative of the drug they precede ("noribogaine" of ibogaine,
// "desmethylsertraline", "tetrahydroharmine" of harmine,
// "hydroxybupropion").
var metabolitePrefixes = []string{"nor", "des", "desmethyl", "demethyl", "didesmethyl", "dihydro", "tetrahydro", "hydroxy", "dehydro"}

// chemicalName: tokens [i, j) name a drug by a chemist's convention: a
// compound's code, or one word made of a metabolite prefix and a drug the
// dictionary lists. The rest of the rules read such a word as an unknown
// noun. A name right after a role or class noun ("the mGluR2/3 antagonist
// LY341495") is nameAfterRole's, which reads the descriptor's target too.
func chemicalName(ix *resourceIndex, ts []token, i, j int) bool {
	if j-i > 2 || j-i == 2 && !ts[i+1].hyphenated || i > 0 && (pharmRoles[ts[i-1].stem] || drugClassNouns[ts[i-1].stem]) {
		return false
	}
	var b strings.Builder
	for k := i; k < j; k++ {
		if k > i {
			b.WriteByte('-')
		}
		b.WriteString(ts[k].raw)
	}
	if c := ts[i].raw[0]; c >= 'A' && c <= 'Z' && compoundCodeForm.MatchString(b.String()) {
		return true
	}
	if j-i != 1 {
		return false
	}
	w := ts[i].low
	for _, p := range metabolitePrefixes {
		rest := strings.TrimPrefix(w, p)
		if rest == w || len(rest) < 5 {
			continue
		}
		key, _ := stemKey(rest)
		if e, ok := ix.forms[key]; ok && e.cat == graph.CategoryDrug {
			return true
		}
	}
	return false
}
