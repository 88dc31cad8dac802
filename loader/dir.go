package loader

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
	yaml "go.yaml.in/yaml/v3"
)

// Seed file names inside a seeds directory.
const (
	LexiconFile  = "lexicon.yaml"
	ClaimsSuffix = ".claims.yaml"
	ReviewSuffix = ".txt"
)

// Built is one review's document and its build report.
type Built struct {
	Document *graph.Document
	Report   *Report
}

// LoadDir reads a seeds directory: every review (*.txt), the shared
// lexicon (lexicon.yaml, optional) and each review's claims
// (*.claims.yaml, optional). Every file is checked before anything is
// returned, so a caller either gets all documents or an error naming the
// file and line of the first problem.
func LoadDir(dir string) ([]Built, error) {
	// os.DirFS reports a missing root as "open .": name the directory.
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("seeds directory %s does not exist", dir)
	case err != nil:
		return nil, fmt.Errorf("seeds directory %s: %w", dir, err)
	case !st.IsDir():
		return nil, fmt.Errorf("seeds directory %s is a file, not a directory", dir)
	}
	return LoadFS(os.DirFS(dir), dir)
}

// LoadFS is LoadDir over any file system (the seeds embedded in the
// binary, for one); label prefixes file names in messages.
func LoadFS(fsys fs.FS, label string) ([]Built, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("reading seeds %s: %w", label, err)
	}
	read := func(name string, max int64) ([]byte, error) { return readFile(fsys, label, name, max) }
	var lex *Lexicon
	if _, err := fs.Stat(fsys, LexiconFile); err == nil {
		data, err := read(LexiconFile, maxSeedYAML)
		if err != nil {
			return nil, err
		}
		if lex, err = parseLexicon(path.Join(label, LexiconFile), data); err != nil {
			return nil, err
		}
	}
	var reviews []string
	type claimsFile struct {
		name   string
		data   []byte
		review string
	}
	var claimFiles []claimsFile
	ownLex := map[string]string{} // review lexicon file -> review file it belongs to
	for _, e := range entries {
		name := e.Name()
		switch {
		case e.IsDir():
		case strings.HasSuffix(name, ClaimsSuffix):
			data, err := read(name, maxSeedYAML)
			if err != nil {
				return nil, err
			}
			// The review the claims are about picks the lexicon they are
			// checked against; parseClaims reports a missing review: below.
			var head struct {
				Review string `yaml:"review"`
			}
			_ = yaml.Unmarshal(data, &head)
			claimFiles = append(claimFiles, claimsFile{name, data, head.Review})
		case strings.HasSuffix(name, ReviewLexiconSuffix):
			ownLex[name] = ""
		case strings.HasSuffix(name, ReviewSuffix), strings.HasSuffix(name, JATSSuffix):
			reviews = append(reviews, name)
		}
	}
	sort.Strings(reviews)
	lexFor := map[string]*Lexicon{}
	ownDefs, ownSrc := map[string]*Entity{}, map[string]string{}
	for _, r := range reviews {
		lexFor[r] = lex
		own := reviewLexiconName(r)
		if _, ok := ownLex[own]; !ok {
			continue
		}
		ownLex[own] = r
		data, err := read(own, maxSeedYAML)
		if err != nil {
			return nil, err
		}
		ol, err := parseLexiconOver(path.Join(label, own), data, lex)
		if err != nil {
			return nil, err
		}
		// Two reviews' own lexicons may share an entity the shared one
		// lacks, but it is one node: they must describe it alike.
		for _, e := range ol.Entities {
			if lex.Entity(e.ID) != nil {
				continue
			}
			if prev, ok := ownDefs[e.ID]; ok && (prev.Category != e.Category || prev.Name != e.Name || prev.Kind != e.Kind) {
				return nil, &SourceError{File: ol.Source, Line: e.Line, Msg: fmt.Sprintf("entity %s differs from its entry in %s (line %d): one id is one node; define it once in %s",
					e.ID, ownSrc[e.ID], prev.Line, LexiconFile)}
			}
			ownDefs[e.ID], ownSrc[e.ID] = e, ol.Source
		}
		if lexFor[r], err = extendLexicon(lex, ol); err != nil {
			return nil, err
		}
	}
	for name, r := range ownLex {
		if r == "" {
			return nil, &SourceError{File: path.Join(label, name), Line: 1, Msg: fmt.Sprintf("a review's own lexicon, but %s has no review %s*%s beside it",
				label, strings.TrimSuffix(name, ReviewLexiconSuffix), ReviewSuffix)}
		}
	}
	claimsFor := map[string]*Claims{}
	for _, cf := range claimFiles {
		l := lex
		if own, ok := lexFor[cf.review]; ok {
			l = own
		}
		if l == nil {
			return nil, &SourceError{File: path.Join(label, cf.name), Line: 1, Msg: "claims need a lexicon: " + LexiconFile + " is missing"}
		}
		c, err := parseClaims(path.Join(label, cf.name), cf.data, l)
		if err != nil {
			return nil, err
		}
		if prev := claimsFor[c.Review]; prev != nil {
			return nil, &SourceError{File: c.Source, Line: 1, Msg: fmt.Sprintf("review %s already has claims in %s", c.Review, prev.Source)}
		}
		claimsFor[c.Review] = c
	}
	for r, c := range claimsFor {
		if _, err := fs.Stat(fsys, r); err != nil {
			return nil, &SourceError{File: c.Source, Line: 1, Msg: fmt.Sprintf("review %s is not in %s", r, label)}
		}
	}
	if len(reviews) == 0 {
		return nil, fmt.Errorf("%s: no reviews (*%s, or JATS *%s) found", label, ReviewSuffix, JATSSuffix)
	}
	var out []Built
	ids := map[string]string{}
	for _, name := range reviews {
		data, err := read(name, MaxReviewBytes)
		if err != nil {
			return nil, err
		}
		rev, err := ParseAny(path.Join(label, name), data)
		if err != nil {
			return nil, err
		}
		doc, rep, err := Build(rev, lexFor[name], claimsFor[name])
		if err != nil {
			return nil, err
		}
		if prev, ok := ids[doc.ID]; ok {
			return nil, &SourceError{File: rev.Source, Line: 1, Msg: fmt.Sprintf("review has the same id %s as %s", doc.ID, prev)}
		}
		ids[doc.ID] = rev.Source
		out = append(out, Built{Document: doc, Report: rep})
	}
	mergeReviews(out)
	return out, nil
}

// Documents returns just the documents of a LoadDir result.
func Documents(bs []Built) []*graph.Document {
	out := make([]*graph.Document, len(bs))
	for i, b := range bs {
		out[i] = b.Document
	}
	return out
}

const maxSeedYAML = 8 << 20

// readFile reads one seed file, refusing an oversized one before reading
// it and checking that it is UTF-8 text.
func readFile(fsys fs.FS, label, name string, max int64) ([]byte, error) {
	where := path.Join(label, name)
	fi, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", where, err)
	}
	if fi.Size() > max {
		return nil, &SourceError{File: where, Line: 1, Msg: fmt.Sprintf("file is %.1f MB, over the %d MB limit", float64(fi.Size())/1e6, max>>20)}
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", where, err)
	}
	return data, nil
}
