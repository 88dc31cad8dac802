package export_test

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/api/export"
	"github.com/kapgraph/kapgraph/graph"
)

// exportServer mounts the handler the way the API server does: at
// /export/ on a ServeMux, prefix not stripped.
func exportServer(t *testing.T, store graph.Store) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle("/export/", export.NewHandler(store, export.HandlerOptions{Now: buildDate, Version: "test"}))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func get(t *testing.T, srv *httptest.Server, method, path, accept string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

func TestHandlerServesEveryExport(t *testing.T) {
	store := fullStore(t)
	g := snapshot(t, store)
	srv := exportServer(t, store)
	for _, tc := range []struct {
		path, contentType, filename string
		check                       func(t *testing.T, body []byte)
	}{
		{"/export/kgx/nodes.jsonl", "application/x-ndjson", "nodes.jsonl", func(t *testing.T, b []byte) {
			if n := jsonLines(t, b); n != len(g.Nodes) {
				t.Errorf("%d node lines, want %d", n, len(g.Nodes))
			}
		}},
		{"/export/kgx/edges.jsonl", "application/x-ndjson", "edges.jsonl", func(t *testing.T, b []byte) {
			if n := jsonLines(t, b); n != len(g.Edges) {
				t.Errorf("%d edge lines, want %d", n, len(g.Edges))
			}
		}},
		{"/export/kgx/manifest.json", "application/json", "manifest.json", func(t *testing.T, b []byte) {
			var m export.Manifest
			if err := json.Unmarshal(b, &m); err != nil {
				t.Fatal(err)
			}
			if m.Date != "2026-01-02" || m.NodeCount != len(g.Nodes) || m.EdgeCount != len(g.Edges) || m.KapgraphVersion != "test" {
				t.Errorf("manifest %+v", m)
			}
		}},
		{"/export/kgx.tar.gz", "application/gzip", "kapgraph-kgx.tar.gz", func(t *testing.T, b []byte) {
			files := untar(t, b)
			if jsonLines(t, files["nodes.jsonl"]) != len(g.Nodes) || jsonLines(t, files["edges.jsonl"]) != len(g.Edges) {
				t.Error("archive counts differ from the graph")
			}
			var m export.Manifest
			if err := json.Unmarshal(files["manifest.json"], &m); err != nil || m.Files[0].Bytes != int64(len(files["nodes.jsonl"])) {
				t.Errorf("archive manifest: %v, %+v", err, m.Files)
			}
		}},
		{"/export/graph.graphml", "application/graphml+xml", "kapgraph.graphml", func(t *testing.T, b []byte) {
			var doc gmlDoc
			if err := xml.Unmarshal(b, &doc); err != nil {
				t.Fatal(err)
			}
			if len(doc.Graph.Nodes) != len(g.Nodes) || len(doc.Graph.Edges) != len(g.Edges) {
				t.Errorf("graphml has %d nodes, %d edges", len(doc.Graph.Nodes), len(doc.Graph.Edges))
			}
		}},
		{"/export/graph.json", "application/json", "kapgraph.json", func(t *testing.T, b []byte) {
			docs, err := export.ReadJSON(bytes.NewReader(b))
			if err != nil || len(docs) != len(g.Documents) {
				t.Errorf("ReadJSON: %v, %d documents", err, len(docs))
			}
		}},
	} {
		t.Run(tc.path, func(t *testing.T) {
			resp, body := get(t, srv, http.MethodGet, tc.path, "")
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %s", resp.StatusCode, body)
			}
			if ct := resp.Header.Get("Content-Type"); ct != tc.contentType {
				t.Errorf("Content-Type %q, want %q", ct, tc.contentType)
			}
			_, params, err := mime.ParseMediaType(resp.Header.Get("Content-Disposition"))
			if err != nil || params["filename"] != tc.filename {
				t.Errorf("Content-Disposition %q (%v), want filename %s", resp.Header.Get("Content-Disposition"), err, tc.filename)
			}
			tc.check(t, body)

			head, hbody := get(t, srv, http.MethodHead, tc.path, "")
			if head.StatusCode != http.StatusOK || len(hbody) != 0 || head.Header.Get("Content-Type") != tc.contentType {
				t.Errorf("HEAD: status %d, %d body bytes, type %q", head.StatusCode, len(hbody), head.Header.Get("Content-Type"))
			}
		})
	}
}

