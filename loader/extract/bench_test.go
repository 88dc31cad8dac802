package extract_test

import (
	"syscall"
	"testing"
	"time"

	"github.com/kapgraph/kapgraph/loader/extract"
)

// pageChars is a page of review text for the cost target (issue 18:
// extraction adds at most 50 ms per page on one core): about 500 words.
const pageChars = 3000

// BenchmarkExtractOpen reads the development reviews with no lexicon, as
// a review nobody curated is read; ms/page is the figure the target is
// stated in. The embedded resources and the tagger model load once per
// process, before the timer (BenchmarkResourceLoad prices that).
func BenchmarkExtractOpen(b *testing.B) {
	rs := readEvalSet(b, "testdata/eval/dev")
	chars := 0
	for _, r := range rs {
		for _, s := range r.sents {
			chars += len(s.Text)
		}
	}
	extract.ExtractOpen(nil, rs[0].sents) // load the resources and the tagger model
	cpu0 := cpuTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, r := range rs {
			extract.ExtractOpen(nil, r.sents)
		}
	}
	b.StopTimer()
	pages := float64(b.N) * float64(chars) / pageChars
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/pages, "ms/page")
	// CPU time is the figure on a shared machine, where wall time also
	// counts waiting for a core (it includes the collector's work).
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/pages, "cpu-ms/page")
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
