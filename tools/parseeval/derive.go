package parseeval

import (
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/loader/extract"
)

// depGraph is one sentence's enhanced++ dependency graph, 0-based tokens.
type depGraph struct {
	toks  []Token
	kids  [][]Dep // by governor
	heads [][]Dep // by dependent
}

func newDepGraph(s ParsedSentence) *depGraph {
	g := &depGraph{toks: s.Tokens, kids: make([][]Dep, len(s.Tokens)), heads: make([][]Dep, len(s.Tokens))}
	for _, d := range s.Deps {
		if d.Dpt < 1 || d.Dpt > len(s.Tokens) || d.Gov > len(s.Tokens) {
			continue
		}
		if d.Gov > 0 {
			g.kids[d.Gov-1] = append(g.kids[d.Gov-1], d)
		}
		g.heads[d.Dpt-1] = append(g.heads[d.Dpt-1], d)
	}
	return g
}

// kidsOf returns the dependents of t whose relation passes keep.
func (g *depGraph) kidsOf(t int, keep func(string) bool) []int {
	var out []int
	for _, d := range g.kids[t] {
		if keep(d.Dep) && !slices.Contains(out, d.Dpt-1) {
			out = append(out, d.Dpt-1)
		}
	}
	return out
}

func is(names ...string) func(string) bool {
	return func(dep string) bool { return slices.Contains(names, dep) }
}

// prefixed: "nmod" matches "nmod:of"; "nmod:" alone matches any nmod:x.
func prefixed(names ...string) func(string) bool {
	return func(dep string) bool {
		for _, n := range names {
			if dep == n || strings.HasPrefix(dep, n+":") {
				return true
			}
		}
		return false
	}
}

func (g *depGraph) noun(t int) bool { return strings.HasPrefix(g.toks[t].POS, "NN") }

// Sentence is one sentence to read: its parse, its entity spans (byte
// offsets in Text, as loader/extract found them) and the converter from
// document UTF-16 offsets to byte offsets in Text.
type Sentence struct {
	Sent     extract.Sentence
	Parse    ParsedSentence
	Mentions []extract.Mention
	ToByte   func(u16 int) int
	// Antecedents, if set, names what an anaphor token ("it", "this
	// drug") refers to: the entity spans of its coreference chain.
	Antecedents func(tok int) []extract.Mention
}

type reader struct {
	s     Sentence
	g     *depGraph
	tokMs [][]int // token -> indices of the mentions it overlaps
}

// Derive proposes the sentence's claims from the dependency graph: at each
// cue, subject and object are the cue's dependents (nsubj, obl:agent /
// obj, nsubj:pass, nmod and obl by preposition), through conjunctions,
// participles (acl), relative clauses and nominal cues governed by a verb.
func Derive(s Sentence) []extract.Candidate {
	r := &reader{s: s, g: newDepGraph(s.Parse), tokMs: make([][]int, len(s.Parse.Tokens))}
	inMention := make([]bool, len(s.Parse.Tokens))
	for i, t := range s.Parse.Tokens {
		b, e := s.ToByte(t.Begin), s.ToByte(t.End)
		for k, m := range s.Mentions {
			if b < m.End && e > m.Start {
				r.tokMs[i] = append(r.tokMs[i], k)
				inMention[i] = true
			}
		}
	}
	var out []extract.Candidate
	seen := map[string]bool{}
	emit := func(subj, obj extract.Mention, p graph.Predicate, sign graph.Sign, c Cue) {
		if subj.ID == obj.ID {
			return
		}
		key := subj.ID + "\x00" + obj.ID + "\x00" + string(p)
		if seen[key] {
			return
		}
		seen[key] = true
		neg, hedged := r.negated(c.Head), r.hedged()
		mod := graph.ModalityAsserted
		switch {
		case neg:
			mod = graph.ModalityNegated
		case hedged:
			mod = graph.ModalityHedged
		}
		out = append(out, extract.Candidate{Sentence: s.Sent.Index, Section: s.Sent.Section, Text: s.Sent.Text, Citations: s.Sent.Citations,
			Subject: subj.ID, Object: obj.ID, Predicate: p, Sign: sign, Cue: r.cueText(c), Negated: neg, Hedged: hedged, Modality: mod})
	}
	for _, c := range findCues(s.Parse.Tokens, inMention) {
		c = r.headOf(c)
		subjT, objT := r.args(c)
		subjs, objs := r.resolveAll(subjT), r.resolveAll(objT)
		p, sign := r.predicate(c, objT)
		for _, a := range subjs {
			for _, b := range objs {
				switch c.Kind {
				case CueTreatment:
					if !agent(a) || b.Category != graph.CategoryDisorder {
						continue
					}
				case CueAdverse:
					if !agent(a) || !harm(b) {
						continue
					}
				}
				emit(a, b, p, sign, c)
			}
		}
	}
	// "<drug> for <disorder>": the preposition is the treatment cue.
	for t := range s.Parse.Tokens {
		for _, d := range r.g.heads[t] {
			if d.Gov == 0 || (d.Dep != "nmod:for" && d.Dep != "obl:for") {
				continue
			}
			for _, b := range r.resolve(t) {
				if b.Category != graph.CategoryDisorder {
					continue
				}
				govs := []int{d.Gov - 1}
				if len(r.g.kidsOf(d.Gov-1, is("cop"))) > 0 {
					govs = append(govs, r.g.kidsOf(d.Gov-1, is("nsubj"))...) // "X is effective for Y"
				}
				for _, a := range r.resolveAll(govs) {
					if agent(a) {
						emit(a, b, graph.StudiedToTreat, graph.Unsigned, Cue{I: t, J: t + 1, Head: d.Gov - 1, Kind: CueTreatment})
					}
				}
			}
		}
	}
	return out
}

