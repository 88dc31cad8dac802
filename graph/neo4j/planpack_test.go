package neo4j

import (
	"context"
	"math"
	"strconv"
	"testing"
)

// TestUnpack reads packed strings as rowLayout.packExpr writes them:
// lengths in code points, "-" for null, the last value without its
// length; anything else is an error.
func TestUnpack(t *testing.T) {
	cases := []struct {
		in   string
		n    int
		want []packed
		bad  bool
	}{
		{in: ":x", n: 1, want: []packed{{"x", true}}},
		{in: "-", n: 1, want: []packed{{}}},
		{in: ":", n: 1, want: []packed{{"", true}}},
		{in: "0:-:a", n: 3, want: []packed{{"", true}, {}, {"a", true}}},
		{in: "3:a:b2:é€:-1:2", n: 3, want: []packed{{"a:b", true}, {"é€", true}, {"-1:2", true}}},
		{in: "1:😀-", n: 2, want: []packed{{"😀", true}, {}}},
		{in: "12:-", n: 2, bad: true},   // shorter than its length
		{in: "1:ab", n: 2, bad: true},   // no second value
		{in: "1:a1:b", n: 2, bad: true}, // the last with a length
		{in: "x:a:b", n: 2, bad: true},  // no length
		{in: "", n: 1, bad: true},
		{in: "-x", n: 1, bad: true},
	}
	for _, c := range cases {
		got, err := unpack(nil, c.in, c.n)
		if c.bad {
			if err == nil {
				t.Errorf("unpack(%q, %d) = %v, want an error", c.in, c.n, got)
			}
			continue
		}
		if err != nil || len(got) != len(c.want) {
			t.Errorf("unpack(%q, %d) = %v, %v; want %v", c.in, c.n, got, err, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("unpack(%q, %d)[%d] = %+v, want %+v", c.in, c.n, i, got[i], c.want[i])
			}
		}
	}
}

// TestPackRoundTrip packs values in Neo4j as a compiled plan's rows do
// and reads them back as the decoder does: strings with digits, colons,
// dashes and characters outside the BMP, nulls, and numbers whose text
// Cypher's toString writes (exponents, long fractions) come back equal.
func TestPackRoundTrip(t *testing.T) {
	s := testStore(t)
	type rec struct {
		S   string
		F   float64
		I   int64
		B   bool
		J   []int
		Opt string
	}
	fs := []field{
		{index: []int{0}, prop: "s", kind: kindString},
		{index: []int{1}, prop: "f", kind: kindFloat},
		{index: []int{2}, prop: "i", kind: kindInt},
		{index: []int{3}, prop: "b", kind: kindBool},
		{index: []int{4}, prop: "j", kind: kindJSON},
		{index: []int{5}, prop: "opt", kind: kindString},
	}
	l := &rowLayout{n: len(fs)}
	vals := make([]string, len(fs))
	for i, f := range fs {
		l.kinds = append(l.kinds, f.kind)
		vals[i] = "$p" + strconv.Itoa(i)
	}
	l.pack()
	if l.sent != 0 || l.npack != len(fs) || l.slot[4] != len(fs)-1 {
		t.Fatalf("layout: sent %d, %d packed, JSON at %d; want the string alone, %d, last", l.sent, l.npack, l.slot[4], len(fs))
	}
	cypher := "RETURN " + l.sentExpr(vals) + " AS row"
	for _, want := range []rec{
		{S: "12:3-4:-", F: 0.1 + 0.2, I: -42, B: true, J: []int{1, 2}, Opt: "😀é€ x"},
		{S: "", F: 1e-7, I: math.MaxInt64, J: []int{}},
		{S: "-", F: 123456789, I: 0, B: false, J: nil},
		{S: "a", F: math.SmallestNonzeroFloat64, I: 1, Opt: "e\u0301"},
		{S: "b", F: -2.5e300, I: 7, Opt: ":"},
	} {
		params := map[string]any{"p0": want.S, "p1": want.F, "p2": want.I, "p3": want.B, "p4": nil, "p5": nil}
		if want.J != nil {
			params["p4"] = `[` + joinInts(want.J) + `]`
		}
		if want.Opt != "" {
			params["p5"] = want.Opt
		}
		recs, err := s.query(context.Background(), "test", cypher, params)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := recs[0].Get("row")
		d := &planDecoder{}
		row, err := d.rowVals(l, raw)
		if err != nil {
			t.Fatalf("%q: %v", raw, err)
		}
		var got rec
		if err := d.fields(row, 0, fs, &got); err != nil {
			t.Fatalf("%q: %v", raw, err)
		}
		if got.S != want.S || got.F != want.F || got.I != want.I || got.B != want.B || got.Opt != want.Opt ||
			len(got.J) != len(want.J) || (want.J != nil && got.J == nil) {
			t.Errorf("%q read as %+v, want %+v", raw, got, want)
		}
		if want.Opt == "" && !row.null(5) {
			t.Errorf("%q: a null read as a value", raw)
		}
	}
}

func joinInts(xs []int) string {
	s := ""
	for i, x := range xs {
		if i > 0 {
			s += ","
		}
		s += strconv.Itoa(x)
	}
	return s
}
