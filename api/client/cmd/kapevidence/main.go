// Command kapevidence writes, as CSV, what a kapgraph server holds about
// one drug for one disorder: one row per claim, with the sentences of the
// review that support it and the studies they cite. It is the example of
// the Go client (package client): a researcher's spreadsheet pulled
// through the typed Evidence operation, so a schema change that breaks it
// fails to compile rather than writing a wrong column.
//
//	kapevidence -url http://localhost:8080 -drug CHEBI:6121 -disorder MONDO:0002046 > evidence.csv
package main

import (
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"time"

	"github.com/kapgraph/kapgraph/api/client"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args, os.Getenv, os.Stdout, os.Stderr)
	stop()
	switch {
	case err == nil:
	case errors.As(err, new(usageError)):
		fmt.Fprintln(os.Stderr, "kapevidence:", err)
		os.Exit(2)
	default:
		fmt.Fprintln(os.Stderr, "kapevidence:", err)
		os.Exit(1)
	}
}

// usageError marks mistakes in the command line (exit status 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// header is the CSV header. A claim's evidence sentences, their sections,
// the studies they cite and those studies' evidence levels are joined
// with sep, so that each claim stays one row; studies and levels are in
// the same order.
func header() []string {
	return []string{
		"claim_id", "predicate", "sign", "negated",
		"subject_id", "subject_name", "object_id", "object_name",
		"score", "quotes", "sections", "studies", "evidence_levels",
	}
}

// sep joins the several values of one cell.
const sep = " | "

func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("kapevidence", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: kapevidence [-url URL] -drug ID -disorder ID > evidence.csv\n\n"+
			"Writes the claims linking a drug to a disorder, with their evidence, as CSV.\n\n")
		fs.PrintDefaults()
	}
	def := getenv("KAPGRAPH_URL")
	if def == "" {
		def = "http://localhost:8080"
	}
	baseURL := fs.String("url", def, "the kapgraph server (default $KAPGRAPH_URL or http://localhost:8080)")
	drug := fs.String("drug", "", "id of the drug, e.g. CHEBI:6121 (ketamine)")
	disorder := fs.String("disorder", "", "id of the disorder, e.g. MONDO:0002046 (alcohol use disorder)")
	timeout := fs.Duration("timeout", 30*time.Second, "give up after this long")
	if len(args) > 0 {
		args = args[1:]
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageError{err.Error()}
	}
	if *drug == "" || *disorder == "" || fs.NArg() > 0 {
		fs.Usage()
		return usageError{"-drug and -disorder are required, and nothing else"}
	}
	c, err := client.New(*baseURL, &http.Client{Timeout: *timeout})
	if err != nil {
		return usageError{err.Error()}
	}
	resp, err := client.Evidence(ctx, c, *drug, *disorder)
	if err != nil {
		if code := client.ErrorCode(err); code != "" {
			return fmt.Errorf("evidence for %s in %s: %s: %w", *drug, *disorder, code, err)
		}
		return fmt.Errorf("evidence for %s in %s from %s: %w", *drug, *disorder, *baseURL, err)
	}
	return writeCSV(stdout, resp.Evidence.Claims)
}

// writeCSV writes the header and one row per claim.
func writeCSV(out io.Writer, claims []client.EvidenceEvidenceEvidenceReportClaimsClaim) error {
	w := csv.NewWriter(out)
	if err := w.Write(header()); err != nil {
		return fmt.Errorf("writing CSV: %w", err)
	}
	for _, c := range claims {
		if err := w.Write(row(c.ClaimWithEvidence)); err != nil {
			return fmt.Errorf("writing CSV: %w", err)
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return fmt.Errorf("writing CSV: %w", err)
	}
	return nil
}

func row(c client.ClaimWithEvidence) []string {
	var quotes, sections, studies, levels []string
	seen := map[string]bool{}
	for _, ev := range c.Evidence {
		quotes = append(quotes, ev.Quote)
		sections = append(sections, ev.SectionTitle)
		for _, s := range ev.Studies {
			if seen[s.Id] {
				continue
			}
			seen[s.Id] = true
			studies = append(studies, s.Name)
			level := "" // unknown
			if s.EvidenceLevel > 0 {
				level = strconv.Itoa(s.EvidenceLevel)
			}
			levels = append(levels, level)
		}
	}
	return []string{
		c.Id, string(c.Predicate), string(c.Sign), strconv.FormatBool(c.Negated),
		c.Subject.Id, c.Subject.Name, c.Object.Id, c.Object.Name,
		strconv.FormatFloat(c.Score, 'f', -1, 64),
		strings.Join(quotes, sep), strings.Join(sections, sep),
		strings.Join(studies, sep), strings.Join(levels, sep),
	}
}
