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
	timeRe = regexp.MustCompile(`(?i)\b((?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty)[- ](?:hours?|days?|weeks?|months?|years?))(?:[- ]follow[- ]up)?\b`)
	doseRe = regexp.MustCompile(`(?i)\b(\d+(?:\.\d+)?\s?(?:mg|g|µg|mcg|ml|iu)(?:\s?/\s?(?:kg|day|d|week))*|(?:low|high|single|repeated|multiple|moderate)[- ]doses?)\b`)
	// comparatorWords introduce what a claim is measured against.
	comparatorWords = map[string]bool{"than": true, "versus": true, "vs": true, "compared": true, "relative": true}
)

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
	// "relative to X", after the claim's subject.
	for k := max(subj.last, 0); k < len(ts); k++ {
		if !comparatorWords[ts[k].low] {
			continue
		}
		for _, m := range ms {
			if m.first > k && m.first <= k+3 && m.ID != subj.ID && m.ID != obj.ID {
				c.Qualifiers.Comparator = m.ID
				break
			}
		}
		if c.Qualifiers.Comparator == "" {
			e := k + 1
			for e < len(ts) && (ts[e].low == "with" || ts[e].low == "to") {
				e++
			}
			if e < len(ts) && (ts[e].low == "placebo" || ts[e].low == "control" || ts[e].low == "controls" || ts[e].low == "baseline") {
				c.Qualifiers.Comparator = ts[e].low
			}
		}
		break
	}
	if m := timeRe.FindString(s.Text); m != "" {
		c.Qualifiers.Time = strings.TrimSpace(m)
	}
	if m := doseRe.FindString(s.Text); m != "" {
		c.Qualifiers.Dose = strings.TrimSpace(m)
	}
}
