package neo4j

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph"
)

// BulkArgsFile is the file in an import directory that holds the
// importer's arguments, one a line, the database name excepted.
const BulkArgsFile = "import.args"

// bulkImportOptions are the importer's options that do not depend on the
// files: fail on the first bad entry instead of skipping it (nothing is
// imported half), string ids, and the array delimiter csvCell writes.
var bulkImportOptions = []string{
	"--id-type=string",
	"--array-delimiter=" + bulkArrayDelimiterFlag,
	"--bad-tolerance=0",
	"--skip-bad-relationships=false",
	"--skip-duplicate-nodes=false",
	"--ignore-empty-strings=false",
	"--ignore-extra-columns=false",
	"--legacy-style-quoting=false", // \" in JSON text is two characters, not a quote
	"--strict=true",
}

// writeFiles writes one node file per category, one relationship file
// per type, the :KapgraphDocument file, and the arguments file.
func (b *Bulk) writeFiles(dir string) error {
	if strings.ContainsAny(dir, ",\"'\n\\") {
		return fmt.Errorf("import directory %q: the importer's arguments cannot hold a comma, quote, backslash or line break", dir)
	}
	args := slices.Clone(bulkImportOptions)
	args = append(args, "--report-file="+filepath.Join(dir, "import.report"))
	var multiline []string
	write := func(name, flag string, head []string, rows []map[string]any, skip string, lead func(map[string]any) ([]string, error)) error {
		cols, err := csvColumns(rows, skip)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		path := filepath.Join(dir, name)
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		res, err := writeCSV(f, head, cols, rows, lead)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if res.multiline {
			multiline = append(multiline, path)
		}
		args = append(args, flag+path)
		return nil
	}
	idCell := func(key string) func(map[string]any) ([]string, error) {
		return func(row map[string]any) ([]string, error) {
			id, _ := row[key].(string)
			return []string{csvQuote(id)}, nil
		}
	}

	// Nodes, per category label, in first-seen order.
	byCat := map[graph.Category][]map[string]any{}
	for _, id := range b.order {
		n := b.nodes[id]
		byCat[n.cat] = append(byCat[n.cat], n.row["props"].(map[string]any))
	}
	for _, c := range graph.Categories() {
		if len(byCat[c]) == 0 {
			continue
		}
		label, err := labelOf(c)
		if err != nil {
			return err
		}
		if err := write("nodes-"+label+".csv", "--nodes="+labelEntity+":"+label+"=",
			[]string{"id:ID(" + labelEntity + ")"}, byCat[c], "id", idCell("id")); err != nil {
			return err
		}
	}
	for _, p := range graph.Predicates() {
		rows := b.rels[p]
		if len(rows) == 0 {
			continue
		}
		typ, err := relTypes([]graph.Predicate{p})
		if err != nil {
			return err
		}
		props := make([]map[string]any, len(rows))
		for i, r := range rows {
			props[i] = r["props"].(map[string]any)
		}
		i := 0
		if err := write("rels-"+typ+".csv", "--relationships="+typ+"=",
			[]string{":START_ID(" + labelEntity + ")", ":END_ID(" + labelEntity + ")"}, props, "",
			func(map[string]any) ([]string, error) {
				r := rows[i]
				i++
				s, _ := r["s"].(string)
				o, _ := r["o"].(string)
				return []string{csvQuote(s), csvQuote(o)}, nil
			}); err != nil {
			return err
		}
	}
	if len(b.docs) > 0 {
		if err := write("documents.csv", "--nodes="+labelDocument+"=",
			[]string{"id:ID(" + labelDocument + ")"}, b.docs, "id", idCell("id")); err != nil {
			return err
		}
	}
	if len(multiline) > 0 {
		// Only the files that need it are read the slow, serial way.
		args = append(args, "--multiline-fields-format=v2", "--multiline-fields="+strings.Join(multiline, ","))
	}
	var sb strings.Builder
	for _, a := range args {
		sb.WriteString(`"` + a + `"` + "\n")
	}
	return os.WriteFile(filepath.Join(dir, BulkArgsFile), []byte(sb.String()), 0o644)
}

// redial replaces the driver. Its bookmarks name transactions of the
// database the importer replaced, which the new one will never reach
// (Neo.TransientError.Transaction.BookmarkTimeout), and its pooled
// connections went with the server. Nothing else may use the Store while
// a bulk load imports.
func (b *Bulk) redial(ctx context.Context) error {
	cfg := b.cfg
	drv, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.Username, cfg.Password, ""), cfg.driverConfig(b.log))
	if err != nil {
		return err
	}
	old := b.driver
	b.driver = drv
	b.down.Store(true)
	if err := old.Close(ctx); err != nil {
		b.log.Debug("neo4j: closing the driver of the replaced database", "err", err)
	}
	return nil
}

// awaitOnline waits until the restarted server answers a read on the
// database: the driver's pooled connections are dead, and the database
// may still be starting.
func (b *Bulk) awaitOnline(ctx context.Context) error {
	deadline := time.Now().Add(2 * time.Minute)
	for {
		err := b.Ping(ctx)
		if err == nil {
			return nil
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return fmt.Errorf("the database did not come back: %w", err)
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// rebuildSummary writes the Stats summary from the imported nodes, as a
// Load that found none covering does (updateSummary).
func (b *Bulk) rebuildSummary(ctx context.Context) error {
	_, err := runTx(ctx, b.Store, "BulkLoad", neo4j.AccessModeWrite, nil, func(ctx context.Context, tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, updateSummary(ctx, tx, false, nil)
	})
	return err
}

// count reads what the database holds, from the count store.
func (b *Bulk) count(ctx context.Context) (BulkCounts, error) {
	recs, err := b.query(ctx, "BulkLoad", "CALL () { MATCH (n:"+labelEntity+") RETURN count(n) AS nodes } "+
		"CALL () { MATCH (d:"+labelDocument+") RETURN count(d) AS docs } "+
		"CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN docs, nodes, rels", nil)
	if err != nil {
		return BulkCounts{}, err
	}
	if len(recs) != 1 {
		return BulkCounts{}, fmt.Errorf("counting returned %d records", len(recs))
	}
	num := func(i int) int { n, _ := recs[0].Values[i].(int64); return int(n) }
	return BulkCounts{Documents: num(0), Nodes: num(1), Relationships: num(2)}, nil
}
