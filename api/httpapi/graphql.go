package httpapi

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
	"golang.org/x/sync/semaphore"
)

// Transport is the GraphQL-over-HTTP transport
// (https://graphql.github.io/graphql-over-http/draft/), a gqlgen
// graphql.Transport that calls the executor itself and writes the answer
// once, with the status, media type and caching headers it decides as it
// goes:
//
//   - content negotiation (Accept) between application/json and
//     application/graphql-response+json, 406 when neither is acceptable;
//   - POST must be application/json in UTF-8 (else 415), with a JSON object
//     body whose parameters have the right types (else 400);
//   - GET takes query, variables, operationName and extensions from the URL
//     and runs only queries (a mutation gets 405 with Allow: POST);
//   - status codes: with application/graphql-response+json a request error
//     (parse, validation, variable coercion, unknown persisted query, a
//     limit) is 400, a field error 200; with application/json every
//     well-formed request gets 200 (the spec's legacy rules) and only
//     malformed ones 400; under both, a request error carries no data
//     entry;
//   - caching: successful GET queries are public for Config.CacheMaxAge
//     with a strong ETag (If-None-Match gives 304); everything else is
//     no-store.
//
// The body is decoded once, here; the query is parsed once, by the
// executor's structural limits (resolvers/limits), which hand the parsed
// document to the executor through its query cache.
type Transport struct {
	cacheMaxAge time.Duration
	m           *metrics
}

var _ graphql.Transport = (*Transport)(nil)

// Supports implements graphql.Transport: GET, HEAD and POST; the
// method-not-allowed answer for the rest is the router's.
func (*Transport) Supports(r *http.Request) bool {
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodPost:
		return true
	}
	return false
}

// Do implements graphql.Transport.
func (t *Transport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	w.Header().Add("Vary", "Accept")
	mediaType, ok := negotiate(r.Header.Values("Accept"))
	if !ok {
		t.m.operation("", CodeNotAcceptable)
		writeGraphQLError(w, http.StatusNotAcceptable, mediaJSON, CodeNotAcceptable,
			"none of the media types in Accept can be served; accept application/graphql-response+json or application/json")
		return
	}
	start := graphql.Now()
	p, refused := readRequest(r)
	opName := p.OperationName
	fail := func(status int, code, msg string) {
		t.m.operation(opName, code)
		writeGraphQLError(w, status, mediaType, code, msg)
	}
	if refused != nil {
		fail(refused.status, refused.code, refused.msg)
		return
	}
	p.Headers = r.Header
	p.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}
	isGET := r.Method != http.MethodPost
	methodNotAllowed := func(kind ast.Operation) {
		w.Header().Set("Allow", http.MethodPost)
		fail(http.StatusMethodNotAllowed, CodeMethodNotAllowed,
			fmt.Sprintf("a %s cannot be sent with GET; use POST", kind))
	}

	// The executor's statistics start with the operation trace.
	ctx := graphql.StartOperationTrace(r.Context())
	rc, errs := exec.CreateOperationContext(ctx, p)
	if len(errs) > 0 {
		if isGET && p.Query != "" {
			// GET must not change anything (it may be cached,
			// prefetched, or sent by a link on another site): a
			// mutation gets 405 even when, as here, it does not
			// validate. Parsing again costs only on this error path.
			if op := selectOperation(p.Query, p.OperationName); op != nil && op.Operation != ast.Query {
				methodNotAllowed(op.Operation)
				return
			}
		}
		resp := exec.DispatchError(graphql.WithOperationContext(ctx, rc), errs)
		t.write(w, r, mediaType, opName, resp, true)
		return
	}
	if rc.Operation != nil && rc.Operation.Name != "" {
		opName = rc.Operation.Name
	}
	if isGET && rc.Operation != nil && rc.Operation.Operation != ast.Query {
		// A persisted-query hash that stands for a mutation.
		methodNotAllowed(rc.Operation.Operation)
		return
	}
	responses, ctx := exec.DispatchOperation(ctx, rc)
	resp := responses(ctx)
	if resp == nil {
		// The request's context ended before a response was made.
		resp = exec.DispatchError(ctx, gqlerror.List{gqlerror.Errorf("the request was cancelled")})
	}
	// A response with no data whose every error points at no field is a
	// request error too (a field error always has a path).
	t.write(w, r, mediaType, opName, resp, isRequestError(resp))
}

