package httpapi_test

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kapgraph/kapgraph/api/gql"
	"github.com/kapgraph/kapgraph/api/httpapi"
	"github.com/kapgraph/kapgraph/tools/reliability"
)

// TestSlowClient holds a connection open with half a request: the server
// must drop it after its header timeout instead of keeping it forever.
func TestSlowClient(t *testing.T) {
	if testing.Short() && os.Getenv("CI") != "true" { // never skipped in CI
		t.Skip("waits for the header timeout")
	}
	s := startLive(t, httpapi.Config{})
	conn, err := net.Dial("tcp", strings.TrimPrefix(s.base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	start := time.Now()
	if _, err := io.WriteString(conn, "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: app"); err != nil {
		t.Fatal(err)
	}
	_ = conn.SetReadDeadline(time.Now().Add(20 * time.Second))
	_, err = io.ReadAll(conn)
	took := time.Since(start)
	var ne net.Error
	closed := err == nil || !(errors.As(err, &ne) && ne.Timeout())
	reliability.Record(t, reliability.Case{
		Area: "hostile", Name: "slow client: half a request header, then silence",
		Expect: "connection closed by the server after ReadHeaderTimeout (5 s)",
		Got:    fmt.Sprintf("closed=%v after %v", closed, took.Round(100*time.Millisecond)),
		OK:     closed && took < 10*time.Second, Millis: ms(took),
	})
	if err := s.sane(t); err != nil {
		t.Error(err)
	}
}

// memSample is the process's memory at one moment.
type memSample struct {
	heap uint64 // live heap after a GC (runtime.MemStats.HeapAlloc)
	sys  uint64 // memory obtained from the OS
	rss  uint64 // resident set size (/proc/self/status), 0 if unknown
}

func sampleMemory(gc bool) memSample {
	if gc {
		runtime.GC()
		runtime.GC()
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return memSample{heap: m.HeapAlloc, sys: m.Sys, rss: rss()}
}

func rss() uint64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

func mib(b uint64) float64 { return float64(b) / (1 << 20) }

// TestHostileBurstMemory replays every hostile case from many clients at
// once, a bounded number of times, and checks that the server keeps
// answering and that its memory afterwards is within a generous bound of
// what it was before (a bound, not a timing).
func TestHostileBurstMemory(t *testing.T) {
	const (
		clients = 8
		bound   = 200 << 20
	)
	rounds := 2
	if raceEnabled {
		rounds = 1
	}
	s := startLive(t, httpapi.Config{})
	cases := hostileCases()
	// Warm up: every code path once, so that lazily built state (caches,
	// pools) is in the "before" figure and not counted as growth.
	for _, c := range cases {
		s.send(c.req(s.base))
	}
	if err := s.sane(t); err != nil {
		t.Fatal(err)
	}
	before := sampleMemory(true)

	var peak atomic.Uint64
	stop := make(chan struct{})
	var sampler sync.WaitGroup
	sampler.Go(func() {
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				m := sampleMemory(false)
				for p := peak.Load(); m.rss > p && !peak.CompareAndSwap(p, m.rss); p = peak.Load() {
				}
			}
		}
	})

	deadline := time.Now().Add(2 * time.Minute)
	// Every answer must still be the case's own answer: a transport error
	// or another status is a failure of the burst; only 503 TIMEOUT from
	// the admission queue is allowed, and counted apart.
	var sent, transportErrs, wrong, busy atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for w := range clients {
		wg.Go(func() {
			for r := range rounds {
				for i := range cases {
					if time.Now().After(deadline) {
						return
					}
					c := cases[(i+w*7+r)%len(cases)]
					a := s.send(c.req(s.base))
					sent.Add(1)
					switch {
					case a.err != nil:
						transportErrs.Add(1)
					case a.status == c.status:
					case a.status == 503 && a.code == gql.CodeTimeout:
						busy.Add(1)
					default:
						wrong.Add(1)
					}
				}
			}
		})
	}
	wg.Wait()
	took := time.Since(start)
	close(stop)
	sampler.Wait()
	saneErr := s.sane(t)
	after := sampleMemory(true)

	growth := int64(after.heap) - int64(before.heap)
	rssGrowth := int64(after.rss) - int64(before.rss)
	detail := fmt.Sprintf("%d requests from %d clients in %v; heap %.1f → %.1f MiB; RSS %.1f → %.1f MiB (peak %.1f MiB); %d transport errors",
		sent.Load(), clients, took.Round(time.Millisecond), mib(before.heap), mib(after.heap), mib(before.rss), mib(after.rss), mib(peak.Load()), transportErrs.Load()) +
		fmt.Sprintf("; %d answers with another status than the case's; %d turned away busy (503 TIMEOUT)", wrong.Load(), busy.Load())
	t.Log(detail)
	ok := growth < bound && rssGrowth < bound && saneErr == nil && sent.Load() == int64(clients*rounds*len(cases)) &&
		transportErrs.Load() == 0 && wrong.Load() == 0
	if saneErr != nil {
		detail += "; " + saneErr.Error()
	}
	reliability.Record(t, reliability.Case{
		Area: "hostile", Name: fmt.Sprintf("burst: every hostile case × %d clients × %d rounds", clients, rounds),
		Expect: "all sent and each answered as alone (or 503 busy); server answers after; heap and RSS growth < 200 MiB",
		Got:    fmt.Sprintf("heap %+.1f MiB, RSS %+.1f MiB", float64(growth)/(1<<20), float64(rssGrowth)/(1<<20)),
		OK:     ok, Millis: ms(took), Detail: detail,
	})
}
