// Anaphora to things other than drugs: "Alcohol increases dopamine
// release, and this dopamine signal is blunted by X", "These changes are
// thought to open a window of flexibility": a definite description of an
// event or a change in subject place stands for the event named before it.

package extract

import (
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// eventNouns describe, without naming it, a process or change the text
// has just named.
var eventNouns = setOf("signal", "signals", "signalling", "signaling", "change", "changes", "alteration", "alterations",
	"attenuation", "reduction", "increase", "decrease", "adaptation", "adaptations", "deficit", "deficits")

// decreaseNouns name a decrease of the event they point back to.
var decreaseNouns = setOf("attenuation", "reduction", "decrease", "deficit", "deficits")

// eventAnaphor finds "this/these [modifier] <event noun>" followed by a
// verb group (a subject) and resolves it to the last mention before it in
// the sentence, else in the previous sentence, that is an event: not a
// drug, therapy, population, place or disorder. A modifier must be a word
// of the antecedent's name ("this dopamine signal" for "dopamine
// release"). It returns the anaphor as a mention of the antecedent and the
// token range it covers.
func eventAnaphor(ts []token, tags []string, ms, prevMs []Mention) (Mention, bool) {
	for k := 0; k+1 < len(ts); k++ {
		if ts[k].low != "this" && ts[k].low != "these" {
			continue
		}
		n := k + 1
		if !eventNouns[ts[n].stem] && n+1 < len(ts) && eventNouns[ts[n+1].stem] && ts[n+1].punctBefore == "" {
			n++
		}
		if !eventNouns[ts[n].stem] || n+1 >= len(ts) || ts[n+1].punctBefore != "" {
			continue
		}
		if t := tags[n+1]; !(strings.HasPrefix(t, "VB") || t == "MD" || t == "RB") {
			continue // a subject: its verb group follows
		}
		modifier := ""
		if n > k+1 {
			modifier = ts[k+1].stem
		}
		fits := func(m Mention) bool {
			switch m.Category {
			case graph.CategoryDrug, graph.CategoryTherapy, graph.CategoryPopulation, graph.CategoryBrainRegion,
				graph.CategoryBrainNetwork, graph.CategoryDisorder:
				return false
			}
			return modifier == "" || strings.Contains(" "+strings.Join(stems(m.Surface), " ")+" ", " "+modifier+" ")
		}
		var ante *Mention
		for i := range ms {
			if ms[i].last <= k && fits(ms[i]) && (ante == nil || ms[i].first > ante.first) {
				ante = &ms[i]
			}
		}
		// "These changes" opening a sentence sums up the previous
		// sentence's several changes, which no one of them stands for;
		// a plural reaches back only within its sentence.
		if plural := ts[n].low != ts[n].stem; ante == nil && !plural {
			for i := range prevMs {
				if fits(prevMs[i]) && (ante == nil || prevMs[i].first > ante.first) {
					ante = &prevMs[i]
				}
			}
		}
		if ante == nil {
			continue
		}
		m := *ante
		m.Sentence = -1 // set by the caller
		m.Surface, m.Start, m.End, m.first, m.last = strings.Join([]string{ts[k].raw, ts[n].raw}, " "), ts[k].start, ts[n].end, k, n+1
		return m, true
	}
	return Mention{}, false
}

// pronouns that open a sentence and stand for the previous one's topic.
var pronouns = map[string]bool{"it": true, "they": true}

// anaphorNouns are the general nouns a definite description ("this drug",
// "these agents", "the compound") uses to point back at a drug or therapy.
var anaphorNouns = map[string]bool{"drug": true, "drugs": true, "agent": true, "agents": true, "compound": true,
	"compounds": true, "medication": true, "medications": true, "treatment": true, "medicines": true,
	// pharmacological roles, plural: "both agonists", "these antagonists"
	// (a singular "the agonist" is more often followed by its name)
	"agonists": true, "antagonists": true, "inhibitors": true,
	// a dose of it: "Both doses lowered withdrawal severity"
	"dose": true, "doses": true}

var determiners = map[string]bool{"this": true, "these": true, "the": true, "both": true, "neither": true, "each": true}

// anaphorAt reports the length of a pronoun ("it", "they") or definite
// description ("this drug", "these agents") starting at k, or 0.
func anaphorAt(ts []token, k int) int {
	if pronouns[ts[k].low] {
		return 1
	}
	if determiners[ts[k].low] && k+1 < len(ts) && anaphorNouns[ts[k+1].low] && !ts[k+1].hyphenated {
		return 2
	}
	return 0
}

// pronounSubject: a sentence whose first clause subject is "It", "They"
// or a definite description ("This drug", "These agents"), before any
// argument, possibly after a fronted phrase ("In rats, it reduced ..."),
// speaks of the previous sentence's topic; the anaphor becomes that
// entity, at its place.
func pronounSubject(ts []token, tags []string, args []Mention, topic, of *Mention) (Mention, bool) {
	bare := false // only a pronoun stands for a topic named after "of"
	if topic == nil {
		topic, bare = of, true
	}
	if topic == nil || len(ts) == 0 {
		return Mention{}, false
	}
	for k := 0; k < len(ts) && k <= 12; k++ {
		if k > 0 && !strings.Contains(ts[k].punctBefore, ",") {
			if !frontedPronoun(ts, tags, k) {
				continue
			}
		} else if k > 8 {
			break
		}
		n := anaphorAt(ts, k)
		if bare && n > 1 {
			return Mention{}, false
		}
		if n == 0 {
			if k == 0 {
				continue
			}
			return Mention{}, false // the first clause after the fronted phrase has another subject
		}
		for _, a := range args {
			if a.first < k+n && (a.Category == graph.CategoryDrug || a.Category == graph.CategoryTherapy || a.first >= k) {
				return Mention{}, false
			}
		}
		m := *topic
		m.Surface, m.Start, m.End, m.first, m.last = ts[k].raw, ts[k].start, ts[k+n-1].end, k, k+n
		return m, true
	}
	return Mention{}, false
}

// frontedOpeners open a fronted phrase that a writer need not close with
// a comma ("At higher doses it can cause ...", "In rats it reduced ...").
var frontedOpeners = setOf("in", "at", "by", "after", "during", "among", "across", "with", "within", "following", "over", "under", "before", "from", "on")

// frontedPronoun: the pronoun at k is the subject after a fronted phrase
// with no comma: the sentence opens with a preposition, no verb comes
// before the pronoun and a verb (or an adverb before one) right after it.
func frontedPronoun(ts []token, tags []string, k int) bool {
	if !pronouns[ts[k].low] || !frontedOpeners[ts[0].low] || len(tags) != len(ts) || k+1 >= len(ts) {
		return false
	}
	for j := 1; j < k; j++ {
		if strings.ContainsAny(ts[j].punctBefore, ",;:(") {
			return false
		}
	}
	if taggedVerbBefore(tags, k) {
		return false
	}
	next := tags[k+1]
	return strings.HasPrefix(next, "VB") || next == "MD" || next == "RB"
}

// topicOf is the entity a sentence is about, for a pronoun in the next:
// its first drug or therapy that is not the object of a preposition.
func topicOf(ts []token, ms []Mention) *Mention {
	for _, m := range arguments(ts, ms) {
		if (m.Category == graph.CategoryDrug || m.Category == graph.CategoryTherapy) && !(m.first > 0 && prepositions[ts[m.first-1].low]) {
			return &m
		}
	}
	return nil
}

// nextTopic is the topic a sentence leaves for the next one (and a drug
// named after "of" when it has none). A sentence that names no drug or
// therapy but whose subject stood for the topic it was given ("It reduced
// craving") goes on speaking of it: the topic carries over, so that the
// next sentence's pronoun or harm list still reaches it. (Carried through
// harm lists too, the topic reached sentences about other things: dev
// pair precision fell.)
func nextTopic(ts []token, tags []string, ms, subjects []Mention, topic, of *Mention) (*Mention, *Mention) {
	if t := topicOf(ts, ms); t != nil {
		return t, nil
	}
	for _, m := range ms {
		if m.Category == graph.CategoryDrug || m.Category == graph.CategoryTherapy {
			return nil, ofTopic(ts, tags, ms)
		}
	}
	for _, carried := range []*Mention{topic, of} {
		for _, s := range subjects {
			if carried != nil && s.ID == carried.ID {
				t := *carried
				return &t, nil
			}
		}
	}
	return nil, ofTopic(ts, tags, ms)
}

// ofTopic is, for a sentence with no topic, the drug or therapy after
// "of" in its subject, before any verb ("The adverse effects of X include
// A and B"): a bare pronoun in the next sentence ("At high doses it can
// cause C") stands for it. A definite description ("the drug", "both
// doses") does not reach it, being as often about the drug's doses or
// arms as about the drug.
func ofTopic(ts []token, tags []string, ms []Mention) *Mention {
	for _, m := range arguments(ts, ms) {
		if m.first < 2 || ts[m.first-1].low != "of" {
			continue
		}
		if (m.Category == graph.CategoryDrug || m.Category == graph.CategoryTherapy) && !taggedVerbBefore(tags, m.first) {
			return &m
		}
		return nil
	}
	return nil
}

// taggedVerbBefore: a verb or modal is tagged before token k.
func taggedVerbBefore(tags []string, k int) bool {
	if len(tags) < k {
		return true // no tags: no way to tell the subject from the rest
	}
	for _, t := range tags[:k] {
		if strings.HasPrefix(t, "VB") && t != "VBG" && t != "VBN" || t == "MD" {
			return true
		}
	}
	return false
}

// useNouns head a phrase that speaks of taking a substance without naming
// it when nothing follows them ("Long-term use", "Repeated exposure").
var useNouns = setOf("use", "exposure")

// bareUseSubject: a sentence that opens with a use of no named substance,
// only modifiers before it ("Long-term use is associated with falls",
// "Repeated recreational use has been associated with cystitis"), and
// names no drug or therapy anywhere, speaks of the use of the drug the
// sentence before was about; the phrase becomes that drug, at its place.
// "Long-term use of X" and "Tobacco use" name their substance and are
// left alone.
func bareUseSubject(ts []token, tags []string, args []Mention, topic *Mention) (Mention, []Mention, bool) {
	if topic == nil || topic.Category != graph.CategoryDrug || len(tags) != len(ts) {
		return Mention{}, nil, false
	}
	u := -1
	for k := 0; k < len(ts) && k <= 4; k++ {
		if k > 0 && ts[k].punctBefore != "" && !ts[k].hyphenated {
			return Mention{}, nil, false
		}
		if useNouns[ts[k].low] {
			u = k
			break
		}
		if !ts[k].hyphenated && !useModifierTag(tags[k]) {
			return Mention{}, nil, false
		}
	}
	if u < 1 || u+1 >= len(ts) || ts[u+1].punctBefore != "" {
		return Mention{}, nil, false
	}
	if next := tags[u+1]; !strings.HasPrefix(next, "VB") && next != "MD" {
		return Mention{}, nil, false
	}
	var kept []Mention
	for _, a := range args {
		if a.Category == graph.CategoryDrug || a.Category == graph.CategoryTherapy {
			return Mention{}, nil, false
		}
		if a.first > u {
			kept = append(kept, a)
		}
	}
	m := *topic
	m.Surface, m.Start, m.End, m.first, m.last = ts[0].raw, ts[0].start, ts[u].end, 0, u+1
	return m, kept, true
}

// useModifierTag: an adjective, adverb or participle ("long", "heavy",
// "repeated"); no noun, which would name what was used.
func useModifierTag(t string) bool {
	switch t {
	case "JJ", "JJR", "JJS", "RB", "VBN", "VBG":
		return true
	}
	return false
}
