package neo4j

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
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
// imported half), integer ids, and the array delimiter csvCell writes.
//
// The ids are integers the Bulk numbers the nodes with, and they are the
// nodes' ids in the new store ("actual"): the importer then keeps no map
// from string ids to nodes, which it has to build, sort and search for
// every relationship end. The graph's ids are the "id" property, written
// as any other.
var bulkImportOptions = []string{
	"--id-type=actual",
	"--array-delimiter=" + bulkArrayDelimiterFlag,
	"--bad-tolerance=0",
	"--skip-bad-relationships=false",
	"--skip-duplicate-nodes=false",
	"--ignore-empty-strings=false",
	"--ignore-extra-columns=false",
	"--legacy-style-quoting=false", // \" in JSON text is two characters, not a quote
	"--strict=true",
}

// stream is the open file of name, created with its header on first use.
func (b *Bulk) stream(name string, head []string, cols []csvColumn, skip string) (*csvStream, error) {
	if st, ok := b.streams[name]; ok {
		return st, nil
	}
	st, err := newCSVStream(filepath.Join(b.dir, name), head, cols, skip)
	if err != nil {
		return nil, err
	}
	b.streams[name] = st
	return st, nil
}

// The files: every :Entity node in one, its labels in a :LABEL column,
// and every relationship in one, its type in a :TYPE column (the property
// columns are the same for every category and every type). Before the
// import the importer reads a sample of each file it is given, on one
// thread, to estimate the store's size; with a file per category and per
// type that was 31 samples, 4-9 s of a 1M import. Rows with a line break
// go to a second file of each (csvStream).
const (
	nodesFile     = "nodes.csv"
	relsFile      = "relationships.csv"
	documentsFile = "documents.csv"
)

func nodeHead() []string     { return []string{":ID", ":LABEL", "id:string"} }
func documentHead() []string { return []string{":ID", "id:string"} }
func relHead() []string      { return []string{":START_ID", ":END_ID", ":TYPE"} }

// nodeLabels is the :LABEL cell of a category's nodes: :Entity and the
// category's label, separated by the array delimiter.
func nodeLabels(c graph.Category) (string, error) {
	label, err := labelOf(c)
	if err != nil {
		return "", err
	}
	return labelEntity + string(bulkArrayDelimiter) + label, nil
}

// writeNode writes a node, with its importer id and labels, to the node file.
func (b *Bulk) writeNode(n nodeRow, num int64) error {
	labels, err := nodeLabels(n.cat)
	if err != nil {
		return err
	}
	st, err := b.stream(nodesFile, nodeHead(), bulkNodeColumns, "id")
	if err != nil {
		return err
	}
	return st.write([]string{strconv.FormatInt(num, 10), labels, csvQuote(n.id)}, n.row["props"].(map[string]any))
}

// writeRel writes a relationship (a planLoad edge row) to the
// relationship file.
func (b *Bulk) writeRel(p graph.Predicate, row map[string]any) error {
	typ, err := relTypes([]graph.Predicate{p})
	if err != nil {
		return err
	}
	st, err := b.stream(relsFile, relHead(), bulkEdgeColumns, "")
	if err != nil {
		return err
	}
	s, _ := row["s"].(string)
	o, _ := row["o"].(string)
	sn, sok := b.num(s)
	on, ook := b.num(o)
	if !sok || !ook {
		// add validated the document: its edges' ends are its nodes or
		// shared entities collected before.
		return fmt.Errorf("relationship %v: an end node has no importer id", row["props"])
	}
	return st.write([]string{strconv.FormatInt(sn, 10), strconv.FormatInt(on, 10), typ}, row["props"].(map[string]any))
}

// finishFiles writes the shared entities and the :KapgraphDocument
// nodes, closes every file, and writes the importer's arguments.
func (b *Bulk) finishFiles() error {
	for _, id := range b.order {
		if n, ok := b.shared[id]; ok {
			if err := b.writeNode(n.nodeRow, n.num); err != nil {
				return err
			}
		}
	}
	if len(b.docs) > 0 {
		st, err := b.stream(documentsFile, documentHead(), bulkDocumentColumns, "id")
		if err != nil {
			return err
		}
		// The documents are numbered after every :Entity node.
		for i, d := range b.docs {
			lead := []string{strconv.FormatInt(b.next+int64(i), 10), csvQuote(d["id"].(string))}
			if err := st.write(lead, d); err != nil {
				return err
			}
		}
	}
	args := slices.Clone(bulkImportOptions)
	args = append(args, "--report-file="+filepath.Join(b.dir, "import.report"))
	var multiline []string
	add := func(name, flag string) error {
		st, ok := b.streams[name]
		if !ok {
			return nil
		}
		delete(b.streams, name)
		if err := st.close(); err != nil {
			return err
		}
		args = append(args, flag+st.path)
		if st.ml != nil {
			multiline = append(multiline, st.ml.path)
			args = append(args, flag+st.ml.path)
		}
		return nil
	}
	if err := add(nodesFile, "--nodes="); err != nil {
		return err
	}
	if err := add(relsFile, "--relationships="); err != nil {
		return err
	}
	if err := add(documentsFile, "--nodes="+labelDocument+"="); err != nil {
		return err
	}
	if len(b.streams) > 0 {
		return fmt.Errorf("bulk load: %d files of no category or type", len(b.streams))
	}
	if len(multiline) > 0 {
		// Only the files that need it are read the slow, serial way.
		args = append(args, "--multiline-fields-format=v2", "--multiline-fields="+strings.Join(multiline, ","))
	}
	var sb strings.Builder
	for _, a := range args {
		sb.WriteString(`"` + a + `"` + "\n")
	}
	return os.WriteFile(filepath.Join(b.dir, BulkArgsFile), []byte(sb.String()), 0o644)
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
// may still be starting. It reads without the schema step every query
// would take first (Ping's would), so that creating the indexes is timed
// apart (BulkResult.Indexes).
func (b *Bulk) awaitOnline(ctx context.Context) error {
	deadline := time.Now().Add(2 * time.Minute)
	for {
		_, err := b.executeRaw(ctx, "BulkLoad", "RETURN 1 AS ok", nil, neo4j.ExecuteQueryWithReadersRouting())
		if err == nil {
			b.down.Store(false)
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
