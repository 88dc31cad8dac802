// Package memlimit can fit the Go runtime's soft memory limit to the graph
// a server holds once it has loaded it.
//
// The embedded store keeps the whole graph on the Go heap. With the
// runtime's default (GOGC=100, no limit) the heap may grow to twice what
// is live before a collection, so a server holding 1.75 GB of graph sat
// at 4.2 GB resident. A soft limit a little above the live heap keeps the
// resident set near what the graph needs, but every collection then marks
// the whole graph after a little allocation: on the 1M benchmark graph
// the embedded server spent 2-5 times the CPU per request and its p99
// went from milliseconds to seconds. So it is opt-in
// (KAPGRAPH_MEMORY_LIMIT=fit), for a machine short of memory rather than
// of CPU; whoever sets GOMEMLIMIT decides instead.
package memlimit

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// Headroom is what the limit allows above the live heap: a quarter of it,
// and at least MinHeadroom, so a small graph leaves room for requests.
const (
	HeadroomDivisor = 4
	MinHeadroom     = 256 << 20
)

// Fit sets the soft memory limit to the live heap after a collection plus
// the headroom when getenv("KAPGRAPH_MEMORY_LIMIT") is "fit" and
// GOMEMLIMIT is not set (the runtime then applied it at start, and it
// stands). It returns the limit and the live heap it was fitted to; set is
// false when it left the limit alone. Call it after loading, and again
// after a load that grows the graph.
func Fit(getenv func(string) string) (limit, live int64, set bool) {
	if getenv("KAPGRAPH_MEMORY_LIMIT") != "fit" || getenv("GOMEMLIMIT") != "" {
		return debug.SetMemoryLimit(-1), 0, false
	}
	runtime.GC()
	live = liveHeap()
	limit = live + max(live/HeadroomDivisor, MinHeadroom)
	debug.SetMemoryLimit(limit)
	// Hand back what the load freed (its documents, its peaks) now,
	// rather than waiting for the scavenger.
	debug.FreeOSMemory()
	return limit, live, true
}

// Settle collects the garbage of the initial load and hands the pages it
// freed back to the operating system at once. It is not a memory limit:
// the runtime's collector keeps its default pacing (GOGC, no limit), and
// the heap may still grow to twice the live graph between collections.
// What it changes is the start: a load of the 1M benchmark graph leaves
// about twice the graph in freed pages (its documents, the snapshots
// each load replaced), which the background scavenger would return only
// slowly, so the server started serving at 2.7 GB resident instead of
// 1.4. Call it once, after the initial load and before serving; Fit,
// when it applies, does the same.
func Settle() {
	debug.FreeOSMemory() // it collects first: no runtime.GC of its own
}

// Off removes the limit Fit set (tests restore the runtime's default).
func Off() { debug.SetMemoryLimit(math.MaxInt64) }

func liveHeap() int64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() == metrics.KindUint64 {
		return int64(s[0].Value.Uint64())
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return int64(ms.HeapAlloc)
}
