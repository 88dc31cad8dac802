package extract_test

import (
	"testing"

	"github.com/kapgraph/kapgraph/loader/extract"
)

// The blind evaluation's floors: the levels each set has reached, with
// the history of how it got there, one comment per rules branch.

// evalFloors are the blind figures the engine has reached: regression
// floors, raised as the rules improve.
type evalFloors struct {
	entR, entP, pairR, pairP, sign float64
	// negatedSigned is how many negated findings the set may serve as
	// signed effects: 0 (the target) unless the comment on the set's
	// floors says why not yet.
	negatedSigned int
}

func checkEvalFloors(t *testing.T, set string, m extract.SetMetrics, f evalFloors) {
	t.Helper()
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"entity recall", m.EntityRecall(), f.entR},
		{"entity precision", m.EntityPrecision(), f.entP},
		{"claim-pair recall", m.PairRecall(), f.pairR},
		{"claim-pair precision", m.PairPrecision(), f.pairP},
		{"sign agreement", m.SignAgreement(), f.sign},
	} {
		if c.got < c.want {
			t.Errorf("%s set: %s = %.3f, below its floor %.3f", set, c.name, c.got, c.want)
		}
	}
	if m.NegatedServedSigned > f.negatedSigned {
		t.Errorf("%s set: %d negated findings served as signed effects (at most %d)", set, m.NegatedServedSigned, f.negatedSigned)
	}
}

