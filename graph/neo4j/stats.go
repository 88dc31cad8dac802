package neo4j

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph"
)

// Stats implements graph.Store.
func (s *Store) Stats(ctx context.Context) (*graph.Stats, error) {
	recs, err := s.query(ctx, "Stats", cypherStats, nil)
	if err != nil {
		return nil, err
	}
	st, err := decodeStats(recs)
	if err != nil {
		return nil, s.mapErr(ctx, "Stats", err)
	}
	return st, nil
}

func decodeStats(recs []*neo4j.Record) (*graph.Stats, error) {
	if len(recs) != 1 {
		return nil, fmt.Errorf("stats: %d records", len(recs))
	}
	rec := recs[0]
	st := &graph.Stats{}
	for key, into := range map[string]*int{"nodes": &st.Nodes, "edges": &st.Edges, "documents": &st.Documents} {
		n, _, err := neo4j.GetRecordValue[int64](rec, key)
		if err != nil {
			return nil, err
		}
		*into = int(n)
	}
	// rows reads a column of [key..., count] lists.
	rows := func(key string, width int, into func(row []any, count int)) error {
		list, _, err := neo4j.GetRecordValue[[]any](rec, key)
		if err != nil {
			return err
		}
		for _, raw := range list {
			row, ok := raw.([]any)
			if !ok || len(row) != width {
				return fmt.Errorf("stats %s: malformed row %v", key, raw)
			}
			c, ok := row[width-1].(int64)
			if !ok {
				return fmt.Errorf("stats %s: malformed count %v", key, row[width-1])
			}
			into(row, int(c))
		}
		return nil
	}
	cats, preds, designs, levels, years, concerns := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	positive := func(m map[string]int) func([]any, int) {
		return func(row []any, c int) {
			if k, _ := row[0].(string); c > 0 {
				m[k] += c
			}
		}
	}
	if err := rows("byCategory", 2, positive(cats)); err != nil {
		return nil, err
	}
	if err := rows("byPredicate", 2, positive(preds)); err != nil {
		return nil, err
	}
	if err := studyRows(rec, designs, levels, years); err != nil {
		return nil, err
	}
	if err := rows("concerns", 2, func(row []any, c int) {
		k, _ := row[0].(string)
		concerns[k] += c
	}); err != nil {
		return nil, err
	}
	st.ByCategory, st.ByPredicate = graph.Counts(cats), graph.Counts(preds)
	st.ByDesign, st.ByEvidenceLevel = graph.Counts(designs), graph.Counts(levels)
	st.ByYear, st.ByConcernKind = graph.Counts(years), graph.Counts(concerns)
	return st, nil
}

// MetaGraph implements graph.Store.
func (s *Store) MetaGraph(ctx context.Context) ([]*graph.MetaEdge, error) {
	const cypher = "MATCH (a:" + labelEntity + ")-[r]->(b:" + labelEntity + ") " +
		"RETURN a.category AS subject, type(r) AS predicate, b.category AS object, count(*) AS count"
	recs, err := s.query(ctx, "MetaGraph", cypher, nil)
	if err != nil {
		return nil, err
	}
	var out []*graph.MetaEdge // nil when there are no edges, as in the embedded engine
	for _, r := range recs {
		subj, _, err1 := neo4j.GetRecordValue[string](r, "subject")
		pred, _, err2 := neo4j.GetRecordValue[string](r, "predicate")
		obj, _, err3 := neo4j.GetRecordValue[string](r, "object")
		c, _, err4 := neo4j.GetRecordValue[int64](r, "count")
		for _, err := range []error{err1, err2, err3, err4} {
			if err != nil {
				return nil, s.mapErr(ctx, "MetaGraph", err)
			}
		}
		out = append(out, &graph.MetaEdge{Subject: graph.Category(subj), Predicate: graph.Predicate(pred), Object: graph.Category(obj), Count: int(c)})
	}
	graph.SortMeta(out)
	return out, nil
}

// studyRows folds the studies column (cypherStatsHistograms: strings
// "level|year|count|design") into the three Study histograms. Levels and
// years are summed by number and named once each at the end, not once a
// row (graph.YearKey formats with fmt). A level or year that is not an
// integer counts as 0, as when the rows were lists of values.
func studyRows(rec *neo4j.Record, designs, levels, years map[string]int) error {
	list, _, err := neo4j.GetRecordValue[[]any](rec, "studies")
	if err != nil {
		return err
	}
	byLevel, byYear := map[int]int{}, map[int]int{}
	for _, raw := range list {
		row, _ := raw.(string)
		level, rest, ok1 := strings.Cut(row, "|")
		year, rest, ok2 := strings.Cut(rest, "|")
		count, design, ok3 := strings.Cut(rest, "|")
		c, err := strconv.Atoi(count)
		if !ok1 || !ok2 || !ok3 || err != nil {
			return fmt.Errorf("stats studies: malformed row %q", row)
		}
		l, _ := strconv.Atoi(level)
		y, _ := strconv.Atoi(year)
		designs[design] += c
		byLevel[l] += c
		if y > 0 {
			byYear[y] += c
		}
	}
	for l, c := range byLevel {
		levels[graph.EvidenceLevelKey(l)] += c
	}
	for y, c := range byYear {
		years[graph.YearKey(y)] += c
	}
	return nil
}
