package main

import (
	"slices"
	"strings"
	"testing"
	"time"

	bench "github.com/kapgraph/kapgraph/tools/bench"
)

// TestMergeEarlier checks what a run resumed with -merge reports as its own
// and what it keeps, with the run that measured it named.
func TestMergeEarlier(t *testing.T) {
	earlier := func() *bench.Results {
		return &bench.Results{
			Started:    time.Date(2026, 12, 7, 0, 16, 0, 0, time.UTC),
			Sizes:      []bench.SizeResult{{Name: "10k"}, {Name: "100k"}, {Name: "1m"}},
			Profiles:   []bench.Profile{{Size: "1m", Title: "old 1m"}, {Size: "100k", Title: "old 100k"}},
			Notes:      []string{"1m: the peer failed (c)", "Sizes 1m were measured by the run begun 2026-12-06 20:00 UTC (kept with -merge); the rest by this run.", "The corpus ingest figures were measured by the run begun 2026-12-06 20:00 UTC (kept with -merge)."},
			Ingest:     &bench.IngestFigures{},
			BulkImport: &bench.Ingest{},
		}
	}
	tests := []struct {
		name        string
		o           options
		measured    []string // sizes this run has written so far
		wantKept    []string
		wantNotes   []string // each a part of one note
		noNotes     []string // parts no note may contain
		wantProfile []string
		ingest      bool
		bulk        bool
	}{
		{
			name: "first write after the first of two planned sizes",
			o:    options{sizes: []string{"10k", "100k"}, bulkSize: "1m"}, measured: []string{"10k"},
			wantKept:    []string{"1m"},
			wantNotes:   []string{"Sizes 1m were measured by the run begun 2026-12-07 00:16 UTC", "1m: the peer failed", "corpus ingest figures were measured by the run begun 2026-12-06 20:00"},
			noNotes:     []string{"Sizes 100k", "2026-12-06 20:00 UTC (kept with -merge); the rest"},
			wantProfile: []string{"old 1m", "new"},
			ingest:      true,
		},
		{
			name: "the largest size again, no ingest nor bulk step",
			o:    options{sizes: []string{"1m"}}, measured: []string{"1m"},
			wantKept:    []string{"10k", "100k"},
			wantNotes:   []string{"Sizes 10k, 100k were measured by the run begun 2026-12-07 00:16 UTC", "bulk import figures were measured by the run begun 2026-12-07 00:16"},
			noNotes:     []string{"the peer failed"},
			wantProfile: []string{"old 100k", "new"},
			ingest:      true, bulk: true,
		},
		{
			name: "every size and step again",
			o:    options{sizes: []string{"10k", "100k", "1m"}, ingestDocs: 10, bulkSize: "1m"}, measured: []string{"10k"},
			noNotes:     []string{"Sizes ", "the peer failed"},
			wantProfile: []string{"new"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := &bench.Results{Started: time.Date(2026, 12, 7, 3, 30, 0, 0, time.UTC), Profiles: []bench.Profile{{Title: "new"}}}
			for _, s := range tc.measured {
				r.Sizes = append(r.Sizes, bench.SizeResult{Name: s})
			}
			kept := mergeEarlier(r, earlier(), tc.o)
			var names []string
			for _, s := range kept {
				names = append(names, s.Name)
			}
			if !slices.Equal(names, tc.wantKept) {
				t.Errorf("kept %v, want %v", names, tc.wantKept)
			}
			if r.Started.Hour() != 3 {
				t.Errorf("Started = %v, want this run's", r.Started)
			}
			all := strings.Join(r.Notes, "\n")
			for _, w := range tc.wantNotes {
				if !strings.Contains(all, w) {
					t.Errorf("no note contains %q; notes:\n%s", w, all)
				}
			}
			for _, w := range tc.noNotes {
				if strings.Contains(all, w) {
					t.Errorf("a note contains %q; notes:\n%s", w, all)
				}
			}
			var titles []string
			for _, p := range r.Profiles {
				titles = append(titles, p.Title)
			}
			if !slices.Equal(titles, tc.wantProfile) {
				t.Errorf("profiles %v, want %v", titles, tc.wantProfile)
			}
			if (r.Ingest != nil) != tc.ingest || (r.BulkImport != nil) != tc.bulk {
				t.Errorf("ingest kept %v, bulk kept %v; want %v, %v", r.Ingest != nil, r.BulkImport != nil, tc.ingest, tc.bulk)
			}
		})
	}
}
