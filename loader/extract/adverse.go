package extract

import (
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// harmWords mark a sentence that reports harms: adverse events and side
// effects by name, and the verbs a review reports them with. They are
// general English of safety reporting, not any drug's.
var harmWords = []string{"advers", "side effect", "safety", "toxic", "caus", "produc", "induc", "occur", "develop",
	"experienc", "risk", "report", "observed", "complication", "harm", "tolerab"}

// adverseEvents reads a sentence that reports harms: each drug or therapy
// it names as an agent (not a comparator after "than", "versus" or
// "placebo"; the previous sentence's drug when it names none) has each
// symptom or safety risk of the sentence as an adverse event ("Other
// adverse effects of X include nausea, vomiting and hallucinations",
// "X causes dose-dependent QT prolongation"). A negation before the harm
// in its clause ("without producing emesis", "no serious adverse events
// were reported") makes it NEGATED. A pair the clause rules already linked
// with a direction is left to them.
func adverseEvents(ts []token, args []Mention, cues []cueHit, topic *Mention, prev, prevMs []Mention, earlier [][]Mention, emit func(a, b Mention, p graph.Predicate, sign graph.Sign, cue cueHit, lo, hi int)) {
	var b strings.Builder
	for k, t := range ts {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.low)
	}
	low := b.String()
	found := false
	for _, w := range harmWords {
		if strings.Contains(low, w) {
			found = true
			break
		}
	}
	if !found && !commonHarms(ts) {
		return
	}
	var agents, harms []Mention
	for _, a := range args {
		switch a.Category {
		case graph.CategoryDrug, graph.CategoryTherapy:
			if !comparator(ts, a) && !affected(cues, a) {
				agents = append(agents, a)
			}
		case graph.CategorySymptom, graph.CategorySafetyRisk:
			if a.first == 0 && runInLabel(ts) == a.last {
				continue // "Neurotoxicity: ..." labels a paragraph; it reports no harm
			}
			if historyOf(ts, a) {
				continue // "a history of psychosis": a condition the patients had, no drug's harm
			}
			harms = append(harms, a)
		}
	}
	if len(harms) == 0 {
		return
	}
	harms = listedHarms(ts, args, harms)
	agents = principalAgents(ts, cues, agents)
	if n := pluralAnaphorIn(ts); len(agents) == 0 && n > 0 {
		// "adverse events of both drugs", "reported with both
		// compounds": the drugs the previous sentence was about (its
		// subjects), else the two it named.
		if agents = drugsOf(prev); len(agents) < 2 {
			if agents = drugsOf(prevMs); n != 2 || len(agents) != 2 {
				agents = nil
				if n == 2 {
					agents = lastTwoNamed(prevMs, earlier)
				}
			}
		}
	}
	own := causeNamed(args, cues)
	if len(agents) == 0 && !own && topic != nil && (topic.Category == graph.CategoryDrug || topic.Category == graph.CategoryTherapy && !administration(*topic)) {
		t := *topic
		t.first, t.last = 0, 0 // no place in this sentence
		agents = append(agents, t)
	}
	if named := drugsOf(prevMs); len(agents) == 0 && !own && len(named) == 1 && commonHarms(ts) {
		// "Nausea affects 30% of patients treated with X. Insomnia and
		// headache are also common.": the one drug the previous sentence
		// named, though it was not that sentence's subject.
		agents = named
	}
	for _, h := range harms {
		for _, d := range agents {
			if directed(cues, d, h) {
				continue
			}
			lo := h.first - 6
			if d.last > 0 && d.last < h.first {
				lo = d.last
			}
			emit(d, h, graph.HasAdverseEvent, graph.Unsigned, cueHit{h.first, h.last, cueAdverse}, max(lo, 0), h.first)
		}
	}
}

// frequencyWords say how often something happens, as a predicate
// adjective: "are common", "is rare".
var frequencyWords = setOf("common", "frequent", "uncommon", "infrequent", "rare", "prevalent")

// commonHarms: the sentence says its subjects are common or rare ("Nausea
// and headache are also common", "Seizures were rare"): the way a review
// lists harms once the drug is named, without a word of harm.
func commonHarms(ts []token) bool {
	for k := 1; k < len(ts); k++ {
		if !frequencyWords[ts[k].low] {
			continue
		}
		j := k - 1
		for j > 0 && degreeAdverbs[ts[j].low] {
			j--
		}
		if beForms[ts[j].stem] {
			return true
		}
	}
	return false
}

