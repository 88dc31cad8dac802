package explorer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"path"
	"regexp"
	"strings"
	"testing"
)

func get(t *testing.T, h http.Handler, target string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

func TestPage(t *testing.T) {
	h := Handler()
	for _, target := range []string{"/explore", "/explore/"} {
		w := get(t, h, target)
		if w.Code != http.StatusOK {
			t.Fatalf("GET %s: status %d", target, w.Code)
		}
		hdr := w.Header()
		if got := hdr.Get("Content-Type"); got != "text/html; charset=utf-8" {
			t.Errorf("GET %s: Content-Type %q", target, got)
		}
		csp := hdr.Get("Content-Security-Policy")
		for _, d := range []string{"default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:", "connect-src 'self'", "frame-ancestors 'none'"} {
			if !strings.Contains(csp, d) {
				t.Errorf("GET %s: CSP %q lacks %q", target, csp, d)
			}
		}
		if strings.Contains(csp, "unsafe-") {
			t.Errorf("GET %s: CSP %q allows unsafe sources", target, csp)
		}
		if got := hdr.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("GET %s: X-Content-Type-Options %q", target, got)
		}
		if got := hdr.Get("Cache-Control"); got != "no-cache" {
			t.Errorf("GET %s: Cache-Control %q, want no-cache (revalidated by ETag)", target, got)
		}
		if hdr.Get("ETag") == "" {
			t.Errorf("GET %s: no ETag", target)
		}
	}

	// Revalidation answers 304.
	etag := get(t, h, "/explore").Header().Get("ETag")
	if w := get(t, h, "/explore", "If-None-Match", etag); w.Code != http.StatusNotModified {
		t.Errorf("GET /explore with If-None-Match: status %d, want 304", w.Code)
	}
}

var (
	attrRef      = regexp.MustCompile(`\s(?:src|href)="([^"]*)"`)
	scriptTag    = regexp.MustCompile(`<script\b[^>]*>`)
	inlineStyle  = regexp.MustCompile(`(?i)\sstyle\s*=|<style\b`)
	inlineHandle = regexp.MustCompile(`(?i)\son[a-z]+\s*=`)
	external     = regexp.MustCompile(`^(?i:[a-z][a-z0-9+.-]*:|//)`)
	// importVersion is what versionImports adds to a module's imports.
	importVersion = regexp.MustCompile(`\?v=[0-9a-f]{32}`)
	// staticImport finds a module's static imports, relative or not.
	staticImport = regexp.MustCompile(`(?m)^(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]|^import\s*['"]([^'"]+)['"]`)
)

// TestPageReferencesOnlyServedAssets checks that the page loads nothing
// from another origin, runs no inline code, and that every asset it names
// is served with a fitting type and a long cache lifetime.
func TestPageReferencesOnlyServedAssets(t *testing.T) {
	h := Handler()
	page := get(t, h, "/explore").Body.String()

	for _, tag := range scriptTag.FindAllString(page, -1) {
		if !strings.Contains(tag, ` src="`) {
			t.Errorf("inline script %s: the CSP would refuse it", tag)
		}
	}
	if m := inlineStyle.FindString(page); m != "" {
		t.Errorf("inline style %q: the CSP would refuse it", m)
	}
	if m := inlineHandle.FindString(page); m != "" {
		t.Errorf("inline event handler %q: the CSP would refuse it", m)
	}

	refs := attrRef.FindAllStringSubmatch(page, -1)
	if len(refs) == 0 {
		t.Fatal("the page references nothing")
	}
	wantType := map[string]string{
		".js":  "text/javascript; charset=utf-8",
		".css": "text/css; charset=utf-8",
		".svg": "image/svg+xml",
	}
	assets := 0
	for _, m := range refs {
		ref := m[1]
		if external.MatchString(ref) {
			t.Errorf("the page references %q: not same-origin", ref)
			continue
		}
		if strings.HasPrefix(ref, "#") || ref == "/" {
			continue // an in-page anchor; the GraphQL playground
		}
		if !strings.HasPrefix(ref, "/explore/assets/") {
			t.Errorf("the page references %q, outside /explore/assets/", ref)
			continue
		}
		if !strings.Contains(ref, "?v=") {
			t.Errorf("%s carries no content hash", ref)
		}
		assets++
		w := get(t, h, ref)
		if w.Code != http.StatusOK {
			t.Errorf("GET %s: status %d", ref, w.Code)
			continue
		}
		name := strings.SplitN(ref, "?", 2)[0]
		for ext, ct := range wantType {
			if strings.HasSuffix(name, ext) && w.Header().Get("Content-Type") != ct {
				t.Errorf("GET %s: Content-Type %q, want %q", ref, w.Header().Get("Content-Type"), ct)
			}
		}
		if got := w.Header().Get("Cache-Control"); !strings.Contains(got, "immutable") {
			t.Errorf("GET %s: Cache-Control %q, want immutable for a hashed URL", ref, got)
		}
		if w.Header().Get("ETag") == "" {
			t.Errorf("GET %s: no ETag", ref)
		}
		want, err := fs.ReadFile(Assets(), strings.TrimPrefix(name, "/explore/assets/"))
		if err != nil {
			t.Errorf("%s: %v", name, err)
		} else if !bytes.Equal(importVersion.ReplaceAll(w.Body.Bytes(), nil), want) {
			// Modules are served with versioned imports; nothing else changes.
			t.Errorf("GET %s: body differs from the embedded file", ref)
		}
	}
	for _, want := range []string{"vendor/cytoscape.min.js", "app.js", "app.css"} {
		if !strings.Contains(page, "/explore/assets/"+want+"?v=") {
			t.Errorf("the page does not load %s", want)
		}
	}
	if assets < 4 {
		t.Errorf("only %d assets referenced", assets)
	}
}

