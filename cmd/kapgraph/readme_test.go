package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestREADMEExamples runs the README's examples against a real server
// (serve, in-process, on the embedded store) and checks their outputs,
// including what the README says they show: the first query, every curl
// command to the server, and the sentences the README quotes from answers.
func TestREADMEExamples(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	base := startServe(t, map[string]string{})

	// The first query, as the README prints it.
	blocks := codeBlocks(text, "graphql")
	if len(blocks) == 0 {
		t.Fatal("README has no graphql block")
	}
	var first struct {
		Data struct {
			MechanismToOutcomePaths []struct {
				NetEffect, Summary, ScoreExplained string
				Hops                               []struct {
					Claim struct {
						Note     *string
						Evidence []struct{ Quote string }
					}
				}
			}
		}
		Errors []any
	}
	postJSON(t, base+"/graphql", map[string]any{"query": blocks[0]}, &first)
	ps := first.Data.MechanismToOutcomePaths
	if len(first.Errors) > 0 || len(ps) != 4 {
		t.Fatalf("first query: %d paths, errors %v", len(ps), first.Errors)
	}
	var answer strings.Builder
	for _, p := range ps {
		answer.WriteString(p.NetEffect + "\n" + p.Summary + "\n" + p.ScoreExplained + "\n")
		if len(p.Hops) == 0 || len(p.Hops[0].Claim.Evidence) == 0 {
			t.Errorf("path %q has no hop with evidence", p.Summary)
		}
	}
	if ps[0].NetEffect != "ketamine increases abstinence" {
		t.Errorf("first path's net effect %q", ps[0].NetEffect)
	}
	// What the README quotes from the answer is in the answer.
	for _, quoted := range []string{
		"ketamine increases abstinence (net of 3 steps: 2 decreases cancel out in pairs)",
		"ketamine -[decreases]-> anhedonia -[increases]-> relapse -[decreases]-> abstinence",
		"on a scale from 0 to 1",
	} {
		if !strings.Contains(text, "`"+quoted) && !strings.Contains(strings.Join(strings.Fields(text), " "), quoted) {
			t.Errorf("the test quotes %q, which the README no longer says", quoted)
		}
		if !strings.Contains(answer.String(), quoted) {
			t.Errorf("README says the first query shows %q; it answered:\n%s", quoted, answer.String())
		}
	}
	var nmda struct {
		Data struct{ Paths []struct{ Summary string } }
	}
	postJSON(t, base+"/graphql", map[string]any{"query": `{ paths(from: "CHEBI:6121", to: "KAP:glutamate_release", maxHops: 2, directed: true) { summary } }`}, &nmda)
	if !slices.ContainsFunc(nmda.Data.Paths, func(s struct{ Summary string }) bool {
		return s.Summary == "ketamine -[decreases]-> NMDA receptor activity -[decreases]-> glutamate release"
	}) {
		t.Errorf("the README's NMDA receptor activity summary is not an answer: %+v", nmda.Data.Paths)
	}

	// The unknown-id example.
	var nf struct {
		Errors []struct {
			Message    string
			Extensions map[string]any
		}
	}
	postJSON(t, base+"/graphql", map[string]any{"query": `{ node(id: "KAP:abstinance") { id } }`}, &nf)
	if len(nf.Errors) != 1 || nf.Errors[0].Extensions["code"] != "NOT_FOUND" || !strings.Contains(nf.Errors[0].Message, "nearest: abstinence (KAP:abstinence)") ||
		!strings.Contains(text, "nearest: abstinence (KAP:abstinence)") {
		t.Errorf("unknown id example: %+v", nf.Errors)
	}

	// Every curl command to the server.
	ran := 0
	for _, block := range codeBlocks(text, "sh") {
		for _, cmd := range shellCommands(block) {
			if len(cmd) < 2 || cmd[0] != "curl" {
				continue
			}
			url, body := "", ""
			for i := 1; i < len(cmd); i++ {
				switch {
				case cmd[i] == "-d" && i+1 < len(cmd):
					body = cmd[i+1]
					i++
				case cmd[i] == "-H" && i+1 < len(cmd):
					i++
				case strings.HasPrefix(cmd[i], "localhost:8080"):
					url = strings.TrimPrefix(cmd[i], "localhost:8080")
				}
			}
			if url == "" {
				continue
			}
			ran++
			t.Run(url, func(t *testing.T) {
				var resp *http.Response
				var err error
				if body != "" {
					resp, err = http.Post(base+url, "application/json", strings.NewReader(body))
				} else {
					resp, err = http.Get(base + url)
				}
				if err != nil {
					t.Fatal(err)
				}
				defer resp.Body.Close()
				out, _ := io.ReadAll(resp.Body)
				if resp.StatusCode != 200 {
					t.Fatalf("%d %s", resp.StatusCode, out)
				}
				checkCurlOutput(t, url, body, out)
			})
		}
	}
	if ran < 4 {
		t.Errorf("ran %d curl examples; the README has at least four (search, TRAPI, claims.csv, studies.bib)", ran)
	}
}

