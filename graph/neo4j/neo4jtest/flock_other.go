//go:build !unix

package neo4jtest

import "os"

// Elsewhere the lock is advisory only within one process.
func lockFile(*os.File) error { return nil }
func unlockFile(*os.File)     {}
