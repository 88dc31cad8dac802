// Number agreement between a relative clause's verb and its antecedent.

package extract

import "strings"

// agreementSubject: a relative clause whose verb is plural cannot have a
// singular noun as its antecedent: in "A and B are partial agonists of the
// receptor that relieve withdrawal", "relieve" agrees with "agonists", not
// with "receptor", so the clause's subject is what the plural noun stands
// for: the copula's subject ("A and B"), or the plural noun itself when it
// names an entity. It returns nil when the verb and the nearest noun agree
// or nothing else can be the antecedent.
func agreementSubject(ts []token, tags []string, args []Mention, aside []int, example []bool, sg segment, a Mention, v cueHit) []Mention {
	// A base form right after the relative pronoun is the plural present
	// the tagger took for an infinitive ("that relieve/VB").
	if tags[v.i] != "VBP" && tags[v.i] != "VB" || a.last < 1 || tags[a.last-1] != "NN" {
		return nil // a past or singular verb, or a plural noun: they agree
	}
	k := a.first - 1
	for k > sg.lo && (tags[k] == "DT" || tags[k] == "JJ") {
		k--
	}
	if k <= sg.lo || ts[k].low != "of" || tags[k-1] != "NNS" {
		return nil
	}
	noun := k - 1
	for _, b := range args {
		if b.last-1 == noun {
			return []Mention{b}
		}
	}
	for k = noun - 1; k > sg.lo && k >= noun-4; k-- {
		if beVerbs[ts[k].low] && strings.HasPrefix(tags[k], "VB") {
			return headSubject(ts, tags, args, aside, example, sg.lo, k)
		}
		if t := tags[k]; t != "DT" && t != "JJ" && t != "RB" && !strings.HasPrefix(t, "NN") {
			return nil
		}
	}
	return nil
}

// coordinatedBase: a cue in its base form right after "and", before the
// noun phrase it takes, is a plural present verb the tagger read as a
// noun ("X and Y co-occur with Z and predict/NN relapse"): an English
// noun in that place would carry an article or be followed by "in"/"of".
func coordinatedBase(ts []token, tags []string, c cueHit) bool {
	if c.kind != cueIncrease && c.kind != cueDecrease && c.kind != cueCorrelation || c.j-c.i != 1 || c.i < 2 || c.j >= len(ts) {
		return false
	}
	w := ts[c.i].low
	if ts[c.i-1].low != "and" || strings.HasPrefix(tags[c.i], "VB") || ts[c.i].punctBefore != "" || ts[c.j].punctBefore != "" {
		return false
	}
	for _, suf := range []string{"s", "ed", "ing", "ion", "ment", "er", "ist", "or"} {
		if strings.HasSuffix(w, suf) {
			return false
		}
	}
	switch n := ts[c.j].low; {
	case n == "in" || n == "of" || n == "for" || n == "with" || n == "to":
		return false
	case tags[c.j] == "DT" || tags[c.j] == "PRP$" || strings.HasPrefix(tags[c.j], "NN") || strings.HasPrefix(tags[c.j], "JJ"):
		return true
	}
	return false
}
