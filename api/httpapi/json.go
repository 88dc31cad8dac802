package httpapi

import (
	"encoding/json"
	"net/http"
)

// Error codes this package puts in extensions.code of the errors it
// writes itself, before or around the GraphQL executor. Clients branch on
// them, so they are part of the API.
const (
	CodeBadRequest           = "BAD_REQUEST"
	CodeRequestTooLarge      = "REQUEST_TOO_LARGE"
	CodeUnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE"
	CodeNotAcceptable        = "NOT_ACCEPTABLE"
	CodeMethodNotAllowed     = "METHOD_NOT_ALLOWED"
	CodeNotFound             = "NOT_FOUND"
	CodeInternal             = "INTERNAL_SERVER_ERROR"
	// CodeTimeout is also the code the resolvers give a request whose
	// deadline passed during execution; here, while it waited its turn.
	CodeTimeout = "TIMEOUT"
)

const (
	mediaJSON            = "application/json"
	mediaGraphQLResponse = "application/graphql-response+json"
)

// gqlError is one entry of a GraphQL response's errors list.
type gqlError struct {
	Message    string         `json:"message"`
	Extensions map[string]any `json:"extensions,omitempty"`
}

// gqlErrorBody is a GraphQL response that failed before execution: per the
// GraphQL spec it has errors and no data entry at all.
type gqlErrorBody struct {
	Errors []gqlError `json:"errors"`
}

// writeJSON writes v as JSON with the given status; the content type is
// always UTF-8, which the GraphQL-over-HTTP spec requires.
func writeJSON(w http.ResponseWriter, status int, mediaType string, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		// Only our own fixed types get here; a failure is a bug.
		status = http.StatusInternalServerError
		b = []byte(`{"errors":[{"message":"internal error encoding a response","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}`)
	}
	w.Header().Set("Content-Type", mediaType+"; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// writeGraphQLError writes a GraphQL-shaped error, so that every failure of
// /graphql and of the limits in front of it reads the same to a client:
// {"errors":[{"message":..., "extensions":{"code":...}}]}.
func writeGraphQLError(w http.ResponseWriter, status int, mediaType, code, message string) {
	if mediaType == "" {
		mediaType = mediaJSON
	}
	if w.Header().Get("Cache-Control") == "" {
		w.Header().Set("Cache-Control", "no-store")
	}
	writeJSON(w, status, mediaType, gqlErrorBody{Errors: []gqlError{{
		Message:    message,
		Extensions: map[string]any{"code": code},
	}}})
}
