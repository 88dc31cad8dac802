package review

// Summary is what a reader is judged by on a new article: the title, the
// reference count, the top-level sections and how many in-text citations
// reach a reference. `kapgraph validate --json` prints it per article,
// and the fixture tests compare it with what the article says.
type Summary struct {
	Source     string   `json:"source,omitempty"`
	Title      string   `json:"title"`
	References int      `json:"references"`
	Sections   []string `json:"sections"` // top-level section titles, in order
	Passages   int      `json:"passages"`
	Citations  int      `json:"citations"`
	// Resolved counts the citations that reach a reference: by number or
	// rid, or (author-year) by first author and year.
	Resolved int      `json:"citationsResolved"`
	Warnings []string `json:"warnings"`
}

// Summarize counts what Summary reports.
func Summarize(r *Review) Summary {
	s := Summary{Source: r.Source, Title: r.Title, References: len(r.References), Passages: len(r.Passages),
		Citations: len(r.Citations), Sections: []string{}, Warnings: []string{}}
	for _, sec := range r.Sections {
		if sec.Parent < 0 {
			s.Sections = append(s.Sections, sec.Title)
		}
	}
	for _, c := range r.Citations {
		if _, ok := r.MatchAuthorYear(c); ok || len(c.Numbers) > 0 {
			s.Resolved++
		}
	}
	for _, w := range r.Warnings {
		s.Warnings = append(s.Warnings, w.String())
	}
	return s
}
