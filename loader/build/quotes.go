package build

import (
	"fmt"
	"strings"

	"github.com/kapgraph/kapgraph/loader/review"
)

// quoteNotFound explains a quote that matches no single sentence: when
// its words run across consecutive sentences, it says so and where the
// boundary falls (a quote must stay within one sentence, since evidence
// points at one passage); otherwise the quote is not in the text.
func (b *builder) quoteNotFound(file string, line int, what, quote string) error {
	q := review.NormSpace(quote)
	ps := b.rev.Passages
	for i := range ps {
		joined := ps[i].Text
		for j := i + 1; j < len(ps) && j <= i+3; j++ {
			if ps[j].Section != ps[i].Section && !strings.Contains(joined+" "+ps[j].Text, q) {
				break
			}
			joined += " " + ps[j].Text
			if strings.Contains(joined, q) {
				return &review.SourceError{File: file, Line: line, Msg: fmt.Sprintf(
					"%s: quote %q spans a sentence boundary: its words run from the sentence at %s:%d into the one at %s:%d; quote within one sentence (give a claim one evidence per sentence)",
					what, review.Shorten(q, 80), b.rev.Source, ps[i].Line, b.rev.Source, ps[j].Line)}
			}
		}
	}
	return &review.SourceError{File: file, Line: line, Msg: fmt.Sprintf("%s: quote not found in %s: %q", what, b.rev.Source, review.Shorten(q, 80))}
}
