package extract

import "testing"

// TestListedHarms: a disorder or outcome named in one list with a harm is
// a harm too, unless the list names what patients have or conditions that
// co-occur. The first two cases failed with the rule off (relapse and
// alcohol use disorder were no harm of lorazepam).
func TestListedHarms(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"an outcome in a list of common harms", []string{"Lorazepam is poorly tolerated.", "Sedation, anxiety and relapse are common."},
			"T:drugA HAS_ADVERSE_EVENT T:sedation; T:drugA HAS_ADVERSE_EVENT T:anxiety; T:drugA HAS_ADVERSE_EVENT T:relapse"},
		{"a disorder in a list of reported harms", []string{"Sedation, alcohol use disorder and anxiety were reported with lorazepam."},
			"T:drugA HAS_ADVERSE_EVENT T:sedation; T:drugA HAS_ADVERSE_EVENT T:anxiety; T:drugA HAS_ADVERSE_EVENT T:aud"},
		{"conditions patients have are no harms", []string{"Smokers often have anxiety or alcohol use disorder, and lorazepam carries a risk of sedation."},
			"T:drugA HAS_ADVERSE_EVENT T:sedation; T:drugA HAS_ADVERSE_EVENT T:anxiety"},
		{"conditions that co-occur are no harms", []string{"Because anxiety and alcohol use disorder frequently co-occur, lorazepam carries a risk of sedation."},
			"T:drugA HAS_ADVERSE_EVENT T:sedation; T:drugA HAS_ADVERSE_EVENT T:anxiety; T:anxiety CORRELATED_WITH increases T:aud"},
	})
}

// TestFocusedHarmLists: "A, particularly B, as well as C" is one list: a
// disorder or outcome in it is a harm when another member is.
func TestFocusedHarmLists(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"particularly", []string{"Lorazepam is poorly tolerated.", "Alcohol use disorder, particularly anxiety, was common."},
			"T:drugA HAS_ADVERSE_EVENT T:anxiety; T:drugA HAS_ADVERSE_EVENT T:aud"},
		{"as well as", []string{"Lorazepam is poorly tolerated.", "Sedation, as well as relapse, was common."},
			"T:drugA HAS_ADVERSE_EVENT T:sedation; T:drugA HAS_ADVERSE_EVENT T:relapse"},
	})
}
