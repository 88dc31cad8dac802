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
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: kapgraph draft [--force] DIR
       kapgraph draft --accept DIR

For each review (*.txt) of DIR with no claims file, write
  <review>.claims.draft.yaml   the extraction rules' claim candidates, with their
                               quotes and line numbers, ready to keep, edit or reject
  <review>.lexicon.draft.yaml  the entities the rules proposed that lexicon.yaml lacks
The loader reads neither, so DIR keeps loading meanwhile. After review,
--accept renames each claims draft to <review>.claims.yaml and appends the
lexicon drafts to lexicon.yaml; then run kapgraph validate DIR. The formats:
docs/curation.md, kapgraph schema lexicon|claims.

Flags:
`)
		fs.PrintDefaults()
	}
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
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: kapgraph schema %s\n\nPrint the JSON Schema of lexicon.yaml or of a *.claims.yaml file (draft 2020-12),\nfor editors that validate YAML. docs/curation.md describes every field.\n", strings.Join(curation.SchemaNames, "|"))
	}
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
