package neo4j

import (
	"context"
	"testing"
	"time"
)

// TestCallContext: the driver's context keeps the request's deadline and
// cancellation and none of its values, and stop releases it.
func TestCallContext(t *testing.T) {
	type key struct{}
	parent, cancel := context.WithTimeout(context.WithValue(context.Background(), key{}, "v"), time.Hour)
	call, stop := callContext(parent)
	defer stop()
	want, _ := parent.Deadline()
	if got, ok := call.Deadline(); !ok || !got.Equal(want) {
		t.Fatalf("deadline %v %v, want %v", got, ok, want)
	}
	if call.Value(key{}) != nil {
		t.Fatal("the request's values reached the driver's context")
	}
	if call.Err() != nil {
		t.Fatal("done before the request")
	}
	cancel()
	select {
	case <-call.Done():
	case <-time.After(10 * time.Second):
		t.Fatal("the request's cancellation did not reach the driver's context")
	}

	// No deadline, never cancelled: done only once stopped.
	call, stop = callContext(context.Background())
	if _, ok := call.Deadline(); ok || call.Err() != nil {
		t.Fatal("a deadline or an error from nowhere")
	}
	stop()
	if call.Err() == nil {
		t.Fatal("stop did not release the context")
	}

	// Already cancelled: done at once.
	gone, cancelGone := context.WithCancel(context.Background())
	cancelGone()
	call, stop = callContext(gone)
	defer stop()
	if call.Err() == nil {
		t.Fatal("a cancelled request's call context is not done")
	}
}
