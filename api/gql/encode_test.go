package gql

import (
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
			got, err := encodeResponse(tc.resp, tc.resp, false)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != string(want) {
				t.Errorf("got  %s\nwant %s", got, want)
			}
		})
	}
}
