package graph

import "fmt"

// LoadWarning names an input file that was left out of the graph because
// it could not be read, and why. A server started without --strict skips
// such files rather than refusing to start, and says so: in its log, in
// /readyz and in the API's `warnings`, so that nobody reads a graph with a
// review missing without being told.
type LoadWarning struct {
	// File is the file to fix, as the loader was given it (folder/name).
	File string `json:"file"`
	// Line is the line to look at, 1-based; 0 when the problem is the
	// file as a whole (it cannot be opened, for one).
	Line int `json:"line,omitempty"`
	// Message says what is wrong, and what was skipped because of it.
	Message string `json:"message"`
}

// String prints file:line: message, as compilers do, so that editors and
// terminals jump to the place.
func (w LoadWarning) String() string {
	if w.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", w.File, w.Line, w.Message)
	}
	return fmt.Sprintf("%s: %s", w.File, w.Message)
}
