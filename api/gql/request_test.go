package gql

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

// BenchmarkReadPOST reads a POST of the bench's b-entity question (its
// query and one variable) as the transport does.
func BenchmarkReadPOST(b *testing.B) {
	body := []byte(`{"query":"query Entity($id: ID!) { node(id: $id) { id name ... on Drug { claims(direction: OUT, predicates: [AFFECTS], first: 10) { totalCount edges { node { id sign score evidence { quote passageId studies { id } } object { id name claims(direction: OUT, predicates: [AFFECTS], first: 5) { totalCount edges { node { id sign score object { id name } } } } } } } } } } }","variables":{"id":"CHEBI:syndru0000000"}}`)
	b.ReportAllocs()
	for b.Loop() {
		r := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		if _, refused := readPOST(r); refused != nil {
			b.Fatal(refused.msg)
		}
	}
}

// TestReadBody holds readBody to io.ReadAll for bodies of their declared
// length, shorter and longer than it, undeclared and empty, and to the
// body limit's error.
func TestReadBody(t *testing.T) {
	for _, c := range []struct {
		body     string
		declared int64
	}{
		{`{"query":"{ stats { nodes } }"}`, 31}, {`{"query":"x"}`, 100}, {`{"query":"x"}`, 3},
		{`{"query":"x"}`, -1}, {``, 0}, {`{}`, 2}, {string(bytes.Repeat([]byte("a"), maxSizedBody+10)), maxSizedBody + 10},
	} {
		r := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader([]byte(c.body)))
		r.ContentLength = c.declared
		got, err := readBody(r)
		if err != nil || string(got) != c.body {
			t.Errorf("declared %d, %d bytes: got %d bytes, %v", c.declared, len(c.body), len(got), err)
		}
	}
	// A body that breaks off (net/http's reader of a body shorter than its
	// Content-Length) is an error, as it is to io.ReadAll.
	r := httptest.NewRequest(http.MethodPost, "/graphql", io.MultiReader(strings.NewReader(`{"query"`), iotest.ErrReader(io.ErrUnexpectedEOF)))
	r.ContentLength = 40
	if _, err := readBody(r); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("a body broken off: %v, want io.ErrUnexpectedEOF", err)
	}
	w := httptest.NewRecorder()
	r = httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader([]byte(`{"query":"0123456789"}`)))
	r.Body = http.MaxBytesReader(w, r.Body, 5)
	if _, err := readBody(r); err == nil {
		t.Error("a body over the limit was read")
	} else if tooLarge := (*http.MaxBytesError)(nil); !errors.As(err, &tooLarge) {
		t.Errorf("over the limit: %v, want *http.MaxBytesError", err)
	}
}

// TestHasNumber: numbers are found outside strings only, escapes
// included.
func TestHasNumber(t *testing.T) {
	for v, want := range map[string]bool{
		`{"id":"CHEBI:6121"}`: false, `{"first":10}`: true, `{"x":-1}`: true, `{"a":"\"1","b":null}`: false,
		`{"a":"\\","b":2}`: true, `{"a":[true,false,null]}`: false, `{"a":1.5e3}`: true, `{}`: false,
		`{"a":{"b":"c\u0031"}}`: false,
	} {
		if got := hasNumber([]byte(v)); got != want {
			t.Errorf("hasNumber(%s) = %v, want %v", v, got, want)
		}
	}
}

// TestVariablesSameWithoutNumbers: a variables object without numbers
// decodes to the same map through json.Unmarshal as through the
// json.Number decoder.
func TestVariablesSameWithoutNumbers(t *testing.T) {
	body := `{"query":"q","variables":{"id":"CHEBI:6121","ids":["a","b\"1"],"f":{"x":true,"y":null}}}`
	p, err := paramsFromBody([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]any
	if err := decodeJSON([]byte(`{"id":"CHEBI:6121","ids":["a","b\"1"],"f":{"x":true,"y":null}}`), &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(p.Variables, want) {
		t.Errorf("variables %#v, want %#v", p.Variables, want)
	}
}
