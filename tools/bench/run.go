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
	// CPU seconds per answered request of the server process and of the
	// database, and which processes they are (see Meter); zero when not
	// measured.
	ServerCPU  float64 `json:"serverCpuPerRequest,omitempty"`
	DBCPU      float64 `json:"dbCpuPerRequest,omitempty"`
	ServerProc string  `json:"serverProc,omitempty"`
	DBProc     string  `json:"dbProc,omitempty"`
}

// CPU is the CPU seconds per request of server and database together.
func (c *Cell) CPU() float64 { return c.ServerCPU + c.DBCPU }

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
// them from its own offset) against sys with conc concurrent clients; the
// j-th request of client w asks about the seq.Index(q, w, j)-th id of
// q's sample, so every system is asked the same sequence (each client as
// far as it gets through it in the cell's time). The CPU time of
// m's processes over the cell is charged to the answered requests.
func Measure(ctx context.Context, sys System, seq *Sequence, m Meter, qs []QueryID, conc int, l Load) Cell {
	var t turns
	t.add(measureTurn(ctx, sys, seq, m, qs, conc, l, make([]int, conc)))
	return t.cell(sys.Name(), qs, conc, m)
}

// MeasureTurns measures the same cell (qs at conc clients) for several
// systems that share a database, in rounds of turns: the systems in their
// given order, then in reverse (A B C, C B A, A B C, ...), each turn a
// 1/rounds share of l's duration and requests, and each system's turns
// merged into one cell (latencies pooled, CPU summed). Timing one system's
// whole cell before the next lets whatever drifts across the cell (the
// database's JIT still compiling, another process's load) fall on the
// system timed first; in alternating turns a drift that is linear over
// the cell falls on all of them alike at an even number of rounds. Each
// turn continues the system's sequence of ids where its last turn ended.
func MeasureTurns(ctx context.Context, systems []System, seq *Sequence, meters map[string]Meter, qs []QueryID, conc int, l Load, rounds int) []Cell {
	rounds = max(rounds, 1)
	per := Load{Duration: l.Duration / time.Duration(rounds), MaxRequests: ceilDiv(l.MaxRequests, rounds), MinRequests: ceilDiv(l.MinRequests, rounds), Timeout: l.Timeout}
	acc := make([]turns, len(systems))
	next := make([][]int, len(systems))
	for i := range systems {
		next[i] = make([]int, conc)
	}
	for r := 0; r < rounds && ctx.Err() == nil; r++ {
		for k := range systems {
			i := k
			if r%2 == 1 {
				i = len(systems) - 1 - k
			}
			acc[i].add(measureTurn(ctx, systems[i], seq, meters[systems[i].Name()], qs, conc, per, next[i]))
		}
	}
	cells := make([]Cell, len(systems))
	for i, s := range systems {
		cells[i] = acc[i].cell(s.Name(), qs, conc, meters[s.Name()])
	}
	return cells
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

// turn is one stretch of requests against one system.
type turn struct {
	lat      []time.Duration
	errs     int
	firstErr string
	elapsed  time.Duration
	cpu      cpuDelta
}

// turns is one system's turns of a cell, merged.
type turns struct {
	turn
	n int
}

func (t *turns) add(u turn) {
	if t.errs == 0 && u.errs > 0 {
		t.firstErr = u.firstErr
	}
	t.lat = append(t.lat, u.lat...)
	t.errs += u.errs
	t.elapsed += u.elapsed
	if t.n == 0 {
		t.cpu = u.cpu
	} else {
		t.cpu = t.cpu.plus(u.cpu)
	}
	t.n++
}

func (t *turns) cell(system string, qs []QueryID, conc int, m Meter) Cell {
	name := MixName
	if len(qs) == 1 {
		name = string(qs[0])
	}
	lat := t.lat
	c := Cell{System: system, Query: name, Concurrency: conc, Requests: len(lat), Errors: t.errs, FirstError: t.firstErr,
		Seconds: t.elapsed.Seconds()}
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
		c.Throughput = float64(len(lat)) / t.elapsed.Seconds()
		c.MeanMs = ms(sum / time.Duration(len(lat)))
		c.P50Ms, c.P95Ms, c.P99Ms, c.MaxMs = pct(0.50), pct(0.95), pct(0.99), ms(lat[len(lat)-1])
	}
	m.chargeDelta(&c, t.cpu)
	return c
}

// measureTurn sends requests to sys as Measure describes; client w's
// first request is the next[w]-th of its sequence, and next is advanced
// past the ones it sent.
func measureTurn(ctx context.Context, sys System, seq *Sequence, m Meter, qs []QueryID, conc int, l Load, next []int) turn {
	var (
		mu        sync.Mutex
		lat       []time.Duration
		errs      int
		firstErr  string
		sent      atomic.Int64
		wg        sync.WaitGroup
		deadline  = time.Now().Add(l.Duration)
		cpu0      = m.snap()
		startedAt = time.Now()
	)
	for w := 0; w < conc; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			mine := make([]time.Duration, 0, 256)
			j := next[w]
			for ; ; j++ {
				n := sent.Add(1)
				if n > int64(l.MaxRequests) || (time.Now().After(deadline) && n > int64(l.MinRequests)) || ctx.Err() != nil {
					break
				}
				q := qs[(w+j)%len(qs)]
				k := seq.Index(q, w, j)
				rctx, cancel := context.WithTimeout(ctx, l.Timeout)
				t0 := time.Now()
				_, err := sys.Ask(rctx, q, k, false)
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
			next[w] = j
			mu.Unlock()
		}(w)
	}
	wg.Wait()
	elapsed := time.Since(startedAt)
	return turn{lat: lat, errs: errs, firstErr: firstErr, elapsed: elapsed, cpu: cpu0.to(m.snap())}
}

