package httpapi

import (
	"net/http"

	"github.com/kapgraph/kapgraph/internal/assets"
	web "github.com/kapgraph/kapgraph/ui/playground"
)

// playgroundCSP lets the playground run its own scripts and styles and
// talk to its own origin, and nothing else: no inline code, no eval, no
// CDN. The data: sources are GraphiQL's bundled fonts and icons, which its
// CSS inlines.
const playgroundCSP = "default-src 'none'; " +
	"script-src 'self'; " +
	"style-src 'self'; " +
	"connect-src 'self'; " +
	"img-src 'self' data:; " +
	"font-src 'self' data:; " +
	"base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// handlePlayground serves the GraphiQL page. It changes only with the
// binary, so it is revalidated (no-cache) against a content ETag.
func handlePlayground() http.Handler {
	page := assets.NewFile("index.html", web.Playground(), "text/html; charset=utf-8")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", playgroundCSP)
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		assets.Serve(w, r, page, "no-cache")
	})
}

// handleStatic serves the embedded playground assets (see package
// assets), cacheable for an hour: the page references them by name, not
// by fingerprint.
func handleStatic() http.Handler {
	static := assets.MustSet(web.Static())
	notFound := handleNotFound()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f, ok := static.Lookup(r.URL.Path)
		if !ok {
			notFound.ServeHTTP(w, r)
			return
		}
		assets.Serve(w, r, f, "public, max-age=3600")
	})
}

// handleSDL serves the schema's text. It changes only with the binary, so
// clients revalidate (no-cache) against its content ETag.
func handleSDL(sdl []byte) http.Handler {
	f := assets.NewFile("schema.graphql", sdl, "text/plain; charset=utf-8")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Disposition", `inline; filename="schema.graphql"`)
		assets.Serve(w, r, f, "no-cache")
	})
}