// harm: what an adverse-event frame can name (the extractor files many
// adverse events as symptoms or disorders).
func harm(m extract.Mention) bool {
	switch m.Category {
	case graph.CategorySafetyRisk, graph.CategorySymptom, graph.CategoryDisorder, graph.CategoryOutcome:
		return true
	}
	return false
}

func agent(m extract.Mention) bool {
	return m.Category == graph.CategoryDrug || m.Category == graph.CategoryTherapy
}

func (r *reader) cueText(c Cue) string {
	var ws []string
	for k := c.I; k < c.J; k++ {
		ws = append(ws, r.g.toks[k].Word)
	}
	return strings.Join(ws, " ")
}

// headOf picks the content word of a multi-word cue ("in patients with").
func (r *reader) headOf(c Cue) Cue {
	if c.J-c.I > 1 && strings.ToLower(r.g.toks[c.I].Word) == "in" {
		c.Head = c.I + 1
	}
	return c
}

// trailingPrep is the preposition a multi-word cue ends in ("lead to").
func (r *reader) trailingPrep(c Cue) string {
	if c.J-c.I < 2 {
		return ""
	}
	w := strings.ToLower(r.g.toks[c.J-1].Word)
	if w == "to" || w == "in" || w == "with" || w == "on" || w == "of" || w == "for" {
		return w
	}
	return ""
}

var subjRels = is("nsubj", "nsubj:xsubj", "csubj", "obl:agent", "nmod:agent", "nmod:by", "nmod:poss")

