package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/kapgraph/kapgraph/loader/build"
)

// printArticle adds to validate's report what the reader got from the
// file (the top-level sections and how many citations reach a reference)
// and every warning, as file:line so editors jump there. `validate
// --json` carries the same as each report's "article".
func printArticle(w io.Writer, r *build.Report) {
	a := r.Article
	fmt.Fprintf(w, "  sections: %s\n", strings.Join(quoteAll(a.Sections), ", "))
	fmt.Fprintf(w, "  citations resolved: %d of %d\n", a.Resolved, a.Citations)
	fmt.Fprintf(w, "  reader warnings: %d\n", len(a.Warnings))
	for _, msg := range a.Warnings {
		line, text, ok := strings.Cut(strings.TrimPrefix(msg, "line "), ": ")
		if !ok {
			fmt.Fprintf(w, "  %s: %s\n", r.Source, msg)
			continue
		}
		fmt.Fprintf(w, "  %s:%s  %s\n", r.Source, line, text)
	}
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}
