package loader

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/loader/build"
	"github.com/kapgraph/kapgraph/loader/review"

	"github.com/kapgraph/kapgraph/graph"
)

// secondReviewDir lays out the second review with its own lexicon and gold
// claims in a temporary seeds directory; edit, if given, rewrites the
// claims file first.
func secondReviewDir(t *testing.T, editText, editClaims func(string) string) string {
	t.Helper()
	dir := t.TempDir()
	for src, dst := range map[string]string{
		"testdata/second-review.txt":          "second-review.txt",
		"testdata/second-review.lexicon.yaml": LexiconFile,
		"testdata/second-review.claims.yaml":  "second-review" + ClaimsSuffix,
	} {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		if dst == "second-review.txt" && editText != nil {
			s = editText(s)
		}
		if dst == "second-review"+ClaimsSuffix && editClaims != nil {
			s = editClaims(s)
		}
		if err := os.WriteFile(filepath.Join(dir, dst), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// seedDir copies the seeds, with the claims file rewritten by edit.
func seedDir(t *testing.T, edit func(string) string) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{seedReviewName, LexiconFile, strings.TrimSuffix(seedReviewName, ".txt") + ClaimsSuffix} {
		data, err := os.ReadFile(filepath.Join("../seeds", name))
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		if strings.HasSuffix(name, ClaimsSuffix) && edit != nil {
			s = edit(s)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func loadOne(t *testing.T, dir string) Built {
	t.Helper()
	bs, err := LoadDir(dir)
	if err != nil {
		t.Fatalf("LoadDir: %v", err)
	}
	return bs[0]
}

func claimEdge(t *testing.T, b Built, id string) *graph.Edge {
	t.Helper()
	e := findEdge(b.Document, b.Document.ID+".claim."+id)
	if e == nil {
		t.Fatalf("no claim %s", id)
	}
	return e
}

// Item 1: every citation of an evidence sentence is listed, resolved or
// not, with the references it resolved to, whatever the curator counts.
func TestCitationsKeptWhole(t *testing.T) {
	seed := loadSeeds(t)
	second := loadOne(t, secondReviewDir(t, nil, nil))
	type want struct {
		text    string
		studies int // references resolved to
		counted bool
	}
	for _, tc := range []struct {
		name  string
		b     Built
		claim string
		quote int
		want  []want
	}{
		// cites: [] on a sentence whose only citation matches no entry.
		{"seed unresolved author-year", seed, "ketamine-normalizes-addictive-circuitry", 0, []want{{"(Krystal et al., 2013)", 0, false}}},
		{"seed numeric", seed, "ketamine-promotes-insight-with-psychotherapy", 0, []want{{"[4]", 1, true}}},
		// A sentence citing a number the curator leaves out of the claim.
		{"second narrative author-year", second, "self-efficacy-linked-to-fewer-lapses", 1, []want{{"Okafor et al. (2021)", 1, true}}},
		{"second grouped author-year", second, "mystical-experience-predicts-abstinence", 0,
			[]want{{"Harlow & Price, 2019", 1, true}, {"Okafor et al., 2021", 1, true}}},
		{"second range", second, "pat-increases-abstinence", 1, []want{{"[2-3]", 2, true}}},
		{"second uncited quote on a citing sentence", second, "pat-increases-abstinence", 2, []want{{"[1]", 1, false}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ev := claimEdge(t, tc.b, tc.claim).Evidence[tc.quote]
			if len(ev.Cited) != len(tc.want) {
				t.Fatalf("cited = %+v, want %d citations", ev.Cited, len(tc.want))
			}
			for i, w := range tc.want {
				c := ev.Cited[i]
				if c.Text != w.text || len(c.Studies) != w.studies || c.Counted != w.counted {
					t.Errorf("citation %d = %+v, want %+v", i, c, w)
				}
				if !slices.Contains(ev.Citations, w.text) {
					t.Errorf("citations %q lack %q", ev.Citations, w.text)
				}
				for _, s := range c.Studies {
					if c.Counted != slices.Contains(ev.Studies, s) {
						t.Errorf("citation %q: counted %v, but studies %v", c.Text, c.Counted, ev.Studies)
					}
				}
			}
		})
	}
	// Every sentence citation of every claim is there, on both reviews.
	for _, b := range []Built{seed, second} {
		for _, e := range b.Document.Edges {
			for _, ev := range e.Evidence {
				if len(ev.Cited) != len(ev.Citations) {
					t.Errorf("%s: %d citations but %d links", e.ID, len(ev.Citations), len(ev.Cited))
				}
			}
		}
	}
}

// A curator may count only references the sentence cites.
func TestCitesMustBeCarriedBySentence(t *testing.T) {
	dir := secondReviewDir(t, nil, func(s string) string {
		return strings.Replace(s, "linked this shift to fewer lapses.\"\n        cites: [3]", "linked this shift to fewer lapses.\"\n        cites: [4]", 1)
	})
	_, err := LoadDir(dir)
	var se *review.SourceError
	if !errors.As(err, &se) || !strings.Contains(se.Msg, "does not cite it") {
		t.Fatalf("err = %v, want a refusal of a reference the sentence does not cite", err)
	}
}

// Item 4: every concern reaches every claim resting on what it flags, and
// a claim lists each concern once.
func TestConcernsReachClaims(t *testing.T) {
	for _, b := range []Built{loadSeeds(t), loadOne(t, secondReviewDir(t, nil, nil))} {
		for _, e := range b.Document.Edges {
			if len(e.Evidence) == 0 {
				continue
			}
			if len(slices.Compact(slices.Clone(e.Concerns))) != len(e.Concerns) {
				t.Errorf("%s lists a concern twice: %v", e.ID, e.Concerns)
			}
			for _, c := range b.Report.Concerns {
				want := false
				for _, ev := range e.Evidence {
					switch {
					case build.ClaimSpecific(c.Kind):
						want = want || (c.Claim == e.ID && ev.Passage == c.Passage && slices.Contains(ev.Studies, c.Study))
					case c.Passage != "" && c.Study != "":
						want = want || (ev.Passage == c.Passage && slices.Contains(ev.Studies, c.Study))
					case c.Passage != "":
						want = want || ev.Passage == c.Passage
					case c.Study != "":
						want = want || slices.Contains(ev.Studies, c.Study)
					}
				}
				if got := slices.Contains(e.Concerns, c.ID); got != want {
					t.Errorf("%s: has concern %s (%s) = %v, want %v", e.ID, c.ID, c.Kind, got, want)
				}
			}
		}
	}
	// The cases the issue names: an uncited finding reaches the claims on
	// its sentence; a mismatch raised for one claim stays on it.
	seed := loadSeeds(t)
	kinds := func(id string) []string {
		var ks []string
		for _, c := range claimEdge(t, seed, id).Concerns {
			for _, rc := range seed.Report.Concerns {
				if rc.ID == c {
					ks = append(ks, rc.Kind)
				}
			}
		}
		return ks
	}
	for id, want := range map[string][]string{
		"ketamine-reduces-withdrawal-affective-symptoms-oud": {graph.ConcernUncitedFinding},
		"ketamine-enhances-treatment-retention-oud":          {graph.ConcernUncitedFinding},
		"ketamine-effect-on-cocaine-use-persists":            {graph.ConcernUncitedFinding},
		"ketamine-psychotherapy-increases-abstinence-aud":    {graph.ConcernDisorderMismatch, graph.ConcernTrialCitesReview},
		"ketamine-promotes-insight-with-psychotherapy":       {graph.ConcernDrugMismatch},
		"psychological-flexibility-promotes-insight":         nil,
		"ketamine-normalizes-addictive-circuitry":            {graph.ConcernMissingReference},
	} {
		got := kinds(id)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: concerns %v, want %v", id, got, want)
		}
	}
}

// Item 3: a reference flagged for a claim counts at most as the weakest
// level, so a claim resting on a flagged reference never outranks one on a
// fitting trial, and the score is the formula EdgeScore documents.
func TestScoresHeedConcerns(t *testing.T) {
	seed := loadSeeds(t)
	flagged := claimEdge(t, seed, "ketamine-psychotherapy-increases-abstinence-aud") // [5]: a Cochrane review on depression
	fitting := claimEdge(t, seed, "ketamine-relapse-prevention-increases-abstinence-days-aud")
	if len(flagged.Evidence[0].Flagged) != 1 {
		t.Fatalf("flagged studies = %v, want reference 5", flagged.Evidence[0].Flagged)
	}
	if flagged.Score >= fitting.Score {
		t.Errorf("claim on a flagged review scores %v, not below the claim on a fitting trial (%v)", flagged.Score, fitting.Score)
	}
	if want := 0.4 * 0.75; flagged.Score != want {
		t.Errorf("flagged claim scores %v, want weakest level x concern = %v", flagged.Score, want)
	}
	// An inferred claim scores its weakest premise, halved.
	inf := claimEdge(t, seed, "nmda-receptor-activity-restrains-glutamate-release") // [1] narrative review (0.4), [2] (level 5 too)
	stated := claimEdge(t, seed, "ketamine-increases-glutamate-release")
	if inf.Score > stated.Score/2 {
		t.Errorf("inferred %v scores more than half the stated claim it rests on (%v)", inf.Score, stated.Score)
	}
	// Every claim of both reviews has the score its evidence gives.
	for _, b := range []Built{seed, loadOne(t, secondReviewDir(t, nil, nil))} {
		levels := map[string]int{}
		for _, n := range b.Document.Nodes {
			levels[n.ID] = n.EvidenceLevel
		}
		for _, e := range b.Document.Edges {
			if len(e.Evidence) == 0 {
				continue
			}
			if want := graph.EdgeScore(&e, func(id string) int { return levels[id] }); e.Score != want {
				t.Errorf("%s: score %v, want %v", e.ID, e.Score, want)
			}
			for _, ev := range e.Evidence {
				for _, f := range ev.Flagged {
					if !slices.Contains(ev.Studies, f) {
						t.Errorf("%s: flags %s, which its evidence does not count", e.ID, f)
					}
				}
			}
		}
	}
}

// Item 2: the direction and hedge rules, sentence by sentence, on both
// reviews' wording and on new sentences in the same style.
func TestHedged(t *testing.T) {
	for _, tc := range []struct {
		text, quote string
		hedged      bool
		modality    graph.Modality
	}{
		{"Future research should focus on long-term outcomes, optimal dosing protocols, and comparative studies with other emerging psychedelic therapies such as psilocybin and MDMA.", "comparative studies with other emerging psychedelic therapies such as psilocybin and MDMA", true, graph.ModalityProposed},
		{"While not a panacea, its integration into multidisciplinary addiction care models may enhance outcomes for patients who fail traditional interventions.", "may enhance outcomes", true, graph.ModalityHedged},
		{"While not a panacea, its integration into multidisciplinary addiction care models may enhance outcomes for patients who fail traditional interventions.", "enhance outcomes", true, graph.ModalityHedged},
		{"A medicalized, protocol-driven approach similar to that used in ketamine for depression should be adapted for SUDs to maximize safety and efficacy.", "should be adapted for SUDs", true, graph.ModalityProposed},
		{"Larger blinded trials with active comparators are needed before routine use.", "Larger blinded trials", true, graph.ModalityProposed},
		{"Whether booster sessions help is unknown.", "booster sessions help", true, graph.ModalityHedged},
		{"Further studies are warranted to confirm the effect of psilocybin on relapse.", "the effect of psilocybin on relapse", true, graph.ModalityProposed},
		{"Ketamine will likely reduce craving in most patients.", "reduce craving", true, graph.ModalityHedged},
		// Not hedged: a stated finding, a presupposed fact before a modal,
		// a reporting verb, research that reports rather than is called for.
		{"A medicalized, protocol-driven approach similar to that used in ketamine for depression should be adapted for SUDs to maximize safety and efficacy.", "A medicalized, protocol-driven approach similar to that used in ketamine for depression", false, graph.ModalityAsserted},
		{"Opinion: Given ketamine's ability to catalyze introspection, diminish rigid thinking, and increase neuroplasticity, it should not be viewed as a standalone cure but rather as a catalyst for change.", "Given ketamine's ability to catalyze introspection", false, graph.ModalityAsserted},
		{"Reduction in Craving and Anhedonia: Studies suggest ketamine has immediate effects on cravings and anhedonia, symptoms strongly correlated with relapse [3].", "Studies suggest ketamine has immediate effects on cravings", false, graph.ModalityAsserted},
		{"More recent U.S.-based research confirms ketamine's ability to reduce withdrawal-related affective symptoms and enhance retention in treatment programs.", "reduce withdrawal-related affective symptoms", false, graph.ModalityAsserted},
		{"Psilocybin-assisted therapy is a promising but unproven option for tobacco dependence.", "a promising but unproven option for tobacco dependence", false, graph.ModalityAsserted},
		{"Okafor et al. (2021) linked this shift to fewer lapses.", "linked this shift to fewer lapses", false, graph.ModalityAsserted},
	} {
		if got := build.Hedged(tc.text, tc.quote) != ""; got != tc.hedged {
			t.Errorf("hedged(%q in %q) = %v, want %v", tc.quote, review.Shorten(tc.text, 60), got, tc.hedged)
		}
		if got, _ := build.QuoteModality(tc.text, tc.quote); got != tc.modality {
			t.Errorf("QuoteModality(%q in %q) = %s, want %s", tc.quote, review.Shorten(tc.text, 60), got, tc.modality)
		}
	}
}

// The rules refuse, naming the file and line, what the seeds once held.
func TestInferenceRulesRefuse(t *testing.T) {
	appendClaim := func(claim string) func(string) string {
		return func(s string) string {
			if !strings.Contains(s, "\nnon_factual:") {
				return strings.TrimRight(s, "\n") + "\n\n" + claim + "\n"
			}
			return strings.Replace(s, "\nnon_factual:", "\n"+claim+"\nnon_factual:", 1)
		}
	}
	for _, tc := range []struct {
		name, want string
		dir        func(t *testing.T) string
	}{
		{"alters is no direction", "no quote carries a cue", func(t *testing.T) string {
			return seedDir(t, appendClaim(`  - id: ketamine-decreases-dmn-activity
    subject: CHEBI:6121
    predicate: AFFECTS
    object: KAP:dmn_activity
    sign: decreases
    origin: stated
    evidence:
      - quote: "Ketamine alters activity in the default mode network (DMN)"
        cites: []`))
		}},
		{"call for research", "hedged (its sentence calls for research)", func(t *testing.T) string {
			return seedDir(t, appendClaim(`  - id: mdma-studied-for-substance-use-disorder
    subject: CHEBI:1391
    predicate: STUDIED_TO_TREAT
    object: MONDO:0002494
    origin: inferred
    modality: ASSERTED
    note: x
    evidence:
      - quote: "comparative studies with other emerging psychedelic therapies such as psilocybin and MDMA"
        cites: []`))
		}},
		{"may", "hedged (its clause says \"may\")", func(t *testing.T) string {
			return seedDir(t, appendClaim(`  - id: kap-enhances-abstinence
    subject: KAP:ketamine_assisted_psychotherapy
    predicate: AFFECTS
    object: KAP:abstinence
    sign: increases
    origin: stated
    modality: ASSERTED
    evidence:
      - quote: "may enhance outcomes for patients who fail traditional interventions"
        cites: []`))
		}},
		{"trials needed, second review", "hedged", func(t *testing.T) string {
			return secondReviewDir(t, nil, appendClaim(`  - id: pat-studied-blinded
    subject: KAP:psilocybin_assisted_therapy
    predicate: STUDIED_TO_TREAT
    object: KAP:tobacco_dependence
    origin: stated
    modality: NEGATED
    negated: true
    evidence:
      - quote: "Larger blinded trials with active comparators are needed before routine use."
        cites: []`))
		}},
		{"stated pat-increases-abstinence, second review", "no quote carries a cue", func(t *testing.T) string {
			return secondReviewDir(t, nil, func(s string) string {
				return strings.Replace(s, "    sign: increases\n    origin: inferred\n    knowledge_level: observation\n    evidence:\n      - quote: \"12 were",
					"    sign: increases\n    origin: stated\n    knowledge_level: observation\n    evidence:\n      - quote: \"12 were", 1)
			})
		}},
		{"inferred_from on a stated claim", "only for inferred claims", func(t *testing.T) string {
			return seedDir(t, func(s string) string {
				return strings.Replace(s, "    origin: stated\n", "    origin: stated\n    inferred_from: [ketamine-increases-glutamate-release]\n", 1)
			})
		}},
		{"unknown premise", "no claim of", func(t *testing.T) string {
			return seedDir(t, func(s string) string {
				return strings.Replace(s, "inferred_from: [ketamine-antagonizes-nmda-receptor,", "inferred_from: [no-such-claim,", 1)
			})
		}},
		{"circle", "goes round in a circle", func(t *testing.T) string {
			return seedDir(t, func(s string) string {
				return strings.Replace(s, "inferred_from: [ketamine-reduces-cue-reactivity, ketamine-reduces-craving]",
					"inferred_from: [addictive-circuitry-drives-cue-reactivity]", 1)
			})
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := tc.dir(t)
			if tc.name == "circle" {
				// close the circle: the premise names the claim back
				p := filepath.Join(dir, strings.TrimSuffix(seedReviewName, ".txt")+ClaimsSuffix)
				data, _ := os.ReadFile(p)
				s := strings.Replace(string(data), "inferred_from: [ketamine-normalizes-addictive-circuitry, ketamine-reduces-cue-reactivity]",
					"inferred_from: [cue-reactivity-triggers-craving]", 1)
				os.WriteFile(p, []byte(s), 0o644)
			}
			_, err := LoadDir(dir)
			var se *review.SourceError
			if !errors.As(err, &se) || !strings.Contains(se.Msg, tc.want) || !strings.HasSuffix(se.File, ClaimsSuffix) || se.Line == 0 {
				t.Fatalf("err = %v, want a claims-file error with a line saying %q", err, tc.want)
			}
		})
	}
}

// The seeds obey the rules, and each inferred claim lists its premises.
func TestInferredFromOnEdges(t *testing.T) {
	seed := loadSeeds(t)
	e := claimEdge(t, seed, "ketamine-effect-on-cocaine-use-persists")
	if e.Origin != "inferred" || !slices.Equal(e.InferredFrom, []string{seed.Document.ID + ".claim.ketamine-mbrp-reduces-cocaine-use"}) {
		t.Errorf("origin %s, inferredFrom %v", e.Origin, e.InferredFrom)
	}
	for _, e := range seed.Document.Edges {
		if e.Origin == "stated" && len(e.InferredFrom) > 0 {
			t.Errorf("stated %s names premises", e.ID)
		}
		for _, from := range e.InferredFrom {
			if findEdge(seed.Document, from) == nil {
				t.Errorf("%s is inferred from %s, which is no edge", e.ID, from)
			}
		}
	}
	for _, gone := range []string{"psilocybin-studied-for-substance-use-disorder", "mdma-studied-for-substance-use-disorder", "ketamine-reduces-rumination"} {
		if findEdge(seed.Document, seed.Document.ID+".claim."+gone) != nil {
			t.Errorf("claim %s rests on no stated direction or fact, yet is in the graph", gone)
		}
	}
	// What the text says without a direction, or only proposes, is kept
	// with its status instead of being dropped.
	for _, tc := range []struct {
		id       string
		sign     graph.Sign
		modality graph.Modality
	}{
		{"ketamine-alters-dmn-activity", graph.Unsigned, graph.ModalityAsserted},
		{"psilocybin-proposed-for-substance-use-disorder", graph.Unsigned, graph.ModalityProposed},
		{"mdma-proposed-for-substance-use-disorder", graph.Unsigned, graph.ModalityProposed},
		{"ketamine-reduces-craving", graph.Decreases, graph.ModalityAsserted},
	} {
		e := claimEdge(t, seed, tc.id)
		if e.Sign != tc.sign || e.Modality != tc.modality || e.SignedEffect() != (tc.sign != graph.Unsigned) {
			t.Errorf("%s: sign %q modality %s signed effect %v, want sign %q modality %s",
				tc.id, e.Sign, e.Modality, e.SignedEffect(), tc.sign, tc.modality)
		}
	}
}
