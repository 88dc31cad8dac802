package export

import (
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/kapgraph/kapgraph/graph"
)

// HandlerOptions configures NewHandler.
type HandlerOptions struct {
	// Now gives the build date stamped in manifests; time.Now when nil.
	// Tests fix it so that responses are reproducible.
	Now func() time.Time
	// Version is the kapgraph version recorded in manifests.
	Version string
}

// download is one file the handler serves.
type download struct {
	path        string // below the export root
	contentType string
	filename    string
	desc        string
	write       func(w io.Writer, g *Graph, meta Meta) error
}

func downloads() []download {
	nodes := func(w io.Writer, g *Graph, _ Meta) error { return WriteKGXNodes(w, g) }
	edges := func(w io.Writer, g *Graph, _ Meta) error { return WriteKGXEdges(w, g) }
	graphml := func(w io.Writer, g *Graph, _ Meta) error { return WriteGraphML(w, g) }
	js := func(w io.Writer, g *Graph, _ Meta) error { return WriteJSON(w, g) }
	return []download{
		{"kgx/nodes.jsonl", "application/x-ndjson", KGXNodesFile, "KGX nodes, one JSON record a line", nodes},
		{"kgx/edges.jsonl", "application/x-ndjson", KGXEdgesFile, "KGX edges, one JSON record a line", edges},
		{"kgx/manifest.json", "application/json", KGXManifestFile, "KGX release manifest: Biolink version, date, counts, checksums", WriteKGXManifest},
		{"kgx.tar.gz", "application/gzip", "kapgraph-kgx.tar.gz", "the three KGX files in one archive", WriteKGXArchive},
		{"graph.graphml", "application/graphml+xml", GraphMLFile, "GraphML with typed attributes (NetworkX, Gephi, Cytoscape)", graphml},
		{"graph.json", "application/json", JSONFile, "kapgraph JSON, which `kapgraph` can import back", js},
	}
}

// Handler serves the exports of the whole graph under /export/. Mount it
// at "/export/" without stripping the prefix (a stripped path works too).
// Each download reads a fresh snapshot, bounded by the request's context.
func Handler(store graph.Store) http.Handler {
	return NewHandler(store, HandlerOptions{})
}

// NewHandler is Handler with options.
func NewHandler(store graph.Store, opts HandlerOptions) http.Handler {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	files := downloads()
	tables := tableDownloads()
	index := slices.Clone(files)
	for _, d := range tables {
		index = append(index, download{path: d.path, contentType: d.contentType, filename: d.filename, desc: d.desc})
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rest := strings.TrimPrefix(strings.TrimPrefix(r.URL.Path, "/export"), "/")
		// The table downloads also take a POST (a form of claim ids too
		// long for a URL); everything else is GET and HEAD.
		isTable := slices.ContainsFunc(tables, func(d tableDownload) bool { return d.path == rest })
		if r.Method != http.MethodGet && r.Method != http.MethodHead && !(isTable && r.Method == http.MethodPost) {
			w.Header().Set("Allow", "GET, HEAD")
			if isTable {
				w.Header().Set("Allow", "GET, HEAD, POST")
			}
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		if rest == "" {
			serveIndex(w, r, index)
			return
		}
		for _, f := range files {
			if f.path == rest {
				serveDownload(w, r, store, opts, f)
				return
			}
		}
		for _, d := range tables {
			if d.path == rest {
				serveTable(w, r, store, d)
				return
			}
		}
		http.NotFound(w, r)
	})
}

func serveDownload(w http.ResponseWriter, r *http.Request, store graph.Store, opts HandlerOptions, f download) {
	g, err := Snapshot(r.Context(), store)
	if err != nil {
		status := errorStatus(err)
		if r.Context().Err() != nil {
			status = http.StatusServiceUnavailable
		}
		http.Error(w, "export failed: "+graph.ErrorMessage(err), status)
		return
	}
	setDownload(w.Header(), f.contentType, f.filename)
	if r.Method == http.MethodHead {
		return
	}
	// The snapshot is in memory, so a failure here is the client going
	// away; the status line is already sent and there is no one to tell.
	_ = f.write(w, g, Meta{Date: opts.Now(), Version: opts.Version})
}

type indexEntry struct {
	Path        string `json:"path"`
	ContentType string `json:"contentType"`
	Description string `json:"description"`
}

// serveIndex lists the downloads: JSON for programs that ask for it, a
// small page otherwise. Links are relative, so they resolve wherever the
// handler is mounted.
func serveIndex(w http.ResponseWriter, r *http.Request, files []download) {
	if !strings.HasSuffix(r.URL.Path, "/") {
		http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
		return
	}
	accept := r.Header.Get("Accept")
	if strings.Contains(accept, "application/json") && !strings.Contains(accept, "text/html") {
		entries := make([]indexEntry, len(files))
		for i, f := range files {
			entries[i] = indexEntry{f.path, f.contentType, f.desc}
		}
		w.Header().Set("Content-Type", "application/json")
		if r.Method == http.MethodHead {
			return
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"exports": entries})
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if r.Method == http.MethodHead {
		return
	}
	var b strings.Builder
	b.WriteString("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>kapgraph exports</title></head>\n<body>\n<h1>kapgraph exports</h1>\n<ul>\n")
	for _, f := range files {
		fmt.Fprintf(&b, "<li><a href=\"%s\">%s</a>: %s</li>\n", html.EscapeString(f.path), html.EscapeString(f.path), html.EscapeString(f.desc))
	}
	b.WriteString("</ul>\n</body></html>\n")
	_, _ = io.WriteString(w, b.String())
}

// errorStatus is the HTTP status of a failed export, from its domain code.
func errorStatus(err error) int {
	switch graph.ErrorCode(err) {
	case graph.EINVALID, graph.ELIMIT:
		return http.StatusBadRequest
	case graph.ENOTFOUND:
		return http.StatusNotFound
	case graph.ETIMEOUT:
		return http.StatusGatewayTimeout
	case graph.EUNAVAILABLE:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// setDownload sets the headers of a file to save. The graph changes when a
// document is reloaded, so a download is revalidated every time.
func setDownload(h http.Header, contentType, filename string) {
	h.Set("Content-Type", contentType)
	h.Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", filename))
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
}
