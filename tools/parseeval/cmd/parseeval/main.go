// Command parseeval compares claim subjects and objects from a CoreNLP
// dependency parse with loader/extract's clause rules on the dev set.
// Start the parser first: eval "$(scripts/corenlp.sh start)".
package main

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/kapgraph/kapgraph/loader/extract"
	"github.com/kapgraph/kapgraph/tools/parseeval"
)

func main() {
	dev := flag.String("dev", "loader/extract/testdata/eval/dev", "dev evaluation set (the test set is refused)")
	url := flag.String("url", os.Getenv("KAPGRAPH_CORENLP_URL"), "parse server (scripts/corenlp.sh)")
	coref := flag.Bool("coref", false, "also measure coreference on anaphoric gold subjects")
	save := flag.String("save", "", "directory to write each review's CoreNLP JSON into")
	cache := flag.String("cache", "", "directory of cached CoreNLP answers (read if present, written otherwise)")
	pairs := flag.Bool("pairs", false, "list the gold pairs one reading finds and the other misses")
	explain := flag.String("explain", "", "print how the parse reads each sentence containing this text, then stop")
	flag.Parse()
	if *explain != "" {
		if err := explainRun(context.Background(), *dev, *url, *cache, *explain); err != nil {
			fmt.Fprintln(os.Stderr, "parseeval:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(context.Background(), *dev, *url, *cache, *save, *coref, *pairs); err != nil {
		fmt.Fprintln(os.Stderr, "parseeval:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, dev, url, cache, save string, coref, pairs bool) error {
	if url == "" {
		return fmt.Errorf("no parse server: set KAPGRAPH_CORENLP_URL (eval \"$(scripts/corenlp.sh start)\") or -url")
	}
	rs, err := parseeval.ReadDevSet(dev)
	if err != nil {
		return err
	}
	c := parseeval.Client{URL: url, HTTP: &http.Client{Timeout: 10 * time.Minute}, Cache: cache}
	var each []parseeval.Scores
	var cor parseeval.CorefScores
	for _, r := range rs {
		sc, doc, res, err := parseeval.Measure(ctx, c, r)
		if err != nil {
			return err
		}
		if save != "" {
			if err := parseeval.Save(save, r.Name, doc); err != nil {
				return err
			}
		}
		if coref {
			cs, err := parseeval.MeasureCoref(ctx, c, r, res, &sc)
			if err != nil {
				return err
			}
			cor.Add(cs)
		}
		each = append(each, sc)
		fmt.Fprintf(os.Stderr, "parseeval: %s done\n", r.Name)
	}
	parseeval.WriteTable(os.Stdout, each)
	if pairs {
		fmt.Println()
		parseeval.WritePairs(os.Stdout, each)
	}
	if coref {
		fmt.Println()
		cor.Write(os.Stdout)
	}
	return nil
}

func explainRun(ctx context.Context, dev, url, cache, substr string) error {
	rs, err := parseeval.ReadDevSet(dev)
	if err != nil {
		return err
	}
	c := parseeval.Client{URL: url, HTTP: &http.Client{Timeout: 10 * time.Minute}, Cache: cache}
	for _, r := range rs {
		var texts []string
		hit := false
		for _, s := range r.Sents {
			texts = append(texts, s.Text)
			hit = hit || strings.Contains(s.Text, substr)
		}
		if !hit {
			continue
		}
		res := extract.ExtractOpen(nil, r.Sents)
		doc, err := c.Annotate(ctx, parseeval.ParseAnnotators, texts)
		if err != nil {
			return err
		}
		fmt.Print(parseeval.ExplainAll(r.Sents, texts, doc, res.Mentions, substr))
	}
	return nil
}
