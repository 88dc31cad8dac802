// Package schema holds kapgraph's GraphQL SDL, the contract: gqlgen
// generates the executor from these files (gqlgen.yml), and the server
// publishes them as they are at GET /schema.graphql, so that client code
// generators read the very text, descriptions included, that the
// executor was built from.
package schema

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"slices"
)

//go:embed *.graphqls
var files embed.FS

// SDL is the whole schema as one document: every file, in name order,
// each under a comment naming it.
func SDL() ([]byte, error) {
	names, err := fs.Glob(files, "*.graphqls")
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	var b bytes.Buffer
	b.WriteString("# kapgraph GraphQL schema (SDL). Served at /schema.graphql; the source is schema/*.graphqls.\n")
	for _, n := range names {
		data, err := files.ReadFile(n)
		if err != nil {
			return nil, fmt.Errorf("schema %s: %w", n, err)
		}
		fmt.Fprintf(&b, "\n# ---- %s\n\n", n)
		b.Write(bytes.TrimRight(data, "\n"))
		b.WriteByte('\n')
	}
	return b.Bytes(), nil
}
