package neo4j

import (
	"testing"
	"time"
)

// The timeout passed to the driver is whole milliseconds (so the driver
// does not round it up and log that it did), never more than the time
// left except that under a millisecond left still gets one, and never zero
// (which would mean no timeout).
func TestTxTimeoutWholeMilliseconds(t *testing.T) {
	for _, c := range []struct{ left, want time.Duration }{
		{1500 * time.Microsecond, time.Millisecond},
		{999 * time.Microsecond, time.Millisecond},
		{time.Nanosecond, time.Millisecond},
		{29*time.Second + 999999999*time.Nanosecond, 29*time.Second + 999*time.Millisecond},
		{5 * time.Second, 5 * time.Second},
	} {
		got := txTimeout(c.left)
		if got != c.want {
			t.Errorf("txTimeout(%v) = %v, want %v", c.left, got, c.want)
		}
		if got%time.Millisecond != 0 {
			t.Errorf("txTimeout(%v) = %v is not whole milliseconds", c.left, got)
		}
	}
}
