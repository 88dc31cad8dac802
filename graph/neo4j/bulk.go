package neo4j

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/kapgraph/kapgraph/graph"
)

// The bulk first load.
//
// Store.Load writes a document in one transaction, which is what makes a
// load atomic and incremental, and what bounds its speed. A first load of
// a large corpus into an empty database has nothing to compare or replace,
// so it can use the tool Neo4j made for that: `neo4j-admin database import
// full`, which writes the store files directly from CSV while the database
// is stopped. A Bulk collects documents exactly as a sequence of
// Store.Load (or LoadFrom) calls would leave them (the same validation,
// the same property maps with their content hashes and search text, a
// node several documents carry as the last one wrote it), then Import
// writes them as CSV, runs the importer through an Importer, and after the
// server is back creates the schema (EnsureSchema) and the Stats summary
// Load would have kept. The database it leaves is the one the same loads
// would have made, but for the random graph versions of the documents.

// ErrNotEmpty is the refusal of a bulk load into a database that holds
// anything: the importer replaces the whole database, so it is only for a
// first load.
var ErrNotEmpty = errors.New("the database is not empty: a bulk load is only for a first load into an empty database (wipe it, or load incrementally)")

// Importer runs the importer over the files Import wrote into dir (the
// arguments are in dir/import.args, one a line, for the admin tool's
// @file syntax) while the database is stopped, and returns when the
// server answers again. On failure it must leave the database as it was.
// scripts/neo4j.sh import is one.
type Importer func(ctx context.Context, dir string) error

// Bulk collects documents for a bulk first load. It is a
// graph.CorpusStore, so loader.Ingest and the load command fill it as
// they would fill the store; reads go to the (empty) database. A
// document's own nodes and its relationships go to the CSV files at
// once, so a large corpus is not held in memory; the shared entities
// (which a later document may write again) are kept until Import. It is
// safe for concurrent use, and keeps documents in the order they come.
type Bulk struct {
	*Store
	dir string

	mu      sync.Mutex
	shared  map[string]sharedRow // shared entities by id: the version the last document wrote
	order   []string             // shared entity ids, first seen first
	owned   map[string]int64     // the nodes written with their document: their importer id
	next    int64                // the next importer id (see bulkImportOptions)
	streams map[string]*csvStream
	docs    []map[string]any // the :KapgraphDocument rows
	seen    map[string]bool  // document ids
	edges   int
	err     error // a failed write: the files are incomplete
}

var _ graph.CorpusStore = (*Bulk)(nil)

// NewBulk starts a bulk load into s's database, with the CSV files in dir
// (which must exist), refusing with ErrNotEmpty if the database holds any
// node.
func (s *Store) NewBulk(ctx context.Context, dir string) (*Bulk, error) {
	if strings.ContainsAny(dir, ",\"'\n\\") {
		return nil, graph.Errorf(graph.EINVALID, "bulk load directory %q: the importer's arguments cannot hold a comma, quote, backslash or line break", dir)
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, graph.Errorf(graph.EINVALID, "bulk load directory %q is not a directory", dir)
	}
	// The importer resolves the files its arguments name against the
	// directory of its arguments file, so a relative dir would be read
	// twice over (".cache/bench/bulk-csv/.cache/bench/bulk-csv/...").
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, graph.Errorf(graph.EINVALID, "bulk load directory %q: %v", dir, err)
	}
	if err := s.checkEmpty(ctx); err != nil {
		return nil, err
	}
	return newBulk(s, abs), nil
}

func newBulk(s *Store, dir string) *Bulk {
	return &Bulk{Store: s, dir: dir, shared: map[string]sharedRow{}, owned: map[string]int64{},
		streams: map[string]*csvStream{}, seen: map[string]bool{}}
}

func (s *Store) checkEmpty(ctx context.Context) error {
	recs, err := s.query(ctx, "BulkLoad", "MATCH (n) WITH n LIMIT 1 RETURN count(n) AS n", nil)
	if err != nil {
		return err
	}
	if len(recs) != 1 {
		return fmt.Errorf("bulk load: counting nodes returned %d records", len(recs))
	}
	if n, _ := recs[0].Values[0].(int64); n > 0 {
		return graph.WrapError(graph.EINVALID, ErrNotEmpty, "bulk load into database %q", s.cfg.Database)
	}
	return nil
}

// Load implements graph.Store: the document is validated and written to
// the CSV files.
func (b *Bulk) Load(ctx context.Context, doc *graph.Document) (*graph.LoadResult, error) {
	return b.add(ctx, doc, nil)
}

