// Every edge of one type whose two ends are exported, streamed.
MATCH (a:Entity)-[r:{{type}}]->(b:Entity)
WHERE ($ids IS NULL OR (a.id IN $ids AND b.id IN $ids))
  AND ($labels IS NULL OR (any(l IN labels(a) WHERE l IN $labels) AND any(l IN labels(b) WHERE l IN $labels)))
RETURN a.id AS from, b.id AS to, properties(r) AS props
ORDER BY from, to
