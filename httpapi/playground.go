package httpapi

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/kapgraph/kapgraph/web"
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
	page := web.Playground()
	etag := `"` + hashHex(page) + `"`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", playgroundCSP)
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Cache-Control", "no-cache")
		h.Set("ETag", etag)
		http.ServeContent(w, r, "index.html", time.Time{}, bytes.NewReader(page))
	})
}

// staticFile is one embedded asset with what serving it needs, computed
// once.
type staticFile struct {
	name   string
	data   []byte
	etag   string
	gzOnce sync.Once
	gz     []byte
}

// gzipped compresses the file on first use: GraphiQL's bundle shrinks
// from 3.5 MB to well under 1 MB, and doing it lazily keeps server
// start-up (and every test that builds a server) fast.
func (f *staticFile) gzipped() []byte {
	f.gzOnce.Do(func() {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
		_, _ = zw.Write(f.data)
		if zw.Close() == nil {
			f.gz = buf.Bytes()
		}
	})
	return f.gz
}

// handleStatic serves the embedded playground assets. Unlike
// http.FileServer it lists no directories, sets ETags (embedded files have
// no modification time to validate against) and serves gzip when the
// client takes it.
func handleStatic() http.Handler {
	files := map[string]*staticFile{}
	static := web.Static()
	_ = fs.WalkDir(static, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(static, p)
		if err != nil {
			return err
		}
		files[p] = &staticFile{name: p, data: data, etag: `"` + hashHex(data) + `"`}
		return nil
	})
	notFound := handleNotFound()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f, ok := files[strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")]
		if !ok {
			notFound.ServeHTTP(w, r)
			return
		}
		h := w.Header()
		ctype := mime.TypeByExtension(path.Ext(f.name))
		if ctype == "" || f.name == "VERSIONS" || strings.HasSuffix(f.name, ".LICENSE") {
			ctype = "text/plain; charset=utf-8"
		}
		h.Set("Content-Type", ctype)
		h.Set("Cache-Control", "public, max-age=3600")
		h.Add("Vary", "Accept-Encoding")
		data, etag := f.data, f.etag
		if compressible(ctype) && acceptsGzip(r) {
			if gz := f.gzipped(); gz != nil {
				data, etag = gz, strings.TrimSuffix(f.etag, `"`)+`-gz"`
				h.Set("Content-Encoding", "gzip")
			}
		}
		h.Set("ETag", etag)
		http.ServeContent(w, r, f.name, time.Time{}, bytes.NewReader(data))
	})
}

func compressible(ctype string) bool {
	return strings.HasPrefix(ctype, "text/") ||
		strings.Contains(ctype, "javascript") ||
		strings.Contains(ctype, "svg")
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
