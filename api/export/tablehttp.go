package export

import (
	"fmt"
	"io"
	"net/http"

	"github.com/kapgraph/kapgraph/graph"
)

// tableDownload is one download of the evidence table: the claims a
// filter selects (the claims root field's filter, from the URL query) or
// the studies behind them.
type tableDownload struct {
	path        string
	contentType string
	filename    string
	desc        string
	write       func(w io.Writer, t *Table) error
}

func tableDownloads() []tableDownload {
	return []tableDownload{
		{"claims.csv", "text/csv; charset=utf-8", ClaimsCSVFile,
			"the claims as a table, one row a claim (subject, predicate, sign, object, score, quotes, sections, studies, designs, evidence levels); takes the claims filter, e.g. ?subject=CHEBI:6121", WriteClaimsCSV},
		{"studies.bib", "application/x-bibtex; charset=utf-8", StudiesBibFile,
			"the studies those claims cite, as BibTeX; same filter", func(w io.Writer, t *Table) error { return WriteBibTeX(w, t.Studies()) }},
		{"studies.ris", "application/x-research-info-systems; charset=utf-8", StudiesRISFile,
			"the studies those claims cite, as RIS; same filter", func(w io.Writer, t *Table) error { return WriteRIS(w, t.Studies()) }},
	}
}

func serveTable(w http.ResponseWriter, r *http.Request, store graph.Store, d tableDownload) {
	// A POST carries the query in its form body (a long list of ids);
	// ParseForm merges it with the URL's.
	var f graph.ClaimFilter
	var ids []string
	err := r.ParseForm()
	if err == nil {
		f, ids, err = parseTableQuery(r.Form)
	}
	var t *Table
	switch {
	case err != nil:
	case ids != nil:
		t, err = ReadTableOf(r.Context(), store, ids)
	default:
		// The store checks the filter as the claims root field does.
		if _, err = (graph.ClaimQuery{Filter: f}).Normalize(); err == nil {
			t, err = ReadTable(r.Context(), store, f)
		}
	}
	if err != nil {
		status := errorStatus(err)
		http.Error(w, fmt.Sprintf("%s: %s", d.path, graph.ErrorMessage(err)), status)
		return
	}
	setDownload(w.Header(), d.contentType, d.filename)
	if r.Method == http.MethodHead {
		return
	}
	_ = d.write(w, t)
}
