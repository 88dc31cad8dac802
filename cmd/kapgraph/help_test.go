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
		{"version", "Usage: kapgraph version"},
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

// Every command's help has one format: the synopsis, what it does, and
// its flags with their real defaults; the top-level usage lists every
// command and claims no default of its own.
func TestHelpFormat(t *testing.T) {
	for _, c := range commands {
		var stdout, stderr bytes.Buffer
		if err := run(context.Background(), []string{"kapgraph", c.name, "--help"}, noNeo4j, &stdout, &stderr); err != nil {
			t.Fatalf("%s --help: %v", c.name, err)
		}
		out := stderr.String()
		if !strings.HasPrefix(out, "Usage: kapgraph "+c.name) {
			t.Errorf("%s --help does not start with its synopsis:\n%s", c.name, out)
		}
		if stdout.Len() != 0 {
			t.Errorf("%s --help ran the command: %q", c.name, stdout.String())
		}
		if strings.Contains(out, "\n  -") && !strings.Contains(out, "\nFlags:\n") {
			t.Errorf("%s --help lists flags without the Flags: heading:\n%s", c.name, out)
		}
	}
	var top bytes.Buffer
	if err := run(context.Background(), []string{"kapgraph", "help"}, noNeo4j, &top, &top); err != nil {
		t.Fatal(err)
	}
	for _, c := range commands {
		if !strings.Contains(top.String(), "\n  "+c.name+" ") {
			t.Errorf("top-level usage does not list %s:\n%s", c.name, top.String())
		}
	}
	if strings.Contains(top.String(), ":8080") {
		t.Errorf("top-level usage states a default that only the command's flags may state:\n%s", top.String())
	}
	// The default serve's help shows is the one serve uses.
	var serveHelp bytes.Buffer
	run(context.Background(), []string{"kapgraph", "serve", "-h"}, noNeo4j, &serveHelp, &serveHelp)
	if !strings.Contains(serveHelp.String(), `(default "localhost:8080")`) || !strings.Contains(serveHelp.String(), "(default 10s)") {
		t.Errorf("serve -h does not show the true defaults:\n%s", serveHelp.String())
	}
	var validateHelp bytes.Buffer
	run(context.Background(), []string{"kapgraph", "validate", "-h"}, noNeo4j, &validateHelp, &validateHelp)
	if !strings.Contains(validateHelp.String(), "[DIR]") || !strings.Contains(validateHelp.String(), "DIR is a seeds directory") {
		t.Errorf("validate -h does not document DIR:\n%s", validateHelp.String())
	}
}

func TestPlural(t *testing.T) {
	for n, want := range map[int]string{0: "0 documents", 1: "1 document", 2: "2 documents"} {
		if got := plural(n, "document"); got != want {
			t.Errorf("plural(%d) = %q, want %q", n, got, want)
		}
	}
}
