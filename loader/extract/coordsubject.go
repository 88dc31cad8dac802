package extract

import (
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// coordinatedSubjects gives every member of a coordinated run of drugs or
// therapies ("lofexidine or clonidine, which dampen X", "clonidine and
// lofexidine suppress X") the claims the pairing made for one member
// about an argument after the run: the pairing reads the nearest member
// as the subject, but the verb says the same of each. A claim about an
// argument inside or before the run is left alone: there the run is an
// object, and its members are no one subject. A run needs an "and" or
// "or" (a comma alone is an apposition: "an antagonist, it"); a member
// after a preposition is a fronted phrase ("Unlike alcohol, X"), no
// member; a pronoun refers back; and a claim whose subject is named again
// after the run ("A and B did X, but A did Y") is that later mention's.
func coordinatedSubjects(ts []token, tags []string, clause []int, args []Mention, out []Candidate) []Candidate {
	tagged := len(tags) == len(ts)
	member := func(m Mention) bool {
		return subjectMember(m) && !(tagged && tags[m.first] == "PRP")
	}
	afterPreposition := func(m Mention) bool {
		return tagged && m.first > 0 && (tags[m.first-1] == "IN" || tags[m.first-1] == "TO")
	}
	have := map[[3]string]bool{}
	for _, c := range out {
		have[[3]string{c.Subject, c.Object, string(c.Predicate)}] = true
	}
	n := len(out)
	for lo := 0; lo < len(args); {
		hi := lo + 1
		conjoined := false
		for hi < len(args) && member(args[hi-1]) && member(args[hi]) && joinedMembers(ts, args[hi-1], args[hi]) &&
			clause[args[hi-1].first] == clause[args[hi].first] &&
			!(ts[args[hi].first].punctBefore == "," && afterPreposition(args[lo])) {
			conjoined = conjoined || args[hi].first-args[hi-1].last >= 1 // a joiner word: "and", "or", "but also"
			hi++
		}
		if hi-lo < 2 || !conjoined {
			lo = hi
			continue
		}
		run := args[lo:hi]
		after := map[string]bool{}
		inRun := map[string]bool{}
		for _, m := range run {
			inRun[m.ID] = true
		}
		for _, a := range args[hi:] {
			if inRun[a.ID] {
				inRun[a.ID] = false // named again: its claims are that mention's
			} else {
				after[a.ID] = true
			}
		}
		for i := range n {
			c := out[i]
			if !inRun[c.Subject] || !after[c.Object] {
				continue
			}
			for _, m := range run {
				if !inRun[m.ID] {
					continue
				}
				key := [3]string{m.ID, c.Object, string(c.Predicate)}
				if m.ID == c.Subject || have[key] {
					continue
				}
				have[key] = true
				d := c
				d.Subject = m.ID
				out = append(out, d)
			}
		}
		lo = hi
	}
	return out
}

// subjectMember: a drug or therapy, the ends a coordinated subject run
// is made of.
func subjectMember(m Mention) bool {
	return m.Category == graph.CategoryDrug || m.Category == graph.CategoryTherapy
}

// joinedMembers: b follows a with only a comma, "and" or "or" between
// ("A, B", "A and B", "A, or B"), outside any parenthesis, or "but also"
// after "not only A".
func joinedMembers(ts []token, a, b Mention) bool {
	switch b.first - a.last {
	case 0:
		return b.first < len(ts) && ts[b.first].punctBefore == ","
	case 1:
		j := ts[a.last]
		return (j.low == "and" || j.low == "or") && (j.punctBefore == "" || j.punctBefore == ",") &&
			!strings.ContainsAny(ts[b.first].punctBefore, "()")
	case 2:
		// "not only A but also B" adds B as "and" does.
		return ts[a.last].low == "but" && ts[a.last+1].low == "also" && ts[a.last].punctBefore == "" &&
			ts[a.last+1].punctBefore == "" && ts[b.first].punctBefore == "" && a.first >= 2 && notOnly(ts, a.first-2)
	}
	return false
}
