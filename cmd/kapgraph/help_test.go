package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// Asking a command for help must print its flags and do nothing else: not
// serve, not load, not write files.
func TestHelpDoesNotRun(t *testing.T) {
	for _, tc := range []struct {
		cmd  string
		flag string // a flag of the command its usage must show
	}{
		{"serve", "-addr"},
		{"load", "-seeds"},
		{"ingest", "-workers"},
		{"validate", "-json"},
		{"export", "-format"},
		{"draft", "-accept"},
		{"schema", "lexicon|claims"},
	} {
		for _, h := range []string{"-h", "--help"} {
			t.Run(tc.cmd+" "+h, func(t *testing.T) {
				ctx, cancel := context.WithCancel(context.Background())
				defer cancel()
				var stdout, stderr bytes.Buffer
				done := make(chan error, 1)
				go func() { done <- run(ctx, []string{"kapgraph", tc.cmd, h}, noNeo4j, &stdout, &stderr) }()
				select {
				case err := <-done:
					if err != nil {
						t.Fatalf("%s %s: %v", tc.cmd, h, err)
					}
				case <-time.After(20 * time.Second):
					cancel()
					<-done
					t.Fatalf("%s %s did not return: it ran the command\nstderr: %s", tc.cmd, h, stderr.String())
				}
				out := stdout.String() + stderr.String()
				if !strings.Contains(out, tc.flag) {
					t.Errorf("%s %s: usage lacks %s:\n%s", tc.cmd, h, tc.flag, out)
				}
				for _, ran := range []string{"listening", "loaded ", "wrote "} {
					if strings.Contains(out, ran) {
						t.Errorf("%s %s ran the command (%q in output):\n%s", tc.cmd, h, ran, out)
					}
				}
			})
		}
	}
}

func TestVersionFlags(t *testing.T) {
	for _, arg := range []string{"version", "--version", "-version", "-v"} {
		var stdout, stderr bytes.Buffer
		if err := run(context.Background(), []string{"kapgraph", arg}, noNeo4j, &stdout, &stderr); err != nil {
			t.Errorf("%s: %v", arg, err)
		}
		if !strings.HasPrefix(stdout.String(), "kapgraph ") {
			t.Errorf("%s printed %q", arg, stdout.String())
		}
	}
}

func TestExportNeedsOut(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"kapgraph", "export", "--format", "json"}, noNeo4j, &stdout, &stderr)
	var ue usageError
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), "--out") {
		t.Fatalf("export without --out: got %v, want a usage error naming --out", err)
	}
	if stdout.Len() != 0 {
		t.Errorf("wrote %d bytes to stdout", stdout.Len())
	}
}
