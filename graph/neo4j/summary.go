package neo4j

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph"
)

// The Stats summary.
//
// Stats' histograms of :Study nodes (design, evidence level, year) and of
// :CitationConcern nodes (kind) would otherwise scan those labels on every
// call, the slowest question a dashboard asks on a large graph. Load knows
// what each document adds and removes, so it keeps the histograms in small
// :KapgraphStat nodes, one per group of equal fields (a Study's design,
// level and year together; a concern's kind) with the number of nodes in
// the group. Like :KapgraphDocument they do not carry :Entity, so no graph
// query sees them.
//
// The summary is exact only if every write goes through Load, and a
// database written by an older kapgraph has none. So it is checked, not
// trusted: the groups' counts must add up to the count store's numbers of
// :Study and :CitationConcern nodes. Stats reads the summary when it
// covers them and scans otherwise, and Load applies its change to a
// covering summary and rebuilds one that does not cover (so the first load
// after an upgrade repairs it).
const labelStat = "KapgraphStat"

// statKey is one group of the summary.
type statKey struct {
	Kind    string `json:"k"` // "study" or "concern"
	Design  string `json:"d,omitempty"`
	Level   int64  `json:"l,omitempty"`
	Year    int64  `json:"y,omitempty"`
	Concern string `json:"c,omitempty"`
}

const (
	statStudy   = "study"
	statConcern = "concern"
)

// id is the group's unique key (the :KapgraphStat uniqueness constraint).
func (k statKey) id() string {
	b, err := json.Marshal(k)
	if err != nil {
		panic(fmt.Sprintf("neo4j: summary key: %v", err)) // plain data never fails
	}
	return string(b)
}

// statFields are the node properties statKeyFromRow reads, as a Cypher
// list body over n; statWidth is their number.
const (
	statFields = "n.category, n.design, n.evidenceLevel, n.year, n.concernKind"
	statWidth  = 5
)

// statLabels matches the nodes the summary counts.
var statLabels = "n:" + string(graph.CategoryStudy) + " OR n:" + string(graph.CategoryCitationConcern)

// statKeyOf is the group of a node about to be written, if it has one.
func statKeyOf(n *graph.Node) (statKey, bool) {
	switch n.Category {
	case graph.CategoryStudy:
		return statKey{Kind: statStudy, Design: n.Design, Level: int64(n.EvidenceLevel), Year: int64(n.Year)}, true
	case graph.CategoryCitationConcern:
		return statKey{Kind: statConcern, Concern: n.ConcernKind}, true
	}
	return statKey{}, false
}

// statKeyFromRow is the group of a stored node from its statFields (an
// absent property is the zero value, as in the codec).
func statKeyFromRow(row []any) (statKey, bool) {
	if len(row) != statWidth {
		return statKey{}, false
	}
	str := func(v any) string { s, _ := v.(string); return s }
	num := func(v any) int64 { i, _ := v.(int64); return i }
	switch graph.Category(str(row[0])) {
	case graph.CategoryStudy:
		return statKey{Kind: statStudy, Design: str(row[1]), Level: num(row[2]), Year: num(row[3])}, true
	case graph.CategoryCitationConcern:
		return statKey{Kind: statConcern, Concern: str(row[4])}, true
	}
	return statKey{}, false
}

// cypherSummaryCovers is a subquery body returning covered: whether the
// summary's counts add up to the count store's.
var cypherSummaryCovers = "CALL () { MATCH (n:" + string(graph.CategoryStudy) + ") RETURN count(n) AS nStudies } " +
	"CALL () { MATCH (n:" + string(graph.CategoryCitationConcern) + ") RETURN count(n) AS nConcerns } " +
	"CALL () { OPTIONAL MATCH (s:" + labelStat + ") " +
	"RETURN sum(CASE WHEN s.kind = '" + statStudy + "' THEN s.count ELSE 0 END) AS sStudies, " +
	"sum(CASE WHEN s.kind = '" + statConcern + "' THEN s.count ELSE 0 END) AS sConcerns } " +
	"RETURN nStudies = sStudies AND nConcerns = sConcerns AS covered"

