package parseeval

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/loader/extract"
)

// testdata/parses.json holds real CoreNLP 4.5.10 output (enhanced++) for a
// few dev sentences, offsets relative to the sentence, so that the reading
// is tested without the server.
type parsed struct {
	Source string         `json:"source"`
	Text   string         `json:"text"`
	Parse  ParsedSentence `json:"parse"`
}

func loadParses(t *testing.T) map[string]parsed {
	t.Helper()
	b, err := os.ReadFile("testdata/parses.json")
	if err != nil {
		t.Fatal(err)
	}
	var ps []parsed
	if err := json.Unmarshal(b, &ps); err != nil {
		t.Fatal(err)
	}
	out := map[string]parsed{}
	for _, p := range ps {
		out[p.Text] = p
	}
	return out
}

type span struct {
	surface string
	cat     graph.Category
}

func TestDerive(t *testing.T) {
	parses := loadParses(t)
	for _, tc := range []struct {
		name     string
		prefix   string // start of the sentence in parses.json
		mentions []span
		want     []string // "subject > predicate sign modality > object"
	}{
		// "in patients with" is a treatment cue of loader/extract's lexicon:
		// the parse reads the drug the clause is about as its subject.
		{"active verb and object; the treatment cue 'in patients with'", "In patients with cirrhosis",
			[]span{{"cirrhosis", graph.CategoryDisorder}, {"baclofen", graph.CategoryDrug}, {"abstinence", graph.CategoryOutcome}},
			[]string{"baclofen > AFFECTS increases ASSERTED > abstinence", "baclofen > STUDIED_TO_TREAT  ASSERTED > cirrhosis"}},
		{"passive correlation, and the direction adjective on its object", "Both drugs cause",
			[]span{{"sedation", graph.CategorySymptom}, {"baclofen", graph.CategoryDrug}, {"mortality", graph.CategoryOutcome}},
			[]string{"baclofen > AFFECTS increases ASSERTED > mortality", "baclofen > CORRELATED_WITH increases ASSERTED > mortality"}},
		{"adverse-event copula with a coordinated list", "The most common adverse events",
			[]span{{"baclofen", graph.CategoryDrug}, {"sedation", graph.CategorySymptom}, {"somnolence", graph.CategorySymptom},
				{"dizziness", graph.CategorySymptom}, {"fatigue", graph.CategorySymptom}, {"muscle weakness", graph.CategorySymptom}},
			[]string{"baclofen > HAS_ADVERSE_EVENT  ASSERTED > dizziness", "baclofen > HAS_ADVERSE_EVENT  ASSERTED > fatigue",
				"baclofen > HAS_ADVERSE_EVENT  ASSERTED > muscle weakness", "baclofen > HAS_ADVERSE_EVENT  ASSERTED > sedation",
				"baclofen > HAS_ADVERSE_EVENT  ASSERTED > somnolence"}},
		{"negated by neither on the subject", "Neither dose of NAC",
			[]span{{"NAC", graph.CategoryTherapy}, {"cocaine use", graph.CategoryOutcome}, {"placebo", graph.CategoryTherapy}},
			[]string{"NAC > AFFECTS decreases NEGATED > cocaine use"}},
		// "by blocking": enhanced++ gives the gerund the main clause's subjects.
		{"coordinated subjects, object through 'effects of'", "The opioid antagonists naltrexone",
			[]span{{"naltrexone", graph.CategoryDrug}, {"nalmefene", graph.CategoryDrug}, {"alcohol", graph.CategoryDrug},
				{"mu-opioid receptors", graph.CategoryMechanism}, {"kappa-opioid receptor", graph.CategoryMechanism}},
			[]string{"nalmefene > AFFECTS decreases ASSERTED > alcohol", "nalmefene > AFFECTS decreases ASSERTED > mu-opioid receptors",
				"naltrexone > AFFECTS decreases ASSERTED > alcohol", "naltrexone > AFFECTS decreases ASSERTED > mu-opioid receptors"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var p parsed
			for text, q := range parses {
				if strings.HasPrefix(text, tc.prefix) {
					p = q
				}
			}
			if p.Text == "" {
				t.Fatalf("no parse starting %q in testdata/parses.json", tc.prefix)
			}
			var ms []extract.Mention
			for i, s := range tc.mentions {
				at := strings.Index(p.Text, s.surface)
				if at < 0 {
					t.Fatalf("%q not in %q", s.surface, p.Text)
				}
				ms = append(ms, extract.Mention{ID: "m" + string(rune('a'+i)) + ":" + s.surface, Category: s.cat, Surface: s.surface, Start: at, End: at + len(s.surface)})
			}
			cs := Derive(Sentence{Sent: extract.Sentence{Text: p.Text}, Parse: p.Parse, Mentions: ms, ToByte: func(u int) int { return u }})
			var got []string
			name := func(id string) string { return id[strings.Index(id, ":")+1:] }
			for _, c := range cs {
				got = append(got, name(c.Subject)+" > "+string(c.Predicate)+" "+string(c.Sign)+" "+string(c.Modality)+" > "+name(c.Object))
			}
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("%s\ngot  %q\nwant %q", p.Text, got, tc.want)
			}
		})
	}
}

func TestByteOffsets(t *testing.T) {
	// "é" is 2 bytes, 1 UTF-16 unit; "𝛼" is 4 bytes, 2 units.
	texts := []string{"aé b", "𝛼x"}
	start, conv := byteOffsets(texts)
	if !slices.Equal(start, []int{0, 5}) {
		t.Fatalf("starts %v, want [0 5]", start)
	}
	for _, c := range []struct{ sent, u16, want int }{{0, 0, 0}, {0, 2, 3}, {0, 3, 4}, {0, 4, 5}, {1, 5, 0}, {1, 7, 4}, {1, 8, 5}} {
		if got := conv(c.sent, c.u16); got != c.want {
			t.Errorf("conv(%d, %d) = %d, want %d", c.sent, c.u16, got, c.want)
		}
	}
}

func TestReadDevSetRefusesTestSet(t *testing.T) {
	if _, err := ReadDevSet("../../loader/extract/testdata/eval/test"); err == nil || !strings.Contains(err.Error(), "held-out") {
		t.Fatalf("want the test set refused, got %v", err)
	}
}
