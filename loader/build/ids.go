// Ids and labels: the stable slugs that name a review and its studies.

package build

import (
	"fmt"
	"path"
	"strings"

	"github.com/kapgraph/kapgraph/loader/review"
)

var stopWords = map[string]bool{"a": true, "an": true, "the": true, "of": true, "and": true, "in": true, "for": true, "to": true, "on": true, "with": true, "by": true}

func firstSignificant(title string) string {
	for _, w := range review.SlugWords(title) {
		w = strings.Trim(w, "-")
		if w != "" && !stopWords[w] {
			return w
		}
	}
	return "untitled"
}

func studySlug(r review.Reference) string {
	first := "anon"
	if len(r.Authors) > 0 {
		first = review.Surname(r.Authors[0])
	}
	return fmt.Sprintf("%s-%d-%s", first, r.Year, firstSignificant(r.Title))
}

func studyLabel(r review.Reference) string {
	names := make([]string, 0, 2)
	for _, a := range r.Authors {
		if f := strings.Fields(a); len(f) > 0 {
			names = append(names, f[0])
		}
	}
	switch {
	case len(names) == 0:
		return fmt.Sprintf("Anonymous (%d)", r.Year)
	case len(names) == 1 && !r.EtAl:
		return fmt.Sprintf("%s (%d)", names[0], r.Year)
	case len(names) == 2 && !r.EtAl:
		return fmt.Sprintf("%s & %s (%d)", names[0], names[1], r.Year)
	}
	return fmt.Sprintf("%s et al. (%d)", names[0], r.Year)
}

func reviewSlug(r *review.Review) string {
	if review.ReviewYear(r) == 0 {
		if s := fileSlug(r); s != "" {
			return s
		}
	}
	first := "anon"
	if len(r.Authors) > 0 {
		ws := review.SlugWords(r.Authors[0])
		if len(ws) > 0 {
			first = strings.Trim(ws[len(ws)-1], "-") // "Ryan Ward" -> ward
		}
	}
	return fmt.Sprintf("%s-%d-%s", first, review.ReviewYear(r), firstSignificant(r.Title))
}

// fileSlug names a review that states no year after its file: a file
// named like the ids ("doe-2024-naltrexone-....txt") gives the id it would
// have had ("doe-2024-naltrexone"); any other name is used whole. A year
// 0 in an id would read as a fact.
func fileSlug(r *review.Review) string {
	base := path.Base(strings.ReplaceAll(r.Source, "\\", "/"))
	if i := strings.Index(base, "."); i > 0 {
		base = base[:i]
	}
	words := review.SlugWords(strings.ReplaceAll(base, "_", "-"))
	parts := strings.FieldsFunc(strings.Join(words, "-"), func(c rune) bool { return c == '-' })
	if len(parts) >= 2 && len(parts[1]) == 4 && strings.Trim(parts[1], "0123456789") == "" {
		return fmt.Sprintf("%s-%s-%s", parts[0], parts[1], firstSignificant(r.Title))
	}
	if len(parts) > 8 {
		parts = parts[:8]
	}
	return strings.Join(parts, "-")
}
