// Package explorer serves the graph explorer: a page at /explore where a
// researcher searches the graph, draws a node's neighbourhood, reads the
// evidence behind each claim and follows mechanism-to-outcome paths, all
// by talking to /graphql like any other client.
//
// Everything the page needs is embedded in the binary, cytoscape.js
// included (see scripts/vendor-explorer.sh and assets/vendor/VERSIONS), so
// it works offline, loads nothing from another origin, and runs under a
// strict Content-Security-Policy (see CSP): no inline script or style, no
// eval.
//
// Mount the handler on both the page and its assets:
//
//	h := explorer.Handler()
//	mux.Handle("/explore", h)
//	mux.Handle("/explore/", h)
package explorer

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// CSP is the Content-Security-Policy of the page and its assets: its own
// scripts, styles and images, GraphQL requests to its own origin, and
// nothing else. img-src allows data: and blob: for the PNG and SVG the
// page exports.
const CSP = "default-src 'self'; " +
	"script-src 'self'; " +
	"style-src 'self'; " +
	"img-src 'self' data: blob:; " +
	"font-src 'self'; " +
	"connect-src 'self'; " +
	"object-src 'none'; " +
	"base-uri 'none'; " +
	"form-action 'none'; " +
	"frame-ancestors 'none'"

// Prefix is where the page lives; its assets are under Prefix + "/assets/".
const Prefix = "/explore"

const assetPrefix = Prefix + "/assets/"

// Cache lifetimes. The page references each asset with ?v=<content hash>,
// and the modules import each other with ?v=<release hash> (see
// versionImports), so a request carrying the current hash can be cached
// for good; any other (an old hash, none) is cached briefly and
// revalidated with its ETag.
const (
	immutableCache = "public, max-age=31536000, immutable"
	assetCache     = "public, max-age=300"
)

//go:embed index.html assets
var files embed.FS

// Assets returns the embedded assets, rooted at assets/ (the files served
// under /explore/assets/).
func Assets() fs.FS {
	sub, err := fs.Sub(files, "assets")
	if err != nil {
		panic(err) // "assets" is a constant that go:embed has checked
	}
	return sub
}

// asset is one embedded file with what serving it needs, computed once.
type asset struct {
	name  string
	ctype string
	data  []byte
	hash  string // hex, first 16 bytes of the sha256
	// release is the hash of all our modules, which they import each
	// other by; empty for other files.
	release string
	gzOnce  sync.Once
	gz      []byte
}

// gzipped compresses the file on first use (cytoscape.min.js shrinks from
// 435 kB to about 140 kB; doing it lazily keeps start-up fast), or returns
// nil when that would not make it smaller.
func (a *asset) gzipped() []byte {
	a.gzOnce.Do(func() {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		_, _ = zw.Write(a.data)
		if zw.Close() == nil && buf.Len() < len(a.data) {
			a.gz = buf.Bytes()
		}
	})
	return a.gz
}

// assetRef matches the same-origin asset URLs that index.html references.
var assetRef = regexp.MustCompile(`"` + regexp.QuoteMeta(assetPrefix) + `([A-Za-z0-9._/-]+)"`)

