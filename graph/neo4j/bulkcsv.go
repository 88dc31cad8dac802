// The CSV half of the bulk first load: property maps, as Store.Load
// writes them, turned into the files `neo4j-admin database import full`
// reads.

package neo4j

import (
	"bufio"
	"fmt"
	"io"
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

// csvColumns is the union of the rows' property names, in name order with
// the given leading ones first, each with the one type all its values
// have. skip names properties the header writes itself (an ID column).
func csvColumns(rows []map[string]any, skip string) ([]csvColumn, error) {
	types := map[string]string{}
	for _, row := range rows {
		for k, v := range row {
			if k == skip {
				continue
			}
			t, err := csvTypeOf(v)
			if err != nil {
				return nil, fmt.Errorf("property %s: %w", k, err)
			}
			if old, ok := types[k]; ok && old != t {
				return nil, fmt.Errorf("property %s is a %s in one row and a %s in another", k, old, t)
			}
			types[k] = t
		}
	}
	cols := make([]csvColumn, 0, len(types))
	for k, t := range types {
		cols = append(cols, csvColumn{k, t})
	}
	slices.SortFunc(cols, func(a, b csvColumn) int { return strings.Compare(a.name, b.name) })
	return cols, nil
}

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

// csvFile is what writeCSV wrote: whether any cell spans lines (the
// importer must then be told, file by file) and how many rows.
type csvFile struct {
	rows      int
	multiline bool
}

// writeCSV writes a header and one line per row. head is the ID or
// START_ID/END_ID part of the header; lead gives those columns' cells for
// a row (already CSV cells), and the property columns follow.
func writeCSV(w io.Writer, head []string, cols []csvColumn, rows []map[string]any, lead func(map[string]any) ([]string, error)) (csvFile, error) {
	bw := bufio.NewWriterSize(w, 1<<20)
	var out csvFile
	header := slices.Clone(head)
	for _, c := range cols {
		header = append(header, c.name+":"+c.typ)
	}
	bw.WriteString(strings.Join(header, ","))
	bw.WriteByte('\n')
	cells := make([]string, 0, len(header))
	for i, row := range rows {
		first, err := lead(row)
		if err != nil {
			return out, fmt.Errorf("row %d: %w", i+1, err)
		}
		cells = append(cells[:0], first...)
		for _, c := range cols {
			cell, ml, err := csvCell(row[c.name])
			if err != nil {
				return out, fmt.Errorf("row %d, property %s: %w", i+1, c.name, err)
			}
			out.multiline = out.multiline || ml
			cells = append(cells, cell)
		}
		bw.WriteString(strings.Join(cells, ","))
		bw.WriteByte('\n')
		out.rows++
	}
	return out, bw.Flush()
}
