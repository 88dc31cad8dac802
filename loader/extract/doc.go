// Package extract is the first step of issue 12: an extraction engine that
// reads a review's sentences with nothing but the curated lexicon and
// proposes entity mentions and signed claim candidates, and a measurement
// of what it finds against the curated claims. It is a package of its own,
// not yet called by the loader, so the graph and every golden file stay as
// curated until a later change wires it in behind curation.
//
// The package must not import the loader (the loader will import it): its
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
// sequences, longest first, never overlapping. Uncovered text is then read
// by category patterns that PROPOSE entities the lexicon lacks: "X
// receptor" (Mechanism), "X use disorder" and "X dependence" (Disorder),
// "X network" (BrainNetwork), "X cortex" and named nuclei (BrainRegion),
// "X-assisted" / "X-facilitated", "administration of X", "X infusion"
// (Drug) and "X-assisted therapy" (Therapy). A proposal's id is
// "KAP:proposed-<slug>" and Mention.Proposed is set: no ontology id is ever
// invented, a curator maps it. An acronym written in brackets right after
// a mention ("psilocybin-assisted therapy (PAT)") names the same entity in
// the rest of the review.
//
// # Claims
//
// A sentence that recommends or looks ahead ("future studies", "further
// research", "are needed", "should be") yields no claim. Otherwise, for
// each ordered pair of entities (a before b, in one clause: no ";"
// between them) the words between them are searched for cues:
//
//   - a correlation cue ("associated with", "linked", "correlat",
//     "predict") makes CORRELATED_WITH, signed by the last increase or
//     decrease cue after it (increases when there is none);
//   - else the last increase/decrease cue before b makes AFFECTS with its
//     sign ("leads to lower relapse": the nearest cue, "lower", wins);
//   - a passive cue ("is reduced by") swaps subject and object, and so
//     does a nominal cue before a ("reductions in X following Y": Y acts
//     on X);
//   - treatment wording ("treat", "for <Disorder>", "in patients with")
//     between a Drug or Therapy and a Disorder, in either order, makes
//     STUDIED_TO_TREAT; adverse wording ("adverse", "side effect",
//     "risk") between a Drug or Therapy and a SafetyRisk makes
//     HAS_ADVERSE_EVENT.
//
// Places are not objects: a BrainRegion, BrainNetwork or Population is
// never the subject or object of a signed claim, and a Drug is never the
// object of one. Negation ("not", "no", "without", "failed to") between the
// two entities sets Negated; hedging anywhere in the sentence ("may",
// "might", "could", "suggest", "potential", "hypothes", "appear") sets
// Hedged.
//
// # Score
//
// An extracted candidate scores ExtractedFactor (0.5) times what
// graph.EdgeScore gives a curated stated edge whose studies' levels are
// unknown (0.3), so 0.15; a hedged candidate is halved again (0.075). Any
// curated edge therefore outranks any extracted one: extraction proposes,
// curation decides.
//
// # Measurement
//
// [Evaluate] compares the output with gold built from curation; see
// [Gold] and [Metrics] for what is counted and why.
package extract
