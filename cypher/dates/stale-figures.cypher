// Records whose figures are dated before $cutoff (asOf compared as text: "2019-03" < "2023"),
// and with $undated also records that hold a figure and no date: what needs updating, oldest
// first. $nodeFigures / $edgeFigures and the relationship types come from FIGURE_PROPERTIES
// (src/model/records.ts); a property counts only on the kinds that have it as a figure.
CALL () {
  MATCH (n:Entity)
  WITH n, [k IN $nodeFigures WHERE n[k] IS NOT NULL] AS figures
  WHERE size(figures) > 0 AND ((n.asOf IS NOT NULL AND n.asOf < $cutoff) OR ($undated AND n.asOf IS NULL))
  RETURN n.asOf AS asOf, figures, n AS node, null AS edge, n.id AS key
  UNION ALL
  MATCH (a:Entity)-[r:{{types}}]->(b:Entity)
  WITH a, r, b, [k IN $edgeFigures WHERE r[k] IS NOT NULL] AS figures
  WHERE size(figures) > 0 AND ((r.asOf IS NOT NULL AND r.asOf < $cutoff) OR ($undated AND r.asOf IS NULL))
  RETURN r.asOf AS asOf, figures, null AS node, {type: type(r), from: a.id, to: b.id, props: properties(r)} AS edge, a.id + ' ' + type(r) + ' ' + b.id AS key
}
RETURN asOf, figures, node, edge
ORDER BY asOf IS NULL, asOf, key
LIMIT toInteger($limit)