// checkCurlOutput checks what each kind of example must show.
func checkCurlOutput(t *testing.T, url, body string, out []byte) {
	t.Helper()
	switch {
	case url == "/graphql" && strings.Contains(body, "search("):
		var r struct {
			Data struct {
				Search []struct {
					Kind, Matched string
					Node          struct{ ID, Name string }
				}
			}
		}
		if err := json.Unmarshal(out, &r); err != nil {
			t.Fatal(err)
		}
		kinds := map[string]bool{}
		for _, h := range r.Data.Search {
			kinds[h.Kind] = true
			if h.Matched == "" || h.Node.ID == "" {
				t.Errorf("hit without matched text or node: %+v", h)
			}
		}
		for _, k := range []string{"ENTITY", "PASSAGE", "CLAIM"} {
			if !kinds[k] {
				t.Errorf("search lacks a %s hit, which the README says it lists: %s", k, out)
			}
		}
	case url == "/trapi/query":
		var r struct {
			Status  string
			Message struct{ Results []any }
		}
		if err := json.Unmarshal(out, &r); err != nil || r.Status != "Success" || len(r.Message.Results) == 0 {
			t.Errorf("TRAPI example: %v %s, %d results", err, r.Status, len(r.Message.Results))
		}
	case strings.HasPrefix(url, "/export/claims.csv"):
		if !bytes.HasPrefix(out, []byte("claim_id,subject_id,subject,predicate,sign,object_id,object,")) || bytes.Count(out, []byte("\n")) < 10 {
			t.Errorf("claims.csv: %.200s", out)
		}
	case strings.HasPrefix(url, "/export/studies.bib"):
		if bytes.Count(out, []byte("@article{")) < 3 {
			t.Errorf("studies.bib: %.300s", out)
		}
	case strings.HasPrefix(url, "/readyz"):
	default:
		t.Errorf("no check for README example %s; add one", url)
	}
}

func postJSON(t *testing.T, url string, body any, into any) {
	t.Helper()
	b, _ := json.Marshal(body)
	resp, err := http.Post(url, "application/json", bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(into); err != nil {
		t.Fatal(err)
	}
}

var fence = regexp.MustCompile("(?s)```([a-z]*)\n(.*?)```")

// codeBlocks returns the README's fenced blocks of one language.
func codeBlocks(md, lang string) []string {
	var out []string
	for _, m := range fence.FindAllStringSubmatch(md, -1) {
		if m[1] == lang {
			out = append(out, m[2])
		}
	}
	return out
}

// shellCommands splits a sh block into commands (continuation lines
// joined, comments dropped, a newline inside quotes kept) and each into
// words, honouring single and double quotes the way sh does for the
// README's examples.
func shellCommands(block string) [][]string {
	joined := strings.ReplaceAll(block, "\\\n", " ")
	var cmds [][]string
	var words []string
	var cur strings.Builder
	inWord, comment := false, false
	var quote rune
	endWord := func() {
		if inWord {
			words = append(words, cur.String())
			cur.Reset()
			inWord = false
		}
	}
	for _, r := range joined {
		switch {
		case comment:
			if r == '\n' {
				comment = false
				endWord()
				if len(words) > 0 {
					cmds = append(cmds, words)
				}
				words = nil
			}
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				cur.WriteRune(r)
			}
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == '#' && !inWord:
			comment = true
		case r == '\n':
			endWord()
			if len(words) > 0 {
				cmds = append(cmds, words)
			}
			words = nil
		case r == ' ' || r == '\t':
			endWord()
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	endWord()
	if len(words) > 0 {
		cmds = append(cmds, words)
	}
	return cmds
}