// degreeAdverbs may stand between a form of "be" and its adjective.
var degreeAdverbs = setOf("also", "very", "most", "more", "less", "relatively", "particularly", "fairly", "quite", "generally", "usually", "often")

// beForms are the forms of "be" a predicate adjective follows.
var beForms = setOf("is", "are", "was", "were", "be", "been", "remain", "remains", "remained")

// affected: a direction cue ends right before the drug ("long-term use can
// lower testosterone"): the drug is what is changed, not a harm's agent.
func affected(cues []cueHit, a Mention) bool {
	for _, c := range cues {
		if c.j == a.first && (c.kind == cueIncrease || c.kind == cueDecrease) {
			return true
		}
	}
	return false
}

// administrationWords head a therapy mention that names a way of giving
// treatment ("slow titration", "the dosing session"): it is no agent of
// the harms a later sentence lists.
var administrationWords = setOf("titration", "dosing", "dose", "doses", "session", "sessions", "infusion", "infusions",
	"administration", "injection", "injections", "regimen", "schedule", "monitoring", "taper", "tapering")

func administration(m Mention) bool {
	ws := strings.Fields(strings.ToLower(m.Surface))
	return len(ws) > 0 && administrationWords[ws[len(ws)-1]]
}

// circumstanceWords put a drug or therapy in the circumstances of a
// harm, not in its cause: "when stimulants are combined with fentanyl",
// "patients also taking valproate", "under continuous cardiac
// monitoring", "despite agonist treatment", "received magnesium with
// ibogaine".
var circumstanceWords = setOf("with", "under", "despite", "during", "taking", "receiving", "received", "plus",
	"alongside", "combined", "given", "without")

// principalAgents keeps the agents a sentence names as causes of its
// harms: one after a word of circumstance is dropped when another agent
// is not so placed (the sentence's subject, "adverse events of X",
// "X-induced"), and one after "by" that follows a verb of decrease
// ("minimized by slow titration") lessens a harm and causes none.
func principalAgents(ts []token, cues []cueHit, agents []Mention) []Mention {
	var principal, circumstantial []Mention
	for _, a := range agents {
		k := a.first - 1
		for k >= 0 && (determinersPossessive[ts[k].low] || leadingNoise[ts[k].low]) && ts[k+1].punctBefore == "" {
			k--
		}
		if k < 0 || ts[k+1].punctBefore != "" {
			principal = append(principal, a)
			continue
		}
		if ts[k].low == "by" && slices.ContainsFunc(cues, func(c cueHit) bool { return c.j == k && c.kind == cueDecrease }) {
			continue
		}
		if circumstanceWords[ts[k].low] && !(ts[k].low == "with" && !withCircumstance(ts, k)) {
			circumstantial = append(circumstantial, a)
			continue
		}
		if (ts[k].low == "or" || ts[k].low == "and") && len(circumstantial) > 0 && circumstantial[len(circumstantial)-1].last == k {
			circumstantial = append(circumstantial, a) // "combined with alcohol or opioids"
			continue
		}
		principal = append(principal, a)
	}
	if len(principal) == 0 {
		return circumstantial
	}
	return principal
}

