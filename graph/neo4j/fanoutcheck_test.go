package neo4j

import (
	"context"
	"testing"
	"time"

	"github.com/kapgraph/kapgraph/graph/neo4j/neo4jtest"
)

// TestFanOutCheckDoesNotQueue: while one request reads the graph's
// version for the periodic check, the others answer with the version as
// last read, without a statement of their own (before, they queued
// behind the check's statement); after a load through this Store every
// request reads the version again, check under way or not.
func TestFanOutCheckDoesNotQueue(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	var version string
	for deadline := time.Now().Add(30 * time.Second); ; {
		f, err := s.FanOut(ctx)
		if err == nil {
			version = f.Version
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("FanOut: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	counter := &neo4jtest.RunCounter{}
	s.cfg.BoltLogger = counter
	t.Cleanup(func() {
		s.cfg.BoltLogger = nil
		s.fan.mu.Lock()
		s.fan.checking = false
		s.fan.mu.Unlock()
	})

	// Another request's check is under way and the recheck is due.
	s.fan.mu.Lock()
	s.fan.checked, s.fan.checking = time.Now().Add(-time.Hour), true
	s.fan.mu.Unlock()
	before := counter.Runs()
	f, err := s.FanOut(ctx)
	if err != nil || f.Version != version {
		t.Fatalf("FanOut during a check: %v, %v; want the version as last read, %s", f, err, version)
	}
	if n := counter.Runs() - before; n != 0 {
		t.Errorf("FanOut during another request's check sent %d statements, want 0", n)
	}

	// A load through this Store (reset): the version is read again.
	s.fan.reset()
	before = counter.Runs()
	if _, err := s.FanOut(ctx); err != nil {
		t.Fatal(err)
	}
	if n := counter.Runs() - before; n < 1 {
		t.Error("FanOut after a load did not read the version again")
	}

	// The check itself is made by the first request after the recheck
	// is due, when none is under way.
	s.fan.mu.Lock()
	s.fan.checked, s.fan.checking = time.Now().Add(-time.Hour), false
	s.fan.mu.Unlock()
	before = counter.Runs()
	if _, err := s.FanOut(ctx); err != nil {
		t.Fatal(err)
	}
	if n := counter.Runs() - before; n < 1 {
		t.Error("FanOut after the recheck interval did not read the version")
	}
	s.fan.mu.Lock()
	defer s.fan.mu.Unlock()
	if s.fan.checking || time.Since(s.fan.checked) > time.Minute {
		t.Errorf("after the check: checking %v, checked %v ago", s.fan.checking, time.Since(s.fan.checked))
	}
}
