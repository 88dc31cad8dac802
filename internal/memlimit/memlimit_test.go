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
	none := func(string) string { return "" }
	limit, live, set := Fit(none)
	if !set {
		t.Fatal("Fit left the limit alone without GOMEMLIMIT")
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
		if k == "GOMEMLIMIT" {
			return "3GiB"
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
