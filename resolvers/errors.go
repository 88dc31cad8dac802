package resolvers

import (
	"context"
	"errors"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/resolvers/limits"
)

// GraphQL error codes (extensions.code) for the domain codes.
const (
	CodeBadUserInput        = "BAD_USER_INPUT"
	CodeNotFound            = "NOT_FOUND"
	CodeLimitExceeded       = "LIMIT_EXCEEDED"
	CodeDatabaseUnavailable = "DATABASE_UNAVAILABLE"
	CodeTimeout             = "TIMEOUT"
	CodeInternal            = "INTERNAL_SERVER_ERROR"
	CodeQueryTooDeep        = limits.CodeQueryTooDeep
	CodeComplexity          = limits.CodeComplexity
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
