package graph

import (
	"errors"
	"fmt"
)

// Error codes. They live in the domain so that every adapter (loader,
// engines, HTTP) speaks the same vocabulary, and one presenter maps them to
// GraphQL extensions.code.
const (
	EINVALID     = "EINVALID"     // the caller's input is wrong
	ENOTFOUND    = "ENOTFOUND"    // no such node
	ELIMIT       = "ELIMIT"       // a request exceeds a configured limit
	EUNAVAILABLE = "EUNAVAILABLE" // the database cannot be reached
	ETIMEOUT     = "ETIMEOUT"     // the request's deadline passed
	EINTERNAL    = "EINTERNAL"    // a bug or an unexpected failure
)

// Error is a domain error: a code for machines and a message for people.
type Error struct {
	Code    string
	Message string
	Err     error
}

func (e *Error) Error() string {
	if e.Err != nil && e.Message == "" {
		return e.Err.Error()
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf builds a domain error.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// WrapError attaches a code to an underlying error, keeping it for %w.
func WrapError(code string, err error, format string, args ...any) *Error {
	msg := fmt.Sprintf(format, args...)
	if msg != "" {
		msg += ": " + err.Error()
	}
	return &Error{Code: code, Message: msg, Err: err}
}

// ErrorCode returns the code of the first domain error in err's chain, or
// EINTERNAL for anything else.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the human message of a domain error, hiding
// internals of anything else.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Error()
	}
	return "internal error"
}
