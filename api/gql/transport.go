package gql

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/kapgraph/kapgraph/internal/recycle"
)

// The GraphQL-over-HTTP transports
// (https://graphql.github.io/graphql-over-http/draft/): gqlgen
// graphql.Transports that call the executor themselves and write the
// answer once, with the status, media type and caching headers they decide
// as they go:
//
//   - content negotiation (Accept) between application/json and
//     application/graphql-response+json, 406 when neither is acceptable;
//   - POST must be application/json in UTF-8 (else 415), with a JSON object
//     body whose parameters have the right types (else 400);
//   - GET takes query, variables, operationName and extensions from the URL
//     and runs only queries (a mutation gets 405 with Allow: POST);
//   - any other method gets 405 (OPTIONS 204), with Allow;
//   - status codes: with application/graphql-response+json a request error
//     (parse, validation, variable coercion, unknown persisted query, a
//     limit) is 400, a field error 200; with application/json every
//     well-formed request gets 200 (the spec's legacy rules) and only
//     malformed ones 400; under both, a request error carries no data
//     entry;
//   - caching: successful GET queries are public for Options.CacheMaxAge
//     with a strong ETag (If-None-Match gives 304); everything else is
//     no-store.
//
// The body is decoded once, here; the query is parsed once, by the
// structural limits (Structure), which hand the parsed document to the
// executor through its query cache.

// POST is the transport of POST requests.
type POST struct{ w *responder }

// GET is the transport of GET (and HEAD) requests.
type GET struct{ w *responder }

var (
	_ graphql.Transport = POST{}
	_ graphql.Transport = GET{}
	_ graphql.Transport = otherMethods{}
)

// Supports implements graphql.Transport.
func (POST) Supports(r *http.Request) bool { return r.Method == http.MethodPost }

// Do implements graphql.Transport.
func (t POST) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	t.w.do(w, r, exec, readPOST)
}

// Supports implements graphql.Transport.
func (GET) Supports(r *http.Request) bool {
	return r.Method == http.MethodGet || r.Method == http.MethodHead
}

// Do implements graphql.Transport.
func (t GET) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	t.w.do(w, r, exec, readGET)
}

// otherMethods answers every method but GET, HEAD and POST, in the same
// JSON shape as the endpoint's other errors. OPTIONS that is not a CORS
// preflight (those never get here) is answered with the methods, as RFC
// 9110 suggests.
type otherMethods struct{}

// Supports implements graphql.Transport: the last transport, it takes
// what the others leave.
func (otherMethods) Supports(*http.Request) bool { return true }

