package resolvers

import (
	"bytes"
	"fmt"
	"math"
	"testing"

	"github.com/99designs/gqlgen/graphql"
)

// FuzzWriteString: writeString writes what graphql.MarshalString writes,
// for any bytes, UTF-8 or not.
func FuzzWriteString(f *testing.F) {
	for _, s := range []string{"", "ketamine", "a\"b\\c", "tab\there\r\n", "\x00\x01\x1f\x7f", "é – “quoted” \u2028", "\xff\xfe\"\xe2\x80", "<&>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want, got bytes.Buffer
		graphql.MarshalString(s).MarshalGQL(&want)
		writeString(&got, s)
		if got.String() != want.String() {
			t.Errorf("writeString(%q) = %s, want %s", s, got.Bytes(), want.Bytes())
		}
	})
}

// FuzzWriteFloat: writeFloat writes what graphql.MarshalFloatContext
// writes (fmt's %g), and falls back where it fails.
func FuzzWriteFloat(f *testing.F) {
	for _, v := range []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 1e-5, 1e-4, 123456, 1234567, 1e21, 1e20, 0.1 + 0.2, math.MaxFloat64, math.SmallestNonzeroFloat64, 2.5e-7, 1.0 / 3} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v float64) {
		var got bytes.Buffer
		err := writeFloat(&got, v)
		if math.IsInf(v, 0) || math.IsNaN(v) {
			if err == nil {
				t.Errorf("writeFloat(%v) wrote %s, want the executor to answer", v, got.Bytes())
			}
			return
		}
		if want := fmt.Sprintf("%g", v); err != nil || got.String() != want {
			t.Errorf("writeFloat(%v) = %s, %v; want %s", v, got.Bytes(), err, want)
		}
	})
}

func TestWriteBool(t *testing.T) {
	for _, v := range []bool{true, false} {
		var want, got bytes.Buffer
		graphql.MarshalBoolean(v).MarshalGQL(&want)
		writeBool(&got, v)
		if got.String() != want.String() {
			t.Errorf("writeBool(%v) = %s, want %s", v, got.Bytes(), want.Bytes())
		}
	}
}
