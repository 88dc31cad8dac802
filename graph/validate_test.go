package graph

import "testing"

// TestValidateSigns: a signed predicate needs a sign unless it may leave
// it open; an unsigned statement of the text is kept, not refused.
func TestValidateSigns(t *testing.T) {
	tests := []struct {
		p    Predicate
		sign Sign
		ok   bool
	}{
		{Affects, Increases, true},
		{Affects, Unsigned, true},
		{CorrelatedWith, Decreases, true},
		{CorrelatedWith, Unsigned, true}, // "dynorphin plays a role in relapse"
		{CorrelatedWith, Sign("sideways"), false},
		{StudiedToTreat, Unsigned, true},
	}
	for _, tc := range tests {
		d := Document{ID: "KAP:doc", Nodes: []Node{
			{ID: "KAP:a", Category: CategoryDrug, Name: "a"}, {ID: "KAP:b", Category: CategoryDisorder, Name: "b"}},
			Edges: []Edge{{ID: "KAP:e", Subject: "KAP:a", Object: "KAP:b", Predicate: tc.p, Sign: tc.sign, Document: "KAP:doc"}}}
		if err := d.Validate(nil); (err == nil) != tc.ok {
			t.Errorf("%s %q: error %v, want ok %v", tc.p, tc.sign, err, tc.ok)
		}
	}
}
