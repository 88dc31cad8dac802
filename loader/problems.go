package loader

import (
	"fmt"
	"io"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// ProblemsError refuses a strict load. It holds every problem found, so
// that one run shows them all rather than one per run, and unwraps to
// each (errors.As finds the first *review.SourceError).
type ProblemsError struct {
	Problems []graph.LoadWarning
	errs     []error
}

func (e *ProblemsError) Error() string {
	if len(e.errs) == 1 {
		return e.errs[0].Error()
	}
	var b strings.Builder
	FormatProblems(&b, e.Problems)
	return strings.TrimRight(b.String(), "\n")
}

func (e *ProblemsError) Unwrap() []error { return e.errs }

// FormatProblems prints problems grouped by file, each file with its
// count and in the order first met, under a line with the totals.
func FormatProblems(w io.Writer, problems []graph.LoadWarning) {
	var files []string
	byFile := map[string][]graph.LoadWarning{}
	for _, p := range problems {
		if _, ok := byFile[p.File]; !ok {
			files = append(files, p.File)
		}
		byFile[p.File] = append(byFile[p.File], p)
	}
	fmt.Fprintf(w, "%s in %s:\n", plural(len(problems), "problem"), plural(len(files), "file"))
	for _, f := range files {
		fmt.Fprintf(w, "%s (%s)\n", f, plural(len(byFile[f]), "problem"))
		for _, p := range byFile[f] {
			fmt.Fprintf(w, "  %s\n", p)
		}
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
