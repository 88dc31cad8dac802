package resolvers

import "bytes"

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
