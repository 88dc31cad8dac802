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
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/internal/assets"
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

// assetRef matches the same-origin asset URLs that index.html references.
var assetRef = regexp.MustCompile(`"` + regexp.QuoteMeta(assetPrefix) + `([A-Za-z0-9._/-]+)"`)

// Handler serves the explorer page at /explore (and /explore/) and its
// assets under /explore/assets/. Only GET and HEAD are allowed.
func Handler() http.Handler {
	set := assets.MustSet(Assets())
	release := versionImports(set)

	raw, err := files.ReadFile("index.html")
	if err != nil {
		panic(err) // embedded at build time; cannot be missing
	}
	// Fingerprint every asset reference so browsers may keep them until
	// the binary changes.
	page := assetRef.ReplaceAllFunc(raw, func(m []byte) []byte {
		name := string(assetRef.FindSubmatch(m)[1])
		a, ok := set.Lookup(name)
		if !ok {
			return m // explorer_test.go reports it
		}
		return []byte(`"` + assetPrefix + name + "?v=" + a.Hash + `"`)
	})
	index := assets.NewFile("index.html", page, "text/html; charset=utf-8")

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
			h.Set("Cross-Origin-Opener-Policy", "same-origin")
			assets.Serve(w, r, index, "no-cache")
		case strings.HasPrefix(p, assetPrefix):
			a, ok := set.Lookup(strings.TrimPrefix(p, assetPrefix))
			if !ok {
				http.NotFound(w, r)
				return
			}
			cache := assetCache
			if v := r.URL.Query().Get("v"); v != "" && (v == a.Hash || v == release[a.Name]) {
				cache = immutableCache
			}
			assets.Serve(w, r, a, cache)
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
func versionImports(set *assets.Set) map[string]string {
	var mods []string
	for _, name := range set.Names() {
		if path.Ext(name) == ".js" && !strings.HasPrefix(name, "vendor/") {
			mods = append(mods, name)
		}
	}
	slices.Sort(mods)
	h := sha256.New()
	for _, name := range mods {
		f, _ := set.Lookup(name)
		h.Write([]byte(name))
		h.Write([]byte{0})
		h.Write(f.Data)
		h.Write([]byte{0})
	}
	release := hex.EncodeToString(h.Sum(nil)[:16])
	out := make(map[string]string, len(mods))
	for _, name := range mods {
		f, _ := set.Lookup(name)
		set.Put(assets.NewFile(name, moduleImport.ReplaceAll(f.Data, []byte("${1}${2}${3}?v="+release+"${4}")), f.CType))
		out[name] = release
	}
	return out
}
