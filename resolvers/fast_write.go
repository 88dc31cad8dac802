package resolvers

import (
	"bytes"
	"io"
	"math"
	"slices"
	"strconv"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/kapgraph/kapgraph/graph"
)

// The fast path's scalar writing, byte for byte what gqlgen's marshallers
// write, straight into the answer's buffer: gqlgen's writer goes through
// io.Writer a run at a time, which in the 10k mix profile cost as much
// as the rest of the fast path's own writing.

// hexDigits are gqlgen's (graphql.encodeHex): upper case.
const hexDigits = "0123456789ABCDEF"

// writeString writes s as graphql.MarshalString (and MarshalID) does: in
// quotes, with \t, \r, \n, \\ and \" escaped, every other byte below
// 0x20 as \u00XX, and every other byte as it is (gqlgen walks runes, but
// the bytes it escapes are ASCII, which never occur inside a multi-byte
// rune, valid or not, so walking bytes escapes the same ones).
func writeString(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '\\' && c != '"' {
			continue
		}
		b.WriteString(s[start:i])
		switch c {
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		case '\n':
			b.WriteString(`\n`)
		case '\\':
			b.WriteString(`\\`)
		case '"':
			b.WriteString(`\"`)
		default:
			b.WriteString(`\u00`)
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&0xf])
		}
		start = i + 1
	}
	b.WriteString(s[start:])
	b.WriteByte('"')
}

// writeBool writes a Boolean as graphql.MarshalBoolean does.
func writeBool(b *bytes.Buffer, v bool) {
	if v {
		b.WriteString("true")
	} else {
		b.WriteString("false")
	}
}

// categoryTypeName is the GraphQL type model.Wrap presents a node of
// category c as, or "" for none (TestCategoryTypeName holds the two
// together).
func categoryTypeName(c graph.Category) string {
	switch c {
	case graph.CategoryReview:
		return "Review"
	case graph.CategorySection:
		return "Section"
	case graph.CategoryPassage:
		return "Passage"
	case graph.CategoryStudy:
		return "Study"
	case graph.CategoryCitationConcern:
		return "CitationConcern"
	case graph.CategoryDrug:
		return "Drug"
	case graph.CategoryMechanism:
		return "Mechanism"
	case graph.CategoryBrainRegion:
		return "BrainRegion"
	case graph.CategoryBrainNetwork:
		return "BrainNetwork"
	case graph.CategoryDisorder:
		return "Disorder"
	case graph.CategorySymptom:
		return "Symptom"
	case graph.CategoryOutcome:
		return "Outcome"
	case graph.CategoryTherapy:
		return "Therapy"
	case graph.CategorySafetyRisk:
		return "SafetyRisk"
	case graph.CategoryPopulation:
		return "Population"
	}
	return ""
}

// writeID writes an ID! as the executor does.
func writeID(w io.Writer, id string) error {
	if b, ok := w.(*bytes.Buffer); ok {
		writeString(b, id) // MarshalID is MarshalString
		return nil
	}
	graphql.MarshalID(id).MarshalGQL(w)
	return nil
}

// writeFloat writes a Float! as graphql.MarshalFloatContext does; NaN and
// infinities are the executor's errors to report.
func writeFloat(b *bytes.Buffer, f float64) error {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return errFallBack
	}
	// What fmt's %g writes for a finite float64: strconv's shortest 'g'.
	b.Write(strconv.AppendFloat(b.AvailableBuffer(), f, 'g', -1, 64))
	return nil
}

// writeInt writes an Int! as graphql.MarshalInt does.
func writeInt(b *bytes.Buffer, n int) {
	b.WriteString(strconv.Itoa(n))
}

// nodeSatisfies lists, for every type implementing Node, the names a
// fragment's type condition may use to select it: the type, its
// interfaces and the unions holding it (the generated implementors).
func nodeSatisfies(s *ast.Schema) map[string][]string {
	out := map[string][]string{}
	for _, t := range s.GetPossibleTypes(s.Types["Node"]) {
		names := []string{t.Name}
		names = append(names, t.Interfaces...)
		for _, u := range s.Types {
			if u.Kind == ast.Union && slices.Contains(u.Types, t.Name) {
				names = append(names, u.Name)
			}
		}
		out[t.Name] = names
	}
	return out
}
