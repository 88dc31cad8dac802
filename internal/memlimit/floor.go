package memlimit

import (
	"runtime"
	"runtime/debug"
	"sync/atomic"
)

// DefaultHeapFloor is the heap a server may grow to between collections
// however little of it is live: 64 MiB.
//
// Why: a server over Neo4j keeps almost nothing live (6-7 MB on the 10k
// benchmark graph) but allocates 140-430 KB a question (the driver's
// records, the answer), so under the runtime's default pacing (GOGC=100:
// collect when the heap has doubled) it collected every 20 questions or
// so, and the collector took a quarter of the server's CPU. With the
// heap allowed to 64 MiB it collects about every 200 questions, each
// collection marking the same few live megabytes. A server whose live
// heap is larger than half the floor (the embedded store's graph) keeps
// the default pacing: the floor only ever lets the heap grow further
// than GOGC=100 would, never less far.
const DefaultHeapFloor = 64 << 20

// maxGCPercent bounds the percentage the floor sets, for a live heap of
// almost nothing (just after start).
const maxGCPercent = 10_000

// Floor makes the collector's goal at least floor bytes, and otherwise
// the default (twice the live heap), unless getenv("GOGC") is set: whoever
// sets GOGC has chosen the pacing. After every collection it sets the GC
// percentage to what brings the next goal to floor for the heap then live
// (at least 100). It returns a function that stops the adjusting and puts
// back the percentage found at the start, and whether it started.
func Floor(getenv func(string) string, floor int64) (stop func(), started bool) {
	if getenv("GOGC") != "" || floor <= 0 {
		return func() {}, false
	}
	f := &floorer{floor: floor, initial: debug.SetGCPercent(floorPercent(floor, liveHeap()))}
	f.arm()
	return f.stop, true
}

// floorer re-arms itself once per collection: a finalizer runs after the
// cycle that found its object unreachable, which is the next one.
type floorer struct {
	floor   int64
	initial int
	stopped atomic.Bool
}

// sentinel is large enough not to be batched with other tiny objects,
// whose finalizers may never run.
type sentinel struct{ _ [16]uintptr }

func (f *floorer) arm() {
	runtime.SetFinalizer(&sentinel{}, func(*sentinel) {
		if f.stopped.Load() {
			return
		}
		debug.SetGCPercent(floorPercent(f.floor, liveHeap()))
		f.arm()
	})
}

func (f *floorer) stop() {
	if f.stopped.CompareAndSwap(false, true) {
		debug.SetGCPercent(f.initial)
	}
}

// floorPercent is the GC percentage whose goal for a live heap of live
// bytes is floor: the goal is live*(1+percent/100) (stacks and globals
// aside, which a server over Neo4j has little of).
func floorPercent(floor, live int64) int {
	if live <= 0 {
		return maxGCPercent
	}
	p := (floor - live) * 100 / live
	return int(max(100, min(p, maxGCPercent)))
}