// devFloors: raised when the clause analyser came (pairs R 0.49 -> 0.57,
// P 0.67 -> 0.74 on dev). The dev set then grew from four reviews to
// eight (four more written blind to the rules, merge 02240ec), and the
// figures on the larger set became the floors: entities R 0.790 P 0.772,
// pairs R 0.476 P 0.655, sign 0.967. The new varenicline review has a
// finding a later clause refutes ("... linked varenicline to depression,
// suicidal ideation and aggression, but these associations were not
// confirmed"); its three pairs are served signed until the rules read
// such a clause, hence negatedSigned 3 on dev only. The test set keeps 0.
// On the eight reviews, per-clause hedging, drug-class and role-noun
// rules, molecule spans and refuting clauses raised the figures to
// entities R 0.802 P 0.796, pairs R 0.495 P 0.656, sign 0.969, modality
// 0.932; a clause that refutes the finding ("but these associations were
// not confirmed") now negates it, so dev allows no negated finding served
// signed either. Measures named with their event ("reinstatement of drug
// seeking", "time to relapse") then gave entities R 0.812 P 0.805, pairs
// R 0.505 P 0.668; names after a role noun, descriptors that are no
// subjects and event anaphora ("this dopamine signal") entities R 0.816
// P 0.806, pairs R 0.514 P 0.678, sign 0.970, modality 0.933; doses,
// sides and kinds of drugs that name nothing entities R 0.816 P 0.814,
// pairs R 0.514 P 0.687, sign 0.969. Harms kept to the drugs a sentence
// names as their causes (not one "combined with", "taking", "under" or
// "despite" beside another agent) pairs P 0.710; a verb's object is not
// the subject of a verb coordinated with it ("S restores X in rats and
// reduces Y", "and reduced/JJ Y" read as a verb) pairs P 0.721. Heads
// of measures and states ("grey matter volume", "seizure threshold",
// "heart rate", "locomotor activity", "sedation") entities R 0.834
// P 0.816, pairs R 0.532 P 0.724, sign 0.966 (one more matched pair of
// the opposite sign on the varenicline review). The drug dictionary's
// canonical names as surfaces ("cytisine" was listed under its synonyms
// only) entities R 0.839 P 0.815, pairs R 0.543 P 0.726, sign 0.967;
// a relative clause after a preposition ("in which S V") with a subject
// of its own, and a side word ("the left X") inside a governed phrase,
// pairs P 0.727; a noun right before another in subject place modifies
// it ("accumbens DBS normalised X") pairs R 0.545 P 0.730.
//
// The dev set then grew from eight reviews to eleven (merge of devset3:
// ayahuasca/DMT, baclofen and sodium oxybate, bupropion-naltrexone and
// mirtazapine, written blind to the rules; one is read line by line).
// The floors come down to the larger set's level, since the new reviews
// are harder for the rules, not because a rule got worse: on the eleven,
// the rules before this branch give entities R 0.760 P 0.782, pairs
// R 0.419 P 0.617, sign 0.964, one negated finding served signed; this
// branch's rules (none written on the new three) give entities R 0.781
// P 0.780, pairs R 0.447 P 0.652, sign 0.963. A proposal with a
// negation ("whether X reduces Y without causing Z") is served unsigned,
// which leaves no negated finding served signed. Then "combining it with
// alcohol" as a harm's circumstance and "X receptors are expressed in
// A, B and C" read as LOCATED_IN: pairs R 0.451 P 0.657. "abuse
// potential" as a noun, a gerund's object no subject ("by occupying the
// receptor, the drug ..."), and bare "adverse events"/"side effects" as
// a kind of finding, not an entity (one review of eleven names it):
// entities R 0.782 P 0.785, pairs R 0.454 P 0.673, sign 0.963.
// A fourth new review (oxytocin, blind to every rule here) and gold
// proofreading made the set twelve: the rules before this branch give
// entities R 0.759 P 0.778, pairs R 0.391 P 0.591, sign 0.964, one
// negated finding served signed (oxytocin alone: pairs R 0.10 P 0.20);
// this branch's, entities R 0.783 P 0.783, pairs R 0.461 P 0.681, sign
// 0.961 (oxytocin: pairs R 0.49 P 0.71); and the complement of a negated
// verb of showing ("trials have not shown that it reduces drug use") is
// negated, which leaves none served signed. A name the review defines
// as a substance ("Ayahuasca, a psychoactive brew ...") is a drug from
// there on, and "precipitate", "provoke" are cues of increase: entities
// R 0.783 P 0.784, pairs R 0.485 P 0.697, sign 0.962. A fronted
// adverbial ("In a study using the X test, oxytocin reduced Y") holds
// no subject: pairs R 0.487 P 0.704, sign 0.963. Then examples of
// their class's kind only, no list in "By contrast, X", and "subjective
// effects", "reinforcing effects" as outcomes: entities R 0.788 P 0.786,
// pairs R 0.496 P 0.705, sign 0.967. Harms in a patient's history, a
// table's cells, and an undefined acronym as a subject ("rTMS uses
// magnetic fields"; a later definition takes the acronym over): entities
// R 0.789 P 0.786, pairs R 0.503 P 0.714, sign 0.968, modality 0.906.
// Branch extract7 (same twelve reviews): populations read with their
// defining phrase (coordinations, relative clauses, participles, degree
// words), population and design nouns as modifiers ("human studies", "a
// reinstatement model"), instruments, study biases, evaluative and
// relational openers ("evidence-based", "co-occurring"), cells and their
// states as heads, enzymes as targets, activity in a place as the place,
// drug combinations and harms of "both compounds": entities R 0.817
// P 0.815, pairs R 0.525 P 0.741, sign 0.968, modality 0.908; a
// substance named only as the modifier of a behaviour, nowhere else in
// the review ("heroin" of "heroin seeking"), no entity: entity P 0.823.
// Branch extract8 (same twelve reviews): drugs named by chemists'
// conventions (compound codes, metabolite prefixes), isoforms ("monoamine
// oxidase A"), nouns English never uses as verbs kept nouns whatever the
// tagger says, number agreement of a relative clause's verb, examples of
// an object, and the standard measures of abstinence: entities R 0.824
// P 0.825, pairs R 0.548 P 0.748, sign 0.970, modality 0.910; the
// authors' "we propose that" as PROPOSED and inner nouns ("direct current
// stimulation"): entities R 0.826 P 0.826, pairs R 0.549 P 0.749, sign
// 0.970, modality 0.915. The floors
// sit a little below, since a dev figure moves by about 0.002 per pair
// and the four blind reviews being added may move them either way.
//
// Dev set grew by four blind reviews on 2026-12-07 (MDMA for PTSD with
// AUD, topiramate/gabapentin, buprenorphine/methadone/XR-naltrexone, LSD
// for alcoholism; no rule changed): the set's figures fell to entities
// R 0.760 P 0.806, pairs R 0.432 P 0.718, sign 0.966, modality 0.904, and
// one negated finding of the new reviews is served as a signed effect, so
// the floors come down to that level and negatedSigned allows that one
// until a rule change removes it.
// Both merged (sixteen reviews): entities R 0.766 P 0.809, pairs R 0.448
// P 0.726, sign 0.968, modality 0.911; the four blind reviews scored the
// same to two decimals before and after extract8's rules, which were
// written without them.
// Branch extract9 judged every rule on the four newer reviews and the
// older twelve apart (TestDevGroups) and kept only those lowering neither:
// codes listed before a shared receptor head, "<drug> use disorder",
// release codes ("XR-naltrexone"), fronted adverbials, "use" after a drug,
// physiology heads, plural role anaphors, negative inversion ("In neither
// trial did X increase Y": the negated finding is no longer served
// signed), list and subject change nouns, the scope of a recommendation,
// and superscript citations glued to a full stop. Newer four: entities
// R 0.618 -> 0.644 P 0.755 -> 0.770, pairs R 0.217 -> 0.258 P 0.610 ->
// 0.695; older twelve: entities R 0.826 -> 0.830 P 0.826 -> 0.827, pairs
// R 0.549 -> 0.556 P 0.749 -> 0.750. Sixteen: entities R 0.776 P 0.813,
// pairs R 0.465 P 0.740, sign 0.969, modality 0.920, negatedSigned 0.
// Branch extract10 (entity recognition and spans, same discipline):
// HPO quantities, WordNet head nouns, formulation, degree-prefix, harm,
// process and state heads, bridged phenotype terms, clinical course.
// Newer four: entities R 0.644 -> 0.724 P 0.770 -> 0.787, pairs R 0.258
// -> 0.315 P 0.695 -> 0.722; older twelve: entities R 0.830 -> 0.851
// P 0.827 -> 0.829, pairs R 0.556 -> 0.569 P 0.750 -> 0.749. Sixteen:
// entities R 0.815 P 0.818, pairs R 0.492 P 0.744, sign 0.969, modality
// 0.919, negatedSigned 0.
// Branch extract11 worked on claim structure with the same discipline
// (neither group may fall): "neither A nor B", "combining A with B",
// "use of"/"a dose of X" heading a subject, a repeated preposition,
// "blockade of X with Y", examples listed before a subject, parts of a
// place whose activity changed, base-form verbs after "and",
// "co-occur", abbreviations inside a list, "treat" before a symptom,
// "produce". Newer four: pairs R 0.258 -> 0.271 P 0.695 -> 0.710; older
// twelve: pairs R 0.556 -> 0.588 P 0.750 -> 0.761; entities unchanged to
// three decimals.
// Sixteen: pairs R 0.491 P 0.752, sign 0.965, modality 0.923,
// negatedSigned 0.
// Both merged (sixteen): entities R 0.815 P 0.819, pairs R 0.520 P 0.757,
// sign 0.965, modality 0.923, negatedSigned 0.
// The dev set then grew to twenty (devset5: four reviews written blind and
// kept from both branches until they had merged; TestDevGroups scores them
// apart): entities R 0.798 P 0.810, pairs R 0.483 P 0.732, sign 0.962,
// modality 0.914, negatedSigned 0. The floors come down to the larger
// set's level because the new reviews are harder, not because a rule fell.
// After extract12 and extract13 (twenty): entities R 0.805 P 0.813, pairs
// R 0.491 P 0.743, sign 0.963, modality 0.932, negatedSigned 0. Three
// more blind reviews (blind 12-07b, held back from the rules of the stop
// that followed and scored before any of them merged) make twenty-three:
// entities R 0.802 P 0.804, pairs R 0.469 P 0.724, sign 0.962, modality
// 0.924.
// After extract15's entity rules (written on the twenty): entities R 0.814
// P 0.821, pairs R 0.495 P 0.752 on those; on twenty-three: entities
// R 0.810 P 0.811, pairs R 0.473 P 0.736, sign 0.964, modality 0.925.
// After extract14's claim-recall rules (pairs R 0.491 -> 0.507, P 0.743 ->
// 0.747 on the twenty) and two rules on the misses they made in blind
// 12-07b: pairs R 0.487 P 0.740, sign 0.965, modality 0.925. With
// extract16's claim-precision rules (pairs P 0.743 -> 0.761 on the
// twenty): pairs R 0.490 P 0.753, sign 0.965, modality 0.924. With
// extract18's span rules (on all twenty-three): entities R 0.816 P 0.815,
// pairs R 0.499 P 0.763, sign 0.966, modality 0.925. With extract17's
// claim-recall rules ("both" for the two drugs named last, harms listed
// with disorders, study arms): pairs R 0.504 P 0.765, modality 0.923.
// extract20 (a population's defining clause and a comparator are no
// claim's ends): pairs R 0.504, P 0.765 -> 0.772; with a relative
// clause's unnamed antecedent (its verb is not the subject's) P 0.777;
// with a population clause's nouns as no agents P 0.779; with a fronted
// setting as no agent and "comparing X with Y" P 0.782; with "during X"
// as no object P 0.784; with an agent noun's agent a drug or therapy
// P 0.786; with a mis-tagged name opening a clause P 0.787.
// (on the twenty-three, before blind 12-07c was added)
// With blind 12-07c's three reviews added (twenty-six, same rules):
// entities R 0.800 P 0.799, pairs R 0.465 P 0.725, sign 0.968, modality
// 0.919; floors lowered to that set's levels.
// With extract19's claim-end rules (ends.go; groups_test.go lists them),
// on the twenty-three: entities R 0.816 -> 0.824, P 0.815 -> 0.820,
// pairs R 0.504 -> 0.525, P 0.765 -> 0.775, sign 0.966, modality 0.923
// -> 0.921 (more matched pairs: 1106/1198 -> 1146/1244). On the
// twenty-six with extract20's and extract19's rules: entities R 0.808
// P 0.803, pairs R 0.484 P 0.755, sign 0.968, modality 0.918.
// extract22 (on the twenty-six, before extract19 and extract20 merged):
// with its review name table (substances.go): entities R 0.800 -> 0.803
// P 0.799, pairs R 0.465 -> 0.486 P 0.725 -> 0.735, sign 0.968, modality
// 0.921; with member numbers of protein families: entities R 0.804
// P 0.800, pairs R 0.487 P 0.736, sign 0.966; with letter variants
// ("salvinorin A"): entities R 0.805 P 0.800, pairs R 0.492 P 0.739, sign
// 0.967; with bracketed short forms in molecules' names: entities R 0.805
// P 0.801, pairs R 0.493 P 0.741, sign 0.967, modality 0.922; with "G
// protein" keeping its letter: entities R 0.806 P 0.802, pairs R 0.493
// P 0.742.
// With the three branches merged: entities R 0.814 P 0.807, pairs R 0.504
// P 0.766, sign 0.967, modality 0.920.
// With extract21's claim-recall rules (cue verbs of more and less, the
// body's messengers as objects, harms a drug has or a participle ties to
// it, dose anaphors, a study of a drug in a disorder, plural event
// anaphors, symptoms a drug is "for"), on the twenty-three alone: pairs
// R 0.504 -> 0.512 (942/1839), P 0.765 -> 0.769 (1006/1309), modality
// 0.923 -> 0.921.
// All four branches merged, on the twenty-six: entities R 0.814 P 0.807,
// pairs R 0.512 P 0.768, sign 0.966, modality 0.918.
// extract23 (a harm that improved is less of it): sign 0.966 -> 0.968.
// With blind 12-07d's three reviews added (twenty-nine, same rules):
// entities R 0.811 P 0.805, pairs R 0.503 P 0.759, sign 0.969, modality
// 0.919; floors follow that set.
// With blind 12-07e's three reviews added (thirty-two, the rules of
// 6a84fce and the reader of its stop: journal lines, paragraphs one to a
// line within a section): entities R 0.808 P 0.810, pairs R 0.495
// P 0.755, sign 0.971, modality 0.920; floors follow that set.
// extract28's claim-end rules (on the twenty-nine) (outcomeends.go: relapse to X, manner
// adverbs, lone "drinking", kinds of effects, "misuse", kinds of a harm,
// codes after a role noun, kind participles, classes of a substance):
// entities R 0.813 -> 0.826, P 0.806 -> 0.811, pairs R 0.506 -> 0.524,
// P 0.762 -> 0.769, sign 0.970 -> 0.971; floors follow.
// extract28 merged on the thirty-two: entities R 0.808 -> 0.821, P 0.810
// -> 0.814, pairs R 0.495 -> 0.512, P 0.755 -> 0.760, sign 0.972, and one
// negated finding served signed on blind 12-07e ("acts on a state ...
// rather than on the rewarding effect of alcohol", whose object the new
// effect-kind rule found). What "rather than" or "instead of" sets aside
// is denied (contrastedAway, the lead's rule): negated served signed 0,
// modality 1512 -> 1513 of 1644; no group's pairs move. Floors follow.
// extract29 merged after it (clause forms, written on the twenty-nine):
// pairs R 0.512 -> 0.522, P 0.760 -> 0.762, modality 0.921. extract30
// merged after both (coordination): pairs R 0.522 -> 0.528, P 0.762 ->
// 0.763, sign 0.973; test sets unchanged. With blind 12-07f's three
// reviews added (thirty-five): entities R 0.819 P 0.808, pairs R 0.511
// P 0.746, sign 0.972, modality 0.923; floors follow that set. extract31
// merged (pairing, written without 12-07f): pairs R 0.511 -> 0.517,
// P 0.746 -> 0.750; 12-07f and the test sets unchanged. extract33
// merged (clause forms, written without 12-07f): pairs R 0.517 -> 0.521,
// P 0.750 -> 0.752; 12-07f unchanged. extract32 merged (claim-end spans,
// written without 12-07f): entities R 0.819 -> 0.825, P 0.808 -> 0.811,
// pairs R 0.521 -> 0.525, P 0.752 -> 0.754; 12-07f unchanged.
var devFloors = evalFloors{entR: 0.82, entP: 0.81, pairR: 0.52, pairP: 0.75, sign: 0.97, negatedSigned: 0}

