package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/api/export"
)

// noNeo4j is an environment without NEO4J_URI, so exports use the
// embedded store and the seeds built into the binary.
func noNeo4j(string) string { return "" }

func TestExportCmdWritesEachFormat(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		format string
		files  []string
	}{
		{"kgx", []string{"nodes.jsonl", "edges.jsonl", "manifest.json"}},
		{"graphml", []string{"kapgraph.graphml"}},
		{"json", []string{"kapgraph.json"}},
	} {
		t.Run(tc.format, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			var stdout, stderr bytes.Buffer
			err := exportCmd(ctx, []string{"--format", tc.format, "--out", dir, "--date", "2026-01-02"}, noNeo4j, &stdout, &stderr)
			if err != nil {
				t.Fatalf("export: %v\nstderr:\n%s", err, stderr.String())
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range entries {
				got = append(got, e.Name())
			}
			want := slices.Clone(tc.files)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("files = %v, want %v (no temporary files left behind)", got, want)
			}
			for _, f := range tc.files {
				st, err := os.Stat(filepath.Join(dir, f))
				if err != nil || st.Size() == 0 {
					t.Errorf("%s: missing or empty (%v)", f, err)
				}
				if !strings.Contains(stderr.String(), "wrote "+filepath.Join(dir, f)+": ") {
					t.Errorf("no summary line for %s in stderr:\n%s", f, stderr.String())
				}
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout should be empty when writing files, got %q", stdout.String())
			}
			if tc.format == "kgx" {
				b, _ := os.ReadFile(filepath.Join(dir, "manifest.json"))
				var m export.Manifest
				if err := json.Unmarshal(b, &m); err != nil {
					t.Fatal(err)
				}
				if m.Date != "2026-01-02" || m.NodeCount == 0 || m.EdgeCount == 0 {
					t.Errorf("manifest date %q, %d nodes, %d edges", m.Date, m.NodeCount, m.EdgeCount)
				}
			}
		})
	}
}

func TestExportCmdStdout(t *testing.T) {
	ctx := context.Background()
	var stdout, stderr bytes.Buffer
	if err := exportCmd(ctx, []string{"--format", "json", "--out", "-"}, noNeo4j, &stdout, &stderr); err != nil {
		t.Fatalf("export: %v\n%s", err, stderr.String())
	}
	docs, err := export.ReadJSON(&stdout)
	if err != nil {
		t.Fatalf("stdout is not kapgraph JSON: %v", err)
	}
	if len(docs) == 0 {
		t.Fatal("no documents")
	}
	if n := strings.Count(stderr.String(), "\n"); n != 2 {
		t.Errorf("want a store line and one summary line on stderr, got:\n%s", stderr.String())
	}

	stdout.Reset()
	stderr.Reset()
	// The embedded store only: this test must not touch the shared Neo4j
	// that scripts/test.sh exports, which other packages wipe and load.
	epoch := func(k string) string {
		if k == "SOURCE_DATE_EPOCH" {
			return "1767225600" // 2026-01-01
		}
		return ""
	}
	if err := exportCmd(ctx, []string{"--format", "kgx", "--out", "-"}, epoch, &stdout, &stderr); err != nil {
		t.Fatalf("export: %v\n%s", err, stderr.String())
	}
	zr, err := gzip.NewReader(&stdout)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(zr)
	var names []string
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, h.Name)
		if h.Name == "manifest.json" {
			var m export.Manifest
			if err := json.NewDecoder(tr).Decode(&m); err != nil {
				t.Fatal(err)
			}
			if m.Date != "2026-01-01" {
				t.Errorf("manifest date %q, want SOURCE_DATE_EPOCH's 2026-01-01", m.Date)
			}
		}
	}
	if !slices.Equal(names, []string{"nodes.jsonl", "edges.jsonl", "manifest.json"}) {
		t.Errorf("archive holds %v", names)
	}
}

func TestExportCmdUsage(t *testing.T) {
	ctx := context.Background()
	for _, args := range [][]string{
		{"--out", "-", "--format", "csv"},
		{"--out", "-", "--date", "yesterday"},
		{"--bogus"},
		{"--out", "-", "extra"},
		{"--format", "json"}, // no --out
	} {
		var stdout, stderr bytes.Buffer
		err := exportCmd(ctx, args, noNeo4j, &stdout, &stderr)
		var ue usageError
		if !errors.As(err, &ue) {
			t.Errorf("%v: err = %v, want a usage error", args, err)
		}
	}
	var stdout, stderr bytes.Buffer
	if err := exportCmd(ctx, []string{"-h"}, noNeo4j, &stdout, &stderr); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("-h: %v, want flag.ErrHelp (run reports it as success)", err)
	}
	if !strings.Contains(stderr.String(), "-format") {
		t.Errorf("-h prints no flags:\n%s", stderr.String())
	}
}
