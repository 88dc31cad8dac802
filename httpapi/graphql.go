package httpapi

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// handleGraphQL is the GraphQL-over-HTTP transport
// (https://graphql.github.io/graphql-over-http/draft/) in front of the
// executor. gqlgen's transports execute well but stop short of the spec at
// the edges (status codes per media type, 406/415, the data entry on
// request errors), so this layer owns the HTTP side:
//
//   - content negotiation (Accept) between application/json and
//     application/graphql-response+json, 406 when neither is acceptable;
//   - POST must be application/json in UTF-8 (else 415), with a JSON object
//     body whose parameters have the right types (else 400);
//   - GET takes query, variables, operationName and extensions from the URL
//     and runs only queries (a mutation gets 405 with Allow: POST);
//   - status codes: with application/graphql-response+json a request error
//     (parse, validation, variable coercion, unknown persisted query) is
//     400, a field error 200; with application/json every well-formed
//     request gets 200 (the spec's legacy rules) and only malformed ones
//     400; under both, a request error carries no data entry;
//   - caching: successful GET queries are public for Config.CacheMaxAge
//     with a strong ETag (If-None-Match gives 304); everything else is
//     no-store.
//
// The executor (next) is then called with a request it cannot misread: a
// GET as it came, or a POST with the validated body and Accept:
// application/json. Its answer is buffered so the status, headers and data
// entry can be put right before anything reaches the client.
func handleGraphQL(cfg Config, logger *slog.Logger, m *metrics, next http.Handler) http.Handler {
	var slots chan struct{} // admission: see Config.MaxInFlight
	if cfg.MaxInFlight > 0 {
		slots = make(chan struct{}, cfg.MaxInFlight)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Vary", "Accept")
		mediaType, ok := negotiate(r.Header.Values("Accept"))
		if !ok {
			m.operation("", CodeNotAcceptable)
			writeGraphQLError(w, http.StatusNotAcceptable, mediaJSON, CodeNotAcceptable,
				"none of the media types in Accept can be served; accept application/graphql-response+json or application/json")
			return
		}
		opName := ""
		fail := func(status int, code, msg string) {
			m.operation(opName, code)
			writeGraphQLError(w, status, mediaType, code, msg)
		}

		p, body, refused := readRequest(r)
		if refused != nil {
			fail(refused.status, refused.code, refused.msg)
			return
		}
		opName = p.OperationName
		if p.Query != "" && (r.Method != http.MethodPost || opName == "") {
			// GET must not change anything (it may be cached, prefetched,
			// or sent by a link on another site). The executor knows
			// this too; checking here answers without touching it, with
			// the status the spec asks for. The parse also names
			// operations sent without operationName, for the metrics.
			op := selectOperation(p.Query, p.OperationName)
			if op != nil {
				opName = op.Name
				if r.Method != http.MethodPost && op.Operation != ast.Query {
					w.Header().Set("Allow", http.MethodPost)
					fail(http.StatusMethodNotAllowed, CodeMethodNotAllowed,
						fmt.Sprintf("a %s cannot be sent with GET; use POST", op.Operation))
					return
				}
			}
		}

		inner := r.Clone(r.Context())
		inner.Header.Set("Accept", mediaJSON)
		if r.Method == http.MethodHead {
			inner.Method = http.MethodGet // the server drops the body
		}
		if r.Method == http.MethodPost {
			inner.Body = io.NopCloser(bytes.NewReader(body))
			inner.ContentLength = int64(len(body))
			inner.Header.Set("Content-Type", mediaJSON)
		}
		if slots != nil {
			// Waiting senders on a channel are served in arrival order,
			// so the queue is fair.
			select {
			case slots <- struct{}{}:
			default:
				m.queued.Inc()
				select {
				case slots <- struct{}{}:
					m.queued.Dec()
				case <-r.Context().Done():
					m.queued.Dec()
					w.Header().Set("Retry-After", "1")
					fail(http.StatusServiceUnavailable, CodeTimeout,
						"the server is busy: the request's deadline passed while it waited for its turn; retry later")
					return
				}
			}
			defer func() { <-slots }()
		}
		rec := newBufferedResponse()
		next.ServeHTTP(rec, inner)

		status, out := rec.status, rec.body.Bytes()
		if r.Method != http.MethodPost && status == http.StatusNotAcceptable {
			// gqlgen's answer to a GET whose operation, once found (for
			// example from a persisted-query hash), is not a query.
			w.Header().Set("Allow", http.MethodPost)
			fail(http.StatusMethodNotAllowed, CodeMethodNotAllowed, "only queries can be sent with GET; use POST")
			return
		}
		res, isJSON := parseResult(out)
		if !isJSON {
			// Not a GraphQL response (a proxy's error page, a panic in
			// the executor's transport): pass it on untouched rather
			// than guess.
			logger.LogAttrs(r.Context(), slog.LevelWarn, "graphql executor returned a non-JSON body",
				slog.Int("status", status), slog.String("request_id", RequestID(r.Context())))
			m.operation(opName, "UNKNOWN")
			for k, vs := range rec.Header() {
				w.Header()[k] = vs
			}
			w.Header().Set("Cache-Control", "no-store")
			w.WriteHeader(status)
			_, _ = w.Write(out)
			return
		}

		// A 5xx is the server's fault under either media type (a panic
		// the executor recovered, say), so it is passed on as it is.
		requestError := status < 500 && res.isRequestError(status)
		if requestError {
			out = res.withoutData()
			if mediaType == mediaGraphQLResponse {
				status = http.StatusBadRequest
			} else {
				status = http.StatusOK
			}
		}
		m.operation(opName, res.code())

		h := w.Header()
		copyHeaders(h, rec.Header())
		h.Set("Content-Type", mediaType+"; charset=utf-8")
		h.Del("Content-Length")

		cacheable := r.Method != http.MethodPost && status == http.StatusOK &&
			!requestError && len(res.Errors) == 0 && cfg.CacheMaxAge > 0
		if !cacheable {
			h.Set("Cache-Control", "no-store")
			w.WriteHeader(status)
			_, _ = w.Write(out)
			return
		}
		etag := strongETag(mediaType, out)
		h.Set("Cache-Control", "public, max-age="+strconv.Itoa(int(cfg.CacheMaxAge.Seconds())))
		h.Set("ETag", etag)
		if etagMatches(r.Header.Values("If-None-Match"), etag) {
			h.Del("Content-Type")
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.WriteHeader(status)
		_, _ = w.Write(out)
	})
}

