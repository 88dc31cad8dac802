// Package assets serves files embedded in the binary (the GraphiQL
// playground, the explorer) the way a careful static server would, once
// for both: a content type fixed per extension, a strong ETag from the
// content (embedded files have no modification time to validate against),
// gzip when the client takes it and it pays, no directory listings, and
// nothing read from disk at run time.
package assets

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

// File is one embedded file with what serving it needs, computed once.
type File struct {
	Name  string
	CType string
	Data  []byte
	// Hash is the hex of the first 16 bytes of the content's SHA-256: the
	// ETag, and the fingerprint pages put in asset URLs (?v=).
	Hash string

	gzOnce sync.Once
	gz     []byte
}

// NewFile makes a File; ctype "" takes the type of name's extension.
func NewFile(name string, data []byte, ctype string) *File {
	if ctype == "" {
		ctype = ContentType(name)
	}
	sum := sha256.Sum256(data)
	return &File{Name: name, CType: ctype, Data: data, Hash: hex.EncodeToString(sum[:16])}
}

// gzipped compresses the file on first use (GraphiQL's bundle shrinks
// from 3.5 MB to under 1 MB; doing it lazily keeps start-up, and every
// test that builds a server, fast), or returns nil when that would not
// make it smaller.
func (f *File) gzipped() []byte {
	f.gzOnce.Do(func() {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
		_, _ = zw.Write(f.Data)
		if zw.Close() == nil && buf.Len() < len(f.Data) {
			f.gz = buf.Bytes()
		}
	})
	return f.gz
}

// Set is the files of one embedded tree, by slash-separated path.
type Set struct {
	files map[string]*File
}

// NewSet reads every file of fsys. It fails only if fsys cannot be read,
// which for an embed.FS is a build problem.
func NewSet(fsys fs.FS) (*Set, error) {
	s := &Set{files: map[string]*File{}}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		s.files[p] = NewFile(p, data, "")
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("assets: reading the embedded files: %w", err)
	}
	return s, nil
}

// MustSet is NewSet for embedded trees, whose reading cannot fail at run
// time once the binary is built.
func MustSet(fsys fs.FS) *Set {
	s, err := NewSet(fsys)
	if err != nil {
		panic(err)
	}
	return s
}

// Lookup finds a file by its URL path below the set's root; "a/../b" and
// a leading slash are cleaned, a trailing slash never names a file.
func (s *Set) Lookup(urlPath string) (*File, bool) {
	if strings.HasSuffix(urlPath, "/") {
		return nil, false
	}
	f, ok := s.files[strings.TrimPrefix(path.Clean("/"+urlPath), "/")]
	return f, ok
}

// Names lists the files (for tests and pages that reference them).
func (s *Set) Names() []string {
	out := make([]string, 0, len(s.files))
	for n := range s.files {
		out = append(out, n)
	}
	return out
}

// Serve writes f with its Content-Type, the given Cache-Control and its
// ETag, gzipped when the client accepts it and the type compresses;
// Range, HEAD and If-None-Match are http.ServeContent's.
func Serve(w http.ResponseWriter, r *http.Request, f *File, cacheControl string) {
	h := w.Header()
	h.Set("Content-Type", f.CType)
	if cacheControl != "" {
		h.Set("Cache-Control", cacheControl)
	}
	data, etag := f.Data, `"`+f.Hash+`"`
	if compressible(f.CType) {
		h.Add("Vary", "Accept-Encoding")
		if acceptsGzip(r) {
			if z := f.gzipped(); z != nil {
				data, etag = z, `"`+f.Hash+`-gz"`
				h.Set("Content-Encoding", "gzip")
			}
		}
	}
	h.Set("ETag", etag)
	// A zero modification time: validation goes by ETag alone.
	http.ServeContent(w, r, f.Name, time.Time{}, bytes.NewReader(data))
}

// ContentType is the type a file is served with: fixed for the kinds the
// project embeds (so that a machine's mime.types cannot change them), and
// text/plain for licences and other extension-less notes.
func ContentType(name string) string {
	base := path.Base(name)
	switch ext := path.Ext(base); {
	case ext == ".js" || ext == ".mjs":
		return "text/javascript; charset=utf-8"
	case ext == ".css":
		return "text/css; charset=utf-8"
	case ext == ".html":
		return "text/html; charset=utf-8"
	case ext == ".json" || ext == ".map":
		return "application/json"
	case ext == ".svg":
		return "image/svg+xml"
	case ext == ".png":
		return "image/png"
	case ext == ".woff2":
		return "font/woff2"
	case ext == ".txt" || ext == ".md" || ext == ".LICENSE" || ext == "" || strings.EqualFold(base, "VERSIONS"):
		return "text/plain; charset=utf-8"
	default:
		if t := mime.TypeByExtension(ext); t != "" {
			return t
		}
	}
	return "application/octet-stream"
}

func compressible(ctype string) bool {
	return strings.HasPrefix(ctype, "text/") ||
		strings.Contains(ctype, "javascript") ||
		strings.Contains(ctype, "json") ||
		strings.Contains(ctype, "svg")
}

// acceptsGzip reads Accept-Encoding: gzip listed and not refused with q=0.
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

// Put adds or replaces a file (a page or module rewritten at start-up).
func (s *Set) Put(f *File) { s.files[f.Name] = f }