// TestModuleImportsAreVersioned walks the module graph from the page's
// app.js as a browser would: every import must be relative, carry the
// release version, be served as JavaScript with a long cache lifetime, and
// every module of ours must be reached (an unreached file is dead code or
// a missing import).
func TestModuleImportsAreVersioned(t *testing.T) {
	h := Handler()
	page := get(t, h, "/explore").Body.String()
	entry := regexp.MustCompile(`"(/explore/assets/app\.js\?v=[0-9a-f]+)"`).FindStringSubmatch(page)
	if entry == nil {
		t.Fatal("the page does not load app.js with a version")
	}
	seen := map[string]bool{}
	queue := []string{entry[1]}
	release := ""
	for len(queue) > 0 {
		ref := queue[0]
		queue = queue[1:]
		name, _, _ := strings.Cut(ref, "?")
		if seen[name] {
			continue
		}
		seen[name] = true
		w := get(t, h, ref)
		if w.Code != http.StatusOK {
			t.Errorf("GET %s: status %d", ref, w.Code)
			continue
		}
		if got := w.Header().Get("Content-Type"); got != "text/javascript; charset=utf-8" {
			t.Errorf("GET %s: Content-Type %q", ref, got)
		}
		if got := w.Header().Get("Cache-Control"); got != immutableCache {
			t.Errorf("GET %s: Cache-Control %q, want %q", ref, got, immutableCache)
		}
		for _, m := range staticImport.FindAllStringSubmatch(w.Body.String(), -1) {
			spec := m[1] + m[2]
			if !strings.HasPrefix(spec, "./") && !strings.HasPrefix(spec, "../") {
				t.Errorf("%s imports %q: not a relative URL", name, spec)
				continue
			}
			file, v, ok := strings.Cut(spec, "?v=")
			if !ok {
				t.Errorf("%s imports %q without a version", name, spec)
				continue
			}
			if release == "" {
				release = v
			} else if v != release {
				t.Errorf("%s imports %q: version %s, others %s", name, spec, v, release)
			}
			queue = append(queue, path.Join(path.Dir(name), file)+"?v="+v)
		}
	}
	want := 0
	_ = fs.WalkDir(Assets(), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && path.Ext(p) == ".js" && !strings.HasPrefix(p, "vendor/") {
			want++
			if !seen["/explore/assets/"+p] {
				t.Errorf("%s is not imported by any module the page loads", p)
			}
		}
		return err
	})
	if want < 10 || len(seen) != want {
		t.Errorf("reached %d modules of %d", len(seen), want)
	}
}

