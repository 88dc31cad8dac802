package assets_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kapgraph/kapgraph/internal/assets"
)

func TestServe(t *testing.T) {
	big := strings.Repeat("console.log('kapgraph');\n", 200)
	set := assets.MustSet(fstest.MapFS{
		"app.js":          {Data: []byte(big)},
		"vendor/VERSIONS": {Data: []byte("cytoscape 3.34.4\n")},
		"tiny.css":        {Data: []byte("a{}")},
		"logo.png":        {Data: []byte{0x89, 'P', 'N', 'G'}},
	})
	tests := []struct {
		name, path, acceptEncoding string
		found                      bool
		ctype, encoding            string
	}{
		{name: "script, gzip taken", path: "/app.js", acceptEncoding: "br, gzip", found: true, ctype: "text/javascript; charset=utf-8", encoding: "gzip"},
		{name: "script, gzip refused by q=0", path: "app.js", acceptEncoding: "gzip;q=0", found: true, ctype: "text/javascript; charset=utf-8"},
		{name: "path cleaned", path: "/vendor/../app.js", found: true, ctype: "text/javascript; charset=utf-8"},
		{name: "extension-less note is text", path: "vendor/VERSIONS", found: true, ctype: "text/plain; charset=utf-8"},
		{name: "gzip only when smaller", path: "tiny.css", acceptEncoding: "gzip", found: true, ctype: "text/css; charset=utf-8"},
		{name: "images are not compressed", path: "logo.png", acceptEncoding: "gzip", found: true, ctype: "image/png"},
		{name: "directories are not listed", path: "vendor/", found: false},
		{name: "unknown file", path: "nope.js", found: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, ok := set.Lookup(tt.path)
			if ok != tt.found {
				t.Fatalf("Lookup(%q) found %v, want %v", tt.path, ok, tt.found)
			}
			if !ok {
				return
			}
			r := httptest.NewRequest(http.MethodGet, "/x", nil)
			if tt.acceptEncoding != "" {
				r.Header.Set("Accept-Encoding", tt.acceptEncoding)
			}
			w := httptest.NewRecorder()
			assets.Serve(w, r, f, "no-cache")
			if got := w.Header().Get("Content-Type"); got != tt.ctype {
				t.Errorf("Content-Type %q, want %q", got, tt.ctype)
			}
			if got := w.Header().Get("Content-Encoding"); got != tt.encoding {
				t.Errorf("Content-Encoding %q, want %q", got, tt.encoding)
			}
			body := w.Body.Bytes()
			if tt.encoding == "gzip" {
				zr, err := gzip.NewReader(bytes.NewReader(body))
				if err != nil {
					t.Fatal(err)
				}
				if body, err = io.ReadAll(zr); err != nil {
					t.Fatal(err)
				}
				if !strings.HasSuffix(w.Header().Get("ETag"), `-gz"`) {
					t.Errorf("a gzipped body needs its own ETag, got %s", w.Header().Get("ETag"))
				}
			}
			if !bytes.Equal(body, f.Data) {
				t.Errorf("body differs from the file")
			}

			// Revalidation with the ETag just served.
			r2 := r.Clone(r.Context())
			r2.Header.Set("If-None-Match", w.Header().Get("ETag"))
			w2 := httptest.NewRecorder()
			assets.Serve(w2, r2, f, "no-cache")
			if w2.Code != http.StatusNotModified {
				t.Errorf("If-None-Match with the ETag: status %d, want 304", w2.Code)
			}
		})
	}
}
