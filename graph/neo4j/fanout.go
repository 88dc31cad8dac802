package neo4j

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph"
)

// fanOutCache holds the last FanOut with the version it was computed for.
// Counting walks every node and relationship, so it is done once per
// version of the graph; finding the version reads only the
// :KapgraphDocument nodes (one per review), whose version property each
// load that changes anything renews (see write in load.go). The API asks
// for the FanOut with every request, so the version is read again only
// when Config.FanOutRecheck has passed since the last check (a load by
// another process is seen then) or after a load through this Store
// (which drops the cache), never on each request: a request's statements
// stay what its reads need.
type fanOutCache struct {
	mu      sync.Mutex
	val     *graph.FanOut
	version string    // the graph's version as last read
	checked time.Time // when version was read from the database
	job     *fanOutJob
	failed  string // the version whose counting failed: not tried again
	// checking is set while a request reads the version after
	// Config.FanOutRecheck passed; the requests meanwhile answer with the
	// version as last read instead of waiting for it.
	checking bool
	gen      uint64 // counts resets: a check begun before one is not filed
}

// A fanOutJob counts one version of the graph. It runs on its own
// deadline, not a request's: on a large graph counting takes seconds of
// the database's time, which no request should wait for. A request waits
// at most fanOutWait for it and otherwise goes on without (its lists are
// then priced by their page sizes); the job files its result for the
// requests after it.
type fanOutJob struct {
	version string
	done    chan struct{}
}

// How long a request waits for the counts, and how long counting may take.
const (
	fanOutWait    = 2 * time.Second
	fanOutTimeout = 5 * time.Minute
)

// reset drops the cached counts: the next FanOut reads the version.
func (c *fanOutCache) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.checked = time.Time{}
	c.gen++
}

const cypherFanOutVersion = "MATCH (d:" + labelDocument + ") RETURN d.id AS id, coalesce(d.version, '') AS version ORDER BY id"

// cypherFanOut counts in one statement: per category and relationship
// type the most distinct relationship ids leaving and entering one node
// (EdgesOf's view: an id repeated by several documents counts once), the
// most relationships and curated relationships at one node, the nodes of
// each category, and the most nodes of each category one document owns.
const cypherFanOut = "CALL () { MATCH (n:" + labelEntity + ")-[r]->() WITH n, type(r) AS p, count(DISTINCT r.id) AS k " +
	"WITH n.category AS c, p, max(k) AS k RETURN collect([c, p, k]) AS outs } " +
	"CALL () { MATCH (n:" + labelEntity + ")<-[r]-() WITH n, type(r) AS p, count(DISTINCT r.id) AS k " +
	"WITH n.category AS c, p, max(k) AS k RETURN collect([c, p, k]) AS ins } " +
	"CALL () { MATCH (n:" + labelEntity + ") OPTIONAL MATCH (n)-[r]-() " +
	"WITH n, count(DISTINCT r.id) AS d, count(DISTINCT CASE WHEN type(r) IN $curated THEN r.id END) AS cl " +
	"WITH n.category AS c, max(d) AS d, max(cl) AS cl, count(*) AS k RETURN collect([c, d, cl, k]) AS degrees } " +
	"CALL () { MATCH (n:" + labelEntity + ") WHERE n.document IS NOT NULL " +
	"WITH n.category AS c, n.document AS doc, count(*) AS k WITH c, max(k) AS k RETURN collect([c, k]) AS docs } " +
	"RETURN outs, ins, degrees, docs"

