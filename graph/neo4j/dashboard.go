package neo4j

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// Dashboards on a large graph: the lists a dashboard pages through and
// the counts it shows should cost what the page costs, not a pass over
// every node of the category.
//
//   - A list of studies filtered only by design, evidence level and year
//     counts its total from the Stats summary Load keeps (summary.go),
//     whose groups are exactly (design, level, year), when the summary
//     covers the studies; otherwise it counts them.
//   - A list of studies by year with a lower bound on the year reads its
//     page in the order of the :Study(year) index (schema.go), so Neo4j
//     stops after the page instead of sorting every match. Without the
//     bound, studies with no year belong to the list (their key is
//     year 0) and the index does not hold them, so the list sorts as any
//     other does.

// summaryTotal is the total of q from the summary, as a subquery body
// returning total, when q's filters are ones the summary's groups
// carry.
func summaryTotal(q graph.NodeQuery) (string, bool) {
	if q.Category != graph.CategoryStudy || q.Kind != "" || q.Document != "" || q.NameContains != "" {
		return "", false
	}
	// listFilter's conditions over the group s, with the same parameters.
	conds := []string{"s.kind = '" + statStudy + "'"}
	if q.Design != "" {
		conds = append(conds, "coalesce(s.design, '') = $design")
	}
	if q.MaxEvidence > 0 {
		conds = append(conds, "coalesce(s.level, 0) <> 0 AND s.level <= $maxEvidence")
	}
	if q.YearFrom > 0 {
		conds = append(conds, "coalesce(s.year, 0) >= $yearFrom")
	}
	if q.YearTo > 0 {
		conds = append(conds, "coalesce(s.year, 0) <> 0 AND s.year <= $yearTo")
	}
	where, _ := listFilter(q) // the caller set the same parameters
	scan := "MATCH (n:" + string(graph.CategoryStudy) + ") " + where
	// Both branches run as subqueries of one row; UNWIND of an empty list
	// skips the one not taken, and sum and count of no rows are 0.
	return "CALL () { " + cypherSummaryCovers + " } " +
		"CALL (covered) { UNWIND CASE WHEN covered THEN [1] ELSE [] END AS _ " +
		"MATCH (s:" + labelStat + ") WHERE " + strings.Join(conds, " AND ") + " RETURN sum(s.count) AS fromSummary } " +
		"CALL (covered) { UNWIND CASE WHEN covered THEN [] ELSE [1] END AS _ " + scan + " RETURN count(n) AS scanned } " +
		"RETURN fromSummary + scanned AS total", true
}

// yearIndexPage is the page of a study list by year with a lower bound
// on the year, read in the index's order: the same rows, keys and order
// as ListNodes' general page (key toString(10000 + year), then id).
func yearIndexPage(q graph.NodeQuery, after *graph.Cursor, dir, cmp string, params map[string]any) (string, bool) {
	if q.Category != graph.CategoryStudy || q.OrderBy != graph.OrderByYear || q.YearFrom <= 0 {
		return "", false
	}
	conds := []string{"n.year >= $yearFrom"} // excludes studies without a year, as coalesce(n.year, 0) >= $yearFrom does
	where, _ := listFilter(graph.NodeQuery{Kind: q.Kind, Document: q.Document, Design: q.Design, MaxEvidence: q.MaxEvidence, YearTo: q.YearTo, NameContains: q.NameContains})
	if w := strings.TrimPrefix(where, "WHERE "); w != "" {
		conds = append(conds, w)
	}
	if after != nil {
		k, err := strconv.Atoi(after.Key)
		if err != nil || len(after.Key) != 5 {
			return "", false // not a key of this order: the general page says so
		}
		// One range on the year (so one index seek, in order), the ties
		// on the cursor's year cut by id.
		conds = append(conds, fmt.Sprintf("n.year %[1]s= $afterYear AND (n.year %[1]s $afterYear OR n.id %[1]s $afterID)", cmp))
		params["afterYear"] = k - 10000
	}
	return "COLLECT { MATCH (n:" + string(graph.CategoryStudy) + ") WHERE " + strings.Join(conds, " AND ") +
		fmt.Sprintf(" WITH n ORDER BY n.year %[1]s, n.id %[1]s LIMIT $limit RETURN {props: properties(n), key: toString(10000 + n.year)} } AS page", dir), true
}
