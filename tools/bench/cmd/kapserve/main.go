// Command kapserve is `kapgraph serve` on the embedded store for the
// benchmark: instead of parsing the seed reviews it loads the synthetic
// documents of internal/synth (Store.Load, one document at a time, as the
// loader's output is loaded), then serves the same handler as kapgraph.
//
//	kapserve --nodes 100000 --addr 127.0.0.1:18182
//
// It prints "loaded N documents ..." when the graph is in, then serves
// until SIGTERM.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/kapgraph/kapgraph/api/httpapi"
	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/memory"
	"github.com/kapgraph/kapgraph/internal/memlimit"
	"github.com/kapgraph/kapgraph/internal/synth"
	"github.com/kapgraph/kapgraph/tools/bench"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:18182", "address to listen on")
	nodes := flag.Int("nodes", 10_000, "target graph size (nodes)")
	seed := flag.Uint64("seed", synth.DefaultSeed, "generator seed")
	docs := flag.Int("docs", 0, "load only the first N reviews (default: as many as --nodes needs)")
	timeout := flag.Duration("timeout", 60*time.Second, "per-request timeout")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	logger := slog.New(slog.NewJSONHandler(os.Stderr, nil))

	store := memory.New()
	cfg := synth.Config{Seed: *seed, Nodes: *nodes}
	n := cfg.Documents()
	if *docs > 0 {
		n = min(n, *docs)
	}
	t0 := time.Now()
	in, err := bench.LoadDocs(ctx, store, cfg, 0, n, func(i int, _ *graph.LoadResult, d time.Duration) {
		if i%20 == 0 {
			fmt.Fprintf(os.Stderr, "kapserve: document %d loaded in %s\n", i, d.Round(time.Millisecond))
		}
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "kapserve:", err)
		os.Exit(1)
	}
	fmt.Printf("loaded %d documents (%d relationships) in %.1f s (Store.Load %.1f s)\n",
		n, in.Relationships, time.Since(t0).Seconds(), in.Seconds)
	// As kapgraph serve does on the embedded store: a limit when asked to
	// (KAPGRAPH_MEMORY_LIMIT=fit), otherwise none, and in both cases the
	// load's garbage handed back before serving.
	store.Pack() // as kapgraph serve does: the loaded indexes into few large arrays
	if limit, live, set := memlimit.Fit(os.Getenv); set {
		fmt.Printf("soft memory limit %d MiB (live heap %d MiB)\n", limit>>20, live>>20)
	} else {
		memlimit.Settle() // as kapgraph serve does: the load's garbage goes back before serving
	}

	if stopFloor, started := memlimit.Floor(os.Getenv, memlimit.DefaultHeapFloor); started {
		defer stopFloor() // as kapgraph serve does: a floor under the collector's goal
	}
	h := bench.Handler(store, logger, *timeout)
	err = httpapi.Serve(ctx, *addr, h, logger, httpapi.ServeOptions{
		WriteTimeout: *timeout + 5*time.Second,
		OnListen: func(a net.Addr) {
			fmt.Printf("kapserve serving the embedded store at http://%s/graphql\n", a)
		},
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "kapserve:", err)
		os.Exit(1)
	}
}
