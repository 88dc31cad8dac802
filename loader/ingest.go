package loader

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/loader/build"
	"github.com/kapgraph/kapgraph/loader/curation"
	"github.com/kapgraph/kapgraph/loader/review"
)

// IngestOptions say what Ingest reads and how.
type IngestOptions struct {
	// Corpus is the folder of articles (*.txt and JATS *.xml, in any
	// sub-folder). A lexicon.yaml at its top extends the lexicon of Base.
	Corpus Folder
	// Base are folders whose lexicons the corpus inherits, in order (the
	// built-in seeds, for kapgraph ingest), so known entities keep their
	// grounded ids. Their reviews are not ingested.
	Base []Folder
	// Workers parse and extract in parallel; 0 means one per CPU.
	Workers int
	// Progress, when set, is called after every file, from one
	// goroutine.
	Progress func(Progress)
}

// Progress is where an ingest stands.
type Progress struct {
	Done, Total int // files finished (any outcome), of all files
	Loaded      int // documents written (new or replaced)
	Unchanged   int // files skipped: same content as loaded
	Failed      int // files that could not be read
	Edges       int // relationships written
	Elapsed     time.Duration
}

// Rate is files finished a second.
func (p Progress) Rate() float64 {
	if p.Elapsed <= 0 {
		return 0
	}
	return float64(p.Done) / p.Elapsed.Seconds()
}

// ETA is the time left at the rate so far; 0 when unknown.
func (p Progress) ETA() time.Duration {
	r := p.Rate()
	if r <= 0 || p.Done >= p.Total {
		return 0
	}
	return time.Duration(float64(p.Total-p.Done) / r * float64(time.Second))
}

// IngestResult says what an ingest did.
type IngestResult struct {
	Progress
	// Removed counts documents deleted: their file is gone, or now gives
	// another document id.
	Removed int
	// Problems name the files that could not be read (skipped).
	Problems []graph.LoadWarning
}

