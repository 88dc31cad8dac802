package httpapi_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/api/httpapi"
)

// TestPlayground checks that the page at / is GraphiQL served entirely
// from the binary, under a CSP that allows only the server's own origin.
func TestPlayground(t *testing.T) {
	env := newEnv(t, httpapi.Config{})
	w := env.do(t, httptest.NewRequest(http.MethodGet, "/", nil))
	if w.Code != 200 {
		t.Fatalf("status %d", w.Code)
	}
	if ct := w.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	csp := w.Header().Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %s", csp, want)
		}
	}
	for _, bad := range []string{"unsafe-inline", "unsafe-eval", "http:", "https:", "*"} {
		if strings.Contains(csp, bad) {
			t.Errorf("CSP %q allows %s", csp, bad)
		}
	}
	page := w.Body.String()

	// Every script and stylesheet is a same-origin file: no CDN, no
	// absolute URL, no inline code.
	refs := regexp.MustCompile(`(?i)<(script|link)\b[^>]*?\b(src|href)="([^"]*)"`).FindAllStringSubmatch(page, -1)
	if len(refs) < 5 {
		t.Fatalf("found %d script/link references in the page, want the GraphiQL set:\n%s", len(refs), page)
	}
	if regexp.MustCompile(`(?i)(src|href)="(https?:)?//`).MatchString(page) {
		t.Errorf("the page loads something from another host:\n%s", page)
	}
	if regexp.MustCompile(`(?is)<script\b[^>]*>\s*[^<\s]`).MatchString(page) {
		t.Error("the page has an inline script, which the CSP would block")
	}
	if regexp.MustCompile(`(?i)<style\b|\sstyle="`).MatchString(page) {
		t.Error("the page has an inline style, which the CSP would block")
	}
	for _, ref := range refs {
		url := ref[3]
		if !strings.HasPrefix(url, "/static/") {
			t.Errorf("%s is not served from /static/", url)
			continue
		}
		w := env.do(t, httptest.NewRequest(http.MethodGet, url, nil))
		if w.Code != 200 || w.Body.Len() == 0 {
			t.Errorf("%s: status %d, %d bytes", url, w.Code, w.Body.Len())
		}
		want := map[string]string{"script": "text/javascript", "link": "text/css"}[ref[1]]
		if strings.HasSuffix(url, ".svg") {
			want = "image/svg+xml"
		}
		if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, want) {
			t.Errorf("%s: Content-Type %q, want %s", url, ct, want)
		}
	}

	// The bootstrap talks to /graphql on the same origin and opens with
	// the example traversals.
	js := env.do(t, httptest.NewRequest(http.MethodGet, "/static/playground.js", nil)).Body.String()
	for _, want := range []string{"/graphql", "mechanismToOutcomePaths", "CHEBI:6121", "search", "mTOR", "neighborhood",
		"evidence", "MONDO:0002046", "stats"} {
		if !strings.Contains(js, want) {
			t.Errorf("playground.js lacks %q", want)
		}
	}
	if regexp.MustCompile(`https?://`).MatchString(js) {
		t.Error("playground.js names an absolute URL")
	}

	// The third-party files say where they came from.
	versions := env.do(t, httptest.NewRequest(http.MethodGet, "/static/VERSIONS", nil)).Body.String()
	for _, want := range []string{"graphiql@3.", "react@18.", "react-dom@18."} {
		if !strings.Contains(versions, want) {
			t.Errorf("VERSIONS lacks %s", want)
		}
	}
}

// TestStaticAssets checks validators, compression and the absence of
// directory listings.
func TestStaticAssets(t *testing.T) {
	env := newEnv(t, httpapi.Config{})

	w := env.do(t, httptest.NewRequest(http.MethodGet, "/static/graphiql.min.js", nil))
	etag := w.Header().Get("ETag")
	if w.Code != 200 || etag == "" || w.Header().Get("Cache-Control") == "" {
		t.Fatalf("status %d, ETag %q, Cache-Control %q", w.Code, etag, w.Header().Get("Cache-Control"))
	}
	plain := w.Body.Bytes()

	r := httptest.NewRequest(http.MethodGet, "/static/graphiql.min.js", nil)
	r.Header.Set("If-None-Match", etag)
	if w := env.do(t, r); w.Code != http.StatusNotModified {
		t.Errorf("If-None-Match: status %d, want 304", w.Code)
	}

	r = httptest.NewRequest(http.MethodGet, "/static/graphiql.min.js", nil)
	r.Header.Set("Accept-Encoding", "br, gzip")
	w = env.do(t, r)
	if w.Header().Get("Content-Encoding") != "gzip" || w.Header().Get("ETag") == etag {
		t.Fatalf("gzip: Content-Encoding %q, ETag %q", w.Header().Get("Content-Encoding"), w.Header().Get("ETag"))
	}
	if w.Body.Len() >= len(plain)/2 {
		t.Errorf("gzip body %d bytes for %d plain", w.Body.Len(), len(plain))
	}
	zr, err := gzip.NewReader(w.Body)
	if err != nil {
		t.Fatal(err)
	}
	unzipped, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(unzipped, plain) {
		t.Errorf("gzip body does not decode to the file (err %v)", err)
	}

	for _, path := range []string{"/static/", "/static/../ui/playground/embed.go", "/static/nope.js", "/static"} {
		// The mux redirects unclean paths to their clean form first.
		w := env.do(t, httptest.NewRequest(http.MethodGet, path, nil))
		if loc := w.Header().Get("Location"); w.Code/100 == 3 {
			w = env.do(t, httptest.NewRequest(http.MethodGet, loc, nil))
		}
		if w.Code != 404 {
			t.Errorf("%s: status %d, want 404", path, w.Code)
		}
	}

	r = httptest.NewRequest(http.MethodGet, "/", nil)
	w = env.do(t, r)
	r = httptest.NewRequest(http.MethodGet, "/", nil)
	r.Header.Set("If-None-Match", w.Header().Get("ETag"))
	if w := env.do(t, r); w.Code != http.StatusNotModified {
		t.Errorf("page revalidation: status %d, want 304", w.Code)
	}
}

// TestPlaygroundDisabled checks that the knob removes the page and its
// assets, and only them.
func TestPlaygroundDisabled(t *testing.T) {
	env := newEnv(t, httpapi.Config{DisablePlayground: true})
	for path, want := range map[string]int{"/": 404, "/static/graphiql.min.js": 404, "/healthz": 200} {
		if w := env.do(t, httptest.NewRequest(http.MethodGet, path, nil)); w.Code != want {
			t.Errorf("%s: status %d, want %d", path, w.Code, want)
		}
	}
	if w := env.do(t, post(t, map[string]any{"query": typenameQuery}, "")); w.Code != 200 {
		t.Errorf("/graphql: status %d", w.Code)
	}
}
