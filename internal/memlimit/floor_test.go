package memlimit

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

func TestFloorPercent(t *testing.T) {
	for _, c := range []struct {
		floor, live int64
		want        int
	}{
		{64 << 20, 8 << 20, 700},          // goal 8 + 8*7 = 64 MiB
		{64 << 20, 32 << 20, 100},         // half the floor live: the default
		{64 << 20, 1 << 30, 100},          // a large graph: the default, never less
		{64 << 20, 1 << 10, maxGCPercent}, // almost nothing live: bounded
		{64 << 20, 0, maxGCPercent},
	} {
		if got := floorPercent(c.floor, c.live); got != c.want {
			t.Errorf("floorPercent(%d, %d) = %d, want %d", c.floor, c.live, got, c.want)
		}
	}
}

// TestFloor checks that the percentage follows the live heap from one
// collection to the next, and that stop puts the default back.
func TestFloor(t *testing.T) {
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	stop, started := Floor(func(string) string { return "" }, 1<<40)
	if !started {
		t.Fatal("Floor did not start without GOGC")
	}
	if p := gcPercentAfterGC(maxGCPercent); p != maxGCPercent {
		t.Errorf("GC percent with a 1 TiB floor = %d, want %d", p, maxGCPercent)
	}
	debug.SetGCPercent(100)
	if p := gcPercentAfterGC(maxGCPercent); p != maxGCPercent {
		t.Errorf("GC percent after the next collections = %d, want %d again (the floor re-arms)", p, maxGCPercent)
	}
	stop()
	if p := gcPercentAfterGC(100); p != 100 {
		t.Errorf("GC percent after stop = %d, want 100", p)
	}
}

// gcPercentAfterGC collects until the GC percentage is want (the
// finalizers run after a cycle, on a goroutine of their own), or 20 times,
// and returns the percentage then.
func gcPercentAfterGC(want int) int {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	for range 20 {
		runtime.GC()
		time.Sleep(time.Millisecond)
		metrics.Read(s)
		if int(s[0].Value.Uint64()) == want {
			break
		}
	}
	return int(s[0].Value.Uint64())
}

func TestFloorLeavesGOGCAlone(t *testing.T) {
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	stop, started := Floor(func(k string) string {
		if k == "GOGC" {
			return "200"
		}
		return ""
	}, 1<<40)
	defer stop()
	if started {
		t.Error("Floor started although GOGC is set")
	}
	if p := debug.SetGCPercent(100); p != 100 {
		t.Errorf("GC percent = %d, want 100 untouched", p)
	}
}