// Do implements graphql.Transport.
func (otherMethods) Do(w http.ResponseWriter, r *http.Request, _ graphql.GraphExecutor) {
	w.Header().Set("Allow", "GET, POST, OPTIONS")
	if r.Method == http.MethodOptions {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	writeError(w, http.StatusMethodNotAllowed, mediaJSON, CodeMethodNotAllowed,
		r.Method+" is not supported on /graphql; use GET or POST")
}

// responder runs a request through the executor and writes its answer;
// the transports differ only in how they read the request.
type responder struct {
	cacheMaxAge time.Duration
	m           *metrics
}

func (t *responder) do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor, read func(*http.Request) (*graphql.RawParams, *refusal)) {
	w.Header().Add("Vary", "Accept")
	mediaType, ok := negotiate(r.Header.Values("Accept"))
	if !ok {
		t.m.operation("", CodeNotAcceptable)
		writeError(w, http.StatusNotAcceptable, mediaJSON, CodeNotAcceptable,
			"none of the media types in Accept can be served; accept application/graphql-response+json or application/json")
		return
	}
	// Set now, so that even the answer gqlgen's handler.Server writes
	// when it recovers a panic is in the negotiated type and uncached;
	// write sets them again for the response.
	h := w.Header()
	h.Set("Content-Type", mediaType+"; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	start := graphql.Now()
	p, refused := read(r)
	opName := p.OperationName
	fail := func(status int, code, msg string) {
		t.m.operation(opName, code)
		writeError(w, status, mediaType, code, msg)
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

	// The operation trace (the executor's statistics) was started by
	// handler.Server.ServeHTTP. The bin takes back what the answer
	// borrowed (the fast path's pooled buffer) once it is written.
	ctx, bin := recycle.With(r.Context())
	defer bin.Release()
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
		resp = exec.DispatchError(ctx, gqlerror.List{cancelledError(ctx)})
	}
	// A response with no data whose every error points at no field is a
	// request error too (a field error always has a path).
	t.write(w, r, mediaType, opName, resp, isRequestError(resp))
}

// write writes one GraphQL response: a request error without its data
// entry and with the status of its media type; a result with 200, and
// cacheable when it is a GET without errors.
func (t *responder) write(w http.ResponseWriter, r *http.Request, mediaType, opName string, resp *graphql.Response, requestError bool) {
	t.m.operation(opName, responseCode(resp))
	status := http.StatusOK
	var body any = resp
	if requestError {
		body = requestErrorBody{Errors: resp.Errors, Extensions: resp.Extensions}
		if mediaType == mediaGraphQLResponse {
			status = http.StatusBadRequest
		}
	}
	out, err := encodeResponse(body, resp, requestError)
	if err != nil {
		// Data comes from the executor as JSON already and errors are
		// plain values; a failure here is a bug.
		panic(fmt.Errorf("gql: encoding a GraphQL response: %w", err))
	}
	h := w.Header()
	h.Set("Content-Type", mediaType+"; charset=utf-8")
	cacheable := r.Method != http.MethodPost && !requestError && len(resp.Errors) == 0 && t.cacheMaxAge > 0
	if !cacheable {
		h.Set("Cache-Control", "no-store")
		w.WriteHeader(status)
		out.writeTo(w)
		return
	}
	whole := out.bytes()
	etag := strongETag(mediaType, whole)
	h.Set("Cache-Control", "public, max-age="+strconv.Itoa(int(t.cacheMaxAge.Seconds())))
	h.Set("ETag", etag)
	if etagMatches(r.Header.Values("If-None-Match"), etag) {
		h.Del("Content-Type")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.WriteHeader(status)
	_, _ = w.Write(whole)
}

// encoded is a response body in up to three parts, written in order: the
// common answer is the executor's data between {"data": and }, which
// needs no copy when it holds nothing json.Marshal would escape.
type encoded struct {
	head, data, tail []byte
}

var (
	dataHead = []byte(`{"data":`)
	dataTail = []byte(`}`)
)

// bytes is the whole body in one slice.
func (e encoded) bytes() []byte {
	if e.head == nil && e.tail == nil {
		return e.data
	}
	return slices.Concat(e.head, e.data, e.tail)
}

// writeTo writes the body's parts to w in order; net/http's buffer joins
// the small ones to the data.
func (e encoded) writeTo(w io.Writer) {
	for _, p := range [3][]byte{e.head, e.data, e.tail} {
		if len(p) == 0 {
			continue
		}
		if _, err := w.Write(p); err != nil {
			return // the client went away: nothing more to tell it
		}
	}
}

// encodeResponse is json.Marshal(body), byte for byte, with a short cut
// for the common answer, data and nothing else: json.Marshal would check
// and compact the executor's data, which is compact JSON already, and
// that costs as much as writing it; only the escaping of <, >, & and
// U+2028/9 inside strings, which json.Marshal adds, is done here too,
// and data holding none of them (almost every answer) is not copied.
func encodeResponse(body any, resp *graphql.Response, requestError bool) (encoded, error) {
	if requestError || len(resp.Errors) > 0 || len(resp.Extensions) > 0 || resp.Label != "" || resp.Path != nil || resp.HasNext != nil {
		b, err := json.Marshal(body)
		return encoded{data: b}, err
	}
	data := resp.Data
	if len(data) == 0 {
		data = json.RawMessage("null")
	}
	if !needsHTMLEscape(data) {
		return encoded{head: dataHead, data: data, tail: dataTail}, nil
	}
	var b bytes.Buffer
	b.Grow(len(data) + len(`{"data":}`) + 16)
	b.WriteString(`{"data":`)
	json.HTMLEscape(&b, data)
	b.WriteByte('}')
	return encoded{data: b.Bytes()}, nil
}

// needsHTMLEscape reports whether json.HTMLEscape would change b: whether
// it holds <, > or &, or the UTF-8 of U+2028 or U+2029 (E2 80 A8/A9).
// IndexByte scans many bytes a step, so this costs a fraction of the
// copy it saves.
func needsHTMLEscape(b []byte) bool {
	if bytes.IndexByte(b, '<') >= 0 || bytes.IndexByte(b, '>') >= 0 || bytes.IndexByte(b, '&') >= 0 {
		return true
	}
	for rest := b; ; {
		i := bytes.IndexByte(rest, 0xE2)
		if i < 0 {
			return false
		}
		rest = rest[i+1:]
		if len(rest) >= 2 && rest[0] == 0x80 && (rest[1] == 0xA8 || rest[1] == 0xA9) {
			return true
		}
	}
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

// cancelledError is the error of a request whose context ended before a
// response was made. It carries the context's cause, so the presenter
// reports it as the TIMEOUT it is rather than as an internal error.
func cancelledError(ctx context.Context) *gqlerror.Error {
	cause := context.Cause(ctx)
	if cause == nil {
		cause = context.Canceled
	}
	return &gqlerror.Error{Message: "the request was cancelled", Err: cause}
}
