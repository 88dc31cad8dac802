package loader

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
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

// Folder is one folder of reviews with their curation files: a directory
// on disk (DirFolder) or the seeds built into the binary.
type Folder struct {
	FS fs.FS
	// Label prefixes file names in messages (the directory as given).
	Label string
}

// DirFolder returns dir as a Folder. A missing directory is refused here
// with its name: os.DirFS would only say "open .". A review file stands
// for a folder of that one review, with its own curation files beside it
// (<stem>.claims.yaml, <stem>.lexicon.yaml) and the folder's lexicon.yaml:
// "kapgraph validate article.xml" is what a user tries first.
func DirFolder(dir string) (Folder, error) {
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Folder{}, fmt.Errorf("seeds directory %s does not exist", dir)
	case err != nil:
		return Folder{}, fmt.Errorf("seeds directory %s: %w", dir, err)
	case !st.IsDir():
		name := filepath.Base(dir)
		if !strings.HasSuffix(name, ReviewSuffix) && !strings.HasSuffix(name, review.JATSSuffix) {
			return Folder{}, fmt.Errorf("%s is a file, not a directory, and not a review (*%s, or JATS *%s)", dir, ReviewSuffix, review.JATSSuffix)
		}
		parent := filepath.Dir(dir)
		stem := strings.TrimSuffix(name, path.Ext(name))
		keep := map[string]bool{name: true, stem + ClaimsSuffix: true, stem + curation.ReviewLexiconSuffix: true, LexiconFile: true}
		return Folder{FS: onlyFS{FS: os.DirFS(parent), keep: keep}, Label: parent}, nil
	}
	return Folder{FS: os.DirFS(dir), Label: dir}, nil
}

// onlyFS is a directory of which only the named files are seen.
type onlyFS struct {
	fs.FS
	keep map[string]bool
}

func (o onlyFS) Open(name string) (fs.File, error) {
	if name != "." && !o.keep[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return o.FS.Open(name)
}

func (o onlyFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if name != "." {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	all, err := fs.ReadDir(o.FS, ".")
	var out []fs.DirEntry
	for _, e := range all {
		if !e.IsDir() && o.keep[e.Name()] {
			out = append(out, e)
		}
	}
	return out, err
}

// LoadDir reads a seeds directory: every review (*.txt, *.xml), the
// shared lexicon (lexicon.yaml, optional) and each review's claims
// (*.claims.yaml, optional). Every file is checked before anything is
// returned, so a caller either gets all documents or an error naming
// every problem by file and line.
func LoadDir(dir string) ([]build.Built, error) {
	f, err := DirFolder(dir)
	if err != nil {
		return nil, err
	}
	return loadStrict(f)
}

// LoadFS is LoadDir over any file system (the seeds embedded in the
// binary, for one); label prefixes file names in messages.
func LoadFS(fsys fs.FS, label string) ([]build.Built, error) {
	return loadStrict(Folder{FS: fsys, Label: label})
}

func loadStrict(f Folder) ([]build.Built, error) {
	l, err := LoadFolders([]Folder{f}, true)
	if err != nil {
		return nil, err
	}
	return l.Built, nil
}

// Loaded is what LoadFolders read.
type Loaded struct {
	// Built holds one document per review read, ready for graph.Store.
	Built []build.Built
	// Problems names every file that could not be read, at its line, in
	// the order of the folders and of the files in them.
	Problems []graph.LoadWarning
	// Skipped names the reviews left out because of a problem (their
	// own, or one in their lexicon or claims).
	Skipped []graph.LoadWarning
}

// Warnings are the problems and then the reviews skipped for them: what a
// server tells its users it left out.
func (l *Loaded) Warnings() []graph.LoadWarning {
	return append(append([]graph.LoadWarning(nil), l.Problems...), l.Skipped...)
}

// LoadFolders reads folders of reviews into one graph. The first folder
// is the base (the built-in seeds, or --seeds); each later one (--add)
// inherits the lexicons before it, so an entity they know keeps its
// grounded id in the new reviews, and may extend them with a
// lexicon.yaml of its own.
//
// Every file of every folder is checked. With strict, any problem refuses
// the whole load with a *ProblemsError listing them all; without, a review
// whose file (or lexicon, or claims) cannot be read is skipped and named
// in Problems and Skipped, and the rest load. Either way an error is
// returned when no review at all could be read.
func LoadFolders(folders []Folder, strict bool) (*Loaded, error) {
	l := &folderLoader{ids: map[string]string{}, ownDefs: map[string]*curation.Entity{}, ownSrc: map[string]string{}}
	var lex *curation.Lexicon
	for _, f := range folders {
		lex = l.folder(f, lex)
	}
	if len(l.problems) > 0 && (strict || len(l.out.Built) == 0) {
		return nil, &ProblemsError{Problems: l.out.Problems, errs: l.problems}
	}
	if len(l.out.Built) == 0 {
		return nil, errors.New("no reviews to load")
	}
	build.MergeReviews(l.out.Built)
	return &l.out, nil
}

// folderLoader gathers what LoadFolders reads across its folders.
type folderLoader struct {
	out      Loaded
	problems []error
	ids      map[string]string // document id -> the review file that has it
	// Two reviews' own lexicons may share an entity the shared ones
	// lack, but it is one node: they must describe it alike.
	ownDefs map[string]*curation.Entity
	ownSrc  map[string]string
}

// problem records err against file (the file it is about, when err does
// not name one itself); errors joined together are recorded one by one.
func (l *folderLoader) problem(file string, err error) {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			l.problem(file, e)
		}
		return
	}
	l.problems = append(l.problems, err)
	var se *review.SourceError
	if errors.As(err, &se) {
		l.out.Problems = append(l.out.Problems, graph.LoadWarning{File: se.File, Line: se.Line, Message: se.Msg})
		return
	}
	msg := strings.TrimPrefix(err.Error(), file+": ")
	l.out.Problems = append(l.out.Problems, graph.LoadWarning{File: file, Message: msg})
}