func jsonLines(t *testing.T, b []byte) int {
	t.Helper()
	n := 0
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var v map[string]any
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		n++
	}
	return n
}

func untar(t *testing.T, b []byte) map[string][]byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(zr)
	out := map[string][]byte{}
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		out[h.Name], _ = io.ReadAll(tr)
	}
}

func TestHandlerIndex(t *testing.T) {
	srv := exportServer(t, newStore(t, fixtureDocs(t)))
	resp, body := get(t, srv, http.MethodGet, "/export/", "text/html")
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("HTML index: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	for _, link := range []string{`href="kgx/nodes.jsonl"`, `href="kgx/edges.jsonl"`, `href="kgx/manifest.json"`, `href="kgx.tar.gz"`, `href="graph.graphml"`, `href="graph.json"`, `href="claims.csv"`, `href="studies.bib"`, `href="studies.ris"`} {
		if !bytes.Contains(body, []byte(link)) {
			t.Errorf("index lacks %s", link)
		}
	}
	resp, body = get(t, srv, http.MethodGet, "/export/", "application/json")
	var idx struct {
		Exports []struct{ Path, ContentType, Description string }
	}
	if err := json.Unmarshal(body, &idx); err != nil || resp.Header.Get("Content-Type") != "application/json" || len(idx.Exports) != 9 {
		t.Errorf("JSON index: %v %q %s", err, resp.Header.Get("Content-Type"), body)
	}
	// Every link of the index resolves.
	for _, e := range idx.Exports {
		if r, _ := get(t, srv, http.MethodHead, "/export/"+e.Path, ""); r.StatusCode != http.StatusOK || r.Header.Get("Content-Type") != e.ContentType {
			t.Errorf("%s: %d %s", e.Path, r.StatusCode, r.Header.Get("Content-Type"))
		}
	}
}

func TestHandlerRefusals(t *testing.T) {
	srv := exportServer(t, newStore(t, fixtureDocs(t)))
	if resp, _ := get(t, srv, http.MethodGet, "/export/kgx/", ""); resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown path: %d", resp.StatusCode)
	}
	if resp, _ := get(t, srv, http.MethodGet, "/export/graph.csv", ""); resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown format: %d", resp.StatusCode)
	}
	resp, _ := get(t, srv, http.MethodPost, "/export/graph.json", "")
	if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: %d, Allow %q", resp.StatusCode, resp.Header.Get("Allow"))
	}
}

// Mounted with http.StripPrefix, the same paths work.
func TestHandlerWithStrippedPrefix(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle("/dl/", http.StripPrefix("/dl", export.Handler(newStore(t, fixtureDocs(t)))))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	resp, body := get(t, srv, http.MethodGet, "/dl/graph.json", "")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	if _, err := export.ReadJSON(bytes.NewReader(body)); err != nil {
		t.Error(err)
	}
}

// failingStore stands for a database that is down.
type failingStore struct{ graph.Store }

func (failingStore) Stats(context.Context) (*graph.Stats, error) {
	return nil, graph.Errorf(graph.EUNAVAILABLE, "the database cannot be reached")
}

func TestHandlerReportsStoreFailure(t *testing.T) {
	srv := exportServer(t, failingStore{newStore(t, fixtureDocs(t))})
	resp, body := get(t, srv, http.MethodGet, "/export/graph.json", "")
	if resp.StatusCode != http.StatusServiceUnavailable || !bytes.Contains(body, []byte("cannot be reached")) {
		t.Errorf("%d %s", resp.StatusCode, body)
	}
	if resp.Header.Get("Content-Disposition") != "" {
		t.Error("a failed export still offered a file")
	}
}

func TestArchiveWithoutADate(t *testing.T) {
	g := snapshot(t, newStore(t, fixtureDocs(t)))
	var buf bytes.Buffer
	if err := export.WriteKGXArchive(&buf, g, export.Meta{}); err != nil {
		t.Fatal(err)
	}
	if files := untar(t, buf.Bytes()); len(files) != 3 {
		t.Errorf("%d files", len(files))
	}
}
