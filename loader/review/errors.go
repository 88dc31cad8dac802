package review

import "fmt"

// SourceError points at the line of an input file that has to be fixed, so
// that the person editing the seed can go straight to it; callers find it
// with errors.As even when it comes back wrapped.
type SourceError struct {
	File string
	Line int
	Msg  string
}

func (e *SourceError) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// reviewSizeError is shared by ReadReview and ParseReview so that the
// message is the same whether the size was seen by stat or by length.
func reviewSizeError(file string, size int64) error {
	return &SourceError{File: file, Line: 1, Msg: fmt.Sprintf("review is %.1f MB, over the %d MB limit",
		float64(size)/(1<<20), MaxReviewBytes>>20)}
}
