// Package web holds the files of the GraphiQL playground. They are
// embedded in the binary, third-party ones included (see
// scripts/vendor-web.sh and static/VERSIONS), so that the playground works
// offline, loads nothing from a CDN, and runs under a Content-Security-Policy
// that allows only the server's own origin.
package web

import (
	"embed"
	"io/fs"
)

//go:embed playground.html static
var files embed.FS

// Static returns the files served under /static/, rooted at static/.
func Static() fs.FS {
	sub, err := fs.Sub(files, "static")
	if err != nil {
		// fs.Sub fails only on an invalid path, and "static" is a
		// constant that go:embed has already checked.
		panic(err)
	}
	return sub
}

// Playground returns the HTML of the playground page. It has no inline
// script or style, so it needs no 'unsafe-inline' in the CSP: everything it
// runs comes from Static.
func Playground() []byte {
	b, err := files.ReadFile("playground.html")
	if err != nil {
		panic(err) // embedded at build time; cannot be missing
	}
	return b
}
