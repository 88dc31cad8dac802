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
	"os"
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

// Settle collects the garbage of the initial load, hands the pages it
// freed back to the operating system, and then takes back as many as the
// heap will grow into before its next collection. It is not a memory
// limit: the runtime's collector keeps its default pacing (GOGC, no
// limit), and the heap may still grow to twice the live graph between
// collections.
//
// Why both: a load of the 1M benchmark graph leaves about twice the graph
// in freed pages (its documents, the snapshots each load replaced), which
// the background scavenger would return only slowly, so the server
// started serving at 2.7 GB resident instead of 1.4. But handing back
// every free page made the first questions pay for the heap growing back
// to its goal: 35-80 page faults a mechanism-path question at 1M until
// the first collection, about 3,000 questions later, and 13-25% more CPU
// a question in the 1-client cells the benchmark measures first
// (BenchmarkPathsAfterLoad; a fault costs tens of µs on the benchmark's
// virtual machine). Those pages are resident again by the end of a run
// anyway. So they are faulted in here, before serving: the room to the
// collector's goal and a quarter more (the heap's spans hold more than
// its objects' bytes; with the room alone the last 1,000 questions before
// the first collection still faulted), but never more than the runtime's
// scavenger lets stay resident (the goal and a tenth, counting the free
// slots of the spans in use, which a load leaves many of: above that it
// hands them back itself within minutes), and one more collection frees
// them without handing them back. At 1M that costs 5 s of CPU at start-up,
// after a load of about 90, and the first 2,600 questions fault no page.
// Call it once, after the initial load and before serving; Fit, when it
// applies, does the first step only.
func Settle() {
	debug.FreeOSMemory() // it collects first: no runtime.GC of its own
	if refault(prefaultChunk) > 0 {
		runtime.GC()
	}
}

// prefaultChunk is the size of the blocks refault allocates: 8 KiB, a
// size class whose span is one page of the heap, so that they take the
// free pages one by one from the lowest address, as the heap's own spans
// will, gaps between live spans included. Large blocks took contiguous
// runs instead, and the heap's first spans after serving began still
// fell in the gaps that had been handed back (BenchmarkPathsAfterLoad/1m:
// 19-66 faults a question until the first collection).
const prefaultChunk = 8 << 10

// retainExtraDivisor: the runtime's scavenger keeps free pages resident
// up to the heap goal and a tenth (runtime's retainExtraPercent).
const retainExtraDivisor = 10

// refault allocates and touches, one byte a page, about as many bytes as
// the heap's spans may grow by before the collector's next cycle, with collection
// off meanwhile, and drops them; it returns how many it touched, none
// when collection is off (GOGC=off). The pages come from those just
// released, lowest address first (see prefaultChunk).
func refault(chunk int) int {
	s := []metrics.Sample{{Name: "/gc/heap/goal:bytes"}, {Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/heap/unused:bytes"}}
	metrics.Read(s)
	for _, x := range s {
		if x.Value.Kind() != metrics.KindUint64 {
			return 0
		}
	}
	gcPercent := debug.SetGCPercent(-1)
	defer debug.SetGCPercent(gcPercent)
	if gcPercent < 0 {
		return 0 // GOGC=off: no next cycle, and a goal with no bound
	}
	goal, objects, unused := int64(s[0].Value.Uint64()), int64(s[1].Value.Uint64()), int64(s[2].Value.Uint64())
	// The room to the goal (never more than GOGC allows the heap to grow
	// by: the goal also counts stacks and globals), and a quarter more for
	// the spans' own room (see Settle).
	room := min(goal-objects, objects*int64(gcPercent)/100)
	room += room / 4
	// But no more than the runtime's scavenger lets stay resident: it
	// hands back free pages above a tenth over the goal (its retained
	// target), counting the heap's spans in use, objects and the free
	// slots between them. After a load those slots are many (at 1M, 1.2
	// GB of spans for 0.75 GB of objects), so a quarter over the room
	// overshot that target by hundreds of MB; the scavenger then handed
	// them back while the first questions were asked (47-74 faults a
	// question from the 1,056th on, BenchmarkPathsAfterLoad/1m), and
	// until then the process sat that much higher.
	room = min(room, goal+goal/retainExtraDivisor-objects-unused)
	if room < int64(chunk) {
		return 0
	}
	page := os.Getpagesize()
	// Each block is held until the end, so that the next one takes the
	// next free page.
	blocks := make([][]byte, 0, room/int64(chunk))
	for range room / int64(chunk) {
		b := make([]byte, chunk)
		for i := 0; i < len(b); i += page {
			b[i] = 1
		}
		blocks = append(blocks, b)
	}
	runtime.KeepAlive(blocks)
	return len(blocks) * chunk
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
