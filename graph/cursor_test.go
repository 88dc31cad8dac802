package graph

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"testing"
)

// EncodeCursor writes the common cursor without json.Marshal; its bytes
// must stay those json.Marshal writes, escapes included, or cursors
// handed out before would stop decoding the same.
func TestEncodeCursorIsJSON(t *testing.T) {
	for _, c := range []Cursor{
		{Key: "00042", ID: "KAP:claim_1"},
		{Key: "", ID: ""},
		{Key: "2015|KAP:study/x", ID: "PMID:123"},
		{Key: `a"b`, ID: `c\d`},
		{Key: "<&>", ID: "tab\there"},
		{Key: "naïve", ID: "\u2028"},
		{Key: "\x7f", ID: "é"},
	} {
		b, _ := json.Marshal(c)
		if got, want := EncodeCursor(c), base64.RawURLEncoding.EncodeToString(b); got != want {
			t.Errorf("EncodeCursor(%q) = %s, want %s", c, got, want)
		}
		back, err := DecodeCursor(EncodeCursor(c))
		if c.ID != "" && (err != nil || back != c) {
			t.Errorf("DecodeCursor(EncodeCursor(%q)) = %q, %v", c, back, err)
		}
	}
}

func TestClaimOrderKeyIsFiveDigits(t *testing.T) {
	for _, s := range []float64{-1, 0, 0.00004, 0.5, 0.12345, 0.9999, 1, 2} {
		e := &Edge{Score: s}
		if got, want := ClaimOrderKey(e), fmt.Sprintf("%05d", ClaimOrderRank(s)); got != want {
			t.Errorf("ClaimOrderKey(score %v) = %q, want %q", s, got, want)
		}
	}
}
