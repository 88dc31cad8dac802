package extract

import (
	"slices"
	"testing"
)

// TestTestResults: a test result is one outcome, and the substance the
// test looks for is not a span of its own there.
func TestTestResults(t *testing.T) {
	for _, c := range []struct{ text, want, not string }{
		{"Mirtazapine reduced methamphetamine-positive urine samples compared with placebo.", "methamphetamine-positive urine samples", "methamphetamine"},
		{"Doxazosin increased the proportion of cocaine-negative urine samples.", "cocaine-negative urine samples", "cocaine"},
		{"Vouchers were given for drug-negative urine screens.", "drug-negative urine screens", ""},
		{"Buprenorphine reduced urine samples positive for opioids.", "urine samples positive for opioids", "opioids"},
	} {
		got := mentionSurfaces(c.text)
		if !slices.Contains(got, c.want) {
			t.Errorf("%q names %q, want %q among them", c.text, got, c.want)
		}
		if c.not != "" && slices.Contains(got, c.not) {
			t.Errorf("%q names %q, which should not be a span of its own", c.text, c.not)
		}
	}
}
