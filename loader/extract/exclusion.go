// Contrastive coordination: "X, but not Y, reduced Z" and "X reduced A,
// but not B, in rats" state the claim of X (or A) and deny it of Y (or
// B); "X, along with Y, reduced Z" and "X, and possibly Y, reduced Z"
// state it of Y too (hedged after "possibly"). The parenthesis between commas is no clause of its own, and Y is no
// subject or object of the verb: the rules read the sentence without it,
// then give Y a negated copy of each claim its neighbour got.

package extract

import (
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// exclusion is one "but not" parenthesis: the arguments it names, the
// argument before it they are contrasted with, and its tokens (from
// "but" to the last member).
type exclusion struct {
	anchor  Mention
	members []Mention
	lo, hi  int
	// kind: how the members' copies are stated: denied ("but not"),
	// as the anchor's ("along with"), or hedged ("and possibly").
	kind parenthesisKind
}

type parenthesisKind int

const (
	denied parenthesisKind = iota
	added
	hedgedAdded
)

// parenthesisOpeners open a parenthesis about a neighbour after its
// comma: "but not" denies, "along with", "together with" and "and to a
// lesser extent" add, "and possibly/perhaps/probably" add with a hedge.
var parenthesisOpeners = []struct {
	words []string
	kind  parenthesisKind
}{
	{[]string{"but", "not"}, denied},
	{[]string{"along", "with"}, added},
	{[]string{"together", "with"}, added},
	{[]string{"and", "to", "a", "lesser", "extent"}, added},
	{[]string{"and", "possibly"}, hedgedAdded},
	{[]string{"and", "perhaps"}, hedgedAdded},
	{[]string{"and", "probably"}, hedgedAdded},
}

// parenthesisAt: the opener of a parenthesis starts at k after a comma;
// it returns the token after the opener and its kind.
func parenthesisAt(ts []token, k int) (int, parenthesisKind, bool) {
	if k >= len(ts) || !strings.Contains(ts[k].punctBefore, ",") {
		return 0, 0, false
	}
	for _, o := range parenthesisOpeners {
		if k+len(o.words) >= len(ts) {
			continue
		}
		ok := true
		for i, w := range o.words {
			if ts[k+i].low != w || i > 0 && ts[k+i].punctBefore != "" {
				ok = false
				break
			}
		}
		if ok {
			return k + len(o.words), o.kind, true
		}
	}
	return 0, 0, false
}

// exclusions finds ", but not Y," (or another parenthesis opener: ",
// along with Y,", ", and possibly Y,"; Y one argument or an "and"/"or"
// list of them, closed by a comma) right after an argument, and returns
// the arguments without Y. Nothing but a determiner may stand between
// the opener and Y, and nothing but list joiners between Y's members.
func exclusions(ts []token, args []Mention) ([]Mention, []exclusion) {
	var out []exclusion
	for n := 0; n+1 < len(args); n++ {
		a := args[n]
		k := a.last
		p, kind, ok := parenthesisAt(ts, k)
		if !ok {
			continue
		}
		if p < len(ts) && (ts[p].low == "the" || ts[p].low == "a" || ts[p].low == "an") && ts[p].punctBefore == "" {
			p++
		}
		var members []Mention
		for m := n + 1; m < len(args) && args[m].first == p; m++ {
			members = append(members, args[m])
			p = args[m].last
			if p < len(ts) && (ts[p].low == "and" || ts[p].low == "or") && ts[p].punctBefore == "" {
				p++
			} else if p < len(ts) && ts[p].punctBefore == "," && m+1 < len(args) && args[m+1].first == p && sameKind(args[m], args[m+1]) {
				// "but not Y, W or V,": the list goes on
			} else {
				break
			}
		}
		if len(members) == 0 {
			continue
		}
		end := members[len(members)-1].last
		if end >= len(ts) || ts[end].punctBefore != "," || !sameKind(a, members[0]) {
			continue // no closing comma: "but not Y" ending the clause is read as written
		}
		out = append(out, exclusion{anchor: a, members: members, lo: k, hi: end, kind: kind})
	}
	if len(out) == 0 {
		return args, nil
	}
	kept := slices.DeleteFunc(slices.Clone(args), func(m Mention) bool {
		return slices.ContainsFunc(out, func(e exclusion) bool { return m.first >= e.lo && m.last <= e.hi })
	})
	return kept, out
}

// mergeExclusions keeps each parenthesis in the clause before it: its
// ", but" starts no clause.
func mergeExclusions(clause []int, ex []exclusion) {
	for _, e := range ex {
		if e.lo == 0 || clause[e.lo] == clause[e.lo-1] {
			continue
		}
		for k := e.lo; k < len(clause); k++ {
			clause[k]--
		}
	}
}

// excludedClaims gives each member of a parenthesis a copy of the claims
// its anchor got on the far side of it (negated after "but not", hedged
// after "and possibly"): as subject
// when the anchor is the claim's subject and the object follows, as
// object when the anchor is the object and the subject stands before it.
func excludedClaims(args []Mention, ex []exclusion, out []Candidate) []Candidate {
	at := map[string]Mention{}
	for _, m := range args {
		if _, ok := at[m.ID]; !ok {
			at[m.ID] = m
		}
	}
	have := map[[3]string]bool{}
	for _, c := range out {
		have[[3]string{c.Subject, c.Object, string(c.Predicate)}] = true
	}
	n := len(out)
	for _, e := range ex {
		for i := range n {
			c := out[i]
			for _, y := range e.members {
				d := c
				switch {
				case c.Subject == e.anchor.ID && at[c.Object].first >= e.hi:
					d.Subject = y.ID
				case c.Object == e.anchor.ID && at[c.Subject].last <= e.anchor.first:
					d.Object = y.ID
				default:
					continue
				}
				key := [3]string{d.Subject, d.Object, string(d.Predicate)}
				if d.Subject == d.Object || have[key] {
					continue
				}
				have[key] = true
				switch e.kind {
				case denied:
					d.Negated = !c.Negated
				case hedgedAdded:
					d.Hedged = true
				}
				d.Modality = graph.ModalityOf(d.Negated, d.Hedged, c.Modality == graph.ModalityProposed)
				out = append(out, d)
			}
		}
	}
	return out
}

// notOnly: "not only" at k ("reduced not only X but also Y") adds, and
// denies nothing.
func notOnly(ts []token, k int) bool {
	return k+1 < len(ts) && ts[k].low == "not" && ts[k+1].low == "only" && ts[k+1].punctBefore == ""
}