// R 0.491 P 0.743, sign 0.963, modality 0.932, negatedSigned 0.
// After extract16 (a verb's object is not the subject of the verb
// coordinated with it; ", and" + a subject of its own opens a clause):
// pairs R 0.495 P 0.758.

// testFloors are the levels reached at the last rule change. Entity
// precision fell from 0.67 to 0.64 when populations came to span their
// defining phrase ("people with obesity", as the dev gold writes them):
// the rule was kept on dev evidence, never tuned to the test figure, and
// the floor follows the level reached. Sign agreement went from 0.88 to
// 0.875 when hyphenated short forms ("GLP-1RAs") came to be defined, with
// more matched pairs on both sets; the same holds.
// With the clause analyser (rules written on dev only; the test set was
// scored once, at the end) the test figures rose to entities R 0.671,
// pairs R 0.287 P 0.511, sign 0.911; entity precision stayed at 0.634.
// Entity precision then went to 0.628 when the synonyms of a vocabulary
// term without an id came to share one id ("GLP-1" and "glucagon-like
// peptide-1" were two nodes): precision counts distinct ids, so merging
// two right duplicates lowers it by construction (dev: right 342 -> 337,
// extracted 428 -> 422, "local" of "local infusion" no longer a drug). The
// change was made and judged on dev and on the graph a user sees.
// Per-clause hedging, drug classes and role nouns, molecule spans,
// measures named with their event, refuting clauses and event anaphora
// (all written and judged on dev, the dev set then eight reviews) were
// scored on the test set once, at the end: entities R 0.671 -> 0.679,
// P 0.628 -> 0.641, pairs R 0.287 -> 0.300, P 0.511 -> 0.518, sign
// 0.911 -> 0.915, no negated finding served signed.
// The rules of branch extract6 (subjects, harms' agents, definitions,
// canonical dictionary names, negated proposals; written on the dev set
// grown to twelve reviews, four of them new and blind) were scored on the
// test set once, at the end: entities R 0.679 -> 0.683, P 0.641 -> 0.634,
// pairs R 0.300 -> 0.348, P 0.518 -> 0.593, sign 0.915 -> 0.941, no
// negated finding served signed. Entity precision fell by 0.007; no rule
// was changed for it, and its floor follows the level reached.
// The rules of branch extract7 (populations with their defining phrase,
// phrases that name no entity, cells and their states, combinations;
// dev entities R 0.789 -> 0.817, P 0.787 -> 0.823) were scored on the test
// set once, at the end: entities R 0.683 -> 0.675, P 0.634 -> 0.621, pairs
// R 0.348 -> 0.348, P 0.593 -> 0.597, sign 0.941 -> 0.942. The entity gains
// on dev did not carry over; reverting them because of a test figure would
// tune the rules to the test set, so they stay and the floors follow.
// extract8's rules (dev pairs R 0.525 -> 0.549 on the twelve reviews they
// were written against), scored once after the merge: the test set did
// not move by one item (entities 166/246 and 187/301, pairs 80/230 and
// 83/139), nor did the four blind dev reviews added at the same time.
// extract9's rules, written against the four blind dev reviews without
// lowering the older twelve (dev pairs R 0.448 -> 0.465), scored once after
// the merge: entities R 0.675 -> 0.683, P 0.621 -> 0.618, pairs R 0.348 ->
// 0.378, P 0.597 -> 0.596, sign 0.942. Rules measured on reviews their
// authors had not tuned moved the test set where extract8's did not; the
// floors follow the level reached.
// extract10's rules (entity recognition and spans, judged on both dev
// groups), scored once after the merge: entities R 0.683 -> 0.736,
// P 0.618, pairs R 0.378 -> 0.413, P 0.596 -> 0.604, sign 0.946.
// extract11's rules (claim structure), scored once after the merge: pairs
// R 0.413 -> 0.422, P 0.604 -> 0.614, sign 0.946 -> 0.949. extract12's
// (entities, second round, judged on three dev groups), scored once after
// the merge: entities R 0.736, P 0.618 -> 0.617, pairs R 0.422 -> 0.430,
// P 0.614 -> 0.623, sign 0.950. extract13's moved no test figure.
// extract15's (entities, third round, on the twenty): entities P 0.617 ->
// 0.616, the rest unchanged.
// extract20's (claim-pair precision, written on dev; scored once after
// the merge): pairs R 0.422 -> 0.409, P 0.626 -> 0.627; test2 pairs R
// 0.281 -> 0.272, P 0.582 -> 0.580; test3 R 0.268 -> 0.264, P 0.569 ->
// 0.575; pooled R 0.318 -> 0.309, P 0.595 -> 0.596. The recall floor
// follows the level reached; no rule was changed for it.
// extract19's (claim ends, written on dev; scored once after the merge):
// entities R 0.736 -> 0.748, P 0.616 -> 0.621, pairs R 0.409 -> 0.422,
// P 0.627 -> 0.630; test2 entities R 0.734 P 0.749, pairs R 0.272 ->
// 0.278, P 0.580 -> 0.585; test3 entities R 0.700 P 0.758, pairs R 0.264
// -> 0.268, P 0.575 -> 0.579; pooled entities R 0.727 P 0.709, pairs
// R 0.317 P 0.600.
// extract22's (substances the review defines, molecules' letters and
// numbers; written on dev, blind 12-07c included; scored once after the
// merge): entities R 0.748 -> 0.744, P 0.621 -> 0.619, pairs R 0.422,
// P 0.630 -> 0.626; test2 entities R 0.737 P 0.753, pairs R 0.278 ->
// 0.281, P 0.585 -> 0.598; test3 entities R 0.708 P 0.765, pairs R 0.268
// -> 0.276, P 0.579 -> 0.581; pooled entities R 0.730 P 0.712, pairs
// R 0.320 P 0.604.
// extract21's (claim recall, written on dev; scored once after the
// merge): pairs R 0.422 -> 0.443, P 0.626 -> 0.633; test2 pairs R 0.281
// -> 0.294, P 0.598 -> 0.607, sign 0.973 -> 0.962; test3 pairs R 0.276 ->
// 0.280, P 0.581 -> 0.585; pooled pairs R 0.320 -> 0.333, P 0.604 ->
// 0.611, sign 0.967 -> 0.963. No rule was changed for a test figure.
// extract23's, extract24's and extract25's rules moved no test figure.
// extract26's (span rules at claim ends, written on dev; scored once
// after the merge): entities R 0.744 -> 0.748, P 0.619 -> 0.622, pairs
// R 0.443 -> 0.452, P 0.633 -> 0.637; test3 entities P 0.765 -> 0.768;
// test2 unchanged; pooled entities R 0.731 P 0.714, pairs R 0.335
// P 0.613.
// extract27's (general forms: "M was lower with D", "Y responded to D",
// "a role for A in B", "M declined after D"; no dev figure moved; scored
// once after the merge): pairs R 0.452 -> 0.457, P 0.637 -> 0.640;
// test2 and test3 unchanged; pooled pairs R 0.337 P 0.614.
// The stop of 2026-12-07 evening, scored once after each merge: the
// reader's fixes (journal lines, paragraphs one to a line within
// sections; found on dev) moved test2 pairs R 0.294 -> 0.309 (96 -> 101),
// P 0.607 -> 0.605; pooled pairs R 0.337 -> 0.343, P 0.614 -> 0.612.
// extract28's (claim ends, written on dev without blind 12-07e) with the
// lead's "rather than": test entities R 0.748 -> 0.772, P 0.622 -> 0.634,
// pairs R 0.457 -> 0.483, P 0.640 -> 0.644; test2 entities R 0.737 ->
// 0.754, P 0.756, pairs R 0.309 -> 0.330, P 0.605 -> 0.613; test3
// entities R 0.708 -> 0.719, P 0.768 -> 0.779, pairs R 0.280 -> 0.305,
// P 0.585 -> 0.610; pooled entities R 0.749 P 0.721, pairs R 0.367
// P 0.624, sign 0.975. extract29's (clause forms): test pairs R 0.483
// -> 0.491, P 0.644 -> 0.648; test2 pairs R 0.330 -> 0.336, P 0.613 ->
// 0.617; test3 unchanged; pooled pairs R 0.367 -> 0.372, P 0.624 ->
// 0.627, sign 0.976. extract30's and extract31's rules moved no test
// figure. extract33's (clause forms): test pairs R 0.491 -> 0.496,
// P 0.648 -> 0.647; test3 P 0.610 -> 0.615; pooled pairs R 0.373
// P 0.628, sign 0.975. extract32's (claim-end spans): test entities
// P 0.634 -> 0.635; test2 entities R 0.754 -> 0.757, P 0.756 -> 0.757,
// pairs P 0.617 -> 0.622; test3 entities R 0.719 -> 0.723, P 0.779 ->
// 0.782; pooled entities R 0.751 P 0.723, pairs R 0.373 P 0.629. No rule
// was changed for a test figure.
var testFloors = evalFloors{entR: 0.77, entP: 0.63, pairR: 0.49, pairP: 0.645, sign: 0.96}

