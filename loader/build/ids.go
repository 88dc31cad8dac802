// Ids and labels: the stable slugs that name a review and its studies.

package build

import (
	"fmt"
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
	first := "anon"
	if len(r.Authors) > 0 {
		ws := review.SlugWords(r.Authors[0])
		if len(ws) > 0 {
			first = strings.Trim(ws[len(ws)-1], "-") // "Ryan Ward" -> ward
		}
	}
	return fmt.Sprintf("%s-%d-%s", first, review.ReviewYear(r), firstSignificant(r.Title))
}