// LoadFrom implements graph.CorpusStore: as Load, with the source recorded
// on the document's :KapgraphDocument node, so a later incremental ingest
// skips the unchanged files.
func (b *Bulk) LoadFrom(ctx context.Context, doc *graph.Document, src graph.DocumentSource) (*graph.LoadResult, error) {
	return b.add(ctx, doc, &src)
}

// Sources implements graph.CorpusStore: the database is empty, and a
// document collected here is not loaded until Import.
func (b *Bulk) Sources(context.Context) ([]graph.DocumentSource, error) { return nil, nil }

// Remove implements graph.CorpusStore: nothing is stored to remove.
func (b *Bulk) Remove(context.Context, string) (bool, error) { return false, nil }

func (b *Bulk) add(ctx context.Context, doc *graph.Document, src *graph.DocumentSource) (*graph.LoadResult, error) {
	if err := ctx.Err(); err != nil {
		return nil, graph.WrapError(graph.ETIMEOUT, err, "bulk load")
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err != nil {
		return nil, b.err
	}
	if b.seen[doc.ID] {
		// Load would replace the first version; a corpus that gives one
		// document twice is a mistake a first load should not hide.
		return nil, graph.Errorf(graph.EINVALID, "document %s is given twice in one bulk load", doc.ID)
	}
	// The shared entities Load would find stored: those of the documents
	// before this one (Validate refuses another document's own nodes).
	if err := doc.Validate(func(id string) bool { _, ok := b.shared[id]; return ok }); err != nil {
		return nil, err
	}
	plan, err := planLoad(doc)
	if err != nil {
		return nil, err
	}
	for _, n := range plan.nodes {
		if _, ok := b.owned[n.id]; ok {
			return nil, graph.Errorf(graph.EINVALID, "document %s: node %s was written with an earlier document; "+
				"a bulk load cannot write it again (load without --bulk)", doc.ID, n.id)
		}
	}
	for _, n := range plan.nodes {
		old, ok := b.shared[n.id]
		if !ok {
			old.num = b.next
			b.next++
		}
		if !n.owned {
			if !ok {
				b.order = append(b.order, n.id)
			}
			b.shared[n.id] = sharedRow{n, old.num}
			continue
		}
		// Load would rewrite a shared entity of the same id (MERGE).
		delete(b.shared, n.id)
		b.owned[n.id] = old.num
		if err := b.writeNode(n, old.num); err != nil {
			b.err = fmt.Errorf("bulk load: writing the CSV files: %w", err)
			return nil, b.err
		}
	}
	for _, p := range graph.Predicates() {
		for _, e := range plan.rels[p] {
			if err := b.writeRel(p, e.row); err != nil {
				b.err = fmt.Errorf("bulk load: writing the CSV files: %w", err)
				return nil, b.err
			}
		}
	}
	row := map[string]any{"id": doc.ID, "nodes": int64(len(plan.nodes)), "edges": int64(plan.edges), "version": newUUID()}
	if src != nil {
		row["source_file"], row["source_hash"] = src.File, src.Hash
	}
	b.docs = append(b.docs, row)
	b.seen[doc.ID] = true
	b.edges += plan.edges
	return &graph.LoadResult{Document: doc.ID, Nodes: len(plan.nodes), Edges: plan.edges}, nil
}

// sharedRow is a shared entity as the last document wrote it, with its
// importer id.
type sharedRow struct {
	nodeRow
	num int64
}

// num is the importer id of a node the documents so far hold.
func (b *Bulk) num(id string) (int64, bool) {
	if n, ok := b.owned[id]; ok {
		return n, true
	}
	n, ok := b.shared[id]
	return n.num, ok
}

// newUUID is a random (version 4) UUID, as Cypher's randomUUID() gives
// Load's documents their graph version.
func newUUID() string {
	var u [16]byte
	rand.Read(u[:]) // never fails (crypto/rand)
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:])
}

// BulkCounts is what a bulk load wrote.
type BulkCounts struct {
	Documents     int
	Nodes         int // :Entity nodes
	Relationships int
}

// Counts is what Import will write, as collected so far.
func (b *Bulk) Counts() BulkCounts {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.counts()
}

func (b *Bulk) counts() BulkCounts {
	return BulkCounts{Documents: len(b.docs), Nodes: len(b.shared) + len(b.owned), Relationships: b.edges}
}

