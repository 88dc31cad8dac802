package gql

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/kapgraph/kapgraph/graph"
)

// What a client learns of failures of the server rather than of its
// request: the underlying text (driver errors, addresses) stays in the logs.
const (
	internalMessage    = "internal error"
	unavailableMessage = "the graph database is unavailable; try again later"
	timeoutMessage     = "the request's deadline passed before it was answered"
)

// ErrorPresenter is the API's one error presenter. It keeps the error's
// path and locations and sets extensions.code (and extensions.domainCode):
//   - a domain error (graph.Error anywhere in the chain) gets the GraphQL
//     code of its domain code and its own message when it is about the
//     request (EINVALID, ENOTFOUND, ELIMIT); EUNAVAILABLE, ETIMEOUT and
//     EINTERNAL get a fixed message, since theirs may carry driver text;
//   - a passed deadline or cancelled request is a TIMEOUT;
//   - an error gqlgen or an extension built with a code (validation, parse,
//     depth, complexity, persisted queries) is kept as it is;
//   - anything else is an internal error whose text never reaches the
//     client.
func ErrorPresenter(ctx context.Context, err error) *gqlerror.Error {
	if err == nil {
		return nil
	}
	gqlErr := graphql.DefaultErrorPresenter(ctx, err)
	if de, ok := errors.AsType[*graph.Error](err); ok {
		msg := de.Error()
		switch de.Code {
		case graph.EINTERNAL:
			msg = internalMessage
		case graph.EUNAVAILABLE:
			msg = unavailableMessage
		case graph.ETIMEOUT:
			msg = timeoutMessage
		}
		return present(gqlErr, err, msg, de.Code)
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return present(gqlErr, err, timeoutMessage, graph.ETIMEOUT)
	}
	if code, ok := gqlErr.Extensions["code"]; ok {
		if (code == CodeComplexity || code == CodeQueryTooDeep) && gqlErr.Extensions["domainCode"] == nil {
			out := *gqlErr
			out.Extensions = withCode(gqlErr.Extensions, code.(string), graph.ELIMIT)
			return &out
		}
		return gqlErr
	}
	if gqlErr.Err == nil || gqlErr.Rule != "" {
		// Built by gqlgen from a message, not from a resolver's error:
		// safe to show, but give it a code.
		out := *gqlErr
		out.Extensions = withCode(gqlErr.Extensions, CodeInternal, graph.EINTERNAL)
		return &out
	}
	return present(gqlErr, err, internalMessage, graph.EINTERNAL)
}

func present(gqlErr *gqlerror.Error, err error, msg, domainCode string) *gqlerror.Error {
	return &gqlerror.Error{
		Err:        err,
		Message:    msg,
		Path:       gqlErr.Path,
		Locations:  gqlErr.Locations,
		Extensions: withCode(gqlErr.Extensions, GraphQLCode(domainCode), domainCode),
	}
}

func withCode(ext map[string]any, code, domainCode string) map[string]any {
	out := make(map[string]any, len(ext)+2)
	for k, v := range ext {
		out[k] = v
	}
	out["code"] = code
	out["domainCode"] = domainCode
	return out
}

// IsServerFault reports whether a presented error is the server's fault
// rather than the request's (internal, database unavailable): what is
// worth logging with the hidden underlying error.
func IsServerFault(e *gqlerror.Error) bool {
	return e != nil && (e.Extensions["code"] == CodeInternal || e.Extensions["code"] == CodeDatabaseUnavailable)
}

const (
	mediaJSON            = "application/json"
	mediaGraphQLResponse = "application/graphql-response+json"
)

// plainError is one entry of a GraphQL response's errors list.
type plainError struct {
	Message    string         `json:"message"`
	Extensions map[string]any `json:"extensions,omitempty"`
}

// plainErrorBody is a GraphQL response that failed before execution: per
// the GraphQL spec it has errors and no data entry at all.
type plainErrorBody struct {
	Errors []plainError `json:"errors"`
}

// WriteError writes a GraphQL-shaped error as application/json, so that
// every failure of the server around the endpoint (an unknown path, a
// recovered panic, a body over the limit) reads the same to a client as
// the endpoint's own: {"errors":[{"message":..., "extensions":{"code":...}}]}.
func WriteError(w http.ResponseWriter, status int, code, message string) {
	writeError(w, status, mediaJSON, code, message)
}

// writeError writes a GraphQL-shaped error in mediaType, no-store unless
// a Cache-Control was set already.
func writeError(w http.ResponseWriter, status int, mediaType, code, message string) {
	if mediaType == "" {
		mediaType = mediaJSON
	}
	if w.Header().Get("Cache-Control") == "" {
		w.Header().Set("Cache-Control", "no-store")
	}
	b, err := json.Marshal(plainErrorBody{Errors: []plainError{{
		Message:    message,
		Extensions: map[string]any{"code": code},
	}}})
	if err != nil {
		// Only our own fixed types get here; a failure is a bug.
		status = http.StatusInternalServerError
		b = []byte(`{"errors":[{"message":"internal error encoding a response","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}`)
	}
	// UTF-8 always, which the GraphQL-over-HTTP spec requires.
	w.Header().Set("Content-Type", mediaType+"; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}
