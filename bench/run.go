package bench

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Cell is the measurement of one system answering one question (or the
// mix) at one concurrency on one graph size.
type Cell struct {
	Size        string  `json:"size"`
	System      string  `json:"system"`
	Query       string  `json:"query"` // a QueryID or "mix"
	Concurrency int     `json:"concurrency"`
	Requests    int     `json:"requests"`
	Errors      int     `json:"errors"`
	FirstError  string  `json:"firstError,omitempty"`
	Seconds     float64 `json:"seconds"`
	Throughput  float64 `json:"throughput"` // answered requests per second
	MeanMs      float64 `json:"meanMs"`
	P50Ms       float64 `json:"p50Ms"`
	P95Ms       float64 `json:"p95Ms"`
	P99Ms       float64 `json:"p99Ms"`
	MaxMs       float64 `json:"maxMs"`
}

// MixName is the Query of a mix cell.
const MixName = "mix"

// Load is how long and how much one cell runs: until Duration has passed
// or MaxRequests were sent, whichever comes first, but at least
// MinRequests (so a slow system still gives percentiles).
type Load struct {
	Duration    time.Duration
	MaxRequests int
	MinRequests int
	Timeout     time.Duration // per request
}

// Measure runs qs (one question, or the mix: each client cycles through
// them from its own offset) against sys with conc concurrent clients.
func Measure(ctx context.Context, sys System, qs []QueryID, conc int, l Load) Cell {
	var (
		mu        sync.Mutex
		lat       []time.Duration
		errs      int
		firstErr  string
		sent      atomic.Int64
		wg        sync.WaitGroup
		deadline  = time.Now().Add(l.Duration)
		startedAt = time.Now()
	)
	for w := 0; w < conc; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			mine := make([]time.Duration, 0, 256)
			for k := w; ; k++ {
				n := sent.Add(1)
				if n > int64(l.MaxRequests) || (time.Now().After(deadline) && n > int64(l.MinRequests)) || ctx.Err() != nil {
					break
				}
				q := qs[k%len(qs)]
				rctx, cancel := context.WithTimeout(ctx, l.Timeout)
				t0 := time.Now()
				_, err := sys.Ask(rctx, q, false)
				d := time.Since(t0)
				cancel()
				if err != nil {
					mu.Lock()
					if errs == 0 {
						firstErr = err.Error()
					}
					errs++
					mu.Unlock()
					continue
				}
				mine = append(mine, d)
			}
			mu.Lock()
			lat = append(lat, mine...)
			mu.Unlock()
		}(w)
	}
	wg.Wait()
	elapsed := time.Since(startedAt)
	name := MixName
	if len(qs) == 1 {
		name = string(qs[0])
	}
	c := Cell{System: sys.Name(), Query: name, Concurrency: conc, Requests: len(lat), Errors: errs, FirstError: firstErr,
		Seconds: elapsed.Seconds()}
	if len(lat) > 0 {
		slices.Sort(lat)
		var sum time.Duration
		for _, d := range lat {
			sum += d
		}
		ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
		pct := func(p float64) float64 {
			i := int(float64(len(lat))*p+0.5) - 1
			return ms(lat[min(max(i, 0), len(lat)-1)])
		}
		c.Throughput = float64(len(lat)) / elapsed.Seconds()
		c.MeanMs = ms(sum / time.Duration(len(lat)))
		c.P50Ms, c.P95Ms, c.P99Ms, c.MaxMs = pct(0.50), pct(0.95), pct(0.99), ms(lat[len(lat)-1])
	}
	return c
}

// Warm asks every question of the mix n times, one at a time, and fails
// on the first error: the servers' plan caches, JIT and connection pools
// are warm before anything is timed.
func Warm(ctx context.Context, sys System, n int, timeout time.Duration) error {
	for range n {
		for _, q := range Mix {
			rctx, cancel := context.WithTimeout(ctx, timeout)
			_, err := sys.Ask(rctx, q, false)
			cancel()
			if err != nil {
				return fmt.Errorf("warming %s: %w", sys.Name(), err)
			}
		}
	}
	return nil
}

// Mismatch is a question on which two systems disagree.
type Mismatch struct {
	Query         QueryID
	Want, Got     string // normalised answers
	WantBy, GotBy string // system names
}

func (m Mismatch) Error() string {
	i := 0
	for i < len(m.Want) && i < len(m.Got) && m.Want[i] == m.Got[i] {
		i++
	}
	lo := max(0, i-150)
	clip := func(s string) string { return s[lo:min(len(s), i+250)] }
	return fmt.Sprintf("%s: %s and %s answer differently (first difference at byte %d):\n  %s: …%s…\n  %s: …%s…",
		m.Query, m.WantBy, m.GotBy, i, m.WantBy, clip(m.Want), m.GotBy, clip(m.Got))
}

// AskError is a system failing to answer a question at all (as opposed to
// answering differently, a Mismatch).
type AskError struct {
	System string
	Query  QueryID
	Err    error
}

func (e AskError) Error() string { return fmt.Sprintf("%s fails %s: %v", e.System, e.Query, e.Err) }

// Check asks every question of every system once and compares the
// normalised answers with the first system's. It returns every mismatch
// and error (nil when all agree) and the answers by question.
func Check(ctx context.Context, systems []System, timeout time.Duration) (map[QueryID]string, []error) {
	var errs []error
	answers := map[QueryID]string{}
	for _, q := range Mix {
		var ref, refBy string
		for _, s := range systems {
			rctx, cancel := context.WithTimeout(ctx, timeout)
			a, err := s.Ask(rctx, q, true)
			cancel()
			if err != nil {
				errs = append(errs, AskError{System: s.Name(), Query: q, Err: err})
				continue
			}
			if refBy == "" {
				ref, refBy = a, s.Name()
				answers[q] = a
				continue
			}
			if a != ref {
				errs = append(errs, Mismatch{Query: q, Want: ref, WantBy: refBy, Got: a, GotBy: s.Name()})
			}
		}
	}
	return answers, errs
}

// JoinErrors formats a list of errors one per line.
func JoinErrors(errs []error) string {
	var b strings.Builder
	for _, e := range errs {
		b.WriteString("  - " + e.Error() + "\n")
	}
	return b.String()
}
