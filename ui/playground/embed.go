// Package web holds the files of the GraphiQL playground. They are
// embedded in the binary, third-party ones included (see
// scripts/vendor-web.sh and static/VERSIONS), so that the playground works
// offline, loads nothing from a CDN, and runs under a Content-Security-Policy
// that allows only the server's own origin.
package web

import (
	"embed"
	"errors"
	"io/fs"
	"strings"
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

// Examples returns the example operations the playground opens with, as
// written in static/playground.js (an array of quoted lines per tab).
// Tests run them against the shipped review and count what they cost, so
// a broken or expensive example is caught before a new user meets it.
func Examples() ([]string, error) {
	b, err := files.ReadFile("static/playground.js")
	if err != nil {
		return nil, err
	}
	var out []string
	for _, block := range strings.Split(string(b), "query: [")[1:] {
		end := strings.Index(block, "].join(")
		if end < 0 {
			return nil, errors.New("web: an example in playground.js is not terminated")
		}
		var lines []string
		for line := range strings.Lines(block[:end]) {
			line = strings.TrimSpace(line)
			if !strings.HasPrefix(line, "'") {
				continue
			}
			line = strings.TrimSuffix(strings.TrimSuffix(line, ","), "'")[1:]
			lines = append(lines, strings.ReplaceAll(line, `\'`, `'`))
		}
		out = append(out, strings.Join(lines, "\n"))
	}
	return out, nil
}
