package build

import (
	"testing"

	"github.com/kapgraph/kapgraph/loader/review"
)

// A review whose citation line has no year is named after its file, not
// given year 0 (issue 22, item 4).
func TestReviewSlugWithoutYear(t *testing.T) {
	for _, tc := range []struct {
		source, title string
		year          int
		want          string
	}{
		{"seeds/doe-2024-naltrexone-for-alcohol.txt", "Naltrexone for Alcohol Use Disorder", 0, "doe-2024-naltrexone"},
		{"my review (draft).xml", "Naltrexone for Alcohol Use Disorder", 0, "my-review-draft"},
		{"seeds/doe-2024-naltrexone-for-alcohol.txt", "Naltrexone for Alcohol Use Disorder", 2023, "doe-2023-naltrexone"},
	} {
		r := &review.Review{Source: tc.source, Title: tc.title, Authors: []string{"Jane Doe"}, Year: tc.year}
		if got := reviewSlug(r); got != tc.want {
			t.Errorf("reviewSlug(%s, year %d) = %q, want %q", tc.source, tc.year, got, tc.want)
		}
	}
}
