// A study of a drug in a disorder: "no randomized trial of mescaline in
// alcohol use disorder has been published", "the role of lofexidine in
// neonatal opioid withdrawal syndrome", "a trial of LSD-assisted
// treatment in alcohol use disorder". The drug was (or is
// to be) studied to treat the disorder; whether the study exists, is
// planned or is called for is the claim's modality, not a reason to drop
// it.

package extract

import (
	"slices"

	"github.com/kapgraph/kapgraph/graph"
)

// studyNouns name one study of something, or its place in a treatment.
// Singular only: "trials of A, B and C in Y" states the scope of a
// literature (often the review's own search), not that each was studied.
var studyNouns = map[string]bool{"trial": true, "study": true, "role": true, "efficacy": true, "effectiveness": true,
	"evaluation": true, "investigation": true}

// studiedIn emits STUDIED_TO_TREAT from each drug or therapy listed after
// "<study noun> of" to each disorder listed right after the "in" that
// follows the list.
func studiedIn(ts []token, args []Mention, emit emitFunc) {
	for k := 0; k+2 < len(ts); k++ {
		if !studyNouns[ts[k].low] || ts[k+1].low != "of" || ts[k+2].punctBefore != "" {
			continue
		}
		j := k + 2
		for j < len(ts) && determinersPossessive[ts[j].low] {
			j++
		}
		agents := listAt(ts, args, j, func(m Mention) bool {
			return m.Category == graph.CategoryDrug || m.Category == graph.CategoryTherapy
		})
		if len(agents) == 0 {
			continue
		}
		in := agents[len(agents)-1].last
		if in+1 >= len(ts) || ts[in].low != "in" || ts[in].punctBefore != "" {
			continue
		}
		j = in + 1
		for j < len(ts) && determinersPossessive[ts[j].low] {
			j++
		}
		lo := k // "No randomized trial of X in Y": the denial is the claim's
		for lo > 0 && k-lo < 2 && ts[lo].punctBefore == "" {
			lo--
		}
		for _, d := range listAt(ts, args, j, func(m Mention) bool { return m.Category == graph.CategoryDisorder }) {
			for _, a := range agents {
				emit(a, d, graph.StudiedToTreat, graph.Unsigned, cueHit{k, k + 1, cueTreatment}, lo, d.first)
			}
		}
	}
}

// listAt is the argument starting at token j, when ok takes it, with the
// arguments ok takes that "and"/"or"/commas join to it.
func listAt(ts []token, args []Mention, j int, ok func(Mention) bool) []Mention {
	i := slices.IndexFunc(args, func(m Mention) bool { return m.first == j })
	if i < 0 || !ok(args[i]) {
		return nil
	}
	out := []Mention{args[i]}
	for n := i + 1; n < len(args) && args[n].first >= args[n-1].last && onlyJoiners(ts, args[n-1].last, args[n].first) &&
		ok(args[n]); n++ {
		out = append(out, args[n])
	}
	return out
}

// forSymptomWords, right before "for" and a symptom, say the symptom is
// what a drug is for: "approved for insomnia", "promising adjuncts for
// sleep disturbance and craving", "a treatment for nausea".
var forSymptomWords = map[string]bool{"adjunct": true, "adjuncts": true, "treatment": true, "treatments": true,
	"therapy": true, "therapies": true, "option": true, "options": true, "candidate": true, "candidates": true,
	"approved": true, "indicated": true, "prescribed": true, "effective": true, "efficacious": true,
	"medication": true, "medications": true, "remedy": true}

// treatedSymptoms emits STUDIED_TO_TREAT from the nearest drug or therapy
// before "<treatment word> for", in the clause (with the drugs listed
// with it), to the symptoms listed
// right after "for". ("For patients with insomnia" names a population,
// and a bare "for" says who or why, so the word before it must say
// treatment.)
func treatedSymptoms(ts []token, args []Mention, clause []int, emit emitFunc) {
	for k := 1; k+1 < len(ts); k++ {
		if ts[k].low != "for" || !forSymptomWords[ts[k-1].low] || ts[k].punctBefore != "" {
			continue
		}
		// The list may mix disorders and symptoms ("for anxiety
		// disorders and insomnia"); the disorders are the claim loop's.
		syms := slices.DeleteFunc(listAt(ts, args, k+1, condition), func(m Mention) bool { return m.Category != graph.CategorySymptom })
		if len(syms) == 0 {
			continue
		}
		for i := len(args) - 1; i >= 0; i-- {
			d := args[i]
			if d.last > k || clause[d.first] != clause[k] || d.Category != graph.CategoryDrug && d.Category != graph.CategoryTherapy {
				continue
			}
			agents := []Mention{d}
			for j := i; j > 0 && args[j-1].last <= args[j].first && onlyJoiners(ts, args[j-1].last, args[j].first) &&
				(args[j-1].Category == graph.CategoryDrug || args[j-1].Category == graph.CategoryTherapy); j-- {
				agents = append(agents, args[j-1]) // "X and Y are adjuncts for Z"
			}
			for _, a := range agents {
				if comparator(ts, a) {
					continue
				}
				for _, s := range syms {
					emit(a, s, graph.StudiedToTreat, graph.Unsigned, cueHit{k - 1, k + 1, cueTreatment}, a.last, s.first)
				}
			}
			break
		}
	}
}