// Handler serves the explorer page at /explore (and /explore/) and its
// assets under /explore/assets/. Only GET and HEAD are allowed.
func Handler() http.Handler {
	assets := map[string]*asset{}
	_ = fs.WalkDir(Assets(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(Assets(), p)
		if err != nil {
			return err
		}
		assets[p] = &asset{name: p, ctype: contentType(p), data: data, hash: hashHex(data)}
		return nil
	})

	versionImports(assets)

	raw, err := files.ReadFile("index.html")
	if err != nil {
		panic(err) // embedded at build time; cannot be missing
	}
	// Fingerprint every asset reference so browsers may keep them until
	// the binary changes.
	page := assetRef.ReplaceAllFunc(raw, func(m []byte) []byte {
		name := string(assetRef.FindSubmatch(m)[1])
		a, ok := assets[name]
		if !ok {
			return m // explorer_test.go reports it
		}
		return []byte(`"` + assetPrefix + name + "?v=" + a.hash + `"`)
	})
	index := &asset{name: "index.html", ctype: "text/html; charset=utf-8", data: page, hash: hashHex(page)}

	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", CSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		switch p := r.URL.Path; {
		case p == Prefix || p == Prefix+"/" || p == Prefix+"/index.html":
			h.Set("Content-Type", "text/html; charset=utf-8")
			h.Set("Cache-Control", "no-cache")
			h.Set("Cross-Origin-Opener-Policy", "same-origin")
			serve(w, r, index)
		case strings.HasPrefix(p, assetPrefix):
			a, ok := assets[strings.TrimPrefix(path.Clean(p), assetPrefix)]
			if !ok || strings.HasSuffix(p, "/") {
				http.NotFound(w, r)
				return
			}
			h.Set("Content-Type", a.ctype)
			if v := r.URL.Query().Get("v"); v != "" && (v == a.hash || v == a.release) {
				h.Set("Cache-Control", immutableCache)
			} else {
				h.Set("Cache-Control", assetCache)
			}
			serve(w, r, a)
		default:
			http.NotFound(w, r)
		}
	})
}

// moduleImport matches the relative static import specifiers of our
// modules: `from './x.js'`, `import './x.js'`.
var moduleImport = regexp.MustCompile(`(\bfrom\s*|\bimport\s*)(['"])(\.{1,2}/[^'"?\s]+\.js)(['"])`)

// versionImports makes the modules import each other at URLs that carry a
// version, so that a browser never runs a new app.js with a module cached
// from an older binary. The version is one hash over all our modules (a
// hash per file cannot be: the modules import each other in cycles), so
// any change to any module changes app.js's imports, hence its own hash
// and the page's reference to it. Third-party scripts (vendor/) are
// classic scripts and left alone.
func versionImports(assets map[string]*asset) {
	var mods []string
	for name := range assets {
		if path.Ext(name) == ".js" && !strings.HasPrefix(name, "vendor/") {
			mods = append(mods, name)
		}
	}
	slices.Sort(mods)
	h := sha256.New()
	for _, name := range mods {
		h.Write([]byte(name))
		h.Write([]byte{0})
		h.Write(assets[name].data)
		h.Write([]byte{0})
	}
	release := hex.EncodeToString(h.Sum(nil)[:16])
	for _, name := range mods {
		a := assets[name]
		a.data = moduleImport.ReplaceAll(a.data, []byte("${1}${2}${3}?v="+release+"${4}"))
		a.hash = hashHex(a.data)
		a.release = release
	}
}

// serve writes a file with its ETag, gzipped when the client accepts it
// and the type compresses.
func serve(w http.ResponseWriter, r *http.Request, a *asset) {
	h := w.Header()
	data, etag := a.data, `"`+a.hash+`"`
	if compressible(a.ctype) {
		h.Add("Vary", "Accept-Encoding")
		if acceptsGzip(r) {
			if z := a.gzipped(); z != nil {
				data, etag = z, `"`+a.hash+`-gz"`
				h.Set("Content-Encoding", "gzip")
			}
		}
	}
	h.Set("ETag", etag)
	// A zero modification time: embedded files have none, so validation
	// goes by ETag alone.
	http.ServeContent(w, r, a.name, time.Time{}, bytes.NewReader(data))
}

func contentType(name string) string {
	switch path.Ext(name) {
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".png":
		return "image/png"
	case ".LICENSE", "": // the licences and VERSIONS
		return "text/plain; charset=utf-8"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}

func compressible(ctype string) bool {
	return strings.HasPrefix(ctype, "text/") || strings.Contains(ctype, "svg")
}

func acceptsGzip(r *http.Request) bool {
	for _, v := range r.Header.Values("Accept-Encoding") {
		for part := range strings.SplitSeq(v, ",") {
			enc, params, _ := strings.Cut(part, ";")
			if !strings.EqualFold(strings.TrimSpace(enc), "gzip") {
				continue
			}
			if qs, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
				if q, err := strconv.ParseFloat(qs, 64); err == nil && q == 0 {
					return false
				}
			}
			return true
		}
	}
	return false
}

func hashHex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}
