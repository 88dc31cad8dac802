package parseeval

import (
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// Modality, negation and sign of a claim the parse reads, and Explain.

var hedgeWords = []string{"may", "might", "could", "suggest", "potential", "hypothes", "appear", "possibl", "putative", "perhaps", "propos", "likely", "candidate"}

func (r *reader) hedged() bool {
	for _, t := range r.g.toks {
		w := strings.ToLower(t.Word)
		for _, h := range hedgeWords {
			if strings.HasPrefix(w, h) {
				return true
			}
		}
	}
	return false
}

// negated: "not"/"never" on the cue or on a verb above it ("failed to
// reduce"), "no" on the cue's noun or its object.
func (r *reader) negated(h int) bool {
	g := r.g
	// "Neither dose of X reduced", "no drug reduced": on the subject.
	for _, sbj := range g.kidsOf(h, is("nsubj", "nsubj:pass")) {
		for _, k := range g.kidsOf(sbj, is("det", "cc:preconj", "advmod")) {
			if w := strings.ToLower(g.toks[k].Word); w == "no" || w == "neither" || w == "none" {
				return true
			}
		}
	}
	for t, depth := h, 0; depth < 3; depth++ {
		for _, k := range g.kidsOf(t, is("advmod", "det", "neg", "cc:preconj")) {
			switch strings.ToLower(g.toks[k].Word) {
			case "not", "n't", "never", "no", "neither", "nor", "without":
				return true
			}
		}
		if l := strings.ToLower(g.toks[t].Lemma); l == "fail" || l == "lack" {
			return true
		}
		up := -1
		for _, d := range g.heads[t] {
			if d.Gov > 0 && (d.Dep == "xcomp" || d.Dep == "ccomp") {
				up = d.Gov - 1
			}
		}
		if up < 0 {
			break
		}
		t = up
	}
	return false
}

// predicate: the claim's predicate and sign from the cue, as
// loader/extract gives them (a correlation takes the direction of a
// direction word on its object: "associated with lower Y").
func (r *reader) predicate(c Cue, obj []int) (graph.Predicate, graph.Sign) {
	switch c.Kind {
	case CueIncrease:
		return graph.Affects, graph.Increases
	case CueDecrease:
		return graph.Affects, graph.Decreases
	case CueTreatment:
		return graph.StudiedToTreat, graph.Unsigned
	case CueAdverse:
		return graph.HasAdverseEvent, graph.Unsigned
	case CueChange:
		return graph.Affects, graph.Unsigned
	}
	sign := graph.Increases
	for _, o := range obj {
		for _, k := range r.g.kidsOf(o, is("amod", "compound")) {
			for _, d := range findCues(r.g.toks[k:k+1], []bool{false}) {
				if d.Kind == CueDecrease {
					sign = graph.Decreases
				}
			}
		}
	}
	return graph.CorrelatedWith, sign
}

// Explain describes how Derive reads one sentence: its entity spans, cues
// and the arguments found at each (for checking the reading by hand).
func Explain(s Sentence) string {
	r := &reader{s: s, g: newDepGraph(s.Parse), tokMs: make([][]int, len(s.Parse.Tokens))}
	inMention := make([]bool, len(s.Parse.Tokens))
	var sb strings.Builder
	for i, t := range s.Parse.Tokens {
		b, e := s.ToByte(t.Begin), s.ToByte(t.End)
		for k, m := range s.Mentions {
			if b < m.End && e > m.Start {
				r.tokMs[i] = append(r.tokMs[i], k)
				inMention[i] = true
			}
		}
	}
	for _, m := range s.Mentions {
		sb.WriteString("  mention " + m.Surface + " [" + string(m.Category) + "]\n")
	}
	for _, c := range findCues(s.Parse.Tokens, inMention) {
		c = r.headOf(c)
		st, ot := r.args(c)
		var ss, os []string
		for _, m := range r.resolveAll(st) {
			ss = append(ss, m.Surface)
		}
		for _, m := range r.resolveAll(ot) {
			os = append(os, m.Surface)
		}
		sb.WriteString("  cue " + r.cueText(c) + ": subj " + strings.Join(ss, ", ") + " | obj " + strings.Join(os, ", ") + "\n")
	}
	return sb.String()
}
