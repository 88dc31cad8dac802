// Package neo4jtest helps tests that use a real Neo4j. Test binaries of
// different packages run in parallel (go test ./... runs -p packages at
// once) and Community Edition has one user database, so tests that wipe
// or load the database must not overlap: Lock serialises them across
// processes.
package neo4jtest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
)

// LockPath is the lock file for one database of one server.
func LockPath(uri, database string) string {
	sum := sha256.Sum256([]byte(uri + "\x00" + database))
	return filepath.Join(os.TempDir(), "kapgraph-neo4j-"+hex.EncodeToString(sum[:8])+".lock")
}

// Lock blocks until this process holds the exclusive lock on the database
// at uri, and returns the function that releases it. Every test binary
// that wipes or loads a shared test database should hold it while it
// does; the lock is released by the kernel if the process dies.
func Lock(uri, database string) (unlock func(), err error) {
	path := LockPath(uri, database)
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o666)
	if err != nil {
		return nil, fmt.Errorf("neo4jtest: %w", err)
	}
	if err := lockFile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("neo4jtest: locking %s: %w", path, err)
	}
	return func() {
		unlockFile(f)
		f.Close()
	}, nil
}
