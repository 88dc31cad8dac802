package gql

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// refusal is a request this layer refuses before the executor sees
// it.
type refusal struct {
	status int
	code   string
	msg    string
}

// readGET takes the parameters of a GET (or HEAD) from the URL.
func readGET(r *http.Request) (*graphql.RawParams, *refusal) {
	p, err := paramsFromURL(r.URL.RawQuery)
	if err != nil {
		return &graphql.RawParams{}, &refusal{http.StatusBadRequest, CodeBadRequest, err.Error()}
	}
	return p, nil
}

// readPOST takes the parameters from a POST body, checking what the spec
// asks: it must be application/json in UTF-8 (415), within the body limit
// (413), and well-formed (400). Numbers in variables stay json.Number, as
// the executor's coercion expects.
func readPOST(r *http.Request) (*graphql.RawParams, *refusal) {
	if ok, reason := checkContentType(r.Header.Get("Content-Type")); !ok {
		return &graphql.RawParams{}, &refusal{http.StatusUnsupportedMediaType, CodeUnsupportedMediaType, reason}
	}
	body, err := readBody(r)
	if err != nil {
		if tooLarge := (*http.MaxBytesError)(nil); errors.As(err, &tooLarge) {
			return &graphql.RawParams{}, &refusal{http.StatusRequestEntityTooLarge, CodeRequestTooLarge,
				fmt.Sprintf("the request body is larger than the limit of %d bytes", tooLarge.Limit)}
		}
		return &graphql.RawParams{}, &refusal{http.StatusBadRequest, CodeBadRequest, "the request body could not be read"}
	}
	p, err := paramsFromBody(body)
	if err != nil {
		return &graphql.RawParams{}, &refusal{http.StatusBadRequest, CodeBadRequest, err.Error()}
	}
	return p, nil
}

// maxSizedBody bounds the buffer readBody allocates up front from a
// declared length; a longer body is read as io.ReadAll reads it.
const maxSizedBody = 64 << 10

// readBody is io.ReadAll(r.Body), in one allocation of the declared
// length when there is one (io.ReadAll starts at 512 bytes and grows).
func readBody(r *http.Request) ([]byte, error) {
	n := r.ContentLength
	if n <= 0 || n > maxSizedBody {
		return io.ReadAll(r.Body)
	}
	// One byte more than declared: a body that fills it is longer than
	// it said, and the rest is read as ReadAll would.
	b := make([]byte, n+1)
	for got := 0; got < len(b); {
		m, err := r.Body.Read(b[got:])
		got += m
		if err == io.EOF {
			return b[:got], nil // as ReadAll, which reads to io.EOF itself
		}
		if err != nil {
			return nil, err // a broken body (io.ErrUnexpectedEOF too), the limit's error
		}
	}
	rest, err := io.ReadAll(r.Body)
	return append(b, rest...), err
}

// decodeJSON decodes b into dst keeping numbers as json.Number.
func decodeJSON(b []byte, dst any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(dst); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("unexpected data after the JSON value")
	}
	return nil
}

// paramsFromBody checks a POST body: a JSON object whose query is a string
// (or absent when a persisted-query hash stands in for it), whose
// operationName is a string or null, and whose variables and extensions
// are objects or null. Anything else is a malformed request (400) under
// either media type.
func paramsFromBody(body []byte) (*graphql.RawParams, error) {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, errors.New("the request body is empty; send a JSON object with a query")
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(body, &raw); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			if typeErr.Value == "array" {
				return nil, errors.New("batched requests (a JSON array of operations) are not supported; send one JSON object per request")
			}
			return nil, errors.New("the request body must be a JSON object")
		}
		return nil, fmt.Errorf("the request body is not valid JSON: %w", err)
	}
	p := &graphql.RawParams{}
	for _, f := range []struct {
		name string
		dst  any
	}{
		{"query", &p.Query},
		{"operationName", &p.OperationName},
		{"variables", &p.Variables},
		{"extensions", &p.Extensions},
	} {
		v, ok := raw[f.name]
		if !ok {
			continue
		}
		// The strings need no json.Number: the plain decoder is enough
		// (and the value came out of one JSON object, so nothing trails).
		var err error
		switch dst := f.dst.(type) {
		case *string:
			err = json.Unmarshal(v, dst)
		case *map[string]any:
			if !hasNumber(v) {
				// Without numbers, json.Number changes nothing, and
				// json.Unmarshal needs no decoder of its own.
				err = json.Unmarshal(v, dst)
				break
			}
			err = decodeJSON(v, dst)
		default:
			err = decodeJSON(v, f.dst)
		}
		if err != nil {
			return nil, fmt.Errorf("the %s parameter must be %s", f.name, kindOf(f.name))
		}
	}
	if _, hasQuery := raw["query"]; (!hasQuery || string(raw["query"]) == "null") && !hasPersistedQuery(p.Extensions) {
		return nil, errors.New("the query parameter is missing")
	}
	return p, nil
}

// paramsFromURL checks the parameters of a GET: variables and extensions
// are URL-encoded JSON objects.
func paramsFromURL(rawQuery string) (*graphql.RawParams, error) {
	q, err := url.ParseQuery(rawQuery)
	if err != nil {
		return nil, fmt.Errorf("the URL query could not be parsed: %w", err)
	}
	p := &graphql.RawParams{Query: q.Get("query"), OperationName: q.Get("operationName")}
	for _, f := range []struct {
		name string
		dst  *map[string]any
	}{{"variables", &p.Variables}, {"extensions", &p.Extensions}} {
		v := q.Get(f.name)
		if v == "" {
			continue
		}
		if err := decodeJSON([]byte(v), f.dst); err != nil {
			return nil, fmt.Errorf("the %s parameter must be a URL-encoded JSON object", f.name)
		}
	}
	if p.Query == "" && !hasPersistedQuery(p.Extensions) {
		return nil, errors.New("the query parameter is missing")
	}
	return p, nil
}

// hasNumber reports whether the JSON value v (valid JSON) holds a number:
// a '-' or digit outside a string.
func hasNumber(v []byte) bool {
	in := false
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case in:
			if c == '\\' {
				i++ // the escaped byte cannot end the string
			} else if c == '"' {
				in = false
			}
		case c == '"':
			in = true
		case c == '-' || c >= '0' && c <= '9':
			return true
		}
	}
	return false
}

func kindOf(param string) string {
	switch param {
	case "query", "operationName":
		return "a string"
	}
	return "a JSON object"
}

// hasPersistedQuery reports whether extensions carry an automatic
// persisted query hash, which may replace the query text.
func hasPersistedQuery(extensions map[string]any) bool {
	pq, ok := extensions["persistedQuery"].(map[string]any)
	if !ok {
		return false
	}
	h, ok := pq["sha256Hash"].(string)
	return ok && h != ""
}

// maxOperationTokens bounds the parse selectOperation does before the
// executor sees the query, so that a huge document costs no more here than
// the executor's own limits let it cost there (gqlparser's default).
const maxOperationTokens = 15000

// selectOperation finds the operation a request would run, or nil when
// the document does not parse (or is too long to parse here) or names no
// single operation: the executor then reports that with its own, better,
// message.
func selectOperation(query, name string) *ast.OperationDefinition {
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: query}, maxOperationTokens)
	if err != nil {
		return nil
	}
	if name != "" {
		return doc.Operations.ForName(name)
	}
	if len(doc.Operations) == 1 {
		return doc.Operations[0]
	}
	return nil
}
