package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// JSONVersion is the value of the "kapgraph" member of a kapgraph JSON
// export. It changes whenever graph.Node or graph.Edge gain a field, so
// that ReadJSON, which refuses unknown fields rather than drop data,
// refuses a newer export with a clear message.
const JSONVersion = "1"

// JSONFile is the file name a kapgraph JSON export is written to.
const JSONFile = "kapgraph.json"

// jsonGraph is the kapgraph JSON document. Nodes and edges use the domain
// types' own JSON tags, so the format follows the model with no mapping
// to keep in step.
type jsonGraph struct {
	Kapgraph  string       `json:"kapgraph"`
	Documents []string     `json:"documents"`
	Nodes     []graph.Node `json:"nodes"`
	Edges     []graph.Edge `json:"edges"`
}

// WriteJSON writes g as one kapgraph JSON object, one node or edge a line
// so that two exports diff line by line.
func WriteJSON(w io.Writer, g *Graph) error {
	bw := bufio.NewWriter(w)
	var item bytes.Buffer
	enc := json.NewEncoder(&item)
	enc.SetEscapeHTML(false) // a data file, not HTML: keep < > & readable
	put := func(i int, v any) error {
		item.Reset()
		if err := enc.Encode(v); err != nil {
			return err
		}
		if i > 0 {
			bw.WriteByte(',')
		}
		if i >= 0 { // an array item, on its own line
			bw.WriteByte('\n')
		}
		_, err := bw.Write(bytes.TrimSuffix(item.Bytes(), []byte("\n")))
		return err
	}
	docs := g.Documents
	if docs == nil {
		docs = []string{}
	}
	fmt.Fprintf(bw, "{\"kapgraph\":%q,", JSONVersion)
	bw.WriteString("\n\"documents\":")
	if err := put(-1, docs); err != nil {
		return fmt.Errorf("export json: %w", err)
	}
	bw.WriteString(",\n\"nodes\":[")
	for i, n := range g.Nodes {
		if err := put(i, n); err != nil {
			return fmt.Errorf("export json: node %s: %w", n.ID, err)
		}
	}
	bw.WriteString("\n],\n\"edges\":[")
	for i, e := range g.Edges {
		if err := put(i, e); err != nil {
			return fmt.Errorf("export json: edge %s: %w", e.ID, err)
		}
	}
	bw.WriteString("\n]}\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export json: %w", err)
	}
	return nil
}

// ReadJSON reads a kapgraph JSON export back into documents that
// graph.Store.Load accepts, sorted by id; loading them in that order into
// an empty store recreates the exported graph.
//
// Owned nodes and edges go back to the document named in their Document
// field. Shared entities (Document "") go into every document, as the
// loader builds them: each review is built against the whole lexicon, and
// an entity owned by one document alone would vanish from the embedded
// store when that document is replaced. Every document is validated here,
// so a damaged file is refused before anything is written.
func ReadJSON(r io.Reader) ([]*graph.Document, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var in jsonGraph
	if err := dec.Decode(&in); err != nil {
		return nil, fmt.Errorf("export: reading kapgraph json: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("export: reading kapgraph json: data after the graph object")
	}
	if in.Kapgraph != JSONVersion {
		return nil, fmt.Errorf("export: reading kapgraph json: version %q, this build reads version %q", in.Kapgraph, JSONVersion)
	}

	docs := map[string]*graph.Document{}
	doc := func(id string) *graph.Document {
		d, ok := docs[id]
		if !ok {
			d = &graph.Document{ID: id, Nodes: []graph.Node{}, Edges: []graph.Edge{}}
			docs[id] = d
		}
		return d
	}
	for _, id := range in.Documents {
		if id == "" {
			return nil, errors.New("export: reading kapgraph json: an empty document id")
		}
		doc(id)
	}
	var shared []graph.Node
	seen := map[string]bool{}
	for _, n := range in.Nodes {
		if seen[n.ID] {
			return nil, fmt.Errorf("export: reading kapgraph json: node %s appears twice", n.ID)
		}
		seen[n.ID] = true
		if n.Document == "" {
			shared = append(shared, n)
			continue
		}
		d := doc(n.Document)
		d.Nodes = append(d.Nodes, n)
	}
	for _, e := range in.Edges {
		if e.Document == "" {
			return nil, fmt.Errorf("export: reading kapgraph json: edge %s has no document", e.ID)
		}
		d := doc(e.Document)
		d.Edges = append(d.Edges, e)
	}
	if len(shared) > 0 && len(docs) == 0 {
		return nil, errors.New("export: reading kapgraph json: shared entities but no document to load them with")
	}

	out := make([]*graph.Document, 0, len(docs))
	for _, d := range docs {
		d.Nodes = append(d.Nodes, shared...)
		d.Sort()
		if err := d.Validate(nil); err != nil {
			return nil, fmt.Errorf("export: reading kapgraph json: %w", err)
		}
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b *graph.Document) int { return strings.Compare(a.ID, b.ID) })
	return out, nil
}