// handleGraphQLMethodNotAllowed answers every method but GET and POST on
// /graphql, in the same JSON shape as the endpoint's other errors.
// OPTIONS that is not a CORS preflight (those never get here) is answered
// with the methods, as RFC 9110 suggests.
func handleGraphQLMethodNotAllowed() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Allow", "GET, POST, OPTIONS")
		if r.Method == http.MethodOptions {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		writeGraphQLError(w, http.StatusMethodNotAllowed, mediaJSON, CodeMethodNotAllowed,
			r.Method+" is not supported on /graphql; use GET or POST")
	})
}

// refusal is a request this layer refuses before the executor sees
// it.
type refusal struct {
	status int
	code   string
	msg    string
}

// readRequest takes the parameters from a POST body or a GET URL, checking
// what the spec asks: POST must be application/json in UTF-8 (415), within
// the body limit (413), and well-formed (400). It returns the body too, so
// the executor can be given exactly what was checked.
func readRequest(r *http.Request) (params, []byte, *refusal) {
	if r.Method != http.MethodPost {
		// GET (and HEAD, which the mux routes with it).
		p, err := paramsFromURL(r.URL.RawQuery)
		if err != nil {
			return params{}, nil, &refusal{http.StatusBadRequest, CodeBadRequest, err.Error()}
		}
		return p, nil, nil
	}
	if ok, reason := checkContentType(r.Header.Get("Content-Type")); !ok {
		return params{}, nil, &refusal{http.StatusUnsupportedMediaType, CodeUnsupportedMediaType, reason}
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		if tooLarge := (*http.MaxBytesError)(nil); errors.As(err, &tooLarge) {
			return params{}, nil, &refusal{http.StatusRequestEntityTooLarge, CodeRequestTooLarge,
				fmt.Sprintf("the request body is larger than the limit of %d bytes", tooLarge.Limit)}
		}
		return params{}, nil, &refusal{http.StatusBadRequest, CodeBadRequest, "the request body could not be read"}
	}
	p, err := paramsFromBody(body)
	if err != nil {
		return params{}, nil, &refusal{http.StatusBadRequest, CodeBadRequest, err.Error()}
	}
	return p, body, nil
}

// params are the GraphQL-over-HTTP request parameters.
type params struct {
	Query         string
	OperationName string
}

// paramsFromBody checks a POST body: a JSON object whose query is a string
// (or absent when a persisted-query hash stands in for it), whose
// operationName is a string or null, and whose variables and extensions
// are objects or null. Anything else is a malformed request (400) under
// either media type.
func paramsFromBody(body []byte) (params, error) {
	if len(bytes.TrimSpace(body)) == 0 {
		return params{}, errors.New("the request body is empty; send a JSON object with a query")
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(body, &raw); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			if typeErr.Value == "array" {
				return params{}, errors.New("batched requests (a JSON array of operations) are not supported; send one JSON object per request")
			}
			return params{}, errors.New("the request body must be a JSON object")
		}
		return params{}, fmt.Errorf("the request body is not valid JSON: %w", err)
	}
	var p params
	var extensions map[string]any
	for _, f := range []struct {
		name string
		dst  any
	}{
		{"query", &p.Query},
		{"operationName", &p.OperationName},
		{"variables", new(map[string]any)},
		{"extensions", &extensions},
	} {
		v, ok := raw[f.name]
		if !ok {
			continue
		}
		if err := json.Unmarshal(v, f.dst); err != nil {
			return params{}, fmt.Errorf("the %s parameter must be %s", f.name, kindOf(f.name))
		}
	}
	if _, hasQuery := raw["query"]; (!hasQuery || string(raw["query"]) == "null") && !hasPersistedQuery(extensions) {
		return params{}, errors.New("the query parameter is missing")
	}
	return p, nil
}