// withCircumstance: "with" at k joins a drug to a verb of giving
// ("combined with", "co-administered with", "combining it with"), not to a noun
// ("contamination with fentanyl" names a cause) or to a verb of
// association ("nausea associated with X" names the agent).
func withCircumstance(ts []token, k int) bool {
	if k == 0 {
		return false
	}
	w := ts[k-1].low
	if k >= 2 && (pronouns[w] || w == "them") {
		w = ts[k-2].low // "combining it with alcohol"
	}
	return (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")) && w != "associated" && w != "linked" && w != "related" && w != "caused" && w != "induced"
}

// historyOf: the harm is what "a (personal or family) history of" names.
func historyOf(ts []token, a Mention) bool {
	for k := a.first - 1; k >= 1 && k >= a.first-5; k-- {
		if ts[k].low == "of" && ts[k-1].low == "history" {
			return true
		}
		if ts[k].low != "or" && ts[k].low != "and" && ts[k].low != "a" && !strings.HasSuffix(ts[k].low, "al") {
			return false
		}
	}
	return false
}

// comparator: a drug named after "than", "versus", "vs" or "placebo"
// ("did not differ between X and placebo" names X as an agent; "than with
// Y" names Y as the comparator).
func comparator(ts []token, a Mention) bool {
	lo := a.first - 3
	for k := a.first - 1; k >= 0 && k >= lo; k-- {
		switch ts[k].low {
		case "than", "versus", "vs", "placebo", "compared":
			return true
		case "or", "and", "nor":
			if k > 0 && ts[k-1].low != "," {
				// a later member of a compared list ("than after LSD
				// or psilocybin"): look past the member before it
				lo = k - 4
			}
		}
	}
	return false
}

// causeNamed reports a sentence that opens with its harms' own cause: a
// condition or state (no drug or therapy) that a verb of causing links to
// them ("Opioid withdrawal produces anxiety, restlessness and craving").
// The harms are that condition's, so no agent is borrowed from the
// paragraph's topic or the previous sentence.
func causeNamed(args []Mention, cues []cueHit) bool {
	for _, a := range args {
		if a.first > 1 || a.Category == graph.CategoryDrug || a.Category == graph.CategoryTherapy {
			continue
		}
		for _, c := range cues {
			if c.kind == cueIncrease && c.i >= a.last && c.i <= a.last+1 {
				return true
			}
		}
	}
	return false
}

// directed: a direction cue lies between d and h (the clause rules read
// that pair as AFFECTS).
func directed(cues []cueHit, d, h Mention) bool {
	if d.last == 0 || d.last > h.first {
		return false
	}
	for _, c := range cuesIn(cues, d.last, h.first) {
		if c.kind == cueIncrease || c.kind == cueDecrease {
			return true
		}
	}
	return false
}

// clausePronoun: "it" or "they" opening a later clause (", but it did not
// reduce ...") stands for the sentence's first drug or therapy before it.
func clausePronoun(ts []token, args []Mention) (Mention, bool) {
	for k := 1; k < len(ts); k++ {
		if !pronouns[ts[k].low] || covered(args, k) {
			continue
		}
		if !strings.Contains(ts[k].punctBefore, ",") && !(joinWords[ts[k-1].low] && strings.Contains(ts[k-1].punctBefore, ",")) {
			continue
		}
		for _, a := range args {
			if a.first < k && (a.Category == graph.CategoryDrug || a.Category == graph.CategoryTherapy) && !contrasted(ts, a) {
				m := a
				m.Surface, m.Start, m.End, m.first, m.last = ts[k].raw, ts[k].start, ts[k].end, k, k+1
				return m, true
			}
		}
		return Mention{}, false
	}
	return Mention{}, false
}

// contrasted: a is named as what the sentence sets its subject against
// ("Unlike X, Y does not ...", "than X"): no pronoun after stands for it.
func contrasted(ts []token, a Mention) bool {
	if comparator(ts, a) {
		return true
	}
	for k := a.first - 1; k >= 0; k-- {
		if ts[k].low == "unlike" || ts[k].low == "like" {
			return true // "Unlike delta-9-tetrahydrocannabinol (THC), ..."
		}
		if strings.ContainsAny(ts[k+1].punctBefore, ",;:") && !strings.Contains(ts[k+1].punctBefore, "(") {
			return false
		}
	}
	return false
}

// covered: an argument spans token k (a pronoun already resolved).
func covered(args []Mention, k int) bool {
	for _, a := range args {
		if a.first <= k && k < a.last {
			return true
		}
	}
	return false
}

var joinWords = map[string]bool{"but": true, "and": true, "yet": true, "although": true, "though": true, "whereas": true}

// pluralAnaphorIn: the sentence names several drugs without naming them:
// "both compounds", "either drug", "the two drugs" (2: it says two),
// "these agents" (1: several).
func pluralAnaphorIn(ts []token) int {
	for k := 0; k+1 < len(ts); k++ {
		w := ts[k].low
		n := k + 1
		if (w == "the" || w == "these") && ts[n].low == "two" && n+1 < len(ts) {
			n++
		}
		if w == "both" && bothPronoun(ts, k) {
			return 2
		}
		if !anaphorNouns[ts[n].low] || ts[n].low == "treatment" || doseNouns[ts[n].low] {
			continue // "both doses": two doses of one drug
		}
		switch {
		case w == "both" || w == "either" || n > k+1:
			return 2
		case w == "these":
			return 1
		}
	}
	return 0
}

// bothPronoun: "both" at k stands alone as a clause's subject, its verb
// group next ("Both can cause hypotension", "and both reduced craving"):
// it names the two drugs the text spoke of last, as "both drugs" does. A
// "both" before a noun or "and" ("both X and Y") is no pronoun.
func bothPronoun(ts []token, k int) bool {
	if k > 0 && ts[k-1].low != "and" && ts[k-1].low != "but" && ts[k-1].low != ";" && ts[k-1].low != "," {
		return false
	}
	n := k + 1
	if n < len(ts) && (ts[n].low == "also" || ts[n].low == "then") {
		n++
	}
	return n < len(ts) && (auxiliaries[ts[n].low] || beVerbs[ts[n].low] || pastOrPresentVerb(ts[n].low))
}

// pastOrPresentVerb: a word shaped like a finite verb of change or report
// ("reduced", "increases", "lowered"), for reading "both" before it.
func pastOrPresentVerb(w string) bool {
	return len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "es")) && !strings.HasSuffix(w, "ness")
}

