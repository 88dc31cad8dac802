package memlimit

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
)

func TestFit(t *testing.T) {
	t.Cleanup(Off)
	// Hold 64 MiB live, so the limit must sit above it.
	hold := make([][]byte, 64)
	for i := range hold {
		hold[i] = make([]byte, 1<<20)
		hold[i][0] = 1
	}
	if _, _, set := Fit(func(string) string { return "" }); set {
		t.Fatal("Fit set a limit it was not asked for")
	}
	fit := func(k string) string {
		if k == "KAPGRAPH_MEMORY_LIMIT" {
			return "fit"
		}
		return ""
	}
	limit, live, set := Fit(fit)
	if !set {
		t.Fatal("Fit left the limit alone when asked to fit it, without GOMEMLIMIT")
	}
	if live < 64<<20 {
		t.Errorf("live heap %d, but 64 MiB are held", live)
	}
	if want := live + max(live/HeadroomDivisor, MinHeadroom); limit != want {
		t.Errorf("limit %d, want %d", limit, want)
	}
	if got := debug.SetMemoryLimit(-1); got != limit {
		t.Errorf("runtime limit %d, Fit said %d", got, limit)
	}
	runtime.KeepAlive(hold)

	Off()
	env := func(k string) string {
		switch k {
		case "GOMEMLIMIT":
			return "3GiB"
		case "KAPGRAPH_MEMORY_LIMIT":
			return "fit"
		}
		return ""
	}
	if _, _, set := Fit(env); set {
		t.Error("Fit overrode GOMEMLIMIT")
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("runtime limit %d after Fit with GOMEMLIMIT, want it untouched", got)
	}
}

// TestSettle checks that Settle hands freed pages back without setting a
// limit: after 64 MiB of garbage, the free pages the heap keeps resident
// (idle, not released) are far fewer than the garbage was.
func TestSettle(t *testing.T) {
	garbage := make([][]byte, 64)
	for i := range garbage {
		garbage[i] = make([]byte, 1<<20)
		garbage[i][0] = 1
	}
	runtime.KeepAlive(garbage)
	garbage = nil
	before := debug.SetMemoryLimit(-1)
	Settle()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if kept := ms.HeapIdle - ms.HeapReleased; kept > 16<<20 {
		t.Errorf("after Settle the heap keeps %d MiB of free pages resident", kept>>20)
	}
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("Settle changed the memory limit from %d to %d", before, got)
	}
}

// TestSettleKeepsRoomToGoal checks that Settle keeps resident the free
// pages the heap will grow into before its next collection, and not much
// more: with 96 MiB live and 192 MiB of garbage, what it keeps is the room
// between the live heap and the collector's goal and a quarter more for
// the spans, not the garbage and not nothing.
func TestSettleKeepsRoomToGoal(t *testing.T) {
	hold := make([][]byte, 96)
	for i := range hold {
		hold[i] = make([]byte, 1<<20)
		hold[i][0] = 1
	}
	garbage := make([][]byte, 192)
	for i := range garbage {
		garbage[i] = make([]byte, 1<<20)
		garbage[i][0] = 1
	}
	runtime.KeepAlive(garbage)
	garbage = nil
	Settle()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	kept := int64(ms.HeapIdle - ms.HeapReleased)
	room := int64(ms.NextGC) - int64(ms.HeapAlloc)
	if kept < room-2*prefaultChunk {
		t.Errorf("after Settle the heap keeps %d MiB of free pages resident, but may grow by %d MiB before its next collection", kept>>20, room>>20)
	}
	if kept > room+room/4+prefaultChunk+16<<20 {
		t.Errorf("after Settle the heap keeps %d MiB of free pages resident, more than the %d MiB it may grow by and a quarter", kept>>20, room>>20)
	}
	if gc := debug.SetGCPercent(100); gc != 100 {
		t.Errorf("Settle left GOGC at %d", gc)
	}
	runtime.KeepAlive(hold)
}

// TestSettleKeepsNoMoreThanScavengerRetains checks that Settle keeps
// no more free pages resident than the runtime's scavenger would let
// stay: when the live objects are scattered (every other small object
// garbage, so the spans hold twice the live bytes), the room and a
// quarter lies above the scavenger's target, which it would hand back
// while the first questions are asked.
func TestSettleKeepsNoMoreThanScavengerRetains(t *testing.T) {
	const n = 1 << 18
	all := make([]*[448]byte, n)
	for i := range all {
		all[i] = new([448]byte)
		all[i][0] = 1
	}
	hold := make([]*[448]byte, 0, n/2)
	for i := 0; i < n; i += 2 {
		hold = append(hold, all[i])
	}
	all = nil
	Settle()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	kept := int64(ms.HeapIdle - ms.HeapReleased)
	target := int64(ms.NextGC) + int64(ms.NextGC)/retainExtraDivisor - int64(ms.HeapInuse)
	room := int64(ms.NextGC) - int64(ms.HeapAlloc)
	if target >= room+room/4 {
		t.Fatalf("the spans hold too few free slots for this test: target %d MiB, room and a quarter %d MiB", target>>20, (room+room/4)>>20)
	}
	if kept > target+2*prefaultChunk+4<<20 {
		t.Errorf("after Settle the heap keeps %d MiB of free pages resident, more than the %d MiB the scavenger retains", kept>>20, target>>20)
	}
	if kept < target-4<<20 {
		t.Errorf("after Settle the heap keeps %d MiB of free pages resident, less than the %d MiB the scavenger retains", kept>>20, target>>20)
	}
	runtime.KeepAlive(hold)
}

// TestSettleWithCollectionOff checks that Settle touches nothing when
// GOGC is off, where the heap goal has no bound to fault in up to.
func TestSettleWithCollectionOff(t *testing.T) {
	old := debug.SetGCPercent(-1)
	defer debug.SetGCPercent(old)
	if n := refault(prefaultChunk); n != 0 {
		t.Errorf("refault touched %d MiB with collection off", n>>20)
	}
	if gc := debug.SetGCPercent(-1); gc != -1 {
		t.Errorf("refault left GOGC at %d, want it off", gc)
	}
}
