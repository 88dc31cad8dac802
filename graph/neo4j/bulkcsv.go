// The CSV half of the bulk first load: property maps, as Store.Load
// writes them, turned into the files `neo4j-admin database import full`
// reads.

package neo4j

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// bulkArrayDelimiter separates the elements of an array property in a
// cell. It is the ASCII unit separator, not the importer's default ';',
// because names, synonyms and quotes contain semicolons and nothing in a
// review contains U+001F; a value that does is refused (csvCell).
const (
	bulkArrayDelimiter     = '\x1f'
	bulkArrayDelimiterFlag = "U+001F"
)

// csvColumn is one property column of a CSV header: its name and the
// importer's type for it.
type csvColumn struct {
	name string
	typ  string // string, long, double, boolean, string[]
}

// csvTypeOf is the importer's type of a property value as the codec makes
// it (see codec.props: strings, int64, float64, bool, []string).
func csvTypeOf(v any) (string, error) {
	switch v.(type) {
	case string:
		return "string", nil
	case int64:
		return "long", nil
	case float64:
		return "double", nil
	case bool:
		return "boolean", nil
	case []string:
		return "string[]", nil
	}
	return "", fmt.Errorf("property value of type %T has no CSV type", v)
}

// codecColumns are the property columns of every value a codec writes,
// with the derived properties after them: the files are written as the
// documents come, so the header cannot wait for the rows. A property
// that is absent from a row is an empty cell, which the importer reads as
// no property. skip names the field an ID column holds.
func codecColumns(c *codec, skip string, derived ...csvColumn) []csvColumn {
	var cols []csvColumn
	for _, f := range c.fields {
		if f.prop == skip {
			continue
		}
		t := map[fieldKind]string{kindString: "string", kindInt: "long", kindFloat: "double", kindBool: "boolean",
			kindStrings: "string[]", kindJSON: "string"}[f.kind]
		cols = append(cols, csvColumn{f.prop, t})
	}
	return append(cols, derived...)
}

var (
	bulkNodeColumns = codecColumns(nodeCodec, "id", csvColumn{propSearch, "string"}, csvColumn{propHash, "string"})
	bulkEdgeColumns = codecColumns(edgeCodec, "", csvColumn{propPublications, "string[]"}, csvColumn{propPassages, "string[]"},
		csvColumn{propDisorder, "string"}, csvColumn{propQuoteSearch, "string"}, csvColumn{propRank, "long"},
		csvColumn{propStudiesOwn, "boolean"}, csvColumn{propHash, "string"})
	bulkDocumentColumns = []csvColumn{{"nodes", "long"}, {"edges", "long"}, {"source_file", "string"}, {"source_hash", "string"}, {"version", "string"}}
)

// csvQuote is s as a quoted cell, inner quotes doubled (RFC 4180, the
// importer's default). Every string is quoted, so a value with a comma or
// a line break reads back whole.
func csvQuote(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// csvCell is one property value as a cell; nil (the row lacks the
// property) is the empty unquoted cell, which the importer reads as no
// property. multiline reports a line break in the value.
func csvCell(v any) (cell string, multiline bool, err error) {
	switch x := v.(type) {
	case nil:
		return "", false, nil
	case string:
		if strings.ContainsRune(x, bulkArrayDelimiter) {
			return "", false, fmt.Errorf("value contains U+001F, the bulk import's array delimiter")
		}
		return csvQuote(x), strings.ContainsAny(x, "\r\n"), nil
	case int64:
		return strconv.FormatInt(x, 10), false, nil
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64), false, nil
	case bool:
		return strconv.FormatBool(x), false, nil
	case []string:
		for _, s := range x {
			if strings.ContainsRune(s, bulkArrayDelimiter) {
				return "", false, fmt.Errorf("array element contains U+001F, the bulk import's array delimiter")
			}
			if s == "" {
				// "a\x1f" or "" would not read back as the same list.
				return "", false, fmt.Errorf("array has an empty element, which the bulk import cannot represent")
			}
			multiline = multiline || strings.ContainsAny(s, "\r\n")
		}
		return csvQuote(strings.Join(x, string(bulkArrayDelimiter))), multiline, nil
	}
	return "", false, fmt.Errorf("property value of type %T has no CSV type", v)
}

// csvStream is one CSV file being written, a row at a time. A row with a
// line break in a cell goes to a second file of the same header (path
// with "-multiline" before ".csv"), created on first use: the importer
// reads a file named in --multiline-fields serially, so only the few rows
// that need it are read that way and the rest in parallel.
type csvStream struct {
	path   string
	f      *os.File
	w      *bufio.Writer
	cols   []csvColumn
	header string
	index  map[string]int
	skip   string // the property the lead cells hold
	rows   int
	ml     *csvStream // the rows with a line break, if any
	cells  []string
}

// newCSVStream creates path and writes its header: head (the ID or
// START_ID/END_ID columns) then the property columns.
func newCSVStream(path string, head []string, cols []csvColumn, skip string) (*csvStream, error) {
	header := slices.Clone(head)
	index := map[string]int{}
	for i, c := range cols {
		index[c.name] = i
		header = append(header, c.name+":"+c.typ)
	}
	return openCSVStream(path, strings.Join(header, ","), cols, index, skip)
}

func openCSVStream(path, header string, cols []csvColumn, index map[string]int, skip string) (*csvStream, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	s := &csvStream{path: path, f: f, w: bufio.NewWriterSize(f, 1<<18), cols: cols, header: header, index: index, skip: skip}
	s.w.WriteString(header)
	s.w.WriteByte('\n')
	return s, nil
}

// multilinePath is the file of path's rows with a line break.
func multilinePath(path string) string {
	return strings.TrimSuffix(path, ".csv") + "-multiline.csv"
}

// write writes one row: the lead cells (already CSV cells), then the
// row's properties in the header's columns. A property the header lacks,
// or of another type, is refused rather than dropped.
func (s *csvStream) write(lead []string, row map[string]any) error {
	props := make([]any, len(s.cols))
	for k, v := range row {
		if k == s.skip {
			continue
		}
		i, ok := s.index[k]
		if !ok {
			return fmt.Errorf("%s: property %s has no column", filepath.Base(s.path), k)
		}
		if t, err := csvTypeOf(v); err != nil || t != s.cols[i].typ {
			return fmt.Errorf("%s: property %s is a %T, its column a %s", filepath.Base(s.path), k, v, s.cols[i].typ)
		}
		props[i] = v
	}
	s.cells = append(s.cells[:0], lead...)
	multiline := false
	for i, v := range props {
		cell, ml, err := csvCell(v)
		if err != nil {
			return fmt.Errorf("%s, row %d, property %s: %w", filepath.Base(s.path), s.rows+1, s.cols[i].name, err)
		}
		multiline = multiline || ml
		s.cells = append(s.cells, cell)
	}
	s.rows++
	out := s
	if multiline {
		if s.ml == nil {
			ml, err := openCSVStream(multilinePath(s.path), s.header, s.cols, s.index, s.skip)
			if err != nil {
				return err
			}
			s.ml = ml
		}
		out = s.ml
	}
	out.w.WriteString(strings.Join(s.cells, ","))
	_, err := out.w.WriteString("\n")
	return err
}

// close closes the file and its multiline sibling.
func (s *csvStream) close() error {
	err := s.w.Flush()
	if cerr := s.f.Close(); err == nil {
		err = cerr
	}
	if s.ml != nil {
		if merr := s.ml.close(); err == nil {
			err = merr
		}
	}
	return err
}
