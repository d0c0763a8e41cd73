// Creates or updates one batch of edges of one type. An edge is (from, type, to), and for FEEDS
// also its `output`, so the existing edge is matched on that before creating a new one.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
OPTIONAL MATCH (a)-[old:{{type}}]->(b)
  WHERE coalesce(old.output, '') = coalesce(row.props.output, '')
WITH a, b, row, old,
     old IS NOT NULL AND any(k IN keys(row.props) WHERE old[k] IS NULL OR old[k] <> row.props[k]) AS updated
CALL (a, b, row, old) {
  WITH a, b, row, old WHERE old IS NULL
  CREATE (a)-[e:{{type}}]->(b)
  SET e = row.props
  RETURN 1 AS created
  UNION ALL
  WITH row, old WHERE old IS NOT NULL
  SET old += row.props
  RETURN 0 AS created
}
RETURN sum(created) AS created, sum(CASE WHEN updated THEN 1 ELSE 0 END) AS updated
