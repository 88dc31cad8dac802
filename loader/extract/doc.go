// Package extract is the first step of issue 12: an extraction engine that
// reads a review's sentences with nothing but the curated lexicon and
// proposes entity mentions and signed claim candidates, and a measurement
// of what it finds against the curated claims. The loader runs it on every
// review it builds (loader/extraction.go): proposed entities become nodes,
// candidates become claims with origin "extracted", below curation, which
// confirms, corrects, adds or rejects them.
//
// The package must not import the loader (the loader imports it): its
// input is a plain [Sentence] (text, section title, citation numbers) and
// a list of [LexEntry].
//
// # Entities
//
// Text and lexicon forms are cut into word tokens on anything that is not
// a letter or digit (so "ketamine-assisted" and "ketamine assisted" give
// the same tokens), folded (case, accents, curly apostrophes) and stemmed
// only for plurals and possessives ("receptors" = "receptor", "SUDs" =
// "SUD", "ketamine's" = "ketamine"). Lexicon forms match as token
// sequences, longest first, never overlapping. (The loader's own matcher
// compares folded substrings and knows no plurals or token positions, so
// it is not reused here; it serves as the measurement's gold instead.)
// Uncovered text is then read by category patterns that PROPOSE entities the lexicon lacks: "X
// receptor" (Mechanism), "X use disorder" and "X dependence" (Disorder),
// "X network" (BrainNetwork), "X cortex" and named nuclei (BrainRegion),
// "X-assisted" / "X-facilitated", "administration of X", "X infusion"
// (Drug) and "X-assisted therapy" (Therapy). Drugs are proposed from
// context only, never from a suffix: "-ine" and "-amine" end too many
// ordinary words ("medicine", "baseline", "examine"). A proposal's id is
// "KAP:proposed-<slug>" and Mention.Proposed is set: no ontology id is ever
// invented, a curator maps it. A lexicon behaviour followed by "use
// disorder" ("substance use" + "disorder") proposes the disorder. A
// proposed name, and an acronym written in brackets right after a mention
// ("psilocybin-assisted therapy (PAT)"), name the same entity in the rest
// of the review. In a section whose title names mechanisms ("Proposed
// Mechanisms"), a run-in label ("Self-Efficacy: ...") of at most four
// title-case words, with no cue and no mention in it, is proposed as a
// Mechanism.
//
// # Claims
//
// Arguments are the mentions that are not modifiers ("placebo-controlled")
// and not nested in a longer one. A clause that recommends or looks ahead
// ("future studies", "further research", "are needed", "should be")
// yields no claim; clauses are cut at ";", ":" and a comma before
// "though", "but", "whereas". For each ordered pair of arguments (a before
// b, in one clause) the words between them are searched for cues:
//
//   - a correlation cue ("associated with", "linked", "correlat",
//     "predict") makes CORRELATED_WITH, signed by the last increase or
//     decrease cue after it (increases when there is none); so does a
//     correlation verb before both ("linked X to fewer Y");
//   - else the increase/decrease cue nearest b makes AFFECTS with its sign
//     ("leads to lower relapse": "lower" wins);
//   - a is the subject only if it is the nearest argument before one of
//     the cues (or in an "and"/"or" list with it) and that cue reaches b
//     (only b's list partners in between), or if a is the clause's
//     grammatical subject: its first argument, before any cue, not the
//     object of a preposition. A bare verb after a comma ("introspection,
//     diminish") belongs to the earlier subject; a participle after a comma
//     ("X, leading to Y") to the noun before it, unless that noun is a
//     prepositional object ("dimensions of X, catalyzing"). A
//     co-intervention ("ketamine with psychotherapy") is never the subject;
//   - a passive cue ("is reduced by") swaps subject and object; a nominal
//     cue before a ("reductions in X following Y") makes Y act on X; an
//     agent noun after an argument ("NMDA receptor antagonist") makes the
//     nearest drug before it act on that argument; a run-in label with a
//     cue ("Reduction in Craving: ...") applies to the first drug or therapy
//     after it; a run-in label that is itself an argument is the subject
//     of a body whose first argument follows a cue ("Mystical-Type
//     Experience: Intensity ... predicted abstinence"); a sentence opening with "It" speaks of the previous
//     sentence's drug or therapy (within one section);
//   - treatment wording ("treat", "for <Disorder>", "<Disorder>
//     treatment", "option for") between a Drug or Therapy and a Disorder,
//     in either order, makes STUDIED_TO_TREAT; adverse wording ("adverse",
//     "side effect", "risk") between a Drug or Therapy and a SafetyRisk
//     makes HAS_ADVERSE_EVENT.
//
// Places are not objects: a BrainRegion, BrainNetwork or Population is
// never the subject or object of a signed claim, and a Drug or Therapy is
// never its object. Negation ("not", "no", "without", "failed to") between
// the two arguments sets Negated; hedging anywhere in the sentence ("may",
// "might", "could", "suggest", "potential", "hypothes", "appear") sets
// Hedged. Both are flags: the candidate is kept for curation to judge.
//
// # Score
//
// An extracted candidate scores ExtractedFactor (0.5) times the lowest
// score graph.EdgeScore can give a curated edge (an inferred link citing
// nothing, with a citation concern: 0.3 × 0.5 × 0.75 = 0.1125), so
// 0.05625; a hedged candidate is halved again. Every curated edge
// therefore outranks every extracted one, whatever its evidence:
// extraction proposes, curation decides. The score ignores the
// candidate's citations on purpose: study levels weigh evidence a curator
// has checked, and a rule's reading of a sentence is not that.
//
// # Measurement
//
// [Evaluate] compares the output with gold built from curation; see
// [Gold] and [Metrics] for what is counted and why. [HeldOut] measures
// the proposal patterns, which curated gold cannot score directly.
package extract
