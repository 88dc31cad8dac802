package loader

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"

	"github.com/kapgraph/kapgraph/loader/build"
	"github.com/kapgraph/kapgraph/loader/curation"
	"github.com/kapgraph/kapgraph/loader/review"

	"github.com/kapgraph/kapgraph/graph"
	yaml "go.yaml.in/yaml/v3"
)

// Seed file names inside a seeds directory.
const (
	LexiconFile  = "lexicon.yaml"
	ClaimsSuffix = ".claims.yaml"
	ReviewSuffix = ".txt"
)

// LoadDir reads a seeds directory: every review (*.txt), the shared
// lexicon (lexicon.yaml, optional) and each review's claims
// (*.claims.yaml, optional). Every file is checked before anything is
// returned, so a caller either gets all documents or an error naming the
// file and line of the first problem.
func LoadDir(dir string) ([]build.Built, error) {
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
func LoadFS(fsys fs.FS, label string) ([]build.Built, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("reading seeds %s: %w", label, err)
	}
	read := func(name string, max int64) ([]byte, error) { return review.ReadFile(fsys, label, name, max) }
	var lex *curation.Lexicon
	if _, err := fs.Stat(fsys, LexiconFile); err == nil {
		data, err := read(LexiconFile, curation.MaxSeedYAML)
		if err != nil {
			return nil, err
		}
		if lex, err = curation.ParseLexicon(path.Join(label, LexiconFile), data); err != nil {
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
			data, err := read(name, curation.MaxSeedYAML)
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
		case strings.HasSuffix(name, curation.ReviewLexiconSuffix):
			ownLex[name] = ""
		case strings.HasSuffix(name, ReviewSuffix), strings.HasSuffix(name, review.JATSSuffix):
			reviews = append(reviews, name)
		}
	}
	sort.Strings(reviews)
	lexFor := map[string]*curation.Lexicon{}
	ownDefs, ownSrc := map[string]*curation.Entity{}, map[string]string{}
	for _, r := range reviews {
		lexFor[r] = lex
		own := curation.ReviewLexiconName(r)
		if _, ok := ownLex[own]; !ok {
			continue
		}
		ownLex[own] = r
		data, err := read(own, curation.MaxSeedYAML)
		if err != nil {
			return nil, err
		}
		ol, err := curation.ParseLexiconOver(path.Join(label, own), data, lex)
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
				return nil, &review.SourceError{File: ol.Source, Line: e.Line, Msg: fmt.Sprintf("entity %s differs from its entry in %s (line %d): one id is one node; define it once in %s",
					e.ID, ownSrc[e.ID], prev.Line, LexiconFile)}
			}
			ownDefs[e.ID], ownSrc[e.ID] = e, ol.Source
		}
		if lexFor[r], err = curation.ExtendLexicon(lex, ol); err != nil {
			return nil, err
		}
	}
	for name, r := range ownLex {
		if r == "" {
			return nil, &review.SourceError{File: path.Join(label, name), Line: 1, Msg: fmt.Sprintf("a review's own lexicon, but %s has no review %s*%s beside it",
				label, strings.TrimSuffix(name, curation.ReviewLexiconSuffix), ReviewSuffix)}
		}
	}
	claimsFor := map[string]*curation.Claims{}
	for _, cf := range claimFiles {
		l := lex
		if own, ok := lexFor[cf.review]; ok {
			l = own
		}
		if l == nil {
			return nil, &review.SourceError{File: path.Join(label, cf.name), Line: 1, Msg: "claims need a lexicon: " + LexiconFile + " is missing"}
		}
		c, err := curation.ParseClaims(path.Join(label, cf.name), cf.data, l)
		if err != nil {
			return nil, err
		}
		if prev := claimsFor[c.Review]; prev != nil {
			return nil, &review.SourceError{File: c.Source, Line: 1, Msg: fmt.Sprintf("review %s already has claims in %s", c.Review, prev.Source)}
		}
		claimsFor[c.Review] = c
	}
	for r, c := range claimsFor {
		if _, err := fs.Stat(fsys, r); err != nil {
			return nil, &review.SourceError{File: c.Source, Line: 1, Msg: fmt.Sprintf("review %s is not in %s", r, label)}
		}
	}
	if len(reviews) == 0 {
		return nil, fmt.Errorf("%s: no reviews (*%s, or JATS *%s) found", label, ReviewSuffix, review.JATSSuffix)
	}
	var out []build.Built
	ids := map[string]string{}
	for _, name := range reviews {
		data, err := read(name, review.MaxReviewBytes)
		if err != nil {
			return nil, err
		}
		rev, err := review.ParseAny(path.Join(label, name), data)
		if err != nil {
			return nil, err
		}
		doc, rep, err := build.Build(rev, lexFor[name], claimsFor[name])
		if err != nil {
			return nil, err
		}
		if prev, ok := ids[doc.ID]; ok {
			return nil, &review.SourceError{File: rev.Source, Line: 1, Msg: fmt.Sprintf("review has the same id %s as %s", doc.ID, prev)}
		}
		ids[doc.ID] = rev.Source
		out = append(out, build.Built{Document: doc, Report: rep})
	}
	build.MergeReviews(out)
	return out, nil
}

// Documents returns just the documents of a LoadDir result.
func Documents(bs []build.Built) []*graph.Document {
	out := make([]*graph.Document, len(bs))
	for i, b := range bs {
		out[i] = b.Document
	}
	return out
}

// Built is what loading a seeds folder gives: one document per review,
// ready for graph.Store. It is build's type; the alias keeps the loader's
// entry points self-describing for callers that need nothing else.
type Built = build.Built