// args returns the subject and object tokens of a cue.
func (r *reader) args(c Cue) (subj, obj []int) {
	g, h := r.g, c.Head
	subj = g.kidsOf(h, subjRels)
	prep := r.trailingPrep(c)
	switch {
	case prep != "":
		obj = g.kidsOf(h, is("obl:"+prep, "nmod:"+prep, "obj"))
		if len(subj) == 0 {
			subj = g.kidsOf(h, is("nsubj:pass")) // "X was associated with Y"
		}
	case c.Kind == CueCorrelation:
		// "X was associated with Y", "X predicts Y", "studies linked X to Y".
		with := g.kidsOf(h, is("obl:with", "obl:to", "nmod:with", "nmod:to", "nmod:between"))
		direct := g.kidsOf(h, is("obj", "nsubj:pass"))
		obj = with
		if len(with) == 0 {
			obj = g.kidsOf(h, is("obj"))
		}
		if len(with) > 0 && len(direct) > 0 && len(subj) == 0 {
			subj = direct
		}
	default:
		obj = g.kidsOf(h, is("obj", "nsubj:pass", "iobj"))
		if len(obj) == 0 {
			obj = g.kidsOf(h, is("nmod:of", "nmod:in", "nmod:on", "nmod:to", "nmod:for", "obl:on", "obl:of", "obl:to"))
		}
	}
	if c.Kind == CueAdverse {
		return r.adverseArgs(h, subj, obj)
	}
	// The cue as a predicate nominal: "X is a leading cause of Y", "X is a
	// partial agonist at Y" (subject: the copula's subject; object: the
	// noun's prepositional dependent), or as the copula's subject: "the
	// options for Y are A, B and C".
	if g.noun(h) || strings.HasPrefix(g.toks[h].POS, "JJ") {
		nmods := g.kidsOf(h, is("nmod:of", "nmod:at", "nmod:for", "nmod:on", "nmod:to", "nmod:in"))
		if len(g.kidsOf(h, is("cop"))) > 0 {
			if len(obj) == 0 {
				obj = nmods
			}
		} else {
			for _, d := range g.heads[h] {
				if d.Gov > 0 && d.Dep == "nsubj" && len(g.kidsOf(d.Gov-1, is("cop"))) > 0 {
					subj, obj = []int{d.Gov - 1}, nmods
				}
			}
		}
	}
	// The cue as a modifier: "drugs reducing craving" (acl, active: the
	// noun is the subject), "craving reduced by X" (acl or amod, passive
	// participle or adjective: the noun is the object).
	for _, d := range g.heads[h] {
		if d.Gov == 0 {
			continue
		}
		n := d.Gov - 1
		switch {
		case d.Dep == "acl:relcl":
			if len(subj) == 0 {
				subj = append(subj, n)
			}
		case d.Dep == "acl" && g.toks[h].POS != "VBN":
			if len(subj) == 0 {
				subj = append(subj, n)
			}
		case d.Dep == "acl" || d.Dep == "amod":
			if len(obj) == 0 {
				obj = append(obj, n)
			}
			if len(subj) == 0 {
				subj = r.governingSubjects(n)
			}
		}
	}
	// A nominal cue governed by a verb: "X produced reductions in Y",
	// "X was associated with lower Y", "reductions in Y were seen with X".
	if len(subj) == 0 && (g.noun(h) || strings.HasPrefix(g.toks[h].POS, "JJ")) {
		subj = r.governingSubjects(h)
	}
	// A verb cue with no subject of its own, hanging from another clause
	// (advcl, parataxis, or the parser's unlabelled dep, which it gives
	// "X combined with Y increased Z"): that clause's subject.
	// A conjoined predicate ("X contributes to A and is a cause of B") the
	// parse did not give the first conjunct's subject: that subject.
	if len(subj) == 0 {
		for _, d := range g.heads[h] {
			if d.Gov > 0 && strings.HasPrefix(d.Dep, "conj") {
				subj = append(subj, g.kidsOf(d.Gov-1, is("nsubj"))...)
			}
		}
	}
	if len(subj) == 0 && strings.HasPrefix(g.toks[h].POS, "VB") {
		for _, d := range g.heads[h] {
			if d.Gov > 0 && (d.Dep == "dep" || d.Dep == "parataxis" || strings.HasPrefix(d.Dep, "advcl")) {
				subj = append(subj, g.kidsOf(d.Gov-1, is("nsubj"))...)
			}
		}
	}
	return subj, obj
}