func (l *folderLoader) skip(file, why string) {
	l.out.Skipped = append(l.out.Skipped, graph.LoadWarning{File: file, Message: "not loaded: " + why})
}

// folder reads one folder over the lexicon inherited from the folders
// before it, and returns the lexicon the folders after it inherit.
func (l *folderLoader) folder(f Folder, inherited *curation.Lexicon) *curation.Lexicon {
	label := f.Label
	at := func(name string) string { return path.Join(label, name) }
	entries, err := fs.ReadDir(f.FS, ".")
	if err != nil {
		l.problem(label, fmt.Errorf("reading seeds %s: %w", label, err))
		return inherited
	}
	read := func(name string, max int64) ([]byte, error) { return review.ReadFile(f.FS, label, name, max) }
	lex, lexOK := inherited, true
	if _, err := fs.Stat(f.FS, LexiconFile); err == nil {
		data, err := read(LexiconFile, curation.MaxSeedYAML)
		var own *curation.Lexicon
		if err == nil {
			own, err = curation.ParseLexiconOver(at(LexiconFile), data, inherited)
		}
		if err == nil {
			lex, err = curation.ExtendLexicon(inherited, own)
		}
		if err != nil {
			l.problem(at(LexiconFile), err)
			lex, lexOK = inherited, false
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
				l.problem(at(name), err)
				continue
			}
			// The review the claims are about picks the lexicon they are
			// checked against; ParseClaims reports a missing review: below.
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
	if len(reviews) == 0 {
		l.problem(label, fmt.Errorf("%s: no reviews (*%s, or JATS *%s) found", label, ReviewSuffix, review.JATSSuffix))
	}
	bad := map[string]string{} // review -> why it is skipped
	if !lexOK {
		for _, r := range reviews {
			bad[r] = "its folder's " + LexiconFile + " has errors"
		}
	}
	lexFor := map[string]*curation.Lexicon{}
	for _, r := range reviews {
		lexFor[r] = lex
		own := curation.ReviewLexiconName(r)
		if _, ok := ownLex[own]; !ok {
			continue
		}
		ownLex[own] = r
		if err := l.ownLexicon(f, own, lex, lexFor, r); err != nil {
			l.problem(at(own), err)
			bad[r] = "its lexicon " + own + " has errors"
		}
	}
	for name, r := range ownLex {
		if r == "" {
			l.problem(at(name), &review.SourceError{File: at(name), Line: 1, Msg: fmt.Sprintf("a review's own lexicon, but %s has no review %s*%s beside it",
				label, strings.TrimSuffix(name, curation.ReviewLexiconSuffix), ReviewSuffix)})
		}
	}
	claimsFor := map[string]*curation.Claims{}
	sort.Slice(claimFiles, func(i, j int) bool { return claimFiles[i].name < claimFiles[j].name })
	for _, cf := range claimFiles {
		cl := lex
		if own, ok := lexFor[cf.review]; ok {
			cl = own
		}
		if _, ok := bad[cf.review]; ok {
			continue // without the lexicon that failed, every entity would be unknown
		}
		if cl == nil {
			l.problem(at(cf.name), &review.SourceError{File: at(cf.name), Line: 1, Msg: "claims need a lexicon: " + LexiconFile + " is missing"})
			if cf.review != "" {
				bad[cf.review] = "its claims need a lexicon"
			}
			continue
		}
		c, err := curation.ParseClaims(at(cf.name), cf.data, cl)
		if err != nil {
			l.problem(at(cf.name), err)
			if cf.review != "" {
				bad[cf.review] = "its claims " + cf.name + " have errors"
			}
			continue
		}
		if prev := claimsFor[c.Review]; prev != nil {
			l.problem(at(cf.name), &review.SourceError{File: c.Source, Line: 1, Msg: fmt.Sprintf("review %s already has claims in %s", c.Review, prev.Source)})
			bad[c.Review] = "it has two claims files"
			continue
		}
		if _, err := fs.Stat(f.FS, c.Review); err != nil {
			l.problem(at(cf.name), &review.SourceError{File: c.Source, Line: 1, Msg: fmt.Sprintf("review %s is not in %s", c.Review, label)})
			continue
		}
		claimsFor[c.Review] = c
	}
	for _, name := range reviews {
		if why, ok := bad[name]; ok {
			l.skip(at(name), why)
			continue
		}
		if err := l.review(f, name, lexFor[name], claimsFor[name]); err != nil {
			l.problem(at(name), err)
			l.skip(at(name), "it could not be read (see the problem above)")
		}
	}
	if !lexOK {
		return inherited
	}
	return lex
}

// ownLexicon reads a review's own lexicon over the folder's lexicon lex
// and sets lexFor[r] to the two together.
func (l *folderLoader) ownLexicon(f Folder, own string, lex *curation.Lexicon, lexFor map[string]*curation.Lexicon, r string) error {
	data, err := review.ReadFile(f.FS, f.Label, own, curation.MaxSeedYAML)
	if err != nil {
		return err
	}
	ol, err := curation.ParseLexiconOver(path.Join(f.Label, own), data, lex)
	if err != nil {
		return err
	}
	for _, e := range ol.Entities {
		if lex.Entity(e.ID) != nil {
			continue
		}
		if prev, ok := l.ownDefs[e.ID]; ok && (prev.Category != e.Category || prev.Name != e.Name || prev.Kind != e.Kind) {
			return &review.SourceError{File: ol.Source, Line: e.Line, Msg: fmt.Sprintf("entity %s differs from its entry in %s (line %d): one id is one node; define it once in %s",
				e.ID, l.ownSrc[e.ID], prev.Line, LexiconFile)}
		}
	}
	ext, err := curation.ExtendLexicon(lex, ol)
	if err != nil {
		return err
	}
	for _, e := range ol.Entities {
		if lex.Entity(e.ID) == nil {
			if _, ok := l.ownDefs[e.ID]; !ok {
				l.ownDefs[e.ID], l.ownSrc[e.ID] = e, ol.Source
			}
		}
	}
	lexFor[r] = ext
	return nil
}

// review reads, parses and builds one review.
func (l *folderLoader) review(f Folder, name string, lex *curation.Lexicon, claims *curation.Claims) error {
	data, err := review.ReadFile(f.FS, f.Label, name, review.MaxReviewBytes)
	if err != nil {
		return err
	}
	rev, err := review.ParseAny(path.Join(f.Label, name), data)
	if err != nil {
		return err
	}
	doc, rep, err := build.Build(rev, lex, claims)
	if err != nil {
		return err
	}
	if prev, ok := l.ids[doc.ID]; ok {
		return &review.SourceError{File: rev.Source, Line: 1, Msg: fmt.Sprintf("review has the same id %s as %s", doc.ID, prev)}
	}
	l.ids[doc.ID] = rev.Source
	l.out.Built = append(l.out.Built, build.Built{Document: doc, Report: rep})
	return nil
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