// FanOut implements graph.Store. While the counts of the graph's version
// are being made (or after making them failed) it answers EUNAVAILABLE,
// and the API prices lists by their page sizes: the request that starts
// the count waits up to fanOutWait for it, the others not at all.
func (s *Store) FanOut(ctx context.Context) (*graph.FanOut, error) {
	c := &s.fan
	c.mu.Lock()
	switch {
	case c.checked.IsZero():
		// The first request, or the first after a load through this
		// Store: every request waits for the version, so none answers
		// with the one before the load.
		version, err := s.fanOutVersion(ctx)
		if err != nil {
			c.mu.Unlock()
			return nil, err
		}
		c.version, c.checked = version, time.Now()
	case time.Since(c.checked) >= s.cfg.FanOutRecheck && !c.checking:
		// The periodic check for loads by other processes: one request
		// reads the version without holding the lock, so the requests
		// meanwhile (which would have had the same version a moment
		// earlier) do not queue behind a statement.
		c.checking = true
		gen := c.gen
		c.mu.Unlock()
		version, err := s.fanOutVersion(ctx)
		c.mu.Lock()
		c.checking = false
		if err != nil {
			c.mu.Unlock()
			return nil, err
		}
		if c.gen == gen {
			c.version, c.checked = version, time.Now()
		} else if c.checked.IsZero() {
			// A load through this Store committed meanwhile: the
			// version read may predate it, so read it again.
			version, err := s.fanOutVersion(ctx)
			if err != nil {
				c.mu.Unlock()
				return nil, err
			}
			c.version, c.checked = version, time.Now()
		}
	}
	version := c.version
	switch {
	case c.val != nil && c.val.Version == version:
		defer c.mu.Unlock()
		return c.val, nil
	case c.failed == version:
		c.mu.Unlock()
		return nil, graph.Errorf(graph.EUNAVAILABLE, "counting the graph's fan-out failed for this version of the graph")
	case c.job != nil && c.job.version == version:
		c.mu.Unlock()
		return nil, graph.Errorf(graph.EUNAVAILABLE, "the graph's fan-out is still being counted")
	}
	job := &fanOutJob{version: version, done: make(chan struct{})}
	c.job = job
	go s.countFanOut(job)
	c.mu.Unlock()

	wait := time.NewTimer(fanOutWait)
	defer wait.Stop()
	select {
	case <-job.done:
	case <-wait.C:
	case <-ctx.Done():
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.val != nil && c.val.Version == version {
		return c.val, nil
	}
	return nil, graph.Errorf(graph.EUNAVAILABLE, "the graph's fan-out is still being counted")
}

// fanOutVersion names the graph's version: a hash of every document's id
// and version.
func (s *Store) fanOutVersion(ctx context.Context) (string, error) {
	recs, err := s.query(ctx, "FanOut", cypherFanOutVersion, nil)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, r := range recs {
		id, _, err1 := neo4j.GetRecordValue[string](r, "id")
		v, _, err2 := neo4j.GetRecordValue[string](r, "version")
		if err1 != nil || err2 != nil {
			return "", s.mapErr(ctx, "FanOut", fmt.Errorf("fan-out version: %v %v", err1, err2))
		}
		fmt.Fprintf(h, "%s\x00%s\x00", id, v)
	}
	return "neo4j-" + hex.EncodeToString(h.Sum(nil)[:12]), nil
}

// countFanOut runs job and files its result in the cache.
func (s *Store) countFanOut(job *fanOutJob) {
	defer close(job.done)
	ctx, cancel := context.WithTimeout(context.Background(), fanOutTimeout)
	defer cancel()
	curated := []string{}
	for _, p := range graph.CuratedPredicates() {
		curated = append(curated, string(p))
	}
	recs, err := s.query(ctx, "FanOut", cypherFanOut, map[string]any{"curated": curated})
	var f *graph.FanOut
	if err == nil {
		f, err = decodeFanOut(job.version, recs)
	}
	c := &s.fan
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.job == job {
		c.job = nil
	}
	if err != nil {
		c.failed = job.version
		s.log.Warn("counting the graph's fan-out failed; lists are priced by page size", "err", err)
		return
	}
	c.val, c.checked = f, time.Now()
}

func decodeFanOut(version string, recs []*neo4j.Record) (*graph.FanOut, error) {
	if len(recs) != 1 {
		return nil, fmt.Errorf("fan-out: %d records", len(recs))
	}
	rec := recs[0]
	f := graph.NewFanOut(version)
	rows := func(key string, width int, into func(row []any) error) error {
		list, _, err := neo4j.GetRecordValue[[]any](rec, key)
		if err != nil {
			return err
		}
		for _, raw := range list {
			row, ok := raw.([]any)
			if !ok || len(row) != width {
				return fmt.Errorf("fan-out %s: malformed row %v", key, raw)
			}
			if err := into(row); err != nil {
				return fmt.Errorf("fan-out %s: %w", key, err)
			}
		}
		return nil
	}
	str := func(v any) (string, error) {
		s, ok := v.(string)
		if !ok {
			return "", fmt.Errorf("not a string: %v", v)
		}
		return s, nil
	}
	num := func(v any) (int, error) {
		n, ok := v.(int64)
		if !ok {
			return 0, fmt.Errorf("not an integer: %v", v)
		}
		return int(n), nil
	}
	edges := func(into map[graph.Category]map[graph.Predicate]int) func([]any) error {
		return func(row []any) error {
			c, err1 := str(row[0])
			p, err2 := str(row[1])
			k, err3 := num(row[2])
			if err1 != nil || err2 != nil || err3 != nil {
				return fmt.Errorf("row %v", row)
			}
			cat := graph.Category(c)
			if into[cat] == nil {
				into[cat] = map[graph.Predicate]int{}
			}
			into[cat][graph.Predicate(p)] = k
			return nil
		}
	}
	if err := rows("outs", 3, edges(f.Out)); err != nil {
		return nil, err
	}
	if err := rows("ins", 3, edges(f.In)); err != nil {
		return nil, err
	}
	if err := rows("degrees", 4, func(row []any) error {
		c, err1 := str(row[0])
		d, err2 := num(row[1])
		cl, err3 := num(row[2])
		k, err4 := num(row[3])
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
			return fmt.Errorf("row %v", row)
		}
		cat := graph.Category(c)
		f.Degree[cat], f.Claims[cat], f.Count[cat] = d, cl, k
		return nil
	}); err != nil {
		return nil, err
	}
	if err := rows("docs", 2, func(row []any) error {
		c, err1 := str(row[0])
		k, err2 := num(row[1])
		if err1 != nil || err2 != nil {
			return fmt.Errorf("row %v", row)
		}
		f.PerDocument[graph.Category(c)] = k
		return nil
	}); err != nil {
		return nil, err
	}
	return f, nil
}