// test2Floors are the levels of the second test set (written blind on
// 2026-12-07 and committed at test2FrozenAt, before any rule written after
// it), scored once with the rules of that commit; raised only by the level
// a later merge reaches, never by a rule changed for it. At 72a06e7:
// entities R 0.692 P 0.750, pairs R 0.245 P 0.575, sign 0.970, no negated
// finding served signed (the first test set at the same commit: pairs
// R 0.378 P 0.596; it had flattered the rules). After extract10's rules
// (entities and spans, judged on both dev groups; scored once after the
// merge): entities R 0.728 P 0.746, pairs R 0.266 P 0.590, sign 0.973.
// Entity precision fell by 0.004; no rule was changed for it, and the
// floor follows the level reached. After extract11's rules (claim
// structure, same discipline; scored once after the merge): pairs R 0.266
// -> 0.275, P 0.590 -> 0.594, sign 0.973, entities unchanged. After
// extract12's: entities R 0.728 -> 0.731, the rest unchanged. After
// extract13's (claim structure and modality, second round; scored once
// after the merge): pairs R 0.275 -> 0.272, P 0.594 -> 0.588 (one pair
// fewer); no rule was changed for it, and the floor follows.
var test2Floors = evalFloors{entR: 0.755, entP: 0.755, pairR: 0.335, pairP: 0.62, sign: 0.97} // after extract32: see testFloors

