package neo4jtest

import (
	"os"
	"os/exec"
	"testing"
	"time"
)

func TestLockExcludesOtherProcesses(t *testing.T) {
	unlock, err := Lock("bolt://test-lock", "neo4j")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("flock"); err != nil {
		unlock()
		if os.Getenv("CI") == "true" {
			t.Fatal("no flock(1) to test with: CI machines have util-linux")
		}
		t.Skip("no flock(1) to test with")
	}
	// Another process cannot take it while we hold it...
	if err := exec.Command("flock", "-n", LockPath("bolt://test-lock", "neo4j"), "true").Run(); err == nil {
		t.Error("another process took the lock while it was held")
	}
	unlock()
	// ...and can once it is released.
	start := time.Now()
	if err := exec.Command("flock", "-w", "5", LockPath("bolt://test-lock", "neo4j"), "true").Run(); err != nil {
		t.Errorf("the released lock was not free after %v: %v", time.Since(start), err)
	}
}
