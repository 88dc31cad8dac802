package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// sampleIDs returns ids of curated nodes for the entity and
// neighbourhood queries.
func sampleIDs(ctx context.Context, c *http.Client, base string) ([]string, error) {
	q := `{ drugs(first: 10) { edges { node { id } } } mechanisms(first: 30) { edges { node { id } } } disorders(first: 10) { edges { node { id } } } outcomes(first: 10) { edges { node { id } } } }`
	body, _ := json.Marshal(map[string]any{"query": q})
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var g struct {
		Data map[string]struct {
			Edges []struct{ Node struct{ ID string } }
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&g); err != nil {
		return nil, fmt.Errorf("sampling ids: %w", err)
	}
	var ids []string
	for _, conn := range g.Data {
		for _, e := range conn.Edges {
			ids = append(ids, e.Node.ID)
		}
	}
	if len(ids) == 0 {
		return nil, errors.New("the server holds no drugs, mechanisms, disorders or outcomes: load the seeds first")
	}
	sort.Strings(ids)
	return ids, nil
}

// figures reads the server's goroutines, RSS and heap from /metrics.
func figures(ctx context.Context, c *http.Client, base string) (serverFigures, error) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/metrics", nil)
	resp, err := c.Do(req)
	if err != nil {
		return serverFigures{}, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return serverFigures{}, err
	}
	var f serverFigures
	found := 0
	for line := range strings.Lines(string(b)) {
		fields := strings.Fields(line)
		if len(fields) != 2 {
			continue
		}
		v, err := strconv.ParseFloat(fields[1], 64)
		if err != nil {
			continue
		}
		switch fields[0] {
		case "go_goroutines":
			f.Goroutines, found = v, found+1
		case "process_resident_memory_bytes":
			f.RSSBytes, found = v, found+1
		case "go_memstats_heap_alloc_bytes":
			f.HeapBytes, found = v, found+1
		}
	}
	if found < 2 {
		return f, fmt.Errorf("%s/metrics lacks go_goroutines or process_resident_memory_bytes", base)
	}
	return f, nil
}

func sleep(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}

func (r *Result) print(w io.Writer) {
	mib := func(b float64) string { return fmt.Sprintf("%.1f MiB", b/(1<<20)) }
	fmt.Fprintf(w, "kapload %s (%s): %d clients × %.0f s\n", r.Label, r.URL, r.Clients, r.Seconds)
	fmt.Fprintf(w, "  requests %d, errors %d, throughput %.1f req/s\n", r.Requests, r.Errors, r.Throughput)
	fmt.Fprintf(w, "  latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n", r.Latency.P50, r.Latency.P95, r.Latency.P99, r.Latency.Max)
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "  query\trequests\terrors\tp50 ms\tp95 ms\tp99 ms\tmax ms\t")
	for _, n := range slices.Sorted(maps.Keys(r.ByQuery)) {
		q := r.ByQuery[n]
		fmt.Fprintf(tw, "  %s\t%d\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t\n", n, q.Requests, q.Errors, q.Latency.P50, q.Latency.P95, q.Latency.P99, q.Latency.Max)
	}
	tw.Flush()
	fmt.Fprintf(w, "  server goroutines: cold %.0f, baseline %.0f, peak %.0f, after %.0f\n",
		r.ServerCold.Goroutines, r.ServerBaseline.Goroutines, r.ServerPeak.Goroutines, r.ServerAfter.Goroutines)
	fmt.Fprintf(w, "  server RSS: cold %s, baseline %s, peak %s, after %s\n",
		mib(r.ServerCold.RSSBytes), mib(r.ServerBaseline.RSSBytes), mib(r.ServerPeak.RSSBytes), mib(r.ServerAfter.RSSBytes))
	for _, s := range r.ErrorSamples {
		fmt.Fprintf(w, "  error: %s\n", s)
	}
	for _, c := range r.Checks {
		mark := "ok  "
		if !c.OK {
			mark = "FAIL"
		}
		fmt.Fprintf(w, "  %s %s: %s\n", mark, c.Name, c.Detail)
	}
}
