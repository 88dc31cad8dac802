package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// command is one entry of the CLI: its name, its arguments and what it
// does. The top-level usage and every command's -h/--help are printed from
// this table and from the command's own flag set, so there is one help
// format, and the defaults shown are the flags' real ones (never a copy in
// a string that can drift). A new command or flag needs nothing here but
// its entry; flags appear by themselves.
type command struct {
	name    string
	args    string // after the flags: "DIR", "[DIR]", "lexicon|claims"
	summary string // one line, for the top-level list
	about   string // paragraphs for the command's own help
}

var commands = []command{
	{"serve", "", "serve GraphQL, TRAPI, the playground, the explorer and the exports over HTTP",
		"Serves the graph over HTTP until SIGINT or SIGTERM, then stops cleanly.\n" +
			"Without NEO4J_URI it reads the seeds into the embedded store; with\n" +
			"NEO4J_URI (and NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE) it answers\n" +
			"from Neo4j. On start it prints its pid, its address and every page it serves."},
	{"load", "", "write the seeds into the configured store (Neo4j when NEO4J_URI is set)",
		"Builds the seeds and writes them into the store: Neo4j when NEO4J_URI is set,\n" +
			"else the embedded store of this process (a dry run)."},
	{"ingest", "DIR", "load a folder of articles, incrementally, resumably, on all cores",
		"Loads every article of DIR (*.txt, JATS *.xml, in any sub-folder) into the\n" +
			"store (Neo4j with NEO4J_URI, else the embedded one as a dry run), one\n" +
			"document per article, read over the seeds' lexicon (and DIR/lexicon.yaml).\n" +
			"Run it again after editing the folder: unchanged files are skipped, changed\n" +
			"ones replaced, removed ones deleted. Killed, it resumes where it stopped. A\n" +
			"file that cannot be read is named and skipped.\n\n" +
			"With --bulk, a first load into an empty Neo4j goes through Neo4j's importer\n" +
			"(neo4j-admin database import full) instead of transactions: the same graph,\n" +
			"written as CSV, imported while the database is stopped (--import-cmd, by\n" +
			"default scripts/neo4j.sh import), then indexed. A database that is not empty\n" +
			"is refused; a failed import leaves it as it was. Later ingests are incremental."},
	{"validate", "[DIR]", "check a seeds directory and print what it holds",
		"Checks the reviews, lexicon.yaml and *.claims.yaml of DIR and prints counts,\n" +
			"references with their designs, and citation concerns, then every problem in\n" +
			"every file, grouped by file, each naming the file and line; it exits 1 when\n" +
			"there is any.\n\n" +
			"DIR is a seeds directory: review texts (*.txt or JATS *.xml), lexicon.yaml and\n" +
			"*.claims.yaml. Without DIR: ./seeds when it exists, else the seeds built into\n" +
			"the binary. DIR may also be one review file, read with the curation files\n" +
			"beside it (<name>.claims.yaml, lexicon.yaml)."},
	{"draft", "DIR", "write curation drafts for the reviews of DIR, or accept them",
		"For each review (*.txt) of DIR with no claims file, writes\n" +
			"  <review>.claims.draft.yaml   the extraction rules' claim candidates, with their\n" +
			"                               quotes and line numbers, ready to keep, edit or reject\n" +
			"  <review>.lexicon.draft.yaml  the entities the rules proposed that lexicon.yaml lacks\n" +
			"The loader reads neither, so DIR keeps loading meanwhile. After review,\n" +
			"--accept renames each claims draft to <review>.claims.yaml and appends the\n" +
			"lexicon drafts to lexicon.yaml; then run kapgraph validate DIR. The formats:\n" +
			"docs/curation.md, kapgraph schema lexicon|claims."},
	{"schema", "lexicon|claims", "print the JSON Schema of lexicon.yaml or of a claims file",
		"Prints the JSON Schema of lexicon.yaml or of a *.claims.yaml file (draft 2020-12),\n" +
			"for editors that validate YAML. docs/curation.md describes every field."},
	{"export", "", "write the whole graph as KGX, GraphML or kapgraph JSON",
		"Writes the whole graph in a standard format into --out DIR, or to standard\n" +
			"output with --out -. Without NEO4J_URI it exports the seeds as the embedded\n" +
			"store serves them; with it, the database as it is."},
	{"version", "", "print the version", ""},
}

func lookupCommand(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// topUsage is what `kapgraph`, `kapgraph help` and a mistake in the
// command name print.
func topUsage(w io.Writer) {
	fmt.Fprint(w, "kapgraph: a knowledge graph of ketamine-assisted psychotherapy for addiction, over GraphQL.\n\n")
	fmt.Fprint(w, "Usage: kapgraph COMMAND [flags] [arguments]\n\nCommands:\n")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\nRun kapgraph COMMAND --help for a command's flags and their defaults.\n"+
		"The seeds are built into the binary; --seeds DIR reads a directory instead.\n")
}

// newFlags makes a command's flag set, with the usage every command
// shares: the synopsis, what it does, then its flags as the flag package
// prints them, with their defaults.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("kapgraph "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	c, _ := lookupCommand(name)
	fs.Usage = func() { commandUsage(fs, c) }
	return fs
}

func commandUsage(fs *flag.FlagSet, c command) {
	w := fs.Output()
	synopsis := "kapgraph " + c.name
	hasFlags := false
	fs.VisitAll(func(*flag.Flag) { hasFlags = true })
	if hasFlags {
		synopsis += " [flags]"
	}
	if c.args != "" {
		synopsis += " " + c.args
	}
	fmt.Fprintf(w, "Usage: %s\n\n", synopsis)
	about := c.about
	if about == "" {
		about = strings.ToUpper(c.summary[:1]) + c.summary[1:] + "."
	}
	fmt.Fprintf(w, "%s\n", about)
	if hasFlags {
		fmt.Fprint(w, "\nFlags:\n")
		fs.PrintDefaults()
	}
}

// plural writes n with the noun, in the plural unless n is 1:
// "1 document", "3 documents".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
