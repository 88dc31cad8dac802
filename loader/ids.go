// Ids and labels: the stable slugs that name a review and its studies.

package loader

import (
	"fmt"
	"strings"
)

var stopWords = map[string]bool{"a": true, "an": true, "the": true, "of": true, "and": true, "in": true, "for": true, "to": true, "on": true, "with": true, "by": true}

func slugWords(s string) []string {
	return strings.FieldsFunc(fold(s), func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') })
}

func firstSignificant(title string) string {
	for _, w := range slugWords(title) {
		w = strings.Trim(w, "-")
		if w != "" && !stopWords[w] {
			return w
		}
	}
	return "untitled"
}

func surname(author string) string {
	ws := slugWords(author)
	if len(ws) == 0 {
		return "anon"
	}
	return strings.Trim(ws[0], "-")
}

func studySlug(r Reference) string {
	first := "anon"
	if len(r.Authors) > 0 {
		first = surname(r.Authors[0])
	}
	return fmt.Sprintf("%s-%d-%s", first, r.Year, firstSignificant(r.Title))
}

func studyLabel(r Reference) string {
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

func reviewYear(r *Review) int {
	if len(r.Published) >= 4 {
		var y int
		if _, err := fmt.Sscan(r.Published[:4], &y); err == nil {
			return y
		}
	}
	return r.Year
}

func reviewSlug(r *Review) string {
	first := "anon"
	if len(r.Authors) > 0 {
		ws := slugWords(r.Authors[0])
		if len(ws) > 0 {
			first = strings.Trim(ws[len(ws)-1], "-") // "Ryan Ward" -> ward
		}
	}
	return fmt.Sprintf("%s-%d-%s", first, reviewYear(r), firstSignificant(r.Title))
}