// adverseArgs reads the frames of an adverse-event noun ("adverse events",
// "side effects", "risk"): the drug is its of/with/from dependent or the
// subject of the verb above it; the events are its such-as members, the
// other side of a copula ("the adverse events of X are Y", "Y is an
// adverse effect of X"), or the object of "include".
func (r *reader) adverseArgs(h int, subj, obj []int) ([]int, []int) {
	g := r.g
	n := h
	if !g.noun(h) {
		for _, d := range g.heads[h] {
			if d.Gov > 0 && (d.Dep == "amod" || d.Dep == "compound") {
				n = d.Gov - 1
			}
		}
	}
	subj = append(subj, g.kidsOf(n, is("nmod:of", "nmod:with", "nmod:from", "nmod:poss", "nmod:of_using", "nmod:during"))...)
	if len(subj) == 0 {
		subj = r.governingSubjects(n)
	}
	obj = append(obj, g.kidsOf(n, is("nmod:such_as", "nmod:including", "nmod:like", "appos", "nmod:in", "nmod:for"))...)
	for _, d := range g.heads[n] {
		if d.Gov == 0 {
			continue
		}
		p := d.Gov - 1
		switch {
		case d.Dep == "nsubj" && len(g.kidsOf(p, is("cop"))) > 0:
			obj = append(obj, p) // "the adverse events of X are Y"
		case d.Dep == "nsubj" && strings.HasPrefix(strings.ToLower(g.toks[p].Lemma), "include"):
			obj = append(obj, g.kidsOf(p, is("obj"))...)
		}
	}
	if len(g.kidsOf(n, is("cop"))) > 0 {
		obj = append(obj, g.kidsOf(n, is("nsubj"))...) // "Y is the main adverse effect of X"
	}
	return subj, obj
}

// governingSubjects: the subject of the verb that takes noun n as object
// or oblique, or the cause (obl:with/after/by) when n is the verb's subject.
func (r *reader) governingSubjects(n int) []int {
	g := r.g
	for _, d := range g.heads[n] {
		if d.Gov == 0 {
			continue
		}
		v := d.Gov - 1
		switch {
		case d.Dep == "obj" || strings.HasPrefix(d.Dep, "obl") || d.Dep == "xcomp":
			if s := g.kidsOf(v, is("nsubj", "nsubj:pass", "nsubj:xsubj", "obl:agent")); len(s) > 0 {
				return without(s, n)
			}
		case d.Dep == "nsubj" || d.Dep == "nsubj:pass":
			if s := g.kidsOf(v, is("obl:with", "obl:after", "obl:following", "obl:agent", "obl:by", "obl:under")); len(s) > 0 {
				return s
			}
		}
	}
	return nil
}

func without(ts []int, n int) []int {
	return slices.DeleteFunc(slices.Clone(ts), func(t int) bool { return t == n })
}

// resolveRels: how an argument's head reaches the entity it names
// ("levels of dopamine", "alcohol craving"); prepositions that bring a
// population or setting ("in patients", "with AUD") are not followed.
var resolveRels = is("compound", "amod", "nmod:of", "appos", "nmod:such_as", "nmod:including", "nmod:like", "flat", "nmod:poss")

// resolveAll maps argument tokens to the entity spans they name, through
// coordination.
func (r *reader) resolveAll(ts []int) []extract.Mention {
	var out []extract.Mention
	seen := map[int]bool{}
	var queue []int
	queue = append(queue, ts...)
	for len(queue) > 0 {
		t := queue[0]
		queue = queue[1:]
		if seen[t] {
			continue
		}
		seen[t] = true
		for _, m := range r.resolve(t) {
			if !slices.ContainsFunc(out, func(o extract.Mention) bool { return o.ID == m.ID }) {
				out = append(out, m)
			}
		}
		queue = append(queue, r.g.kidsOf(t, prefixed("conj"))...)
	}
	return out
}

// resolve: the mentions covering t, else those nearest below it through
// resolveRels (two levels at most); such-as members beside their class.
func (r *reader) resolve(t int) []extract.Mention {
	level := []int{t}
	for depth := 0; depth < 3 && len(level) > 0; depth++ {
		var out []extract.Mention
		var next []int
		for _, u := range level {
			for _, k := range r.tokMs[u] {
				out = append(out, r.s.Mentions[k])
			}
			next = append(next, r.g.kidsOf(u, resolveRels)...)
			if findCues(r.g.toks[u:u+1], []bool{false}) != nil {
				next = append(next, r.g.kidsOf(u, is("nmod:in", "nmod:on"))...) // "the increase in X"
			}
		}
		if len(out) > 0 {
			return out
		}
		if depth == 0 && r.s.Antecedents != nil {
			if out = r.s.Antecedents(t); len(out) > 0 {
				return out
			}
		}
		level = next
	}
	return nil
}
