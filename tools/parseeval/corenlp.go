// Package parseeval measures whether a dependency parse (Stanford CoreNLP,
// run by hand as a local server: scripts/corenlp.sh) names claim subjects
// and objects better than loader/extract's clause rules, on the dev
// evaluation set only. It is a measurement, not a backend: kapgraph's
// extraction stays pure Go; see README.md for the figures and the licence.
package parseeval

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Annotators of the parse run and of the coreference run.
const (
	ParseAnnotators = "tokenize,ssplit,pos,lemma,depparse"
	CorefAnnotators = "tokenize,ssplit,pos,lemma,ner,depparse,coref"
)

// Token is one CoreNLP token; offsets are in UTF-16 units of the document.
type Token struct {
	Index int    `json:"index"` // 1-based in its sentence
	Word  string `json:"word"`
	Lemma string `json:"lemma"`
	POS   string `json:"pos"`
	Begin int    `json:"characterOffsetBegin"`
	End   int    `json:"characterOffsetEnd"`
}

// Dep is one dependency edge; Gov 0 is the root.
type Dep struct {
	Dep string `json:"dep"`
	Gov int    `json:"governor"`
	Dpt int    `json:"dependent"`
}

// ParsedSentence is one sentence of CoreNLP's JSON output.
type ParsedSentence struct {
	Index  int     `json:"index"`
	Tokens []Token `json:"tokens"`
	Deps   []Dep   `json:"enhancedPlusPlusDependencies"`
}

// CorefMention is one mention of a coreference chain (1-based sentence,
// token range [Start, End) 1-based).
type CorefMention struct {
	Text           string `json:"text"`
	Type           string `json:"type"` // PRONOMINAL, NOMINAL, PROPER, LIST
	Sentence       int    `json:"sentNum"`
	Start          int    `json:"startIndex"`
	End            int    `json:"endIndex"`
	Representative bool   `json:"isRepresentativeMention"`
}

// Document is CoreNLP's JSON output for one request.
type Document struct {
	Sentences []ParsedSentence          `json:"sentences"`
	Corefs    map[string][]CorefMention `json:"corefs"`
	CPUms     float64                   `json:"cpuMs,omitempty"` // the server's CPU time for the annotation
}

// Client talks to the wrapper server of scripts/corenlp.sh.
type Client struct {
	URL  string
	HTTP *http.Client
	// Cache, if set, is a directory of earlier answers keyed by the
	// request (a coreference run of the dev set took 9 minutes on a
	// loaded machine; the reading can then be re-scored without the server).
	Cache string
}

// Annotate sends one sentence per line (newlines inside a sentence become
// spaces, so that CoreNLP's line-end splitting keeps kapgraph's sentences).
func (c Client) Annotate(ctx context.Context, annotators string, sentences []string) (*Document, error) {
	body := JoinLines(sentences)
	var cached string
	if c.Cache != "" {
		sum := sha256.Sum256([]byte(annotators + "\x00" + body))
		cached = filepath.Join(c.Cache, hex.EncodeToString(sum[:12])+".json")
		if b, err := os.ReadFile(cached); err == nil {
			return DecodeDocument(b)
		}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.URL+"/annotate?annotators="+url.QueryEscape(annotators), strings.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("corenlp request: %w", err)
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, fmt.Errorf("corenlp at %s: %w", c.URL, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("corenlp answer: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("corenlp: %s: %s", resp.Status, bytes.TrimSpace(b))
	}
	d, err := DecodeDocument(b)
	if err != nil {
		return nil, err
	}
	if len(d.Sentences) != len(sentences) {
		return nil, fmt.Errorf("corenlp split %d sentences into %d", len(sentences), len(d.Sentences))
	}
	d.CPUms, _ = strconv.ParseFloat(resp.Header.Get("X-Cpu-Ms"), 64)
	if cached != "" {
		if err := os.MkdirAll(c.Cache, 0o755); err != nil {
			return nil, fmt.Errorf("corenlp cache: %w", err)
		}
		b, err := json.Marshal(d)
		if err != nil {
			return nil, fmt.Errorf("corenlp cache: %w", err)
		}
		if err := os.WriteFile(cached, b, 0o644); err != nil {
			return nil, fmt.Errorf("corenlp cache: %w", err)
		}
	}
	return d, nil
}

// DecodeDocument reads CoreNLP's JSON output.
func DecodeDocument(b []byte) (*Document, error) {
	var d Document
	if err := json.Unmarshal(b, &d); err != nil {
		return nil, fmt.Errorf("corenlp json: %w", err)
	}
	return &d, nil
}

// JoinLines is the request body for sentences: one a line.
func JoinLines(sentences []string) string {
	var sb strings.Builder
	for _, s := range sentences {
		sb.WriteString(strings.NewReplacer("\r", " ", "\n", " ").Replace(s))
		sb.WriteByte('\n')
	}
	return sb.String()
}

// byteOffsets maps each sentence's tokens from document UTF-16 offsets to
// byte offsets in that sentence's own text: entity spans from
// loader/extract are byte offsets in the sentence.
func byteOffsets(sentences []string) (start []int, conv func(sent, u16 int) int) {
	tables := make([][]int, len(sentences)) // utf16 index within sentence -> byte index
	start = make([]int, len(sentences))
	pos := 0
	for i, s := range sentences {
		start[i] = pos
		t := make([]int, 0, len(s)+1)
		for b, r := range s {
			n := 1 // Java counts a rune beyond the BMP as two chars
			if r >= 0x10000 {
				n = 2
			}
			for k := 0; k < n; k++ {
				t = append(t, b)
			}
		}
		t = append(t, len(s))
		tables[i] = t
		pos += len(t) // sentence + '\n'
	}
	conv = func(sent, u16 int) int {
		t := tables[sent]
		k := u16 - start[sent]
		switch {
		case k < 0:
			return 0
		case k >= len(t):
			return t[len(t)-1]
		}
		return t[k]
	}
	return start, conv
}
