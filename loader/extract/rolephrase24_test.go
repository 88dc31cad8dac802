package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

// TestRolePhraseHolder: a role phrase in a relative clause on a copula's
// predicate noun ("S is a tryptamine that acts as an agonist at T") says
// what S does, not the predicate noun; a positive or negative
// (allosteric) modulator is signed like an agonist or an antagonist; a
// target right after its role noun takes the role's sign.
func TestRolePhraseHolder(t *testing.T) {
	tests := []struct {
		name, text   string
		want, absent string // "subject sign object" that must / must not be made
	}{
		{"relative clause on a predicate drug class", "DMT is a tryptamine that acts as an agonist at serotonin 5-HT2A receptors.",
			"DMT increases serotonin 5-HT2A receptors", "tryptamine increases serotonin 5-HT2A receptors"},
		{"relative clause after a modified predicate noun", "LSD is a semi-synthetic ergoline that acts as a partial agonist at serotonin 5-HT2A receptors.",
			"LSD increases serotonin 5-HT2A receptors", "ergoline increases serotonin 5-HT2A receptors"},
		{"relative clause after the predicate noun's of-phrase", "Sodium oxybate is an endogenous metabolite of GABA that acts as a weak agonist at GABA-B receptors.",
			"Sodium oxybate increases GABA-B receptors", "GABA increases GABA-B receptors"},
		{"antecedent no predicate noun: it acts itself", "Psilocybin is dephosphorylated to psilocin, which acts as a partial agonist at serotonin 5-HT2A receptors.",
			"psilocin increases serotonin 5-HT2A receptors", "Psilocybin increases serotonin 5-HT2A receptors"},
		{"negative allosteric modulator decreases", "Cannabidiol is a negative allosteric modulator of the CB1 receptor.",
			"Cannabidiol decreases CB1 receptor", "Cannabidiol increases CB1 receptor"},
		{"positive allosteric modulator increases", "GS39783 is a positive allosteric modulator of GABA-B receptors.",
			"GS39783 increases GABA-B receptors", "GS39783  GABA-B receptors"},
		{"a target right after its role takes the role's sign", "Nalmefene blocks mu-opioid receptors but acts as a partial agonist at the kappa-opioid receptor.",
			"Nalmefene increases kappa-opioid receptor", "Nalmefene decreases kappa-opioid receptor"},
		{"the earlier verb's object keeps the verb's sign", "Nalmefene blocks mu-opioid receptors but acts as a partial agonist at the kappa-opioid receptor.",
			"Nalmefene decreases mu-opioid receptors", "Nalmefene increases mu-opioid receptors"},
		{"a modulator with no direction stays unsigned", "Cannabidiol is an allosteric modulator of the CB1 receptor.",
			"", "Cannabidiol decreases CB1 receptor"},
	}
	for _, tt := range tests {
		res := ExtractOpen(nil, []Sentence{{Index: 0, Text: tt.text, Section: "Test"}})
		surface := map[string]string{}
		for _, m := range res.Mentions {
			surface[m.ID] = m.Surface
		}
		var cs []string
		for _, c := range res.Candidates {
			if c.Predicate == graph.Affects {
				cs = append(cs, strings.Join([]string{surface[c.Subject], string(c.Sign), surface[c.Object]}, " "))
			}
		}
		if tt.want != "" && !slices.Contains(cs, tt.want) {
			t.Errorf("%s: %q: no %q in %q", tt.name, tt.text, tt.want, cs)
		}
		if tt.absent != "" && slices.Contains(cs, tt.absent) {
			t.Errorf("%s: %q: %q made: %q", tt.name, tt.text, tt.absent, cs)
		}
	}
}

// TestSubtypeLetterClass: a plural role noun after a subtype's letter
// joined to its family ("mu-opioid agonists") names a drug class; the
// singular after an article ("a partial mu-opioid agonist") stays a role.
func TestSubtypeLetterClass(t *testing.T) {
	tests := []struct {
		text       string
		class      string // a Drug mention that must be found
		notSurface string // a span that must not be an entity
	}{
		{"Mu-opioid agonists cause respiratory depression.", "Mu-opioid agonists", ""},
		{"Unlike mu-opioid agonists, kratom rarely causes respiratory depression.", "mu-opioid agonists", ""},
		{"Kappa-opioid agonists produce dysphoria in humans.", "Kappa-opioid agonists", ""},
		{"Buprenorphine is a partial mu-opioid agonist and a KOR antagonist.", "Buprenorphine", "mu-opioid agonist"},
		{"Low-dose agonists were tested.", "", "Low-dose agonists"},
	}
	for _, tt := range tests {
		res := ExtractOpen(nil, []Sentence{{Index: 0, Text: tt.text, Section: "Test"}})
		var got []string
		found := tt.class == ""
		for _, m := range res.Mentions {
			got = append(got, m.Surface)
			found = found || m.Surface == tt.class && m.Category == graph.CategoryDrug
		}
		if !found {
			t.Errorf("%q: no drug %q in %q", tt.text, tt.class, got)
		}
		if tt.notSurface != "" && slices.Contains(got, tt.notSurface) {
			t.Errorf("%q: %q is an entity: %q", tt.text, tt.notSurface, got)
		}
	}
}

// TestReportedDisorderSpan: "<drug> dependence" and "<drug> withdrawal"
// after "case series describe" / "case reports describe" are the whole
// name; the study's kind and the reporting verb are no part of it.
func TestReportedDisorderSpan(t *testing.T) {
	tests := []struct{ text, want, not string }{
		{"Ketamine has reinforcing properties, and case series describe ketamine dependence in patients.", "ketamine dependence", "series describe ketamine dependence"},
		{"Case reports describe baclofen withdrawal in patients.", "baclofen withdrawal", "describe baclofen withdrawal"},
		{"A case series of five patients was published.", "", "case series"},
	}
	for _, tt := range tests {
		res := ExtractOpen(nil, []Sentence{{Index: 0, Text: tt.text, Section: "Test"}})
		var got []string
		for _, m := range res.Mentions {
			got = append(got, m.Surface)
		}
		if tt.want != "" && !slices.Contains(got, tt.want) {
			t.Errorf("%q: no %q in %q", tt.text, tt.want, got)
		}
		if slices.Contains(got, tt.not) {
			t.Errorf("%q: %q is an entity: %q", tt.text, tt.not, got)
		}
	}
}
