package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/loader/curation"

	"github.com/kapgraph/kapgraph/loader"
)

// draft writes curation drafts for the reviews of a directory that have
// none, or (--accept) moves reviewed drafts into place.
func draft(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("draft", stderr)
	accept := fs.Bool("accept", false, "move the drafts of DIR into place instead of writing new ones")
	force := fs.Bool("force", false, "overwrite existing drafts")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return usageError{"draft needs one directory"}
	}
	dir := fs.Arg(0)
	if *accept {
		changed, err := loader.AcceptDrafts(dir)
		if err != nil {
			return err
		}
		for _, f := range changed {
			fmt.Fprintf(stdout, "wrote %s\n", f)
		}
		fmt.Fprintf(stdout, "now: kapgraph validate %s\n", dir)
		return nil
	}
	res, err := loader.DraftDir(dir, *force)
	if err != nil {
		return err
	}
	if len(res) == 0 {
		fmt.Fprintf(stdout, "every review of %s has a claims file: nothing to draft\n", dir)
	}
	for _, r := range res {
		fmt.Fprintf(stdout, "wrote %s (%d claims)\n", r.ClaimsFile, r.Claims)
		if r.LexiconFile != "" {
			fmt.Fprintf(stdout, "wrote %s (%d entities)\n", r.LexiconFile, r.Entities)
		}
	}
	return nil
}

// schemaCmd prints the JSON Schema of a curation file.
func schemaCmd(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("schema", stderr)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 || !slices.Contains(curation.SchemaNames, fs.Arg(0)) {
		fs.Usage()
		return usageError{fmt.Sprintf("schema needs one of: %s", strings.Join(curation.SchemaNames, ", "))}
	}
	data, err := curation.Schema(fs.Arg(0))
	if err != nil {
		return err
	}
	_, err = stdout.Write(data)
	return err
}
