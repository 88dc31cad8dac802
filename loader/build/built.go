package build

import "github.com/kapgraph/kapgraph/graph"

// Built is one review's document and its build report.
type Built struct {
	Document *graph.Document
	Report   *Report
}
