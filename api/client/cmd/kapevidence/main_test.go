package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/api/client"
	"github.com/kapgraph/kapgraph/api/client/internal/servertest"
	"github.com/kapgraph/kapgraph/internal/app"
)

func noEnv(string) string { return "" }

// TestWritesEvidenceCSV runs the example against a real server and reads
// its output back as CSV: the header, then one row per claim the Evidence
// operation returns, in its order, each with its quotes and studies.
func TestWritesEvidenceCSV(t *testing.T) {
	base := servertest.Start(t, app.Config{})
	for _, tc := range []struct {
		name           string
		drug, disorder string
		args           []string
		env            map[string]string
	}{
		{"ketamine in AUD, -url", "CHEBI:6121", "MONDO:0002046", []string{"-url", base}, nil},
		{"ketamine in AUD, $KAPGRAPH_URL", "CHEBI:6121", "MONDO:0002046", nil, map[string]string{"KAPGRAPH_URL": base}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			args := append([]string{"kapevidence", "-drug", tc.drug, "-disorder", tc.disorder}, tc.args...)
			getenv := func(k string) string { return tc.env[k] }
			if err := run(context.Background(), args, getenv, &stdout, &stderr); err != nil {
				t.Fatalf("run: %v\n%s", err, stderr.String())
			}
			records, err := csv.NewReader(&stdout).ReadAll()
			if err != nil {
				t.Fatalf("output is not CSV: %v", err)
			}
			if len(records) < 2 {
				t.Fatalf("%d records, want the header and at least one claim", len(records))
			}
			if !slices.Equal(records[0], header()) {
				t.Errorf("header %q, want %q", records[0], header())
			}
			rows := records[1:]

			c, err := client.New(base, nil)
			if err != nil {
				t.Fatal(err)
			}
			want, err := client.Evidence(context.Background(), c, tc.drug, tc.disorder)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != len(want.Evidence.Claims) {
				t.Fatalf("%d rows, want one per claim: %d", len(rows), len(want.Evidence.Claims))
			}
			col := func(name string) int { return slices.Index(header(), name) }
			withStudies := 0
			for i, r := range rows {
				cl := want.Evidence.Claims[i]
				if r[col("claim_id")] != cl.Id || r[col("predicate")] != string(cl.Predicate) || r[col("subject_id")] != tc.drug {
					t.Errorf("row %d = %q, want claim %s %s with subject %s", i, r, cl.Id, cl.Predicate, tc.drug)
				}
				if r[col("quotes")] == "" || r[col("sections")] == "" {
					t.Errorf("row %d (%s) has no quote or section", i, r[0])
				}
				studies, levels := r[col("studies")], r[col("evidence_levels")]
				if studies != "" {
					withStudies++
					if n, m := len(strings.Split(studies, sep)), len(strings.Split(levels, sep)); n != m {
						t.Errorf("row %d: %d studies but %d levels", i, n, m)
					}
				}
			}
			if withStudies == 0 {
				t.Error("no row names a study")
			}
		})
	}
}

func TestFails(t *testing.T) {
	base := servertest.Start(t, app.Config{})
	down := httptest.NewServer(nil)
	down.Close()
	for _, tc := range []struct {
		name  string
		args  []string
		usage bool   // a usageError (exit status 2)
		want  string // in the error
	}{
		{"no drug", []string{"-url", base, "-disorder", "MONDO:0002046"}, true, "required"},
		{"no disorder", []string{"-url", base, "-drug", "CHEBI:6121"}, true, "required"},
		{"an extra argument", []string{"-url", base, "-drug", "CHEBI:6121", "-disorder", "MONDO:0002046", "more"}, true, "nothing else"},
		{"unknown flag", []string{"-format", "tsv"}, true, "format"},
		{"a URL without scheme", []string{"-url", "localhost:1", "-drug", "CHEBI:6121", "-disorder", "MONDO:0002046"}, true, "absolute"},
		{"unknown drug", []string{"-url", base, "-drug", "CHEBI:0", "-disorder", "MONDO:0002046"}, false, "NOT_FOUND"},
		{"the drug is a disorder", []string{"-url", base, "-drug", "MONDO:0002046", "-disorder", "MONDO:0002046"}, false, "BAD_USER_INPUT"},
		{"no server", []string{"-url", down.URL, "-drug", "CHEBI:6121", "-disorder", "MONDO:0002046"}, false, down.URL},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), append([]string{"kapevidence"}, tc.args...), noEnv, &stdout, &stderr)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("run = %v, want an error containing %q", err, tc.want)
			}
			if got := errors.As(err, new(usageError)); got != tc.usage {
				t.Errorf("usage error: %v, want %v (%v)", got, tc.usage, err)
			}
			if stdout.Len() != 0 {
				t.Errorf("wrote to stdout on failure:\n%s", stdout.String())
			}
		})
	}
}

func TestHelp(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"kapevidence", "-h"}, noEnv, &stdout, &stderr); err != nil {
		t.Fatalf("-h: %v", err)
	}
	if !strings.Contains(stderr.String(), "-disorder") {
		t.Errorf("usage lacks -disorder:\n%s", stderr.String())
	}
}