// pairAntecedents: a sentence that speaks of two drugs without naming them
// ("Both agonists reduced X", "the two drugs") when the previous sentence
// had fewer than two drug subjects points back at the two drugs it named,
// as adverse events do above; otherwise the previous subjects stand.
func pairAntecedents(ts []token, prev, prevMs []Mention, earlier [][]Mention) []Mention {
	if d := drugsOf(prevMs); doseAnaphor(ts) && len(drugsOf(prev)) == 0 && len(d) > 0 {
		return d[len(d)-1:] // "...compared 2.16 and 2.88 mg/day of X with placebo. Both doses lowered Y"
	}
	if pluralAnaphorIn(ts) != 2 || len(drugsOf(prev)) >= 2 {
		return prev
	}
	if named := lastTwoNamed(prevMs, earlier); named != nil {
		return named
	}
	return prev
}

// lastTwoNamed: the two drugs the text named last, for "both drugs" and
// "the two agents": the previous sentence's when it names two, else
// those of the sentences before it in the section, nearest first ("X is
// used in Europe. Y is used in Asia. Both drugs raise Z."). A class
// ("most psychoactive drugs") and a name inside another's ("sodium" in
// "sodium oxybate") are no drug of the pair; where three or more are
// named, "both" has no clear antecedents and none is given.
func lastTwoNamed(prevMs []Mention, earlier [][]Mention) []Mention {
	var out []Mention
	seen := map[string]bool{}
	for i := -1; i < len(earlier); i++ {
		ms := prevMs
		if i >= 0 {
			ms = earlier[i]
		}
		for _, m := range namedDrugs(ms) {
			if !seen[m.ID] {
				seen[m.ID] = true
				out = append(out, m)
			}
		}
		if len(out) >= 2 {
			break
		}
	}
	if len(out) != 2 {
		return nil
	}
	return out
}

// namedDrugs: drugsOf without classes (a plural head that is an anaphor's
// noun: "psychoactive drugs", "opioid antagonists") and without a name
// that is a word-start of another drug's in ms.
func namedDrugs(ms []Mention) []Mention {
	var out []Mention
	for _, m := range drugsOf(ms) {
		low := strings.ToLower(m.Surface)
		words := strings.Fields(low)
		if len(words) > 0 && anaphorNouns[words[len(words)-1]] && strings.HasSuffix(low, "s") {
			continue
		}
		inside := false
		for _, o := range ms {
			ol := strings.ToLower(o.Surface)
			if o.ID != m.ID && (o.Category == graph.CategoryDrug || o.Category == graph.CategoryTherapy) && strings.HasPrefix(ol, low+" ") {
				inside = true
			}
		}
		if !inside {
			out = append(out, m)
		}
	}
	return out
}

// drugsOf: the distinct drugs and therapies of ms, placed nowhere in the
// current sentence.
func drugsOf(ms []Mention) []Mention {
	var out []Mention
	seen := map[string]bool{}
	for _, p := range ms {
		if (p.Category == graph.CategoryDrug || p.Category == graph.CategoryTherapy) && !seen[p.ID] {
			seen[p.ID] = true
			p.first, p.last = 0, 0
			out = append(out, p)
		}
	}
	return out
}
