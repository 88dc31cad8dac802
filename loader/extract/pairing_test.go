package extract

import "testing"

// TestSecondClausePronoun: a pronoun opening a later clause stands for
// the drug the sentence's first clause is about, also when that subject
// is itself a pronoun carried from the sentence before ("It binds X
// weakly, but it increases Y"). With the rule off the later clause's
// verb took the first clause's object as its subject.
func TestSecondClausePronoun(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"pronoun, then pronoun after but", []string{"Lorazepam is widely prescribed.", "It binds mu-opioid receptors weakly, but it increases BDNF signalling."},
			"T:drugA AFFECTS T:receptor; T:drugA AFFECTS increases T:bdnf"},
		{"fronted phrase, pronoun, then pronoun after and", []string{"Naltrexone is widely prescribed.", "In rats, it blocks mu-opioid receptors, and it reduces dopamine release."},
			"T:drugB AFFECTS decreases T:receptor; T:drugB AFFECTS decreases T:dopamine"},
		{"plural pronoun twice", []string{"Naltrexone and lorazepam are widely prescribed.", "They have little affinity for mu-opioid receptors, and they lower anxiety."},
			"T:drugB AFFECTS T:receptor; T:drugB AFFECTS decreases T:anxiety"},
		{"named subject, then pronoun", []string{"Anxiety is common.", "Naltrexone binds mu-opioid receptors, but it reduces craving."},
			"T:drugB AFFECTS T:receptor; T:drugB AFFECTS decreases T:craving"},
	})
}

// TestFrontedPronounAndOfTopic: a pronoun after a fronted phrase with no
// comma ("At high doses it can cause ...") is the subject, and it stands
// for a drug the sentence before named after "of" in its subject ("The
// adverse effects of X are ...") when that sentence had no other topic.
// A definite description ("The drug") does not reach such a topic.
func TestFrontedPronounAndOfTopic(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"fronted phrase without a comma, of-topic", []string{"The adverse effects of lorazepam are well known.", "At high doses it can cause sedation and anxiety."},
			"T:drugA AFFECTS increases T:sedation hedged; T:drugA AFFECTS increases T:anxiety hedged"},
		{"of-topic, pronoun first", []string{"The long-term use of naltrexone has been studied in older adults.", "It reduced craving."},
			"T:drugB AFFECTS decreases T:craving"},
		{"fronted phrase without a comma, named topic", []string{"Naltrexone was given for twelve weeks.", "In the second month it also lowered heavy drinking days."},
			"T:drugB AFFECTS decreases T:drinking"},
		{"fronted phrase with a verb in it", []string{"Lorazepam was given for twelve weeks.", "By acting on mu-opioid receptors in the ventral striatum it reduces dopamine release."},
			"T:drugA AFFECTS decreases T:dopamine"},
		{"a verb before the of-phrase: no topic", []string{"Anxiety limits the use of lorazepam.", "It can cause sedation."},
			""},
		{"a description does not reach the of-topic", []string{"The adverse effects of lorazepam are well known.", "The drug reduced craving."},
			""},
	})
}

// TestBareUseSubject: a sentence opening with a use of no named substance
// ("Long-term use is associated with ...") speaks of the previous
// sentence's drug. A use that names what was used, or a sentence naming
// a drug of its own, is left alone. With the rule off the first two cases
// gave no pair of the drug.
func TestBareUseSubject(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"modifier and use", []string{"Lorazepam is prescribed for anxiety.", "Long-term use is associated with sedation and relapse."},
			"T:drugA CORRELATED_WITH increases T:sedation; T:drugA CORRELATED_WITH increases T:relapse"},
		{"two modifiers and use", []string{"Lorazepam is prescribed for anxiety.", "Repeated nightly use has been associated with sedation."},
			"T:drugA CORRELATED_WITH increases T:sedation"},
		{"a noun names what was used", []string{"Lorazepam is prescribed for anxiety.", "Tobacco use is associated with sedation."},
			"KAP:proposed-tobacco-use CORRELATED_WITH increases T:sedation"},
		{"the sentence names its own drug", []string{"Lorazepam is prescribed for anxiety.", "Heavy use is associated with relapse, unlike naltrexone."},
			"KAP:proposed-heavy-use CORRELATED_WITH increases T:relapse"},
		{"use of a named drug", []string{"Lorazepam is prescribed for anxiety.", "Long-term use of naltrexone is associated with sedation."},
			"KAP:proposed-long-term-use CORRELATED_WITH increases T:sedation"},
	})
}

// TestTopicCarriedThroughPronoun: a sentence whose subject is a pronoun
// for the topic, naming no drug itself, hands the topic on: a harm list
// after it still has its drug. A harm sentence with no subject of the
// topic does not hand it on. With the rule off the first case gave no
// pair.
func TestTopicCarriedThroughPronoun(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"harms after a pronoun sentence", []string{"Naltrexone is widely prescribed.", "It reduced craving.", "Sedation and anxiety were common."},
			"T:drugB HAS_ADVERSE_EVENT T:sedation; T:drugB HAS_ADVERSE_EVENT T:anxiety"},
		{"pronoun after a pronoun sentence", []string{"Naltrexone is widely prescribed.", "It reduced craving.", "It also lowered anxiety."},
			"T:drugB AFFECTS decreases T:anxiety"},
		{"not through a harm sentence", []string{"Naltrexone is widely prescribed.", "Sedation was common.", "Anxiety was also common."},
			""},
	})
}

// TestDoseRelative: a relative clause on a dose ("but only at doses that
// also caused sedation") says what the drug given at that dose did; the
// dose names no entity of its own. With the rule off the relative
// clause's verb had no subject, and no pair came of it.
func TestDoseRelative(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"only at doses that also caused", []string{"Naltrexone reduced craving, but only at doses that also caused sedation and anxiety."},
			"T:drugB AFFECTS decreases T:craving; T:drugB AFFECTS increases T:sedation; T:drugB AFFECTS increases T:anxiety"},
		{"at doses that lowered", []string{"Naltrexone reduced relapse in older adults at doses that lowered craving."},
			"T:drugB AFFECTS decreases T:relapse; T:drugB AFFECTS decreases T:craving"},
		{"a list of drugs, two verbs", []string{"Lorazepam and naltrexone reduced craving, but only at a dose which also lowered heavy drinking days."},
			"T:drugA AFFECTS decreases T:craving; T:drugB AFFECTS decreases T:craving; T:drugA AFFECTS decreases T:drinking; T:drugB AFFECTS decreases T:drinking"},
		{"a noun other than a dose keeps its clause", []string{"Naltrexone reduced the plasticity that drives craving."},
			"T:drugB AFFECTS decreases KAP:proposed-plasticity; KAP:proposed-plasticity AFFECTS increases T:craving"},
	})
}
