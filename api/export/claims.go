package export

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// The evidence table: the claims a filter selects, one row a claim, with
// what a researcher cites them by (quote, section, studies with their
// designs and evidence levels), and the studies behind them as BibTeX and
// RIS. The explorer's Table tab writes the same columns (ui/explorer
// assets/js/table.js); the browser test checks that both agree with the
// GraphQL answer.

// ClaimsCSVFile, StudiesBibFile and StudiesRISFile are the downloads'
// file names.
const (
	ClaimsCSVFile  = "kapgraph-claims.csv"
	StudiesBibFile = "kapgraph-studies.bib"
	StudiesRISFile = "kapgraph-studies.ris"
)

// MultiSep joins several values in one cell (several quotes, studies).
const MultiSep = " | "

// TableColumns are the CSV's columns in order. "modality" is written
// only when some row has one (a negated or hedged claim).
var TableColumns = []string{"claim_id", "subject_id", "subject", "predicate", "sign", "object_id", "object", "modality",
	"score", "quote", "section", "study", "design", "evidence_level"}

// Table is the claims a filter selects, with the nodes they name.
type Table struct {
	Claims []*graph.Edge
	Nodes  map[string]*graph.Node
}

// ParseClaimFilter reads the claims root field's filter from a URL query:
// predicates (comma-separated or repeated, e.g. AFFECTS), sign
// (INCREASES, DECREASES), subject, object, disorder, study (ids), origin
// (STATED, INFERRED), concernKind and minScore, with the GraphQL
// argument names and values. An unknown parameter is an error, so a typo
// does not silently export everything.
func ParseClaimFilter(v url.Values) (graph.ClaimFilter, error) {
	f, _, err := parseTableQuery(v)
	return f, err
}

// parseTableQuery is ParseClaimFilter plus ids: the claim ids of an
// explicit selection (comma-separated or repeated), which the explorer's
// Table tab sends for the claims in view. With ids the filter must be
// empty.
func parseTableQuery(v url.Values) (graph.ClaimFilter, []string, error) {
	var f graph.ClaimFilter
	var ids []string
	for key, vals := range v {
		val := strings.TrimSpace(vals[len(vals)-1])
		switch key {
		case "ids":
			for _, vv := range vals {
				for _, id := range strings.Split(vv, ",") {
					if id = strings.TrimSpace(id); id != "" {
						ids = append(ids, id)
					}
				}
			}
		case "subject":
			f.Subject = val
		case "object":
			f.Object = val
		case "disorder":
			f.Disorder = val
		case "study":
			f.Study = val
		case "concernKind":
			f.ConcernKind = val
		case "predicates", "predicate":
			for _, vv := range vals {
				for _, p := range strings.Split(vv, ",") {
					if p = strings.TrimSpace(p); p != "" {
						f.Predicates = append(f.Predicates, graph.Predicate(strings.ToUpper(p)))
					}
				}
			}
		case "sign":
			switch strings.ToUpper(val) {
			case "INCREASES":
				f.Sign = graph.Increases
			case "DECREASES":
				f.Sign = graph.Decreases
			default:
				return f, nil, graph.Errorf(graph.EINVALID, "sign=%q: want INCREASES or DECREASES", val)
			}
		case "origin":
			switch strings.ToUpper(val) {
			case "STATED":
				f.Origin = graph.OriginStated
			case "INFERRED":
				f.Origin = graph.OriginInferred
			default:
				return f, nil, graph.Errorf(graph.EINVALID, "origin=%q: want STATED or INFERRED", val)
			}
		case "minScore":
			s, err := strconv.ParseFloat(val, 64)
			if err != nil {
				return f, nil, graph.Errorf(graph.EINVALID, "minScore=%q: not a number", val)
			}
			f.MinScore = s
		default:
			return f, nil, graph.Errorf(graph.EINVALID, "unknown filter %q: the claims filter takes predicates, sign, subject, object, disorder, study, origin, concernKind and minScore (or ids)", key)
		}
	}
	if len(ids) > graph.MaxIDs {
		return f, nil, graph.Errorf(graph.ELIMIT, "%d ids, above the limit of %d", len(ids), graph.MaxIDs)
	}
	if len(ids) > 0 && len(v) > 1 {
		return f, nil, graph.Errorf(graph.EINVALID, "ids names the claims itself: it takes no other filter")
	}
	return f, ids, nil
}

