package gql

import "github.com/kapgraph/kapgraph/graph"

// The error codes (extensions.code) of every GraphQL error kapgraph
// writes: the transport's, the limits', and those of the domain codes
// (graph.E*). Clients branch on them, so they are part of the API; each is
// defined here and nowhere else (httpapi uses them for the errors it
// writes around the endpoint).
const (
	// The transport's: a request it refuses before the executor sees it.
	// CodeBadRequest is also a persisted-query extension the executor
	// cannot make sense of (malformed, of an unknown version, or whose
	// hash is not the query's): gqlgen's own errors for these carry no
	// code, which would make them internal errors.
	CodeBadRequest           = "BAD_REQUEST"
	CodeRequestTooLarge      = "REQUEST_TOO_LARGE"
	CodeUnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE"
	CodeNotAcceptable        = "NOT_ACCEPTABLE"
	CodeMethodNotAllowed     = "METHOD_NOT_ALLOWED"

	// The domain's (GraphQLCode). CodeTimeout is also a request whose
	// deadline passed while it waited for its turn (Handler.Busy);
	// CodeNotFound also an unknown path, CodeInternal also a recovered
	// panic (httpapi).
	CodeBadUserInput        = "BAD_USER_INPUT"
	CodeNotFound            = "NOT_FOUND"
	CodeLimitExceeded       = "LIMIT_EXCEEDED"
	CodeDatabaseUnavailable = "DATABASE_UNAVAILABLE"
	CodeTimeout             = "TIMEOUT"
	CodeInternal            = "INTERNAL_SERVER_ERROR"

	// The limits'. Every limit error carries domainCode ELIMIT and the
	// limit's name, maximum and the value found (extensions.limit, .max,
	// .actual), except INTROSPECTION_DISABLED, BAD_REQUEST and
	// PERSISTED_QUERY_NOT_ALLOWED (domainCode EINVALID).
	CodeQueryTooLarge         = "QUERY_TOO_LARGE"
	CodeQueryTooDeep          = "QUERY_TOO_DEEP"
	CodeComplexity            = "COMPLEXITY_LIMIT_EXCEEDED"
	CodeTooManyFields         = "TOO_MANY_FIELDS"
	CodeTooManyAliases        = "TOO_MANY_ALIASES"
	CodeTooManyFragments      = "TOO_MANY_FRAGMENTS"
	CodeTooManyVariables      = "TOO_MANY_VARIABLES"
	CodeTooManyIntrospection  = "TOO_MANY_INTROSPECTION_FIELDS"
	CodeIntrospectionDisabled = "INTROSPECTION_DISABLED"
	// CodeDocumentNotTrusted refuses an operation that is not one of the
	// server's trusted documents.
	CodeDocumentNotTrusted = "PERSISTED_QUERY_NOT_ALLOWED"
)

// GraphQLCode is the extensions.code of a domain code.
func GraphQLCode(domainCode string) string {
	switch domainCode {
	case graph.EINVALID:
		return CodeBadUserInput
	case graph.ENOTFOUND:
		return CodeNotFound
	case graph.ELIMIT:
		return CodeLimitExceeded
	case graph.EUNAVAILABLE:
		return CodeDatabaseUnavailable
	case graph.ETIMEOUT:
		return CodeTimeout
	}
	return CodeInternal
}