// BulkResult is what Import did and how long each step took.
type BulkResult struct {
	BulkCounts
	CSV    time.Duration // finishing the files (the shared entities, the documents; the rest is written as documents come)
	Run    time.Duration // the Importer, server stop and start included
	Import time.Duration // the importer alone, as the Importer reports it in dir/import.seconds (else Run)
	Schema time.Duration // waiting for the database, indexes, constraints, summary and the final count
	// Of Schema: waiting for the restarted database to answer, creating
	// the indexes and constraints (and waiting until they are online),
	// and writing the Stats summary.
	Online, Indexes, Summary time.Duration
}

// RelationshipsPerSecond is the importer's speed.
func (r BulkResult) RelationshipsPerSecond() float64 {
	if r.Import <= 0 {
		return 0
	}
	return float64(r.Relationships) / r.Import.Seconds()
}

// BulkSecondsFile is where an Importer may write how many seconds the
// importer itself took (a decimal number), without the server's stop and
// start around it.
const BulkSecondsFile = "import.seconds"

// Import finishes the CSV files (the shared entities, the documents, the
// importer's arguments), checks once more that the database is empty, has run
// import them, and then creates the schema and the Stats summary and
// checks the counts. A failure before run leaves the database untouched;
// run itself must leave it as it was when it fails.
func (b *Bulk) Import(ctx context.Context, run Importer) (BulkResult, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err != nil {
		return BulkResult{}, b.err
	}
	dir := b.dir
	want := b.counts()
	res := BulkResult{}
	t0 := time.Now()
	if err := b.finishFiles(); err != nil {
		return res, fmt.Errorf("bulk load: writing the CSV files (the database is untouched): %w", err)
	}
	res.CSV = time.Since(t0)
	if err := b.checkEmpty(ctx); err != nil {
		return res, err
	}
	t0 = time.Now()
	runErr := run(ctx, dir)
	res.Run = time.Since(t0)
	res.Import = res.Run
	if raw, err := os.ReadFile(filepath.Join(dir, BulkSecondsFile)); err == nil {
		if sec, err := strconv.ParseFloat(strings.TrimSpace(string(raw)), 64); err == nil && sec > 0 {
			res.Import = time.Duration(sec * float64(time.Second))
		}
	}
	if err := b.redial(ctx); err != nil {
		return res, fmt.Errorf("bulk load: reconnecting after the import: %w", err)
	}
	if runErr != nil {
		return res, fmt.Errorf("bulk load: the import failed: %w", runErr)
	}
	t0 = time.Now()
	got, err := b.finishImport(ctx, &res)
	res.Schema = time.Since(t0)
	res.BulkCounts = got
	if err != nil {
		return res, fmt.Errorf("bulk load: the data is imported, but %w", err)
	}
	if got != want {
		return res, graph.Errorf(graph.EINTERNAL, "bulk load: the import wrote %+v, not %+v", got, want)
	}
	return res, nil
}

// finishImport waits for the restarted database, creates the schema and
// the Stats summary, and counts what is stored.
// It records the time of each step in res.
func (b *Bulk) finishImport(ctx context.Context, res *BulkResult) (BulkCounts, error) {
	b.schemaOK.Store(false) // the importer replaced the database, indexes and all
	t0 := time.Now()
	if err := b.awaitOnline(ctx); err != nil {
		return BulkCounts{}, err
	}
	res.Online = time.Since(t0)
	t0 = time.Now()
	if err := b.EnsureSchema(ctx); err != nil {
		return BulkCounts{}, fmt.Errorf("creating the indexes and constraints failed: %w", err)
	}
	res.Indexes = time.Since(t0)
	t0 = time.Now()
	if err := b.rebuildSummary(ctx); err != nil {
		return BulkCounts{}, fmt.Errorf("writing the Stats summary failed: %w", err)
	}
	res.Summary = time.Since(t0)
	return b.count(ctx)
}

// CommandImporter is an Importer that runs argv with the import directory
// appended (scripts/neo4j.sh import, or a script of one's own around
// neo4j-admin), with env added to this process's environment and its
// output to out. The command is not killed when ctx ends: it must finish
// (or restore the database) on its own, as an interrupted import would
// leave the database half-written.
func CommandImporter(argv []string, env []string, out io.Writer) Importer {
	return func(ctx context.Context, dir string) error {
		if len(argv) == 0 {
			return errors.New("no import command")
		}
		c := exec.Command(argv[0], append(slices.Clone(argv[1:]), dir)...)
		c.Env = append(os.Environ(), env...)
		c.Stdout, c.Stderr = out, out
		if err := c.Run(); err != nil {
			return fmt.Errorf("%s %s: %w", strings.Join(argv, " "), dir, err)
		}
		return nil
	}
}