// ReadTableOf reads the claims of ids that exist, best supported first
// (score descending, then id, as the claims root field orders them), with
// the nodes they name.
func ReadTableOf(ctx context.Context, store graph.Store, ids []string) (*Table, error) {
	es, err := store.EdgesByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	slices.SortFunc(es, func(a, b *graph.Edge) int {
		if a.Score != b.Score {
			if a.Score > b.Score {
				return -1
			}
			return 1
		}
		return strings.Compare(a.ID, b.ID)
	})
	t := &Table{Claims: es, Nodes: map[string]*graph.Node{}}
	var want []string
	for _, e := range es {
		want = append(want, e.Subject, e.Object)
		want = append(want, e.Publications()...)
	}
	slices.Sort(want)
	ns, err := store.NodesByID(ctx, slices.Compact(want))
	if err != nil {
		return nil, err
	}
	for _, n := range ns {
		t.Nodes[n.ID] = n
	}
	return t, nil
}

// ReadTable reads every claim that passes f, in the claims root field's
// order (best supported first), page by page, with the nodes they name.
// A filter naming an id with no node is ENOTFOUND, as in GraphQL.
func ReadTable(ctx context.Context, store graph.Store, f graph.ClaimFilter) (*Table, error) {
	t := &Table{Nodes: map[string]*graph.Node{}}
	q := graph.ClaimQuery{Filter: f, First: graph.MaxPageSize}
	for {
		p, err := store.Claims(ctx, q)
		if err != nil {
			return nil, err
		}
		t.Claims = append(t.Claims, p.Edges...)
		for _, n := range p.Nodes {
			t.Nodes[n.ID] = n
		}
		if !p.HasNext || len(p.Cursors) == 0 {
			break
		}
		c, err := graph.DecodeCursor(p.Cursors[len(p.Cursors)-1])
		if err != nil {
			return nil, err
		}
		q.After = &c
	}
	if len(t.Claims) == 0 {
		for _, arg := range []struct{ name, id string }{{"subject", f.Subject}, {"object", f.Object}, {"disorder", f.Disorder}, {"study", f.Study}} {
			if arg.id == "" {
				continue
			}
			if _, err := store.Node(ctx, arg.id); err != nil {
				if graph.ErrorCode(err) == graph.ENOTFOUND {
					return nil, graph.Errorf(graph.ENOTFOUND, "%s: no node with id %q", arg.name, arg.id)
				}
				return nil, err
			}
		}
	}
	return t, nil
}

// Studies are the studies the table's claims cite, in order of first
// citation.
func (t *Table) Studies() []*graph.Node {
	var out []*graph.Node
	seen := map[string]bool{}
	for _, e := range t.Claims {
		for _, ev := range e.Evidence {
			for _, id := range ev.Studies {
				if n := t.Nodes[id]; n != nil && !seen[id] {
					seen[id] = true
					out = append(out, n)
				}
			}
		}
	}
	return out
}

// Modality is what qualifies a claim's assertion: "negated", "hedged",
// both, or "".
func Modality(e *graph.Edge) string {
	var m []string
	if e.Negated {
		m = append(m, "negated")
	}
	if e.Hedged {
		m = append(m, "hedged")
	}
	return strings.Join(m, ", ")
}

// WriteClaimsCSV writes the table, one row a claim.
func WriteClaimsCSV(w io.Writer, t *Table) error {
	withModality := slices.ContainsFunc(t.Claims, func(e *graph.Edge) bool { return Modality(e) != "" })
	cols := slices.DeleteFunc(slices.Clone(TableColumns), func(c string) bool { return c == "modality" && !withModality })
	cw := csv.NewWriter(w)
	if err := cw.Write(cols); err != nil {
		return err
	}
	name := func(id string) string {
		if n := t.Nodes[id]; n != nil {
			return n.Name
		}
		return id
	}
	for _, e := range t.Claims {
		var quotes, sections, studies, designs, levels []string
		for _, ev := range e.Evidence {
			quotes = append(quotes, ev.Quote)
			if !slices.Contains(sections, ev.SectionTitle) && ev.SectionTitle != "" {
				sections = append(sections, ev.SectionTitle)
			}
		}
		for _, id := range e.Publications() {
			n := t.Nodes[id]
			if n == nil {
				continue
			}
			studies = append(studies, n.Name)
			designs = append(designs, n.Design)
			lv := ""
			if n.EvidenceLevel > 0 {
				lv = strconv.Itoa(n.EvidenceLevel)
			}
			levels = append(levels, lv)
		}
		row := map[string]string{
			"claim_id": e.ID, "subject_id": e.Subject, "subject": name(e.Subject), "predicate": string(e.Predicate),
			"sign": strings.ToUpper(string(e.Sign)), "object_id": e.Object, "object": name(e.Object), "modality": Modality(e),
			"score": strconv.FormatFloat(e.Score, 'f', -1, 64), "quote": strings.Join(quotes, MultiSep),
			"section": strings.Join(sections, MultiSep), "study": strings.Join(studies, MultiSep),
			"design": strings.Join(designs, MultiSep), "evidence_level": strings.Join(levels, MultiSep),
		}
		rec := make([]string, len(cols))
		for i, c := range cols {
			rec[i] = row[c]
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("writing claims CSV: %w", err)
	}
	return nil
}
