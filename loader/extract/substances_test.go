package extract

import (
	"slices"
	"testing"
)

// TestReviewNames: a substance the dictionary lacks is named by the
// review's own context or a chemist's spelling; ordinary words, authors,
// places, trial acronyms and genes in the same places are not.
func TestReviewNames(t *testing.T) {
	cases := []struct {
		name  string
		texts []string
		want  []string
	}{
		{"class apposition", []string{"Its principal alkaloid, velutinine, was studied in rats."}, []string{"velutinine"}},
		{"metabolite before the name", []string{"The drug is cleared to its metabolite 6-hydroxyvelutinine."}, []string{"6-hydroxyvelutinine"}},
		{"role noun before a mixed-case code", []string{"Pretreatment with the antagonist KRTic blocked it."}, []string{"KRTic"}},
		{"copula with a role noun", []string{"Velutinine is a weak partial agonist at the receptor."}, []string{"Velutinine"}},
		{"relative clause of binding", []string{"Tramadol is demethylated to desvelutane, which binds the receptor."}, []string{"desvelutane"}},
		{"such as after a class", []string{"Kappa antagonists such as QZTin, nor-velutimine and naltrexone reduced relapse."}, []string{"QZTin", "nor-velutimine"}},
		{"comma code", []string{"The arylamide agonists Z71,522 and velutane decreased intake."}, []string{"Z71,522", "velutane"}},
		{"botanical source", []string{"Yarrowleaf (Achillea borealis) is a shrub whose roots are chewed."}, []string{"Yarrowleaf"}},
		{"natural product letter", []string{"The alkaloid velutorin B was isolated from the leaves."}, []string{"velutorin B"}},
		{"locant chemical anywhere", []string{"Levels of 4-methoxyvelutamine rose in plasma."}, []string{"4-methoxyvelutamine"}},
		{"a listed natural product's letter", []string{"Inhaled salvinorin A produced dissociation."}, []string{"salvinorin A"}},
		{"a derivative's other letter and group words", []string{"The alkaloid velutorin A was potent.", "Ethoxymethyl ether velutorin B and mesyl velutorin C were longer acting."},
			[]string{"velutorin A", "Ethoxymethyl ether velutorin B", "mesyl velutorin C"}},
		// Negatives.
		{"an author-year citation in brackets", []string{"Craving fell sharply (Nichols, 2016) in treated rats."}, nil},
		{"an author list in brackets", []string{"Relapse was common (Brown et al., 2019) after detoxification."}, nil},
		{"a place in brackets", []string{"The shrub grows in Gabon (West Africa) and Cameroon."}, nil},
		{"a capitalised word after a class noun in a title", []string{"Opioid Agonist Therapy Outcomes were reported."}, nil},
		{"a letter after a word with no known variant", []string{"The participants in group B relapsed; velutorin B was not given."}, nil},
		{"a listed drug is not re-proposed", []string{"The antagonist naltrexone reduced drinking."}, nil},
		{"an ordinary word after a class noun", []string{"Cannabis is the most used illicit drug worldwide, and many people use it."}, nil},
		{"a verb after a listed drug", []string{"Treatments such as methadone and buprenorphine remain the standard of care."}, nil},
		{"an author name", []string{"McKenna and colleagues, a group in Ohio, studied the agonist."}, nil},
		{"a gene-like code with lower case", []string{"The agonist mGluR5 was blocked by the antagonist."}, nil},
		{"a trial acronym", []string{"In the CURB trial, an antagonist was given with placebo."}, nil},
		{"a title", []string{"Psychedelic Medicine Perspectives is a journal."}, nil},
		{"a longer dictionary name", []string{"The drug lysergic acid diethylamide was given."}, nil},
		{"a name going on in brackets", []string{"The receptor antagonist exendin-(9-39) blocked it."}, nil},
		{"a metabolite chemicalName reads", []string{"Ibogaine is converted to noribogaine, which binds the transporter."}, nil},
		{"a compound code chemicalName reads", []string{"The antagonist LY341495 blocked it."}, nil},
	}
	ix, err := loadResources()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		_, got := reviewNames(ix, c.texts, tagSentences(c.texts))
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

// TestReviewNameEverywhere: a name the review defines once is a Drug at
// every mention, before the definition and in another case.
func TestReviewNameEverywhere(t *testing.T) {
	sents := []Sentence{
		{Index: 0, Text: "Velutinine reduced morphine self-administration in rats."},
		{Index: 1, Text: "Its main alkaloid, velutinine, is a partial agonist."},
		{Index: 2, Text: "In mice, VELUTININE did not produce place preference."},
	}
	res := ExtractOpen(nil, sents)
	seen := map[int]bool{}
	for _, m := range res.Mentions {
		if m.ID == ProposedPrefix+"velutinine" && m.Category == "Drug" {
			seen[m.Sentence] = true
		}
	}
	for i := range sents {
		if !seen[i] {
			t.Errorf("sentence %d: velutinine not named; mentions %+v", i, res.Mentions)
		}
	}
}

// TestAgentOfNominal: "occupancy by X predicted Y": X is inside the
// subject's phrase.
func TestAgentOfNominal(t *testing.T) {
	cases := []struct {
		text, arg string
		want      bool
	}{
		{"receptor occupancy by velutinine predicted the intensity", "velutinine", true},
		{"craving was reduced by velutinine in rats", "velutinine", false},
		{"velutinine predicted the intensity", "velutinine", false},
	}
	for _, c := range cases {
		ts := tokenize(c.text)
		var args []Mention
		for k, tk := range ts {
			if tk.low == c.arg || tk.low == "occupancy" || tk.low == "craving" {
				args = append(args, Mention{first: k, last: k + 1, Surface: tk.raw})
			}
		}
		var a Mention
		for _, m := range args {
			if m.Surface == c.arg {
				a = m
			}
		}
		if got := agentOfNominal(ts, args, a); got != c.want {
			t.Errorf("%q: got %v, want %v", c.text, got, c.want)
		}
	}
}

// TestMolecularNameParts: a protein family's member keeps its number, a
// G protein its letter; "e.g." stays out of names.
func TestMolecularNameParts(t *testing.T) {
	cases := []struct{ text, want, not string }{
		{"The drug did not recruit beta-arrestin 2 in these assays.", "beta-arrestin 2", "beta-arrestin"},
		{"In assays, velutinine activated G protein signalling without side effects.", "G protein signalling", "protein signalling"},
		{"Some drugs (e.g. naltrexone) reduced drinking.", "naltrexone", "g. naltrexone"},
	}
	for _, c := range cases {
		res := ExtractOpen(nil, []Sentence{{Text: c.text}})
		var got []string
		for _, m := range res.Mentions {
			got = append(got, m.Surface)
		}
		if !slices.Contains(got, c.want) || slices.Contains(got, c.not) {
			t.Errorf("%q: mentions %q, want %q and not %q", c.text, got, c.want, c.not)
		}
	}
}

// TestBracketedMolecules: a molecule with its short form in brackets
// before the head is one Mechanism named by the short form; a manner word
// stays out, and brackets with no name make none.
func TestBracketedMolecules(t *testing.T) {
	cases := []struct{ text, want, id string }{
		{"Velutinine is an agonist at the serotonin 2C (5-HT2C) receptor in rats.", "serotonin 2C (5-HT2C) receptor", ProposedPrefix + "5-ht2c-receptor"},
		{"It is a non-competitive N-methyl-D-aspartate (NMDA) receptor antagonist.", "N-methyl-D-aspartate (NMDA) receptor", ProposedPrefix + "nmda-receptor"},
		{"Velutinine binds (mostly) receptors in the gut.", "", ""},
	}
	for _, c := range cases {
		res := ExtractOpen(nil, []Sentence{{Text: c.text}})
		found := false
		for _, m := range res.Mentions {
			if m.Pattern == "molecule with its short form" {
				found = true
				if m.Surface != c.want || m.ID != c.id || m.Category != "Mechanism" {
					t.Errorf("%q: got %q %s %s, want %q %s", c.text, m.Surface, m.ID, m.Category, c.want, c.id)
				}
			}
		}
		if found != (c.want != "") {
			t.Errorf("%q: found %v, want %q", c.text, found, c.want)
		}
	}
}