// Ingest brings store in line with a corpus folder, incrementally: every
// article is one document, recorded with its file and content hash
// (graph.CorpusStore.LoadFrom); a file whose hash is stored is skipped, a
// changed one is re-read and replaces its document atomically, and the
// documents of files that are gone are removed. Articles are parsed and
// extracted on Workers goroutines while one writer loads them.
//
// Killed at any point and run again, it finishes the same graph: each
// document and its hash are written in one transaction, so a rerun redoes
// exactly the files whose documents did not commit, and a document is
// replaced by id, never added twice.
//
// Unlike LoadFolders, articles are not merged with one another (a claim
// two articles state is two claims): each document depends on its file
// alone, which is what lets one file be replaced without re-reading the
// rest. A file that cannot be read is named in Problems and skipped.
func Ingest(ctx context.Context, store graph.CorpusStore, opt IngestOptions) (*IngestResult, error) {
	start := time.Now()
	lex, lexHash, err := corpusLexicon(opt)
	if err != nil {
		return nil, err
	}
	files, err := corpusFiles(opt.Corpus)
	if err != nil {
		return nil, err
	}
	stored, err := store.Sources(ctx)
	if err != nil {
		return nil, fmt.Errorf("reading what is loaded: %w", err)
	}
	byFile := map[string][]graph.DocumentSource{}
	for _, s := range stored {
		byFile[s.File] = append(byFile[s.File], s)
	}
	res := &IngestResult{}
	res.Total = len(files)
	current := map[string]string{} // file -> the document id it has now
	owner := map[string]string{}   // document id -> the file that has it now
	for _, s := range stored {
		owner[s.Document] = s.File
	}

	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type parsed struct {
		i          int
		file, hash string
		doc        *graph.Document
		unchanged  string // the stored document id when the file is unchanged
		err        error
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan int)
	out := make(chan parsed, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				f := files[i]
				p := parsed{i: i, file: f}
				data, err := review.ReadFile(opt.Corpus.FS, opt.Corpus.Label, f, review.MaxReviewBytes)
				if err == nil {
					sum := sha256.Sum256(append(append([]byte(nil), lexHash...), data...))
					p.hash = hex.EncodeToString(sum[:])
					for _, s := range byFile[f] {
						if s.Hash == p.hash {
							p.unchanged = s.Document
						}
					}
					if p.unchanged == "" {
						p.doc, err = buildArticle(path.Join(opt.Corpus.Label, f), data, lex)
					}
				}
				p.err = err
				select {
				case out <- p:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range files {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(out) }()

	report := func() {
		res.Elapsed = time.Since(start)
		if opt.Progress != nil {
			opt.Progress(res.Progress)
		}
	}
	write := func(p parsed) error {
		res.Done++
		switch {
		case p.err != nil:
			res.Failed++
			res.Problems = append(res.Problems, warningOf(path.Join(opt.Corpus.Label, p.file), p.err))
		case p.unchanged != "":
			res.Unchanged++
			current[p.file] = p.unchanged
		default:
			if f, ok := owner[p.doc.ID]; ok && f != p.file && fileExists(files, f) {
				res.Failed++
				res.Problems = append(res.Problems, graph.LoadWarning{File: path.Join(opt.Corpus.Label, p.file), Line: 1,
					Message: fmt.Sprintf("article has the same id %s as %s; skipped", p.doc.ID, path.Join(opt.Corpus.Label, f))})
				break
			}
			lr, err := store.LoadFrom(ctx, p.doc, graph.DocumentSource{File: p.file, Hash: p.hash})
			if err != nil {
				cancel()
				return fmt.Errorf("loading %s: %w", path.Join(opt.Corpus.Label, p.file), err)
			}
			owner[p.doc.ID] = p.file
			current[p.file] = p.doc.ID
			res.Loaded++
			res.Edges += lr.Edges
		}
		report()
		return nil
	}
	var loadErr error
	// Documents are written in file order whatever order the workers
	// finish in, so that a shared node two articles describe differently
	// ends as the same one in every run, resumed or not.
	pending := map[int]parsed{}
	next := 0
	for got := range out {
		pending[got.i] = got
		for loadErr == nil {
			p, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			loadErr = write(p)
		}
	}
	if loadErr != nil {
		return res, loadErr
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	// Documents whose file is gone, or gives another id now; a document
	// another file gives now (a file renamed) stays.
	now := map[string]bool{}
	for _, id := range current {
		now[id] = true
	}
	for _, s := range stored {
		if current[s.File] == s.Document || now[s.Document] {
			continue
		}
		if _, still := current[s.File]; !still && fileExists(files, s.File) {
			continue // the file failed to read this time: keep what it gave before
		}
		if _, err := store.Remove(ctx, s.Document); err != nil {
			return res, fmt.Errorf("removing %s (from %s): %w", s.Document, s.File, err)
		}
		res.Removed++
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

func fileExists(sorted []string, f string) bool {
	i := sort.SearchStrings(sorted, f)
	return i < len(sorted) && sorted[i] == f
}

// buildArticle reads one article into its document.
func buildArticle(name string, data []byte, lex *curation.Lexicon) (*graph.Document, error) {
	rev, err := review.ParseAny(name, data)
	if err != nil {
		return nil, err
	}
	doc, _, err := build.Build(rev, lex, nil)
	if err != nil {
		return nil, err
	}
	return doc, nil
}

func warningOf(file string, err error) graph.LoadWarning {
	var se *review.SourceError
	if errors.As(err, &se) {
		return graph.LoadWarning{File: se.File, Line: se.Line, Message: se.Msg}
	}
	return graph.LoadWarning{File: file, Message: strings.TrimPrefix(err.Error(), file+": ")}
}

// corpusLexicon is the lexicon the articles are read with: the base
// folders' lexicons, then the corpus's own, in order; and a hash of their
// bytes, part of every file's hash, so that a changed lexicon re-reads
// every article.
func corpusLexicon(opt IngestOptions) (*curation.Lexicon, []byte, error) {
	var lex *curation.Lexicon
	h := sha256.New()
	for _, f := range append(append([]Folder(nil), opt.Base...), opt.Corpus) {
		if _, err := fs.Stat(f.FS, LexiconFile); err != nil {
			continue
		}
		data, err := review.ReadFile(f.FS, f.Label, LexiconFile, curation.MaxSeedYAML)
		if err != nil {
			return nil, nil, err
		}
		own, err := curation.ParseLexiconOver(path.Join(f.Label, LexiconFile), data, lex)
		if err != nil {
			return nil, nil, err
		}
		if lex, err = curation.ExtendLexicon(lex, own); err != nil {
			return nil, nil, err
		}
		h.Write(data)
	}
	return lex, h.Sum(nil), nil
}

// corpusFiles lists the articles under the corpus folder, sorted, with
// forward slashes.
func corpusFiles(f Folder) ([]string, error) {
	var files []string
	err := fs.WalkDir(f.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != "." && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(p, ReviewSuffix) || strings.HasSuffix(p, review.JATSSuffix) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading corpus %s: %w", f.Label, err)
	}
	sort.Strings(files)
	return files, nil
}
