package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/neo4j"
	"github.com/kapgraph/kapgraph/loader"
)

// bulkFlags are ingest's flags for a bulk first load.
type bulkFlags struct {
	on        *bool
	importCmd *string
	csvDir    *string
}

func addBulkFlags(fs *flag.FlagSet) *bulkFlags {
	return &bulkFlags{
		on: fs.Bool("bulk", false, "first load into an EMPTY Neo4j with its importer (neo4j-admin database import full): "+
			"write CSV files, run --import-cmd on them, then create the indexes; later ingests are incremental as usual"),
		importCmd: fs.String("import-cmd", "", "with --bulk: the command run with the CSV directory appended, which stops the database, "+
			"imports and starts it again (default: $KAPGRAPH_NEO4J_IMPORT, else scripts/neo4j.sh import)"),
		csvDir: fs.String("csv-dir", "", "with --bulk: write the CSV files here and keep them (default: a temporary directory, removed afterwards)"),
	}
}

// importCommand is the command line of the Importer: the flag, the
// environment, or the repository's script when run from a checkout.
func (f *bulkFlags) importCommand(getenv func(string) string) ([]string, error) {
	for _, c := range []string{*f.importCmd, getenv("KAPGRAPH_NEO4J_IMPORT")} {
		if strings.TrimSpace(c) != "" {
			return strings.Fields(c), nil
		}
	}
	if _, err := os.Stat("scripts/neo4j.sh"); err == nil {
		return []string{"bash", "scripts/neo4j.sh", "import"}, nil
	}
	return nil, usageError{"--bulk needs --import-cmd (or KAPGRAPH_NEO4J_IMPORT): the command that runs Neo4j's importer on a directory, as scripts/neo4j.sh import does"}
}

// bulkIngest is ingest --bulk: loader.Ingest fills a neo4j.Bulk instead
// of the database, and the Bulk imports what it collected.
func bulkIngest(ctx context.Context, s graph.Store, f *bulkFlags, getenv func(string) string, opt loader.IngestOptions, stdout, stderr io.Writer) (*loader.IngestResult, error) {
	ns, ok := s.(*neo4j.Store)
	if !ok {
		return nil, usageError{"--bulk loads Neo4j with its importer: set NEO4J_URI"}
	}
	argv, err := f.importCommand(getenv)
	if err != nil {
		return nil, err
	}
	dir := *f.csvDir
	if dir == "" {
		if dir, err = os.MkdirTemp("", "kapgraph-bulk-"); err != nil {
			return nil, err
		}
		defer os.RemoveAll(dir)
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	b, err := ns.NewBulk(ctx, dir)
	if err != nil {
		return nil, fmt.Errorf("%w; nothing was written", err)
	}
	res, err := loader.Ingest(ctx, b, opt)
	if err != nil {
		return res, fmt.Errorf("%w; nothing was written", err)
	}
	c := b.Counts()
	fmt.Fprintf(stderr, "bulk load: %d documents, %d nodes, %d relationships; importing with %s %s\n",
		c.Documents, c.Nodes, c.Relationships, strings.Join(argv, " "), dir)
	br, err := b.Import(ctx, neo4j.CommandImporter(argv, nil, stderr))
	if err != nil {
		return res, err
	}
	fmt.Fprintf(stdout, "bulk import: %d documents, %d nodes, %d relationships; CSV %s, import %s (%.0f relationships/s), server restart %s, indexes and summary %s\n",
		br.Documents, br.Nodes, br.Relationships, br.CSV.Round(time.Millisecond), br.Import.Round(time.Millisecond),
		br.RelationshipsPerSecond(), (br.Run - br.Import).Round(time.Millisecond), br.Schema.Round(time.Millisecond))
	return res, nil
}
