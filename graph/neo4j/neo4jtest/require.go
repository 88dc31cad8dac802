package neo4jtest

import (
	"os"
	"testing"
)

// RequireServer stops a test that needs Neo4j when NEO4J_URI is not set:
// with CI=true it fails (a Neo4j test never skips in CI, where
// scripts/test.sh starts the server), elsewhere it skips with how to start
// one.
func RequireServer(tb testing.TB) {
	tb.Helper()
	if os.Getenv("NEO4J_URI") != "" {
		return
	}
	if os.Getenv("CI") == "true" {
		tb.Fatal("NEO4J_URI is not set; scripts/test.sh starts Neo4j and exports it")
	}
	tb.Skip("NEO4J_URI not set; run scripts/test.sh or eval \"$(scripts/neo4j.sh start)\"")
}
