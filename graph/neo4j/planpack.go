// Reading a compiled plan's rows as sent (rowLayout): the scalars packed
// into one string, the other values beside it.

package neo4j

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"unicode/utf8"
)

// packed is one value of a row's packed string: its text, or ok false
// for null.
type packed struct {
	s  string
	ok bool
}

var errPacked = errors.New("malformed packed row")

// unpack appends the n values of s, a row's packed string
// (rowLayout.packExpr), to dst. The texts are slices of s: no copies.
func unpack(dst []packed, s string, n int) ([]packed, error) {
	for k := range n {
		switch {
		case s == "":
			return dst, errPacked
		case s[0] == '-':
			dst, s = append(dst, packed{}), s[1:]
			continue
		case k == n-1:
			if s[0] != ':' {
				return dst, errPacked
			}
			return append(dst, packed{s[1:], true}), nil
		}
		m, i := 0, 0
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9' && i < 10; i++ {
			m = m*10 + int(s[i]-'0')
		}
		if i == 0 || i == len(s) || s[i] != ':' {
			return dst, errPacked
		}
		s = s[i+1:]
		j := charsOffset(s, m)
		if j < 0 {
			return dst, errPacked
		}
		dst, s = append(dst, packed{s[:j], true}), s[j:]
	}
	if s != "" {
		return dst, errPacked
	}
	return dst, nil
}

// charsOffset is the byte offset after the first m code points of s (the
// characters Neo4j's size() counts), -1 when s is shorter.
func charsOffset(s string, m int) int {
	i := 0
	for ; m > 0 && i < len(s); m-- {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	if m > 0 {
		return -1
	}
	return i
}

// rowVals is one row as sent, its packed values split out.
type rowVals struct {
	l    *rowLayout
	row  []any    // as sent; nil when the row is its packed string alone
	strs []packed // by slot
}

// rowVals splits raw, a row of layout l as sent; the packed values are
// taken from the decoder's block.
func (d *planDecoder) rowVals(l *rowLayout, raw any) (rowVals, error) {
	r := rowVals{l: l}
	var s any = raw
	if l.sent > 0 {
		row, _ := raw.([]any)
		if len(row) != l.sent {
			return r, fmt.Errorf("%d values, want %d", len(row), l.sent)
		}
		r.row = row
		if l.npack == 0 {
			return r, nil
		}
		s = row[0]
	}
	text, ok := s.(string)
	if !ok {
		return r, fmt.Errorf("packed values of type %T", s)
	}
	if d.packs == nil {
		d.packs = make([]packed, 0, 128)
	}
	start := len(d.packs)
	packs, err := unpack(d.packs, text, l.npack)
	if err != nil {
		return r, err
	}
	d.packs = packs
	r.strs = packs[start:len(packs):len(packs)]
	return r, nil
}

// str is the string at position p, "" where the layout holds none (p <
// 0) or the value is null.
func (r rowVals) str(p int) string {
	if p < 0 {
		return ""
	}
	if k := r.l.slot[p]; k >= 0 {
		return r.strs[k].s
	}
	s, _ := r.row[r.l.at[p]].(string)
	return s
}

// raw is the value the row holds itself at position p, nil where the
// layout holds none there.
func (r rowVals) raw(p int) any {
	if p < 0 || r.l.at[p] < 0 {
		return nil
	}
	return r.row[r.l.at[p]]
}

// null is whether the value at position p is null.
func (r rowVals) null(p int) bool {
	if k := r.l.slot[p]; k >= 0 {
		return !r.strs[k].ok
	}
	return r.row[r.l.at[p]] == nil
}

// fields fills the struct ptr points at from the values of fs at
// positions at, at+1, ...: decodeList over a row as sent, the evidence
// taken from the decoder's blocks. A null leaves a field alone.
func (d *planDecoder) fields(r rowVals, at int, fs []field, ptr any) error {
	rv := reflect.ValueOf(ptr).Elem()
	for i, f := range fs {
		p := at + i
		if k := r.l.slot[p]; k >= 0 {
			if v := r.strs[k]; v.ok {
				if err := f.setText(rv, v.s, &d.ev); err != nil {
					return err
				}
			}
			continue
		}
		if raw := r.row[r.l.at[p]]; raw != nil {
			if err := f.set(rv, raw); err != nil {
				return err
			}
		}
	}
	return nil
}

// stored is storedInList of the fields fs at positions at, at+1, ...
func (r rowVals) stored(at int, fs []field) slimStored {
	var st slimStored
	for i, f := range fs {
		if !r.null(at + i) {
			st.mark(f)
		}
	}
	return st
}

// setText stores the text of a packed value (rowLayout.packExpr) into f
// of the struct rv: a string or JSON text as it is, a number or boolean
// as Cypher's toString writes it (a float as Java's shortest text that
// reads back as the same double).
func (f field) setText(rv reflect.Value, s string, a *evArena) error {
	fv := rv.FieldByIndex(f.index)
	switch f.kind {
	case kindString:
		fv.SetString(s)
	case kindInt:
		i, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return fmt.Errorf("property %s: %w", f.prop, err)
		}
		fv.SetInt(i)
	case kindFloat:
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return fmt.Errorf("property %s: %w", f.prop, err)
		}
		fv.SetFloat(x)
	case kindBool:
		switch s {
		case "true", "false":
			fv.SetBool(s == "true")
		default:
			return fmt.Errorf("property %s is %q, not a boolean", f.prop, s)
		}
	case kindJSON:
		return f.setJSON(fv, s, a)
	default:
		return fmt.Errorf("property %s is no packed value", f.prop)
	}
	return nil
}
