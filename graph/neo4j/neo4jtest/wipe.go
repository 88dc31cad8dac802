package neo4jtest

import (
	"context"
	"fmt"

	neo4jdrv "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Wipe empties a database in batches, relationships first, so that a large
// graph another package's tests left behind never needs one huge
// transaction. The tests share one Neo4j, so each test that needs an empty
// database wipes it itself, under Lock.
func Wipe(ctx context.Context, uri, username, password, database string) error {
	drv, err := neo4jdrv.NewDriverWithContext(uri, neo4jdrv.BasicAuth(username, password, ""))
	if err != nil {
		return fmt.Errorf("wiping Neo4j: %w", err)
	}
	defer drv.Close(ctx)
	sess := drv.NewSession(ctx, neo4jdrv.SessionConfig{AccessMode: neo4jdrv.AccessModeWrite, DatabaseName: database})
	defer sess.Close(ctx)
	for _, q := range []string{
		"MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 5000 ROWS",
		"MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS",
	} {
		res, err := sess.Run(ctx, q, nil)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			return fmt.Errorf("wiping Neo4j: %w", err)
		}
	}
	return nil
}
