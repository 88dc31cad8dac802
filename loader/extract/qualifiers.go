package extract

import (
	"regexp"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// Qualifiers are what a sentence says about the conditions of its claims:
// in whom (population or species), against what (comparator), when (time
// point) and at what dose. They qualify a claim; a population is never a
// claim's end.
type Qualifiers struct {
	Population string // id of the population or species mention nearest the claim
	Species    bool   // the population is an animal species
	Comparator string // id of the comparator mention, or its words as written
	Time       string // as written: "six months", "12 weeks", "one-month follow-up"
	Dose       string // as written: "2400 mg/day", "10 mg/kg"
}

var (
	numWord = `(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty)`
	// timeRes: a duration or time point ("12 weeks", "six-month
	// follow-up", "several days"), a phase named by "during" ("during
	// infusion", "during dose escalation", "during the first week of
	// treatment"), a time after an event of treatment ("shortly after
	// injection", "after a period of abstinence", "after it was stopped")
	// and "the following week".
	timeRes = []*regexp.Regexp{
		regexp.MustCompile(`(?i)\b((?:` + numWord + `|several|a few)[- ](?:hours?|days?|weeks?|months?|years?))(?:[- ]follow[- ]up)?\b`),
		regexp.MustCompile(`(?i)\bduring (?:the |an? )?(?:(?:first|initial|acute|active|early|late) )?(?:` + numWord + ` )?[\pL-]+(?: (?:escalation|treatment|withdrawal|abstinence|infusion|use|sessions?|administration))?(?: of [\pL-]+)?`),
		regexp.MustCompile(`(?i)\b(?:(?:shortly|immediately|soon|long) )?after (?:(?:the|a|an|each|first|last) )*(?:period of [\pL-]+|(?:dosing|injections?|infusions?|treatment|withdrawal|abstinence|detoxification|discontinuation|cessation|administration|sessions?|discharge|release|randomi[sz]ation)\b|(?:it|they|the [\pL-]+) (?:was|were|had been) (?:stopped|discontinued|ended|completed))`),
		regexp.MustCompile(`(?i)\b(?:in )?the (?:following|next|previous|preceding) (?:days?|weeks?|months?|years?)\b`),
	}
	// doseRes: an amount ("10 mg/kg", "30-75 mg/day", "500 µg"), a
	// stimulation frequency ("10 Hz", "high-frequency"), a dose level ("low
	// doses", "subanaesthetic doses") and a count of administrations ("a
	// single ketamine infusion", "three ayahuasca sessions").
	doseRes = []*regexp.Regexp{
		regexp.MustCompile(`(?i)\b(\d+(?:\.\d+)?(?:\s?(?:-|–|to)\s?\d+(?:\.\d+)?)?\s?(?:mg|g|µg|mcg|ml|iu)(?:\s?/\s?(?:kg|day|d|week))*|(?:low|high|single|repeated|multiple|moderate|higher|lower|highest|lowest|standard|therapeutic|subanaesthetic|subanesthetic)[- ](?:[\pL-]+ )?doses?)\b`),
		regexp.MustCompile(`(?i)\b(?:\d+(?:\.\d+)?\s?Hz|(?:high|low)[- ]frequency)\b`),
		regexp.MustCompile(`(?i)\b(?:an? )?(?:single|repeated|multiple|two|three|four|five|six) (?:[\pL-]+ )?(?:doses?|infusions?|injections?|sessions?|administrations?|treatments?|ceremon(?:y|ies))\b`),
	}
	// comparatorWords introduce what a claim is measured against.
	comparatorWords = map[string]bool{"than": true, "versus": true, "vs": true, "compared": true, "relative": true,
		"inferior": true, "superior": true}
	// regimenWords before a drug's name say how often or by which route it
	// is given.
	regimenWords = map[string]bool{"repeated": true, "single": true, "daily": true, "weekly": true, "chronic": true,
		"intravenous": true, "intranasal": true, "oral": true, "sublingual": true, "intramuscular": true, "subcutaneous": true}
	// differWords before "from" make it a comparator word ("did not
	// differ from placebo", "no difference from sham").
	differWords = map[string]bool{"differ": true, "differed": true, "different": true, "difference": true, "differs": true}
	// controlWords name a comparator arm as written.
	controlWords = map[string]bool{"placebo": true, "control": true, "controls": true, "baseline": true, "sham": true}
)

// nearestMatch is the match of any of res in text nearest the span
// [lo, hi) (a claim's words), the earliest of equals: a sentence that names
// two time points or doses gives each claim its own. The spans in more
// (single words such as "repeated" or "oral" before a drug's name) count
// one character farther, so "oral naltrexone 50 mg" gives "50 mg".
func nearestMatch(res []*regexp.Regexp, text string, lo, hi int, more ...[]int) string {
	best, bestD := "", -1
	bestAt := 0
	for i := 0; i <= len(res); i++ {
		locs := more
		if i < len(res) {
			locs = res[i].FindAllStringIndex(text, -1)
		}
		for _, loc := range locs {
			d := 0
			switch {
			case loc[1] <= lo:
				d = lo - loc[1]
			case loc[0] >= hi:
				d = loc[0] - hi
			}
			if i == len(res) {
				d++ // a word before a name yields to an amount as near
			}
			if bestD < 0 || d < bestD || d == bestD && loc[0] < bestAt {
				best, bestD, bestAt = text[loc[0]:loc[1]], d, loc[0]
			}
		}
	}
	return strings.TrimSpace(best)
}

// animalHeads are the population heads that name a species.
var animalHeads = map[string]bool{"rat": true, "mice": true, "mouse": true, "rodent": true, "monkey": true,
	"primate": true, "animal": true}

// qualify fills a candidate's qualifiers from its sentence.
func qualify(s Sentence, ts []token, ms []Mention, c *Candidate, subj, obj Mention) {
	clause := clauses(ts)
	// Population: the population mention in the claim's clause, else the
	// sentence's first.
	var pop *Mention
	for i := range ms {
		m := &ms[i]
		if m.Category != graph.CategoryPopulation {
			continue
		}
		if pop == nil || m.first < len(ts) && obj.first < len(ts) && clause[m.first] == clause[obj.first] && clause[pop.first] != clause[obj.first] {
			pop = m
		}
	}
	if pop != nil {
		c.Qualifiers.Population = pop.ID
		c.Qualifiers.Species = animalHeads[ts[pop.last-1].stem]
	}
	// Comparator: "than (with) X", "versus X", "compared with X",
	// "relative to X", "differed from X", after the claim's subject; a
	// control arm may follow a few words on ("than those given placebo",
	// "compared with 4% on placebo"), within the clause.
	for k := max(subj.last, 0); k < len(ts); k++ {
		if !comparatorWords[ts[k].low] && !(ts[k].low == "from" && k > 0 && differWords[ts[k-1].stem]) {
			continue
		}
		for _, m := range ms {
			if m.first > k && m.first <= k+3 && m.ID != subj.ID && m.ID != obj.ID {
				c.Qualifiers.Comparator = m.ID
				break
			}
		}
		for e := k + 1; c.Qualifiers.Comparator == "" && e < len(ts) && e <= k+5; e++ {
			if strings.ContainsAny(ts[e].punctBefore, ",;:()") {
				break
			}
			if controlWords[ts[e].low] && !(e+1 < len(ts) && ts[e+1].hyphenated) {
				c.Qualifiers.Comparator = ts[e].low
			}
		}
		break
	}
	// "between X and Y": the member that is not the claim's subject.
	for k := 0; c.Qualifiers.Comparator == "" && k+1 < len(ts); k++ {
		if ts[k].low != "between" {
			continue
		}
		for _, m := range ms {
			if m.first == k+1 && m.ID == subj.ID && m.last < len(ts) && ts[m.last].low == "and" {
				if e := m.last + 1; e < len(ts) && controlWords[ts[e].low] {
					c.Qualifiers.Comparator = ts[e].low
				}
				for _, n := range ms {
					if n.first == m.last+1 && n.ID != subj.ID {
						c.Qualifiers.Comparator = n.ID
					}
				}
			}
		}
	}
	// "unlike X", "as effective as X", "in women but not in men": the
	// term right after names what the claim is set against.
	for k := 0; c.Qualifiers.Comparator == "" && k < len(ts); k++ {
		from := -1
		switch {
		case ts[k].low == "unlike":
			from = k + 1
		case ts[k].low == "as" && k >= 2 && ts[k-2].low == "as" && k > subj.last:
			from = k + 1
		case ts[k].low == "not" && k > 0 && ts[k-1].low == "but" && k+1 < len(ts) && (ts[k+1].low == "in" || ts[k+1].low == "with") && k > obj.last:
			from = k + 2
		}
		if from < 0 {
			continue
		}
		for _, m := range ms {
			if m.first >= from && m.first <= from+1 && m.ID != subj.ID && m.ID != obj.ID {
				c.Qualifiers.Comparator = m.ID
				break
			}
		}
	}
	// A "placebo-controlled" or "sham-controlled" study names its
	// comparator when no phrase does.
	if c.Qualifiers.Comparator == "" {
		for k := 1; k < len(ts); k++ {
			if ts[k].low == "controlled" && ts[k].hyphenated && controlWords[ts[k-1].low] {
				c.Qualifiers.Comparator = ts[k-1].low
				break
			}
		}
	}
	lo, hi := claimSpan(ts, subj, obj)
	c.Qualifiers.Time = nearestMatch(timeRes, s.Text, lo, hi)
	// "repeated ketamine", "intravenous psilocybin": how often or by which
	// route a drug is given, written before its name.
	var regimens [][]int
	for _, m := range ms {
		if m.Category == graph.CategoryDrug && m.first > 0 && m.first < len(ts) && regimenWords[ts[m.first-1].low] {
			regimens = append(regimens, []int{ts[m.first-1].start, ts[m.first-1].end})
		}
	}
	c.Qualifiers.Dose = nearestMatch(doseRes, s.Text, lo, hi, regimens...)
}

// claimSpan is the text span from the first to the last word of a claim's
// two ends; the whole sentence when they are not words of it.
func claimSpan(ts []token, subj, obj Mention) (lo, hi int) {
	if len(ts) == 0 {
		return 0, 0
	}
	lo, hi = ts[len(ts)-1].end, ts[0].start
	for _, m := range []Mention{subj, obj} {
		if m.first < 0 || m.last > len(ts) || m.first >= m.last {
			continue
		}
		lo, hi = min(lo, ts[m.first].start), max(hi, ts[m.last-1].end)
	}
	if lo > hi {
		return 0, 0
	}
	return lo, hi
}
