package graph

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// TestFoldTextASCIIFastPath checks that the ASCII shortcut of foldText
// gives what the full Unicode fold gives, and that non-ASCII text still
// takes the fold.
func TestFoldTextASCIIFastPath(t *testing.T) {
	var all strings.Builder
	for c := 0; c < 128; c++ {
		all.WriteByte(byte(c))
	}
	full := func(s string) string {
		out, _, err := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s)
		if err != nil {
			t.Fatal(err)
		}
		return strings.ToLower(out)
	}
	for _, tc := range []struct{ in, want string }{
		{all.String(), ""},
		{"In Rats, KETAMINE reduces NMDA-receptor [3].", "in rats, ketamine reduces nmda-receptor [3]."},
		{"Lövdén", "lovden"},
		{"Ångström MÜLLER", "angstrom muller"},
	} {
		got := foldText(tc.in)
		if tc.want != "" && got != tc.want {
			t.Errorf("foldText(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if f := full(tc.in); got != f {
			t.Errorf("foldText(%q) = %q, the full fold gives %q", tc.in, got, f)
		}
	}
}
