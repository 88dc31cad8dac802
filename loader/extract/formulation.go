// Formulations and routes: the words that say how a drug is made or
// given ("extended-release", "depot", "sublingual"), which the chunker
// (nouns.go) keeps apart from the drug's own name.

package extract

// formulationWords say how a drug is made or given: "extended-release",
// "long-acting", "injectable", "depot".
var formulationWords = setOf("injectable", "depot", "transdermal", "intranasal", "intramuscular", "sublingual", "subcutaneous", "oral")

// routeWords say only by which route a drug is given; unlike a release
// form, a depot or a patch ("transdermal nicotine" is a replacement
// therapy, not the nicotine a smoker depends on), they make no product of
// its own (reviews write "sublingual buprenorphine", "injectable
// hydromorphone" for the drug).
var routeWords = setOf("injectable", "intranasal", "intramuscular", "sublingual", "subcutaneous", "oral", "intravenous")

// routeOnly: every word of [i, k) is a route word.
func routeOnly(ts []token, i, k int) bool {
	for x := i; x < k; x++ {
		if !routeWords[ts[x].low] {
			return false
		}
	}
	return i < k
}

// formulation: every word of [i, k) is a formulation word, or a
// hyphenated "-release"/"-acting" compound ("extended-release").
func formulation(ts []token, i, k int) bool {
	for x := i; x < k; x++ {
		if formulationWords[ts[x].low] {
			continue
		}
		if ts[x].hyphenated && (ts[x].low == "release" || ts[x].low == "acting") {
			continue
		}
		if x+1 < k && ts[x+1].hyphenated && (ts[x+1].low == "release" || ts[x+1].low == "acting") {
			continue
		}
		if x+1 == k && ts[k].hyphenated && releaseCodes[ts[x].low] {
			continue // "XR-naltrexone", "ER-morphine": a release code joined to the drug
		}
		return false
	}
	return true
}
