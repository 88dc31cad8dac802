package extract

import "testing"

// mentionIDs maps each surface ExtractOpen names in a text to its id.
func mentionIDs(text string) map[string]string {
	res := ExtractOpen(nil, []Sentence{{Index: 0, Line: 1, Text: text}})
	out := map[string]string{}
	for _, m := range res.Mentions {
		out[m.Surface] = m.ID
	}
	return out
}

// TestOneEntityTwoNames holds the rules that give two surfaces of one
// entity one id (same) or keep two entities apart (!same): each row names
// a text and the two surfaces, both of which must be named.
func TestOneEntityTwoNames(t *testing.T) {
	for _, c := range []struct {
		rule, text, a, b string
		same             bool
	}{
		// A route alone says how the drug is given, not which product.
		{"route", "Naltrexone reduced drinking, and oral naltrexone reduced heavy drinking days.", "Naltrexone", "oral naltrexone", true},
		{"route", "Intranasal oxytocin lowered craving; oxytocin also lowered cortisol.", "Intranasal oxytocin", "oxytocin", true},
		{"route", "Buprenorphine retained patients, and sublingual buprenorphine reduced heroin use.", "Buprenorphine", "sublingual buprenorphine", true},
		// A class's target named by its subtype alone is the receptor.
		{"class target", "Alpha-1 antagonists reduce drinking, and blocking alpha-1 receptors restores control.", "Alpha-1", "alpha-1 receptors", true},
		{"class target", "GABA-B agonists reduce drinking; GABA-B receptors sit on dopamine neurons.", "GABA-B", "GABA-B receptors", true},
		// A release form or depot is a product of its own.
		{"release form", "Naltrexone reduced drinking, and extended-release naltrexone reduced opioid use.", "Naltrexone", "extended-release naltrexone", false},
		{"patch", "Nicotine is addictive, and transdermal nicotine doubles quit rates.", "Nicotine", "transdermal nicotine", false},
	} {
		ids := mentionIDs(c.text)
		ia, oka := ids[c.a]
		ib, okb := ids[c.b]
		if !oka || !okb {
			t.Errorf("%s: %q names %v, want %q and %q among them", c.rule, c.text, ids, c.a, c.b)
			continue
		}
		if (ia == ib) != c.same {
			t.Errorf("%s: %q gives %q id %s and %q id %s, want same=%v", c.rule, c.text, c.a, ia, c.b, ib, c.same)
		}
	}
}
