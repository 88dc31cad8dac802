package gql

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// TestEncodeResponse: the short cut writes what json.Marshal writes, byte
// for byte, for data of every kind of JSON value and of every character
// json.Marshal escapes; the rest goes through json.Marshal itself.
func TestEncodeResponse(t *testing.T) {
	yes := true
	for _, tc := range []struct {
		name string
		resp *graphql.Response
	}{
		{"object", &graphql.Response{Data: json.RawMessage(`{"node":{"id":"CHEBI:6121","name":"ketamine","score":0.5,"n":3,"ok":true,"x":null,"l":[1,2,{"a":[]}]}}`)}},
		{"html and separators", &graphql.Response{Data: json.RawMessage(`{"q":"a < b && c > d \u2028 \u2029 é \"quoted\" \\ \n"}`)}},
		{"raw separators", &graphql.Response{Data: json.RawMessage("{\"q\":\"\u2028\u2029<>&\"}")}},
		{"raw U+2028 alone", &graphql.Response{Data: json.RawMessage("{\"q\":\"a\u2028b\"}")}},
		{"raw U+2029 after other E2 runes", &graphql.Response{Data: json.RawMessage("{\"q\":\"\u2013 \u2026 \u2029\"}")}},
		{"E2 runes that are not separators", &graphql.Response{Data: json.RawMessage("{\"q\":\"\u2013\u2019\u2022\u20ac\"}")}},
		{"one of < > & each", &graphql.Response{Data: json.RawMessage(`{"a":"<","b":">","c":"&"}`)}},
		{"null data", &graphql.Response{Data: json.RawMessage(`null`)}},
		{"no data", &graphql.Response{}},
		{"errors", &graphql.Response{Data: json.RawMessage(`{"a":null}`), Errors: gqlerror.List{{Message: "<bad>"}}}},
		{"extensions", &graphql.Response{Data: json.RawMessage(`{"a":1}`), Extensions: map[string]any{"k": "v"}}},
		{"hasNext", &graphql.Response{Data: json.RawMessage(`{"a":1}`), HasNext: &yes}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, err := json.Marshal(tc.resp)
			if err != nil {
				t.Fatal(err)
			}
			enc, err := encodeResponse(tc.resp, tc.resp, false)
			if err != nil {
				t.Fatal(err)
			}
			if got := enc.bytes(); string(got) != string(want) {
				t.Errorf("bytes: got  %s\nwant %s", got, want)
			}
			var w bytes.Buffer
			enc.writeTo(&w)
			if got := w.String(); got != string(want) {
				t.Errorf("writeTo: got  %s\nwant %s", got, want)
			}
		})
	}
}

// FuzzNeedsHTMLEscape: needsHTMLEscape is true exactly when
// json.HTMLEscape would change the bytes.
func FuzzNeedsHTMLEscape(f *testing.F) {
	for _, s := range []string{"", "plain", "a<b", "a>b", "a&b", "\u2028", "\u2029", "\u2013\u2026", "\xe2", "\xe2\x80", "\xe2\x80\xa8", "x\xe2\xe2\x80\xa9"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var esc bytes.Buffer
		json.HTMLEscape(&esc, b)
		if want := !bytes.Equal(esc.Bytes(), b); needsHTMLEscape(b) != want {
			t.Errorf("needsHTMLEscape(%q) = %v, want %v", b, !want, want)
		}
	})
}
