// Package extract is the extraction engine of issues 12 and 18: it reads a
// review's sentences with the curated lexicon (or, for a review nobody
// curated, with embedded vocabularies and a noun-phrase chunker) and
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
// ordinary words ("medicine", "baseline", "examine"); in the open reading
// an ending counts only with a context that says the word is a substance
// (below). A proposal's id is
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
// The open reading first reads the whole review for the substances the
// drug dictionary lacks that the review itself defines (substances.go),
// and keeps them in one name table, read at every mention before and
// after the definition, in any case or number: a word of chemical shape
// (a chemist's ending, "-ine", "-in", "-ol", "-ide", ...) or a
// development code ("U50,488", mixed-case "JDTic"; a capitals-and-digits
// code chemicalName already reads) after a class or role noun ("its
// metabolite X", "the antagonist X", "the agonists X and Y"), before an
// appositive or copula with one ("X, a partial agonist", "X is a ...
// alkaloid") or ", which binds", in a "such as"/"including" list after a
// plural class, after a metabolism verb ("converted into X"), or with a
// locant and a chemical prefix anywhere ("7-hydroxy..."); any word before
// a bracketed Latin binomial ("X (Genus species)"); and the letter
// variants of a natural product a name or the dictionary knows
// ("salvinorin A", "mesyl salvinorin B"). Ordinary English words of a
// chemical ending, words the tagger reads as verbs or adverbs, acronyms,
// parts of a longer dictionary name and a listed drug's metabolite
// (chemicalName's) are left out. A table name right after a role noun,
// or modifying a noun, is left to the chunker, which reads the
// descriptor's target and the phrase. A protein family's member number
// stays in its name ("beta-arrestin 2"), as a receptor's subtype does,
// and a G protein its letter (where "g" is otherwise the rest of "e.g."); a
// molecule's short form in brackets before its head ("serotonin 2A
// (5-HT2A) receptor") is inside the name, which the short form and the
// head identify.
// An argument after "by" right after another ("occupancy by X predicted
// Y") is inside that argument's phrase, not the subject of the verb after.
//
// # Claims
//
// Arguments are the mentions that are not modifiers ("placebo-controlled")
// and not nested in a longer one. A clause that recommends, looks ahead or
// calls for a comparison ("future studies", "further research", "are
// needed", "should be", "comparative studies", "trials comparing"), or
// that states the authors' own proposal ("we propose that"; a proposal
// others made, "has been proposed to", is a hedge) yields
// its claims with modality PROPOSED: kept, not dropped. Clauses are cut at
// ";", ":" and a comma before "though", "but", "whereas", and no pair
// crosses a cut. For each ordered pair of arguments (a before b, in one
// clause) the words between them are searched for cues:
//
//   - a correlation cue ("associated with", "linked", "correlat",
//     "predict", "implicated in") makes CORRELATED_WITH, signed by the
//     last increase or decrease cue after it (increases when there is
//     none); so does a correlation verb before both ("linked X to fewer
//     Y");
//   - else the increase/decrease cue nearest b makes AFFECTS with its sign
//     ("leads to lower relapse": "lower" wins); a cue of change with no
//     direction ("alters", "modulates", "influences", "binds", "has
//     affinity for") makes AFFECTS unsigned;
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
// A sentence that reports harms ("adverse", "side effect", "causes",
// "occurred", "reported", "risk", ...) gives each drug or therapy it names
// as an agent (not after "than", "versus", "placebo"; the previous
// sentence's drug when it names none) HAS_ADVERSE_EVENT to each Symptom or
// SafetyRisk it names, unless a direction cue already links the pair. "It"
// or "they" opening a later clause (", but it did not ...") is the
// sentence's first drug, not one the sentence sets its subject against
// ("Unlike X, Y does not ...; instead, it acts as ...": Y).
//
// Places are not objects: a BrainRegion, BrainNetwork or Population is
// never the subject or object of a signed claim, and a Drug or Therapy is
// never its object; a Population is never any claim's end. Negation
// ("not", "no", "without", "failed to") between the two arguments, up to
// a contrast ("but", "yet"), sets Negated; a hedge ("may", "might",
// "could", "can", "suggest", "potential", "candidate", "hypothes",
// "appear", "probably", "interest", "inconsistent", "promising", "is thought to",
// "expected to", "designed to") sets
// Hedged: in the curated reading anywhere in the sentence; in the open
// reading for the rest of its own clause only ("X reduced craving,
// although it may increase nausea": the first finding is asserted), and a
// reporting hedge ("suggest that", "is thought to") to the end of its
// clause group (cut at ";", ":" and contrasts). A later clause that says
// the finding was not borne out (", but these associations were not
// confirmed") makes the sentence's findings NEGATED. Both are
// flags: the candidate is kept for curation to judge. Candidate.Modality
// sums them up (graph.ModalityOf: PROPOSED, then NEGATED, then HEDGED,
// else ASSERTED). Candidate.Qualifiers hold the population or species (the
// Population mention in the claim's clause, else the sentence's), the
// comparator ("than", "versus", "compared with", "differed from",
// "unlike", "as effective as" X, "between" the subject "and" X, "but not
// in" X, or a placebo- or sham-controlled design), the time point ("12
// weeks", "six-month follow-up", "during infusion", "shortly after
// injection") and the dose ("10 mg/kg", "30-75 mg/day", "10 Hz", "a
// single infusion", "repeated" or "intravenous" before a drug's name).
// Time and dose are the ones nearest the claim's words, so two claims of
// one sentence keep their own.
//
// # The open reading
//
// [ExtractOpen] reads a review nobody curated; the build uses it for a
// review with no claims file, and `kapgraph draft` always. Before the
// patterns above, it names entities from:
//
//   - the embedded vocabularies (resources/, converted from pinned
//     packages by scripts/resources/convert.py, credited in NOTICE): drug
//     names and synonyms with DrugBank ids, and HPO phenotypes with HP
//     ids; a term the vocabulary gives no id gets KAP:proposed-<slug>. A
//     handful of ordinary words the vocabularies list ("drug", "placebo",
//     "treatment") are left out;
//   - noun phrases: maximal runs of noun, adjective, hyphen-joined number
//     and modifying participle tags (prose's averaged-perceptron tagger),
//     cut at finite cue verbs the tagger took for nouns ("increases"),
//     without leading articles, quantities, evaluations and gerunds
//     ("significant", "reduced", "including"). A phrase is an entity when
//     it is a vocabulary term, or its head noun (the last word, or a
//     hyphenated compound such as "self-administration") is in a
//     category's list of general English heads (heads.go: "receptor" is a
//     Mechanism, "disorder" a Disorder, "intake" an Outcome, "rats" a
//     Population ...); a generic head alone ("use", "levels") names
//     nothing. The head decides the category even of a vocabulary term
//     ("kappa opioid receptor" is a Mechanism). "X use", "X
//     self-administration", "X use disorder" also name X as a substance; a
//     drug given ("X treatment", "X sessions") is the drug; an appositive
//     ("the GLP-1 receptor agonist semaglutide") is the drug it ends in; "a
//     X receptor agonist" names the target X receptor; a compound's code
//     ("GS39783", "WAY-100635") or a metabolite prefix on a listed drug
//     ("noribogaine", "tetrahydroharmine") names a drug (compounds.go); a
//     molecule's name takes its isoform's letter or number ("monoamine
//     oxidase A"); a noun English never uses as a verb ("intake",
//     "-tion", "-ency") is a noun whatever the tagger says; a standard
//     measure of abstinence keeps its kind ("continuous abstinence",
//     "point-prevalence abstinence"); "X per Y" is one
//     measure; species are named by their head ("male Wistar rats" are
//     rats) and populations with their defining phrase ("people with
//     obesity", even when the phrase is a term already named; the term
//     inside qualifies and ends no claim); a leading "X-dependent" is
//     dropped ("dose-dependent QT prolongation") except from molecules and
//     populations; a hyphen-joined participle modifies ("alcohol-induced
//     dopamine release"); a plural population noun modifies nothing after
//     it ("most smokers relapse"); a name after a drug-class noun ("its
//     metabolite X") or before an appositive or predicate drug class ("X,
//     a non-hallucinogenic analogue", "X is a kappa agonist", "X is a
//     partial agonist at T": a role with the target after it) is a drug;
//     a word tagged as an adjective right before a finite verb is a noun;
//     a bracketed short form may be hyphen-joined words ("GLP-1RAs"); a
//     name directly before a head noun of another category ("GLP-1
//     receptor") is left to the chunker, which reads the longer entity;
//     claim ends (ends.go): a plant the text defines a name by ("Peyote, a
//     small cactus") makes it a substance; where a part of a neuron sits
//     is no part of its name ("prefrontal spine density"); "with/without
//     V-ing" after a population says how, not who; a release form is one
//     modifier ("sustained-release X"); a counted time ("2-4 days") names
//     nothing; the word after "who" is a verb; a study's kind and a
//     reporting verb ("case series describe X dependence") are no part
//     of a name; a plural verb before a head
//     noun the tagger read as a verb ends the phrase ("worsens sleep"); a
//     capital "A" joined by a hyphen is a subtype's letter ("GABA-A"); an
//     activity named by its transmitter system ("noradrenergic
//     hyperactivity in the locus coeruleus") ends a claim itself, not its
//     place;
//   - the clause rules above, with more: a finite verb after "and"
//     shares the earlier verb's subject ("S reduced X and lowered Y" gives
//     S -> Y, not X -> Y); ", and" / ", but" followed by a subject and its
//     verb starts an independent clause; examples ("X such as A and B
//     reduced Y", "including", "e.g.") are not the verb's subject, X is,
//     unless a relative clause (", which ...") follows them; examples of
//     the same kind as an object are objects too ("S worsens withdrawal
//     symptoms such as anxiety and craving"); the noun
//     before ", which" / ", that" is the subject of the relative clause's
//     verb and of a verb coordinated with it by "and"; a
//     parenthesis is an aside no claim crosses; "an antagonist at X", "an
//     inhibitor of X" act on X for the drug of the clause, or, in a
//     relative clause on a copula's predicate noun ("S is a tryptamine
//     that acts as an agonist at X", "S is a metabolite of GABA that
//     ..."), for the copula's subject; a "positive (allosteric)
//     modulator" raises X and a "negative" one lowers it; X right after
//     its role noun takes the role's sign whatever verb came before ("S
//     blocks Y but acts as a partial agonist at X": S raises X); "It", "They",
//     "This drug", "These agents" open a sentence, after any fronted
//     phrase ("In rats, it reduced ..."), for the previous sentence's
//     topic. The curated reading keeps issue 12's chain reading there,
//     which the seed's curation was written against.
//
// Drug classes (the open reading): a pharmacological role noun
// ("agonist", "antagonist", "inhibitor", "modulator") names an entity only
// with a target in its modifiers ("a partial agonist" is a role, not a
// drug); "the 5-HT2A antagonist ketanserin" makes the drug after the noun
// act on the target; a class named by its target ("GLP-1 receptor
// agonists", or a subtype's letter joined to its family: "mu-opioid
// agonists", while "a partial mu-opioid agonist" stays a role) names the
// target too, and an example list after it ("such
// as A and B", "e.g.") makes each listed drug act on that target, signed
// by the role (Candidate.Class records the class). What the sentence says
// the class does stays the class's claim, unless the class is not named
// by a target ("agonist-like stimulants such as A and B may improve
// retention"): then each listed drug gets the class's claim too
// (classlists.go). A sentence about harms whose agent is the previous
// sentence's topic class gives them to the members that sentence listed
// too ("Benzodiazepines such as A and B ... Sedation is common"). An
// example may carry an article and a description ("including the
// hallucinogen A", "such as the oral drug A"; members.go).
// Drugs or therapies coordinated by "and"/"or" ("lofexidine or
// clonidine, which dampen X", "both A and B inhibit X") share the claims
// the pairing gave one of them on an argument after the run
// (coordsubject.go); a comma alone, a fronted "Unlike X,", a ", and" that
// opens a clause of its own, or a member named again later ("A and B
// did X, but A did Y") make no shared claim. A parenthesis ", but not Y,"
// after a subject or object ("X, but not Y, reduced Z", "reduced A, but
// not B, in mice") opens no clause; its members get the neighbour's
// claims negated (exclusion.go); after ", along with Y," or ", and to a
// lesser extent Y," as stated, after ", and possibly Y," hedged. "Not
// only A but also B" denies nothing
// and joins B as "and" does. A claim on "the N symptoms
// of Y" or "signs of Y" is a claim on Y (symptomsof.go). "For" governs
// the whole list after it ("prescribed for anxiety disorders and
// insomnia": each is what the drug is for; forlists.go), a correlation
// cue's "to"/"with" likewise ("linked to A and B"), and a list of harms
// goes on across "particularly" or "as well as" (harmlists.go).
// Improvement, relief or resolution of a harm (a disorder, symptom or
// safety risk) is less of it: "an improvement in insomnia", "improved
// anxiety and craving" are signed decreases (improvement.go). A name right after "the <target>
// <role>" is a drug ("the kappa-opioid receptor antagonist
// nor-binaltorphimine", "the mGluR2/3 antagonist LY341495"), and it, not
// the target that describes it, is the subject of the clause's verb. How a
// drug acts on a molecule
// ("non-competitive", "partial") and where the molecule sits
// ("presynaptic", "striatal") are not part of the molecule's name, nor
// is the manner part of a class named by its target ("selective OX1R
// antagonists"), unless the vocabulary's name keeps it ("selective
// serotonin reuptake inhibitors").
//
// # Clause structure (the open reading)
//
// Over the tags, the open reading also runs a small deterministic clause
// analyser (clause.go, segments.go, clauseforms.go), so that a claim's
// subject is attached as a dependency parse would attach it:
//
//   - Clauses: the cuts above, and a relative pronoun ("which", "who",
//     "that" after a noun and before a verb), a complementizer "that", a
//     subordinator ("because", "although", "whereas", "while", "since",
//     "when", "if", "whether") and ", and"/", but" before a noun phrase
//     and a finite verb each open a clause. A relative clause set off by
//     commas ends at a comma before a finite verb, where the main clause
//     resumes ("X, which reduces Y, increased Z": X increased Z).
//   - Verb groups: a direction, correlation or change cue tagged as a
//     verb (or a multi-word cue); voice is passive after a form of "be"
//     with an "-ed" participle. A gerund counts only after "by" ("S acts
//     by reducing X", "By increasing X, S raises Y"), and "without
//     V-ing".
//   - Subject: the clause's head noun phrase before its verb: its first
//     argument that is not the object of a preposition (fronted phrases,
//     post-modifiers, comparators, examples), not in parentheses, not an
//     appositive, with the arguments coordinated with it. The "of"-object
//     of a measure noun opening the clause ("the degree of X", "increases
//     in X") may be it. A relative clause's subject is its antecedent, or
//     the copula's subject when the antecedent is a predicate noun ("S is
//     a kappa agonist that ..."), or, when a plural verb cannot agree
//     with a singular antecedent ("S are agonists of the receptor that
//     relieve X"), the plural noun the "of" phrase hangs on, or its
//     copula's subject. An antecedent that ends a list brings the list
//     ("A and B, which may increase Y"; "the anxiety and craving that
//     precipitate relapse", a cue after "that" being the verb whatever
//     its tag); a place in another argument's phrase gives way to it
//     ("X in the nucleus accumbens, which increases Y": X); "whose
//     activation" (activity, stimulation, signalling, release, levels)
//     makes the antecedent act ("the receptor, whose activation dampens
//     Y"), "whose blockade" does not. A verb after "and" shares the previous
//     verb's subject; a clause opening with a conjunction and its verb
//     group ("but did not reduce Y") shares the previous clause's.
//   - Anaphora: a pronoun or definite description in subject place ("it",
//     "they", "both", "this drug", "these agents", "neither compound")
//     stands for the sentence's earlier drug or therapy subjects, else the
//     previous sentence's (within a section); a plural one for all of
//     them; "its"/"their effect on Y" likewise. "This/these [modifier]
//     <event noun>" ("this dopamine signal", "these changes", "this
//     attenuation") in subject place stands for the last event named
//     before it (not a drug, place, population or disorder; in the
//     sentence, else the previous one); a modifier must be a word of the
//     event's name; a decrease noun ("this attenuation correlated with
//     reduced use") turns the sign.
//   - Role phrases with a nested target: a drug-class mention ending in
//     a role noun with a direction ("a selective D3 antagonist", "a KOR
//     agonist"), appositive to a drug (", a ... antagonist,") or its
//     predicate noun ("X is a partial mu agonist and a KOR antagonist"),
//     makes that drug act on the mechanism named inside it, in the role's
//     direction, with the modality of the phrase itself ("X, a D3
//     agonist, was not effective": the role is asserted). A describing
//     adjective before the name ("a lipophilic alpha-1 antagonist") is
//     no target.
//   - Gerunds: the object of a gerund of increase or decrease that opens
//     its clause ("Blocking alpha-1 receptors is thought to restore X")
//     is no agent; a gerund of giving ("Combining X with Y may
//     precipitate Z") leaves its drug the agent.
//   - Verbs the tagger misreads: a correlation verb in the third person
//     read as a plural noun after a noun ("anhedonia during abstinence
//     predicts/NNS relapse") heads its clause, so its subject is the
//     clause's head noun, not the argument in the phrase before the verb.
//   - Objects: the first argument after the verb group, across words of
//     its own noun phrase ("the integrity of X", "a lower risk of X") but
//     no other verb, comma or preposition that does not take the verb's
//     object ("than", "after", "by", "with" ...), with the arguments
//     coordinated with it ("A, B and C", "A and of B", "A and with less
//     B"). A direction word before the object signs a correlation
//     ("associated with lower X") and a multi-word cue ("leads to lower
//     X").
//   - Passives: "X is reduced by Y" (or an "-en" participle: "X is
//     driven by Y") and the reduced relative "X caused by Y" make Y act
//     on X; a passive with no agent states nothing signed. "Drive" and
//     its forms are verbs of increase; the bare "drive" is one only after
//     a word that opens a verb group ("to", a modal, "that"), otherwise a
//     noun ("the motivational drive"), and a hyphenated "-driven" ("cue-
//     driven seeking") modifies the noun after it.
//   - Other forms: "without V-ing Y" (NEGATED; an adverse event not had
//     when Y is a harm after a drug), "the effect of X on Y" and "S had
//     no effect on Y" (unsigned), "Y did not differ between A and placebo"
//     (NEGATED), "S is a cause/driver/risk factor/predictor of Y", "S is
//     an agonist/antagonist/inhibitor at/of T" or "a T agonist", "S is
//     necessary/required for Y", "S is effective for / an antidote for
//     <Disorder>" (STUDIED_TO_TREAT), "H is common during D" (adverse
//     event), "S was superior to Y on Z" (unsigned), "M was lower /
//     higher / more likely with (after, on ...) D" (D AFFECTS M, signed by
//     the comparative; a harm more common with D stays an adverse event;
//     comparedwith.go), "M declined/increased/improved after (with,
//     during ...) D" (D AFFECTS M in the verb's direction; changedAfter),
//     "Y responded (well) to D" (STUDIED_TO_TREAT when
//     Y is a disorder or symptom; the noun "response to D" says nothing;
//     responded.go), "a role for/of A in B" and "S plays a (key) role in
//     B" (CORRELATED_WITH, unsigned; a drug's role in a disorder is
//     studiedIn's; rolein.go). A subject opening
//     with or after "neither"/"no" negates.
//   - Ends: a brain region or network that is a clause's grammatical
//     subject may act ("the insula is thought to contribute to craving");
//     as an object it is still a place.
//   - Ends a verb does not reach (compared.go): a drug named only as
//     what a finding is set against ("as effective as X and causes less
//     Y", "more selective than X", "unlike X", "compared with X",
//     "comparing A with X") is no agent; the drug the comparison is about
//     takes the claim, unless the comparison is of the cue's own effect
//     ("as effective as X in reducing Y": X reduces Y too). The relative
//     clause that defines a population after "in" or "among" ("in people
//     whose drinking is driven by stress", "in patients who drink to
//     relieve distress") joins none of its nouns to a verb outside it. A
//     relative clause whose antecedent names no entity ("a change that is
//     thought to contribute to X") says what that noun does, not the
//     sentence's subject, unless it is an apposition of the argument
//     right before it. A term that is no drug or therapy in the
//     prepositional phrase a sentence opens with ("During abstinence,
//     ...", "At the systems level, ...") is no agent of the verb after its
//     comma; the clause's subject is. A term after "during" or
//     "throughout" says when, and is no verb's object. An agent noun of
//     effect ("inhibitor", "antagonist", "antagonism") has a drug or
//     therapy as its agent, never a receptor, process or effect named
//     near it ("X was abolished by the mTOR inhibitor rapamycin").
//   - The rule reading's candidates are checked against the analysis: a
//     signed or correlation candidate is dropped when the analyser read
//     its verb with other subjects (or found that the verb's subject names
//     no entity), and when its two ends lie in two clauses that each have
//     a subject of their own. Modality is untouched: nothing is dropped
//     for being hedged, negated or unsigned.
//
// The chunker also reads coordination that shares a head ("cocaine and
// cannabis use disorders" names two disorders) and an ellipsis a hyphen
// marks ("kappa- and delta-opioid receptors", "cue- and stress-induced
// reinstatement": the rebuilt name a vocabulary term or written out
// elsewhere in the review), keeps "acute"/"chronic"
// in the name of a disease or harm, keeps a vocabulary term the tagger
// called an adjective, joins a compound at an en dash as at a hyphen, and
// finds a British "-ae-"/"-oe-" spelling of a vocabulary term.
//
// # Claims the clause does not spell out (the open reading)
//
// Some sentences state a claim without naming one of its ends in subject
// place: harms said to be common or rare ("Nausea and headache are also
// common", adverse.go) are the previous sentence's drug's or therapy's;
// a drug or transmitter a verb of increase or decrease takes as its
// direct object ("raises extracellular dopamine", amounts.go) is an
// effect's object; a population defined by a disorder that has conditions
// ("People with OUD also have high rates of depression", comorbid.go)
// makes the disorder go with each; measures that changed, with no agent
// and no drug in the sentence ("Drinking days decreased after the first
// session", implied.go), changed under the previous sentence's drug. The
// body's own messengers, which the drug vocabulary lists as drugs
// (serotonin, dopamine, cortisol), may be a drug's signed object
// anywhere, but not after "of" ("the reuptake of dopamine" names the
// process; messengers.go). A drug that "has" or "carries" a harm, words
// of degree between ("has low abuse liability"), has it as an adverse
// event, as does a drug right after a harm's "associated with" ("the
// physical dependence associated with benzodiazepines", possession.go). A
// pronoun in a later clause stands for the first clause's drug subject
// though no cue verb read it ("X is more selective than Y, which explains
// why it lowers Z"), and a dose noun in subject place ("Both doses
// lowered Y") for the one drug the previous sentence named (opener.go).
// One study of a drug in a disorder ("no randomized trial of X in Y",
// "the role of X in Y") makes the drug studied to treat it, a denial
// NEGATED; a plural "trials of A, B and C in Y", a literature's scope,
// does not (studied.go); so does a symptom right after "<treatment word>
// for" ("promising adjuncts for sleep disturbance", "approved for
// insomnia"). A plural event anaphor ("these changes") reaches back only
// within its sentence.
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
// [ScoreGoldSet] scores the open reading on the blind evaluation sets
// (testdata/eval: dev for development, test frozen and scored only); see
// [SetMetrics].
package extract