// Warm asks every question of the mix n times, one at a time, and fails
// on the first error: the servers' plan caches, JIT and connection pools
// are warm before anything is timed.
func Warm(ctx context.Context, sys System, n int, timeout time.Duration) error {
	for range n {
		for _, q := range Mix {
			rctx, cancel := context.WithTimeout(ctx, timeout)
			_, err := sys.Ask(rctx, q, 0, false)
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
	ID            string // the id asked about ("" for a question without)
	Want, Got     string // normalised answers
	WantBy, GotBy string // system names
	More          int    // further ids of the sample on which the two differ
}

func (m Mismatch) Error() string {
	i := 0
	for i < len(m.Want) && i < len(m.Got) && m.Want[i] == m.Got[i] {
		i++
	}
	lo := max(0, i-150)
	clip := func(s string) string { return s[lo:min(len(s), i+250)] }
	about, more := "", ""
	if m.ID != "" {
		about = " about " + m.ID
	}
	if m.More > 0 {
		more = fmt.Sprintf(" (and on %d more ids of the sample)", m.More)
	}
	return fmt.Sprintf("%s%s: %s and %s answer differently%s (first difference at byte %d):\n  %s: …%s…\n  %s: …%s…",
		m.Query, about, m.WantBy, m.GotBy, more, i, m.WantBy, clip(m.Want), m.GotBy, clip(m.Got))
}

// AskError is a system failing to answer a question at all (as opposed to
// answering differently, a Mismatch).
type AskError struct {
	System string
	Query  QueryID
	ID     string
	Err    error
}

func (e AskError) Error() string {
	about := ""
	if e.ID != "" {
		about = " about " + e.ID
	}
	return fmt.Sprintf("%s fails %s%s: %v", e.System, e.Query, about, e.Err)
}

// checkWorkers is how many ids Check asks about at once: enough to keep
// the servers busy on a small machine while the check of a sample of 128
// ids per question stays a matter of seconds to minutes.
const checkWorkers = 4

// Check asks every question of every system about every id of its sample
// and compares the normalised answers with the first system's. It returns
// every mismatch and error (nil when all agree; only the first id per
// question and pair of systems, with a count of the rest) and the
// reference answers by question and sample index.
func Check(ctx context.Context, systems []System, p Params, timeout time.Duration) (map[QueryID][]string, []error) {
	type job struct {
		q  QueryID
		k  int
		id string
	}
	type result struct {
		job
		answers []string
		errs    []error
	}
	var jobs []job
	for _, q := range Mix {
		ids := p.IDs(q)
		if ids == nil {
			ids = []string{""}
		}
		for k, id := range ids {
			jobs = append(jobs, job{q, k, id})
		}
	}
	results := make([]result, len(jobs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range checkWorkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(jobs) {
					return
				}
				r := result{job: jobs[i], answers: make([]string, len(systems)), errs: make([]error, len(systems))}
				for j, s := range systems {
					rctx, cancel := context.WithTimeout(ctx, timeout)
					r.answers[j], r.errs[j] = s.Ask(rctx, r.q, r.k, true)
					cancel()
				}
				results[i] = r
			}
		}()
	}
	wg.Wait()

	var errs []error
	answers := map[QueryID][]string{}
	failed := map[string]bool{}     // system and question
	first := map[string]*Mismatch{} // question and pair
	for _, r := range results {
		ref, refBy := "", -1
		for j, s := range systems {
			if err := r.errs[j]; err != nil {
				if key := s.Name() + "\x00" + string(r.q); !failed[key] {
					failed[key] = true
					errs = append(errs, AskError{System: s.Name(), Query: r.q, ID: r.id, Err: err})
				}
				continue
			}
			if refBy < 0 {
				ref, refBy = r.answers[j], j
				continue
			}
			if r.answers[j] == ref {
				continue
			}
			key := string(r.q) + "\x00" + systems[refBy].Name() + "\x00" + s.Name()
			if m := first[key]; m != nil {
				m.More++
				continue
			}
			first[key] = &Mismatch{Query: r.q, ID: r.id, Want: ref, WantBy: systems[refBy].Name(), Got: r.answers[j], GotBy: s.Name()}
		}
		answers[r.q] = append(answers[r.q], ref)
	}
	for _, r := range results { // in question order, the first id first
		for j := range systems {
			if j == 0 {
				continue
			}
			for i := range j {
				key := string(r.q) + "\x00" + systems[i].Name() + "\x00" + systems[j].Name()
				if m := first[key]; m != nil {
					errs = append(errs, *m)
					delete(first, key)
				}
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
