// Command kapcorpus writes a synthetic corpus of review articles, in the
// seed's plain-text layout and in JATS XML (internal/synth), for `kapgraph
// ingest` and its benchmark:
//
//	go run ./tools/bench/cmd/kapcorpus -n 1000 -out /tmp/corpus-1k
//	go run ./tools/bench/cmd/kapcorpus -n 10000 -out /tmp/corpus-10k
//	go run ./tools/bench/cmd/kapcorpus -n 10000 -out /tmp/corpus-10k -change 100   # 1% edited
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/kapgraph/kapgraph/internal/synth"
	"github.com/kapgraph/kapgraph/tools/bench"
)

func main() {
	n := flag.Int("n", 1000, "number of articles")
	out := flag.String("out", "", "folder to write them into (created)")
	jatsEvery := flag.Int("jats-every", 2, "every Nth article is JATS XML, the rest text (0: all text)")
	seed := flag.Uint64("seed", synth.DefaultSeed, "seed: the same seed gives the same articles")
	change := flag.Int("change", 0, "instead of writing the corpus, edit this many of its -n articles (spread over it; ids kept), as for a re-ingest")
	round := flag.Int("round", 0, "with -change: which edit (each round gives new content)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "kapcorpus: -out DIR is required")
		os.Exit(2)
	}
	if *change > 0 {
		if *seed != synth.DefaultSeed || *jatsEvery != 2 {
			fmt.Fprintln(os.Stderr, "kapcorpus: -change edits a corpus of the default -seed and -jats-every")
			os.Exit(2)
		}
		if err := bench.ChangeArticles(*out, *change, *n, *round); err != nil {
			fmt.Fprintln(os.Stderr, "kapcorpus:", err)
			os.Exit(1)
		}
		fmt.Printf("edited %d of the %d articles in %s\n", *change, *n, *out)
		return
	}
	if err := synth.WriteCorpus(*out, *seed, *n, *jatsEvery); err != nil {
		fmt.Fprintln(os.Stderr, "kapcorpus:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d articles into %s\n", *n, *out)
}
