package main

import (
	"fmt"
	"io"
	"net"
	"os"
	"strings"
)

// page is one thing serve answers at a path, for the start-up banner.
type page struct{ path, what string }

// servedPages lists what serve answers, in the order a newcomer wants
// them: the banner prints it so that no page is a secret. It follows the
// routes of api/httpapi (addRoutes); the playground, its static files and
// the explorer go with --no-playground.
func servedPages(playground bool) []page {
	var ps []page
	if playground {
		ps = append(ps, page{"/", "GraphiQL playground"}, page{"/explore", "graph explorer"})
	}
	return append(ps,
		page{"/graphql", "GraphQL"},
		page{"/schema.graphql", "the schema (SDL)"},
		page{"/trapi/query", "TRAPI (POST)"},
		page{"/trapi/meta_knowledge_graph", "TRAPI meta knowledge graph"},
		page{"/export/", "exports: claims.csv, studies.bib, studies.ris, graph.json, graph.graphml, kgx.tar.gz"},
		page{"/healthz", "liveness"},
		page{"/readyz", "readiness"},
		page{"/metrics", "Prometheus metrics"},
	)
}

// printBanner says where serve listens, which process it is (so that a
// script can stop it by pid) and every page it serves.
func printBanner(w io.Writer, where string, addr net.Addr, pid int, playground bool) {
	base := "http://" + addr.String()
	fmt.Fprintf(w, "kapgraph serving %s at %s/ (pid %d; stop with Ctrl-C or kill %d)\n", where, base, pid, pid)
	for _, p := range servedPages(playground) {
		fmt.Fprintf(w, "  %-52s %s\n", base+p.path, p.what)
	}
}

// writePidfile writes "PID ADDRESS\n" into path, for scripts that start
// serve in the background and must stop it or find its port; the address
// is the one bound, so --addr :0 is usable. It returns the function that
// removes the file, which serve calls once it has stopped.
func writePidfile(path string, pid int, addr net.Addr) (remove func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	line := fmt.Sprintf("%d %s\n", pid, addr)
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(line), 0o644); err != nil {
		return nil, fmt.Errorf("--pidfile: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return nil, fmt.Errorf("--pidfile: %w", err)
	}
	return func() {
		// Remove it only while it is still ours: another serve may have
		// taken the same path since.
		if data, err := os.ReadFile(path); err == nil && strings.HasPrefix(string(data), fmt.Sprintf("%d ", pid)) {
			os.Remove(path)
		}
	}, nil
}

// pendingAddr is the address asked for, before the listener binds it.
type pendingAddr string

func (a pendingAddr) Network() string { return "tcp" }
func (a pendingAddr) String() string  { return string(a) }
