package export

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/kapgraph/kapgraph/graph"
)

// Citations of the studies behind a table, for reference managers:
// BibTeX (LaTeX, Zotero, JabRef) and RIS (EndNote, Zotero, Mendeley).
// Each entry carries what the reference list gave (authors, year, title,
// journal, volume, issue, pages) and, in a note, the design and evidence
// level kapgraph assigned; the key is the study's id without its prefix.

// bibKey is a study's BibTeX key: its id's local part, in the characters
// BibTeX keys allow.
func bibKey(n *graph.Node) string {
	_, local, ok := strings.Cut(n.ID, ":")
	if !ok {
		local = n.ID
	}
	local = strings.TrimPrefix(local, "study.")
	var b strings.Builder
	for _, r := range local {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("-_:.", r)) {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}

// bibEscape protects text in a braced BibTeX field: braces must balance
// and LaTeX's special characters are escaped.
func bibEscape(s string) string {
	return strings.NewReplacer(`\`, `\textbackslash{}`, "{", `\{`, "}", `\}`, "&", `\&`, "%", `\%`, "$", `\$`, "#", `\#`, "_", `\_`, "~", `\~{}`, "^", `\^{}`).Replace(s)
}

// studyNote is the design and evidence level kapgraph assigned.
func studyNote(n *graph.Node) string {
	var parts []string
	if n.Design != "" {
		parts = append(parts, "design: "+n.Design)
	}
	if n.EvidenceLevel > 0 {
		parts = append(parts, "evidence level "+strconv.Itoa(n.EvidenceLevel)+" (1 strongest, 5 weakest)")
	}
	if len(parts) == 0 {
		return ""
	}
	return "kapgraph " + strings.Join(parts, "; ")
}

// WriteBibTeX writes one @article entry a study (@misc when no journal).
func WriteBibTeX(w io.Writer, studies []*graph.Node) error {
	for _, n := range studies {
		typ := "article"
		if n.Journal == "" {
			typ = "misc"
		}
		fields := [][2]string{
			{"author", strings.Join(lastFirst(n.Authors), " and ")},
			{"title", n.Title},
			{"journal", n.Journal},
			{"year", yearOf(n)},
			{"volume", n.Volume},
			{"number", n.Issue},
			{"pages", strings.ReplaceAll(n.Pages, "-", "--")},
			{"note", studyNote(n)},
		}
		if n.Title == "" {
			fields[1][1] = n.Name
		}
		if _, err := fmt.Fprintf(w, "@%s{%s,\n", typ, bibKey(n)); err != nil {
			return err
		}
		for _, f := range fields {
			if f[1] == "" {
				continue
			}
			if _, err := fmt.Fprintf(w, "  %s = {%s},\n", f[0], bibEscape(f[1])); err != nil {
				return err
			}
		}
		if _, err := io.WriteString(w, "}\n\n"); err != nil {
			return err
		}
	}
	return nil
}

// WriteRIS writes one JOUR (or GEN) record a study.
func WriteRIS(w io.Writer, studies []*graph.Node) error {
	for _, n := range studies {
		typ := "JOUR"
		if n.Journal == "" {
			typ = "GEN"
		}
		var b strings.Builder
		tag := func(t, v string) {
			if v = strings.Join(strings.Fields(v), " "); v != "" {
				fmt.Fprintf(&b, "%s  - %s\r\n", t, v)
			}
		}
		tag("TY", typ)
		tag("ID", n.ID)
		for _, a := range lastFirst(n.Authors) {
			tag("AU", a)
		}
		title := n.Title
		if title == "" {
			title = n.Name
		}
		tag("TI", title)
		tag("JO", n.Journal)
		tag("PY", yearOf(n))
		tag("VL", n.Volume)
		tag("IS", n.Issue)
		if sp, ep, ok := strings.Cut(n.Pages, "-"); ok {
			tag("SP", sp)
			tag("EP", ep)
		} else {
			tag("SP", n.Pages)
		}
		tag("N1", studyNote(n))
		b.WriteString("ER  - \r\n\r\n")
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
	}
	return nil
}

// lastFirst turns the reference list's "Krystal JH" or "Krystal J H"
// (surname, then initials) into "Krystal, JH" / "Krystal, J H", the
// "Last, First" form BibTeX and RIS read unambiguously: the trailing
// words in capitals of at most three letters are the initials, the rest
// the surname. A name with no initials is left as it is.
func lastFirst(authors []string) []string {
	out := make([]string, len(authors))
	for i, a := range authors {
		words := strings.Fields(a)
		k := len(words)
		for k > 1 && isInitials(words[k-1]) {
			k--
		}
		if k == len(words) || k == 0 {
			out[i] = a
			continue
		}
		out[i] = strings.Join(words[:k], " ") + ", " + strings.Join(words[k:], " ")
	}
	return out
}

func isInitials(w string) bool {
	w = strings.ReplaceAll(w, ".", "")
	if w == "" || len(w) > 3 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func yearOf(n *graph.Node) string {
	if n.Year > 0 {
		return strconv.Itoa(n.Year)
	}
	return ""
}