// cypherStatsHistograms is the part of the Stats statement that yields
// studies (rows packed as "level|year|count|design" strings: as lists of
// four values the driver made about six allocations a row, and a 10k
// graph has about 580 rows) and concerns ([kind, count] rows): from the summary when it covers the nodes, else from one pass
// over each label. UNWIND of an empty list skips the branch not taken.
var cypherStatsHistograms = "CALL () { " + cypherSummaryCovers + " } " +
	"CALL (covered) { UNWIND CASE WHEN covered THEN [1] ELSE [] END AS _ " +
	"MATCH (s:" + labelStat + ") WHERE s.kind = '" + statStudy + "' " +
	"RETURN collect(toString(coalesce(s.level, 0)) + '|' + toString(coalesce(s.year, 0)) + '|' + toString(s.count) + '|' + coalesce(s.design, '')) AS summaryStudies } " +
	"CALL (covered) { UNWIND CASE WHEN covered THEN [1] ELSE [] END AS _ " +
	"MATCH (s:" + labelStat + ") WHERE s.kind = '" + statConcern + "' " +
	"RETURN collect([coalesce(s.concern, ''), s.count]) AS summaryConcerns } " +
	"CALL (covered) { UNWIND CASE WHEN covered THEN [] ELSE [1] END AS _ " +
	"MATCH (n:" + string(graph.CategoryStudy) + ") " +
	"WITH coalesce(n.design, '') AS design, coalesce(n.evidenceLevel, 0) AS level, coalesce(n.year, 0) AS year, count(*) AS count " +
	"RETURN collect(toString(level) + '|' + toString(year) + '|' + toString(count) + '|' + design) AS scannedStudies } " +
	"CALL (covered) { UNWIND CASE WHEN covered THEN [] ELSE [1] END AS _ " +
	"MATCH (n:" + string(graph.CategoryCitationConcern) + ") " +
	"WITH coalesce(n.concernKind, '') AS kind, count(*) AS count RETURN collect([kind, count]) AS scannedConcerns } " +
	"WITH *, CASE WHEN covered THEN summaryStudies ELSE scannedStudies END AS studies, " +
	"CASE WHEN covered THEN summaryConcerns ELSE scannedConcerns END AS concerns "

// cypherWriteSummary adds row.n to (add) or sets it as (set) the count of
// each group, dropping groups left empty. The count is read in the SET
// expression itself, so Cypher locks the node before reading it and
// concurrent loads cannot lose each other's changes.
const (
	summaryMerge = "UNWIND $rows AS row MERGE (s:" + labelStat + " {id: row.id}) " +
		"ON CREATE SET s.kind = row.kind, s.design = row.design, s.level = row.level, s.year = row.year, s.concern = row.concern "
	cypherAddSummary = summaryMerge + "SET s.count = coalesce(s.count, 0) + row.n WITH s WHERE s.count = 0 DELETE s"
	cypherSetSummary = summaryMerge + "SET s.count = row.n WITH s WHERE s.count = 0 DELETE s"
)

func summaryRows(m map[statKey]int) []map[string]any {
	var rows []map[string]any
	for k, n := range m {
		if n == 0 {
			continue
		}
		rows = append(rows, map[string]any{"id": k.id(), "kind": k.Kind, "design": k.Design, "level": k.Level,
			"year": k.Year, "concern": k.Concern, "n": n})
	}
	// In id order: concurrent loads lock the groups in the same order.
	slices.SortFunc(rows, func(a, b map[string]any) int {
		return strings.Compare(a["id"].(string), b["id"].(string))
	})
	return rows
}

// updateSummary is Load's last step. With a covering summary (as read
// before the load's writes) it applies the document's change; otherwise
// it rebuilds the summary from the nodes as they now are.
func updateSummary(ctx context.Context, tx neo4j.ManagedTransaction, covered bool, delta map[statKey]int) error {
	if covered {
		rows := summaryRows(delta)
		if len(rows) == 0 {
			return nil
		}
		_, err := consume(ctx, tx, cypherAddSummary, map[string]any{"rows": rows})
		return err
	}
	recs, err := collect(ctx, tx, "MATCH (n:"+labelEntity+") WHERE "+statLabels+
		" WITH ["+statFields+"] AS fields, count(*) AS count RETURN fields, count", nil)
	if err != nil {
		return err
	}
	all := map[statKey]int{}
	for _, r := range recs {
		fields, _ := r.Values[0].([]any)
		c, _ := r.Values[1].(int64)
		if k, ok := statKeyFromRow(fields); ok {
			all[k] += int(c)
		}
	}
	if _, err := consume(ctx, tx, "MATCH (s:"+labelStat+") DETACH DELETE s", nil); err != nil {
		return err
	}
	if rows := summaryRows(all); len(rows) > 0 {
		if _, err := consume(ctx, tx, cypherSetSummary, map[string]any{"rows": rows}); err != nil {
			return err
		}
	}
	return nil
}