// TestScriptsReachNoOtherOrigin checks the scripts and styles of our own
// (the entry module and every module under js/) for URLs of other
// origins (the SVG namespace is a name, not a request).
func TestScriptsReachNoOtherOrigin(t *testing.T) {
	url := regexp.MustCompile(`(?i)(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}[^\s'"` + "`" + `)]*`)
	var names []string
	err := fs.WalkDir(Assets(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(p, "vendor/") {
			return err
		}
		if strings.HasSuffix(p, ".js") || strings.HasSuffix(p, ".css") {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(names) < 3 {
		t.Fatalf("found only %v of our own scripts and styles", names)
	}
	for _, name := range names {
		b, err := fs.ReadFile(Assets(), name)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range url.FindAllString(string(b), -1) {
			if strings.HasPrefix(u, "http://www.w3.org/") {
				continue
			}
			t.Errorf("%s mentions %s", name, u)
		}
	}
}

func TestAssetCaching(t *testing.T) {
	h := Handler()
	w := get(t, h, "/explore/assets/app.js")
	if w.Code != http.StatusOK {
		t.Fatalf("status %d", w.Code)
	}
	if got := w.Header().Get("Cache-Control"); got != "public, max-age=300" {
		t.Errorf("unhashed URL: Cache-Control %q, want a short max-age", got)
	}
	if w := get(t, h, "/explore/assets/app.js?v=stale"); w.Header().Get("Cache-Control") != "public, max-age=300" {
		t.Errorf("stale hash: Cache-Control %q, want a short max-age", w.Header().Get("Cache-Control"))
	}
	etag := w.Header().Get("ETag")
	if w := get(t, h, "/explore/assets/app.js", "If-None-Match", etag); w.Code != http.StatusNotModified {
		t.Errorf("If-None-Match: status %d, want 304", w.Code)
	}
	if got := w.Header().Get("Content-Security-Policy"); got != CSP {
		t.Errorf("asset CSP %q", got)
	}
}

func TestGzip(t *testing.T) {
	h := Handler()
	want, err := fs.ReadFile(Assets(), "vendor/cytoscape.min.js")
	if err != nil {
		t.Fatal(err)
	}
	w := get(t, h, "/explore/assets/vendor/cytoscape.min.js", "Accept-Encoding", "gzip, br")
	if w.Header().Get("Content-Encoding") != "gzip" {
		t.Fatalf("Content-Encoding %q, want gzip", w.Header().Get("Content-Encoding"))
	}
	if !strings.Contains(w.Header().Get("Vary"), "Accept-Encoding") {
		t.Errorf("Vary %q", w.Header().Get("Vary"))
	}
	if compressed := w.Body.Len(); compressed > len(want)/2 {
		t.Errorf("gzip body %d bytes for %d: hardly compressed", compressed, len(want))
	}
	zr, err := gzip.NewReader(w.Body)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("gunzipped body differs from the file")
	}
	if w := get(t, h, "/explore/assets/vendor/cytoscape.min.js", "Accept-Encoding", "gzip;q=0"); w.Header().Get("Content-Encoding") != "" {
		t.Error("gzip;q=0 still got gzip")
	}
}

func TestNotFoundAndMethods(t *testing.T) {
	h := Handler()
	for _, target := range []string{
		"/explore/assets/nope.js",
		"/explore/assets/",
		"/explore/assets/vendor/",
		"/explore/assets/../index.html",
		"/explore/other",
		"/exploreX",
	} {
		if w := get(t, h, target); w.Code != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", target, w.Code)
		}
	}
	req := httptest.NewRequest(http.MethodPost, "/explore", strings.NewReader("x"))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	if w.Code != http.StatusMethodNotAllowed || w.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("POST /explore: status %d, Allow %q", w.Code, w.Header().Get("Allow"))
	}
	req = httptest.NewRequest(http.MethodHead, "/explore/assets/app.css", nil)
	w = httptest.NewRecorder()
	h.ServeHTTP(w, req)
	if w.Code != http.StatusOK || w.Body.Len() != 0 {
		t.Errorf("HEAD: status %d, %d body bytes", w.Code, w.Body.Len())
	}
}

// TestVendoredFiles checks the committed third-party files against the
// sha256 that scripts/vendor-explorer.sh recorded.
func TestVendoredFiles(t *testing.T) {
	f, err := Assets().Open("vendor/VERSIONS")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) != 3 {
			t.Errorf("VERSIONS: bad line %q", line)
			continue
		}
		b, err := fs.ReadFile(Assets(), "vendor/"+fields[0])
		if err != nil {
			t.Errorf("%s: %v", fields[0], err)
			continue
		}
		sum := sha256.Sum256(b)
		if got := hex.EncodeToString(sum[:]); got != fields[2] {
			t.Errorf("%s: sha256 %s, VERSIONS says %s (%s)", fields[0], got, fields[2], fields[1])
		}
		n++
	}
	if n == 0 {
		t.Error("VERSIONS lists no file")
	}
	if !strings.Contains(mustRead(t, "vendor/VERSIONS"), "cytoscape@3.34.") {
		t.Error("cytoscape is not pinned to 3.34.x")
	}
}

func mustRead(t *testing.T, name string) string {
	t.Helper()
	b, err := fs.ReadFile(Assets(), name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