// write writes one GraphQL response: a request error without its data
// entry and with the status of its media type; a result with 200, and
// cacheable when it is a GET without errors.
func (t *Transport) write(w http.ResponseWriter, r *http.Request, mediaType, opName string, resp *graphql.Response, requestError bool) {
	t.m.operation(opName, responseCode(resp))
	status := http.StatusOK
	var body any = resp
	if requestError {
		body = requestErrorBody{Errors: resp.Errors, Extensions: resp.Extensions}
		if mediaType == mediaGraphQLResponse {
			status = http.StatusBadRequest
		}
	}
	out, err := json.Marshal(body)
	if err != nil {
		// Data comes from the executor as JSON already and errors are
		// plain values; a failure here is a bug.
		panic(fmt.Errorf("httpapi: encoding a GraphQL response: %w", err))
	}
	h := w.Header()
	h.Set("Content-Type", mediaType+"; charset=utf-8")
	cacheable := r.Method != http.MethodPost && !requestError && len(resp.Errors) == 0 && t.cacheMaxAge > 0
	if !cacheable {
		h.Set("Cache-Control", "no-store")
		w.WriteHeader(status)
		_, _ = w.Write(out)
		return
	}
	etag := strongETag(mediaType, out)
	h.Set("Cache-Control", "public, max-age="+strconv.Itoa(int(t.cacheMaxAge.Seconds())))
	h.Set("ETag", etag)
	if etagMatches(r.Header.Values("If-None-Match"), etag) {
		h.Del("Content-Type")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.WriteHeader(status)
	_, _ = w.Write(out)
}

// requestErrorBody is a response to a request that never ran: per the
// spec it has no data entry at all.
type requestErrorBody struct {
	Errors     gqlerror.List  `json:"errors"`
	Extensions map[string]any `json:"extensions,omitempty"`
}

// isRequestError tells a response whose operation never ran (no data,
// only errors that point at no field) from one with field errors.
func isRequestError(resp *graphql.Response) bool {
	if len(resp.Errors) == 0 {
		return false
	}
	if d := bytes.TrimSpace(resp.Data); len(d) > 0 && string(d) != "null" {
		return false
	}
	for _, e := range resp.Errors {
		if len(e.Path) > 0 {
			return false
		}
	}
	return true
}

// responseCode is the code the metrics record for a response: OK, the
// first error's extensions.code, or UNKNOWN for an error without one.
func responseCode(resp *graphql.Response) string {
	if len(resp.Errors) == 0 {
		return "OK"
	}
	if c, ok := resp.Errors[0].Extensions["code"].(string); ok && c != "" {
		return c
	}
	return "UNKNOWN"
}

// admission lets at most max requests that reach the store (GraphQL and
// TRAPI alike, one queue for both) execute at once; the rest wait their
// turn, first come first served (semaphore.Weighted queues waiters in
// order), until their deadline, then get 503 with Retry-After in their
// endpoint's own error shape. Without it a burst of clients interleaves
// everyone's database round trips, so every request slows down together
// and the slowest run past the request timeout, while a queue lets each
// admitted request finish at full speed. max <= 0 admits everyone.
type admission struct {
	slots *semaphore.Weighted // nil: no cap
	m     *metrics
}

func newAdmission(max int, m *metrics) *admission {
	a := &admission{m: m}
	if max > 0 {
		a.slots = semaphore.NewWeighted(int64(max))
	}
	return a
}

// wrap admits next's requests; busy answers one whose deadline passed in
// the queue (after Retry-After is set).
func (a *admission) wrap(next http.Handler, busy http.Handler) http.Handler {
	if a.slots == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !a.slots.TryAcquire(1) {
			a.m.queued.Inc()
			err := a.slots.Acquire(r.Context(), 1)
			a.m.queued.Dec()
			if err != nil {
				w.Header().Set("Retry-After", "1")
				if busy == nil {
					http.Error(w, "the server is busy; retry later", http.StatusServiceUnavailable)
					return
				}
				busy.ServeHTTP(w, r)
				return
			}
		}
		defer a.slots.Release(1)
		next.ServeHTTP(w, r)
	})
}

// graphQLBusy is GraphQL's answer to a request that waited past its
// deadline for admission.
func graphQLBusy(m *metrics) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mediaType, ok := negotiate(r.Header.Values("Accept"))
		if !ok {
			mediaType = mediaJSON
		}
		m.operation(r.URL.Query().Get("operationName"), CodeTimeout)
		writeGraphQLError(w, http.StatusServiceUnavailable, mediaType, CodeTimeout,
			"the server is busy: the request's deadline passed while it waited for its turn; retry later")
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
// the body limit (413), and well-formed (400). Numbers in variables stay
// json.Number, as the executor's coercion expects.
func readRequest(r *http.Request) (*graphql.RawParams, *refusal) {
	if r.Method != http.MethodPost {
		// GET (and HEAD, which the mux routes with it).
		p, err := paramsFromURL(r.URL.RawQuery)
		if err != nil {
			return &graphql.RawParams{}, &refusal{http.StatusBadRequest, CodeBadRequest, err.Error()}
		}
		return p, nil
	}
	if ok, reason := checkContentType(r.Header.Get("Content-Type")); !ok {
		return &graphql.RawParams{}, &refusal{http.StatusUnsupportedMediaType, CodeUnsupportedMediaType, reason}
	}
	body, err := io.ReadAll(r.Body)
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
		if err := decodeJSON(v, f.dst); err != nil {
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