// test3Floors are the levels of the third test set (written blind on
// 2026-12-07 in three more layouts, committed at test3FrozenAt and merged
// before any rule of the stop that followed), scored once with the rules
// of main at 82b3d11: entities R 0.685 P 0.751, pairs R 0.255 P 0.529,
// sign 0.964, no negated finding served signed (pooled with the first two:
// entities R 0.718 P 0.705, pairs R 0.313 P 0.585). Raised only by the
// level a later merge reaches. After extract15's entity rules (scored once
// after the merge): entities P 0.751 -> 0.754, pairs P 0.529 -> 0.534,
// sign 0.965; test2 unchanged; pooled entities R 0.718 P 0.705, pairs
// R 0.313 P 0.587. After extract14's claim-recall rules and the two on
// blind 12-07b's misses (scored once after both): test3 pairs R 0.255 ->
// 0.264, P 0.534 -> 0.542; test2 pairs R 0.272 -> 0.278, P 0.588 ->
// 0.582; test unchanged; pooled pairs R 0.318 P 0.586. After extract16's
// claim-precision rules (scored once after the merge): test3 pairs
// R 0.264 -> 0.259, P 0.542 -> 0.566; test2 P 0.582 -> 0.586; test R 0.430
// -> 0.422, P 0.623 -> 0.626; pooled pairs R 0.314 P 0.596. No rule was
// changed for a test figure; the floors follow the level reached. After
// extract18's span rules (scored once after the merge): test3 entities
// R 0.685 -> 0.693 P 0.754 -> 0.756, pairs R 0.259 -> 0.268 P 0.566 ->
// 0.579; test2 pairs P 0.586 -> 0.583; test unchanged; pooled entities
// R 0.720 P 0.706, pairs R 0.317 P 0.598. After extract17's claim-recall
// rules (scored once after the merge): test3 pairs P 0.579 -> 0.569; test2
// pairs R 0.278 -> 0.281, P 0.583 -> 0.582; test unchanged; pooled pairs
// R 0.318 P 0.595. No rule was changed for it; the floor follows.
var test3Floors = evalFloors{entR: 0.72, entP: 0.78, pairR: 0.305, pairP: 0.61, sign: 0.98} // after extract32: see testFloors
