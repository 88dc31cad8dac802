package review

import (
	"fmt"
	"io/fs"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// fold lower-cases, strips accents and unifies apostrophes so surface
// forms match however the text typesets them; the result keeps one byte
// per ASCII letter so offsets stay simple.
func Fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	out = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u2014", " ", "\u2013", "-").Replace(out)
	return strings.ToLower(out)
}

func NormSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

func Shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

func FirstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

func Surname(author string) string {
	ws := SlugWords(author)
	if len(ws) == 0 {
		return "anon"
	}
	return strings.Trim(ws[0], "-")
}

func ReviewYear(r *Review) int {
	if len(r.Published) >= 4 {
		var y int
		if _, err := fmt.Sscan(r.Published[:4], &y); err == nil {
			return y
		}
	}
	return r.Year
}

// readFile reads one seed file, refusing an oversized one before reading
// it and checking that it is UTF-8 text.
func ReadFile(fsys fs.FS, label, name string, max int64) ([]byte, error) {
	where := path.Join(label, name)
	fi, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", where, err)
	}
	if fi.Size() > max {
		return nil, &SourceError{File: where, Line: 1, Msg: fmt.Sprintf("file is %.1f MB, over the %d MB limit", float64(fi.Size())/1e6, max>>20)}
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", where, err)
	}
	return data, nil
}

func SlugWords(s string) []string {
	return strings.FieldsFunc(Fold(s), func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') })
}