// paramsFromURL checks the parameters of a GET: variables and extensions
// are URL-encoded JSON objects.
func paramsFromURL(rawQuery string) (params, error) {
	q, err := url.ParseQuery(rawQuery)
	if err != nil {
		return params{}, fmt.Errorf("the URL query could not be parsed: %w", err)
	}
	p := params{Query: q.Get("query"), OperationName: q.Get("operationName")}
	var variables, extensions map[string]any
	for _, f := range []struct {
		name string
		dst  *map[string]any
	}{{"variables", &variables}, {"extensions", &extensions}} {
		v := q.Get(f.name)
		if v == "" {
			continue
		}
		if err := json.Unmarshal([]byte(v), f.dst); err != nil {
			return params{}, fmt.Errorf("the %s parameter must be a URL-encoded JSON object", f.name)
		}
	}
	if p.Query == "" && !hasPersistedQuery(extensions) {
		return params{}, errors.New("the query parameter is missing")
	}
	return p, nil
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

// result is the part of a GraphQL response this layer must look at.
type result struct {
	raw    map[string]json.RawMessage
	Errors []struct {
		Path       json.RawMessage `json:"path"`
		Extensions struct {
			Code string `json:"code"`
		} `json:"extensions"`
	}
}

func parseResult(b []byte) (result, bool) {
	var r result
	if err := json.Unmarshal(b, &r.raw); err != nil {
		return r, false
	}
	if e, ok := r.raw["errors"]; ok {
		if err := json.Unmarshal(e, &r.Errors); err != nil {
			return r, false
		}
	}
	return r, true
}

// isRequestError tells a request error (the operation never ran: parse or
// validation failure, bad variables, unknown persisted query, over a
// limit) from a field error (it ran and some field failed). The executor
// signals the former with a 4xx; when it does not, a response with no
// data and only errors that point at no field is one too, since a field
// error always has a path.
func (r result) isRequestError(status int) bool {
	if len(r.Errors) == 0 {
		return false
	}
	if status >= 400 && status < 500 {
		return true
	}
	if d, ok := r.raw["data"]; ok && string(bytes.TrimSpace(d)) != "null" {
		return false
	}
	for _, e := range r.Errors {
		if len(e.Path) > 0 && string(e.Path) != "null" {
			return false
		}
	}
	return true
}

// withoutData re-encodes the response without its data entry, which the
// spec forbids on a request error.
func (r result) withoutData() []byte {
	delete(r.raw, "data")
	b, err := json.Marshal(r.raw)
	if err != nil {
		// It was just decoded from JSON; re-encoding cannot fail.
		panic(fmt.Errorf("httpapi: re-encoding a GraphQL response: %w", err))
	}
	return b
}

// code is the error code the metrics record for the response: OK, the
// first error's extensions.code, or UNKNOWN for an error without one.
func (r result) code() string {
	if len(r.Errors) == 0 {
		return "OK"
	}
	if c := r.Errors[0].Extensions.Code; c != "" {
		return c
	}
	return "UNKNOWN"
}

// strongETag is a validator for a response body. The media type is part
// of it because the same bytes under another Content-Type are another
// representation.
func strongETag(mediaType string, body []byte) string {
	h := sha256.New()
	h.Write([]byte(mediaType))
	h.Write([]byte{0})
	h.Write(body)
	return `"` + hex.EncodeToString(h.Sum(nil)[:16]) + `"`
}

// etagMatches implements If-None-Match's weak comparison (RFC 9110 13.1.2).
func etagMatches(ifNoneMatch []string, etag string) bool {
	for _, v := range ifNoneMatch {
		for t := range strings.SplitSeq(v, ",") {
			t = strings.TrimSpace(t)
			if t == "*" || strings.TrimPrefix(t, "W/") == etag {
				return true
			}
		}
	}
	return false
}

// copyHeaders copies the executor's headers, except those this layer
// decides itself.
func copyHeaders(dst, src http.Header) {
	for k, vs := range src {
		switch k {
		case "Content-Type", "Content-Length", "Cache-Control", "Etag":
			continue
		}
		for _, v := range vs {
			dst.Add(k, v)
		}
	}
}

// bufferedResponse holds the executor's answer until this layer has
// looked at it.
type bufferedResponse struct {
	header http.Header
	status int
	body   bytes.Buffer
	wrote  bool
}

func newBufferedResponse() *bufferedResponse {
	return &bufferedResponse{header: http.Header{}, status: http.StatusOK}
}

func (b *bufferedResponse) Header() http.Header { return b.header }

func (b *bufferedResponse) WriteHeader(status int) {
	if !b.wrote {
		b.status, b.wrote = status, true
	}
}

func (b *bufferedResponse) Write(p []byte) (int, error) {
	b.wrote = true
	return b.body.Write(p)
}
